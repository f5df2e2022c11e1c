// transferTransactionFromProto against transactions built and signed by @waves/waves-transactions, whose ids are
// computed from their own body bytes: the id and body bytes read back must be the same (the node re-encodes the body:
// PBTransactionSerializer.bodyBytes; FastHashId). Refusals follow PBTransactions.vanilla and TransferTransaction.create.
import { createRequire } from 'node:module'
import wavesTransactions from '@waves/waves-transactions'
import { describe, expect, it } from 'vitest'
import type { Environment } from '../environment.ts'
import { CaseObj, UNIT, type Value } from '../values.ts'
import { blockchainEntries } from './blockchain.ts'
import { transferFromProto } from './transfer-proto.ts'
import type { NativeFunction } from './types.ts'

const require = createRequire(import.meta.url)
const wavesCrypto = require('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')
const { signedTxToProtoBytes, txToProtoBytes } = require('@waves/waves-transactions/dist/proto-serialize') as {
  signedTxToProtoBytes(tx: unknown): Uint8Array
  txToProtoBytes(tx: unknown): Uint8Array
}
const { transfer, data } = wavesTransactions

const R = 82
const seed = 'transfer sender'
const timestamp = 1_700_000_000_000
const bob = wavesCrypto.address('bob', 'R')

function fromProto(bytes: Uint8Array, env: Partial<Environment> = {}): Value {
  const f = blockchainEntries.find((e): e is NativeFunction => e.kind === 'native' && e.id === 1070 && e.costs[5] !== undefined)!
  return f.apply([bytes], { version: 5, env: { chainId: R, thisAsset: null, ...env } as Environment, remaining: 1000 })
}

describe('transferFromProto', () => {
  it('reads a version 3 transfer to an address: the same id, body bytes and fields', () => {
    const tx = transfer({ recipient: bob, amount: 12345, fee: 100000, timestamp, chainId: 'R', attachment: '3Mv', assetId: null }, seed)
    const read = transferFromProto(signedTxToProtoBytes(tx), R)!
    expect(wavesCrypto.base58Encode(read.id)).toBe(tx.id)
    expect(read.bodyBytes).toEqual(txToProtoBytes(tx))
    expect(read).toMatchObject({
      type: 4,
      version: 3,
      fee: 100000n,
      timestamp: BigInt(timestamp),
      amount: 12345n,
      assetId: null,
      feeAssetId: null,
      recipient: { address: wavesCrypto.base58Decode(bob) },
      sender: wavesCrypto.base58Decode(wavesCrypto.address(seed, 'R')),
      attachment: wavesCrypto.base58Decode('3Mv'),
    })
    expect(read.type === 4 && read.proofs.map((p) => wavesCrypto.base58Encode(p))).toEqual(tx.proofs)
  })

  it('reads an alias recipient and an asset', () => {
    const assetId = wavesCrypto.base58Encode(new Uint8Array(32).fill(3))
    const tx = transfer({ recipient: 'alias:R:bobby', amount: 1, fee: 500000, timestamp, chainId: 'R', assetId, feeAssetId: assetId }, seed)
    const read = transferFromProto(signedTxToProtoBytes(tx), R)!
    expect(wavesCrypto.base58Encode(read.id)).toBe(tx.id)
    expect(read).toMatchObject({ recipient: { alias: 'bobby' }, assetId: new Uint8Array(32).fill(3), feeAssetId: new Uint8Array(32).fill(3) })
  })

  it('keeps the binary body of a version 2 transfer (TransferTxSerializer.bodyBytes)', () => {
    const tx = transfer({ version: 2, recipient: bob, amount: 7, fee: 100000, timestamp, chainId: 'R' } as never, seed)
    const read = transferFromProto(signedTxToProtoBytes(tx), R)!
    expect(wavesCrypto.base58Encode(read.id)).toBe(tx.id)
  })

  it('refuses what the node would not read as a valid transfer of this chain', () => {
    const ok = { recipient: bob, amount: 1, fee: 100000, timestamp, chainId: 'R' } as const
    const bytesOf = (params: Record<string, unknown>) => signedTxToProtoBytes(transfer({ ...ok, ...params } as never, seed))
    expect(transferFromProto(bytesOf({}), 87)).toBeNull()
    const oversized = { ...transfer(ok, seed), attachment: wavesCrypto.base58Encode(new Uint8Array(141).fill(1)) }
    expect(transferFromProto(signedTxToProtoBytes(oversized), R)).toBeNull()
    const unpaid = { ...transfer(ok, seed), fee: 0 }
    expect(transferFromProto(signedTxToProtoBytes(unpaid), R)).toBeNull()
    expect(transferFromProto(bytesOf({ attachment: wavesCrypto.base58Encode(new Uint8Array(140).fill(1)) }), R)).not.toBeNull()
    expect(transferFromProto(signedTxToProtoBytes(data({ data: [{ key: 'k', type: 'integer', value: 1 }], timestamp, chainId: 'R', fee: 100000 }, seed)), R)).toBeNull()
    expect(transferFromProto(Uint8Array.of(0x0a, 0x05, 1), R)).toBeNull()
    expect(transferFromProto(new Uint8Array(), R)).toBeNull()
  })

  it('is shown as a TransferTransaction, without proofs in asset scripts (transactionFromProtoBytesF)', () => {
    const tx = transfer({ recipient: bob, amount: 5, fee: 100000, timestamp, chainId: 'R' }, seed)
    const obj = fromProto(signedTxToProtoBytes(tx)) as CaseObj
    expect(obj.typeName).toBe('TransferTransaction')
    expect(obj.get('amount')).toBe(5n)
    expect(obj.fields.has('proofs')).toBe(true)
    expect((fromProto(signedTxToProtoBytes(tx), { thisAsset: new Uint8Array(32) }) as CaseObj).fields.has('proofs')).toBe(false)
    expect(fromProto(Uint8Array.of(1, 2, 3))).toBe(UNIT)
  })
})

// invokeBodyBytes against @waves/waves-transactions' makeTxBytes (what bodyBytes used for every invoke): the same
// bytes for generated invokes, so ids and signatures stay those the library computes.
import fc from 'fast-check'
import wavesTransactions from '@waves/waves-transactions'
import { describe, expect, it } from 'vitest'
import { base58Encode } from '../crypto.ts'
import { invokeBodyBytes } from './invoke-bytes.ts'
import { printTx, type CallArg, type Tx } from './tx.ts'

type Invoke = Extract<Tx, { type: 16 }>
const { makeTxBytes } = wavesTransactions

const library = (tx: Invoke): Uint8Array => {
  const wire = JSON.parse(JSON.stringify(printTx(tx), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
  return makeTxBytes(wire)
}

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map(base58Encode)
const long = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
const scalar: fc.Arbitrary<CallArg> = fc.oneof(
  long.map((value) => ({ type: 'integer' as const, value })),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((value) => ({ type: 'string' as const, value })),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  fc.uint8Array({ maxLength: 40 }).map((value) => ({ type: 'binary' as const, value })),
)
const arg: fc.Arbitrary<CallArg> = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }).map((value) => ({ type: 'list' as const, value })))
// an address of chain R: version 1, chain id, 20 bytes of key hash, 4 bytes of checksum (not checked here)
const address = fc.uint8Array({ minLength: 24, maxLength: 24 }).map((rest) => base58Encode(Uint8Array.from([1, 82, ...rest])))

const invoke: fc.Arbitrary<Invoke> = fc.record({
  type: fc.constant(16 as const),
  version: fc.constant(2),
  chainId: fc.constant(82),
  id: fc.constant(''),
  sender: fc.constant(''),
  senderPublicKey: bytes(32),
  fee: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
  feeAssetId: fc.option(bytes(32), { nil: null }),
  timestamp: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  proofs: fc.constant([]),
  dApp: address,
  call: fc.record({ function: fc.string({ unit: 'grapheme', maxLength: 30 }), args: fc.array(arg, { maxLength: 5 }) }),
  payment: fc.array(fc.record({ amount: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), assetId: fc.option(bytes(32), { nil: null }) }), { maxLength: 3 }),
})

describe('invokeBodyBytes', () => {
  it('writes the bytes makeTxBytes writes, for generated invokes', () => {
    fc.assert(
      fc.property(invoke, (tx) => {
        expect(invokeBodyBytes(tx)).toEqual(library(tx))
      }),
      { seed: 116, numRuns: 400 },
    )
  })

  it('leaves a call-less invoke and a dApp by alias to the library', () => {
    const tx = fc.sample(invoke, { seed: 1, numRuns: 1 })[0]!
    expect(invokeBodyBytes({ ...tx, call: null })).toBeNull()
    expect(invokeBodyBytes({ ...tx, dApp: 'alias:R:shop' })).toBeNull()
  })
})

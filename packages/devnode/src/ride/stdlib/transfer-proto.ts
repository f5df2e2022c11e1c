// transferTransactionFromProto (V4+): a signed transfer in the node's protobuf form (waves.SignedTransaction) read
// and checked as the node reads it (PBTransactionSerializer.parseBytes, PBTransactions.vanilla, TransferTransaction
// .create and TransferTxValidator), then shown as a script sees a transfer. Anything the node would refuse is null.
import { blake2b256 } from './crypto.ts'
import { addressFromPublicKey, invalidAddressReason, secureHash } from './addresses.ts'
import type { Recipient, TransactionDescription } from './bindings.ts'

type Field = { number: number; wire: number; value: bigint | Uint8Array }

/** The fields of one protobuf message, in order; throws on malformed input. */
function fields(bytes: Uint8Array): Field[] {
  const out: Field[] = []
  let offset = 0
  const varint = (): bigint => {
    let result = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (offset >= bytes.length) throw new Error('truncated varint')
      const b = bytes[offset++]!
      result |= BigInt(b & 0x7f) << shift
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result)
    }
    throw new Error('varint too long')
  }
  while (offset < bytes.length) {
    const key = varint()
    const number = Number(key >> 3n)
    const wire = Number(key & 7n)
    if (number === 0) throw new Error('field number 0')
    if (wire === 0) out.push({ number, wire, value: varint() })
    else if (wire === 2) {
      const length = Number(varint())
      if (offset + length > bytes.length) throw new Error('truncated field')
      out.push({ number, wire, value: bytes.subarray(offset, offset + length) })
      offset += length
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4
      if (offset + size > bytes.length) throw new Error('truncated field')
      offset += size
    } else throw new Error(`wire type ${wire}`)
  }
  return out
}

/** The last value of a field (proto3 scalars: the last one wins), with a wire type check. */
function last(fs: Field[], number: number, wire: 0): bigint | undefined
function last(fs: Field[], number: number, wire: 2): Uint8Array | undefined
function last(fs: Field[], number: number, wire: 0 | 2): bigint | Uint8Array | undefined {
  let found: Field | undefined
  for (const f of fs) if (f.number === number) found = f
  if (found === undefined) return undefined
  if (found.wire !== wire) throw new Error(`field ${number}: wire type ${found.wire}`)
  return found.value
}

const int32 = (v: bigint | undefined) => Number(BigInt.asIntN(32, v ?? 0n))
const int64 = (v: bigint | undefined) => BigInt.asIntN(64, v ?? 0n)

function amountOf(bytes: Uint8Array | undefined): { assetId: Uint8Array | null; amount: bigint } {
  const fs = fields(bytes ?? new Uint8Array())
  const assetId = last(fs, 1, 2)
  return { assetId: assetId === undefined || assetId.length === 0 ? null : Uint8Array.from(assetId), amount: int64(last(fs, 2, 0)) }
}

// ---------------------------------------------------------------------------------------------------------------------
// Writing the body back as the node re-encodes it (PBUtils.encodeDeterministic): fields in number order, defaults
// left out, the recipient as its 20-byte public key hash.

function varintBytes(v: bigint): number[] {
  let n = BigInt.asUintN(64, v)
  const out: number[] = []
  do {
    let b = Number(n & 0x7fn)
    n >>= 7n
    if (n !== 0n) b |= 0x80
    out.push(b)
  } while (n !== 0n)
  return out
}
function tag(number: number, wire: number): number[] {
  return varintBytes(BigInt((number << 3) | wire))
}
function varintField(number: number, v: bigint): number[] {
  return v === 0n ? [] : [...tag(number, 0), ...varintBytes(v)]
}
function bytesField(number: number, v: Uint8Array | number[], keepEmpty = false): number[] {
  return v.length === 0 && !keepEmpty ? [] : [...tag(number, 2), ...varintBytes(BigInt(v.length)), ...v]
}
function amountMessage(assetId: Uint8Array | null, amount: bigint): number[] {
  return [...bytesField(1, assetId ?? new Uint8Array()), ...varintField(2, amount)]
}

function protobufBody(tx: ParsedTransfer, recipient: Recipient): Uint8Array {
  const recipientMessage =
    'address' in recipient ? bytesField(1, recipient.address.subarray(2, 22)) : bytesField(2, [...new TextEncoder().encode(recipient.alias)])
  const transfer = [
    ...bytesField(1, recipientMessage, true),
    ...bytesField(2, amountMessage(tx.assetId, tx.amount), true),
    ...bytesField(3, tx.attachment),
  ]
  return Uint8Array.from([
    ...varintField(1, BigInt(tx.chainId)),
    ...bytesField(2, tx.senderPublicKey),
    ...bytesField(3, amountMessage(tx.feeAssetId, tx.fee), true),
    ...varintField(4, tx.timestamp),
    ...varintField(5, BigInt(tx.version)),
    ...bytesField(104, transfer, true),
  ])
}

/** Versions 1 and 2 keep their binary body (TransferTxSerializer.bodyBytes) even when they arrive in protobuf. */
function legacyBody(tx: ParsedTransfer, recipient: Recipient, chainId: number): Uint8Array {
  const long = (n: bigint) => {
    const b = new Uint8Array(8)
    new DataView(b.buffer).setBigInt64(0, n)
    return [...b]
  }
  const option = (id: Uint8Array | null) => (id === null ? [0] : [1, ...id])
  const recipientBytes =
    'address' in recipient
      ? [...recipient.address]
      : (() => {
          const name = new TextEncoder().encode(recipient.alias)
          return [2, chainId, name.length >> 8, name.length & 0xff, ...name]
        })()
  const body = [
    ...tx.senderPublicKey,
    ...option(tx.assetId),
    ...option(tx.feeAssetId),
    ...long(tx.timestamp),
    ...long(tx.amount),
    ...long(tx.fee),
    ...recipientBytes,
    tx.attachment.length >> 8,
    tx.attachment.length & 0xff,
    ...tx.attachment,
  ]
  return Uint8Array.from(tx.version === 1 ? [4, ...body] : [4, 2, ...body])
}

interface ParsedTransfer {
  chainId: number
  senderPublicKey: Uint8Array
  fee: bigint
  feeAssetId: Uint8Array | null
  timestamp: bigint
  version: number
  assetId: Uint8Array | null
  amount: bigint
  attachment: Uint8Array
}

const ALIAS_ALPHABET = /^[-.0-9@_a-z]{4,30}$/

/**
 * A protobuf SignedTransaction holding a transfer, as the description bindings.ts shows to scripts, or null when the
 * node would not read it as a valid transfer of chain `chainId`: another transaction type, an Ethereum transaction,
 * a bad key, a non-positive amount or fee, an attachment over 140 bytes, more than 8 proofs or one over 64 bytes, a
 * recipient of another chain, a version other than 1-3.
 */
export function transferFromProto(bytes: Uint8Array, chainId: number): Extract<TransactionDescription, { type: 4 }> | null {
  try {
    const signed = fields(bytes)
    // SignedTransaction's oneof: waves_transaction (1) or ethereum_transaction (3); the last one given counts
    const chosen = signed.filter((f) => f.number === 1 || f.number === 3).at(-1)
    if (chosen === undefined || chosen.number === 3) return null
    const body = last(signed, 1, 2)!
    const proofs = signed.filter((f) => f.number === 2).map((f) => {
      if (f.wire !== 2) throw new Error('proof wire type')
      return Uint8Array.from(f.value as Uint8Array)
    })
    if (proofs.length > 8 || proofs.some((p) => p.length > 64)) return null

    const tx = fields(body)
    const transferBytes = last(tx, 104, 2)
    const otherData = tx.some((f) => f.number >= 101 && f.number !== 104)
    if (transferBytes === undefined || otherData) return null
    const fee = amountOf(last(tx, 3, 2))
    const parsed: ParsedTransfer = {
      chainId: int32(last(tx, 1, 0)) & 0xff,
      senderPublicKey: Uint8Array.from(last(tx, 2, 2) ?? new Uint8Array()),
      fee: fee.amount,
      feeAssetId: fee.assetId,
      timestamp: int64(last(tx, 4, 0)),
      version: int32(last(tx, 5, 0)),
      ...{ assetId: null as Uint8Array | null, amount: 0n, attachment: new Uint8Array() },
    }
    const transfer = fields(transferBytes)
    const recipientBytes = last(transfer, 1, 2)
    const amountBytes = last(transfer, 2, 2)
    if (recipientBytes === undefined || amountBytes === undefined) return null
    const amount = amountOf(amountBytes)
    parsed.assetId = amount.assetId
    parsed.amount = amount.amount
    parsed.attachment = Uint8Array.from(last(transfer, 3, 2) ?? new Uint8Array())

    if (parsed.senderPublicKey.length !== 32 && parsed.senderPublicKey.length !== 64) return null
    if (parsed.version < 1 || parsed.version > 3) return null
    if (parsed.amount <= 0n || parsed.fee <= 0n || parsed.attachment.length > 140) return null

    // PBRecipients.toAddressOrAlias with the transaction's chain id; TransferTxValidator then wants this chain
    if (parsed.chainId !== chainId) return null
    // Recipient's oneof: public_key_hash (1) or alias (2); the last one given counts
    const r = fields(recipientBytes)
    const which = r.filter((f) => f.number === 1 || f.number === 2).at(-1)
    let recipient: Recipient
    if (which === undefined) return null
    if (which.number === 1) {
      const hash = last(r, 1, 2)!
      if (hash.length === 20) {
        const head = Uint8Array.from([1, chainId, ...hash])
        recipient = { address: Uint8Array.from([...head, ...secureHash(head).subarray(0, 4)]) }
      } else if (hash.length === 26) {
        if (invalidAddressReason(hash, chainId) !== null) return null
        recipient = { address: Uint8Array.from(hash) }
      } else if (hash.length === 32) {
        recipient = { address: addressFromPublicKey(hash, chainId) }
      } else return null
    } else {
      const alias = new TextDecoder('utf-8', { fatal: true }).decode(last(r, 2, 2)!)
      if (!ALIAS_ALPHABET.test(alias)) return null
      recipient = { alias }
    }

    const bodyBytes = parsed.version >= 3 ? protobufBody(parsed, recipient) : legacyBody(parsed, recipient, chainId)
    return {
      type: 4,
      id: blake2b256(bodyBytes),
      fee: parsed.fee,
      timestamp: parsed.timestamp,
      version: parsed.version,
      sender: addressFromPublicKey(parsed.senderPublicKey, chainId),
      senderPublicKey: parsed.senderPublicKey,
      bodyBytes,
      proofs,
      feeAssetId: parsed.feeAssetId,
      assetId: parsed.assetId,
      amount: parsed.amount,
      recipient,
      attachment: parsed.attachment,
    }
  } catch {
    return null
  }
}

// The transaction side of the miner: checks the transaction, builds its body bytes once with
// @waves/waves-transactions, finds where the salt's 8 bytes sit in the body, and turns a found salt back
// into a transaction whose id waves-transactions agrees with. Runs on the calling thread only.
import { libs, makeTxBytes } from '@waves/waves-transactions'
import { InvalidPowInputError } from './errors.ts'

/**
 * An unsigned invoke-script transaction as `invokeScript(params)` of @waves/waves-transactions v4 returns
 * it (version 2). Spelled out here rather than imported, so that this package's declarations name no
 * other package's types.
 */
export interface InvokeScriptTx {
  /** 16 */
  type: number
  version: number
  /** the chain id's character code, e.g. 82 for 'R' */
  chainId: number
  senderPublicKey: string
  dApp: string
  call?: { function: string; args: Array<{ type: string; value: unknown }> } | null
  /** `amount` in the asset's smallest unit; `assetId` null for WAVES */
  payment: Array<{ assetId: string | null; amount: number | string }> | null
  /** in wavelets */
  fee: number | string
  feeAssetId: string | null
  /** ms since the epoch */
  timestamp: number
  proofs: string[]
  /** base58 BLAKE2b-256 of the body */
  id: string
}

/** The body to mine. */
export interface PreparedBody {
  /** the transaction body (what the id hashes) with the starting salt in place */
  body: Uint8Array
  /** where the salt's 8 big-endian bytes start in `body` */
  saltOffset: number
  /** the salt the transaction came with: the search starts there */
  start: bigint
}

const INVOKE_SCRIPT = 16
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Checks that `tx` can be mined with the salt in argument `saltArg`, builds its body and finds the salt. */
export function prepareBody(tx: InvokeScriptTx, saltArg: number): PreparedBody {
  if (typeof tx !== 'object' || tx === null) throw new InvalidPowInputError('tx is not a transaction object')
  if (tx.type !== INVOKE_SCRIPT) {
    throw new InvalidPowInputError(`tx is not an invoke-script transaction: type ${String(tx.type)}, expected ${INVOKE_SCRIPT}`)
  }
  if (tx.version !== 2) {
    throw new InvalidPowInputError(`tx is an invoke-script transaction of version ${String(tx.version)}; only version 2 (protobuf body) is supported`)
  }
  if (Array.isArray(tx.proofs) && tx.proofs.length > 0) {
    throw new InvalidPowInputError('tx is already signed: mine the unsigned transaction, then sign it (a new salt changes the id and voids the proofs)')
  }
  const args = tx.call?.args ?? []
  if (!Number.isInteger(saltArg) || saltArg < 0 || saltArg >= args.length) {
    throw new InvalidPowInputError(`saltArg ${String(saltArg)} is not an argument index: tx.call has ${args.length} arguments`)
  }
  const arg = args[saltArg]!
  if (arg.type !== 'integer') {
    throw new InvalidPowInputError(`saltArg ${saltArg} points to a ${arg.type} argument; the salt must be an integer argument`)
  }
  const start = toInt64(arg.value)
  if (start === undefined) {
    throw new InvalidPowInputError(`the salt argument's value ${JSON.stringify(String(arg.value))} is not a 64-bit integer`)
  }

  // The body for salts 0 and -1 (all bits set) differs exactly in the salt's 8 bytes.
  const zeros = bodyBytes(withSalt(tx, saltArg, 0n))
  const ones = bodyBytes(withSalt(tx, saltArg, -1n))
  const saltOffset = zeros.findIndex((byte, i) => byte !== ones[i])
  const found =
    zeros.length === ones.length &&
    saltOffset >= 0 &&
    zeros.every((byte, i) => (i >= saltOffset && i < saltOffset + 8 ? byte === 0 && ones[i] === 0xff : byte === ones[i]))
  if (!found) throw new Error('internal error: the salt is not 8 bytes at a fixed place in the transaction body')

  const body = zeros
  writeSalt(body, saltOffset, start)
  if (!equalBytes(body, bodyBytes(tx))) throw new Error('internal error: the salt is not serialised as 8 bytes big-endian')
  return { body, saltOffset, start }
}

/** A copy of `tx` with `salt` in argument `saltArg` and `id` set to the id of the new body. */
export function withSaltAndId(tx: InvokeScriptTx, saltArg: number, salt: bigint): { tx: InvokeScriptTx; hash: Uint8Array } {
  const salted = withSalt(tx, saltArg, salt)
  const hash = libs.crypto.blake2b(bodyBytes(salted))
  return { tx: { ...salted, id: libs.crypto.base58Encode(hash) }, hash }
}

/** The number of leading zero bits of `bytes`, most significant bit of byte 0 first. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0
  for (const byte of bytes) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24
    bits += 8
  }
  return bits
}

/** Writes `salt` as 8 bytes big-endian (two's complement) at `offset`. */
export function writeSalt(body: Uint8Array, offset: number, salt: bigint): void {
  new DataView(body.buffer, body.byteOffset, body.byteLength).setBigInt64(offset, salt)
}

function withSalt(tx: InvokeScriptTx, saltArg: number, salt: bigint): InvokeScriptTx {
  const call = tx.call!
  // waves-transactions takes a Long as a number, or as a string beyond 2^53.
  const value = salt >= BigInt(Number.MIN_SAFE_INTEGER) && salt <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(salt) : salt.toString()
  const args = call.args.map((arg, i) => (i === saltArg ? { type: 'integer' as const, value } : arg))
  return { ...tx, call: { ...call, args } }
}

function bodyBytes(tx: InvokeScriptTx): Uint8Array {
  try {
    return makeTxBytes(tx as Parameters<typeof makeTxBytes>[0])
  } catch (cause) {
    throw new InvalidPowInputError(`tx cannot be serialised: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

function toInt64(value: unknown): bigint | undefined {
  let n: bigint
  if (typeof value === 'bigint') n = value
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value)
  else if (typeof value === 'string' && /^-?\d+$/.test(value)) n = BigInt(value)
  else return undefined
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

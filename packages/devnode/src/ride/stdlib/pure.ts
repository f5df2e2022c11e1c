// What the PureContext families (math, bigint, strings, bytes, lists, conversions) share: the node's rule for a cost
// per version, its limits on the values a function may build, and argument readers. No function of the table lives
// here.
import { type StdlibVersion, STDLIB_VERSIONS } from '../versions.ts'
import {
  CaseObj,
  MAX_WEIGHT,
  RideBigInt,
  RideError,
  type Value,
  utf8Length,
  weightOf,
} from '../values.ts'
import type { CostByVersion } from './types.ts'

/** Every stdlib version from `from` to `to` (inclusive). */
export function versions(from: StdlibVersion, to: StdlibVersion = 8): StdlibVersion[] {
  return STDLIB_VERSIONS.filter((v) => v >= from && v <= to)
}

/**
 * The cost of a function in each of `served` versions by the node's rule (BaseFunction.costByLibVersion): the cost
 * its map gives that version, or else the cost of the newest version in the map. A number is one cost for every
 * version.
 */
export function costs(map: number | CostByVersion, served: readonly StdlibVersion[]): CostByVersion {
  const out: CostByVersion = {}
  if (typeof map === 'number') {
    for (const v of served) out[v] = map
    return out
  }
  const keys = (Object.keys(map).map(Number) as StdlibVersion[]).sort((a, b) => a - b)
  const newest = map[keys[keys.length - 1]!]!
  for (const v of served) out[v] = map[v] ?? newest
  return out
}

/** Short.MaxValue: the largest String or ByteVector a function may build (Terms.DataEntryValueMax). */
export const DATA_ENTRY_VALUE_MAX = 32767
/** Terms.DataTxMaxBytes: the String limit of toUtf8String before V4 */
export const DATA_TX_MAX_BYTES = 150 * 1024
/** Terms.DataTxMaxProtoBytes: the ByteVector limit of take/drop from V6 */
export const DATA_TX_MAX_PROTO_BYTES = 165947
/** PureContext.MaxListLengthV4 */
export const MAX_LIST_LENGTH = 1000

export const LONG_MAX = 9223372036854775807n
export const LONG_MIN = -9223372036854775808n
/** 2^511 - 1 and -2^511: a RIDE BigInt's range (PureContext.BigIntMax/BigIntMin) */
export const BIGINT_MAX = (1n << 511n) - 1n
export const BIGINT_MIN = -(1n << 511n)

/** A String result, refused as the node's CONST_STRING refuses one over its limit. */
export function stringResult(s: string, limit: number = DATA_ENTRY_VALUE_MAX): string {
  const size = utf8Length(s)
  if (size > limit) throw new RideError(`String size=${size} exceeds ${limit} bytes`)
  return s
}

/** A ByteVector result, refused as the node's CONST_BYTESTR refuses one over its limit. */
export function bytesResult(b: Uint8Array, limit: number = DATA_ENTRY_VALUE_MAX): Uint8Array {
  if (b.length > limit) throw new RideError(`ByteStr size=${b.length} exceeds ${limit} bytes`)
  return b
}

/**
 * A list result, refused as the node's ARR refuses one: more than 1,000 elements when `limited`, or heavier than
 * MaxWeight. `weight` is the list's weight when the caller knows it (the node computes some weights by formula).
 */
export function listResult(xs: readonly Value[], limited: boolean, weight?: number): readonly Value[] {
  if (limited && xs.length > MAX_LIST_LENGTH) throw new RideError(`List size should not exceed ${MAX_LIST_LENGTH}`)
  const w = weight ?? weightOf(xs)
  if (w > MAX_WEIGHT) throw new RideError(`The list is too heavy. Actual weight: ${w}, limit: ${MAX_WEIGHT}`)
  return xs
}

// Argument readers. The compiler types every call, so a wrong type means bytes no compiler wrote; the node answers
// those with its notImplemented text, which names the function's signature.
function wrongArgs(signature: string, args: readonly Value[]): RideError {
  const simple = args.map((a) => {
    if (typeof a === 'bigint') return 'CONST_LONG'
    if (typeof a === 'string') return 'CONST_STRING'
    if (typeof a === 'boolean') return 'CONST_BOOLEAN'
    if (a instanceof Uint8Array) return 'CONST_BYTESTR'
    if (a instanceof RideBigInt) return 'CONST_BIGINT'
    if (a instanceof CaseObj || typeof a === 'symbol') return 'CaseObj'
    return 'ARR'
  })
  return new RideError(`Can't apply (${simple.join(', ')}) to '${signature}'`)
}

export function int(args: readonly Value[], i: number, signature: string): bigint {
  const a = args[i]
  if (typeof a !== 'bigint') throw wrongArgs(signature, args)
  return a
}
export function big(args: readonly Value[], i: number, signature: string): bigint {
  const a = args[i]
  if (!(a instanceof RideBigInt)) throw wrongArgs(signature, args)
  return a.value
}
export function str(args: readonly Value[], i: number, signature: string): string {
  const a = args[i]
  if (typeof a !== 'string') throw wrongArgs(signature, args)
  return a
}
export function bytes(args: readonly Value[], i: number, signature: string): Uint8Array {
  const a = args[i]
  if (!(a instanceof Uint8Array)) throw wrongArgs(signature, args)
  return a
}
export function bool(args: readonly Value[], i: number, signature: string): boolean {
  const a = args[i]
  if (typeof a !== 'boolean') throw wrongArgs(signature, args)
  return a
}
export function list(args: readonly Value[], i: number, signature: string): readonly Value[] {
  const a = args[i]
  if (!Array.isArray(a)) throw wrongArgs(signature, args)
  return a as readonly Value[]
}
export function arity(args: readonly Value[], n: number, signature: string): void {
  if (args.length !== n) throw wrongArgs(signature, args)
}

/** The rounding modes scripts pass as case objects (Rounding.scala), by type name. */
export type RoundingMode = 'Down' | 'Up' | 'HalfDown' | 'HalfUp' | 'HalfEven' | 'Ceiling' | 'Floor'
const ROUNDINGS: readonly string[] = ['Down', 'Up', 'HalfDown', 'HalfUp', 'HalfEven', 'Ceiling', 'Floor']

export function rounding(args: readonly Value[], i: number, signature: string): RoundingMode {
  const a = args[i]
  if (!(a instanceof CaseObj) || !ROUNDINGS.includes(a.typeName)) throw wrongArgs(signature, args)
  return a.typeName as RoundingMode
}

export function abs(n: bigint): bigint {
  return n < 0n ? -n : n
}
function sign(n: bigint): bigint {
  return n > 0n ? 1n : n < 0n ? -1n : 0n
}

/** a / b rounded by `mode`, as the node's BaseGlobal.divide (b != 0). */
export function divide(a: bigint, b: bigint, mode: RoundingMode): bigint {
  const s = sign(a) * sign(b)
  const q = abs(a) / abs(b)
  const r = abs(a) % abs(b)
  const twice = abs(b) - r * 2n
  switch (mode) {
    case 'Down':
      return q * s
    case 'Up':
      return (q + sign(r)) * s
    case 'HalfUp':
      return (twice <= 0n ? q + 1n : q) * s
    case 'HalfDown':
      return (twice < 0n ? q + 1n : q) * s
    case 'HalfEven':
      return (twice < 0n ? q + 1n : twice > 0n ? q : q + (q % 2n)) * s
    case 'Ceiling':
      return (s > 0n ? q + sign(r) : q) * s
    case 'Floor':
      return (s < 0n ? q + sign(r) : q) * s
  }
}

/** Java's Math.floorDiv and floorMod on longs (b != 0). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q
}
export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b
}

/** Wraps a bigint to a signed 64-bit value, as Java's long arithmetic does silently. */
export function wrapLong(n: bigint): bigint {
  return BigInt.asIntN(64, n)
}

/**
 * Runs a built-in user function's direct implementation; when it fails, records in `ctx.spent` what the node's body
 * of the function spends up to that error (the natives it called, the failing one included), which the evaluator
 * counts for failures only. `spent` may depend on the error (a function whose body can fail at several calls).
 */
export function failingSpends<T>(ctx: { spent?: number }, spent: number | ((e: unknown) => number), body: () => T): T {
  try {
    return body()
  } catch (e) {
    ctx.spent = typeof spent === 'number' ? spent : spent(e)
    throw e
  }
}

// Conversions of PureContext and the text codecs the node keeps in CryptoContext: toBytes (410-412), toString (420,
// 421), parseInt (1206) and parseIntValue, toUtf8String (1200), toBase58String/fromBase58String (600, 601),
// toBase64String/fromBase64String (602, 603), toBase16String/fromBase16String (604, 605, V3+), with their size limits
// per version.
import { RideError, UNIT, utf8Bytes } from '../values.ts'
import { decimalDigitUnit, parseJavaInteger } from './bigint.ts'
import {
  DATA_TX_MAX_BYTES,
  LONG_MAX,
  LONG_MIN,
  bool,
  bytes,
  bytesResult,
  costs,
  int,
  str,
  stringResult,
  versions,
} from './pure.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

const ALL = versions(1)

const booleanToBytes: NativeFunction = {
  kind: 'native',
  id: 412,
  name: 'toBytes',
  costs: costs(1, ALL),
  apply: (args) => Uint8Array.of(bool(args, 0, 'toBytes(b: Boolean)') ? 1 : 0),
}

const longToBytes: NativeFunction = {
  kind: 'native',
  id: 410,
  name: 'toBytes',
  costs: costs(1, ALL),
  apply(args) {
    let n = BigInt.asUintN(64, int(args, 0, 'toBytes(u: Int)'))
    const out = new Uint8Array(8)
    for (let i = 7; i >= 0; i--) {
      out[i] = Number(n & 0xffn)
      n >>= 8n
    }
    return out
  },
}

/** String bytes as Java writes UTF-8: an unpaired surrogate becomes `?`. */
const stringToBytes: NativeFunction = {
  kind: 'native',
  id: 411,
  name: 'toBytes',
  costs: costs({ 1: 1, 2: 1, 3: 1, 4: 8 }, ALL),
  apply: (args) => bytesResult(utf8Bytes(str(args, 0, 'toBytes(s: String)'))),
}

const booleanToString: NativeFunction = {
  kind: 'native',
  id: 421,
  name: 'toString',
  costs: costs(1, ALL),
  apply: (args) => String(bool(args, 0, 'toString(b: Boolean)')),
}

const longToString: NativeFunction = {
  kind: 'native',
  id: 420,
  name: 'toString',
  costs: costs(1, ALL),
  apply: (args) => int(args, 0, 'toString(u: Int)').toString(),
}

/** Java's Long.parseLong: an optional sign, Unicode decimal digits, within the Long range; else null. */
export function parseLong(s: string): bigint | null {
  // past 19 digits after the leading zeros no Long fits: answer before building a number as long as the string
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : ''
  let start = sign.length
  while (start < s.length && decimalDigitUnit(s.charCodeAt(start)) === 0) start++
  if (s.length - start > 19) return null
  if (start === s.length) return start > sign.length ? 0n : null
  const v = parseJavaInteger(sign + s.slice(start))
  return v === null || v > LONG_MAX || v < LONG_MIN ? null : v
}

const parseInt: NativeFunction = {
  kind: 'native',
  id: 1206,
  name: 'parseInt',
  costs: costs({ 1: 20, 2: 20, 3: 20, 4: 2 }, versions(3)),
  apply: (args) => parseLong(str(args, 0, 'parseInt(str: String)')) ?? UNIT,
}

const parseIntValue: UserFunction = {
  kind: 'user',
  name: 'parseIntValue',
  costs: costs({ 1: 20, 2: 20, 3: 20, 4: 2 }, versions(3)),
  apply(args, ctx) {
    const v = parseLong(str(args, 0, 'parseIntValue(str: String)'))
    if (v === null) {
      // body: valueOrErrorMessage(parseInt(str), ...): parseInt, valueOrErrorMessage's own cost, then its == and throw
      ctx.spent = ctx.version >= 4 ? 2 + 2 + 2 : 20 + 13 + 2
      throw new RideError('Error while parsing string to integer', true)
    }
    return v
  },
}

/**
 * toUtf8String: strict UTF-8 (Java's decoder reports malformed input; a BOM stays a character). The result is bounded
 * by 32,767 bytes from V4, by a data transaction's 153,600 before.
 */
const toUtf8String: NativeFunction = {
  kind: 'native',
  id: 1200,
  name: 'toUtf8String',
  costs: costs({ 1: 20, 2: 20, 3: 20, 4: 7 }, versions(3)),
  apply(args, ctx) {
    const b = bytes(args, 0, 'toUtf8String(u: ByteVector)')
    let s: string
    try {
      s = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b)
    } catch {
      throw new RideError('Input contents invalid UTF8 sequence')
    }
    return ctx.version >= 4 ? stringResult(s) : stringResult(s, DATA_TX_MAX_BYTES)
  },
}

// Codecs (BaseGlobal limits: base58 64 bytes / 100 chars, base64 32 KiB / 44 KiB, base16 8 KiB / 32 KiB from V4).
const MAX_BASE58_BYTES = 64
const MAX_BASE58_STRING = 100
const MAX_BASE64_BYTES = 32 * 1024
const MAX_BASE64_STRING = 44 * 1024
const MAX_BASE16_BYTES = 8 * 1024
const MAX_BASE16_STRING = 32 * 1024

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base58Encode(b: Uint8Array): string {
  let n = 0n
  for (const x of b) n = (n << 8n) | BigInt(x)
  let out = ''
  while (n > 0n) {
    out = B58[Number(n % 58n)]! + out
    n /= 58n
  }
  for (const x of b) {
    if (x !== 0) break
    out = '1' + out
  }
  return out
}

function base58Decode(s: string): Uint8Array | null {
  let n = 0n
  for (const ch of s) {
    const d = B58.indexOf(ch)
    if (d < 0) return null
    n = n * 58n + BigInt(d)
  }
  let hex = n === 0n ? '' : n.toString(16)
  if (hex.length % 2) hex = '0' + hex
  let zeros = 0
  while (zeros < s.length && s[zeros] === '1') zeros++
  const out = new Uint8Array(zeros + hex.length / 2)
  for (let i = 0; i < hex.length / 2; i++) out[zeros + i] = parseInt16(hex.slice(i * 2, i * 2 + 2))
  return out
}

function parseInt16(h: string): number {
  return Number.parseInt(h, 16)
}

function base64Encode(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('base64')
}

/** java.util.Base64's basic decoder after the node strips a `base64:` prefix: padding optional, nothing after it. */
function base64Decode(input: string): Uint8Array | null {
  const s = input.startsWith('base64:') ? input.slice('base64:'.length) : input
  let end = s.indexOf('=')
  if (end === -1) end = s.length
  const body = s.slice(0, end)
  for (const ch of body) if (!B64.includes(ch)) return null
  const rest = body.length % 4
  if (rest === 1) return null
  const padding = s.slice(end)
  if (padding.length > 0) {
    // '=' must complete the last unit exactly: two chars take "==", three take "="
    if (!((rest === 2 && padding === '==') || (rest === 3 && padding === '='))) return null
  }
  return new Uint8Array(Buffer.from(body, 'base64'))
}

const toBase58: NativeFunction = {
  kind: 'native',
  id: 600,
  name: 'toBase58String',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 3 }, ALL),
  apply(args, ctx) {
    const b = bytes(args, 0, 'toBase58String(bytes: ByteVector)')
    if (b.length > MAX_BASE58_BYTES) throw new RideError(`base58Encode input exceeds ${MAX_BASE58_BYTES}`)
    const s = base58Encode(b)
    return ctx.version >= 4 ? stringResult(s) : stringResult(s, DATA_TX_MAX_BYTES)
  },
}

const fromBase58: NativeFunction = {
  kind: 'native',
  id: 601,
  name: 'fromBase58String',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 1 }, ALL),
  apply(args) {
    const s = str(args, 0, 'fromBase58String(str: String)')
    if (s.length > MAX_BASE58_STRING) throw new RideError(`base58Decode input exceeds ${MAX_BASE58_STRING}`)
    const b = base58Decode(s)
    if (b === null) throw new RideError("can't parse Base58 string")
    return bytesResult(b)
  },
}

const toBase64: NativeFunction = {
  kind: 'native',
  id: 602,
  name: 'toBase64String',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 35 }, ALL),
  apply(args, ctx) {
    const b = bytes(args, 0, 'toBase64String(bytes: ByteVector)')
    if (b.length > MAX_BASE64_BYTES) throw new RideError(`base64Encode input exceeds ${MAX_BASE64_BYTES}`)
    const s = base64Encode(b)
    return ctx.version >= 4 ? stringResult(s) : stringResult(s, DATA_TX_MAX_BYTES)
  },
}

const fromBase64: NativeFunction = {
  kind: 'native',
  id: 603,
  name: 'fromBase64String',
  costs: costs({ 1: 10, 2: 10, 3: 10, 4: 40 }, ALL),
  apply(args) {
    const s = str(args, 0, 'fromBase64String(str: String)')
    if (s.length > MAX_BASE64_STRING) throw new RideError(`base64Decode input exceeds ${MAX_BASE64_STRING}`)
    const b = base64Decode(s)
    if (b === null) throw new RideError("can't parse Base64 string")
    return bytesResult(b)
  },
}

const toBase16: NativeFunction = {
  kind: 'native',
  id: 604,
  name: 'toBase16String',
  costs: costs(10, versions(3)),
  apply(args, ctx) {
    const b = bytes(args, 0, 'toBase16String(bytes: ByteVector)')
    if (ctx.version >= 4 && b.length > MAX_BASE16_BYTES) {
      throw new RideError(`Base16 encode input length=${b.length} should not exceed ${MAX_BASE16_BYTES}`)
    }
    return stringResult(Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex'))
  },
}

/** Guava's base16 over the lower-cased input: an even length of hex digits, its own texts otherwise. */
const fromBase16: NativeFunction = {
  kind: 'native',
  id: 605,
  name: 'fromBase16String',
  costs: costs(10, versions(3)),
  apply(args, ctx) {
    const s = str(args, 0, 'fromBase16String(str: String)')
    if (ctx.version >= 4 && s.length > MAX_BASE16_STRING) {
      throw new RideError(`Base16 decode input length=${s.length} should not exceed ${MAX_BASE16_STRING}`)
    }
    const lower = s.toLowerCase()
    if (lower.length % 2 !== 0) throw new RideError(`Invalid input length ${lower.length}`)
    for (const ch of lower) if (!'0123456789abcdef'.includes(ch)) throw new RideError(`Unrecognized character: ${ch}`)
    return bytesResult(new Uint8Array(Buffer.from(lower, 'hex')))
  },
}

export const conversionFunctions: readonly StdlibEntry[] = [
  booleanToBytes,
  longToBytes,
  stringToBytes,
  booleanToString,
  longToString,
  parseInt,
  parseIntValue,
  toUtf8String,
  toBase58,
  fromBase58,
  toBase64,
  fromBase64,
  toBase16,
  fromBase16,
]

// BigInt (V5+, 512-bit signed) of PureContext: toBigInt (310), arithmetic (311-315), fraction (316, 317), unary minus
// (318), comparisons (319, 320), max/min of lists (408, 409), median (425), conversions to and from Int, String and
// bytes (413-416, 422-424), pow (118) and log (119) at 154 digits, and sqrt (V6+, a user function over pow).
import { type Value, RideBigInt, RideError, UNIT } from '../values.ts'
import type { Decimal } from './decimal.ts'
import { logScaled, powScaled } from './math.ts'
import {
  BIGINT_MAX,
  BIGINT_MIN,
  LONG_MAX,
  LONG_MIN,
  big,
  bytes,
  costs,
  divide,
  failingSpends,
  int,
  list,
  rounding,
  str,
  versions,
} from './pure.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

const V5_UP = versions(5)
/** Map(V5 -> 8, V6 -> 8, V7 -> 8, V8 -> 1) and its kin: the V8 price cut of BigInt functions */
const cheapInV8 = (before: number) => costs({ 5: before, 6: before, 7: before, 8: 1 }, V5_UP)

function inRange(n: bigint): boolean {
  return n >= BIGINT_MIN && n <= BIGINT_MAX
}

function native(
  id: number,
  name: string,
  cost: ReturnType<typeof costs>,
  apply: (args: readonly Value[]) => Value,
): NativeFunction {
  return { kind: 'native', id, name, costs: cost, apply }
}

function arithmetic(id: number, op: string, cost: number, f: (a: bigint, b: bigint) => bigint): NativeFunction {
  const sig = `${op}(a: BIGINT, b: BIGINT)`
  return native(id, op, cheapInV8(cost), (args) => {
    const a = big(args, 0, sig)
    const b = big(args, 1, sig)
    const r = f(a, b)
    if (!inRange(r)) throw new RideError(`${a} ${op} ${b} is out of range.`)
    return new RideBigInt(r)
  })
}

// Scala's BigInt `/` and `%` truncate toward zero, as JavaScript's do; a zero divisor is Java's BigInteger text
const nonZero = (b: bigint) => {
  if (b === 0n) throw new RideError('BigInteger divide by zero')
  return b
}

/** Two's-complement big-endian bytes, shortest form (Java's BigInteger.toByteArray). */
export function bigIntToBytes(n: bigint): Uint8Array {
  const size = Math.floor(bitLength(n) / 8) + 1
  const hex = BigInt.asUintN(size * 8, n).toString(16).padStart(size * 2, '0')
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** BigInteger.bitLength: bits of the two's-complement form without the sign bit. */
function bitLength(n: bigint): number {
  const m = n < 0n ? -n - 1n : n
  return m === 0n ? 0 : m.toString(2).length
}

/**
 * Java's `new BigInteger(bytes)`: two's-complement big-endian. No bytes is Java's NumberFormatException, which the
 * node lets escape to the evaluator; it reports it with the function's signature (EvaluatorV2 onErrorHandleWith).
 */
export function bytesToBigInt(b: Uint8Array, signature = '<toBigInt(n: ByteVector): BigInt>'): bigint {
  if (b.length === 0) {
    throw new RideError(`An error during run ${signature}: class java.lang.NumberFormatException Zero length BigInteger`)
  }
  let n = 0n
  for (const x of b) n = (n << 8n) | BigInt(x)
  return BigInt.asIntN(b.length * 8, n)
}

/**
 * Java's `new BigInteger(string)` as Scala's BigInt(string) parses it: an optional leading sign, then decimal digits
 * (any Unicode decimal digit, as Character.digit reads them). A failure is Java's NumberFormatException text: signs
 * are checked first, then the digits in groups of nine from the left (the first group shorter), each group by
 * Integer.parseInt, whose text quotes the group.
 */
export function javaBigInteger(s: string): { value: bigint } | { error: string } {
  if (s.length === 0) return { error: 'Zero length BigInteger' }
  const minus = s.lastIndexOf('-')
  const plus = s.lastIndexOf('+')
  let cursor = 0
  if (minus >= 0) {
    if (minus !== 0 || plus >= 0) return { error: 'Illegal embedded sign character' }
    cursor = 1
  } else if (plus >= 0) {
    if (plus !== 0) return { error: 'Illegal embedded sign character' }
    cursor = 1
  }
  if (cursor === s.length) return { error: 'Zero length BigInteger' }
  // UTF-16 units, as Java indexes; a digit outside the BMP is no digit to Character.digit(char)
  while (cursor < s.length && decimalDigitUnit(s.charCodeAt(cursor)) === 0) cursor++
  if (cursor === s.length) return { value: 0n }
  const digitsCount = s.length - cursor
  let group = digitsCount % 9 === 0 ? 9 : digitsCount % 9
  let n = 0n
  while (cursor < s.length) {
    const text = s.slice(cursor, cursor + group)
    for (let i = 0; i < text.length; i++) {
      const d = decimalDigitUnit(text.charCodeAt(i))
      if (d < 0) return { error: `For input string: "${text}"` }
      n = n * 10n + BigInt(d)
    }
    cursor += group
    group = 9
  }
  return { value: minus === 0 ? -n : n }
}

/** javaBigInteger's value, or null where Java fails. */
export function parseJavaInteger(s: string): bigint | null {
  const r = javaBigInteger(s)
  return 'value' in r ? r.value : null
}

/** Character.digit(unit, 10) of one UTF-16 unit, or -1 */
export function decimalDigitUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return -1
  return decimalDigit(String.fromCharCode(unit)) ?? -1
}

/**
 * Character.digit(c, 10): the value of any Unicode decimal digit (Nd). Nd digits come in runs of ten from zero, so
 * the value is the distance from the run's start, modulo ten.
 */
export function decimalDigit(ch: string): number | null {
  const cp = ch.codePointAt(0)!
  if (cp >= 48 && cp <= 57) return cp - 48
  if (!/\p{Nd}/u.test(ch)) return null
  let start = cp
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--
  return (cp - start) % 10
}

const toBigInt = native(310, 'toBigInt', costs(1, V5_UP), (args) => new RideBigInt(int(args, 0, 'toBigInt(n: Int)')))

const toInt = native(416, 'toInt', costs(1, V5_UP), (args) => {
  const n = big(args, 0, 'toBigInt(n: Int)')
  if (n > LONG_MAX || n < LONG_MIN) throw new RideError(`toInt: BigInt ${n} out of integers range`)
  return n
})

const toStringBig = native(422, 'toString', costs({ 5: 65, 6: 1 }, V5_UP), (args) => big(args, 0, 'toString(n: BigInt)').toString())

function parseBig(s: string): bigint | null {
  if (s.length > 155) return null
  const v = parseJavaInteger(s)
  return v !== null && inRange(v) ? v : null
}

const parseBigIntValue = native(423, 'parseBigIntValue', cheapInV8(65), (args) => {
  const s = str(args, 0, 'parseBigIntValue(n: String)')
  if (s.length > 155) throw new RideError(`String too long for 512-bits big integers (${s.length} when max is 155)`)
  const parsed = javaBigInteger(s)
  // the node parses before its checks apply, so Java's NumberFormatException reaches the evaluator, which wraps it
  if ('error' in parsed) {
    throw new RideError(
      `An error during run <parseBigIntValue(n: String): BigInt>: class java.lang.NumberFormatException ${parsed.error}`,
    )
  }
  const v = parsed.value
  if (!inRange(v)) throw new RideError('Value too big for 512-bits big integer')
  return new RideBigInt(v)
})

const parseBigInt = native(424, 'parseBigInt', cheapInV8(65), (args) => {
  const v = parseBig(str(args, 0, 'parseBigInt(n: String)'))
  return v === null ? UNIT : new RideBigInt(v)
})

const toBytesBig = native(413, 'toBytes', cheapInV8(65), (args) => bigIntToBytes(big(args, 0, 'toBytes(n: BigInt)')))

const bytesToBig = native(414, 'toBigInt', cheapInV8(65), (args) => {
  const b = bytes(args, 0, 'toBigInt(n: ByteStr)')
  if (b.length > 64) throw new RideError(`Too big ByteVector for BigInt (${b.length} > 64 bytes)`)
  return new RideBigInt(bytesToBigInt(b))
})

const bytesToBigLim = native(415, 'toBigInt', cheapInV8(65), (args) => {
  const sig = 'toBigInt(n: ByteStr, offset: Int, size: Int)'
  const b = bytes(args, 0, sig)
  const off = int(args, 1, sig)
  const size = int(args, 2, sig)
  if (!(off >= 0n && off <= BigInt(b.length) && size <= 64n && size > 0n)) {
    throw new RideError(`ByteStr too long (${size} > 64 bytes)`)
  }
  const slice = b.subarray(Number(off), Math.min(b.length, Number(off + size)))
  return new RideBigInt(bytesToBigInt(slice, '<toBigInt(n: ByteVector, off: Int, size: Int): BigInt>'))
})

const negate = native(318, '-', cheapInV8(8), (args) => {
  const n = big(args, 0, '-(n: BigInt)')
  if (n === BIGINT_MIN) throw new RideError('Positive BigInt overflow')
  return new RideBigInt(-n)
})

const compare = (id: number, op: string, f: (a: bigint, b: bigint) => boolean) =>
  native(id, op, cheapInV8(8), (args) => f(big(args, 0, `${op}(a: BIGINT, b: BIGINT)`), big(args, 1, `${op}(a: BIGINT, b: BIGINT)`)))

function fractionCheck(r: bigint): RideBigInt {
  if (r > BIGINT_MAX) throw new RideError(`Long overflow: value \`${r}\` greater than 2^511-1`)
  if (r < BIGINT_MIN) throw new RideError(`Long overflow: value \`${r}\` less than -2^511`)
  return new RideBigInt(r)
}

const fraction = native(316, 'fraction', costs({ 5: 128, 6: 1 }, V5_UP), (args) => {
  const sig = 'fraction(value: BigInt, numerator: BigInt, denominator: BigInt)'
  const [v, n, d] = [big(args, 0, sig), big(args, 1, sig), big(args, 2, sig)]
  if (d === 0n) throw new RideError('Fraction: division by zero')
  return fractionCheck((v * n) / d)
})

const fractionRounds = native(317, 'fraction', costs({ 5: 128, 6: 1 }, V5_UP), (args) => {
  const sig = 'fraction(value: BigInt, numerator: BigInt, denominator: BigInt, round: Ceiling|Down|Floor|HalfEven|HalfUp)'
  const [v, n, d] = [big(args, 0, sig), big(args, 1, sig), big(args, 2, sig)]
  const round = rounding(args, 3, sig)
  if (d === 0n) throw new RideError('Fraction: division by zero')
  return fractionCheck(divide(v * n, d, round))
})

function bigList(args: readonly Value[], sig: string): bigint[] {
  return list(args, 0, sig).map((x) => big([x], 0, sig))
}

const maxList = native(408, 'max', costs({ 5: 192, 6: 192, 7: 192, 8: 6 }, V5_UP), (args) => {
  const xs = bigList(args, 'max(list: List[BigInt])')
  if (xs.length === 0) throw new RideError("Can't find max for empty list")
  return new RideBigInt(xs.reduce((a, b) => (b > a ? b : a)))
})

const minList = native(409, 'min', costs({ 5: 192, 6: 192, 7: 192, 8: 6 }, V5_UP), (args) => {
  const xs = bigList(args, 'min(list: List[BigInt])')
  if (xs.length === 0) throw new RideError("Can't find min for empty list")
  return new RideBigInt(xs.reduce((a, b) => (b < a ? b : a)))
})

/** The node's median (BaseGlobal.median): the mean of the two middle values rounded toward negative infinity. */
export function median(xs: readonly bigint[]): bigint {
  const sorted = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const n = sorted.length
  if (n % 2 === 1) return sorted[(n - 1) / 2]!
  const s = sorted[n / 2 - 1]! + sorted[n / 2]!
  return s >= 0n || s % 2n === 0n ? s / 2n : (s - 1n) / 2n
}

const medianList = native(425, 'median', costs({ 5: 160, 6: 160, 7: 160, 8: 35 }, V5_UP), (args) => {
  const xs = bigList(args, 'median(arr: List[BigInt])')
  if (xs.length === 0) throw new RideError("Can't find median for empty list of BigInt")
  return new RideBigInt(median(xs))
})

function dec(unscaled: bigint, scale: bigint): Decimal {
  return { unscaled, scale: Number(scale) }
}

function scales(bp: bigint, ep: bigint, rp: bigint): boolean {
  return bp >= 0n && bp <= 18n && ep >= 0n && ep <= 18n && rp >= 0n && rp <= 18n
}

const pow = native(118, 'pow', costs({ 5: 200, 6: 270 }, V5_UP), (args) => {
  const sig = 'pow(base: BigInt, bp: Int, exponent:Big Int, ep: Int, rp: Int, round: Rounds)'
  const b = big(args, 0, sig)
  const bp = int(args, 1, sig)
  const e = big(args, 2, sig)
  const ep = int(args, 3, sig)
  const rp = int(args, 4, sig)
  const round = rounding(args, 5, sig)
  if (!scales(bp, ep, rp)) throw new RideError('pow: scale out of range 0-18')
  let r: bigint
  try {
    r = powScaled(dec(b, bp), dec(e, ep), Number(rp), round, 154)
  } catch (err) {
    if (err instanceof RideError) throw new RideError(`${err.message} on BigInt pow calculation`)
    throw err
  }
  if (!inRange(r)) throw new RideError('Result out of 512-bit range on BigInt pow calculation')
  return new RideBigInt(r)
})

const log = native(119, 'log', costs(200, V5_UP), (args) => {
  const sig = 'log(exponent: BigInt, ep: Int, base:Big Int, bp: Int, rp: Int, round: Rounds)'
  const b = big(args, 0, sig)
  const bp = int(args, 1, sig)
  const e = big(args, 2, sig)
  const ep = int(args, 3, sig)
  const rp = int(args, 4, sig)
  const round = rounding(args, 5, sig)
  if (!scales(bp, ep, rp)) throw new RideError('Scale out of range 0-18 on BigInt log calculation')
  try {
    return new RideBigInt(logScaled(dec(b, bp), dec(e, ep), Number(rp), round, 154))
  } catch (err) {
    if (err instanceof RideError) throw new RideError(`${err.message} on BigInt log calculation`)
    throw err
  }
})

/** sqrt(number, precision, resultPrecision, round) for BigInt (V6+): pow(number, precision, 5, 1, ...). */
const sqrt: UserFunction = {
  kind: 'user',
  name: 'sqrtBigInt',
  costs: costs(5, versions(6)),
  apply: (args, ctx) =>
    failingSpends(ctx, pow.costs[ctx.version]!, () =>
      pow.apply([args[0]!, args[1]!, new RideBigInt(5n), 1n, args[2]!, args[3]!], ctx),
    ),
}

export const bigintFunctions: readonly StdlibEntry[] = [
  toBigInt,
  toInt,
  toStringBig,
  parseBigIntValue,
  parseBigInt,
  toBytesBig,
  bytesToBig,
  bytesToBigLim,
  arithmetic(311, '+', 8, (a, b) => a + b),
  arithmetic(312, '-', 8, (a, b) => a - b),
  arithmetic(313, '*', 64, (a, b) => a * b),
  arithmetic(314, '/', 64, (a, b) => a / nonZero(b)),
  arithmetic(315, '%', 64, (a, b) => a % nonZero(b)),
  negate,
  compare(319, '>', (a, b) => a > b),
  compare(320, '>=', (a, b) => a >= b),
  fraction,
  fractionRounds,
  maxList,
  minList,
  medianList,
  pow,
  log,
  sqrt,
]

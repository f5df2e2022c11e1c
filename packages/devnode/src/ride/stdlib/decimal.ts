// Decimal arithmetic as java.math.BigDecimal does it, for the node's pow, log and sqrt (lang Global.pow/log/powBigInt/
// logBigInt over ch.obermuhlner BigDecimalMath): a value is `unscaled * 10^-scale`, and the scale is kept, because the
// node's result rescaling (Global.setScale) looks at it. Transcendental steps (log, exp, sqrt) are computed with guard
// digits and rounded once to the precision the node asks for.
import { RideError } from '../values.ts'
import type { RoundingMode } from './pure.ts'
import { abs, divide } from './pure.ts'

export interface Decimal {
  unscaled: bigint
  scale: number
}

export const ZERO: Decimal = { unscaled: 0n, scale: 0 }
export const ONE: Decimal = { unscaled: 1n, scale: 0 }

const TEN_POWERS: bigint[] = [1n]
/** 10^n; the small powers every call needs are kept, a large one is computed when asked */
export function pow10(n: number): bigint {
  if (n >= 1024) return 10n ** BigInt(n)
  while (TEN_POWERS.length <= n) TEN_POWERS.push(TEN_POWERS[TEN_POWERS.length - 1]! * 10n)
  return TEN_POWERS[n]!
}

/** The number of decimal digits of |n| (1 for zero), as BigDecimal.precision. */
export function digits(n: bigint): number {
  const a = abs(n)
  return a === 0n ? 1 : a.toString().length
}

/** Rounds to `precision` significant digits as BigDecimal.round(MathContext) does (repeats when rounding carries). */
export function roundTo(d: Decimal, precision: number, mode: RoundingMode): Decimal {
  let { unscaled, scale } = d
  scale = checkScale(scale, unscaled)
  let p = digits(unscaled)
  while (p > precision) {
    const drop = p - precision
    unscaled = divide(unscaled, pow10(drop), mode)
    scale -= drop
    p = digits(unscaled)
  }
  return { unscaled, scale: checkScale(scale, unscaled) }
}

const INT_MAX = 2147483647
const INT_MIN = -2147483648

/**
 * BigDecimal keeps its scale in a 32-bit int: beyond it Java fails with these texts, except for a zero, whose scale
 * it pins to the int range instead (BigDecimal.checkScale).
 */
export function checkScale(scale: number, unscaled: bigint = 1n): number {
  if (scale >= INT_MIN && scale <= INT_MAX) return scale
  if (unscaled === 0n) return scale > INT_MAX ? INT_MAX : INT_MIN
  throw new RideError(scale > INT_MAX ? 'Underflow' : 'Overflow')
}

export function multiply(a: Decimal, b: Decimal, precision: number, mode: RoundingMode): Decimal {
  const unscaled = a.unscaled * b.unscaled
  return roundTo({ unscaled, scale: checkScale(a.scale + b.scale, unscaled) }, precision, mode)
}

/** p / q (q > 0 or < 0, exact rational) rounded to `precision` significant digits; zero is scale 0. */
export function fromRational(p: bigint, q: bigint, precision: number, mode: RoundingMode): Decimal {
  if (p === 0n) return ZERO
  if (q < 0n) {
    p = -p
    q = -q
  }
  // choose a scale that gives at least precision + 1 digits, then round once from the exact quotient
  const magnitude = digits(p) - digits(q) // the quotient has magnitude or magnitude + 1 integer digits
  const scale = precision - magnitude + 1
  const num = scale >= 0 ? p * pow10(scale) : p
  const den = scale >= 0 ? q : q * pow10(-scale)
  let unscaled = divide(num, den, mode)
  let s = scale
  // the exact quotient may have one digit more than precision: round again from the exact value
  let dropped = digits(unscaled) - precision
  if (dropped > 0) {
    unscaled = divide(num, den * pow10(dropped), mode)
    s -= dropped
    // a carry (999.. -> 1000..) leaves one digit too many, as BigDecimal's doRound repeats
    dropped = digits(unscaled) - precision
    if (dropped > 0) {
      unscaled = divide(unscaled, pow10(dropped), mode)
      s -= dropped
    }
  }
  return { unscaled, scale: s }
}

/**
 * BigDecimal.divide(divisor, MathContext): the quotient rounded, trailing zeros kept down to the preferred scale. The
 * unscaled values are divided and the scales subtracted, so no power of ten as large as a scale is ever built.
 */
export function divideDecimal(a: Decimal, b: Decimal, precision: number, mode: RoundingMode): Decimal {
  if (b.unscaled === 0n) throw new RideError(a.unscaled === 0n ? 'Division undefined' : 'Division by zero')
  const preferred = a.scale - b.scale
  if (a.unscaled === 0n) return { unscaled: 0n, scale: checkScale(preferred, 0n) }
  checkScale(preferred)
  const q = fromRational(a.unscaled, b.unscaled, precision, mode)
  // exact when q.unscaled / 10^q.scale == a.unscaled / b.unscaled (q.scale is small here: about the precision)
  const exact =
    q.scale >= 0 ? q.unscaled * b.unscaled === a.unscaled * pow10(q.scale) : q.unscaled * pow10(-q.scale) * b.unscaled === a.unscaled
  const r = { unscaled: q.unscaled, scale: q.scale + preferred }
  checkScale(r.scale)
  return exact ? stripTo(r, preferred) : r
}

function stripTo(d: Decimal, preferred: number): Decimal {
  let { unscaled, scale } = d
  while (scale > preferred && unscaled % 10n === 0n && unscaled !== 0n) {
    unscaled /= 10n
    scale--
  }
  return { unscaled, scale }
}

/** BigDecimal.toString: plain notation unless the exponent is below -6 or the scale negative. */
export function toJavaString(d: Decimal): string {
  const neg = d.unscaled < 0n
  const coeff = abs(d.unscaled).toString()
  const adjusted = -d.scale + (coeff.length - 1)
  let body: string
  if (d.scale >= 0 && adjusted >= -6) {
    if (d.scale === 0) body = coeff
    else if (coeff.length > d.scale) body = `${coeff.slice(0, coeff.length - d.scale)}.${coeff.slice(coeff.length - d.scale)}`
    else body = `0.${'0'.repeat(d.scale - coeff.length)}${coeff}`
  } else {
    const mant = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff
    body = `${mant}E${adjusted >= 0 ? '+' : ''}${adjusted}`
  }
  return neg ? `-${body}` : body
}

// Fixed-point helpers: a bigint N stands for N / 10^w.
const ln2Cache = new Map<number, bigint>()

function atanhSeries(t: bigint, w: number): bigint {
  // 2 * sum t^(2k+1) / (2k+1), t fixed-point at w digits, |t| <= 1/3
  const one = pow10(w)
  const t2 = (t * t) / one
  let term = t
  let sum = 0n
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k
    term = (term * t2) / one
  }
  return 2n * sum
}

function ln2(w: number): bigint {
  let v = ln2Cache.get(w)
  if (v === undefined) {
    // ln 2 = 2 atanh(1/3)
    v = atanhSeries(pow10(w) / 3n, w)
    ln2Cache.set(w, v)
  }
  return v
}

/** ln(p/q) for p, q > 0, fixed-point at w digits. */
function lnRational(p: bigint, q: bigint, w: number): bigint {
  // p/q = m * 2^k with m in [2/3, 4/3): then ln = k ln2 + 2 atanh((m-1)/(m+1))
  let k = p.toString(2).length - q.toString(2).length
  let num = p
  let den = q
  if (k > 0) den <<= BigInt(k)
  else if (k < 0) num <<= BigInt(-k)
  // now num/den in (1/2, 2); bring it into [2/3, 4/3)
  while (num * 3n < den * 2n) {
    num <<= 1n
    k--
  }
  while (num * 3n >= den * 4n) {
    den <<= 1n
    k++
  }
  const t = ((num - den) * pow10(w)) / (num + den)
  return BigInt(k) * ln2(w) + atanhSeries(t, w)
}

/** ln(x) rounded to `precision` digits (BigDecimalMath.log); x <= 0 fails with the node's text. */
export function ln(x: Decimal, precision: number, mode: RoundingMode): Decimal {
  if (x.unscaled <= 0n) throw new RideError(`Illegal log(x) for x <= 0: x = ${toJavaString(x)}`)
  const w = precision + 40 + Math.abs(x.scale)
  const p = x.scale >= 0 ? x.unscaled : x.unscaled * pow10(-x.scale)
  const q = x.scale >= 0 ? pow10(x.scale) : 1n
  if (p === q) return roundTo({ unscaled: 0n, scale: 0 }, precision, mode)
  return fromRational(lnRational(p, q, w), pow10(w), precision, mode)
}

/** e^x rounded to `precision` digits (BigDecimalMath.exp). */
export function exp(x: Decimal, precision: number, mode: RoundingMode): Decimal {
  if (x.unscaled === 0n) return roundTo(ONE, precision, mode)
  // BigDecimalMath.exp raises e^(1 + fraction/integral) to the integral part as an int: past the int range that is
  // Java's "Overflow", whatever the sign
  const integral = x.scale <= 0 ? x.unscaled * pow10(-x.scale) : x.unscaled / pow10(x.scale)
  if (integral > BigInt(INT_MAX) || integral < BigInt(INT_MIN)) throw new RideError('Overflow')
  // e^x has about x / ln 10 decimal digits; far past any RIDE range only the magnitude matters to the caller's
  // rescaling (which then answers "Pow overflow" or 0), so a value of that magnitude stands in
  const magnitude = Number(integral) / Math.LN10
  if (Math.abs(magnitude) > 5000) {
    const e = Math.floor(magnitude)
    return { unscaled: pow10(precision - 1), scale: precision - 1 - e }
  }
  const w = precision + 40
  const one = pow10(w)
  const xf = x.scale >= 0 ? (x.unscaled * one) / pow10(x.scale) : x.unscaled * pow10(-x.scale) * one
  const l2 = ln2(w)
  // x = n ln2 + r, |r| <= ln2 / 2
  let n = xf / l2
  let r = xf - n * l2
  if (r * 2n > l2) {
    n += 1n
    r -= l2
  } else if (r * 2n < -l2) {
    n -= 1n
    r += l2
  }
  let term = one
  let sum = one
  for (let k = 1n; term !== 0n; k++) {
    term = (term * r) / (one * k)
    sum += term
  }
  if (n >= 0n) return fromRational(sum << n, one, precision, mode)
  return fromRational(sum, one << -n, precision, mode)
}

/** sqrt(x) rounded to `precision` digits (BigDecimalMath.sqrt); an exact root keeps its short form. */
export function sqrt(x: Decimal, precision: number, mode: RoundingMode): Decimal {
  if (x.unscaled === 0n) return ZERO
  if (x.unscaled < 0n) throw new RideError(`Illegal sqrt(x) for x < 0: x = ${toJavaString(x)}`)
  // work on an even scale so that the root's scale is an integer
  let u = x.unscaled
  let s = x.scale
  if (s % 2 !== 0) {
    u *= 10n
    s += 1
  }
  const extra = 2 * (precision + 20)
  const n = u * pow10(extra)
  const root = isqrt(n)
  const rootScale = (s + extra) / 2
  if (root * root === n) {
    // exact: the node's early exit returns the double's short decimal form (2.0 for sqrt(4))
    let r: Decimal = { unscaled: root, scale: rootScale }
    r = stripTo(r, 1)
    return roundTo(r, precision, mode)
  }
  // the root lies in (root, root + 1) * 10^-rootScale: enough guard digits make the rounding exact
  return fromRational(root * 2n + 1n, 2n * pow10(rootScale), precision, mode)
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1)
  // Newton from a float start, then fix up
  for (;;) {
    const y = (x + n / x) >> 1n
    if (y >= x - 1n && y <= x + 1n) {
      x = y
      break
    }
    x = y
  }
  while (x * x > n) x--
  while ((x + 1n) * (x + 1n) <= n) x++
  return x
}

/** x^n for a whole n (BigDecimalMath.pow(x, long)): squaring with precision + 10 digits, then rounded. */
export function powLong(x: Decimal, n: bigint, precision: number, mode: RoundingMode): Decimal {
  const mc = precision + 10
  if (n < 0n) {
    const p = powLong(x, -n, mc, mode)
    return roundTo(divideDecimal(ONE, p, mc, mode), precision, mode)
  }
  let result = ONE
  let base = x
  let y = n
  while (y > 0n) {
    if ((y & 1n) === 1n) {
      result = multiply(result, base, mc, mode)
      y -= 1n
    }
    if (y > 0n) base = multiply(base, base, mc, mode)
    y >>= 1n
  }
  return roundTo(result, precision, mode)
}

/** x^y (BigDecimalMath.pow(x, y, mc)): whole exponents by squaring, others as exp(y ln x) with 6 guard digits. */
export function powDecimal(x: Decimal, y: Decimal, precision: number, mode: RoundingMode): Decimal {
  if (x.unscaled === 0n) {
    if (y.unscaled === 0n) return roundTo(ONE, precision, mode)
    if (y.unscaled > 0n) return roundTo(ZERO, precision, mode)
  }
  const whole = y.scale <= 0 ? y.unscaled * pow10(-y.scale) : y.unscaled % pow10(y.scale) === 0n ? y.unscaled / pow10(y.scale) : null
  if (whole !== null) return powLong(x, whole, precision, mode)
  const mc = precision + 6
  const l = ln(x, mc, mode)
  return roundTo(exp(multiply(y, l, mc, mode), mc, mode), precision, mode)
}

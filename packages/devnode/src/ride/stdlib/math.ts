// Int arithmetic and the decimal math of PureContext: + - * / % > >= (ids 100-106), fraction (107, 110, and V5's
// 4-argument user function), pow (108), log (109), sqrt (V6+, a user function over pow). Texts are the node's: Java's
// Math.*Exact ("long overflow"), floorDiv ("/ by zero"), and PureContext's own.
import { type Value, RideError } from '../values.ts'
import {
  type Decimal,
  divideDecimal,
  ln,
  pow10,
  powDecimal,
  sqrt as sqrtDecimal,
} from './decimal.ts'
import {
  type RoundingMode,
  LONG_MAX,
  LONG_MIN,
  costs,
  divide,
  floorDiv,
  failingSpends,
  floorMod,
  int,
  rounding,
  versions,
  wrapLong,
} from './pure.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from './types.ts'

function exact(n: bigint): bigint {
  if (n > LONG_MAX || n < LONG_MIN) throw new RideError('long overflow')
  return n
}

function binary(id: number, name: string, f: (a: bigint, b: bigint) => Value): NativeFunction {
  const signature = `${name}(a: Int, b: Int)`
  return {
    kind: 'native',
    id,
    name,
    costs: costs(1, versions(1)),
    apply: (args) => f(int(args, 0, signature), int(args, 1, signature)),
  }
}

const arithmetic: NativeFunction[] = [
  binary(100, '+', (a, b) => exact(a + b)),
  binary(101, '-', (a, b) => exact(a - b)),
  binary(102, '>', (a, b) => a > b),
  binary(103, '>=', (a, b) => a >= b),
  binary(104, '*', (a, b) => exact(a * b)),
  // Java's floorDiv wraps Long.MIN_VALUE / -1 back to Long.MIN_VALUE instead of failing
  binary(105, '/', (a, b) => {
    if (b === 0n) throw new RideError('/ by zero')
    return wrapLong(floorDiv(a, b))
  }),
  binary(106, '%', (a, b) => {
    if (b === 0n) throw new RideError('/ by zero')
    return floorMod(a, b)
  }),
]

/**
 * fraction(value, numerator, denominator): value * numerator / denominator truncated toward zero, in 128 bits.
 * Before V5 the result must lie strictly inside the Long range (the node's limit check fixed in V5 admits the ends).
 */
const fraction: NativeFunction = {
  kind: 'native',
  id: 107,
  name: 'fraction',
  costs: costs({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 14, 6: 1 }, versions(1)),
  apply(args, ctx) {
    const sig = 'fraction(value: Int, numerator: Int, denominator: Int)'
    const v = int(args, 0, sig)
    const n = int(args, 1, sig)
    const d = int(args, 2, sig)
    if (d === 0n) throw new RideError('Fraction: division by zero')
    const result = (v * n) / d
    const fixed = ctx.version >= 5
    if (fixed ? result > LONG_MAX : result >= LONG_MAX) {
      throw new RideError(`Long overflow: value \`${result}\` greater than 2^63-1`)
    }
    if (fixed ? result < LONG_MIN : result <= LONG_MIN) {
      throw new RideError(`Long overflow: value \`${result}\` less than -2^63-1`)
    }
    return result
  },
}

function fractionRounded(args: readonly Value[], sig: string): bigint {
  const v = int(args, 0, sig)
  const n = int(args, 1, sig)
  const d = int(args, 2, sig)
  const round = rounding(args, 3, sig)
  if (d === 0n) throw new RideError('Fraction: division by zero')
  const r = divide(v * n, d, round)
  if (r > LONG_MAX || r < LONG_MIN) throw new RideError(`Fraction result ${r} out of integers range`)
  return r
}

const ROUNDS_V5 = 'Ceiling|Down|Floor|HalfEven|HalfUp'
const ROUNDS_ALL = 'Ceiling|Down|Floor|HalfDown|HalfEven|HalfUp|Up'

/** fraction(value, numerator, denominator, round), V6+: the native. */
const fractionRoundsNative: NativeFunction = {
  kind: 'native',
  id: 110,
  name: 'fraction',
  costs: costs(1, versions(6)),
  apply: (args) => fractionRounded(args, `fraction(value: Int, numerator: Int, denominator: Int, round: ${ROUNDS_V5})`),
}

/**
 * fraction(value, numerator, denominator, round) in V5: a user function over the BigInt natives (316 and 416), so its
 * failures are theirs: a zero denominator, then `toInt: BigInt ... out of integers range`.
 */
const fractionRoundsV5: UserFunction = {
  kind: 'user',
  name: 'fraction',
  costs: costs(17, [5]),
  apply(args, ctx) {
    const sig = `fraction(value: Int, numerator: Int, denominator: Int, round: ${ROUNDS_V5})`
    const v = int(args, 0, sig)
    const n = int(args, 1, sig)
    const d = int(args, 2, sig)
    const round = rounding(args, 3, sig)
    // body at V5 costs: three toBigInt (1 each), fraction (128), toInt (1)
    if (d === 0n) return failingSpends(ctx, 3 + 128, () => { throw new RideError('Fraction: division by zero') })
    const r = divide(v * n, d, round)
    if (r > LONG_MAX || r < LONG_MIN) {
      return failingSpends(ctx, 3 + 128 + 1, () => { throw new RideError(`toInt: BigInt ${r} out of integers range`) })
    }
    return r
  },
}

function decimal(unscaled: bigint, scale: bigint): Decimal {
  return { unscaled, scale: Number(scale) }
}

/**
 * The node's rescaling of a pow result to `rp` decimals (Global.setScale): digits beyond precision - 1 places are
 * dropped as zero, and a result needing more than precision - 1 extra places is "Pow overflow".
 */
export function rescale(result: Decimal, rp: number, round: RoundingMode, precision: number): bigint {
  const { unscaled, scale } = result
  if (scale > rp) {
    if (scale - rp > precision - 1) return 0n
    return divide(unscaled, pow10(scale - rp), round)
  }
  if (rp - scale > precision - 1) throw new RideError('Pow overflow')
  return unscaled * pow10(rp - scale)
}

/** Java's BigDecimal.setScale(rp, mode).unscaledValue */
export function setScale(d: Decimal, rp: number, round: RoundingMode): bigint {
  if (d.scale > rp) return divide(d.unscaled, pow10(d.scale - rp), round)
  return d.unscaled * pow10(rp - d.scale)
}

/**
 * x^y with the node's new pow precision: 19 digits (HALF_UP) for Int, 154 for BigInt. An exponent of exactly 5 with
 * scale 1 is a square root (the node compares with BigDecimal.equals, so 0.50 is not).
 */
export function powScaled(x: Decimal, y: Decimal, rp: number, round: RoundingMode, precision: number): bigint {
  const isHalf = y.unscaled === 5n && y.scale === 1
  const result = isHalf ? sqrtDecimal(x, precision, 'HalfUp') : powDecimal(x, y, precision, 'HalfUp')
  return rescale(result, rp, round, precision)
}
function powSignature(rounds: string): string {
  return `<pow(base: Int, bp: Int, exponent: Int, ep: Int, rp: Int, round: ${rounds}): Int>`
}

const pow: NativeFunction = {
  kind: 'native',
  id: 108,
  name: 'pow',
  costs: costs({ 3: 100, 4: 100, 5: 100, 6: 28 }, versions(3)),
  apply(args, ctx) {
    const rounds = ctx.version >= 5 ? ROUNDS_V5 : ROUNDS_ALL
    const sig = `pow(base: Int, bp: Int, exponent: Int, ep: Int, rp: Int, round: Rounds)`
    const [b, bp, e, ep, rp] = [0, 1, 2, 3, 4].map((i) => int(args, i, sig)) as [bigint, bigint, bigint, bigint, bigint]
    const round = rounding(args, 5, sig)
    if (bp < 0n || bp > 8n || ep < 0n || ep > 8n || rp < 0n || rp > 8n) throw new RideError('pow: scale out of range 0-8')
    const r = powScaled(decimal(b, bp), decimal(e, ep), Number(rp), round, 19)
    // the node converts with longValueExact outside its error handling: the evaluator reports the exception
    if (r > LONG_MAX || r < LONG_MIN) {
      throw new RideError(
        `An error during run ${powSignature(rounds)}: class java.lang.ArithmeticException BigInteger out of long range`,
      )
    }
    return r
  },
}

/** log_e(b) / log_e(e) in DECIMAL128 (34 digits, HALF_EVEN), then to `rp` decimals. */
export function logScaled(x: Decimal, y: Decimal, rp: number, round: RoundingMode, precision: number): bigint {
  const lx = ln(x, precision, 'HalfEven')
  const ly = ln(y, precision, 'HalfEven')
  return setScale(divideDecimal(lx, ly, precision, 'HalfEven'), rp, round)
}

const log: NativeFunction = {
  kind: 'native',
  id: 109,
  name: 'log',
  costs: costs(100, versions(3)),
  apply(args) {
    const sig = 'log(exponent: Int, ep: Int, base: Int, bp: Int, rp: Int, round: Rounds)'
    const [b, bp, e, ep, rp] = [0, 1, 2, 3, 4].map((i) => int(args, i, sig)) as [bigint, bigint, bigint, bigint, bigint]
    const round = rounding(args, 5, sig)
    if (bp < 0n || bp > 8n || ep < 0n || ep > 8n || rp < 0n || rp > 8n) throw new RideError('log: scale out of range 0-8')
    const r = logScaled(decimal(b, bp), decimal(e, ep), Number(rp), round, 34)
    if (r > LONG_MAX || r < LONG_MIN) throw new RideError('BigInteger out of long range')
    return r
  },
}

/** sqrt(number, precision, resultPrecision, round), V6+: pow(number, precision, 5, 1, resultPrecision, round). */
const sqrt: UserFunction = {
  kind: 'user',
  name: 'sqrt',
  costs: costs(2, versions(6)),
  // body: pow(...), which fails at its cost
  apply: (args, ctx) =>
    failingSpends(ctx, pow.costs[ctx.version]!, () => pow.apply([args[0]!, args[1]!, 5n, 1n, args[2]!, args[3]!], ctx)),
}

export const mathFunctions: readonly StdlibEntry[] = [
  ...arithmetic,
  fraction,
  fractionRoundsNative,
  fractionRoundsV5,
  pow,
  log,
  sqrt,
]

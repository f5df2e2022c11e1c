import { describe, expect, it } from 'vitest'
import { mathFunctions } from './math.ts'
import { LONG_MAX, LONG_MIN, call, entry, round, spentOnFailure } from '../../../../../test/ride-stdlib.ts'

const m = (key: number | string, v: Parameters<typeof call>[2], ...args: Parameters<typeof call>[3]) =>
  call(mathFunctions, key, v, args)

describe('Int arithmetic (PureContext createTryOp; EvaluatorV1V2Test "sum/sub/mul overflow", "floorDiv")', () => {
  it('fails on overflow with Java Math.*Exact text', () => {
    expect(m(100, 6, LONG_MAX, 1n)).toEqual({ error: 'long overflow' })
    expect(m(101, 6, LONG_MIN, 1n)).toEqual({ error: 'long overflow' })
    expect(m(104, 6, LONG_MAX, 2n)).toEqual({ error: 'long overflow' })
    expect(m(100, 1, 2n, 3n)).toBe(5n)
  })
  it('divides and takes the remainder toward negative infinity (Math.floorDiv, floorMod)', () => {
    expect(m(105, 5, -7n, 2n)).toBe(-4n)
    expect(m(106, 5, -7n, 2n)).toBe(1n)
    expect(m(106, 5, 7n, -2n)).toBe(-1n)
    expect(m(105, 5, 1n, 0n)).toEqual({ error: '/ by zero' })
    expect(m(106, 5, 1n, 0n)).toEqual({ error: '/ by zero' })
    // Java wraps MIN / -1 instead of failing
    expect(m(105, 5, LONG_MIN, -1n)).toBe(LONG_MIN)
  })
  it('compares', () => {
    expect(m(102, 1, 2n, 2n)).toBe(false)
    expect(m(103, 1, 2n, 2n)).toBe(true)
  })
})

describe('fraction (PureContext.fraction; EvaluatorV1V2Test "fraction", FractionIntRoundsTest)', () => {
  it('computes in 128 bits and truncates', () => {
    expect(m(107, 3, LONG_MAX, 3n, 4n)).toBe(6917529027641081855n)
    expect(m(107, 3, -7n, 1n, 2n)).toBe(-3n)
    expect(m(107, 3, 1n, 1n, 0n)).toEqual({ error: 'Fraction: division by zero' })
  })
  it('admits the Long ends only from V5 (fixLimitCheck)', () => {
    expect(m(107, 4, LONG_MAX, 1n, 1n)).toEqual({ error: 'Long overflow: value `9223372036854775807` greater than 2^63-1' })
    expect(m(107, 5, LONG_MAX, 1n, 1n)).toBe(LONG_MAX)
    expect(m(107, 5, LONG_MAX, 2n, 1n)).toEqual({ error: 'Long overflow: value `18446744073709551614` greater than 2^63-1' })
    expect(m(107, 4, LONG_MIN, 1n, 1n)).toEqual({ error: 'Long overflow: value `-9223372036854775808` less than -2^63-1' })
  })
  it('rounds with the 4-argument form: V5 user function, V6 native 110', () => {
    expect(m('fraction', 5, -7n, 1n, 2n, round('HalfEven'))).toBe(-4n)
    expect(m(110, 6, -7n, 1n, 2n, round('Ceiling'))).toBe(-3n)
    expect(m(110, 6, -7n, 1n, 2n, round('Floor'))).toBe(-4n)
    expect(m(110, 6, 5n, 1n, 2n, round('HalfUp'))).toBe(3n)
    expect(m(110, 6, 5n, 1n, 2n, round('Down'))).toBe(2n)
    expect(m(110, 6, LONG_MAX, 2n, 1n, round('Down'))).toEqual({ error: 'Fraction result 18446744073709551614 out of integers range' })
    expect(m('fraction', 5, LONG_MAX, 2n, 1n, round('Down'))).toEqual({ error: 'toInt: BigInt 18446744073709551614 out of integers range' })
    // the V5 user function's body: toBigInt x3 (1 each), fraction (128), toInt (1)
    expect(spentOnFailure(mathFunctions, 'fraction', 5, [1n, 1n, 0n, round('Down')])).toBe(131)
    expect(spentOnFailure(mathFunctions, 'fraction', 5, [LONG_MAX, 2n, 1n, round('Down')])).toBe(132)
  })
})

describe('pow, log, sqrt (MathFunctionsTest.scala)', () => {
  const pow = (v: Parameters<typeof call>[2], ...a: [bigint, bigint, bigint, bigint, bigint, string]) =>
    m(108, v, a[0], a[1], a[2], a[3], a[4], round(a[5]))
  const log = (...a: [bigint, bigint, bigint, bigint, bigint, string]) => m(109, 6, a[0], a[1], a[2], a[3], a[4], round(a[5]))
  it('matches the node test values', () => {
    expect(pow(6, 12n, 1n, 3456n, 3n, 2n, 'Down')).toBe(187n)
    expect(pow(3, 12n, 1n, 3456n, 3n, 2n, 'Up')).toBe(188n)
    expect(pow(6, 20n, 1n, -1n, 0n, 4n, 'Down')).toBe(5000n)
    expect(pow(6, -20n, 1n, -1n, 0n, 4n, 'Down')).toBe(-5000n)
    expect(pow(6, 0n, 1n, -1n, 0n, 4n, 'Down')).toEqual({ error: 'Division by zero' })
    expect(pow(6, 2n, 0n, 62n, 0n, 0n, 'Down')).toBe(4611686018427387904n)
    expect(pow(6, 10n, 0n, -8n, 0n, 8n, 'HalfUp')).toBe(1n)
    expect(pow(6, 10n, 0n, -9n, 0n, 8n, 'HalfUp')).toBe(0n)
    expect(pow(6, 98765432n, 8n, LONG_MAX, 8n, 8n, 'Down')).toBe(0n)
    expect(pow(6, 9n, 0n, 999999n, 0n, 0n, 'Floor')).toEqual({ error: 'Pow overflow' })
    expect(pow(6, 987654321n, 8n, 98765432101234n, 8n, 8n, 'Down')).toEqual({ error: 'Pow overflow' })
    expect(pow(6, 98765432n, 8n, 145998765432n, 8n, 8n, 'HalfUp')).toBe(1n)
    expect(pow(6, 198765432n, 8n, 6298765432n, 8n, 0n, 'Down')).toBe(6191427136334512235n)
    expect(pow(6, LONG_MAX, 0n, LONG_MAX, 8n, 8n, 'Down')).toEqual({ error: 'Overflow' })
    expect(pow(6, 1n, 8n, -LONG_MAX, 0n, 8n, 'Down')).toEqual({ error: 'Underflow' })
    expect(pow(6, 98765432n, 8n, -LONG_MAX, 8n, 8n, 'Down')).toEqual({ error: 'Pow overflow' })
    expect(pow(6, LONG_MAX, 0n, 5n, 1n, 8n, 'Down')).toBe(303700049997604969n)
    expect(pow(6, LONG_MAX, 8n, 5n, 1n, 8n, 'Down')).toBe(30370004999760n)
    expect(pow(6, 2n, -2n, 2n, 0n, 5n, 'Down')).toEqual({ error: 'pow: scale out of range 0-8' })
  })
  it('matches the node computed over BigDecimalMath 2.3.2 on JDK 17 (Global.pow and Global.log, new pow precision)', () => {
    // a fractional exponent whose exp() integral part passes the int range: Java's intValueExact "Overflow"
    expect(pow(6, 15n, 6n, LONG_MAX, 3n, 2n, 'Down')).toEqual({ error: 'Overflow' })
    // a whole exponent whose power passes BigDecimal's 32-bit scale
    expect(pow(6, 762135621003754041n, 1n, -1003102188n, 0n, 4n, 'Down')).toEqual({ error: 'Overflow' })
    expect(log(559588106253852875n, 3n, 50n, 2n, 7n, 'Ceiling')).toBe(-489913586n)
    expect(log(10697843403075645n, 6n, 620297717631n, 5n, 4n, 'HalfUp')).toBe(14765n)
  })
  it('reports a result past Long as the evaluator reports the escaped ArithmeticException', () => {
    expect(pow(6, 2n, 0n, 63n, 0n, 0n, 'Down')).toEqual({
      error:
        'An error during run <pow(base: Int, bp: Int, exponent: Int, ep: Int, rp: Int, round: Ceiling|Down|Floor|HalfEven|HalfUp): Int>: class java.lang.ArithmeticException BigInteger out of long range',
    })
  })
  it('log', () => {
    expect(log(16n, 0n, 2n, 0n, 0n, 'Ceiling')).toBe(4n)
    expect(log(16n, 0n, -2n, 0n, 0n, 'Ceiling')).toEqual({ error: 'Illegal log(x) for x <= 0: x = -2' })
    expect(log(-16n, 0n, 2n, 0n, 0n, 'Ceiling')).toEqual({ error: 'Illegal log(x) for x <= 0: x = -16' })
    expect(log(2n, 0n, 2n, 9n, 0n, 'Down')).toEqual({ error: 'log: scale out of range 0-8' })
    // ln(2.71828182) = 0.99999999..., 8 places
    expect(log(271828182n, 8n, 271828182n, 8n, 8n, 'HalfUp')).toBe(100000000n)
  })
  it('sqrt is pow(x, 0.5) from V6', () => {
    expect(m('sqrt', 6, LONG_MAX, 0n, 8n, round('Down'))).toBe(303700049997604969n)
    expect(m('sqrt', 6, LONG_MAX, 8n, 8n, round('Down'))).toBe(30370004999760n)
    expect(() => entry(mathFunctions, 'sqrt', 5)).toThrow('0 entries')
  })
})

describe('availability and costs per version (PureContext maps, BaseFunction.costByLibVersion)', () => {
  it('takes the newest listed cost for later versions', () => {
    expect(entry(mathFunctions, 108, 3).costs).toEqual({ 3: 100, 4: 100, 5: 100, 6: 28, 7: 28, 8: 28 })
    expect(entry(mathFunctions, 107, 1).costs).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 14, 6: 1, 7: 1, 8: 1 })
    expect(entry(mathFunctions, 'fraction', 5).costs).toEqual({ 5: 17 })
    expect(entry(mathFunctions, 109, 8).costs[8]).toBe(100)
  })
})

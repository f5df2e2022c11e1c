import { describe, expect, it } from 'vitest'
import { RideBigInt, UNIT } from '../values.ts'
import { bigintFunctions, bigIntToBytes, bytesToBigInt, median } from './bigint.ts'
import { bi, call, entry, LONG_MAX, round } from '../../../../../test/ride-stdlib.ts'

const b = (key: number | string, ...args: Parameters<typeof call>[3]) => call(bigintFunctions, key, 6, args)
const MAX = (1n << 511n) - 1n
const MIN = -(1n << 511n)

describe('BigInt (lang/tests BigIntTest.scala)', () => {
  it('arithmetic keeps to 512 bits with the node texts', () => {
    expect(b(313, bi(1n << 255n), bi(2))).toEqual(bi(1n << 256n))
    expect(b(311, bi(MAX), bi(1))).toEqual({ error: `${MAX} + 1 is out of range.` })
    expect(b(318, bi(1))).toEqual(bi(-1))
    expect(b(318, bi(MIN))).toEqual({ error: 'Positive BigInt overflow' })
    expect(b(314, bi(-7), bi(2))).toEqual(bi(-3))
    expect(b(315, bi(-7), bi(2))).toEqual(bi(-1))
    expect(b(319, bi(16), bi(2))).toBe(true)
    expect(b(320, bi(16), bi(16))).toBe(true)
  })
  it('converts to and from Int, String and bytes', () => {
    expect(b(416, bi(LONG_MAX))).toBe(LONG_MAX)
    expect(b(416, bi(LONG_MAX + 1n))).toEqual({ error: `toInt: BigInt ${LONG_MAX + 1n} out of integers range` })
    expect(b(423, MAX.toString())).toEqual(bi(MAX))
    expect(b(423, (MAX + 1n).toString())).toEqual({ error: 'Value too big for 512-bits big integer' })
    expect(b(423, '1'.repeat(156))).toEqual({ error: 'String too long for 512-bits big integers (156 when max is 155)' })
    expect(b(424, (MIN - 1n).toString())).toBe(UNIT)
    expect(b(424, 'x')).toBe(UNIT)
    expect(b(422, bi(-5))).toBe('-5')
    expect(bigIntToBytes(255n)).toEqual(Uint8Array.of(0, 255))
    expect(bigIntToBytes(-1n)).toEqual(Uint8Array.of(255))
    expect(bigIntToBytes(0n)).toEqual(Uint8Array.of(0))
    expect(bytesToBigInt(Uint8Array.of(0xff, 0x00))).toBe(-256n)
    expect(b(414, new Uint8Array(65))).toEqual({ error: 'Too big ByteVector for BigInt (65 > 64 bytes)' })
    expect(b(415, Uint8Array.of(1, 2, 3), 1n, 2n)).toEqual(bi(0x0203))
    expect(b(415, Uint8Array.of(1, 2, 3), 1n, 65n)).toEqual({ error: 'ByteStr too long (65 > 64 bytes)' })
  })
  it('fraction with and without rounding', () => {
    expect(b(316, bi(MAX), bi(-2), bi(-3))).toEqual(bi((MAX * 2n) / 3n))
    expect(b(316, bi(100), bi(2), bi(0))).toEqual({ error: 'Fraction: division by zero' })
    expect(b(316, bi(MAX), bi(MAX), bi(MAX))).toEqual(bi(MAX))
    expect(b(317, bi(MIN), bi(MIN), bi(MIN), round('Ceiling'))).toEqual(bi(MIN))
    expect(b(317, bi(10), bi(1), bi(3), round('Ceiling'))).toEqual(bi(4))
    expect(b(317, bi(-9), bi(1), bi(2), round('HalfEven'))).toEqual(bi(-4))
  })
  it('max, min, median of lists', () => {
    expect(b(408, [bi(16), bi(8)])).toEqual(bi(16))
    expect(b(409, [bi(16), bi(8)])).toEqual(bi(8))
    expect(b(408, [])).toEqual({ error: "Can't find max for empty list" })
    expect(b(425, [])).toEqual({ error: "Can't find median for empty list of BigInt" })
    expect(median([1n, 2n, 4n, 3n])).toBe(2n)
    expect(median([-1n, -2n])).toBe(-2n)
  })
  it('pow and log at 154 digits', () => {
    const pow = (...a: [bigint, bigint, bigint, bigint, bigint, string]) =>
      b(118, bi(a[0]), a[1], bi(a[2]), a[3], a[4], round(a[5]))
    expect(pow(2n, 0n, 510n, 0n, 0n, 'Down')).toEqual(bi(2n ** 510n))
    expect(pow(2n, 0n, 511n, 0n, 0n, 'Down')).toEqual({ error: 'Result out of 512-bit range on BigInt pow calculation' })
    expect(pow(-2n, 0n, 511n, 0n, 0n, 'Down')).toEqual(bi((-2n) ** 511n))
    expect(pow(12n, 1n, 3456n, 3n, 2n, 'Down')).toEqual(bi(187))
    expect(pow(20n, 1n, -1n, 0n, 4n, 'Down')).toEqual(bi(5000))
    expect(pow(0n, 1n, -1n, 0n, 4n, 'Down')).toEqual({ error: 'Division by zero on BigInt pow calculation' })
    expect(pow(2n, 0n, 2n, 19n, 0n, 'Down')).toEqual({ error: 'pow: scale out of range 0-18' })
    expect(b(119, bi(16), 0n, bi(2), 0n, 0n, round('Ceiling'))).toEqual(bi(4))
    expect(b(119, bi(16), 0n, bi(-2), 0n, 0n, round('Ceiling'))).toEqual({
      error: 'Illegal log(x) for x <= 0: x = -2 on BigInt log calculation',
    })
    expect(b(119, bi(1), 4n, bi(1), 1n, 0n, round('HalfEven'))).toEqual(bi(4))
    expect(b(119, bi(1), 16n, bi(10), 0n, 0n, round('Ceiling'))).toEqual(bi(-16))
    expect(b(314, bi(MAX), bi(0))).toEqual({ error: 'BigInteger divide by zero' })
    expect(b(314, bi(MIN), bi(2))).toEqual(bi(-(1n << 510n)))
    // computed by the node's Global.powBigInt/logBigInt over BigDecimalMath 2.3.2 on JDK 17
    expect(pow(977745997685n, 8n, 776116307n, 8n, 5n, 'HalfEven')).toEqual(bi(930668545566357882422540418003978339n))
    expect(pow(379n, 5n, -1338523313n, 8n, 9n, 'HalfUp')).toEqual(bi(257323035810362204934234264511601291628534n))
    expect(b(119, bi(999999999999999989n), 1n, bi(50), 1n, 3n, round('Ceiling'))).toEqual(bi(24322))
    expect(b(119, bi(2), 6n, bi(5), 7n, 5n, round('HalfUp'))).toEqual(bi(90445))
    expect(b('sqrtBigInt', bi(16), 0n, 2n, round('Down'))).toEqual(bi(400))
  })
  it('costs per version (PureContext maps; V8 price cut)', () => {
    expect(entry(bigintFunctions, 313, 5).costs).toEqual({ 5: 64, 6: 64, 7: 64, 8: 1 })
    expect(entry(bigintFunctions, 118, 8).costs).toEqual({ 5: 200, 6: 270, 7: 270, 8: 270 })
    expect(entry(bigintFunctions, 425, 8).costs[8]).toBe(35)
    expect(entry(bigintFunctions, 408, 8).costs).toEqual({ 5: 192, 6: 192, 7: 192, 8: 6 })
    expect(() => entry(bigintFunctions, 310, 4)).toThrow('0 entries')
  })
  it('keeps BigInt apart from Int', () => {
    expect(b(310, 5n)).toBeInstanceOf(RideBigInt)
  })
})

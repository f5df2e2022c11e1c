import { describe, expect, it } from 'vitest'
import { UNIT } from '../values.ts'
import { conversionFunctions } from './conversions.ts'
import { call, entry, LONG_MAX, spentOnFailure } from '../../../../../test/ride-stdlib.ts'

type V = Parameters<typeof call>[2]
const c = (key: number | string, v: V, ...args: Parameters<typeof call>[3]) => call(conversionFunctions, key, v, args)

describe('toBytes, toString, parseInt (PureContext; EvaluatorV1V2Test "toBytes", "parseInt")', () => {
  it('writes Int big-endian, Boolean as one byte, String as Java UTF-8', () => {
    expect(c(410, 1, -2n)).toEqual(Uint8Array.of(255, 255, 255, 255, 255, 255, 255, 254))
    expect(c(412, 1, true)).toEqual(Uint8Array.of(1))
    expect(c(411, 6, 'é')).toEqual(Uint8Array.of(0xc3, 0xa9))
    // an unpaired surrogate is written as '?'
    expect(c(411, 6, 'a\ud87e')).toEqual(Uint8Array.of(0x61, 0x3f))
  })
  it('prints and parses', () => {
    expect(c(420, 1, -5n)).toBe('-5')
    expect(c(421, 1, false)).toBe('false')
    expect(c(1206, 6, '+12')).toBe(12n)
    expect(c(1206, 6, '٣')).toBe(3n)
    expect(c(1206, 6, LONG_MAX.toString())).toBe(LONG_MAX)
    expect(c(1206, 6, (LONG_MAX + 1n).toString())).toBe(UNIT)
    expect(c(1206, 6, '1.0')).toBe(UNIT)
    expect(c(1206, 6, '')).toBe(UNIT)
    expect(c(1206, 6, '-000')).toBe(0n)
    expect(c(1206, 6, '+')).toBe(UNIT)
    expect(c(1206, 6, `${'0'.repeat(30000)}42`)).toBe(42n)
    expect(c(1206, 6, '9'.repeat(32000))).toBe(UNIT)
    expect(c(1206, 6, `${'٠'.repeat(30)}٣`)).toBe(3n)
    expect(c('parseIntValue', 6, 'x')).toEqual({ error: 'Error while parsing string to integer' })
    // body: valueOrErrorMessage(parseInt(str), ...) at the version's costs, then == and throw
    expect(spentOnFailure(conversionFunctions, 'parseIntValue', 3, ['x'])).toBe(35)
    expect(spentOnFailure(conversionFunctions, 'parseIntValue', 4, ['x'])).toBe(6)
  })
  it('decodes UTF-8 strictly (PureContext.toUtf8String)', () => {
    expect(c(1200, 6, Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa')
    expect(c(1200, 6, Uint8Array.of(0xc3))).toEqual({ error: 'Input contents invalid UTF8 sequence' })
    expect(c(1200, 6, new Uint8Array(32768).fill(0x61))).toEqual({ error: 'String size=32768 exceeds 32767 bytes' })
    expect((c(1200, 3, new Uint8Array(32768).fill(0x61)) as string).length).toBe(32768)
  })
})

describe('base58, base64, base16 (CryptoContext; BaseGlobal limits)', () => {
  it('round-trips and refuses what the node refuses', () => {
    expect(c(600, 6, Uint8Array.of(0, 0, 1))).toBe('112')
    expect(c(601, 6, '112')).toEqual(Uint8Array.of(0, 0, 1))
    expect(c(601, 6, '0')).toEqual({ error: "can't parse Base58 string" })
    expect(c(600, 6, new Uint8Array(65))).toEqual({ error: 'base58Encode input exceeds 64' })
    expect(c(601, 6, '1'.repeat(101))).toEqual({ error: 'base58Decode input exceeds 100' })
    expect(c(602, 6, Uint8Array.of(1, 2))).toBe('AQI=')
    expect(c(603, 6, 'base64:AQI=')).toEqual(Uint8Array.of(1, 2))
    expect(c(603, 6, 'AQI')).toEqual(Uint8Array.of(1, 2))
    expect(c(603, 6, 'A')).toEqual({ error: "can't parse Base64 string" })
    expect(c(604, 6, Uint8Array.of(0xab))).toBe('ab')
    expect(c(605, 6, 'AB')).toEqual(Uint8Array.of(0xab))
    expect(c(605, 6, 'abc')).toEqual({ error: 'Invalid input length 3' })
    expect(c(604, 6, new Uint8Array(8193))).toEqual({ error: 'Base16 encode input length=8193 should not exceed 8192' })
    expect((c(604, 3, new Uint8Array(8193)) as string).length).toBe(16386)
  })
  it('costs per version', () => {
    expect(entry(conversionFunctions, 603, 4).costs).toEqual({ 1: 10, 2: 10, 3: 10, 4: 40, 5: 40, 6: 40, 7: 40, 8: 40 })
    expect(() => entry(conversionFunctions, 604, 2)).toThrow('0 entries')
  })
})

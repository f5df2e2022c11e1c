import { describe, expect, it } from 'vitest'
import { bytesFunctions } from './bytes.ts'
import { call, entry, LONG_MAX, LONG_MIN, spentOnFailure } from '../../../../../test/ride-stdlib.ts'

type V = Parameters<typeof call>[2]
const f = (key: number | string, v: V, ...args: Parameters<typeof call>[3]) => call(bytesFunctions, key, v, args)
const b = (...xs: number[]) => Uint8Array.from(xs)
const B = b(1, 2, 3, 4, 5)

describe('take/drop/takeRight/dropRight of bytes (BytesDropTakeTest.scala)', () => {
  it('before V6 counts with Long.toInt', () => {
    expect(f(201, 5, B, 2n)).toEqual(b(1, 2))
    expect(f(201, 5, B, LONG_MAX)).toEqual(b())
    expect(f(201, 5, B, LONG_MIN)).toEqual(b())
    expect(f('takeRightBytes', 5, B, 2n)).toEqual(b(4, 5))
    expect(f('takeRightBytes', 5, B, LONG_MAX)).toEqual(b())
    expect(f('takeRightBytes', 5, B, LONG_MIN)).toEqual({ error: 'long overflow' })
    expect(f('dropRightBytes', 5, B, 2n)).toEqual(b(1, 2, 3))
    expect(f(202, 5, B, -1n)).toEqual(B)
    expect(spentOnFailure(bytesFunctions, 'takeRightBytes', 5, [B, LONG_MIN])).toBe(2)
    expect(spentOnFailure(bytesFunctions, 'dropRightBytes', 4, [new Uint8Array(40000), 1n])).toBe(8)
  })
  it('from V6 checks the number', () => {
    expect(f(201, 6, B, 165948n)).toEqual({ error: 'Number = 165948 passed to take() exceeds ByteVector limit = 165947' })
    expect(f(204, 6, B, -1n)).toEqual({ error: 'Unexpected negative number = -1 passed to takeRight()' })
    expect(f(204, 6, B, 2n)).toEqual(b(4, 5))
    expect(f(205, 6, B, 2n)).toEqual(b(1, 2, 3))
    expect(f(202, 6, B, 165947n)).toEqual(b())
  })
  it('concatenates within 32,767 bytes', () => {
    expect(f(203, 6, b(1), b(2))).toEqual(b(1, 2))
    expect(f(203, 6, new Uint8Array(32767), b(2))).toEqual({ error: 'ByteVector size = 32768 bytes exceeds 32767' })
  })
  it('reads Longs (PureContext.toLong, toLongOffset)', () => {
    expect(f(1201, 6, b(0, 0, 0, 0, 0, 0, 1, 0))).toBe(256n)
    expect(f(1201, 6, b(255, 255, 255, 255, 255, 255, 255, 255, 9))).toBe(-1n)
    expect(f(1201, 6, b(1))).toEqual({ error: 'Buffer underflow' })
    expect(f(1202, 6, b(9, 0, 0, 0, 0, 0, 0, 0, 7), 1n)).toBe(7n)
    expect(f(1202, 6, b(9, 0, 0, 0, 0, 0, 0, 0, 7), 2n)).toEqual({ error: 'IndexOutOfBounds' })
    expect(f(1202, 6, b(9, 0, 0, 0, 0, 0, 0, 0, 7), -1n)).toEqual({ error: 'IndexOutOfBounds' })
  })
  it('costs per version', () => {
    expect(entry(bytesFunctions, 201, 1).costs).toEqual({ 1: 1, 2: 1, 3: 1, 4: 6, 5: 6 })
    expect(entry(bytesFunctions, 'takeRightBytes', 4).costs).toEqual({ 1: 19, 2: 19, 3: 19, 4: 6, 5: 6 })
    expect(entry(bytesFunctions, 204, 6).costs).toEqual({ 6: 6, 7: 6, 8: 6 })
    expect(() => entry(bytesFunctions, 1201, 2)).toThrow('0 entries')
  })
})

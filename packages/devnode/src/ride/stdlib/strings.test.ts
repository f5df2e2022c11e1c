import { describe, expect, it } from 'vitest'
import { UNIT } from '../values.ts'
import { stringFunctions } from './strings.ts'
import { call, entry, LONG_MAX, LONG_MIN } from '../../../../../test/ride-stdlib.ts'

type V = Parameters<typeof call>[2]
const s = (key: number | string, v: V, ...args: Parameters<typeof call>[3]) => call(stringFunctions, key, v, args)

describe('take/drop/takeRight/dropRight (StringFunctionsTest.scala, BrokenUnicodeTest.scala)', () => {
  it('counts code points', () => {
    expect(s(303, 6, 'x冬x', 2n)).toBe('x冬')
    expect(s(305, 6, 'x冬x')).toBe(3n)
    expect(s(304, 6, 'x冬x', 2n)).toBe('x')
    expect(s(306, 6, 'x冬x', 2n)).toBe('冬x')
    expect(s(307, 6, 'x冬x', 2n)).toBe('x')
    expect(s(305, 6, '🤦')).toBe(1n)
  })
  it('counts an unpaired surrogate as one', () => {
    expect(s(303, 6, 'aaa\ud87ebbb', 4n)).toBe('aaa\ud87e')
    expect(s(303, 6, '\ud1ca\ud87ea\ud1ca\ud87e', 2n)).toBe('\ud1ca\ud87e')
    expect(s(303, 6, '\ud1ca\ud87ea\ud1ca\ud87e', 4n)).toBe('\ud1ca\ud87ea\ud1ca')
  })
  it('clamps before V6 and checks from V6', () => {
    expect(s(303, 5, 'abc', LONG_MAX)).toBe('abc')
    expect(s(303, 5, 'abc', -1n)).toBe('')
    expect(s(303, 6, 'abc', LONG_MAX)).toEqual({ error: `Number = ${LONG_MAX} passed to take() exceeds String limit = 32767` })
    expect(s(303, 6, 'abc', -1n)).toEqual({ error: 'Unexpected negative number = -1 passed to take()' })
    expect(s(304, 5, 'abc', LONG_MIN)).toBe('abc')
    expect(s('takeRight', 5, 'abc', 2n)).toBe('bc')
    expect(s('takeRight', 5, 'abc', LONG_MIN)).toEqual({ error: 'long overflow' })
    expect(s('takeRight', 5, 'abc', LONG_MAX)).toBe('abc')
    expect(s('dropRight', 5, 'abc', -1n)).toBe('abc')
    expect(s(307, 6, 'abc', 32768n)).toEqual({ error: 'Number = 32768 passed to dropRight() exceeds String limit = 32767' })
  })
  it('concatenates within 32,767 bytes (PureContext.sumString)', () => {
    expect(s(300, 6, 'a', '冬')).toBe('a冬')
    expect(s(300, 6, 'a'.repeat(32767), 'b')).toEqual({ error: 'String size = 32768 exceeds 32767 bytes' })
  })
})

describe('indexOf, lastIndexOf, contains (BrokenUnicodeTest.scala)', () => {
  it('answers code point positions', () => {
    expect(s(1203, 6, 'x冬xqweqwe', 'we')).toBe(4n)
    expect(s(1204, 6, 'x冬xqweqwe', 'x冬xqw', 0n)).toBe(0n)
    expect(s(1204, 6, '冬weqwe', 'we', 2n)).toBe(4n)
    expect(s(1203, 6, 'x冬xqweqwe', 'ww')).toBe(UNIT)
    expect(s(1203, 6, '', 'x冬x')).toBe(UNIT)
    expect(s(1204, 6, '', 'x冬x', 1n)).toBe(UNIT)
    expect(s(1207, 6, '🤦a🤦a', 'a')).toBe(3n)
    expect(s(1208, 6, '🤦a🤦a', 'a', 2n)).toBe(1n)
    expect(s(1208, 6, 'abc', 'a', -1n)).toBe(UNIT)
  })
  it('finds nothing for an ill-formed needle', () => {
    expect(s(1203, 6, 'a\ud87e', '\ud87e')).toBe(UNIT)
    expect(s('contains', 6, 'abc', 'bc')).toBe(true)
    expect(s('contains', 6, 'abc', 'x')).toBe(false)
  })
})

describe('split and makeString (SplitFunctionTest.scala, MakeStringTest.scala)', () => {
  it('splits by the unicode rules', () => {
    expect(s(1205, 6, 'strx冬x1;🤦;🤦strx冬x2;🤦strx冬x3', ';🤦')).toEqual(['strx冬x1', '', 'strx冬x2', 'strx冬x3'])
    expect(s(1205, 6, '冬x🤦冬', '')).toEqual(['冬', 'x', '🤦', '冬'])
    expect(s(1205, 6, '', ',')).toEqual([''])
    expect(s(1205, 6, 'a,b', '\ud87e')).toEqual(['a,b'])
  })
  it('bounds input and output per function', () => {
    expect(s(1205, 6, 'a'.repeat(501), ',')).toEqual({ error: 'Input string size = 501 bytes exceeds limit = 500 for split' })
    expect(s(1205, 6, ','.repeat(20), ',')).toEqual({ error: 'Output list size = 21 exceeds limit = 20 for split' })
    expect(s(1212, 6, 'a'.repeat(6001), ',')).toEqual({ error: 'Input string size = 6001 bytes exceeds limit = 6000 for split_4C' })
    expect(s(1205, 5, ','.repeat(1000), ',')).toEqual({ error: 'Output list size = 1001 exceeds limit = 1000 for split' })
  })
  it('joins', () => {
    expect(s(1209, 6, ['cat', 'dog', 'pig'], ', ')).toBe('cat, dog, pig')
    expect(s(1209, 6, [], ', ')).toBe('')
    expect(s(1209, 5, ['test', 123n, true, new Uint8Array(0)], ',')).toBe('test,123,true,')
    expect(s(1209, 6, ['test', 123n], ',')).toEqual({ error: 'makeString only accepts strings' })
    expect(s(1209, 6, Array(71).fill('a'), ',')).toEqual({ error: 'Input list size = 71 for makeString should not exceed 70' })
    expect(s(1209, 6, ['a'.repeat(501)], ',')).toEqual({ error: 'Constructing string size = 501 bytes will exceed 500' })
    expect(s(1210, 6, Array(101).fill('a'), ',')).toEqual({ error: 'Input list size = 101 for makeString_2C should not exceed 100' })
  })
  it('costs per version', () => {
    expect(entry(stringFunctions, 1205, 3).costs).toEqual({ 3: 100, 4: 75, 5: 75 })
    expect(entry(stringFunctions, 1205, 7).costs).toEqual({ 6: 1, 7: 1, 8: 1 })
    expect(entry(stringFunctions, 300, 1).costs).toEqual({ 1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: 1, 7: 1, 8: 1 })
    expect(entry(stringFunctions, 303, 8).costs[8]).toBe(20)
  })
})

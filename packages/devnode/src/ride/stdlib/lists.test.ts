import { describe, expect, it } from 'vitest'
import { UNIT } from '../values.ts'
import { listFunctions } from './lists.ts'
import { call, entry } from '../../../../../test/ride-stdlib.ts'

type V = Parameters<typeof call>[2]
const l = (key: number | string, v: V, ...args: Parameters<typeof call>[3]) => call(listFunctions, key, v, args)

describe('lists (PureContext; ListReplaceByIndexTest.scala, EvaluatorV1V2Test "getElement")', () => {
  it('getElement and size', () => {
    expect(l(401, 6, [1n, 2n], 1n)).toBe(2n)
    expect(l(401, 6, [1n, 2n], 5n)).toEqual({ error: 'Index 5 out of bounds for length 2' })
    expect(l(401, 6, [1n, 2n], -1n)).toEqual({ error: 'Index -1 out of bounds for length 2' })
    // the node indexes with Long.toInt
    expect(l(401, 6, [1n, 2n], 4294967297n)).toBe(2n)
    expect(l(400, 1, [1n, 2n])).toBe(2n)
  })
  it('cons, append, concat with the 1,000 limit from V4', () => {
    expect(l(1100, 4, 1n, [2n])).toEqual([1n, 2n])
    expect(l(1100, 4, 1n, Array(1000).fill(0n))).toEqual({ error: 'List size should not exceed 1000' })
    expect((l(1100, 3, 1n, Array(1000).fill(0n)) as unknown[]).length).toBe(1001)
    expect(l(1101, 6, [1n], 2n)).toEqual([1n, 2n])
    expect(l(1102, 6, [1n], [2n, 3n])).toEqual([1n, 2n, 3n])
    expect(l(1102, 6, Array(500).fill(0n), Array(501).fill(0n))).toEqual({ error: 'List size should not exceed 1000' })
  })
  it('indexOf, lastIndexOf, containsElement compare by value', () => {
    expect(l(1103, 6, ['a', 'b', 'a'], 'a')).toBe(0n)
    expect(l(1104, 6, ['a', 'b', 'a'], 'a')).toBe(2n)
    expect(l(1103, 6, [1n], '1')).toBe(UNIT)
    expect(l('containsElement', 6, [Uint8Array.of(1)], Uint8Array.of(1))).toBe(true)
    // genericListIndexOf: a heavy element is compared only with light ones
    const heavy = 'h'.repeat(13001)
    expect(l(1103, 6, ['a', 'b'], heavy)).toBe(UNIT)
    expect(l(1103, 6, [heavy], heavy)).toEqual({
      error: `Both element to search for \`${heavy}\` and list element \`${heavy}\` are too heavy to compare`,
    })
  })
  it('removeByIndex and replaceByIndex (V8)', () => {
    expect(l(1105, 6, [1n, 2n, 3n], 1n)).toEqual([1n, 3n])
    expect(l(1105, 6, [], 0n)).toEqual({ error: "Can't remove an element from empty list" })
    expect(l(1105, 6, [1n], -1n)).toEqual({ error: 'Index of the removing element should be positive, but -1 was passed' })
    expect(l(1105, 6, [1n], 1n)).toEqual({ error: 'Index of the removing element should be lower than list size = 1, but 1 was passed' })
    expect(l(1106, 8, [1n, 2n], 1n, 5n)).toEqual([1n, 5n])
    expect(l(1106, 8, [], 0n, 5n)).toEqual({ error: "Can't replace an element in empty list" })
    expect(l(1106, 8, [1n], 3n, 5n)).toEqual({ error: 'Index of the replacing element should be lower than list size = 1, but 3 was passed' })
    expect(() => entry(listFunctions, 1106, 7)).toThrow('0 entries')
  })
  it('median, max, min of Int lists', () => {
    expect(l(405, 6, [1n, 3n, 2n])).toBe(2n)
    expect(l(405, 6, [-1n, -2n])).toBe(-2n)
    expect(l(405, 6, [])).toEqual({ error: "Can't find median for empty list" })
    expect(l(406, 6, [1n, 3n])).toBe(3n)
    expect(l(407, 6, [])).toEqual({ error: "Can't find min for empty list" })
  })
  it('costs per version', () => {
    expect(entry(listFunctions, 1105, 8).costs).toEqual({ 4: 7, 5: 7, 6: 7, 7: 7, 8: 4 })
    expect(entry(listFunctions, 1100, 3).costs).toEqual({ 3: 2 })
    expect(entry(listFunctions, 401, 1).costs[1]).toBe(2)
  })
})

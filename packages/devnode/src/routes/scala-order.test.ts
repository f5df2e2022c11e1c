// The iteration order of the node's Scala Maps with String keys, which decides the key order of JSON objects it
// writes from them (callableComplexities, callableFuncTypes).
import { describe, expect, it } from 'vitest'
import { inScalaMapOrder, scalaMapOrder } from './scala-order.ts'

describe('scalaMapOrder', () => {
  it('keeps the order of up to 4 entries (Map1..Map4)', () => {
    expect(scalaMapOrder([['d', 1], ['c', 2], ['b', 3], ['a', 4]]).map(([k]) => k)).toEqual(['d', 'c', 'b', 'a'])
  })

  it('iterates 5 and more in HashMap order', () => {
    // Scala 2.13: Map("a" -> 1, ..., "e" -> 5) prints HashMap(e -> 5, a -> 1, b -> 2, c -> 3, d -> 4)
    expect(scalaMapOrder([['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5]])).toEqual([['e', 5], ['a', 1], ['b', 2], ['c', 3], ['d', 4]])
    // whatever order they come in
    expect(scalaMapOrder([['e', 5], ['d', 4], ['c', 3], ['b', 2], ['a', 1]]).map(([k]) => k)).toEqual(['e', 'a', 'b', 'c', 'd'])
  })

  it('puts a node`s own entries before its sub-nodes (ChampBaseIterator)', () => {
    // improved hashes: claim 3, stake 6, withdraw 19 alone at the root; deposit and init share bits 28 and go one
    // level down (bits 8 and 29)
    const keys = ['deposit', 'withdraw', 'claim', 'stake', 'init']
    expect(Object.keys(inScalaMapOrder(Object.fromEntries(keys.map((k, i) => [k, i]))))).toEqual(['claim', 'stake', 'withdraw', 'deposit', 'init'])
  })
})

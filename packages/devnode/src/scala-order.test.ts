// The iteration order of the node's Scala Maps with String keys, which decides the key order of JSON objects it
// writes from them (callableComplexities, callableFuncTypes).
import { describe, expect, it } from 'vitest'
import { inScalaMapOrder, murmurStringHash, scalaKeyOrder, scalaMapOrder, scalaTupleSetOrder, stringLongTupleHash } from './scala-order.ts'

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

describe('MurmurHash3 and the order of a Set of (String, Long)', () => {
  it('mixes as scala.util.hashing.MurmurHash3 (stringHash values printed by a Scala REPL)', () => {
    expect(['', 'yZf', 'wi+', '12ycS!Lvt`'].map(murmurStringHash)).toEqual([377927480, -354277552, -1397715261, -1670636453])
  })

  it('hashes a tuple as productHash with the Tuple2 prefix: seed, "Tuple2", then each element\'s ##', () => {
    // Statics.longHash: a Long that fits an Int hashes as that Int (-1 stays -1), a larger one as Long.hashCode,
    // the xor of its halves: 2^32 + 5 hashes as 1 ^ 5 = 4
    expect(stringLongTupleHash('a', 2n ** 32n + 5n)).toBe(stringLongTupleHash('a', 4n))
    expect(stringLongTupleHash('a', -1n)).not.toBe(stringLongTupleHash('a', 0n))
    expect(stringLongTupleHash('a', 1n)).not.toBe(stringLongTupleHash('b', 1n))
  })

  it('keeps the order when the source Set is small, and hashes it when the source had 5 or more', () => {
    const pairs = [['a', 1n], ['b', 2n], ['c', 3n]] as [string, bigint][]
    expect(scalaTupleSetOrder(pairs, 4, (p) => p)).toEqual(pairs)
    const hashed = scalaTupleSetOrder(pairs, 5, (p) => p)
    expect([...hashed].sort()).toEqual(pairs)
  })
})

describe('scalaKeyOrder', () => {
  // The improved hashes below were computed with the JVM's String.hashCode and Hashing.improve (java, jshell).
  it('keeps up to 4 keys as given (Map1..Map4)', () => {
    expect(scalaKeyOrder(['d', 'c', 'b', 'a'])).toEqual(['d', 'c', 'b', 'a'])
  })

  it('orders 5 and more by the trie of improved String hashes, 5 bits a level from the lowest, own keys before sub-nodes', () => {
    // lowest 5 bits: e 0, a 10, b 18, c 25, d 31
    expect(scalaKeyOrder(['a', 'b', 'c', 'd', 'e'])).toEqual(['e', 'a', 'b', 'c', 'd'])
    // x and s share 1 (next 5 bits: s 5, x 22), so they come in a sub-node after e 0, n 4 and a 10
    expect(scalaKeyOrder(['x', 'a', 's', 'e', 'n'])).toEqual(['e', 'n', 'a', 's', 'x'])
    // d, o and z share 31 (next: o 0, z 6, d 30)
    expect(scalaKeyOrder(['d', 'o', 'z', 'a', 'e'])).toEqual(['e', 'a', 'o', 'z', 'd'])
  })
})

// The order in which a node writes a Scala immutable Map or Set as JSON (play-json writes them in their iteration
// order): up to 4 entries keep the order they were added in (Map1..Map4, Set1..Set4); from 5 on it is a HashMap or
// HashSet, a CHAMP trie of the improved hashCodes iterated node by node, each node's own entries first (in the order
// of their 5 hash bits), then its sub-nodes in the same order.

/** java.lang.String.hashCode over UTF-16 units */
function javaHashCode(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return h
}

/** scala.collection.Hashing.improve, which the HashMap applies to every key's hashCode */
function improve(hcode: number): number {
  let h = (hcode + ~(hcode << 9)) | 0
  h ^= h >>> 14
  h = (h + (h << 4)) | 0
  return h ^ (h >>> 10)
}

/**
 * `items` (distinct) in the iteration order of a Scala HashMap or HashSet holding them, given each one's hashCode.
 * Items whose improved hashes are all equal share a collision node and keep their order.
 */
function champOrder<T>(items: readonly T[], hashCode: (item: T) => number): T[] {
  const out: T[] = []
  const visit = (group: { item: T; hash: number }[], shift: number) => {
    if (shift >= 32) {
      for (const e of group) out.push(e.item)
      return
    }
    const buckets = new Map<number, typeof group>()
    for (const e of group) {
      const bits = (e.hash >>> shift) & 31
      const bucket = buckets.get(bits)
      if (bucket) bucket.push(e)
      else buckets.set(bits, [e])
    }
    const order = [...buckets.keys()].sort((a, b) => a - b)
    for (const bits of order) {
      const bucket = buckets.get(bits)!
      if (bucket.length === 1) out.push(bucket[0]!.item)
    }
    for (const bits of order) {
      const bucket = buckets.get(bits)!
      if (bucket.length > 1) visit(bucket, shift + 5)
    }
  }
  visit(
    items.map((item) => ({ item, hash: improve(hashCode(item)) })),
    0,
  )
  return out
}

/**
 * `entries` (distinct keys, in the order the node adds them) in the iteration order of the Scala Map the node builds
 * from them.
 */
export function scalaMapOrder<T>(entries: readonly (readonly [string, T])[]): [string, T][] {
  if (entries.length <= 4) return entries.map(([k, v]) => [k, v])
  return champOrder(entries, ([key]) => javaHashCode(key)).map(([k, v]) => [k, v])
}

/**
 * `keys` (distinct, in the order the node adds them) in the iteration order of a Scala Map keyed by them: the fields
 * of a case object in ScriptValuesJson and TermPrinter, the holders of an asset distribution.
 */
export function scalaKeyOrder(keys: readonly string[]): string[] {
  return scalaMapOrder(keys.map((key) => [key, key] as const)).map(([key]) => key)
}

// scala.util.hashing.MurmurHash3, for the hashCode of a tuple
const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r))
function mixLast(hash: number, data: number): number {
  let k = Math.imul(data, 0xcc9e2d51)
  k = rotl(k, 15)
  k = Math.imul(k, 0x1b873593)
  return hash ^ k
}
function mix(hash: number, data: number): number {
  const h = rotl(mixLast(hash, data), 13)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}
function finalizeHash(hash: number, length: number): number {
  let h = hash ^ length
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
/** MurmurHash3.stringHash (seed 0xf7ca7fd2): not used by the node's order, but its published values check mix and finalizeHash. */
export function murmurStringHash(s: string): number {
  let h = 0xf7ca7fd2 | 0
  let i = 0
  for (; i + 1 < s.length; i += 2) h = mix(h, (s.charCodeAt(i) << 16) + s.charCodeAt(i + 1))
  if (i < s.length) h = mixLast(h, s.charCodeAt(i))
  return finalizeHash(h, s.length)
}

/** MurmurHash3.productSeed */
const PRODUCT_SEED = 0xcafebabe | 0

/** `##` of a Long (Statics.longHash): the Int itself when it fits, else java.lang.Long.hashCode. */
function longHash(value: bigint): number {
  const asInt = Number(BigInt.asIntN(32, value))
  if (BigInt(asInt) === value) return asInt
  const bits = BigInt.asUintN(64, value)
  return Number(BigInt.asIntN(32, bits ^ (bits >> 32n)))
}

/** The hashCode of a Scala `(String, Long)`: a case class Tuple2, its product prefix mixed in first (2.13). */
export function stringLongTupleHash(s: string, n: bigint): number {
  let h = PRODUCT_SEED
  h = mix(h, javaHashCode('Tuple2'))
  h = mix(h, javaHashCode(s))
  h = mix(h, longHash(n))
  return finalizeHash(h, 2)
}

/**
 * Pairs in the iteration order of the Scala Set of `(String, Long)` the node makes of them by mapping a Set of
 * `sourceSize` distinct strings: a source of up to 4 is a small Set whose map keeps the order (Set1..Set4); a larger
 * source is a HashSet, and so is what it maps to, iterated in the trie order of the pairs' hashes.
 */
export function scalaTupleSetOrder<T>(pairs: readonly T[], sourceSize: number, key: (pair: T) => [string, bigint]): T[] {
  if (sourceSize <= 4) return [...pairs]
  return champOrder(pairs, (pair) => stringLongTupleHash(...key(pair)))
}

/** A record's entries re-ordered as the node's Scala Map of them iterates. */
export function inScalaMapOrder<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(scalaMapOrder(Object.entries(record)))
}

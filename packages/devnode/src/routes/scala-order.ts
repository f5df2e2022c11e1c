// The order in which a node writes a Scala immutable Map with String keys as a JSON object (play-json writes a Map
// in its iteration order): up to 4 entries keep the order they were added in (Map1..Map4); from 5 on the map is a
// HashMap, a CHAMP trie iterated node by node, each node's own entries first (in the order of their 5 hash bits),
// then its sub-nodes in the same order.

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
 * `entries` (distinct keys, in the order the node adds them) in the iteration order of the Scala Map the node builds
 * from them. Keys whose improved hashes are all equal share a collision node and keep their order.
 */
export function scalaMapOrder<T>(entries: readonly (readonly [string, T])[]): [string, T][] {
  if (entries.length <= 4) return entries.map(([k, v]) => [k, v])
  const out: [string, T][] = []
  const visit = (group: { key: string; value: T; hash: number }[], shift: number) => {
    if (shift >= 32) {
      for (const e of group) out.push([e.key, e.value])
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
      if (bucket.length === 1) out.push([bucket[0]!.key, bucket[0]!.value])
    }
    for (const bits of order) {
      const bucket = buckets.get(bits)!
      if (bucket.length > 1) visit(bucket, shift + 5)
    }
  }
  visit(
    entries.map(([key, value]) => ({ key, value, hash: improve(javaHashCode(key)) })),
    0,
  )
  return out
}

/** A record's entries re-ordered as the node's Scala Map of them iterates. */
export function inScalaMapOrder<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(scalaMapOrder(Object.entries(record)))
}

// The order in which a Scala 2.13 immutable Map of more than four entries (a HashMap, a CHAMP trie) iterates, which is
// the order the node writes the fields of a case object with more than four fields in JSON (ScriptValuesJson) and
// prints them (TermPrinter). Maps of up to four entries (Map1-Map4) keep their insertion order.

/** java.lang.String.hashCode: the key's `##` */
function javaHash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
  return h
}

/** scala.collection.Hashing.improve, which HashMap applies to every key's hash */
function improve(hcode: number): number {
  let h = (hcode + ~(hcode << 9)) | 0
  h ^= h >>> 14
  h = (h + (h << 4)) | 0
  return h ^ (h >>> 10)
}

/**
 * `keys` in a Scala immutable Map's iteration order: as given up to four keys; beyond, as the CHAMP trie holds them
 * (each node's own entries by five hash bits, then its sub-nodes in the same order, depth first). Keys whose whole
 * hashes are equal keep their given order.
 */
export function scalaMapOrder(keys: readonly string[]): string[] {
  if (keys.length <= 4) return [...keys]
  return trieOrder(keys.map((key) => ({ key, hash: improve(javaHash(key)) })), 0).map((e) => e.key)
}

function trieOrder(entries: readonly { key: string; hash: number }[], shift: number): { key: string; hash: number }[] {
  if (entries.length <= 1 || shift >= 32) return [...entries]
  const slots = new Map<number, { key: string; hash: number }[]>()
  for (const e of entries) {
    const slot = (e.hash >>> shift) & 31
    const held = slots.get(slot)
    if (held === undefined) slots.set(slot, [e])
    else held.push(e)
  }
  const order = [...slots.keys()].sort((a, b) => a - b)
  const out: { key: string; hash: number }[] = []
  for (const slot of order) if (slots.get(slot)!.length === 1) out.push(slots.get(slot)![0]!)
  for (const slot of order) if (slots.get(slot)!.length > 1) out.push(...trieOrder(slots.get(slot)!, shift + 5))
  return out
}

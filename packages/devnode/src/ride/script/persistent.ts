// A persistent string-keyed map for the estimator's context: each change returns a new map and leaves the old one
// whole, as the node's immutable maps do, without copying on every change. Changes are chained; every 32 changes the
// chain is folded into a plain Map, so a lookup walks at most 32 links and a change costs O(size / 32) on average.

const GONE: unique symbol = Symbol('gone')
const FOLD_AT = 32

export class PMap<V> {
  private constructor(
    /** a folded map: the whole content, and then `parent` is null */
    private readonly base: ReadonlyMap<string, V> | null,
    private readonly parent: PMap<V> | null,
    private readonly key: string,
    private readonly value: V | typeof GONE,
    private readonly depth: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(new Map(), null, '', GONE, 0)
  }

  static of<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
    return new PMap<V>(new Map(entries), null, '', GONE, 0)
  }

  get(key: string): V | undefined {
    let node: PMap<V> = this
    while (node.base === null) {
      if (node.key === key) return node.value === GONE ? undefined : node.value
      node = node.parent!
    }
    return node.base.get(key)
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  set(key: string, value: V): PMap<V> {
    if (this.get(key) === value) return this
    if (this.depth >= FOLD_AT) {
      const map = this.toMap()
      map.set(key, value)
      return new PMap<V>(map, null, '', GONE, 0)
    }
    return new PMap<V>(null, this, key, value, this.depth + 1)
  }

  delete(key: string): PMap<V> {
    if (!this.has(key)) return this
    if (this.depth >= FOLD_AT) {
      const map = this.toMap()
      map.delete(key)
      return new PMap<V>(map, null, '', GONE, 0)
    }
    return new PMap<V>(null, this, key, GONE, this.depth + 1)
  }

  /** a fresh Map of the content */
  toMap(): Map<string, V> {
    const chain: PMap<V>[] = []
    let node: PMap<V> = this
    while (node.base === null) {
      chain.push(node)
      node = node.parent!
    }
    const map = new Map(node.base)
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!
      if (link.value === GONE) map.delete(link.key)
      else map.set(link.key, link.value)
    }
    return map
  }

  keys(): IterableIterator<string> {
    return this.toMap().keys()
  }
}

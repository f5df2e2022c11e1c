// The estimator's persistent map: every version stays whole after later changes, across folds.
import { describe, expect, it } from 'vitest'
import { PMap } from './persistent.ts'

describe('PMap', () => {
  it('keeps every earlier version whole while later ones change, across the folds every 32 changes', () => {
    const versions: PMap<number>[] = [PMap.empty()]
    const expected: Map<string, number>[] = [new Map()]
    // a fixed walk of sets and deletes over 20 keys
    let seed = 7
    for (let i = 0; i < 300; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      const key = `k${seed % 20}`
      const last = versions[versions.length - 1]!
      const model = new Map(expected[expected.length - 1]!)
      if (seed % 3 === 0) {
        versions.push(last.delete(key))
        model.delete(key)
      } else {
        versions.push(last.set(key, i))
        model.set(key, i)
      }
      expected.push(model)
    }
    versions.forEach((v, i) => {
      expect(v.toMap()).toEqual(expected[i])
      for (let k = 0; k < 20; k++) expect(v.get(`k${k}`)).toBe(expected[i]!.get(`k${k}`))
    })
  })

  it('returns itself for a change that changes nothing', () => {
    const m = PMap.of([['a', 1]])
    expect(m.set('a', 1)).toBe(m)
    expect(m.delete('b')).toBe(m)
    expect([...m.set('b', 2).keys()]).toEqual(['a', 'b'])
  })
})

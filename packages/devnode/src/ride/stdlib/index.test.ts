import { describe, expect, it } from 'vitest'
import { STDLIB_VERSIONS } from '../versions.ts'
import { ALL_ENTRIES, buildTable, DuplicateStdlibEntry, stdlib } from './index.ts'
import type { CostByVersion, StdlibEntry } from './types.ts'

const native = (id: number, name: string, costs: CostByVersion): StdlibEntry => ({
  kind: 'native',
  id,
  name,
  costs,
  apply: () => 0n,
})

describe('the stdlib table', () => {
  it('defines no native id and no name twice for any version', () => {
    for (const version of STDLIB_VERSIONS) expect(() => buildTable(ALL_ENTRIES, version)).not.toThrow()
  })

  it('serves an entry only in the versions its costs name', () => {
    const entries = [native(100, '+', { 1: 1, 2: 1 }), native(100, '+', { 3: 1 })]
    expect(buildTable(entries, 1).natives.get(100)).toBe(entries[0])
    expect(buildTable(entries, 3).natives.get(100)).toBe(entries[1])
    expect(buildTable(entries, 4).natives.has(100)).toBe(false)
  })

  it('refuses a native id defined twice for one version', () => {
    const entries = [native(100, '+', { 3: 1 }), native(100, 'plus', { 3: 2, 4: 2 })]
    expect(() => buildTable(entries, 3)).toThrow(new DuplicateStdlibEntry('native function plus: id 100 is defined twice for stdlib version 3'))
    expect(buildTable(entries, 4).natives.get(100)?.name).toBe('plus')
  })

  it('refuses a user function, a case type or a global defined twice for one version, each in its own namespace', () => {
    const user: StdlibEntry = { kind: 'user', name: 'value', costs: { 4: 2 }, apply: (args) => args[0]! }
    const type: StdlibEntry = { kind: 'type', name: 'Address', fields: [{ name: 'bytes', type: 'ByteVector' }], versions: [4] }
    const global: StdlibEntry = { kind: 'global', name: 'unit', versions: [4], value: () => 0n }
    expect(() => buildTable([user, user], 4)).toThrow('user function value is defined twice for stdlib version 4')
    expect(() => buildTable([type, type], 4)).toThrow('case type Address is defined twice for stdlib version 4')
    expect(() => buildTable([global, global], 4)).toThrow('global value unit is defined twice for stdlib version 4')
    const table = buildTable([user, type, global, { ...type, name: 'value' }], 4)
    expect([table.users.size, table.types.size, table.globals.size]).toEqual([1, 2, 1])
  })

  it('builds each version once', () => {
    expect(stdlib(5)).toBe(stdlib(5))
    expect(stdlib(5).version).toBe(5)
  })
})

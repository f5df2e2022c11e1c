// The one table of built-ins: every family's entries joined into lookups per stdlib version (by native id, by user
// function name, by case type name, by global name). The evaluator reads only this module; a family joins the table
// by one line in FAMILIES. Nothing here implements a function.
import type { StdlibVersion } from '../versions.ts'
import { bigintFunctions } from './bigint.ts'
import { blockchainEntries } from './blockchain.ts'
import { bytesFunctions } from './bytes.ts'
import { commonFunctions } from './common.ts'
import { conversionFunctions } from './conversions.ts'
import { cryptoEntries } from './crypto.ts'
import { listFunctions } from './lists.ts'
import { mathFunctions } from './math.ts'
import { stringFunctions } from './strings.ts'
import type { CaseType, GlobalValue, NativeFunction, StdlibEntry, UserFunction } from './types.ts'

/**
 * The families, in the node's context order (PureContext, CryptoContext, WavesContext). A family not yet written is
 * simply absent; the table serves what exists.
 */
const FAMILIES: readonly (readonly StdlibEntry[])[] = [
  commonFunctions,
  mathFunctions,
  bigintFunctions,
  stringFunctions,
  bytesFunctions,
  listFunctions,
  conversionFunctions,
  cryptoEntries,
  blockchainEntries,
]

/** What one stdlib version offers, each kind in its own namespace as the node's EvaluationContext keeps them. */
export interface StdlibTable {
  version: StdlibVersion
  natives: ReadonlyMap<number, NativeFunction>
  users: ReadonlyMap<string, UserFunction>
  types: ReadonlyMap<string, CaseType>
  globals: ReadonlyMap<string, GlobalValue>
}

/** A table that found the same native id or the same name twice for one version: a defect of the families. */
export class DuplicateStdlibEntry extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DuplicateStdlibEntry'
  }
}

function servesVersion(entry: StdlibEntry, version: StdlibVersion): boolean {
  switch (entry.kind) {
    case 'native':
    case 'user':
      return entry.costs[version] !== undefined
    case 'type':
    case 'global':
      return entry.versions.includes(version)
  }
}

/**
 * Joins `entries` into the table of `version`; throws DuplicateStdlibEntry when an id (natives) or a name (user
 * functions, case types, globals: each in its own namespace) is defined twice for that version.
 */
export function buildTable(entries: readonly StdlibEntry[], version: StdlibVersion): StdlibTable {
  const natives = new Map<number, NativeFunction>()
  const users = new Map<string, UserFunction>()
  const types = new Map<string, CaseType>()
  const globals = new Map<string, GlobalValue>()
  const add = <K, V>(map: Map<K, V>, key: K, value: V, what: string) => {
    if (map.has(key)) throw new DuplicateStdlibEntry(`${what} ${String(key)} is defined twice for stdlib version ${version}`)
    map.set(key, value)
  }
  for (const entry of entries) {
    if (!servesVersion(entry, version)) continue
    switch (entry.kind) {
      case 'native':
        add(natives, entry.id, entry, `native function ${entry.name}: id`)
        break
      case 'user':
        add(users, entry.name, entry, 'user function')
        break
      case 'type':
        add(types, entry.name, entry, 'case type')
        break
      case 'global':
        add(globals, entry.name, entry, 'global value')
        break
    }
  }
  return { version, natives, users, types, globals }
}

/** Every entry of every family. */
export const ALL_ENTRIES: readonly StdlibEntry[] = FAMILIES.flat()

const tables = new Map<StdlibVersion, StdlibTable>()

/** The table of one stdlib version, built on first use. */
export function stdlib(version: StdlibVersion): StdlibTable {
  let table = tables.get(version)
  if (table === undefined) tables.set(version, (table = buildTable(ALL_ENTRIES, version)))
  return table
}

/** The cost of a native or user function for `version`; the entry must serve that version. */
export function costOf(entry: NativeFunction | UserFunction, version: StdlibVersion): number {
  const cost = entry.costs[version]
  if (cost === undefined) throw new Error(`${entry.name} does not exist in stdlib version ${version}`)
  return cost
}

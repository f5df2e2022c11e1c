// What must stay out of the library's bundles: ride-js (Node only, megabytes) anywhere in src; the
// dev wallet (a seed in memory) in the main entry; the miner and waves-transactions until they are needed.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'

const root = import.meta.dirname
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  )
/** Every module a file names: static imports, re-exports and dynamic `import()`. */
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!)
/** The modules a file loads when it loads: static imports and re-exports, without `import type` (erased). */
const staticImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)( type)?\b(?:[^\n]|\n[ \t}])*? from '([^']+)'/gm)].filter((m) => !m[1]).map((m) => m[2]!)

test('no library source imports @waves/ride-js', () => {
  const offenders = sources(root)
    .filter((file) => !file.endsWith('testing.ts'))
    .filter((file) => imports(file).some((name) => name.includes('ride-js')))
  expect(offenders.map((file) => relative(root, file))).toEqual([])
})

const reachable = (entry: string, edges: (file: string) => string[]) => {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const name of edges(file)) if (name.startsWith('.')) visit(join(file, '..', name))
  }
  visit(join(root, entry))
  return [...seen].map((file) => relative(root, file))
}

test('the main entry never reaches the dev wallet or the test helpers', () => {
  const reached = reachable('index.ts', imports)
  expect(reached).toContain('actions/register.ts')
  expect(reached).toContain('pow/mine.ts') // through register's dynamic import
  expect(reached.filter((file) => file === 'dev-wallet.ts' || file === 'testing.ts')).toEqual([])
})

test('the miner (its WASM, its workers) loads only when register runs', () => {
  const loaded = reachable('index.ts', staticImports)
  expect(loaded).toContain('actions/register.ts')
  expect(loaded).toContain('pow/errors.ts')
  expect(loaded.filter((file) => file.startsWith('pow/') && file !== 'pow/errors.ts')).toEqual([])
})

test('@waves/waves-transactions (most of the weight) loads only on the first write', () => {
  const loaded = reachable('index.ts', staticImports)
  const withTransactions = loaded.filter((file) => staticImports(join(root, file)).includes('@waves/waves-transactions'))
  expect(withTransactions).toEqual([])
  // the dynamic import() there is of tx-builder.ts, which imports waves-transactions
  expect(imports(join(root, 'wallet.ts'))).toContain('./tx-builder.ts')
  expect(staticImports(join(root, 'tx-builder.ts'))).toEqual(['@waves/waves-transactions'])
})

test('no source imports @waves/waves-transactions (CommonJS) dynamically: its interop helper would pull it into the entry', () => {
  const dynamic = (file: string) => [...readFileSync(file, 'utf8').matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!)
  expect(sources(root).filter((file) => dynamic(file).includes('@waves/waves-transactions')).map((file) => relative(root, file))).toEqual([])
})

// The packages as users get them: `npm pack` of waves-affiliate and waves-devnode (their prepack builds
// dist/), installed into a project outside the workspace with the README's quick starts written into it,
// word for word. Used by test/packages.test.ts and bench/packages.bench.ts.
//
// One project per checkout, reused across runs (os.tmpdir()/waves-affiliate-packages-<hash of the path>): its other dependencies stay
// installed, and npm takes them from this machine's npm cache first (--prefer-offline), so a run needs
// the registry only for what the cache lacks. The two tarballs are installed afresh each time.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { gzipSync } from 'node:zlib'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
// one per checkout, so two checkouts on one machine never share it
export const PROJECT = join(tmpdir(), `waves-affiliate-packages-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`)
const TARBALLS = join(PROJECT, 'tarballs')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command; never rejects on a non-zero exit (the caller asserts on `code` and the output). */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve) => {
    // the tests compare plain text, whatever the caller's terminal or FORCE_COLOR says about colours
    const { FORCE_COLOR: _colours, ...env } = process.env
    execFile(command, args, { cwd: options.cwd, env: { ...env, ...options.env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) })
    })
  })
}

async function ok(command: string, args: string[], cwd: string): Promise<Run> {
  const result = await run(command, args, { cwd })
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}) in ${cwd}:\n${result.stdout}\n${result.stderr}`)
  return result
}

/** The version of a package installed at the workspace's root, so the project asks npm for what its cache has. */
function workspaceVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
}

/** The code blocks of the library's README that follow `<!-- quickstart: <path> -->`, by path. */
export function quickstarts(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'packages/affiliate/README.md'), 'utf8')
  const blocks = new Map<string, string>()
  for (const match of readme.matchAll(/<!-- quickstart: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)) blocks.set(match[1]!, `${match[2]!}\n`)
  return blocks
}

export interface Prepared {
  /** tarball file names */
  tarballs: string[]
  /** wall time of each step, ms */
  ms: { pack: number; install: number }
}

/**
 * Packs both packages, (re)installs them with the quick starts' dependencies into PROJECT, and writes the
 * quick starts and the strict tsconfig files there.
 */
export async function prepareProject(): Promise<Prepared> {
  let t = performance.now()
  rmSync(TARBALLS, { recursive: true, force: true })
  mkdirSync(TARBALLS, { recursive: true })
  // `npm pack` runs each package's prepack (its build): both at once
  const tarballs = await Promise.all(
    ['affiliate', 'devnode'].map(async (pkg) => {
      const packed = await ok('npm', ['pack', '--json', '--pack-destination', TARBALLS], join(ROOT, 'packages', pkg))
      return (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[])[0]!.filename
    }),
  )
  const pack = performance.now() - t

  t = performance.now()
  const manifest = {
    name: 'waves-affiliate-packages-check',
    private: true,
    type: 'module',
    dependencies: {
      'waves-affiliate': `file:tarballs/${tarballs[0]}`,
      'waves-devnode': `file:tarballs/${tarballs[1]}`,
      '@waves/signer': workspaceVersion('@waves/signer'),
      tslib: workspaceVersion('tslib'),
    },
    devDependencies: {
      typescript: workspaceVersion('typescript'),
      vite: workspaceVersion('vite'),
      '@types/node': workspaceVersion('@types/node'),
    },
  }
  writeFileSync(join(PROJECT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  // the tarballs change on every pack: drop what npm remembers of them so it unpacks them again
  for (const stale of ['package-lock.json', 'node_modules/waves-affiliate', 'node_modules/waves-devnode', 'node_modules/.package-lock.json']) {
    rmSync(join(PROJECT, stale), { recursive: true, force: true })
  }
  await ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], PROJECT)
  const install = performance.now() - t

  for (const [path, code] of quickstarts()) if (path.includes('/') || path.includes('.')) writeQuickstart(path, code)
  writeTsconfigs()
  return { tarballs, ms: { pack, install } }
}

function writeQuickstart(path: string, code: string): void {
  const file = join(PROJECT, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, code)
}

/** create-vite's vanilla-ts tsconfig (template-vanilla-ts/tsconfig.json), as a new app gets it. */
export const CREATE_VITE_OPTIONS = {
  target: 'ES2022',
  useDefineForClassFields: true,
  module: 'ESNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['vite/client'],
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedSideEffectImports: true,
}

function writeTsconfigs(): void {
  mkdirSync(join(PROJECT, 'check'), { recursive: true })
  const paths = JSON.parse(`{${quickstarts().get('tsconfig-paths') ?? ''}}`) as { paths: Record<string, string[]> }
  // the browser quick start, with the README's `paths` for @waves/signer's declarations
  writeFileSync(join(PROJECT, 'web/tsconfig.json'), JSON.stringify({ compilerOptions: { ...CREATE_VITE_OPTIONS, paths: rebase(paths.paths) }, include: ['src'] }, null, 2))
  // every entry of both packages alone, with nothing added to create-vite's settings
  writeFileSync(join(PROJECT, 'check/tsconfig.json'), JSON.stringify({ compilerOptions: CREATE_VITE_OPTIONS, include: ['library.ts'] }, null, 2))
  writeFileSync(
    join(PROJECT, 'check/tsconfig.node.json'),
    JSON.stringify({ compilerOptions: { ...CREATE_VITE_OPTIONS, types: ['node'], lib: ['ES2023'] }, include: ['devnode.ts'] }, null, 2),
  )
  writeFileSync(join(PROJECT, 'check/library.ts'), LIBRARY_CHECK)
  writeFileSync(join(PROJECT, 'check/devnode.ts'), DEVNODE_CHECK)
}

/** tsconfig `paths` are relative to the tsconfig's folder: web/ sits one below node_modules. */
const rebase = (paths: Record<string, string[]>) => Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, v.map((p) => p.replace('./node_modules', '../node_modules'))]))

// Uses a value or a type from every public entry, so tsc reads every declaration the packages ship.
const LIBRARY_CHECK = `import {
  AffiliateError,
  CannotPayFeeError,
  createAffiliate,
  createTransport,
  formatAmount,
  signLoginChallenge,
  type AffiliateConfig,
  type Dashboard,
  type RequestEvent,
  type SignerLike,
} from 'waves-affiliate'
import { DevWalletProvider } from 'waves-affiliate/dev-wallet'
import { createLoginChallenge, createMemoryChallengeStore, verifyLoginProof, type LoginProof } from 'waves-affiliate/login'
import { mine, type InvokeScriptTx } from 'waves-affiliate/pow'

export const events: RequestEvent[] = []
export const config: AffiliateConfig = { node: 'http://127.0.0.1:6869', dApp: '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF', onRequest: (e) => events.push(e) }
export const affiliate = createAffiliate(config)
export const transport = createTransport({ url: config.node, deadlineMs: 10_000 })
export const balance = (d: Dashboard): string => formatAmount(d.balance, d.config.asset.decimals)
export const wallet = new DevWalletProvider('seed')
export const sign = (signer: SignerLike, message: string) => signLoginChallenge(signer, message)
export const link = async (proof: LoginProof) => {
  const store = createMemoryChallengeStore()
  await createLoginChallenge({ service: 'shop.example', chainId: 'R', store })
  return verifyLoginProof({ proof, service: 'shop.example', chainId: 'R', store })
}
export const mined = (tx: InvokeScriptTx) => mine(tx, { saltArg: 1, bits: 8 })
export const needed = (e: unknown): bigint | undefined => (e instanceof CannotPayFeeError ? e.needed : e instanceof AffiliateError ? 0n : undefined)
`

const DEVNODE_CHECK = `import { createDevnode, type Devnode } from 'waves-devnode'

export const start = async (): Promise<Devnode> => {
  const node = await createDevnode({ chainId: 'R' })
  await node.mine()
  return node
}
`

/** The scripts index.html loads at once (its module entry and every modulepreload), and the rest. */
export function firstLoad(dist: string): { initial: { file: string; gz: number }[]; lazy: { file: string; gz: number }[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const initialFiles = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) =>
    (m[1] ?? m[2])!.replace(/^\//, ''),
  )
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>
  const all = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'))
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  return {
    initial: initialFiles.map((file) => ({ file, gz: gz(file) })),
    lazy: all.filter((file) => !initialFiles.includes(file)).map((file) => ({ file, gz: gz(file) })),
  }
}

/** `vite build` of the browser quick start, with a manifest (which chunk holds what). */
export function buildWeb(): Promise<Run> {
  return run(join(PROJECT, 'node_modules/.bin/vite'), ['build', '--manifest', '--logLevel', 'warn'], { cwd: join(PROJECT, 'web') })
}

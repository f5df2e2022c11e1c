// waves-affiliate and waves-devnode as a user gets them: packed, installed from the tarballs into a project
// outside the workspace (test/packages.ts), then used there without any of the workspace's tooling.
//   - plain Node: the devnode tarball's bin serves a chain; the README's Node service quick start reads
//     the program from it, links a wallet with a login proof, and logs every answer of the node;
//   - plain Node: createDevnode() in-process, and mine() from waves-affiliate/pow;
//   - tsc with create-vite's strict settings over every public entry, and over the browser quick start;
//   - a Vite build of the browser quick start: its first load stays within 40 KB of gzipped JavaScript.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createAffiliate } from '../packages/affiliate/src/index.ts'
import { DevWalletProvider } from '../packages/affiliate/src/dev-wallet.ts'
import { deployAffiliate } from '../ride/deploy.ts'
import { DAPP_SEED } from './affiliate.ts'
import { PROJECT, type Prepared, buildWeb, firstLoad, prepareProject, run } from './packages.ts'
import { RICH_SEED, addressOf, client, wt } from './waves.ts'

const KB = 1024
const timings: [string, number][] = []
const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
  const t = performance.now()
  try {
    return await step()
  } finally {
    timings.push([name, performance.now() - t])
  }
}

let prepared: Prepared
let bin: ChildProcess | undefined
let nodeUrl: string
const dApp = addressOf(DAPP_SEED)
const rich = addressOf(RICH_SEED)

beforeAll(async () => {
  prepared = await prepareProject()
  timings.push(['npm pack (both, with their builds)', prepared.ms.pack], ['npm install of the tarballs', prepared.ms.install])
  nodeUrl = await timed('the bin starts, the program is deployed', async () => {
    bin = spawn(process.execPath, [join(PROJECT, 'node_modules/waves-devnode/bin/waves-devnode.js'), '--port', '0'], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      bin!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /^waves-devnode listening on (\S+) \(chain R, height 11\)$/m.exec(out)
        if (m) resolve(m[1]!)
      })
      bin!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
      bin!.once('exit', (code) => reject(new Error(`waves-devnode exited with ${code}: ${out}`)))
    })
    // the program on it, as `npm run deploy` does; the rich account joins under the root
    const api = client(url)
    const funding = await api.broadcast(wt.transfer({ recipient: dApp, amount: 100_000_000_000, chainId: 'R' }, RICH_SEED))
    if (funding.status !== 200) throw new Error(`funding the dApp failed: ${JSON.stringify(funding.body)}`)
    await deployAffiliate({ node: url, seed: DAPP_SEED, gasReserve: 10_00000000n, log: () => undefined })
    const { Signer } = await import('@waves/signer')
    const signer = new Signer({ NODE_URL: url })
    await signer.setProvider(new DevWalletProvider(RICH_SEED))
    await (await createAffiliate({ node: url, dApp, signer }).register(dApp)).confirmed
    return url
  })
}, 600_000)

afterAll(() => {
  bin?.kill('SIGKILL')
  console.log(`packages test, wall time per step (ms):\n${timings.map(([name, ms]) => `  ${name}: ${Math.round(ms)}`).join('\n')}`)
})

describe('the tarballs', () => {
  test('hold built JavaScript, declarations, README and LICENSE: no sources, tests or build files', () => {
    for (const name of ['waves-affiliate', 'waves-devnode']) {
      const dir = join(PROJECT, 'node_modules', name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files: string[]; sideEffects: boolean; devDependencies?: unknown }
      expect(manifest.sideEffects).toBe(false)
      expect(['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts'].filter((f) => !existsSync(join(dir, f)))).toEqual([])
      expect(['src', 'tsconfig.build.json', 'build.mjs', 'dist/testing.js'].filter((f) => existsSync(join(dir, f)))).toEqual([])
    }
    expect(prepared.tarballs).toEqual(['waves-affiliate-0.1.0.tgz', 'waves-devnode-0.1.0.tgz'])
    // the devnode bin ran above without TypeScript tooling: none is installed
    expect(existsSync(join(PROJECT, 'node_modules/tsx'))).toBe(false)
  })
})

describe('plain Node', () => {
  test("the README's Node service quick start: a login proof, a member's dashboard, every answer logged", async () => {
    const result = await timed('service.mjs (README)', () => run(process.execPath, ['service.mjs'], { cwd: PROJECT, env: { WAVES_NODE: nodeUrl, AFFILIATE_DAPP: dApp } }))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines.filter((line) => !line.startsWith('node #'))).toEqual([
      `linked ${rich}`,
      'member: true, to withdraw: 0 wavelets, direct referrals: 0',
    ])
    const logged = lines.filter((line) => line.startsWith('node #'))
    expect(logged[0]).toMatch(/^node #1\.1 GET \/blocks\/headers\/last 200 \d+ ms$/)
    expect(logged.filter((line) => !/^node #\d+\.1 (GET|POST) \/\S+ 200 \d+ ms$/.test(line))).toEqual([])
    expect(logged.some((line) => line.includes(` POST /addresses/data/${dApp} 200 `))).toBe(true)
  })

  test('createDevnode() in-process', async () => {
    const script = `import { createDevnode } from 'waves-devnode'
const node = await createDevnode()
const get = async (path) => (await fetch(node.url + path)).json()
const before = (await get('/blocks/height')).height
const after = await node.mine()
console.log(JSON.stringify({ version: (await get('/node/version')).version, before, after, height: (await get('/blocks/height')).height }))
await node.close()
`
    const result = await timed('createDevnode in-process', () => run(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT }))
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ version: 'Waves v1.5.7 (waves-devnode 0.1.0)', before: 11, after: 12, height: 12 })
  })

  test('mine() from waves-affiliate/pow on worker_threads; waves-transactions computes the same id', async () => {
    const script = `import wt from '@waves/waves-transactions'
import { mine } from 'waves-affiliate/pow'
const params = (salt) => ({
  dApp: '${dApp}',
  call: { function: 'register', args: [{ type: 'string', value: '${rich}' }, { type: 'integer', value: salt }] },
  payment: [], fee: 500000, chainId: 'R', timestamp: 1800000000000, senderPublicKey: wt.libs.crypto.publicKey('a user'),
})
const { tx } = await mine(wt.invokeScript(params(0)), { saltArg: 1, bits: 12, workers: 1 })
const salt = tx.call.args[1].value
const id = wt.invokeScript(params(salt)).id
console.log(JSON.stringify({ salt, id: tx.id, same: id === tx.id, firstByte: wt.libs.crypto.base58Decode(id)[0], second: wt.libs.crypto.base58Decode(id)[1] >> 4 }))
`
    const result = await timed('mine in plain Node', () => run(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT }))
    expect(result.stderr).toBe('')
    // one worker searches salts in order from 0: the first with 12 leading zero bits (byte 0 and the high half of byte 1)
    expect(JSON.parse(result.stdout)).toEqual({ salt: 9014, id: '1EAqZUx5GXiTRsJf4nu1rTMnYyDKhtebbBNtoTU2Cyd', same: true, firstByte: 0, second: 0 })
  })
})

describe('TypeScript, as create-vite sets it up (strict, erasableSyntaxOnly, verbatimModuleSyntax, noUnusedLocals ...)', () => {
  test('every public entry of both packages: 0 errors, with nothing added to the settings', async () => {
    const tsc = join(PROJECT, 'node_modules/.bin/tsc')
    const browser = await timed('tsc: the library entries', () => run(tsc, ['-p', 'check/tsconfig.json'], { cwd: PROJECT }))
    expect(browser.stdout).toBe('')
    expect(browser.code).toBe(0)
    const node = await timed('tsc: waves-devnode', () => run(tsc, ['-p', 'check/tsconfig.node.json'], { cwd: PROJECT }))
    expect(node.stdout).toBe('')
    expect(node.code).toBe(0)
  })

  test("the browser quick start with @waves/signer: 0 errors with the README's two paths", async () => {
    const result = await timed('tsc: the browser quick start', () => run(join(PROJECT, 'node_modules/.bin/tsc'), ['-p', 'web/tsconfig.json'], { cwd: PROJECT }))
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  })
})

describe('a Vite build of the browser quick start', () => {
  test('the first load (entry + preloads) is at most 40 KB gzipped; Signer, the transaction builder and the miner load on demand', async () => {
    const build = await timed('vite build', () => buildWeb())
    // Vite's notice about the on-demand chunk that holds Signer and the transaction builder (over 500 kB
    // before gzip) is the only thing it may say
    expect(build.stderr.replace(/^\[plugin builtin:vite-reporter\] \n\(!\) Some chunks are larger than 500 kB after minification\.[\s\S]*?chunkSizeWarningLimit\.\n/, '').trim()).toBe('')
    expect(build.code).toBe(0)
    const dist = join(PROJECT, 'web/dist')
    const { initial, lazy } = firstLoad(dist)
    const total = initial.reduce((sum, f) => sum + f.gz, 0)
    console.log(`first load: ${initial.map((f) => `${f.file} ${(f.gz / KB).toFixed(1)} KB`).join(', ')}; ${(total / KB).toFixed(1)} KB gzipped`)
    expect(total).toBeLessThanOrEqual(40 * KB)
    const text = (files: { file: string }[]) => files.map((f) => readFileSync(join(dist, f.file), 'utf8')).join('\n')
    const first = text(initial)
    const later = text(lazy)
    // markers of what must wait: the dev wallet's seed (pay.ts), Signer, protobuf (the transaction builder), the miner's worker
    for (const marker of ['waves private node seed with waves tokens', 'NODE_URL', 'protobuf', 'waves-affiliate pow']) {
      expect([marker, first.includes(marker), later.includes(marker)]).toEqual([marker, false, true])
    }
    // the reads are there at first
    expect(first).toContain('large-significand-format=string')
  })
})

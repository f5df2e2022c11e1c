// Proof-of-work miner: attempts per second, from building a transaction per attempt (the baseline) to
// the WASM search on every core. `npx tsx bench/run.ts pow`
//
// Targets (packages/affiliate/src/pow): one worker at least 3,000,000/s and 300x the baseline; all
// workers at least 1.8x one worker on a 2-core machine; the rate in headless Chromium's Web Workers is
// reported beside them. Figures only; nothing here asserts.
import { invokeScript, libs } from '@waves/waves-transactions'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { mine } from '../packages/affiliate/src/pow/index.ts'
import { serveSpa } from '../scripts/spa-server.ts'
import { launchChromium } from '../test/spa.ts'
import { steadyRate } from './pow-rate.ts'
import { leadingZeroBits, prepareBody, writeSalt } from '../packages/affiliate/src/pow/body.ts'
import { compiledModule } from '../packages/affiliate/src/pow/mine.ts'
import { createSearcher } from '../packages/affiliate/src/pow/search.ts'
import { median, printTable, repeat, type Row } from './lib.ts'

const RUNS = 5
const BITS = 16

const dApp = libs.crypto.address('waves-affiliate bench dapp', 'R')
const referrer = libs.crypto.address('waves-affiliate bench referrer', 'R')
const senderPublicKey = libs.crypto.publicKey('waves-affiliate bench user')
const params = (salt: number) => ({
  dApp,
  call: { function: 'register', args: [{ type: 'string' as const, value: referrer }, { type: 'integer' as const, value: salt }] },
  chainId: 'R',
  senderPublicKey,
  timestamp: 1700000000000,
})
const tx = invokeScript(params(0))

/** Runs `attempt(i)` for i = 0, 1, ... for about `ms` and returns attempts per second. */
function perSecond(ms: number, attempt: (i: number) => void): number {
  const start = performance.now()
  let i = 0
  for (;;) {
    for (const end = i + 256; i < end; ) attempt(i++)
    const elapsed = performance.now() - start
    if (elapsed >= ms) return (i * 1000) / elapsed
  }
}

let sink = 0 // keeps the engine from dropping the tested work

/** Baseline: what a client without this miner does, building and hashing the whole transaction. */
function baseline(): number {
  return perSecond(1000, (i) => {
    sink += leadingZeroBits(libs.crypto.base58Decode(invokeScript(params(i)).id)) >= BITS ? 1 : 0
  })
}

/** ts-lib-crypto's blake2b (as @waves/waves-transactions uses it) over prebuilt body bytes. */
function tsLibCrypto(): number {
  const { body, saltOffset } = prepareBody(tx, 1)
  return perSecond(1000, (i) => {
    writeSalt(body, saltOffset, BigInt(i))
    sink += leadingZeroBits(libs.crypto.blake2b(body)) >= BITS ? 1 : 0
  })
}

/** The WASM search called on this thread, 2^20 salts per call, no worker. */
async function wasmInThread(): Promise<number> {
  const { body, saltOffset } = prepareBody(tx, 1)
  const searcher = createSearcher(await compiledModule())
  searcher.load(body)
  const count = 1 << 20
  let start = 0n
  const t0 = performance.now()
  let attempts = 0
  while (performance.now() - t0 < 1500) {
    sink += searcher.search(saltOffset, start, count, 64)
    start += BigInt(count)
    attempts += count
  }
  return (attempts * 1000) / (performance.now() - t0)
}

/** The miner in headless Chromium's Web Workers: a page built with Vite from bench/pow-page. */
async function inChromium(): Promise<{ rate: (workers: number) => Promise<number>; cores: number; close: () => Promise<void> }> {
  const dist = await mkdtemp(join(tmpdir(), 'affiliate-pow-page-'))
  const { build } = await import('vite')
  const root = join(import.meta.dirname, 'pow-page')
  await build({ root, configFile: false, logLevel: 'error', worker: { format: 'es' }, build: { outDir: dist, emptyOutDir: true } })
  const server = await serveSpa({ dist, config: {}, port: 0 })
  const browser = await launchChromium()
  const page = await browser.newPage()
  await page.goto(server.url)
  await page.waitForFunction('typeof window.powRate === "function"')
  return {
    rate: (workers) => page.evaluate(([unsigned, n]) => window.powRate(unsigned, n), [tx, workers] as const),
    cores: await page.evaluate(() => window.cores),
    close: async () => {
      await browser.close()
      await server.close()
      await rm(dist, { recursive: true, force: true })
    },
  }
}

export default async function run(): Promise<void> {
  const cores = availableParallelism()
  const load = loadavg()[0]!
  const rows: Row[] = []
  const measure = async (name: string, once: () => Promise<number> | number, target?: string) => {
    const values = await repeat(RUNS, once)
    const row: Row = { case: name, median: median(values), unit: 'attempts/s', runs: values.length }
    if (target !== undefined) row.target = target
    rows.push(row)
    return row.median
  }
  const base = await measure('invokeScript per attempt (baseline)', baseline)
  await measure('ts-lib-crypto blake2b, prebuilt bytes', tsLibCrypto)
  await measure('WASM search, this thread, no worker', wasmInThread)
  const one = await measure('WASM, mine() with 1 worker', () => steadyRate(mine, tx, 1), '>= 3,000,000/s and >= 300x')
  const all = await measure(`WASM, mine() with all ${cores} workers`, () => steadyRate(mine, tx, cores), '>= 1.8x one worker')
  const chromium = await inChromium()
  try {
    await measure('Chromium, mine() with 1 Web Worker', () => chromium.rate(1))
    await measure(`Chromium, mine() with all ${chromium.cores} Web Workers`, () => chromium.rate(chromium.cores))
  } finally {
    await chromium.close()
  }
  printTable(`Proof of work: attempts per second on register(referrer, salt), a 148-byte body`, rows, rows[0]!.case)
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
  console.log(`\none worker: ${Math.round(one).toLocaleString('en-US')}/s, ${(one / base).toFixed(0)}x the baseline (${verdict(one >= 3e6 && one / base >= 300)})`)
  console.log(`all ${cores} workers: ${(all / one).toFixed(2)}x one worker (${verdict(all / one >= 1.8)})`)
  console.log(`load average when the bench started: ${load.toFixed(2)} on ${cores} cores (other processes skew these figures)`)
  if (sink === 0.5) console.log(sink)
}

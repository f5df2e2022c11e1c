// The SPA's figures: the JavaScript a first visit downloads before the app can run (gzipped; wallet
// providers must not be in it), and in Chromium the time from opening `/join/<referrer>` until the page
// can be acted on, and from the dev wallet's login click until Join is enabled. `npx tsx bench/run.ts spa`
//
// Target (issue 5): initial JavaScript at most 250 KB gzipped. Figures only; nothing here asserts.
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { register, startProgram } from '../test/affiliate.ts'
import { buildSpa, launchChromium, serveSpa } from '../test/spa.ts'
import { median, printTable, type Row } from './lib.ts'

const RUNS = 5
const KB = 1024

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

/** The scripts index.html loads at once: its module entry and every modulepreload. */
function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)]
  return refs.map((m) => (m[1] ?? m[2])!.replace(/^\//, ''))
}

async function msUntil(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 60_000 })
  return page.evaluate(() => performance.now()) // since this navigation started
}

export default async function bench(): Promise<void> {
  const dist = await buildSpa(join(tmpdir(), `affiliate-spa-bench-${process.pid}`))
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))
  const initial = initialScripts(dist)
  const initialGz = initial.reduce((sum, f) => sum + gz(join(dist, f)), 0)
  const allGz = assets.reduce((sum, f) => sum + gz(join(dist, 'assets', f)), 0)
  // the dynamic imports of the build, named by the module they load (from Vite's manifest)
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isDynamicEntry?: boolean }>
  const lazy = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry && chunk.file.endsWith('.js'))
    .map(([source, chunk]) => ({ source: source.replace(/^.*node_modules\//, '').replace(/^\.\.\/\.\.\//, ''), file: chunk.file }))
  const providers = lazy.filter((c) => /provider|dev-wallet/.test(c.source))
  const providersInInitial = providers.filter((c) => initial.includes(c.file))
  const rows: Row[] = [
    { case: 'every JavaScript file of the build', median: allGz / KB, unit: 'KB gz', runs: 1 },
    { case: `initial JavaScript (${initial.length} files: entry + preloads)`, median: initialGz / KB, unit: 'KB gz', runs: 1, target: '<= 250' },
    ...lazy.map((c) => ({ case: `  loaded when needed: ${c.source}`, median: gz(join(dist, c.file)) / KB, unit: 'KB gz', runs: 1 })),
  ]
  printTable('SPA JavaScript (gzip -9), first visit', rows)
  console.log(`\nwallet providers in the initial JavaScript: ${providersInInitial.length === 0 ? 'none' : providersInInitial.map((c) => c.source).join(', ')}`)

  const program = await startProgram()
  const { alice, bob } = program.users
  await register(program, alice.seed, program.dApp)
  const spa = await serveSpa(dist, { node: program.node.url, dApp: program.dApp })
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const login: number[] = []
    const join_: number[] = []
    const joinReady: number[] = []
    let joinBytes = 0
    for (let run = 0; run <= RUNS; run++) {
      // a fresh context for each page: a first visit, nothing cached
      const loginContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
      const loginMs = await msUntil(await loginContext.newPage(), `${spa.url}/login`, `document.querySelector('[data-test="wallet-keeper"]') !== null`)
      await loginContext.close()
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
      const page = await context.newPage()
      page.on('dialog', (d) => void d.accept())
      spa.resetLog()
      const linkMs = await msUntil(
        page,
        `${spa.url}/join/${alice.address}`,
        `(() => { const b = document.querySelector('[data-test="wallet-dev"]'); return document.querySelector('[data-test="invites"]') !== null && b !== null && !b.disabled })()`,
      )
      joinBytes = [...spa.served.values()].reduce((a, b) => a + b, 0)
      await page.locator('[data-test="wallet-dev"]').click()
      await page.locator('[data-test="seed"]').fill(bob.seed)
      const clicked = await page.evaluate(() => performance.now())
      await page.locator('[data-test="dev-login"]').click()
      await page.waitForFunction(`(() => { const b = document.querySelector('[data-test="join"]'); return b !== null && !b.disabled })()`, undefined, { polling: 'raf', timeout: 60_000 })
      const enabled = await page.evaluate(() => performance.now())
      await context.close()
      if (run === 0) continue // warm-up: the node's and the server's first requests
      login.push(loginMs)
      join_.push(linkMs)
      joinReady.push(enabled - clicked)
    }
    printTable(
      'Chromium (headless, phone viewport, fresh context per run): milliseconds',
      [
        { case: 'open /login until the wallets show (baseline, no node reads)', median: median(login), unit: 'ms', runs: login.length },
        { case: 'open /join/<referrer> until checked and a wallet can be chosen', median: median(join_), unit: 'ms', runs: join_.length },
        { case: 'dev wallet login click until Join is enabled', median: median(joinReady), unit: 'ms', runs: joinReady.length },
      ],
      'open /login until the wallets show (baseline, no node reads)',
    )
    console.log(`\nJavaScript served for /join/<referrer> on a first visit: ${(joinBytes / KB).toFixed(1)} KB uncompressed (this test server sends no gzip)`)
  } finally {
    await browser?.close()
    await spa.close()
    await program.close()
    rmSync(dist, { recursive: true, force: true })
  }
}

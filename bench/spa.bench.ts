// The SPA's figures: the JavaScript a first visit downloads before the app can run (gzipped; wallet
// providers, the chart and the QR code must not be in it), the JavaScript Chromium actually downloads to
// show the home page, and in Chromium the time from opening `/join/<referrer>` until the page can be acted
// on, from the dev wallet's login click until Join is enabled, and from opening `/admin` (the operator
// logged in, the demo's six weeks of history on the chain) until the program's figures show.
// `npx tsx bench/run.ts spa`
//
// Target: initial JavaScript at most 80 KB gzipped. Figures only; nothing here asserts.
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { createDevnode } from '../packages/devnode/src/index.ts'
import { DEMO_ADMIN_SEED, DEMO_DAYS, seedDemo } from '../scripts/demo.ts'
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
  const providers = lazy.filter((c) => /provider|dev-wallet|chart\.js|incomeChart|qrcode/.test(c.source))
  const providersInInitial = providers.filter((c) => initial.includes(c.file))
  const rows: Row[] = [
    { case: 'every JavaScript file of the build', median: allGz / KB, unit: 'KB gz', runs: 1 },
    { case: `initial JavaScript (${initial.length} files: entry + preloads)`, median: initialGz / KB, unit: 'KB gz', runs: 1, target: '<= 80' },
    ...lazy.map((c) => ({ case: `  loaded when needed: ${c.source}`, median: gz(join(dist, c.file)) / KB, unit: 'KB gz', runs: 1 })),
  ]
  printTable('SPA JavaScript (gzip -9), first visit', rows)
  console.log(`\nwallet providers, chart or QR code in the initial JavaScript: ${providersInInitial.length === 0 ? 'none' : providersInInitial.map((c) => c.source).join(', ')}`)

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
  }
  try {
    await adminBench(dist)
  } finally {
    rmSync(dist, { recursive: true, force: true })
  }
}

/** gzip -9 size of every JavaScript file a page load fetched (the server logs them by path). */
const servedGz = (dist: string, paths: Iterable<string>) => [...paths].reduce((sum, p) => sum + gz(join(dist, p)), 0)

/**
 * /admin on the demo's chain (what `npm start` writes: 31 members, six weeks of funds): the operator is
 * logged in once (the dev wallet's seed stays in the tab), then each run opens /admin in that tab and
 * waits for the figures. Also the JavaScript a first visit to / downloads, measured in Chromium.
 */
async function adminBench(dist: string): Promise<void> {
  const DAY = 86_400_000
  let offset = -(DEMO_DAYS + 1) * DAY
  const node = await createDevnode({ port: 0, clock: () => Date.now() + offset })
  let browser: Browser | undefined
  let spa: Awaited<ReturnType<typeof serveSpa>> | undefined
  try {
    const { deployed } = await seedDemo({ node, start: Date.now() + offset, setTime: (ms) => (offset = ms - Date.now()) })
    offset = 0
    spa = await serveSpa(dist, { node: node.url, dApp: deployed.dApp })
    browser = await launchChromium()

    const homeContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
    spa.resetLog()
    const home = await homeContext.newPage()
    await home.goto(spa.url)
    await home.waitForSelector('[data-test="home-example"]:not(:empty)', { timeout: 60_000 })
    const homeGz = servedGz(dist, spa.served.keys())
    await homeContext.close()

    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
    const page = await context.newPage()
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${spa.url}/login`)
    await page.locator('[data-test="wallet-dev"]').click()
    await page.locator('[data-test="seed"]').fill(DEMO_ADMIN_SEED)
    await page.locator('[data-test="dev-login"]').click()
    await page.locator('[data-test="address"]').waitFor({ timeout: 60_000 })
    const admin: number[] = []
    let members = ''
    for (let run = 0; run <= RUNS; run++) {
      const ms = await msUntil(page, `${spa.url}/admin`, `document.querySelector('[data-test="fig-members"]') !== null`)
      members = await page.locator('[data-test="fig-members"]').innerText()
      if (run > 0) admin.push(ms) // the first run warms the node and the server
    }
    await context.close()
    printTable('Chromium: the home page and the operator console on the demo chain', [
      { case: 'JavaScript fetched to show / on a first visit (gzip -9)', median: homeGz / KB, unit: 'KB gz', runs: 1, target: '<= 80' },
      { case: `open /admin (operator logged in, ${members} members) until the figures show`, median: median(admin), unit: 'ms', runs: admin.length },
    ])
  } finally {
    await browser?.close()
    await spa?.close()
    await node.close()
  }
}

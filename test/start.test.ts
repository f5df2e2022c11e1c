// `npm start` as a user runs it: a child process on a fresh data folder, its printed URL, the dashboard of
// a demo account in Chromium with the demo's history; then Ctrl-C, a second start on the same folder, and
// the same chain and dashboard again, nothing deployed or seeded twice. Also: a chain of an older contract
// replaced, ports in use, and the web app served against another node with --node and --dapp.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { formatAmount } from '../packages/affiliate/src/index.ts'
import { createDevnode } from '../packages/devnode/src/index.ts'
import { DEMO_DAPP_SEED, demoSeed } from '../scripts/demo.ts'
import { startProgram } from './affiliate.ts'
import { launchChromium } from './spa.ts'
import { RICH_SEED, addressOf, client, wt } from './waves.ts'

const ROOT = join(import.meta.dirname, '..')
const DATA = mkdtempSync(join(tmpdir(), 'affiliate-start-'))
const SHOTS = join(ROOT, 'test-output', 'start')
const alice = addressOf(demoSeed('alice'))
let browser: Browser
const running = new Set<Started>()

interface Started {
  child: ChildProcess
  output: () => string
  app: string
  node: string
  dApp: string
}

/** Runs `npm start` (by default on the test's data folder, free ports) and waits for what it prints when ready. */
async function start(args = ['--data-dir', DATA, '--port', '0', '--node-port', '0']): Promise<Started> {
  // a process group of its own, as a terminal gives a command: Ctrl-C goes to the whole group
  const child = spawn('npm', ['start', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setInterval(() => {
      const printed = output.match(/Affiliate program: (\S+)\n {2}node: {2}(\S+).*\n {2}dApp: {2}(\S+)/)
      if (printed) {
        clearInterval(timer)
        resolve(printed)
      }
    }, 100)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`npm start exited with ${code}:\n${output}`))
    })
  })
  const started = { child, output: () => output, app: ready[1]!, node: ready[2]!, dApp: ready[3]! }
  running.add(started)
  child.once('exit', () => running.delete(started))
  return started
}

/** Ctrl-C, as a user stops it (SIGINT to the process group); resolves when every process of it has ended. */
async function stop(started: Started): Promise<'stopped'> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve))
  process.kill(-started.child.pid!, 'SIGINT')
  await exited
  for (;;) {
    try {
      process.kill(-started.child.pid!, 0) // throws once no process of the group is left
    } catch {
      return 'stopped'
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** What the library reads of each kind of record (fetchDashboard's default page), and the web app's rows per page. */
const RECORDS = 20
const ROWS = 10

/**
 * What the node holds for alice: her balance, every member of her levels 1-3, and the rows of the web app's
 * first page: her newest fund and withdraw records, newest first (a fund before a withdrawal of the same time).
 */
async function chainView(started: Started) {
  const api = client(started.node)
  const pattern = `${alice}_balance_WAVES|${alice}_l[123]_count|fund_${alice}_\\d+|withdraw_${alice}_\\d+`
  const entries = (await api.get(`/addresses/data/${started.dApp}?matches=${encodeURIComponent(pattern)}`, { accept: 'application/json;large-significand-format=string' }))
    .body as { key: string; value: string }[]
  const newest = (prefix: string) =>
    entries
      .filter((e) => e.key.startsWith(prefix))
      .sort((a, b) => Number(b.key.slice(prefix.length)) - Number(a.key.slice(prefix.length)))
      .slice(0, RECORDS)
  const funds = newest(`fund_${alice}_`).map((e) => ({ kind: e.value.split(':')[2]!, time: Number(e.value.split(':')[3]) }))
  const withdrawals = newest(`withdraw_${alice}_`).map((e) => ({ kind: 'withdrawal', time: Number(e.value.split(':')[1]) }))
  const shown = [...funds, ...withdrawals].sort((a, b) => b.time - a.time).slice(0, ROWS)
  const rows = (kind: string) => shown.filter((row) => row.kind === kind).length
  const count = (level: number) => Number(entries.find((e) => e.key === `${alice}_l${level}_count`)?.value ?? 0)
  return {
    height: (await api.get('/blocks/height')).body.height as number,
    balance: `${formatAmount(BigInt(entries.find((e) => e.key === `${alice}_balance_WAVES`)!.value), 8)} WAVES`,
    rows: { l1: rows('l1'), l2: rows('l2'), l3: rows('l3') },
    members: [count(1), count(2), count(3)],
    withdrawals: rows('withdrawal'),
  }
}

/** Logs in as alice with the dev wallet and reads her dashboard. */
async function dashboard(started: Started, name: string) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-US' })
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(`${started.app}/login`)
  await page.locator('[data-test="wallet-dev"]').click()
  await page.locator('[data-test="seed"]').fill(demoSeed('alice'))
  await page.locator('[data-test="dev-login"]').click()
  await page.locator('[data-test^="row-"]').first().waitFor({ timeout: 60_000 })
  const levels = await page.locator('[data-test="level-summary"]').allInnerTexts()
  const view = {
    balance: (await page.locator('[data-test="balance"]').innerText()).trim(),
    rows: {
      l1: await page.locator('[data-test="row-l1"]').count(),
      l2: await page.locator('[data-test="row-l2"]').count(),
      l3: await page.locator('[data-test="row-l3"]').count(),
    },
    members: levels.map((text) => Number(text.split(' members')[0])),
    withdrawals: await page.locator('[data-test="row-withdrawal"]').count(),
  }
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
  await page.close()
  return view
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true })
  console.log(`npm start screenshots: ${SHOTS}`)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const started of running) await stop(started)
  rmSync(DATA, { recursive: true, force: true })
})

test('npm start serves the demo, and a second start goes on from the same chain', async () => {
  const first = await start()
  expect(first.output()).toContain('First start: deploying the contract and writing six weeks of demo history')
  expect(first.output()).toContain(`alice    ${alice}  seed: waves-affiliate demo alice`)
  const { height, ...history } = await chainView(first)
  expect(first.output()).toMatch(/ {2}operator {2}\w{35} {2}seed: waves-affiliate demo admin/)
  expect(first.output()).toMatch(/ {2}host {6}\w{35} {2}seed: waves-affiliate demo host/)
  // the demo's tree: alice has 3 members at level 1, 6 at level 2, 12 at level 3, paid or not; her newest
  // rows show income from her levels
  expect(history.members).toEqual([3, 6, 12])
  expect(history.rows.l1 + history.rows.l2 + history.rows.l3, JSON.stringify(history)).toBeGreaterThan(0)
  const seen = await dashboard(first, '1-first-start')
  expect(seen).toEqual(history)
  expect(await stop(first)).toBe('stopped')

  const second = await start()
  expect(second.output()).not.toContain('First start')
  expect(second.dApp).toBe(first.dApp)
  expect(await chainView(second)).toEqual({ height, ...history })
  expect(await dashboard(second, '2-second-start')).toEqual(history)
  expect(await stop(second)).toBe('stopped')
}, 600_000)

test('a chain of an older contract in the data folder is replaced, not misread', async () => {
  const dir = join(DATA, 'old')
  // an older demo chain: the demo dApp's account with a first-layout key and no `version`
  const old = await createDevnode({ dataDir: dir })
  const dApp = addressOf(DEMO_DAPP_SEED)
  expect((await client(old.url).broadcast(wt.transfer({ recipient: dApp, amount: 1_00000000, chainId: 'R' }, RICH_SEED))).status).toBe(200)
  expect((await client(old.url).broadcast(wt.data({ data: [{ key: `${alice}_balance`, type: 'integer', value: 5 }], chainId: 'R' }, DEMO_DAPP_SEED))).status).toBe(200)
  await old.close()
  writeFileSync(join(dir, 'demo-accounts.json'), '[]\n')
  const started = await start(['--data-dir', dir, '--port', '0', '--node-port', '0'])
  expect(started.output()).toContain(`The chain in ${dir} holds another version of the contract (key layout 1; this one reads 2): starting a new chain.`)
  expect(started.output()).toContain('First start: deploying the contract')
  const api = client(started.node)
  expect((await api.get(`/addresses/data/${started.dApp}/version`)).body).toEqual({ key: 'version', type: 'integer', value: 2 })
  expect((await api.get(`/addresses/data/${started.dApp}/${alice}_balance`)).status).toBe(404)
  expect(await stop(started)).toBe('stopped')
}, 600_000)

test('a chain of the same key layout but another build of the contract is replaced too', async () => {
  const dir = join(DATA, 'build')
  // the demo dApp's account with the `version` of this layout, written by its key, and no script
  const old = await createDevnode({ dataDir: dir })
  const dApp = addressOf(DEMO_DAPP_SEED)
  expect((await client(old.url).broadcast(wt.transfer({ recipient: dApp, amount: 1_00000000, chainId: 'R' }, RICH_SEED))).status).toBe(200)
  expect((await client(old.url).broadcast(wt.data({ data: [{ key: 'version', type: 'integer', value: 2 }], chainId: 'R' }, DEMO_DAPP_SEED))).status).toBe(200)
  await old.close()
  writeFileSync(join(dir, 'demo-accounts.json'), '[]\n')
  const started = await start(['--data-dir', dir, '--port', '0', '--node-port', '0'])
  expect(started.output()).toContain(`The chain in ${dir} holds another build of the contract (its script is not ride/affiliate.ride as it is now): starting a new chain.`)
  expect(started.output()).toContain('First start: deploying the contract')
  const info = (await client(started.node).get(`/addresses/scriptInfo/${started.dApp}`)).body
  expect(info).toMatchObject({ verifierComplexity: 414, extraFee: 400_000 })
  expect(await stop(started)).toBe('stopped')
}, 600_000)

test('a port in use is reported with the flag that chooses another', async () => {
  const busy = createServer()
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  const { port } = busy.address() as AddressInfo
  try {
    await expect(start(['--data-dir', join(DATA, 'busy'), '--port', '0', '--node-port', String(port)])).rejects.toThrow(
      `npm start: port ${port} is in use (another dev node?); choose another with --node-port`,
    )
    await expect(start(['--data-dir', join(DATA, 'busy'), '--port', String(port), '--node-port', '0'])).rejects.toThrow(
      `npm start: port ${port} is in use; choose another with --port`,
    )
  } finally {
    busy.close()
  }
}, 300_000)

test('--node and --dapp serve the web app against a node and a dApp deployed there', async () => {
  const program = await startProgram()
  try {
    const started = await start(['--node', `${program.node.url}/`, '--dapp', program.dApp, '--port', '0'])
    expect(started.node).toBe(program.node.url)
    expect(started.dApp).toBe(program.dApp)
    expect(started.output()).not.toContain('Demo accounts')
    expect(await (await fetch(`${started.app}/config.json`)).json()).toEqual({ node: program.node.url, dApp: program.dApp })
    expect(await stop(started)).toBe('stopped')
    await expect(start(['--node', program.node.url, '--port', '0'])).rejects.toThrow(
      'npm start: --node and --dapp go together: the node to use and the dApp deployed on it',
    )
  } finally {
    await program.close()
  }
}, 300_000)

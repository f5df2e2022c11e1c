// `npm start` as a user runs it: a child process on a fresh data folder, its printed URL, the dashboard of
// a demo account in Chromium with the demo's history; then Ctrl-C, a second start on the same folder, and
// the same chain and dashboard again, nothing deployed or seeded twice. Also: ports in use, and the web
// app served against another node with --node and --dapp.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { formatAmount } from '../packages/affiliate/src/index.ts'
import { demoSeed } from '../scripts/demo.ts'
import { startProgram } from './affiliate.ts'
import { launchChromium } from './spa.ts'
import { addressOf, client } from './waves.ts'

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

/** What the node holds for alice: her balance, her income records by level and their payers, her withdrawals. */
async function chainView(started: Started) {
  const api = client(started.node)
  const pattern = `${alice}_balance|${alice}_referral_.*|fund_${alice}_.*|withdraw_${alice}_.*`
  const entries = (await api.get(`/addresses/data/${started.dApp}?matches=${encodeURIComponent(pattern)}`, { accept: 'application/json;large-significand-format=string' }))
    .body as { key: string; value: string }[]
  const records = (level: string) => entries.filter((e) => e.key.startsWith('fund_') && e.value.split(':')[2] === level)
  const payers = (level: string) => new Set(records(level).map((e) => e.value.split(':')[0])).size
  return {
    height: (await api.get('/blocks/height')).body.height as number,
    balance: `${formatAmount(BigInt(entries.find((e) => e.key === `${alice}_balance`)!.value), 8)} WAVES`,
    rows: { l1: records('l1').length, l2: records('l2').length, l3: records('l3').length },
    members: [entries.filter((e) => e.key.startsWith(`${alice}_referral_`)).length, payers('l2'), payers('l3')],
    withdrawals: entries.filter((e) => e.key.startsWith('withdraw_')).length,
  }
}

/** Logs in as alice with the dev wallet and reads her dashboard. */
async function dashboard(started: Started, name: string) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-US' })
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(started.app)
  await page.locator('[data-test="wallet-dev"]').click()
  await page.locator('[data-test="seed"]').fill(demoSeed('alice'))
  await page.locator('[data-test="dev-login"]').click()
  await page.locator('[data-test="row-l1"]').first().waitFor({ timeout: 60_000 })
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
  // the demo's tree and weeks of funds give alice income on all three levels, and she withdrew twice
  expect(history.members[0]).toBe(3)
  expect(Math.min(history.rows.l1, history.rows.l2, history.rows.l3, history.members[1]!, history.members[2]!)).toBeGreaterThan(0)
  expect(history.withdrawals).toBe(2)
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

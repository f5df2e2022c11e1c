// The SPA's journey in real Chromium (Debian's, driven by playwright-core) against a fresh dev node with
// the contract deployed and the BUILT app: a referrer logs in and copies the link; an invitee opens it,
// logs in with the dev wallet, joins (proof of work visible, Cancel, a refused signature, then for real)
// and lands on the dashboard; a third account funds; the referrer sees the level-1 reward, the chart and
// the row, withdraws, sees balance 0 and the withdrawal row; then the node goes away mid-session.
// Also: an invalid link, a link from someone who is not a member, a missing wallet, joining twice.
// Every step saves a screenshot under test-output/journey/ (printed at the start).
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { type Program, invoke, register, startProgram } from './affiliate.ts'
import { type Served, buildSpa, launchChromium, serveSpa } from './spa.ts'

const SHOTS = join(import.meta.dirname, '..', 'test-output', 'journey')
const WAIT = { timeout: 60_000, interval: 100 }

const DIST = join(tmpdir(), `affiliate-spa-${process.pid}`)
let program: Program
let spa: Served
let browser: Browser
let nodeClosed = false
let step = 0

async function shot(page: Page, name: string): Promise<void> {
  step += 1
  await page.screenshot({ path: join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
}

/** The visible text of the first element matching `selector`, once it is there. */
async function text(page: Page, selector: string): Promise<string> {
  const element = page.locator(selector).first()
  await element.waitFor({ state: 'visible', timeout: 60_000 })
  return (await element.innerText()).replace(/\s+/g, " ").trim()
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`

async function openContext(options: { phone?: boolean; dark?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1200, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.dark ? 'dark' : 'light',
    locale: 'en-US',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  return context
}

/** Answers the dev wallet's confirmation dialogs: accept, unless the test queued a refusal. */
function answerDialogs(page: Page): { refuseNext(): void } {
  let refuse = false
  page.on('dialog', (dialog) => {
    const answer = refuse ? dialog.dismiss() : dialog.accept()
    refuse = false
    void answer
  })
  return { refuseNext: () => (refuse = true) }
}

async function loginWithDevWallet(page: Page, seed: string): Promise<void> {
  await page.locator('[data-test="wallet-dev"]').click()
  await page.locator('[data-test="seed"]').fill(seed)
  await page.locator('[data-test="dev-login"]').click()
  await page.locator('[data-test="address"]').waitFor({ timeout: 60_000 })
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true })
  mkdirSync(SHOTS, { recursive: true })
  console.log(`journey screenshots: ${SHOTS}`)
  const dist = await buildSpa(DIST)
  program = await startProgram()
  spa = await serveSpa(dist, { node: program.node.url, dApp: program.dApp })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await spa?.close()
  if (!nodeClosed) await program?.close()
  rmSync(DIST, { recursive: true, force: true })
})

test('referrer, invitee, funding, withdrawal, and the node going away', async () => {
  const { alice, bob, carol, stranger } = program.users
  await register(program, alice.seed, program.dApp) // the referrer is a member (under the root)

  // The referrer logs in with the dev wallet (desktop, light) and copies the link.
  const referrerContext = await openContext()
  const referrer = await referrerContext.newPage()
  answerDialogs(referrer)
  await referrer.goto(spa.url)
  expect(await text(referrer, 'h1')).toBe('Log in')
  expect(await text(referrer, '[data-test="network"]')).toBe('Network R')
  await shot(referrer, 'referrer-login')
  await loginWithDevWallet(referrer, alice.seed)
  expect(await text(referrer, '[data-test="address"]')).toBe(short(alice.address))
  expect(await text(referrer, '[data-test="balance"]')).toBe('0 WAVES')
  expect(await text(referrer, '[data-test="withdraw-reason"]')).toBe('You can withdraw from 0.00000001 WAVES.')
  expect(await referrer.locator('[data-test="withdraw"]').isDisabled()).toBe(true)
  await referrer.locator('[data-test="copy"]').click()
  await referrer.locator('[data-test="copy"]:text("Copied")').waitFor({ timeout: 60_000 }) // the clipboard answers asynchronously
  const link = await referrer.evaluate(() => navigator.clipboard.readText())
  expect(link).toBe(`${spa.url}/join/${alice.address}`)
  await shot(referrer, 'referrer-dashboard-link-copied')

  // The invitee: a phone in dark mode.
  const inviteeContext = await openContext({ phone: true, dark: true })
  const invitee = await inviteeContext.newPage()
  const wallet = answerDialogs(invitee)

  // A broken link and a link from someone who is not a member are explained before any wallet.
  await invitee.goto(`${spa.url}/join/${alice.address.slice(0, -3)}xyz`)
  expect(await text(invitee, '[data-test="join-invalid"]')).toBe(
    `This referral link is not valid: “${alice.address.slice(0, -3)}xyz” is not an address. Ask the person who invited you for their link again, and open it whole.`,
  )
  await shot(invitee, 'invalid-link')
  await invitee.goto(`${spa.url}/join/${stranger.address}`)
  expect(await text(invitee, '[data-test="join-unregistered"]')).toBe(
    `${short(stranger.address)} has not joined the program, so they cannot invite yet. Ask them to join first, or ask someone who is in the program for a link.`,
  )
  await shot(invitee, 'referrer-not-a-member')

  // The real link: who invites, then a wallet. Keeper is not installed in this browser.
  await invitee.goto(link)
  expect(await text(invitee, '[data-test="invites"]')).toBe(`${short(alice.address)} invites you.`)
  await invitee.locator('[data-test="wallet-keeper"]').click()
  expect(await text(invitee, '[data-test="problem"]')).toBe('Keeper Wallet is not available in this browser. Install it and reload this page, or choose another wallet.')
  await shot(invitee, 'join-link-wallet-missing')
  await loginWithDevWallet(invitee, bob.seed)
  await shot(invitee, 'join-logged-in')

  // Proof of work with progress: 40 bits would take hours, so the bar is seen moving, then Cancel.
  expect((await invoke(program, program.dAppSeed, 'setPowBits', [40])).status).toBe(200)
  await invitee.locator('[data-test="join"]').click()
  await vi.waitFor(async () => expect(await text(invitee, '[data-test="pow-text"]')).toMatch(/^[1-9][\d,]* attempts · [\d.]+[km]?\/s · /), WAIT)
  await shot(invitee, 'join-proof-of-work')
  await invitee.locator('[data-test="cancel"]').click()
  expect(await text(invitee, '[data-test="join-cancelled"]')).toMatch(/^Cancelled after [1-9][\d,]* attempts\. Nothing was sent\.$/)
  await shot(invitee, 'join-cancelled')
  expect((await invoke(program, program.dAppSeed, 'setPowBits', [16])).status).toBe(200)

  // The wallet's user refuses to sign.
  wallet.refuseNext()
  await invitee.locator('[data-test="join"]').click()
  expect(await text(invitee, '[data-test="problem"]')).toBe('You declined the request in your wallet. Try again and confirm in the wallet when it asks.')
  await shot(invitee, 'join-signature-refused')

  // Join for real: mined, signed, in a block, welcome; then the dashboard.
  await invitee.locator('[data-test="join"]').click()
  expect(await text(invitee, '[data-test="welcome"]')).toBe(`Welcome! You joined under ${short(alice.address)}.`)
  await shot(invitee, 'join-welcome')
  await invitee.locator('[data-test="to-dashboard"]').click()
  expect(await text(invitee, '[data-test="referrer"]')).toBe(`Invited by ${short(alice.address)}`)
  await shot(invitee, 'invitee-dashboard')

  // Joining twice: the link sends a member to the dashboard and says why.
  await invitee.goto(link)
  await loginWithDevWallet(invitee, bob.seed) // a reload forgets the wallet, as a real one asks again
  expect(await text(invitee, '[data-test="notice"]')).toBe(`You are already in the program (your referrer: ${short(alice.address)}). Dismiss`)
  await shot(invitee, 'join-twice')
  await invitee.locator('[data-test="locale"]').selectOption('ru')
  expect(await text(invitee, 'h1')).toBe('Кабинет')
  expect(await text(invitee, '[data-test="withdraw-reason"]')).toBe('Вывод доступен от 0,00000001 WAVES.')
  await shot(invitee, 'invitee-dashboard-russian')

  // A third account (also invited by the referrer) funds 10 WAVES, the invitee 1 WAVES.
  await register(program, carol.seed, alice.address)
  const fundCarol = await invoke(program, carol.seed, 'fund', [], { amount: 10_00000000n })
  expect(fundCarol.status).toBe(200)
  const fundBob = await invoke(program, bob.seed, 'fund', [], { amount: 1_00000000n })
  expect(fundBob.status).toBe(200)

  // The referrer's open dashboard follows the new blocks: level-1 rewards, the chart, the rows.
  await referrer.bringToFront()
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="balance"]')).toBe('1.1 WAVES'), WAIT)
  expect(await referrer.locator('[data-test="row-l1"] .row-kind').allTextContents()).toEqual([`Level 1 from ${short(bob.address)}`, `Level 1 from ${short(carol.address)}`])
  expect(await referrer.locator('[data-test="row-l1"] .row-amount').evaluateAll((els) => els.map((e) => e.textContent?.trim()))).toEqual(['+0.1 WAVES', '+1 WAVES'])
  expect(await referrer.locator('[data-test="row-l1"] [data-test="explorer"]').first().getAttribute('href')).toBe(`${program.node.url}/transactions/info/${fundBob.body.id}`)
  expect(await text(referrer, '[data-test="chart"] figcaption')).toBe('1.1 WAVES')
  expect(await text(referrer, '[data-test="level-1"] [data-test="level-summary"]')).toBe('2 members · 1.1 WAVES')
  expect(await referrer.locator('[data-test="withdraw"]').isEnabled()).toBe(true)
  await shot(referrer, 'referrer-rewards')

  // Withdraw: confirmed in the wallet, in a block; balance 0 and a withdrawal row.
  await referrer.locator('[data-test="withdraw"]').click()
  expect(await text(referrer, '[data-test="withdraw-status"]:text("Withdrawn")')).toBe('Withdrawn: 1.1 WAVES.')
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="balance"]')).toBe('0 WAVES'), WAIT)
  await referrer.locator('[data-test="filter-withdrawal"]').click()
  expect(await referrer.locator('li.row').evaluateAll((els) => els.map((e) => e.querySelector('.row-kind')?.textContent + ' ' + e.querySelector('.row-amount')?.textContent?.trim()))).toEqual([
    'Withdrawal −1.1 WAVES',
  ])
  await referrer.locator('[data-test="filter-all"]').click()
  await shot(referrer, 'referrer-withdrawn')

  // The node goes away mid-session: the page says so and keeps what it showed.
  nodeClosed = true
  await program.close()
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="problem"]')).toContain('does not answer'), WAIT)
  const shownHeight = (await text(referrer, '[data-test="height"]')).replace('Block ', '')
  expect(await text(referrer, '[data-test="problem"]')).toBe(
    `The node ${program.node.url} does not answer. Showing the data of block ${shownHeight}. Check your connection. The page picks up again by itself once the node answers.`,
  )
  expect(await text(referrer, '[data-test="balance"]')).toBe('0 WAVES')
  await shot(referrer, 'node-gone')
  await referrerContext.close()
  await inviteeContext.close()
}, 300_000)

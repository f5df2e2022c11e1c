// The SPA's journey in real Chromium (Debian's, driven by playwright-core) against a fresh dev node with the
// contract deployed and the BUILT app: a visitor reads the home page; a referrer logs in, copies the link,
// opens its QR code and reloads (still logged in); an invitee opens the link (with a trailing dot, as chats
// leave it), logs in with the dev wallet, joins (proof of work visible, Cancel, a refused signature, then for
// real) and pays through the pay page with its split previewed; the referrer sees the level-1 reward, the
// chart (its tooltip read) and the row, withdraws, and reads the program's books; the operator changes a
// rate, pauses and announces a script upgrade in /admin, the member sees the pause and the announcement, the
// operator cancels it; the member pages through the history and downloads the CSV, whose rows are checked
// against the chain; a host pays for a member (fundFor) with the split previewed; then the node goes away
// mid-session. Also: an invalid link, a link from someone who is not a member, a missing wallet, joining
// twice. Every page is checked with axe-core in light and dark (no serious or critical violation), and
// actions are taken from the keyboard where a user would. Every step saves a screenshot under
// test-output/journey/ (printed at the start).
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { createAffiliate, formatAmount } from 'waves-affiliate'
import { type Program, account, invoke, register, startProgram } from './affiliate.ts'
import { type Served, buildSpa, launchChromium, serveSpa } from './spa.ts'

const SHOTS = join(import.meta.dirname, '..', 'test-output', 'journey')
const WAIT = { timeout: 60_000, interval: 100 }

const DIST = join(tmpdir(), `affiliate-spa-${process.pid}`)
let program: Program
let spa: Served
let browser: Browser
let nodeClosed = false
let shots = 0

async function shot(page: Page, name: string): Promise<void> {
  shots += 1
  await page.screenshot({ path: join(SHOTS, `${String(shots).padStart(2, '0')}-${name}.png`), fullPage: true })
}

/** The visible text of the first element matching `selector`, once it is there. */
async function text(page: Page, selector: string): Promise<string> {
  const element = page.locator(selector).first()
  await element.waitFor({ state: 'visible', timeout: 60_000 })
  return (await element.innerText()).replace(/\s+/g, " ").trim()
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`

const AXE = createRequire(import.meta.url).resolve('axe-core')

/**
 * axe-core on the page as it is, in light and then in dark: the serious and critical violations, as
 * `rule: target` lines (none expected). The page's own scheme is restored afterwards.
 */
async function violations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  const found: string[] = []
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }),
    )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
  }
  await page.emulateMedia({ colorScheme: scheme })
  return found
}

/** A screenshot and the accessibility check of a page state. */
async function step(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  expect([name, await violations(page, scheme)]).toEqual([name, []])
  await shot(page, name)
}

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
  // frank is a host: a shop that pays for its customers with fundFor
  program = await startProgram({ admin: account('admin').address, config: { hosts: [account('frank').address] } })
  spa = await serveSpa(dist, { node: program.node.url, dApp: program.dApp })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await spa?.close()
  if (!nodeClosed) await program?.close()
  rmSync(DIST, { recursive: true, force: true })
})

test('home, referrer, invitee, paying, withdrawal, the operator, the history, and the node going away', async () => {
  const { alice, bob, carol, stranger, admin } = program.users
  const chain = createAffiliate({ node: program.node.url, dApp: program.dApp })
  await register(program, alice.seed, program.dApp) // the referrer is a member (under the root)

  // A visitor reads the home page (desktop, light): what the program is, how to join, the rates.
  const referrerContext = await openContext()
  const referrer = await referrerContext.newPage()
  answerDialogs(referrer)
  await referrer.goto(spa.url)
  await vi.waitFor(async () => expect(await text(referrer, 'h1')).toBe('Earn when the people you invite pay'), WAIT)
  expect(await text(referrer, '[data-test="network"]')).toBe('Network R')
  expect(await text(referrer, '[data-test="home-example"]')).toBe(
    'Example: a payment of 100 WAVES credits 10 to the payer’s referrer, 5 and 2.5 to the next two above, and 1 back to the payer.',
  )
  expect(await referrer.evaluate(() => fetch('/favicon.ico').then((r) => [r.status, r.headers.get('content-type')]))).toEqual([200, 'image/x-icon'])
  await step(referrer, 'home', 'light')

  // The referrer logs in with the dev wallet (Log in from the keyboard) and lands on the dashboard.
  await referrer.locator('[data-test="home-login"]').focus()
  await referrer.keyboard.press('Enter')
  await vi.waitFor(async () => expect(await text(referrer, 'h1')).toBe('Log in'), WAIT)
  await step(referrer, 'referrer-login', 'light')
  await loginWithDevWallet(referrer, alice.seed)
  await vi.waitFor(async () => expect(await text(referrer, 'h1')).toBe('Dashboard'), WAIT)
  expect(await text(referrer, '[data-test="address"]')).toBe(short(alice.address))
  expect(await text(referrer, '[data-test="balance"]')).toBe('0 WAVES')
  expect(await text(referrer, '[data-test="withdraw-reason"]')).toBe('Nothing to withdraw yet.')
  expect(await referrer.locator('[data-test="withdraw"]').isDisabled()).toBe(true)
  await referrer.locator('[data-test="copy"]').click()
  await referrer.locator('[data-test="copy"]:text("Copied")').waitFor({ timeout: 60_000 }) // the clipboard answers asynchronously
  const link = await referrer.evaluate(() => navigator.clipboard.readText())
  expect(link).toBe(`${spa.url}/join/${alice.address}`)
  await referrer.locator('[data-test="qr-toggle"]').click()
  await referrer.locator('[data-test="qr"] svg').waitFor({ timeout: 60_000 })
  expect(await referrer.locator('[data-test="qr"] [role="img"]').getAttribute('aria-label')).toBe(`QR code of the link ${link}`)
  await step(referrer, 'referrer-dashboard-link-qr', 'light')

  // A reload keeps the login: the dev wallet's seed stays in this tab's sessionStorage.
  await referrer.reload()
  expect(await text(referrer, '[data-test="address"]')).toBe(short(alice.address))
  await vi.waitFor(async () => expect(await text(referrer, 'h1')).toBe('Dashboard'), WAIT)
  await shot(referrer, 'referrer-after-reload')

  // The invitee: a phone in dark mode.
  const inviteeContext = await openContext({ phone: true, dark: true })
  const invitee = await inviteeContext.newPage()
  const wallet = answerDialogs(invitee)

  // A broken link and a link from someone who is not a member are explained before any wallet.
  await invitee.goto(`${spa.url}/join/${alice.address.slice(0, -3)}xyz`)
  expect(await text(invitee, '[data-test="join-invalid"]')).toBe(
    `This referral link is not valid: “${alice.address.slice(0, -3)}xyz” is not an address. Ask the person who invited you for their link again, and open it whole.`,
  )
  await step(invitee, 'invalid-link', 'dark')
  await invitee.goto(`${spa.url}/join/${stranger.address}`)
  expect(await text(invitee, '[data-test="join-unregistered"]')).toBe(
    `${short(stranger.address)} has not joined the program, so they cannot invite yet. Ask them to join first, or ask someone who is in the program for a link.`,
  )
  await shot(invitee, 'referrer-not-a-member')

  // The real link, as a chat leaves it at the end of a sentence: the server sends it to the clean link.
  await invitee.goto(`${link}.`)
  expect(invitee.url()).toBe(link)
  expect(await text(invitee, '[data-test="invites"]')).toBe(`${short(alice.address)} invites you.`)
  await invitee.locator('[data-test="wallet-keeper"]').click()
  expect(await text(invitee, '[data-test="problem"]')).toBe('Keeper Wallet is not available in this browser. Install it and reload this page, or choose another wallet.')
  await step(invitee, 'join-link-wallet-missing', 'dark')
  await loginWithDevWallet(invitee, bob.seed)
  await shot(invitee, 'join-logged-in')

  // Proof of work with progress at the contract's most, 28 bits (about half a minute): the bar is seen
  // moving, then Cancel.
  expect((await invoke(program, program.dAppSeed, 'setPowBits', [28])).status).toBe(200)
  await invitee.locator('[data-test="join"]').click()
  await vi.waitFor(async () => expect(await text(invitee, '[data-test="pow-text"]')).toMatch(/^[1-9][\d,]* attempts · [\d.]+[km]?\/s · /), WAIT)
  await step(invitee, 'join-proof-of-work', 'dark')
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
  await step(invitee, 'join-welcome', 'dark')
  await invitee.locator('[data-test="to-dashboard"]').click()
  expect(await text(invitee, '[data-test="referrer"]')).toBe(`Invited by ${short(alice.address)}`)
  await step(invitee, 'invitee-dashboard', 'dark')

  // Joining twice: the link sends a member to the dashboard and says why (the login survived the visit).
  await invitee.goto(link)
  expect(await text(invitee, '[data-test="notice"]')).toBe(`You are already in the program (your referrer: ${short(alice.address)}). Dismiss`)
  await shot(invitee, 'join-twice')
  await invitee.locator('[data-test="locale"]').selectOption('ru')
  await vi.waitFor(async () => expect(await text(invitee, 'h1')).toBe('Кабинет'), WAIT) // Russian loads when chosen
  expect(await text(invitee, '[data-test="withdraw-reason"]')).toBe('Выводить пока нечего.')
  expect(await invitee.locator('[data-test="rates"] dd').allInnerTexts()).toEqual(['10\u00a0%', '5\u00a0%', '2,5\u00a0%', '1\u00a0%', '0,01 WAVES'])
  await step(invitee, 'invitee-dashboard-russian', 'dark')
  await invitee.locator('[data-test="locale"]').selectOption('en')

  // A third account (also invited by the referrer) funds 10 WAVES; the invitee pays 1 WAVES on the pay
  // page, where the split is shown before the wallet asks.
  await register(program, carol.seed, alice.address)
  const fundCarol = await invoke(program, carol.seed, 'fund', [], { amount: 10_00000000n })
  expect(fundCarol.status).toBe(200)
  await invitee.locator('[data-test="nav-pay"]').click()
  await invitee.locator('[data-test="pay-amount"]').fill('1')
  expect(await invitee.locator('[data-test="split"] dd').allInnerTexts()).toEqual(['0.1 WAVES', '0.01 WAVES', '0.89 WAVES'])
  expect(await text(invitee, '[data-test="split-l1"] dt')).toBe(`Level 1 · ${short(alice.address)}`)
  await step(invitee, 'pay-split-preview', 'dark')
  await invitee.locator('[data-test="pay"]').click()
  expect(await text(invitee, '[data-test="pay-status"]:text("Paid")')).toBe('Paid 1 WAVES. View ↗')
  await shot(invitee, 'pay-done')
  const fundBob = (await chain.fetchReferralTransactions(alice.address)).find((r) => r.payer === bob.address)!

  // The referrer's open dashboard follows the new blocks: level-1 rewards, the chart, the rows.
  await referrer.bringToFront()
  // a read that a block split (counters before it, records after) is read again on the next poll
  await vi.waitFor(async () => {
    expect(await text(referrer, '[data-test="balance"]')).toBe('1.1 WAVES')
    expect(await referrer.locator('[data-test="row-l1"] .row-kind').allTextContents()).toEqual([`Level 1 from ${short(bob.address)}`, `Level 1 from ${short(carol.address)}`])
  }, WAIT)
  expect(await referrer.locator('[data-test="row-l1"] .row-amount').evaluateAll((els) => els.map((e) => e.textContent?.trim()))).toEqual(['+0.1 WAVES', '+1 WAVES'])
  expect(await referrer.locator('[data-test="row-l1"] [data-test="explorer"]').first().getAttribute('href')).toBe(`${program.node.url}/transactions/info/${fundBob.txId}`)
  expect(await text(referrer, '[data-test="chart"] figcaption')).toBe('1.1 WAVES')
  await referrer.locator('[data-test="chart-canvas"]').waitFor({ timeout: 60_000 })
  // The tooltip of today's bar (the month's last, at the right end): the day and each level's exact amount.
  const canvasBox = (await referrer.locator('[data-test="chart-canvas"]').boundingBox())!
  await referrer.mouse.move(canvasBox.x + canvasBox.width - 6, canvasBox.y + canvasBox.height / 3)
  const today = new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric' }).format(fundBob.timestamp)
  expect(await text(referrer, '[data-test="chart-tooltip"]')).toBe(`${today} Level 1: 1.1 WAVES`)
  await shot(referrer, 'referrer-chart-tooltip')
  await referrer.mouse.move(0, 0)
  await vi.waitFor(async () => expect(await referrer.locator('[data-test="chart-tooltip"]').isHidden()).toBe(true), WAIT)
  expect(await text(referrer, '[data-test="level-1"] [data-test="level-summary"]')).toBe('2 members · 1.1 WAVES')
  expect(await referrer.locator('[data-test="withdraw"]').isEnabled()).toBe(true)
  await step(referrer, 'referrer-rewards', 'light')

  // Withdraw (from the keyboard): confirmed in the wallet, in a block; balance 0 and a withdrawal row.
  await referrer.locator('[data-test="withdraw"]').focus()
  await referrer.keyboard.press('Enter')
  expect(await text(referrer, '[data-test="withdraw-status"]:text("Withdrawn")')).toBe('Withdrawn: 1.1 WAVES.')
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="balance"]')).toBe('0 WAVES'), WAIT)
  await referrer.locator('[data-test="filter-withdrawal"]').click()
  expect(await referrer.locator('li.row').evaluateAll((els) => els.map((e) => e.querySelector('.row-kind')?.textContent + ' ' + e.querySelector('.row-amount')?.textContent?.trim()))).toEqual([
    'Withdrawal −1.1 WAVES',
  ])
  await referrer.locator('[data-test="filter-all"]').click()
  await shot(referrer, 'referrer-withdrawn')

  // Above the cards, the program's books as the chain has them: the dApp's balance against the 9.9
  // WAVES still owed (11 paid in, 1.1 withdrawn). They are read after the figures, so the line may come later.
  const held = formatAmount(BigInt((await program.api.get(`/addresses/balance/${program.dApp}`)).body.balance), 8)
  const heldText = held.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','))
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="solvency"]')).toBe(`The program holds ${heldText} WAVES against 9.9 WAVES owed to members: covered.`), WAIT)
  await step(referrer, 'referrer-solvency', 'light')

  // The operator, in /admin: the figures as the chain has them, a rate changed, then a pause.
  const operatorContext = await openContext()
  const operator = await operatorContext.newPage()
  answerDialogs(operator)
  await operator.goto(`${spa.url}/admin`)
  await loginWithDevWallet(operator, admin.seed)
  await vi.waitFor(async () => expect(await text(operator, 'h1')).toBe('Operator console'), WAIT)
  expect(await text(operator, '[data-test="fig-members"]')).toBe('3')
  expect(await text(operator, '[data-test="fig-funds"]')).toBe('2')
  expect(await text(operator, '[data-test="fig-volume"]')).toBe('11 WAVES')
  expect(await text(operator, '[data-test="fig-withdrawn"]')).toBe('1.1 WAVES')
  expect(await text(operator, '[data-test="fig-owed"]')).toBe('9.9 WAVES')
  await step(operator, 'operator-console', 'light')
  await operator.locator('[data-test="rate-l1"]').fill('120')
  expect(await text(operator, '[data-test="rates-preview"]')).toBe(
    'A payment of 100 WAVES would credit 12 WAVES, 5 WAVES and 2.5 WAVES to levels 1–3, 1 WAVES cashback, and 79.5 WAVES to the root.',
  )
  await operator.locator('[data-test="rate-l1"]').fill('990')
  expect(await text(operator, '[data-test="setting-rates"] [role="alert"]')).toBe('The four rates add up to more than 1000 ‰.')
  expect(await operator.locator('[data-test="save-rates"]').isDisabled()).toBe(true)
  await operator.locator('[data-test="rate-l1"]').fill('120')
  await operator.locator('[data-test="pow-bits"]').fill('24')
  expect(await text(operator, '[data-test="pow-preview"]')).toBe('About 16,777,216 attempts: about 4 secs on a phone.')
  await operator.locator('[data-test="pow-bits"]').fill('16')
  await shot(operator, 'operator-rate-preview')
  await operator.locator('[data-test="save-rates"]').click()
  expect(await text(operator, '[data-test="admin-status"]:text("Done")')).toBe('Done: setRates is in a block.')
  expect((await chain.fetchConfig()).rates).toEqual({ l1: 120, l2: 50, l3: 25, cashback: 10 })
  await shot(operator, 'operator-rate-changed')
  await operator.locator('[data-test="pause"]').focus()
  await operator.keyboard.press('Enter')
  expect(await text(operator, '[data-test="admin-paused"]')).toBe('The program is paused: nobody can join or pay. Members can still withdraw.')
  expect((await chain.fetchConfig()).paused).toBe(true)
  await step(operator, 'operator-paused', 'light')

  // An upgrade announced by its script hash (hex, as tools print it): pending until height + the delay.
  const hashHex = '0008101820283038404850586068707880889098a0a8b0b8c0c8d0d8e0e8f0f8'
  await operator.locator('#announce-hash').fill(hashHex.slice(0, 62))
  expect(await text(operator, '[data-test="setting-announce"] [role="alert"]')).toBe('A hash is 32 bytes: 64 hex digits or 44 characters of base64.')
  await operator.locator('#announce-hash').fill(hashHex)
  const before = Number((await program.api.get('/blocks/height')).body.height)
  expect(await text(operator, '[data-test="setting-announce"] .preview')).toMatch(/^Settable from block [\d,]+, in about 24 hrs\.$/)
  await operator.locator('#announce-hash').press('Enter')
  expect(await text(operator, '[data-test="admin-status"]:text("Done")')).toBe('Done: announceUpgrade is in a block.')
  const announced = (await program.api.post(`/addresses/data/${program.dApp}`, { keys: ['upgrade_hash', 'upgrade_height'] })).body as { key: string; value: string | number }[]
  const settable = Number(announced[1]!.value)
  expect([announced[0]!.value, settable > before + 1440]).toEqual([`base64:${Buffer.from(hashHex, 'hex').toString('base64')}`, true])
  expect(await text(operator, '[data-test="upgrade"]')).toBe(
    `A script upgrade is announced: it can be set from block ${settable.toLocaleString('en-GB')} (hash ${Buffer.from(hashHex, 'hex').toString('base64')}).`,
  )
  await step(operator, 'operator-upgrade-announced', 'light')

  // The member explorer: the invitee's referrer, balance and records.
  await operator.locator('[data-test="member-address"]').fill(bob.address)
  await operator.locator('[data-test="member-address"]').press('Enter')
  expect(await text(operator, '[data-test="member-upline"]')).toBe(short(alice.address))
  expect(await text(operator, '[data-test="member-balance"]')).toBe('0.01 WAVES')
  await shot(operator, 'operator-member-explorer')

  // The export: every fund credit and withdrawal of the program, as the chain has them.
  const records = ((await program.api.get(`/addresses/data/${program.dApp}?matches=${encodeURIComponent('(fund|withdraw)_.+')}`)).body as unknown[]).length
  const [exported] = await Promise.all([operator.waitForEvent('download'), operator.locator('[data-test="export"]').click()])
  const exportLines = readFileSync((await exported.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n')
  expect([exportLines[0], exportLines.length - 2, await text(operator, '[data-test="exported"]')]).toEqual([
    'time,transaction,kind,account,payer,amount,asset',
    records,
    `${records} rows saved.`,
  ])

  // The member sees the pause and the new rate.
  await invitee.bringToFront()
  await invitee.locator('[data-test="nav-dashboard"]').click()
  await vi.waitFor(async () => expect(await text(invitee, '[data-test="paused"]')).toContain('The program is paused by its operator'), WAIT)
  expect(await invitee.locator('[data-test="rates"] dd').first().innerText()).toBe('12%')
  expect(await text(invitee, '[data-test="upgrade-notice"]')).toMatch(
    new RegExp(`^The operator has announced a new version of the contract: it can take effect from block ${settable.toLocaleString('en-GB')}, in about 24 hrs\\. If you disagree with it, withdraw what you are owed before then\\.$`),
  )
  await step(invitee, 'member-sees-pause', 'light')
  await operator.bringToFront()
  await operator.locator('[data-test="cancel-upgrade"]').click()
  await vi.waitFor(async () => expect(await operator.locator('[data-test="upgrade"]').count()).toBe(0), WAIT)
  expect((await program.api.post(`/addresses/data/${program.dApp}`, { keys: ['upgrade_hash', 'upgrade_height'] })).body).toEqual([])
  await operator.locator('[data-test="unpause"]').click()
  await vi.waitFor(async () => expect((await chain.fetchConfig()).paused).toBe(false), WAIT)
  await invitee.bringToFront()
  await vi.waitFor(async () => expect(await invitee.locator('[data-test="upgrade-notice"]').count()).toBe(0), WAIT)
  await operatorContext.close()

  // A longer history: 12 more payments by the third account credit the referrer's level 1.
  for (let i = 1; i <= 12; i++) expect((await invoke(program, carol.seed, 'fund', [], { amount: BigInt(i) * 1_000_000n })).status).toBe(200)
  const credits = await chain.fetchReferralTransactions(alice.address)
  const withdrawals = await chain.fetchWithdrawTransactions(alice.address)
  expect([credits.length, withdrawals.length]).toEqual([14, 1])

  // The referrer pages through it (10 a page) and downloads the CSV: its rows are the chain's records.
  await referrer.bringToFront()
  await vi.waitFor(async () => expect(await referrer.locator('li.row').count()).toBe(10), WAIT)
  await vi.waitFor(async () => expect(await referrer.locator('[data-test="page-next"]').isEnabled()).toBe(true), WAIT)
  await referrer.locator('[data-test="page-next"]').click()
  expect(await text(referrer, '[data-test="page"]')).toBe('Page 2')
  // The page may still hold an older read of the history (it refreshes as blocks come): wait for the 15th record.
  await vi.waitFor(async () => expect(await referrer.locator('li.row').count()).toBe(5), WAIT)
  expect(await referrer.locator('[data-test="page-next"]').isDisabled()).toBe(true)
  await step(referrer, 'history-page-2', 'light')
  const [download] = await Promise.all([referrer.waitForEvent('download'), referrer.locator('[data-test="csv"]').click()])
  const csv = readFileSync((await download.path())!, 'utf8')
  const lines = csv.replace(/^\ufeff/, '').split('\r\n')
  expect(lines[0]).toBe('time,transaction,kind,from,amount,asset')
  const expected = [
    ...credits.map((r) => `${new Date(r.timestamp).toISOString()},${r.txId},${r.level},${r.payer},${formatAmount(r.amount, 8)},WAVES`),
    ...withdrawals.map((r) => `${new Date(r.timestamp).toISOString()},${r.txId},withdrawal,,-${formatAmount(r.amount, 8)},WAVES`),
  ]
  expect(lines.slice(1, -1).sort()).toEqual(expected.sort())
  expect(download.suggestedFilename()).toBe(`affiliate-${alice.address}-all.csv`)
  await shot(referrer, 'history-csv')

  // A host pays for a member (fundFor) on the pay page: the member's chain is previewed and credited.
  const { frank } = program.users
  const hostContext = await openContext({ phone: true })
  const host = await hostContext.newPage()
  answerDialogs(host)
  await host.goto(`${spa.url}/pay`)
  await loginWithDevWallet(host, frank.seed)
  await host.locator('[data-test="pay-mode-host"]').check()
  await host.locator('[data-test="pay-customer"]').fill('3Mnot-an-address')
  expect(await text(host, '[data-test="pay-customer-problem"]')).toBe('This is not a Waves address.')
  await host.locator('[data-test="pay-customer"]').fill(bob.address)
  await host.locator('[data-test="pay-amount"]').fill('1')
  await vi.waitFor(async () => expect(await host.locator('[data-test="split"] dd').allInnerTexts()).toEqual(['0.12 WAVES', '0.01 WAVES', '0.87 WAVES']), WAIT)
  expect(await text(host, '[data-test="split-l1"] dt')).toBe(`Level 1 · ${short(alice.address)}`)
  expect(await text(host, '[data-test="split-cashback"] dt')).toBe(`Cashback · the customer (${short(bob.address)})`)
  expect(await text(host, '[data-test="pay"]')).toBe('Pay 1 WAVES for the customer')
  await step(host, 'host-pay-split-preview', 'light')
  const hostBefore = BigInt((await program.api.get(`/addresses/balance/${frank.address}`)).body.balance)
  await host.locator('[data-test="pay"]').click()
  expect(await text(host, '[data-test="pay-status"]:text("Paid")')).toBe(`Paid 1 WAVES for ${short(bob.address)}. View ↗`)
  await shot(host, 'host-paid')
  const hostTx = (await host.locator('[data-test="pay-status"] a').getAttribute('href'))!.split('/').at(-1)
  const hostCredit = (await chain.fetchReferralTransactions(alice.address)).find((r) => r.txId === hostTx)!
  expect([hostCredit.payer, hostCredit.amount, hostCredit.level, BigInt((await program.api.get(`/addresses/balance/${frank.address}`)).body.balance)]).toEqual([
    bob.address,
    12_000_000n,
    'l1',
    hostBefore - 100_000_000n - 500_000n, // a host is never refunded
  ])
  await hostContext.close()

  // The node goes away mid-session: the page says so and keeps what it showed.
  await referrer.locator('[data-test="page-prev"]').click()
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="balance"]')).toBe('0.2136 WAVES'), WAIT)
  nodeClosed = true
  await program.close()
  await vi.waitFor(async () => expect(await text(referrer, '[data-test="problem"]')).toContain('does not answer'), WAIT)
  const shownHeight = (await text(referrer, '[data-test="height"]')).replace('Block ', '')
  expect(await text(referrer, '[data-test="problem"]')).toBe(
    `The node ${program.node.url} does not answer. Showing the data of block ${shownHeight}. Check your connection. The page picks up again by itself once the node answers.`,
  )
  expect(await text(referrer, '[data-test="balance"]')).toBe('0.2136 WAVES')
  await shot(referrer, 'node-gone')
  await referrerContext.close()
  await inviteeContext.close()
}, 480_000)

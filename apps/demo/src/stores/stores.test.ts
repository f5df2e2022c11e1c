// @vitest-environment node
// The stores against a real dev node with the contract deployed: the library's reads and writes, signed
// by the library's dev wallet. Proof of work is 8 bits here (the journey runs the contract's default).
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { type Program, account, invoke, register, startProgram } from '../../../../test/affiliate.ts'
import { wt } from '../../../../test/waves.ts'
import { translate } from '../composables/i18n.ts'
import type { Problem } from '../composables/problems.ts'
import { useAdmin } from './admin.ts'
import { useDashboard } from './dashboard.ts'
import { useJoin } from './join.ts'
import { usePay } from './pay.ts'
import { useSession } from './session.ts'

let program: Program
const read = (p: Problem | null) => (p ? [translate('en', p.message, p.params), translate('en', p.hint, p.params)] : null)

beforeAll(async () => {
  // `shop` is a host: it pays with fundFor for its customers
  program = await startProgram({ config: { powBits: 8, hosts: [account('shop').address] }, extraUsers: ['shop'] })
})
afterAll(async () => {
  await program?.close()
})
beforeEach(() => {
  setActivePinia(createPinia())
})

async function session(options: { seed?: string; confirm?: () => boolean } = {}) {
  const s = useSession()
  await s.configure({ node: program.node.url, dApp: program.dApp }, { pollingIntervalMs: 50 })
  if (options.seed !== undefined) {
    const confirm = options.confirm
    expect(await s.login('dev', confirm ? { seed: options.seed, confirm } : { seed: options.seed })).toBe(true)
  }
  return s
}

describe('staying logged in', () => {
  /** a Storage as the browser has one, for this Node test */
  const memoryStorage = () => {
    const items = new Map<string, string>()
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, String(v)), removeItem: (k: string) => void items.delete(k) }
  }

  test('a reload logs the same dev wallet in again (seed in this tab only); Log out forgets it', async () => {
    vi.stubGlobal('localStorage', memoryStorage())
    vi.stubGlobal('sessionStorage', memoryStorage())
    try {
      const { alice } = program.users
      await session({ seed: alice.seed })
      expect([JSON.parse(localStorage.getItem('affiliate.wallet')!), sessionStorage.getItem('affiliate.devSeed')]).toEqual([{ wallet: 'dev', address: alice.address }, alice.seed])
      // a reload: fresh stores, the same storage
      setActivePinia(createPinia())
      const reloaded = await session()
      await reloaded.restored
      expect([reloaded.account?.address, reloaded.account?.wallet, reloaded.restoring]).toEqual([alice.address, 'dev', false])
      await reloaded.logout()
      expect([localStorage.getItem('affiliate.wallet'), sessionStorage.getItem('affiliate.devSeed')]).toEqual([null, null])
      setActivePinia(createPinia())
      expect((await session()).account).toBe(null)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  test('a wallet that cannot reconnect without a click waits on the login page, with no error', async () => {
    vi.stubGlobal('localStorage', memoryStorage())
    vi.stubGlobal('sessionStorage', memoryStorage())
    try {
      localStorage.setItem('affiliate.wallet', JSON.stringify({ wallet: 'wx-web', address: program.users.alice.address }))
      const s = await session()
      await s.restored
      expect([s.account, s.loginProblem, localStorage.getItem('affiliate.wallet') !== null]).toEqual([null, null, true])
      // the dev wallet without its seed (another tab) cannot either
      localStorage.setItem('affiliate.wallet', JSON.stringify({ wallet: 'dev', address: program.users.alice.address }))
      setActivePinia(createPinia())
      expect((await session()).account).toBe(null)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('session', () => {
  test('reads the network and that the node is a dev node', async () => {
    const s = await session()
    expect([s.chainId, s.devnode, s.startProblem]).toEqual(['R', true, null])
  })

  test('logs in with the dev wallet and out again', async () => {
    const s = await session({ seed: program.users.alice.seed })
    expect(s.account).toEqual({ address: program.users.alice.address, publicKey: wt.libs.crypto.publicKey(program.users.alice.seed), wallet: 'dev' })
    await s.logout()
    expect(s.account).toBe(null)
  })

  test('a node that does not answer is said plainly', async () => {
    const s = useSession()
    await s.configure({ node: 'http://127.0.0.1:9', dApp: program.dApp }, { retry: { attempts: 1 }, timeoutMs: 2_000 })
    expect(read(s.startProblem)).toEqual([
      'The node http://127.0.0.1:9 does not answer.',
      'Check your connection. The page picks up again by itself once the node answers.',
    ])
    expect(await s.login('dev', { seed: program.users.alice.seed })).toBe(false)
    expect(read(s.loginProblem)?.[0]).toBe('The node http://127.0.0.1:9 does not answer.')
  })

  test('a dApp address with a broken checksum is a config problem', async () => {
    const s = useSession()
    const broken = `${program.dApp.slice(0, -1)}${program.dApp.endsWith('1') ? '2' : '1'}`
    await s.configure({ node: program.node.url, dApp: broken })
    expect(s.configProblem).toBe(`config.json: Invalid dApp: "${broken}" is not an address`)
  })
})

describe('join', () => {
  test('explains a link before anything else: not an address, another network, not a member', async () => {
    await session()
    const join = useJoin()
    await join.check('not-an-address')
    expect(join.link).toBe('invalid')
    await join.check(wt.libs.crypto.address(program.users.alice.seed, 'W'))
    expect(join.link).toBe('otherNetwork')
    await join.check(program.users.stranger.address)
    expect(join.link).toBe('unregistered')
    await join.check(program.dApp) // the root may always invite
    expect([join.link, join.expectedAttempts]).toEqual(['ok', 256])
  })

  test('joins: proof of work with progress, the wallet, the block; a second visit is told it is a member', async () => {
    await session({ seed: program.users.alice.seed })
    const join = useJoin()
    await join.check(program.dApp)
    await join.join()
    expect([join.phase, join.problem]).toEqual(['done', null])
    expect(join.txId).toMatch(/^[1-9A-HJ-NP-Za-km-z]{43,44}$/)
    expect(await useSession().client!.fetchReferrer(program.users.alice.address)).toBe(program.dApp)

    setActivePinia(createPinia())
    await session({ seed: program.users.alice.seed })
    const again = useJoin()
    await again.check(program.dApp)
    expect([again.phase, again.ownReferrer]).toEqual(['already', program.dApp])
  })

  test('a refused signature leaves the user ready to try again', async () => {
    await session({ seed: program.users.bob.seed, confirm: () => false })
    const join = useJoin()
    await join.check(program.dApp)
    await join.join()
    expect([join.phase, read(join.problem)]).toEqual(['ready', ['You declined the request in your wallet.', 'Try again and confirm in the wallet when it asks.']])
  })

  test('Cancel stops the proof of work; nothing is sent', async () => {
    const setBits = async (bits: number) => expect((await invoke(program, program.dAppSeed, 'setPowBits', [bits])).status).toBe(200)
    // the contract's most (2^28 attempts, about half a minute here): Cancel comes within the first
    // progress report, a quarter second in, when the odds of a find are about 1 in 100
    await setBits(28)
    try {
      await session({ seed: program.users.dave.seed })
      const join = useJoin()
      await join.check(program.dApp)
      const joining = join.join()
      await vi.waitFor(() => expect(join.progress?.attempts).toBeGreaterThan(0), { timeout: 20_000 })
      join.cancel()
      await joining
      expect(join.phase).toBe('cancelled')
      expect(join.cancelledAfter).toBeGreaterThan(0)
      expect(await useSession().client!.fetchReferrer(program.users.dave.address)).toBe(null)
    } finally {
      await setBits(8)
    }
  })
})

describe('dashboard', () => {
  test('follows new blocks: a level-1 credit arrives, then the withdrawal zeroes the balance', async () => {
    const { carol, erin } = program.users
    await register(program, erin.seed, program.dApp, { bits: 8 })
    await register(program, carol.seed, erin.address, { bits: 8 })
    await session({ seed: erin.seed })
    const dashboard = useDashboard()
    dashboard.start(erin.address)
    await vi.waitFor(() => expect(dashboard.data?.registered).toBe(true), { timeout: 20_000 })
    expect([dashboard.data!.balance, dashboard.canWithdraw, dashboard.rows]).toEqual([0n, false, []])
    // the books follow the figures: the program's asset only, as the member is owed nothing
    const books = async () => (await useSession().client!.fetchSolvency()).filter((b) => b.asset.id === null)
    await vi.waitFor(async () => expect(dashboard.solvency).toEqual(await books()), { timeout: 20_000 })
    const owedBefore = dashboard.solvency[0]!.owed

    const fund = await invoke(program, carol.seed, 'fund', [], { amount: 100_000_000n })
    expect(fund.status).toBe(200)
    await vi.waitFor(() => expect(dashboard.data?.balance).toBe(10_000_000n), { timeout: 20_000 })
    await vi.waitFor(async () => expect(dashboard.solvency).toEqual(await books()), { timeout: 20_000 })
    expect(dashboard.solvency[0]!.owed).toBe(owedBefore + 100_000_000n) // every credit of a payment is owed to someone
    expect(dashboard.rows.map((r) => [r.kind, r.kind === 'fund' ? r.level : '', r.amount, r.txId])).toEqual([['fund', 'l1', 10_000_000n, fund.body.id]])
    expect(dashboard.chart.map((p) => p.total)).toEqual([10_000_000n])
    expect(dashboard.data!.referrals.map((l) => l.members)).toEqual([[{ address: carol.address, income: 10_000_000n }], [], []])
    expect(dashboard.canWithdraw).toBe(true)

    await dashboard.withdraw()
    expect([dashboard.withdrawPhase, dashboard.withdrawn, dashboard.withdrawProblem]).toEqual(['done', 10_000_000n, null])
    await vi.waitFor(() => expect(dashboard.data?.balance).toBe(0n), { timeout: 20_000 })
    dashboard.filter = 'withdrawal'
    expect(dashboard.rows.map((r) => [r.kind, r.amount])).toEqual([['withdrawal', 10_000_000n]])
    dashboard.stop()
  })
})

describe('pay', () => {
  test('previews the split over the payer’s referrers before signing, refuses below the minimum, then pays', async () => {
    const { frank, alice } = program.users
    // alice joined under the root in the join tests; frank joins under alice
    await register(program, frank.seed, alice.address, { bits: 8 })
    await session({ seed: frank.seed })
    const pay = usePay()
    await pay.load()
    expect([pay.registered, pay.upline, pay.problem]).toEqual([true, [alice.address], null])
    pay.text = '0.001'
    expect(pay.amount).toEqual({ ok: false, reason: 'min' })
    pay.text = '1,5'
    expect([pay.amount, pay.split]).toEqual([
      { ok: true, value: 150_000_000n },
      // one referrer above frank: levels 2 and 3 stay in the change
      { l1: 15_000_000n, l2: 0n, l3: 0n, cashback: 1_500_000n, change: 133_500_000n },
    ])
    await pay.pay()
    expect([pay.phase, pay.paid?.amount, pay.problem, pay.text]).toEqual(['done', 150_000_000n, null, ''])
    const credits = await useSession().client!.fetchReferralTransactions(alice.address)
    expect(credits.find((c) => c.txId === pay.paid!.txId)).toMatchObject({ payer: frank.address, level: 'l1', amount: 15_000_000n })
  })
})

describe('pay as a host', () => {
  test('a host previews the split over its customer’s referrers and pays with fundFor; a typo is refused', async () => {
    const { frank, alice, shop } = program.users
    await session({ seed: shop!.seed })
    const pay = usePay()
    await pay.load()
    expect([pay.isHost, pay.registered, pay.mode]).toEqual([true, false, 'self'])
    pay.mode = 'host'
    pay.text = '1'
    expect([pay.payer, pay.split, pay.ready]).toEqual([null, null, false])
    await pay.setCustomer('3Mnot-an-address')
    expect(pay.customer).toEqual({ state: 'invalid' })
    // frank joined under alice in the pay test
    await pay.setCustomer(` ${frank.address} `)
    expect([pay.customer, pay.split, pay.ready]).toEqual([
      { state: 'ready', address: frank.address, registered: true, upline: [alice.address] },
      { l1: 10_000_000n, l2: 0n, l3: 0n, cashback: 1_000_000n, change: 89_000_000n },
      true,
    ])
    await pay.pay()
    expect([pay.phase, pay.paid?.amount, pay.paid?.payer, pay.problem]).toEqual(['done', 100_000_000n, frank.address, null])
    const credits = await useSession().client!.fetchReferralTransactions(alice.address)
    expect(credits.find((c) => c.txId === pay.paid!.txId)).toMatchObject({ payer: frank.address, level: 'l1', amount: 10_000_000n })
  })

  test('an account that is not a host is not offered fundFor', async () => {
    await session({ seed: program.users.frank.seed })
    const pay = usePay()
    await pay.load()
    pay.mode = 'host'
    await pay.setCustomer(program.users.alice.address)
    pay.text = '1'
    expect([pay.isHost, pay.ready]).toEqual([false, false])
  })
})

describe('admin', () => {
  test('the figures as the chain has them; a non-admin is not one; the export parses every record', async () => {
    await session({ seed: program.users.frank.seed })
    const admin = useAdmin()
    await admin.load()
    expect([admin.problem, admin.isAdmin, admin.config?.admin]).toEqual([null, false, program.dApp])
    const f = admin.figures!
    const solvency = await useSession().client!.fetchSolvency()
    expect(f.assets.map(({ funded, withdrawn, ...books }) => books)).toEqual(solvency)
    const waves = f.assets[0]!
    expect(waves.funded > 0n && waves.withdrawn > 0n && waves.owed === waves.funded - waves.withdrawn).toBe(true)
    const records = await admin.records(0, Date.now() + 86_400_000)
    const keys = await useSession().client!.fetchKeys('(fund|withdraw)_.+')
    expect([records!.length, admin.exportProblem]).toEqual([keys.length, null])
    expect(records!.filter((r) => r.kind === 'withdrawal').reduce((sum, r) => sum + r.amount, 0n)).toBe(waves.withdrawn)
    expect(records!.filter((r) => r.kind !== 'withdrawal').reduce((sum, r) => sum + r.amount, 0n)).toBe(waves.funded)
    // a range that ends before the first record has none
    expect(await admin.records(0, 1)).toEqual([])
  })
})

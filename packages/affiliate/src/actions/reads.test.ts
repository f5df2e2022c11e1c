// Reads against a real dev node over HTTP. The dApp's data is written by its own account with a
// DataTransaction (no contract needed to read), which is also how malformed entries get there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { seed } from '../../../../test/waves.ts'
import { type AffiliateClient, createAffiliate } from '../affiliate.ts'
import type { MalformedEntry } from '../types.ts'
import { addressOf, countingFetch, fakeTxId, fundAccount, writeData } from '../testing.ts'
import { wt } from '../../../../test/waves.ts'

const dAppSeed = seed('reads dapp')
const dApp = addressOf(dAppSeed)
const messySeed = seed('reads messy dapp')
const messyDApp = addressOf(messySeed)
const [me, ref, r1, r2, p2, p3, other, root] = ['me', 'ref', 'r1', 'r2', 'p2', 'p3', 'other', 'root'].map((name) => addressOf(seed(name))) as [
  string, string, string, string, string, string, string, string,
]
const tx = (n: number) => fakeTxId(`reads tx ${n}`)
/** 2^53 + 1: a balance a float would round */
const BIG = 9007199254740993n
/** a token the dApp issues in the setup */
let TOKEN: string

let node: Devnode
let affiliate: AffiliateClient
let skipped: MalformedEntry[][]

beforeAll(async () => {
  node = await createDevnode()
  await fundAccount(node.url, dApp)
  await fundAccount(node.url, messyDApp)
  const issue = wt.issue({ name: 'Bonus', description: '', quantity: '100000000', decimals: 2, reissuable: false, chainId: 'R' } as never, dAppSeed)
  const issued = await fetch(`${node.url}/transactions/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(issue) })
  expect(issued.status).toBe(200)
  TOKEN = issue.id
  const fund = (payer: string, amount: bigint, level: string, time: number, n: number, asset = 'WAVES') => `${payer}:${amount}:${level}:${time}:${asset}:${tx(n)}`
  await writeData(node.url, dAppSeed, {
    version: 2n,
    [`${me}_referer`]: ref,
    [`${me}_balance_WAVES`]: BIG,
    [`${me}_balance_${TOKEN}`]: 40n,
    [`${me}_l1_count`]: 2n,
    [`${me}_l1_1`]: r1,
    [`${me}_l1_2`]: r2,
    [`${me}_l2_count`]: 1n,
    [`${me}_l2_1`]: p2,
    [`${me}_l3_count`]: 1n,
    [`${me}_l3_1`]: p3,
    [`${me}_from_${r1}_WAVES`]: 30000000n,
    [`${me}_from_${p2}_WAVES`]: 5000000n,
    [`${me}_from_${p3}_WAVES`]: 2500000n,
    [`${me}_earned_l1_WAVES`]: 30000000n,
    [`${me}_earned_l2_WAVES`]: 5000000n,
    [`${me}_earned_l3_WAVES`]: 2500000n,
    [`${me}_earned_cashback_WAVES`]: 1000000n,
    [`${me}_funds`]: 5n,
    [`fund_${me}_1`]: fund(r1, 10000000n, 'l1', 1795000000000, 1),
    [`fund_${me}_2`]: fund(p2, 5000000n, 'l2', 1795000001000, 2),
    [`fund_${me}_3`]: fund(p3, 2500000n, 'l3', 1795000002000, 3),
    [`fund_${me}_4`]: fund(me, 1000000n, 'cashback', 1795000003000, 4),
    [`fund_${me}_5`]: fund(r1, 20000000n, 'l1', 1795000004000, 5),
    [`${me}_withdraws`]: 2n,
    [`withdraw_${me}_1`]: `12000000:1795000005000:WAVES:${tx(6)}`,
    [`withdraw_${me}_2`]: `${BIG}:1795000006000:${TOKEN}:${tx(7)}`,
    [`${other}_funds`]: 1n,
    [`fund_${other}_1`]: fund(me, 7n, 'l1', 1795000000000, 8),
    [`${other}_balance_WAVES`]: 7n,
    assets: `WAVES,${TOKEN}`,
    owed_WAVES: 500n,
    gas_reserve: 300n,
    config_root: root,
    config_rate_l1: 120n,
    config_pow_bits: 8n,
    config_paused: true,
    config_hosts: `${r1},${r2}`,
  })
  await writeData(node.url, messySeed, {
    [`${me}_referer`]: 5n,
    [`${me}_balance_WAVES`]: 'lots',
    [`${me}_l1_count`]: 2n,
    [`${me}_l1_1`]: r1,
    [`${me}_l1_2`]: 'someone',
    [`${me}_l2_count`]: -3n,
    [`${me}_funds`]: 9n,
    [`fund_${me}_9`]: 'garbage',
    [`fund_${me}_8`]: `${r1}:10:l4:1795000000000:WAVES:${tx(2)}`,
    [`fund_${me}_7`]: 5n,
    [`fund_${me}_6`]: `${r1}:-10:l1:1795000000000:WAVES:${tx(4)}`,
    [`fund_${me}_5`]: `nobody:10:l1:1795000000000:WAVES:${tx(5)}`,
    [`fund_${me}_4`]: `${r1}:10:l1:yesterday:WAVES:${tx(6)}`,
    [`fund_${me}_3`]: `${r1}:10:l1:1795000000000:WAVES:not-an-id`,
    [`fund_${me}_2`]: `${p2}:30:l2:1795000000000:WAVES:${tx(7)}`,
    [`${me}_withdraws`]: 3n,
    [`withdraw_${me}_3`]: `-5:1795000000000:WAVES:${tx(8)}`,
    [`withdraw_${me}_2`]: `5`,
    [`withdraw_${me}_1`]: `6:1795000000000:WAVES:${tx(10)}`,
    config_rate_l2: 'fifty',
    config_pow_bits: 29n,
    config_paused: 1n,
    config_root: 'nobody',
    config_min_withdraw: -1n,
  })
  skipped = []
  affiliate = createAffiliate({ node: node.url, dApp, onSkipped: (entries) => skipped.push(entries) })
}, 60_000)

afterAll(() => node?.close())

const CONFIG = {
  admin: dApp,
  root,
  asset: { id: null, name: 'WAVES', decimals: 8 },
  powBits: 8,
  rates: { l1: 120, l2: 50, l3: 25, cashback: 10 },
  minFund: 1000000n,
  minWithdraw: 1000000n,
  minReferrerPaid: 0n,
  refundBudget: 1000000000n,
  refundShare: 5000000n,
  upgradeDelay: 1440,
  hosts: [r1, r2],
  paused: true,
}

describe('reads of a well-formed program', () => {
  test('fetchReferrer', async () => {
    expect(await affiliate.fetchReferrer(me)).toBe(ref)
    expect(await affiliate.fetchReferrer(ref)).toBe(null)
  })

  test('fetchBalance keeps 64-bit integers exact, per asset', async () => {
    expect(await affiliate.fetchBalance(me)).toBe(BIG)
    expect(await affiliate.fetchBalance(me, TOKEN)).toBe(40n)
    expect(await affiliate.fetchBalance(other)).toBe(7n)
    expect(await affiliate.fetchBalance(ref)).toBe(0n)
  })

  test('fetchReferrals: every member of a level, by exact keys', async () => {
    expect(await affiliate.fetchReferrals(me)).toEqual([r1, r2])
    expect(await affiliate.fetchReferrals(me, 2)).toEqual([p2])
    expect(await affiliate.fetchReferrals(me, 3)).toEqual([p3])
    expect(await affiliate.fetchReferrals(r1)).toEqual([])
  })

  test('fetchReferralTransactions: this address\'s credits, newest first', async () => {
    expect(await affiliate.fetchReferralTransactions(me)).toEqual([
      { n: 5, txId: tx(5), beneficiary: me, payer: r1, amount: 20000000n, level: 'l1', timestamp: 1795000004000, asset: 'WAVES' },
      { n: 4, txId: tx(4), beneficiary: me, payer: me, amount: 1000000n, level: 'cashback', timestamp: 1795000003000, asset: 'WAVES' },
      { n: 3, txId: tx(3), beneficiary: me, payer: p3, amount: 2500000n, level: 'l3', timestamp: 1795000002000, asset: 'WAVES' },
      { n: 2, txId: tx(2), beneficiary: me, payer: p2, amount: 5000000n, level: 'l2', timestamp: 1795000001000, asset: 'WAVES' },
      { n: 1, txId: tx(1), beneficiary: me, payer: r1, amount: 10000000n, level: 'l1', timestamp: 1795000000000, asset: 'WAVES' },
    ])
  })

  test('fetchWithdrawTransactions', async () => {
    expect(await affiliate.fetchWithdrawTransactions(me)).toEqual([
      { n: 2, txId: tx(7), user: me, amount: BIG, timestamp: 1795000006000, asset: TOKEN },
      { n: 1, txId: tx(6), user: me, amount: 12000000n, timestamp: 1795000005000, asset: 'WAVES' },
    ])
  })

  test('fetchHistory: pages of records by exact keys, newest first', async () => {
    const first = await affiliate.fetchHistory(me, 'fund', { pageSize: 2 })
    expect([first.total, first.records.map((r) => r.n)]).toEqual([5, [5, 4]])
    expect((await affiliate.fetchHistory(me, 'fund', { pageSize: 2, page: 2 })).records.map((r) => r.n)).toEqual([1])
    expect((await affiliate.fetchHistory(me, 'fund', { pageSize: 2, page: 3 })).records).toEqual([])
    expect(await affiliate.fetchHistory(me, 'withdraw', { pageSize: 1, page: 1 })).toEqual({
      records: [{ n: 1, txId: tx(6), user: me, amount: 12000000n, timestamp: 1795000005000, asset: 'WAVES' }],
      total: 2,
      page: 1,
      pageSize: 1,
    })
    await expect(affiliate.fetchHistory(me, 'fund', { pageSize: 0 })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'pageSize' })
  })

  test('fetchConfig: stored values over defaults', async () => {
    expect(await affiliate.fetchConfig()).toEqual(CONFIG)
  })

  test('fetchSolvency: held, owed, reserved and surplus per listed asset', async () => {
    const held = BigInt((await (await fetch(`${node.url}/addresses/balance/${dApp}`)).json()).balance)
    expect(await affiliate.fetchSolvency()).toEqual([
      { asset: { id: null, name: 'WAVES', decimals: 8 }, held, owed: 500n, reserved: 300n, surplus: held - 800n },
      // the dApp issued the token: it holds the whole supply and owes none of it
      { asset: { id: TOKEN, name: 'Bonus', decimals: 2 }, held: 100000000n, owed: 0n, reserved: 0n, surplus: 100000000n },
    ])
  })

  test('fetchKeys: a regex read', async () => {
    expect(await affiliate.fetchKeys(`${me}_l2_.*`)).toEqual([
      { key: `${me}_l2_1`, type: 'string', value: p2 },
      { key: `${me}_l2_count`, type: 'integer', value: '1' },
    ])
  })

  test('fetchDashboard: the whole picture', async () => {
    const records = await affiliate.fetchReferralTransactions(me)
    expect(await affiliate.fetchDashboard(me, { pageSize: 3 })).toEqual({
      address: me,
      registered: true,
      isRoot: false,
      referrer: ref,
      balance: BIG,
      balances: [
        { asset: { id: null, name: 'WAVES', decimals: 8 }, amount: BIG },
        { asset: { id: TOKEN, name: 'Bonus', decimals: 2 }, amount: 40n },
      ],
      earned: { cashback: 1000000n, change: 0n },
      referrals: [
        { level: 1, count: 2, members: [{ address: r1, income: 30000000n }, { address: r2, income: 0n }], earned: 30000000n },
        { level: 2, count: 1, members: [{ address: p2, income: 5000000n }], earned: 5000000n },
        { level: 3, count: 1, members: [{ address: p3, income: 2500000n }], earned: 2500000n },
      ],
      income: records.slice(0, 3),
      withdrawals: await affiliate.fetchWithdrawTransactions(me),
      history: { funds: 5, withdraws: 2, page: 0, pageSize: 3 },
      config: CONFIG,
      upgrade: null,
      version: 2,
      height: 16, // 11 at genesis + 5 setup transactions, one block each
      skipped: [],
    })
    expect(skipped).toEqual([])
  })

  test('levelLimit reads the first members of each level; the counts stay exact', async () => {
    const limited = await affiliate.fetchDashboard(me, { levelLimit: 1 })
    expect(limited.referrals.map((l) => [l.count, l.members.map((m) => m.address)])).toEqual([[2, [r1]], [1, [p2]], [1, [p3]]])
    await expect(affiliate.fetchDashboard(me, { levelLimit: -1 })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'levelLimit' })
  })

  test('the root is registered without a referrer; a stranger is not', async () => {
    const rootView = await affiliate.fetchDashboard(root)
    expect([rootView.registered, rootView.isRoot, rootView.referrer]).toEqual([true, true, null])
    const stranger = await affiliate.fetchDashboard(other)
    expect([stranger.registered, stranger.isRoot, stranger.balance, stranger.income.length]).toEqual([false, false, 7n, 1])
  })

  test('chainId is read once from the node and cached', async () => {
    const counter = countingFetch()
    const client = createAffiliate({ node: node.url, dApp, fetch: counter.fetch })
    expect([await client.chainId(), await client.chainId()]).toEqual(['R', 'R'])
    expect(counter.requests).toEqual(['GET /blocks/headers/last'])
    const configured = createAffiliate({ node: node.url, dApp, chainId: 'R', fetch: counter.fetch })
    expect(await configured.chainId()).toBe('R')
    expect(counter.requests).toHaveLength(1)
  })

  test('isDevnode', async () => {
    expect(await affiliate.isDevnode()).toBe(true)
  })
})

describe('malformed entries are skipped and reported, never thrown', () => {
  test('fetchDashboard lists each with its reason and keeps the good ones', async () => {
    const messy = createAffiliate({ node: node.url, dApp: messyDApp })
    const dashboard = await messy.fetchDashboard(me)
    expect(dashboard.referrer).toBe(null)
    expect(dashboard.balance).toBe(0n)
    expect(dashboard.version).toBe(null)
    expect(dashboard.referrals).toEqual([
      { level: 1, count: 2, members: [{ address: r1, income: 0n }], earned: 0n },
      { level: 2, count: 0, members: [], earned: 0n },
      { level: 3, count: 0, members: [], earned: 0n },
    ])
    expect(dashboard.income).toEqual([{ n: 2, txId: tx(7), beneficiary: me, payer: p2, amount: 30n, level: 'l2', timestamp: 1795000000000, asset: 'WAVES' }])
    expect(dashboard.withdrawals).toEqual([{ n: 1, txId: tx(10), user: me, amount: 6n, timestamp: 1795000000000, asset: 'WAVES' }])
    expect(dashboard.config).toEqual({ ...CONFIG, admin: messyDApp, root: messyDApp, powBits: 16, rates: { l1: 100, l2: 50, l3: 25, cashback: 10 }, hosts: [], paused: false })
    expect(dashboard.skipped).toEqual([
      { key: `${me}_l2_count`, reason: '-3 is negative' },
      { key: `${me}_referer`, reason: 'expected a string entry, got integer' },
      { key: 'config_root', reason: '"nobody" is not an address' },
      { key: 'config_pow_bits', reason: 'pow bits 29 are outside 0..28' },
      { key: 'config_rate_l2', reason: 'expected an integer entry, got string' },
      { key: 'config_min_withdraw', reason: '-1 is outside 0..1000000000000' },
      { key: 'config_paused', reason: 'expected a boolean entry, got integer' },
      { key: `${me}_l1_2`, reason: '"someone" is not an address' },
      { key: `fund_${me}_9`, reason: 'expected {payer}:{amount}:{level}:{timestamp}:{asset}:{txid}, got "garbage"' },
      { key: `fund_${me}_8`, reason: 'unknown level "l4"' },
      { key: `fund_${me}_7`, reason: 'expected a string entry, got integer' },
      { key: `fund_${me}_6`, reason: 'amount "-10" is not a positive integer' },
      { key: `fund_${me}_5`, reason: 'payer "nobody" is not an address' },
      { key: `fund_${me}_4`, reason: 'timestamp "yesterday" is not an integer' },
      { key: `fund_${me}_3`, reason: 'transaction id "not-an-id" is not base58' },
      { key: `withdraw_${me}_3`, reason: 'amount "-5" is not a positive integer' },
      { key: `withdraw_${me}_2`, reason: 'expected {amount}:{timestamp}:{asset}:{txid}, got "5"' },
      { key: `${me}_balance_WAVES`, reason: 'expected an integer entry, got string' },
    ])
  })

  test('single reads report through onSkipped', async () => {
    const reports: MalformedEntry[][] = []
    const messy = createAffiliate({ node: node.url, dApp: messyDApp, onSkipped: (entries) => reports.push(entries) })
    expect(await messy.fetchBalance(me)).toBe(0n)
    expect(await messy.fetchReferrer(me)).toBe(null)
    expect(await messy.fetchConfig()).toMatchObject({ powBits: 16, paused: false })
    expect(reports).toEqual([
      [{ key: `${me}_balance_WAVES`, reason: 'expected an integer entry, got string' }],
      [{ key: `${me}_referer`, reason: 'expected a string entry, got integer' }],
      [
        { key: 'config_root', reason: '"nobody" is not an address' },
        { key: 'config_pow_bits', reason: 'pow bits 29 are outside 0..28' },
        { key: 'config_rate_l2', reason: 'expected an integer entry, got string' },
        { key: 'config_min_withdraw', reason: '-1 is outside 0..1000000000000' },
        { key: 'config_paused', reason: 'expected a boolean entry, got integer' },
      ],
    ])
  })
})

describe('invalid input', () => {
  test('an address that is not one is refused before any request', async () => {
    const counter = countingFetch()
    const client = createAffiliate({ node: node.url, dApp, fetch: counter.fetch })
    await expect(client.fetchDashboard('3M.*')).rejects.toThrow('Invalid address: "3M.*" is not an address\nDocs: waves-affiliate/README.md#invalidinputerror')
    await expect(client.fetchBalance(`${me}x`)).rejects.toMatchObject({ name: 'InvalidInputError', field: 'address' })
    expect(counter.requests).toEqual([])
  })

  test('createAffiliate checks its config', () => {
    expect(() => createAffiliate({ node: 'localhost:6869', dApp })).toThrow('Invalid node: "localhost:6869" is not an http(s) URL')
    expect(() => createAffiliate({ node: node.url, dApp: 'nope' })).toThrow('Invalid dApp: "nope" is not an address')
    expect(() => createAffiliate({ node: node.url, dApp, chainId: 'T' })).toThrow(`Invalid dApp: ${dApp} is an address of chain 'R', not 'T'`)
    expect(() => createAffiliate({ node: node.url, dApp, chainId: 'RR' })).toThrow('Invalid chainId: "RR" is not one character')
  })
})

// Reads against a real dev node over HTTP. The dApp's data is written by its own account with a
// DataTransaction (no contract needed to read), which is also how malformed entries get there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { seed } from '../../../../test/waves.ts'
import { type AffiliateClient, createAffiliate } from '../affiliate.ts'
import type { MalformedEntry } from '../types.ts'
import { addressOf, countingFetch, fakeTxId, fundAccount, writeData } from '../testing.ts'

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

let node: Devnode
let affiliate: AffiliateClient
let skipped: MalformedEntry[][]

beforeAll(async () => {
  node = await createDevnode()
  await fundAccount(node.url, dApp)
  await fundAccount(node.url, messyDApp)
  await writeData(node.url, dAppSeed, {
    [`${me}_referer`]: ref,
    [`${me}_balance`]: BIG,
    [`${me}_referral_${r1}`]: r1,
    [`${me}_referral_${r2}`]: r2,
    [`${me}_referrals`]: 2n,
    [`fund_${me}_${tx(1)}`]: `${r1}:10000000:l1:1795000000000`,
    [`fund_${me}_${tx(2)}`]: `${p2}:5000000:l2:1795000001000`,
    [`fund_${me}_${tx(3)}`]: `${p3}:2500000:l3:1795000002000`,
    [`fund_${me}_${tx(4)}`]: `${me}:1000000:cashback:1795000003000`,
    [`fund_${me}_${tx(5)}`]: `${r1}:20000000:l1:1795000004000`,
    [`withdraw_${me}_${tx(6)}`]: `12000000:1795000005000`,
    [`withdraw_${me}_${tx(7)}`]: `${BIG}:1795000006000`,
    [`fund_${other}_${tx(8)}`]: `${me}:7:l1:1795000000000`,
    [`${other}_balance`]: 7n,
    config_root: root,
    config_rate_l1: 120n,
    config_pow_bits: 8n,
    config_paused: true,
    config_max_fee: 900000n,
  })
  await writeData(node.url, messySeed, {
    [`${me}_referer`]: 5n,
    [`${me}_balance`]: 'lots',
    [`${me}_referral_${r1}`]: r1,
    [`${me}_referral_${r2}`]: 'someone else',
    [`fund_${me}_${tx(1)}`]: 'garbage',
    [`fund_${me}_${tx(2)}`]: `${r1}:10:l4:1795000000000`,
    [`fund_${me}_${tx(3)}`]: 5n,
    [`fund_${me}_${tx(4)}`]: `${r1}:-10:l1:1795000000000`,
    [`fund_${me}_${tx(5)}`]: `nobody:10:l1:1795000000000`,
    [`fund_${me}_${tx(6)}`]: `${r1}:10:l1:yesterday`,
    [`fund_${me}_not-an-id`]: `${r1}:10:l1:1795000000000`,
    [`fund_${me}_${tx(7)}`]: `${p2}:30:l2:1795000000000`,
    [`withdraw_${me}_${tx(8)}`]: `-5:1795000000000`,
    [`withdraw_${me}_${tx(9)}`]: `5`,
    [`withdraw_${me}_${tx(10)}`]: `6:1795000000000`,
    config_rate_l2: 'fifty',
    config_pow_bits: 65n,
    config_paused: 1n,
    config_root: 'nobody',
    config_min_withdraw: 0n,
  })
  skipped = []
  affiliate = createAffiliate({ node: node.url, dApp, onSkipped: (entries) => skipped.push(entries) })
}, 60_000)

afterAll(() => node?.close())

describe('reads of a well-formed program', () => {
  test('fetchReferrer', async () => {
    expect(await affiliate.fetchReferrer(me)).toBe(ref)
    expect(await affiliate.fetchReferrer(ref)).toBe(null)
  })

  test('fetchBalance keeps 64-bit integers exact', async () => {
    expect(await affiliate.fetchBalance(me)).toBe(BIG)
    expect(await affiliate.fetchBalance(other)).toBe(7n)
    expect(await affiliate.fetchBalance(ref)).toBe(0n)
  })

  test('fetchReferrals: direct referrals only, not the `_referrals` counter', async () => {
    expect(await affiliate.fetchReferrals(me)).toEqual([r1, r2].sort())
    expect(await affiliate.fetchReferrals(r1)).toEqual([])
  })

  test('fetchReferralTransactions: this address credits, newest first', async () => {
    expect(await affiliate.fetchReferralTransactions(me)).toEqual([
      { txId: tx(5), beneficiary: me, payer: r1, amount: 20000000n, level: 'l1', timestamp: 1795000004000 },
      { txId: tx(4), beneficiary: me, payer: me, amount: 1000000n, level: 'cashback', timestamp: 1795000003000 },
      { txId: tx(3), beneficiary: me, payer: p3, amount: 2500000n, level: 'l3', timestamp: 1795000002000 },
      { txId: tx(2), beneficiary: me, payer: p2, amount: 5000000n, level: 'l2', timestamp: 1795000001000 },
      { txId: tx(1), beneficiary: me, payer: r1, amount: 10000000n, level: 'l1', timestamp: 1795000000000 },
    ])
  })

  test('fetchWithdrawTransactions', async () => {
    expect(await affiliate.fetchWithdrawTransactions(me)).toEqual([
      { txId: tx(7), user: me, amount: BIG, timestamp: 1795000006000 },
      { txId: tx(6), user: me, amount: 12000000n, timestamp: 1795000005000 },
    ])
  })

  test('fetchConfig: stored values over defaults', async () => {
    expect(await affiliate.fetchConfig()).toEqual({
      admin: dApp,
      root,
      asset: { id: null, name: 'WAVES', decimals: 8 },
      powBits: 8,
      rates: { l1: 120, l2: 50, l3: 25, cashback: 10 },
      minWithdraw: 1n,
      maxFee: 900000n,
      refundBudget: 1000000000n,
      paused: true,
    })
  })

  test('fetchDashboard: the whole picture', async () => {
    expect(await affiliate.fetchDashboard(me)).toEqual({
      address: me,
      registered: true,
      isRoot: false,
      referrer: ref,
      balance: BIG,
      referrals: [
        {
          level: 1,
          members: [
            { address: r1, income: 30000000n },
            { address: r2, income: 0n },
          ],
        },
        { level: 2, members: [{ address: p2, income: 5000000n }] },
        { level: 3, members: [{ address: p3, income: 2500000n }] },
      ],
      income: await affiliate.fetchReferralTransactions(me),
      withdrawals: await affiliate.fetchWithdrawTransactions(me),
      config: await affiliate.fetchConfig(),
      height: 15, // 11 at genesis + 4 setup transactions, one block each
      skipped: [],
    })
    expect(skipped).toEqual([])
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
    expect(dashboard.referrals).toEqual([
      { level: 1, members: [{ address: r1, income: 0n }] },
      { level: 2, members: [{ address: p2, income: 30n }] },
      { level: 3, members: [] },
    ])
    expect(dashboard.income).toEqual([{ txId: tx(7), beneficiary: me, payer: p2, amount: 30n, level: 'l2', timestamp: 1795000000000 }])
    expect(dashboard.withdrawals).toEqual([{ txId: tx(10), user: me, amount: 6n, timestamp: 1795000000000 }])
    expect(dashboard.config).toEqual({
      admin: messyDApp,
      root: messyDApp,
      asset: { id: null, name: 'WAVES', decimals: 8 },
      powBits: 16,
      rates: { l1: 100, l2: 50, l3: 25, cashback: 10 },
      minWithdraw: 1n,
      maxFee: 900000n,
      refundBudget: 1000000000n,
      paused: false,
    })
    expect(dashboard.skipped).toEqual([
      { key: `${me}_balance`, reason: 'expected an integer entry, got string' },
      { key: `${me}_referer`, reason: 'expected a string entry, got integer' },
      { key: `${me}_referral_${r2}`, reason: 'value "someone else" differs from the key\'s address' },
      ...[
        { key: `fund_${me}_${tx(1)}`, reason: 'expected {payer}:{amount}:{level}:{timestamp}, got "garbage"' },
        { key: `fund_${me}_${tx(2)}`, reason: 'unknown level "l4"' },
        { key: `fund_${me}_${tx(3)}`, reason: 'expected a string entry, got integer' },
        { key: `fund_${me}_${tx(4)}`, reason: 'amount "-10" is not a positive integer' },
        { key: `fund_${me}_${tx(5)}`, reason: 'payer "nobody" is not an address' },
        { key: `fund_${me}_${tx(6)}`, reason: 'timestamp "yesterday" is not an integer' },
        { key: `fund_${me}_not-an-id`, reason: 'transaction id "not-an-id" is not base58' },
        { key: `withdraw_${me}_${tx(8)}`, reason: 'amount "-5" is not a positive integer' },
        { key: `withdraw_${me}_${tx(9)}`, reason: 'expected {amount}:{timestamp}, got "5"' },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
      { key: 'config_root', reason: '"nobody" is not an address' },
      { key: 'config_pow_bits', reason: 'pow bits 65 are outside 0..64' },
      { key: 'config_rate_l2', reason: 'expected an integer entry, got string' },
      { key: 'config_paused', reason: 'expected a boolean entry, got integer' },
    ])
  })

  test('single reads report through onSkipped', async () => {
    const reports: MalformedEntry[][] = []
    const messy = createAffiliate({ node: node.url, dApp: messyDApp, onSkipped: (entries) => reports.push(entries) })
    expect(await messy.fetchBalance(me)).toBe(0n)
    expect(await messy.fetchReferrer(me)).toBe(null)
    expect(await messy.fetchConfig()).toMatchObject({ powBits: 16, paused: false })
    expect(reports).toEqual([
      [{ key: `${me}_balance`, reason: 'expected an integer entry, got string' }],
      [{ key: `${me}_referer`, reason: 'expected a string entry, got integer' }],
      [
        { key: 'config_root', reason: '"nobody" is not an address' },
        { key: 'config_pow_bits', reason: 'pow bits 65 are outside 0..64' },
        { key: 'config_rate_l2', reason: 'expected an integer entry, got string' },
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

// fund() and fundFor(payer): the split over three levels, cashback and change, the records and totals it
// writes (ride/README.md#fund-the-split), on the dev node.
// The tree is root (the dApp) <- alice <- bob <- carol <- dave, as in the README's worked example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, blockTimeOf, changesOf, dataOf, invoke, invokeTx, refusal, register, startProgram, valuesOf, wavesOf } from '../../test/affiliate.ts'
import { wt } from '../../test/waves.ts'

let p: Program
let root: string
let alice: string, bob: string, carol: string, dave: string

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0, minFund: 1n, hosts: [] }, startTime: TEST_START })
  root = p.dApp
  ;[alice, bob, carol, dave] = [p.users.alice.address, p.users.bob.address, p.users.carol.address, p.users.dave.address]
  await register(p, p.users.alice.seed, root)
  await register(p, p.users.bob.seed, alice)
  await register(p, p.users.carol.seed, bob)
  await register(p, p.users.dave.seed, carol)
  await p.save()
})

afterAll(() => p.close())

async function fund(name: 'alice' | 'bob' | 'carol' | 'dave' | 'stranger', amount: bigint) {
  const tx = invokeTx(p, p.users[name].seed, 'fund', [], { amount })
  const answer = await p.api.broadcast(tx)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return { id: tx.id, ts: await blockTimeOf(p, tx.id) }
}

/** The fund records of one transaction, by key. */
const recordsOf = async (id: string) =>
  Object.fromEntries(Object.entries(await dataOf(p, 'fund_.*')).filter(([, v]) => String(v).endsWith(`:${id}`)))

describe('fund: the worked example of ride/README.md', () => {
  it('dave funds 1 WAVES: carol l1, bob l2, alice l3, dave cashback, the root the change', async () => {
    await p.reset()
    const daveBefore = await wavesOf(p, dave)
    const dAppBefore = await wavesOf(p, p.dApp)
    const { id, ts } = await fund('dave', 100_000_000n)
    const day = Math.floor(ts / 86_400_000)
    const credit = (who: string, amount: number, level: string) => [
      { key: `${who}_balance_WAVES`, type: 'integer', value: amount },
      { key: `${who}_funds`, type: 'integer', value: 1 },
      { key: `fund_${who}_1`, type: 'string', value: `${dave}:${amount}:${level}:${ts}:WAVES:${id}` },
      { key: `${who}_earned_${level}_WAVES`, type: 'integer', value: amount },
      ...(level.startsWith('l') ? [{ key: `${who}_from_${dave}_WAVES`, type: 'integer', value: amount }] : []),
    ]
    expect(await changesOf(p, id)).toEqual({
      data: [
        ...credit(carol, 10_000_000, 'l1'),
        ...credit(bob, 5_000_000, 'l2'),
        ...credit(alice, 2_500_000, 'l3'),
        ...credit(dave, 1_000_000, 'cashback'),
        ...credit(root, 81_500_000, 'change'),
        { key: 'owed_WAVES', type: 'integer', value: 100_000_000 },
        { key: `${dave}_paid_WAVES`, type: 'integer', value: 100_000_000 },
        { key: 'stats_funds', type: 'integer', value: 1 },
        { key: 'stats_funded_WAVES', type: 'integer', value: 100_000_000 },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 5 * 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 5 * 500_000 },
        { key: `${dave}_refunds`, type: 'string', value: `${day}:1000000` }, // its register, then this fund
        { key: 'stats_refunded', type: 'integer', value: 5 * 500_000 },
      ],
      transfers: [{ address: dave, asset: null, amount: 500_000 }],
    })
    // dave paid the amount; the fee came back. The dApp keeps the amount and paid the refund.
    expect(await wavesOf(p, dave)).toBe(daveBefore - 100_000_000n)
    expect(await wavesOf(p, p.dApp)).toBe(dAppBefore + 100_000_000n - 500_000n)
  })

  it('bob funds 1 WAVES: only alice above him, so no l2/l3 and a change of 89,000,000', async () => {
    await p.reset()
    const { id, ts } = await fund('bob', 100_000_000n)
    expect(await recordsOf(id)).toEqual({
      [`fund_${alice}_1`]: `${bob}:10000000:l1:${ts}:WAVES:${id}`,
      [`fund_${bob}_1`]: `${bob}:1000000:cashback:${ts}:WAVES:${id}`,
      [`fund_${root}_1`]: `${bob}:89000000:change:${ts}:WAVES:${id}`,
    })
    expect(await dataOf(p, '.*_balance_WAVES')).toEqual({ [`${alice}_balance_WAVES`]: 10_000_000n, [`${bob}_balance_WAVES`]: 1_000_000n, [`${root}_balance_WAVES`]: 89_000_000n })
  })

  it('rounds down every part and gives the rest to the change: 999 wavelets make 99, 49, 24, 9 and 818', async () => {
    await p.reset()
    const { id, ts } = await fund('dave', 999n)
    expect(await recordsOf(id)).toEqual({
      [`fund_${carol}_1`]: `${dave}:99:l1:${ts}:WAVES:${id}`,
      [`fund_${bob}_1`]: `${dave}:49:l2:${ts}:WAVES:${id}`,
      [`fund_${alice}_1`]: `${dave}:24:l3:${ts}:WAVES:${id}`,
      [`fund_${dave}_1`]: `${dave}:9:cashback:${ts}:WAVES:${id}`,
      [`fund_${root}_1`]: `${dave}:818:change:${ts}:WAVES:${id}`,
    })
  })

  it('writes no record for a zero credit: 5 wavelets credit nothing below the change', async () => {
    await p.reset()
    const { id, ts } = await fund('dave', 5n)
    expect(await recordsOf(id)).toEqual({ [`fund_${root}_1`]: `${dave}:5:change:${ts}:WAVES:${id}` })
    expect(await dataOf(p, '3.*_balance_.*|3.*_funds')).toEqual({ [`${root}_balance_WAVES`]: 5n, [`${root}_funds`]: 1n })
  })

  it('numbers each member\'s records and adds up balances, level totals, owed and stats over several funds', async () => {
    await p.reset()
    const first = await fund('dave', 100_000_000n)
    const second = await fund('carol', 200_000_000n) // l1 bob 20M, l2 alice 10M, cashback carol 2M, change 168M
    expect(await valuesOf(p, [`fund_${bob}_1`, `fund_${bob}_2`, `${bob}_funds`, `${bob}_earned_l1_WAVES`, `${bob}_earned_l2_WAVES`])).toEqual({
      [`fund_${bob}_1`]: `${dave}:5000000:l2:${first.ts}:WAVES:${first.id}`,
      [`fund_${bob}_2`]: `${carol}:20000000:l1:${second.ts}:WAVES:${second.id}`,
      [`${bob}_funds`]: 2n,
      [`${bob}_earned_l1_WAVES`]: 20_000_000n,
      [`${bob}_earned_l2_WAVES`]: 5_000_000n,
    })
    expect(await dataOf(p, '.*_balance_WAVES|.*_paid_WAVES|owed_.*|stats_fund.*')).toEqual({
      [`${alice}_balance_WAVES`]: 2_500_000n + 10_000_000n,
      [`${bob}_balance_WAVES`]: 5_000_000n + 20_000_000n,
      [`${carol}_balance_WAVES`]: 10_000_000n + 2_000_000n,
      [`${dave}_balance_WAVES`]: 1_000_000n,
      [`${root}_balance_WAVES`]: 81_500_000n + 168_000_000n,
      [`${carol}_paid_WAVES`]: 200_000_000n,
      [`${dave}_paid_WAVES`]: 100_000_000n,
      owed_WAVES: 300_000_000n,
      stats_funds: 2n,
      stats_funded_WAVES: 300_000_000n,
    })
  })
})

describe('fund: payers outside the tree and other rates', () => {
  it('an unregistered payer puts the whole amount in the change: no levels, no cashback', async () => {
    await p.reset()
    const stranger = p.users.stranger.address
    const { id, ts } = await fund('stranger', 70_000_000n)
    expect(await recordsOf(id)).toEqual({ [`fund_${root}_1`]: `${stranger}:70000000:change:${ts}:WAVES:${id}` })
  })

  it('follows setRates: 500/300/150/50 leave no change, 0/0/0/0 leave only the change', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setRates', [500, 300, 150, 50])).status).toBe(200)
    const full = await fund('dave', 1_000n)
    expect(await recordsOf(full.id)).toEqual({
      [`fund_${carol}_1`]: `${dave}:500:l1:${full.ts}:WAVES:${full.id}`,
      [`fund_${bob}_1`]: `${dave}:300:l2:${full.ts}:WAVES:${full.id}`,
      [`fund_${alice}_1`]: `${dave}:150:l3:${full.ts}:WAVES:${full.id}`,
      [`fund_${dave}_1`]: `${dave}:50:cashback:${full.ts}:WAVES:${full.id}`,
    })
    expect((await invoke(p, p.dAppSeed, 'setRates', [0, 0, 0, 0])).status).toBe(200)
    const none = await fund('dave', 1_000n)
    expect(await recordsOf(none.id)).toEqual({ [`fund_${root}_1`]: `${dave}:1000:change:${none.ts}:WAVES:${none.id}` })
  })

  it('checks stored rates again: rates written directly by the account key (before its verifier is set) are refused on fund', async () => {
    await p.reset()
    const write = (q: Program, key: string, value: number) =>
      q.api.broadcast(wt.data({ data: [{ key, type: 'integer', value }], fee: 500_000, chainId: 'R', timestamp: q.now() } as never, q.dAppSeed))
    expect(await write(p, 'config_rate_l2', -1)).toMatchObject({ status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } })
    const q = await startProgram({ verifier: false, config: { powBits: 0, minFund: 1_000n }, startTime: TEST_START })
    try {
      await register(q, q.users.alice.seed, q.dApp)
      await register(q, q.users.dave.seed, q.users.alice.address)
      expect((await write(q, 'config_rate_l2', -1)).status).toBe(200)
      expect(await invoke(q, q.users.dave.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal('config: rates must be >= 0'))
      expect((await write(q, 'config_rate_l2', 900)).status).toBe(200)
      expect(await invoke(q, q.users.dave.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal('config: rates sum above 1000'))
    } finally {
      await q.close()
    }
  })
})

describe('fund: refusals', () => {
  it('refuses no payment, two payments, a payment in another asset and an amount below min_fund', async () => {
    await p.reset()
    const dave = p.users.dave.seed
    const before = await dataOf(p, '.*')
    expect(await invoke(p, dave, 'fund', [])).toMatchObject(refusal('payment: exactly one payment required'))
    expect(await invoke(p, dave, 'fund', [], [{ amount: 1n }, { amount: 2n }])).toMatchObject(refusal('payment: exactly one payment required'))
    const issue = wt.issue({ name: 'Token', description: '', quantity: 1000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, dave)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect(await invoke(p, dave, 'fund', [], { amount: 10n, assetId: issue.id })).toMatchObject(refusal('payment: asset must be WAVES'))
    expect((await invoke(p, p.dAppSeed, 'setMinFund', [1_000])).status).toBe(200)
    expect(await invoke(p, dave, 'fund', [], { amount: 999n })).toMatchObject(refusal('payment: amount below minimum 1000'))
    expect(await dataOf(p, '.*')).toEqual({ ...before, config_min_fund: 1_000n })
  })
})

describe('fundFor: a host pays for a payer', () => {
  it('credits the payer\'s chain as if the payer had paid; the host gets no refund', async () => {
    await p.reset()
    const host = p.users.frank
    expect((await invoke(p, p.dAppSeed, 'addHost', [host.address])).status).toBe(200)
    const hostBefore = await wavesOf(p, host.address)
    const tx = invokeTx(p, host.seed, 'fundFor', [dave], { amount: 100_000_000n })
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    expect(await recordsOf(tx.id)).toEqual({
      [`fund_${carol}_1`]: `${dave}:10000000:l1:${ts}:WAVES:${tx.id}`,
      [`fund_${bob}_1`]: `${dave}:5000000:l2:${ts}:WAVES:${tx.id}`,
      [`fund_${alice}_1`]: `${dave}:2500000:l3:${ts}:WAVES:${tx.id}`,
      [`fund_${dave}_1`]: `${dave}:1000000:cashback:${ts}:WAVES:${tx.id}`,
      [`fund_${root}_1`]: `${dave}:81500000:change:${ts}:WAVES:${tx.id}`,
    })
    expect((await changesOf(p, tx.id)).transfers).toEqual([])
    expect(await wavesOf(p, host.address)).toBe(hostBefore - 100_000_000n - 500_000n)
    expect(await valuesOf(p, [`${dave}_paid_WAVES`, `${host.address}_paid_WAVES`, 'owed_WAVES'])).toEqual({ [`${dave}_paid_WAVES`]: 100_000_000n, owed_WAVES: 100_000_000n })
  })

  it('refuses a caller that is not a host, a bad payer, and what fund refuses', async () => {
    await p.reset()
    const host = p.users.frank
    expect(await invoke(p, host.seed, 'fundFor', [dave], { amount: 1_000n })).toMatchObject(refusal('host: caller is not a host'))
    expect((await invoke(p, p.dAppSeed, 'addHost', [host.address])).status).toBe(200)
    expect(await invoke(p, host.seed, 'fundFor', ['not an address'], { amount: 1_000n })).toMatchObject(refusal('host: invalid address'))
    expect(await invoke(p, host.seed, 'fundFor', [dave])).toMatchObject(refusal('payment: exactly one payment required'))
    expect((await invoke(p, p.dAppSeed, 'pause')).status).toBe(200)
    expect(await invoke(p, host.seed, 'fundFor', [dave], { amount: 1_000n })).toMatchObject(refusal('paused: program is paused'))
    expect((await invoke(p, p.dAppSeed, 'unpause')).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'removeHost', [host.address])).status).toBe(200)
    expect(await invoke(p, host.seed, 'fundFor', [dave], { amount: 1_000n })).toMatchObject(refusal('host: caller is not a host'))
  })
})

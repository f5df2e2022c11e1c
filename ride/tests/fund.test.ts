// fund(): the split over three levels, cashback and change (ride/README.md#fund-the-split), on the dev node.
// The tree is root (the dApp) <- alice <- bob <- carol <- dave, as in the README's worked example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, blockTimeOf, changesOf, dataOf, invoke, invokeTx, refusal, register, startProgram, wavesOf } from '../../test/affiliate.ts'
import { wt } from '../../test/waves.ts'

let p: Program
let root: string
let alice: string, bob: string, carol: string, dave: string

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0 }, startTime: TEST_START })
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

describe('fund: the worked example of ride/README.md', () => {
  it('dave funds 1 WAVES: carol l1, bob l2, alice l3, dave cashback, the root the change', async () => {
    await p.reset()
    const daveBefore = await wavesOf(p, dave)
    const dAppBefore = await wavesOf(p, p.dApp)
    const { id, ts } = await fund('dave', 100_000_000n)
    const day = Math.floor(ts / 86_400_000)
    expect(await changesOf(p, id)).toEqual({
      data: [
        { key: `${carol}_balance`, type: 'integer', value: 10_000_000 },
        { key: `fund_${carol}_${id}`, type: 'string', value: `${dave}:10000000:l1:${ts}` },
        { key: `${bob}_balance`, type: 'integer', value: 5_000_000 },
        { key: `fund_${bob}_${id}`, type: 'string', value: `${dave}:5000000:l2:${ts}` },
        { key: `${alice}_balance`, type: 'integer', value: 2_500_000 },
        { key: `fund_${alice}_${id}`, type: 'string', value: `${dave}:2500000:l3:${ts}` },
        { key: `${dave}_balance`, type: 'integer', value: 1_000_000 },
        { key: `fund_${dave}_${id}`, type: 'string', value: `${dave}:1000000:cashback:${ts}` },
        { key: `${root}_balance`, type: 'integer', value: 81_500_000 },
        { key: `fund_${root}_${id}`, type: 'string', value: `${dave}:81500000:change:${ts}` },
        { key: 'stats_funds', type: 'integer', value: 1 },
        { key: 'stats_funded', type: 'integer', value: 100_000_000 },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 5 * 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 5 * 500_000 },
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
    expect(await dataOf(p, `fund_.*_${id}`)).toEqual({
      [`fund_${alice}_${id}`]: `${bob}:10000000:l1:${ts}`,
      [`fund_${bob}_${id}`]: `${bob}:1000000:cashback:${ts}`,
      [`fund_${root}_${id}`]: `${bob}:89000000:change:${ts}`,
    })
    expect(await dataOf(p, '.*_balance')).toEqual({ [`${alice}_balance`]: 10_000_000n, [`${bob}_balance`]: 1_000_000n, [`${root}_balance`]: 89_000_000n })
  })

  it('rounds down every part and gives the rest to the change: 999 wavelets make 99, 49, 24, 9 and 818', async () => {
    await p.reset()
    const { id, ts } = await fund('dave', 999n)
    expect(await dataOf(p, `fund_.*_${id}`)).toEqual({
      [`fund_${carol}_${id}`]: `${dave}:99:l1:${ts}`,
      [`fund_${bob}_${id}`]: `${dave}:49:l2:${ts}`,
      [`fund_${alice}_${id}`]: `${dave}:24:l3:${ts}`,
      [`fund_${dave}_${id}`]: `${dave}:9:cashback:${ts}`,
      [`fund_${root}_${id}`]: `${dave}:818:change:${ts}`,
    })
  })

  it('writes no record for a zero credit: 5 wavelets credit nothing below the change', async () => {
    await p.reset()
    const { id, ts } = await fund('dave', 5n)
    expect(await dataOf(p, `fund_.*_${id}`)).toEqual({ [`fund_${root}_${id}`]: `${dave}:5:change:${ts}` })
    expect(await dataOf(p, '.*_balance')).toEqual({ [`${root}_balance`]: 5n })
  })

  it('adds credits to balances and stats over several funds', async () => {
    await p.reset()
    await fund('dave', 100_000_000n)
    await fund('carol', 200_000_000n) // l1 bob 20M, l2 alice 10M, cashback carol 2M, change 168M
    expect(await dataOf(p, '.*_balance|stats_fund.*')).toEqual({
      [`${alice}_balance`]: 2_500_000n + 10_000_000n,
      [`${bob}_balance`]: 5_000_000n + 20_000_000n,
      [`${carol}_balance`]: 10_000_000n + 2_000_000n,
      [`${dave}_balance`]: 1_000_000n,
      [`${root}_balance`]: 81_500_000n + 168_000_000n,
      stats_funds: 2n,
      stats_funded: 300_000_000n,
    })
  })
})

describe('fund: payers outside the tree and other rates', () => {
  it('an unregistered payer puts the whole amount in the change: no levels, no cashback', async () => {
    await p.reset()
    const stranger = p.users.stranger.address
    const { id, ts } = await fund('stranger', 70_000_000n)
    expect(await dataOf(p, `fund_.*_${id}`)).toEqual({ [`fund_${root}_${id}`]: `${stranger}:70000000:change:${ts}` })
  })

  it('follows setRates: 500/300/150/50 leave no change, 0/0/0/0 leave only the change', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setRates', [500, 300, 150, 50])).status).toBe(200)
    const full = await fund('dave', 1_000n)
    expect(await dataOf(p, `fund_.*_${full.id}`)).toEqual({
      [`fund_${carol}_${full.id}`]: `${dave}:500:l1:${full.ts}`,
      [`fund_${bob}_${full.id}`]: `${dave}:300:l2:${full.ts}`,
      [`fund_${alice}_${full.id}`]: `${dave}:150:l3:${full.ts}`,
      [`fund_${dave}_${full.id}`]: `${dave}:50:cashback:${full.ts}`,
    })
    expect((await invoke(p, p.dAppSeed, 'setRates', [0, 0, 0, 0])).status).toBe(200)
    const none = await fund('dave', 1_000n)
    expect(await dataOf(p, `fund_.*_${none.id}`)).toEqual({ [`fund_${root}_${none.id}`]: `${dave}:1000:change:${none.ts}` })
  })

  it('checks stored rates again: rates written directly by the account key are refused on fund', async () => {
    await p.reset()
    const write = (key: string, value: number) =>
      p.api.broadcast(wt.data({ data: [{ key, type: 'integer', value }], chainId: 'R', timestamp: p.now() }, p.dAppSeed))
    expect((await write('config_rate_l2', -1)).status).toBe(200)
    expect(await invoke(p, p.users.dave.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal('config: rates must be >= 0'))
    expect((await write('config_rate_l2', 900)).status).toBe(200)
    expect(await invoke(p, p.users.dave.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal('config: rates sum above 1000'))
  })
})

describe('fund: refusals', () => {
  it('refuses no payment, two payments and a payment in another asset', async () => {
    await p.reset()
    const dave = p.users.dave.seed
    expect(await invoke(p, dave, 'fund', [])).toMatchObject(refusal('payment: exactly one payment required'))
    expect(await invoke(p, dave, 'fund', [], [{ amount: 1n }, { amount: 2n }])).toMatchObject(refusal('payment: exactly one payment required'))
    const issue = wt.issue({ name: 'Token', description: '', quantity: 1000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, dave)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect(await invoke(p, dave, 'fund', [], { amount: 10n, assetId: issue.id })).toMatchObject(refusal('payment: asset must be WAVES'))
    expect(await dataOf(p, 'stats_.*|.*_balance')).toEqual({ stats_refunded: 4n * 500_000n, stats_users: 4n })
  })
})

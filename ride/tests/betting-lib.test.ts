// The host example ride/examples/betting-lib.ride: a betting dApp that imports affiliate-lib.ride and pays
// referral rewards out of a house share of each bet. Deployed with deployAffiliate like the standalone dApp.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, blockTimeOf, changesOf, dataOf, invoke, invokeTx, refusal, register, startProgram, wavesOf } from '../../test/affiliate.ts'

let p: Program
let alice: string, bob: string, carol: string, root: string

beforeAll(async () => {
  p = await startProgram({ file: join(import.meta.dirname, '..', 'examples', 'betting-lib.ride'), gasReserve: 0n, startTime: TEST_START })
  ;[alice, bob, carol, root] = [p.users.alice.address, p.users.bob.address, p.users.carol.address, p.dApp]
  expect((await invoke(p, p.users.frank.seed, 'topUpGas', [], { amount: 10_00000000n })).status).toBe(200)
  await register(p, p.users.alice.seed, root) // at the default 16 bits: the host has no setPowBits
  await register(p, p.users.bob.seed, alice)
})

afterAll(() => p.close())

describe('betting host', () => {
  it('deploys with its own callables and the library\'s figures', () => {
    expect(Object.keys(p.deployed.callableComplexities).sort()).toEqual(['bet', 'claim', 'register', 'resolve', 'topUpGas', 'withdraw'])
    expect(p.deployed.size).toBe(25954)
  })

  it('a bet pays the house share through the affiliate split and stakes the rest', async () => {
    const tx = invokeTx(p, p.users.bob.seed, 'bet', [1], { amount: 100_000_000n })
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    const day = Math.floor(ts / 86_400_000)
    // 5% of 1 WAVES = 5,000,000 for the program: alice l1 500,000, bob cashback 50,000, the root 4,450,000
    const credit = (who: string, amount: number, level: string) => [
      { key: `${who}_balance_WAVES`, type: 'integer', value: amount },
      { key: `${who}_funds`, type: 'integer', value: 1 },
      { key: `fund_${who}_1`, type: 'string', value: `${bob}:${amount}:${level}:${ts}:WAVES:${tx.id}` },
      { key: `${who}_earned_${level}_WAVES`, type: 'integer', value: amount },
      ...(level.startsWith('l') ? [{ key: `${who}_from_${bob}_WAVES`, type: 'integer', value: amount }] : []),
    ]
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: 'round_1_pot_1', type: 'integer', value: 95_000_000 },
        { key: `round_1_stake_1_${bob}`, type: 'integer', value: 95_000_000 },
        { key: 'stakes_held', type: 'integer', value: 95_000_000 },
        { key: `bet_${bob}_${tx.id}`, type: 'string', value: `1:1:100000000:95000000:${ts}` },
        ...credit(alice, 500_000, 'l1'),
        ...credit(bob, 50_000, 'cashback'),
        ...credit(root, 4_450_000, 'change'),
        { key: 'owed_WAVES', type: 'integer', value: 5_000_000 },
        { key: `${bob}_paid_WAVES`, type: 'integer', value: 5_000_000 },
        { key: 'stats_funds', type: 'integer', value: 1 },
        { key: 'stats_funded_WAVES', type: 'integer', value: 5_000_000 },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 3 * 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 3 * 500_000 },
        { key: `${bob}_refunds`, type: 'string', value: `${day}:1000000` },
        { key: 'stats_refunded', type: 'integer', value: 3 * 500_000 },
      ],
      transfers: [{ address: bob, asset: null, amount: 500_000 }],
    })
  })

  it('an unregistered bettor\'s house share all goes to the change', async () => {
    const tx = invokeTx(p, p.users.carol.seed, 'bet', [0], { amount: 200_000_000n })
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    expect(await dataOf(p, `fund_${root}_2|round_1_pot_.*`)).toEqual({
      [`fund_${root}_2`]: `${carol}:10000000:change:${ts}:WAVES:${tx.id}`,
      round_1_pot_0: 190_000_000n,
      round_1_pot_1: 95_000_000n,
    })
  })

  it('refuses a bad choice and a missing payment', async () => {
    expect(await invoke(p, p.users.bob.seed, 'bet', [2], { amount: 1_000_000n })).toMatchObject(refusal('bet: choice must be 0 or 1'))
    expect(await invoke(p, p.users.bob.seed, 'bet', [0], { amount: 999_999n })).toMatchObject(refusal('payment: amount below minimum 1000000'))
    expect(await invoke(p, p.users.bob.seed, 'bet', [0])).toMatchObject(refusal('payment: exactly one payment required'))
  })

  it('resolve by the admin only; the winner claims both pots pro rata, once', async () => {
    expect(await invoke(p, p.users.stranger.seed, 'resolve', [1])).toMatchObject(refusal('admin: caller is not admin'))
    expect(await invoke(p, p.dAppSeed, 'resolve', [2])).toMatchObject(refusal('bet: choice must be 0 or 1'))
    expect(await invoke(p, p.users.bob.seed, 'claim', [1])).toMatchObject(refusal('bet: round not resolved'))
    expect((await invoke(p, p.dAppSeed, 'resolve', [1])).status).toBe(200)
    expect(await dataOf(p, 'round|round_1_winner')).toEqual({ round: 2n, round_1_winner: 1n })
    const before = await wavesOf(p, bob)
    const claim = invokeTx(p, p.users.bob.seed, 'claim', [1])
    expect((await p.api.broadcast(claim)).status).toBe(200)
    expect((await changesOf(p, claim.id)).transfers).toEqual([{ address: bob, asset: null, amount: 285_000_000 }])
    expect(await dataOf(p, 'stakes_held')).toEqual({ stakes_held: 0n })
    expect(await wavesOf(p, bob)).toBe(before + 285_000_000n - 500_000n)
    expect(await invoke(p, p.users.bob.seed, 'claim', [1])).toMatchObject(refusal('bet: nothing to claim'))
    expect(await invoke(p, p.users.carol.seed, 'claim', [1])).toMatchObject(refusal('bet: nothing to claim'))
  })

  it('referral rewards are withdrawn as in the standalone dApp', async () => {
    const before = await wavesOf(p, alice)
    expect((await invoke(p, p.users.alice.seed, 'withdraw')).status).toBe(200)
    // 500,000 is below config_min_withdraw (1,000,000): paid, and the fee is not refunded
    expect(await wavesOf(p, alice)).toBe(before + 500_000n - 500_000n)
    expect(await dataOf(p, `${alice}_balance_WAVES`)).toEqual({ [`${alice}_balance_WAVES`]: 0n })
  })
})

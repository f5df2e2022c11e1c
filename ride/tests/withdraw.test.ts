// withdraw(): the caller's whole balance, at least config_min_withdraw (ride/README.md#withdraw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, blockTimeOf, changesOf, dataOf, invoke, invokeTx, refusal, register, startProgram, wavesOf } from '../../test/affiliate.ts'

let p: Program
let alice: string, bob: string

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0 }, startTime: TEST_START })
  ;[alice, bob] = [p.users.alice.address, p.users.bob.address]
  await register(p, p.users.alice.seed, p.dApp)
  await register(p, p.users.bob.seed, alice)
  // bob funds 1 WAVES: alice 10,000,000 (l1), bob 1,000,000 (cashback), the dApp 89,000,000 (change)
  expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
  await p.save()
})

afterAll(() => p.close())

describe('withdraw', () => {
  it('pays the whole balance, zeroes it, records it; the fee comes back', async () => {
    await p.reset()
    const before = await wavesOf(p, alice)
    const dAppBefore = await wavesOf(p, p.dApp)
    const tx = invokeTx(p, p.users.alice.seed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    const day = Math.floor(ts / 86_400_000)
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: `${alice}_balance`, type: 'integer', value: 0 },
        { key: `withdraw_${alice}_${tx.id}`, type: 'string', value: `10000000:${ts}` },
        { key: 'stats_withdrawn', type: 'integer', value: 10_000_000 },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 4 * 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 4 * 500_000 },
        { key: 'stats_refunded', type: 'integer', value: 4 * 500_000 },
      ],
      transfers: [
        { address: alice, asset: null, amount: 10_000_000 },
        { address: alice, asset: null, amount: 500_000 },
      ],
    })
    expect(await wavesOf(p, alice)).toBe(before + 10_000_000n)
    expect(await wavesOf(p, p.dApp)).toBe(dAppBefore - 10_000_000n - 500_000n)
    expect(await invoke(p, p.users.alice.seed, 'withdraw')).toMatchObject(refusal('balance: below minimum 1'))
  })

  it('lets the dApp (the default root) release its change without a transfer to itself', async () => {
    await p.reset()
    const dAppBefore = await wavesOf(p, p.dApp)
    const tx = invokeTx(p, p.dAppSeed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: `${p.dApp}_balance`, type: 'integer', value: 0 },
        { key: `withdraw_${p.dApp}_${tx.id}`, type: 'string', value: `89000000:${ts}` },
        { key: 'stats_withdrawn', type: 'integer', value: 89_000_000 },
      ],
      transfers: [],
    })
    expect(await wavesOf(p, p.dApp)).toBe(dAppBefore - 500_000n)
  })

  it('refuses a balance below config_min_withdraw, then pays it once the minimum is lowered', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setMinWithdraw', [2_000_000])).status).toBe(200)
    expect(await invoke(p, p.users.bob.seed, 'withdraw')).toMatchObject(refusal('balance: below minimum 2000000'))
    expect(await invoke(p, p.users.stranger.seed, 'withdraw')).toMatchObject(refusal('balance: below minimum 2000000'))
    expect((await invoke(p, p.dAppSeed, 'setMinWithdraw', [1_000_000])).status).toBe(200)
    expect((await invoke(p, p.users.bob.seed, 'withdraw')).status).toBe(200)
    expect(await dataOf(p, `${bob}_balance|stats_withdrawn`)).toEqual({ [`${bob}_balance`]: 0n, stats_withdrawn: 1_000_000n })
  })

  it('refuses payments attached', async () => {
    await p.reset()
    expect(await invoke(p, p.users.alice.seed, 'withdraw', [], { amount: 1n })).toMatchObject(refusal('payment: no payments allowed'))
  })
})

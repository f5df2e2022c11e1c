// withdraw() and withdrawAsset(asset): what the caller is owed, in every asset or in one; never paused;
// config_min_withdraw decides only the fee refund (ride/README.md#withdraw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, blockTimeOf, changesOf, invoke, invokeTx, refusal, register, startProgram, valuesOf, wavesOf } from '../../test/affiliate.ts'
import { wt } from '../../test/waves.ts'

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

/** Bob issues a token, the admin makes it the program's asset, bob funds `amount` of it. */
async function secondAsset(amount: bigint) {
  const issue = wt.issue({ name: 'Token', description: '', quantity: 1_000_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, p.users.bob.seed)
  expect((await p.api.broadcast(issue)).status).toBe(200)
  expect((await invoke(p, p.dAppSeed, 'setAsset', [issue.id, 100, 100, 0])).status).toBe(200)
  const fund = await invoke(p, p.users.bob.seed, 'fund', [], { amount, assetId: issue.id })
  expect(fund.status, JSON.stringify(fund.body)).toBe(200)
  return issue.id
}

describe('withdraw', () => {
  it('pays the whole balance, zeroes it, records it as number 1; the fee comes back', async () => {
    await p.reset()
    const before = await wavesOf(p, alice)
    const dAppBefore = await wavesOf(p, p.dApp)
    const tx = invokeTx(p, p.users.alice.seed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    const day = Math.floor(ts / 86_400_000)
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: `${alice}_balance_WAVES`, type: 'integer', value: 0 },
        { key: 'owed_WAVES', type: 'integer', value: 90_000_000 },
        { key: `withdraw_${alice}_1`, type: 'string', value: `10000000:${ts}:WAVES:${tx.id}` },
        { key: 'stats_withdrawn_WAVES', type: 'integer', value: 10_000_000 },
        { key: `${alice}_withdraws`, type: 'integer', value: 1 },
        { key: 'gas_reserve', type: 'integer', value: 10_00000000 - 4 * 500_000 },
        { key: `refunds_${day}`, type: 'integer', value: 4 * 500_000 },
        { key: `${alice}_refunds`, type: 'string', value: `${day}:1000000` },
        { key: 'stats_refunded', type: 'integer', value: 4 * 500_000 },
      ],
      transfers: [
        { address: alice, asset: null, amount: 10_000_000 },
        { address: alice, asset: null, amount: 500_000 },
      ],
    })
    expect(await wavesOf(p, alice)).toBe(before + 10_000_000n)
    expect(await wavesOf(p, p.dApp)).toBe(dAppBefore - 10_000_000n - 500_000n)
    expect(await invoke(p, p.users.alice.seed, 'withdraw')).toMatchObject(refusal('balance: nothing to withdraw'))
  })

  it('lets the dApp (the default root) release its change without a transfer to itself', async () => {
    await p.reset()
    const dAppBefore = await wavesOf(p, p.dApp)
    const tx = invokeTx(p, p.dAppSeed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    expect(await changesOf(p, tx.id)).toEqual({
      data: [
        { key: `${p.dApp}_balance_WAVES`, type: 'integer', value: 0 },
        { key: 'owed_WAVES', type: 'integer', value: 11_000_000 },
        { key: `withdraw_${p.dApp}_1`, type: 'string', value: `89000000:${ts}:WAVES:${tx.id}` },
        { key: 'stats_withdrawn_WAVES', type: 'integer', value: 89_000_000 },
        { key: `${p.dApp}_withdraws`, type: 'integer', value: 1 },
      ],
      transfers: [],
    })
    expect(await wavesOf(p, p.dApp)).toBe(dAppBefore - 900_000n) // the key's fee, with the verifier's 0.004
  })

  it('pays any balance; config_min_withdraw only decides whether the fee comes back', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setMinWithdraw', [2_000_000])).status).toBe(200)
    const before = await wavesOf(p, bob)
    const small = invokeTx(p, p.users.bob.seed, 'withdraw')
    expect((await p.api.broadcast(small)).status).toBe(200)
    expect((await changesOf(p, small.id)).transfers).toEqual([{ address: bob, asset: null, amount: 1_000_000 }])
    expect(await wavesOf(p, bob)).toBe(before + 1_000_000n - 500_000n)
    expect(await invoke(p, p.users.stranger.seed, 'withdraw')).toMatchObject(refusal('balance: nothing to withdraw'))
  })

  it('is open while the program is paused', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'pause')).status).toBe(200)
    expect((await invoke(p, p.users.alice.seed, 'withdraw')).status).toBe(200)
    expect(await valuesOf(p, [`${alice}_balance_WAVES`, 'config_paused'])).toEqual({ [`${alice}_balance_WAVES`]: 0n, config_paused: true })
  })

  it('refuses payments attached', async () => {
    await p.reset()
    expect(await invoke(p, p.users.alice.seed, 'withdraw', [], { amount: 1n })).toMatchObject(refusal('payment: no payments allowed'))
  })
})

describe('balances per asset', () => {
  it('withdraw() pays every asset the caller is owed, one record each', async () => {
    await p.reset()
    const token = await secondAsset(1_000n) // alice l1 100, bob cashback 10, the root 890
    const tx = invokeTx(p, p.users.alice.seed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const ts = await blockTimeOf(p, tx.id)
    const { data, transfers } = await changesOf(p, tx.id)
    expect(transfers).toEqual([
      { address: alice, asset: null, amount: 10_000_000 },
      { address: alice, asset: token, amount: 100 },
      // the fee, in WAVES: the program's asset part (100 of the token) is at least min_withdraw (100)
      { address: alice, asset: null, amount: 500_000 },
    ])
    expect(data.slice(0, 9)).toEqual([
      { key: `${alice}_balance_WAVES`, type: 'integer', value: 0 },
      { key: 'owed_WAVES', type: 'integer', value: 90_000_000 },
      { key: `withdraw_${alice}_1`, type: 'string', value: `10000000:${ts}:WAVES:${tx.id}` },
      { key: 'stats_withdrawn_WAVES', type: 'integer', value: 10_000_000 },
      { key: `${alice}_balance_${token}`, type: 'integer', value: 0 },
      { key: `owed_${token}`, type: 'integer', value: 900 },
      { key: `withdraw_${alice}_2`, type: 'string', value: `100:${ts}:${token}:${tx.id}` },
      { key: `stats_withdrawn_${token}`, type: 'integer', value: 100 },
      { key: `${alice}_withdraws`, type: 'integer', value: 2 },
    ])
  })

  it('withdrawAsset(asset) pays one asset; the other stays owed', async () => {
    await p.reset()
    const token = await secondAsset(1_000n)
    const tx = invokeTx(p, p.users.alice.seed, 'withdrawAsset', ['WAVES'])
    expect((await p.api.broadcast(tx)).status).toBe(200)
    // WAVES is not the program's asset any more: no refund for this one
    expect((await changesOf(p, tx.id)).transfers).toEqual([{ address: alice, asset: null, amount: 10_000_000 }])
    expect(await valuesOf(p, [`${alice}_balance_WAVES`, `${alice}_balance_${token}`, 'owed_WAVES', `owed_${token}`, 'assets'])).toEqual({
      [`${alice}_balance_WAVES`]: 0n,
      [`${alice}_balance_${token}`]: 100n,
      owed_WAVES: 90_000_000n,
      [`owed_${token}`]: 1_000n,
      assets: `WAVES,${token}`,
    })
    expect(await invoke(p, p.users.alice.seed, 'withdrawAsset', ['WAVES'])).toMatchObject(refusal('balance: nothing to withdraw in WAVES'))
    expect(await invoke(p, p.users.alice.seed, 'withdrawAsset', ['x'.repeat(50)])).toMatchObject(refusal(`balance: nothing to withdraw in ${'x'.repeat(44)}...`))
    expect((await invoke(p, p.users.alice.seed, 'withdrawAsset', [token])).status).toBe(200)
    expect(await valuesOf(p, [`${alice}_balance_${token}`, `${alice}_withdraws`])).toEqual({ [`${alice}_balance_${token}`]: 0n, [`${alice}_withdraws`]: 2n })
  })
})

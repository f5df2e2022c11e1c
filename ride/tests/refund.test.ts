// Fee refund from the gas reserve (ride/README.md#fee-refund): at most the minimum fee, only for real
// work, within the day's budget and the caller's share, never beyond the dApp's free WAVES, never to a
// host; and how the reserve is filled: topUpGas by anyone, reserveGas by the admin from the dApp's own WAVES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, changesOf, dataOf, invoke, invokeTx, refusal, register, registerTx, startProgram, valuesOf, wavesOf } from '../../test/affiliate.ts'
import { addressOf, seed, wt } from '../../test/waves.ts'

const DAY = 86_400_000
const day = Math.floor(TEST_START / DAY)
let p: Program
let alice: string

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0, minFund: 1n, refundBudget: 1_400_000n, refundShare: 1_000_000_000n }, gasReserve: 5_000_000n, startTime: TEST_START })
  alice = p.users.alice.address
  await register(p, p.users.alice.seed, p.dApp) // refunded: 500,000 of today's 1,400,000
  await p.save()
})

afterAll(() => p.close())

/** The WAVES sent back to the caller of `id` by its refund (the transfers of the call, when it moves no balance). */
const refundOf = async (id: string) => (await changesOf(p, id)).transfers

describe('fee refund', () => {
  it('refunds the fee of a plain account', async () => {
    await p.reset()
    const before = await wavesOf(p, alice)
    const tx = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1_000n })
    expect((await p.api.broadcast(tx)).status).toBe(200)
    expect(await refundOf(tx.id)).toEqual([{ address: alice, asset: null, amount: 500_000 }])
    expect(await wavesOf(p, alice)).toBe(before - 1_000n)
    expect(await dataOf(p, 'gas_reserve|refunds_.*|stats_refunded|.*_refunds')).toEqual({
      gas_reserve: 5_000_000n - 1_000_000n,
      [`refunds_${day}`]: 1_000_000n,
      [`${alice}_refunds`]: `${day}:1000000`,
      stats_refunded: 1_000_000n,
    })
  })

  it('refunds at most the minimum fee: a plain account paying 0.009 WAVES gets 0.005 back', async () => {
    await p.reset()
    const tx = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1_000n }, 900_000n)
    const answer = await p.api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(await refundOf(tx.id)).toEqual([{ address: alice, asset: null, amount: 500_000 }])
  })

  it('stops at the caller\'s daily share while others are still refunded', async () => {
    await p.reset() // still the first day: the next test moves the clock
    expect((await invoke(p, p.dAppSeed, 'setRefundBudget', [100_000_000, 1_000_000])).status).toBe(200)
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 1_000n })).status).toBe(200) // alice: 1,000,000 today
    const third = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1_000n })
    expect((await p.api.broadcast(third)).status).toBe(200)
    expect(await refundOf(third.id)).toEqual([])
    const bob = invokeTx(p, p.users.bob.seed, 'fund', [], { amount: 1_000n })
    expect((await p.api.broadcast(bob)).status).toBe(200)
    expect(await refundOf(bob.id)).toEqual([{ address: p.users.bob.address, asset: null, amount: 500_000 }])
  })

  it('stops at the day\'s budget: the call still works and the caller pays; the next day refunds again', async () => {
    await p.reset()
    const before = await wavesOf(p, alice)
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 1_000n })).status).toBe(200) // 1,000,000 refunded today
    const over = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1_000n }) // 1,500,000 > 1,400,000
    expect((await p.api.broadcast(over)).status).toBe(200)
    expect(await refundOf(over.id)).toEqual([])
    expect(await wavesOf(p, alice)).toBe(before - 2_000n - 500_000n)
    expect(await dataOf(p, `refunds_.*|gas_reserve`)).toEqual({ gas_reserve: 4_000_000n, [`refunds_${day}`]: 1_000_000n })

    p.node.setTime(TEST_START + DAY)
    await p.node.mine()
    const next = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1_000n })
    expect((await p.api.broadcast(next)).status).toBe(200)
    expect(await refundOf(next.id)).toEqual([{ address: alice, asset: null, amount: 500_000 }])
    expect(await dataOf(p, `refunds_.*|gas_reserve|.*_refunds`)).toEqual({
      gas_reserve: 3_500_000n,
      [`refunds_${day}`]: 1_000_000n,
      [`refunds_${day + 1}`]: 500_000n,
      [`${alice}_refunds`]: `${day + 1}:500000`,
    })
  })

  it('pays no refund when the reserve cannot cover the fee', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setRefundBudget', [100_00000000, 1_000_000_000])).status).toBe(200)
    for (let i = 0; i < 9; i++) expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 1n })).status).toBe(200)
    expect(await dataOf(p, 'gas_reserve')).toEqual({ gas_reserve: 0n })
    const dry = invokeTx(p, p.users.alice.seed, 'fund', [], { amount: 1n })
    expect((await p.api.broadcast(dry)).status).toBe(200)
    expect(await refundOf(dry.id)).toEqual([])
    expect(await dataOf(p, 'gas_reserve|stats_refunded')).toEqual({ gas_reserve: 0n, stats_refunded: 5_000_000n })
  })

  it('refunds no call that did no real work: a withdrawal below config_min_withdraw', async () => {
    await p.reset()
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100n })).status).toBe(200) // 1 wavelet of cashback
    const tx = invokeTx(p, p.users.alice.seed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    expect(await refundOf(tx.id)).toEqual([{ address: alice, asset: null, amount: 1 }])
  })

  it('never refunds a host, even on its own fund', async () => {
    await p.reset()
    const host = p.users.frank
    expect((await invoke(p, p.dAppSeed, 'addHost', [host.address])).status).toBe(200)
    const own = invokeTx(p, host.seed, 'fund', [], { amount: 1_000n })
    expect((await p.api.broadcast(own)).status).toBe(200)
    expect(await refundOf(own.id)).toEqual([])
  })

  it('does not make calls free: an account without the fee is refused by the node before the script', async () => {
    await p.reset()
    const empty = seed('empty account')
    const answer = await p.api.broadcast(await registerTx(p, empty, p.dApp))
    expect(answer.body.error).toBe(112)
    expect(answer.body.message).toBe('State check failed. Reason: Accounts balance errors')
    expect(answer.body.details).toEqual({ [addressOf(empty)]: `negative waves balance: ${addressOf(empty)}, old: 0, new: -500000` })
  })

  it('a fee in an asset is refused by the node before the script (this dev node sponsors no asset)', async () => {
    await p.reset()
    const issue = wt.issue({ name: 'FeeToken', description: '', quantity: 1_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, p.users.alice.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    const inAsset = await p.api.broadcast(invokeTx(p, p.users.alice.seed, 'withdraw', [], undefined, { amount: 5n, assetId: issue.id }))
    expect(inAsset.body.error).toBe(112)
    expect(inAsset.body.message).toBe(`State check failed. Reason: Asset ${issue.id} is not sponsored, cannot be used to pay fees`)
  })
})

describe('filling the gas reserve', () => {
  it('topUpGas: anyone adds WAVES; exactly one positive WAVES payment', async () => {
    await p.reset()
    const bob = p.users.bob.seed
    expect((await invoke(p, bob, 'topUpGas', [], { amount: 7_000_000n })).status).toBe(200)
    expect(await dataOf(p, 'gas_reserve')).toEqual({ gas_reserve: 4_500_000n + 7_000_000n })
    expect(await invoke(p, bob, 'topUpGas')).toMatchObject(refusal('payment: exactly one payment required'))
    expect(await invoke(p, bob, 'topUpGas', [], [{ amount: 1n }, { amount: 1n }])).toMatchObject(refusal('payment: exactly one payment required'))
    const issue = wt.issue({ name: 'GasToken', description: '', quantity: 100, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, bob)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect(await invoke(p, bob, 'topUpGas', [], { amount: 1n, assetId: issue.id })).toMatchObject(refusal('payment: asset must be WAVES'))
  })

  it('reserveGas: the admin sets aside the dApp\'s own free WAVES, never those owed to members', async () => {
    await p.reset()
    // alice funds 1 WAVES as a registered payer: 1,000,000 cashback to her, 99,000,000 change to the dApp.
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
    const balance = await wavesOf(p, p.dApp)
    const free = balance - 4_000_000n - 100_000_000n // reserve after two refunds, and the owed total
    expect(await valuesOf(p, ['owed_WAVES', 'gas_reserve'])).toEqual({ owed_WAVES: 100_000_000n, gas_reserve: 4_000_000n })
    // a script does not see its call's fee taken (InvokeDiffsCommon.paymentsPart without the fee part), so the
    // dApp's own call counts its fee (0.009 through its verifier) out of what it may set aside
    const settable = free - 900_000n
    expect(await invoke(p, p.dAppSeed, 'reserveGas', [settable + 1n])).toMatchObject(refusal(`balance: free WAVES ${settable} below ${settable + 1n}`))
    expect(await invoke(p, p.dAppSeed, 'reserveGas', [0])).toMatchObject(refusal('config: amount must be positive'))
    expect(await invoke(p, p.users.stranger.seed, 'reserveGas', [1])).toMatchObject(refusal('admin: caller is not admin'))
    expect((await invoke(p, p.dAppSeed, 'reserveGas', [settable])).status).toBe(200)
    expect(await dataOf(p, 'gas_reserve')).toEqual({ gas_reserve: settable + 4_000_000n })
    // now every WAVE of the dApp is either owed or reserved
    expect(await wavesOf(p, p.dApp)).toBe(settable + 4_000_000n + 100_000_000n)
    // and the key has nothing left for another call's fee: its verifier refuses it
    expect(await invoke(p, p.dAppSeed, 'pause')).toMatchObject({ status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } })
  })

  it('a dApp cannot pay itself: topUpGas from the dApp account is refused by its verifier', async () => {
    await p.reset()
    const answer = await invoke(p, p.dAppSeed, 'topUpGas', [], { amount: 1_000_000n })
    expect(answer).toMatchObject({ status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } })
  })
})

// The attacks of the issue, one test each, against the deployed contract. Every refused call must leave
// the state as it was. The node mines blocks only on demand here, so two calls can share a block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Program,
  TEST_START,
  account,
  dataOf,
  invoke,
  invokeTx,
  powBits,
  refusal,
  register,
  registerTx,
  startProgram,
  wavesOf,
} from '../../test/affiliate.ts'
import { RICH_SEED, crypto, idZeroBits, wt } from '../../test/waves.ts'
import { mine } from '../../packages/affiliate/src/pow/index.ts'

const MAX_LONG = 9_223_372_036_854_775_807n
let p: Program
let alice: string, bob: string

beforeAll(async () => {
  p = await startProgram({ config: { powBits: 0 }, startTime: TEST_START, devnode: { autoMine: false } })
  ;[alice, bob] = [p.users.alice.address, p.users.bob.address]
  await register(p, p.users.alice.seed, p.dApp)
  await register(p, p.users.bob.seed, alice)
  await p.node.mine()
  await p.save()
})

afterAll(() => p.close())

/** Everything the contract keeps, to compare before and after a refused call. */
const everything = () => dataOf(p, '.*')

describe('registration attacks', () => {
  it('self-referral', async () => {
    await p.reset()
    const before = await everything()
    const carol = p.users.carol
    expect(await p.api.broadcast(await registerTx(p, carol.seed, carol.address))).toMatchObject(refusal('referrer: cannot refer yourself'))
    expect(await everything()).toEqual(before)
  })

  it('a referral cycle: a member or the root joining under its own descendant', async () => {
    await p.reset()
    const before = await everything()
    expect(await p.api.broadcast(await registerTx(p, p.users.alice.seed, bob))).toMatchObject(refusal('registered: already registered'))
    expect(await p.api.broadcast(await registerTx(p, p.dAppSeed, bob))).toMatchObject(refusal('registered: root cannot register'))
    expect(await everything()).toEqual(before)
  })

  it('registering twice, under the same or another referrer', async () => {
    await p.reset()
    const before = await everything()
    expect(await p.api.broadcast(await registerTx(p, p.users.bob.seed, alice))).toMatchObject(refusal('registered: already registered'))
    expect(await p.api.broadcast(await registerTx(p, p.users.bob.seed, p.dApp))).toMatchObject(refusal('registered: already registered'))
    expect(await everything()).toEqual(before)
  })

  it('a referrer that is not an address', async () => {
    await p.reset()
    const carol = p.users.carol.seed
    const bad = alice.slice(0, -1) + (alice.endsWith('a') ? 'b' : 'a') // checksum broken
    for (const referrer of ['', 'bob', `alias:R:bob`, bad, alice + '1', ` ${alice}`]) {
      expect(await p.api.broadcast(await registerTx(p, carol, referrer)), referrer).toMatchObject(refusal('referrer: invalid address'))
    }
  })

  it('a referrer of another chain', async () => {
    await p.reset()
    const mainnet = crypto.address(p.users.alice.seed, 'W') // alice's own key, on chain W
    expect(await p.api.broadcast(await registerTx(p, p.users.carol.seed, mainnet))).toMatchObject(refusal('referrer: invalid address'))
  })

  it('an unregistered referrer', async () => {
    await p.reset()
    const stranger = p.users.stranger.address
    expect(await p.api.broadcast(await registerTx(p, p.users.carol.seed, stranger))).toMatchObject(refusal('referrer: not registered'))
  })

  it('no proof of work, and a weak one, at the default 16 bits', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setPowBits', [16])).status).toBe(200)
    expect(await powBits(p)).toBe(16)
    const carol = p.users.carol.seed
    // no work: the first salt whose id happens to lack 16 zero bits
    let none = await registerTx(p, carol, alice, { bits: 0 })
    while (idZeroBits(none.id) >= 16) none = await registerTx(p, carol, alice, { bits: 0 })
    expect(await p.api.broadcast(none)).toMatchObject(refusal('pow: transaction id needs 16 leading zero bits'))
    // some work: 8 to 15 zero bits
    const unsigned = wt.invokeScript({
      dApp: p.dApp,
      call: { function: 'register', args: [{ type: 'string', value: alice }, { type: 'integer', value: 0 }] },
      chainId: 'R',
      senderPublicKey: crypto.publicKey(carol),
      fee: 500_000,
      timestamp: p.now(),
    })
    let weak = (await mine(unsigned, { saltArg: 1, bits: 8, workers: 1 })).tx
    while (idZeroBits(weak.id) >= 16) {
      const next = { ...weak, call: { ...weak.call!, args: [weak.call!.args[0]!, { type: 'integer' as const, value: Number(weak.call!.args[1]!.value) + 1 }] } }
      weak = (await mine({ ...next, id: '' } as never, { saltArg: 1, bits: 8, workers: 1 })).tx
    }
    expect(idZeroBits(weak.id)).toBeGreaterThanOrEqual(8)
    expect(await p.api.broadcast(wt.invokeScript(weak as never, carol))).toMatchObject(refusal('pow: transaction id needs 16 leading zero bits'))
    expect(await dataOf(p, '.*_referer')).toEqual({ [`${alice}_referer`]: p.dApp, [`${bob}_referer`]: alice })
  })

  it('payments attached to register', async () => {
    await p.reset()
    const tx = invokeTx(p, p.users.carol.seed, 'register', [alice, 0], { amount: 1_000n })
    expect(await p.api.broadcast(tx)).toMatchObject(refusal('payment: no payments allowed'))
  })
})

describe('fee attacks', () => {
  it('a fee above max_fee, to drain the reserve faster', async () => {
    await p.reset()
    const before = await everything()
    const tx = invokeTx(p, p.users.bob.seed, 'fund', [], { amount: 1_000n }, 5_00000000n)
    expect(await p.api.broadcast(tx)).toMatchObject(refusal('fee: fee exceeds 900000'))
    expect(await everything()).toEqual(before)
  })

  it('a fee in an asset: refused by the node before the script runs', async () => {
    await p.reset()
    const issue = wt.issue({ name: 'Junk', description: '', quantity: 1_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, p.users.bob.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    const answer = await p.api.broadcast(invokeTx(p, p.users.bob.seed, 'withdraw', [], undefined, { amount: 1n, assetId: issue.id }))
    expect(answer.body.message).toBe(`State check failed. Reason: Asset ${issue.id} is not sponsored, cannot be used to pay fees`)
  })

  it('draining the gas reserve with many fresh registering accounts: the loss stops at the day\'s budget', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setRefundBudget', [2_500_000])).status).toBe(200) // 1,000,000 already refunded today
    const fresh = Array.from({ length: 6 }, (_, i) => account(`sybil ${i}`))
    const funding = wt.massTransfer({ transfers: fresh.map((a) => ({ recipient: a.address, amount: 600_000 })), chainId: 'R', fee: 500_000, timestamp: p.now() }, RICH_SEED)
    expect((await p.api.broadcast(funding)).status).toBe(200)
    const reserve = (await dataOf(p, 'gas_reserve'))['gas_reserve'] as bigint
    for (const sybil of fresh) await register(p, sybil.seed, alice)
    // three refunds fit in the remaining 1,500,000; the other three paid their own fee
    expect(await Promise.all(fresh.map((a) => wavesOf(p, a.address)))).toEqual([600_000n, 600_000n, 600_000n, 100_000n, 100_000n, 100_000n])
    expect((await dataOf(p, 'gas_reserve'))['gas_reserve']).toBe(reserve - 1_500_000n)
  })
})

describe('fund attacks', () => {
  it('no payment, two payments, the wrong asset', async () => {
    await p.reset()
    const before = await everything()
    const bobSeed = p.users.bob.seed
    expect(await invoke(p, bobSeed, 'fund')).toMatchObject(refusal('payment: exactly one payment required'))
    expect(await invoke(p, bobSeed, 'fund', [], [{ amount: 5n }, { amount: 5n }])).toMatchObject(refusal('payment: exactly one payment required'))
    const issue = wt.issue({ name: 'Fake', description: '', quantity: 1_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, bobSeed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect(await invoke(p, bobSeed, 'fund', [], { amount: 500n, assetId: issue.id })).toMatchObject(refusal('payment: asset must be WAVES'))
    expect(await everything()).toEqual(before)
  })

  it('a zero payment: refused by the node', async () => {
    await p.reset()
    expect(await invoke(p, p.users.bob.seed, 'fund', [], { amount: 0n })).toMatchObject({ status: 400, body: { error: 115, message: 'non-positive amount: 0 of Waves' } })
  })

  it('an amount of the asset\'s whole supply, near 2^63: exact credits, no overflow', async () => {
    await p.reset()
    // 2^63 - 1024: the dev node's evaluator reads asset details as JSON numbers, and 2^63 - 1 is no double
    const HUGE = MAX_LONG - 1023n
    const issue = wt.issue({ name: 'Huge', description: '', quantity: HUGE.toString(), decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() } as never, p.users.bob.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    const set = await invoke(p, p.dAppSeed, 'setAsset', [issue.id])
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    const fund = await invoke(p, p.users.bob.seed, 'fund', [], { amount: HUGE, assetId: issue.id })
    expect(fund.status, JSON.stringify(fund.body)).toBe(200)
    expect(await dataOf(p, '.*_balance|stats_funded')).toEqual({
      [`${alice}_balance`]: 922_337_203_685_477_478n, // (2^63 - 1024) * 100 / 1000, rounded down
      [`${bob}_balance`]: 92_233_720_368_547_747n,
      [`${p.dApp}_balance`]: 8_208_801_112_800_749_559n,
      stats_funded: HUGE,
    })
    expect(922_337_203_685_477_478n + 92_233_720_368_547_747n + 8_208_801_112_800_749_559n).toBe(HUGE)
    expect((await p.api.get(`/assets/balance/${p.dApp}/${issue.id}`, { accept: 'application/json;large-significand-format=string' })).body.balance).toBe(HUGE.toString())
  })
})

describe('withdraw attacks', () => {
  it('below the minimum', async () => {
    await p.reset()
    expect(await invoke(p, p.users.stranger.seed, 'withdraw')).toMatchObject(refusal('balance: below minimum 1'))
  })

  it('twice in one block: paid once', async () => {
    await p.reset()
    expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200) // alice: 10,000,000
    await p.node.mine()
    const before = await wavesOf(p, alice)
    const height = (await p.api.get('/blocks/height')).body.height as number
    const first = invokeTx(p, p.users.alice.seed, 'withdraw')
    const second = invokeTx(p, p.users.alice.seed, 'withdraw', [], undefined, 500_001n)
    const [a, b] = await Promise.all([p.api.broadcast(first), p.api.broadcast(second)])
    expect(a.status).toBe(200)
    expect(b).toMatchObject(refusal('balance: below minimum 1'))
    expect((await p.api.get(`/transactions/info/${first.id}`)).body.height).toBe(height)
    expect(await wavesOf(p, alice)).toBe(before + 10_000_000n)
  })
})

describe('administration attacks', () => {
  it('config by a stranger: every admin callable refused, nothing changed', async () => {
    await p.reset()
    const before = await everything()
    const stranger = p.users.stranger.seed
    const calls: [string, (string | number)[]][] = [
      ['setAdmin', [p.users.stranger.address]],
      ['setRoot', [p.users.stranger.address]],
      ['setRates', [0, 0, 0, 1000]],
      ['setPowBits', [0]],
      ['setMinWithdraw', [1]],
      ['setMaxFee', [100_000_000]],
      ['setRefundBudget', [100_000_000_000]],
      ['setAsset', ['WAVES']],
      ['pause', []],
      ['unpause', []],
      ['reserveGas', [1]],
    ]
    for (const [fn, args] of calls) expect(await invoke(p, stranger, fn, args), fn).toMatchObject(refusal('admin: caller is not admin'))
    expect(await invoke(p, stranger, 'init', [p.users.stranger.address, p.users.stranger.address])).toMatchObject(refusal('admin: only the dApp can init'))
    expect(await everything()).toEqual(before)
  })
})


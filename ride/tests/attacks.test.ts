// Attacks on the contract, one test each, against the deployed contract with signed transactions. Every
// refused call must leave the state as it was. The node mines blocks only on demand here, so two calls can
// share a block. The numbered ones are the audit's list (ride/README.md#attacks); 7 (the dApp key rewriting
// balances) and the rest of what the dApp's verifier refuses are in verifier.test.ts, 11 (the dashboard scan) is
// a library test (packages/affiliate/src/actions/fetchDashboard.test.ts). Where a test needs state only the
// account key could write, it runs on a program deployed without the verifier (`unbound`): the contract
// checks such state again, for a deploy stopped before its verifier and for host dApps without one.
import { join } from 'node:path'
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
import { compileRide } from '../compile.ts'

const MAX_LONG = 9_223_372_036_854_775_807n
const REFUSED_BY_VERIFIER = { status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } }
let p: Program
let alice: string, bob: string

/** The program of these tests: root (the dApp) <- alice <- bob, pow 0, min_fund 1,000. */
async function program(options: { verifier?: boolean } = {}): Promise<Program> {
  const q = await startProgram({ ...options, config: { powBits: 0, minFund: 1_000n }, startTime: TEST_START, devnode: { autoMine: false } })
  await register(q, q.users.alice.seed, q.dApp)
  await register(q, q.users.bob.seed, q.users.alice.address)
  await q.node.mine()
  await q.save()
  return q
}

beforeAll(async () => {
  p = await program()
  ;[alice, bob] = [p.users.alice.address, p.users.bob.address]
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
    // the root here is the dApp, whose key may not call register at all; another root: register.test.ts
    expect(await p.api.broadcast(await registerTx(p, p.dAppSeed, bob))).toMatchObject(REFUSED_BY_VERIFIER)
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
  it('draining the gas reserve with many fresh registering accounts: the loss stops at the day\'s budget', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setRefundBudget', [2_500_000, 5_000_000])).status).toBe(200) // 1,000,000 already refunded today
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
    const set = await invoke(p, p.dAppSeed, 'setAsset', [issue.id, 1, 0, 0])
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    const fund = await invoke(p, p.users.bob.seed, 'fund', [], { amount: HUGE, assetId: issue.id })
    expect(fund.status, JSON.stringify(fund.body)).toBe(200)
    expect(await dataOf(p, `.*_balance_${issue.id}|owed_${issue.id}`)).toEqual({
      [`${alice}_balance_${issue.id}`]: 922_337_203_685_477_478n, // (2^63 - 1024) * 100 / 1000, rounded down
      [`${bob}_balance_${issue.id}`]: 92_233_720_368_547_747n,
      [`${p.dApp}_balance_${issue.id}`]: 8_208_801_112_800_749_559n,
      [`owed_${issue.id}`]: HUGE,
    })
    expect(922_337_203_685_477_478n + 92_233_720_368_547_747n + 8_208_801_112_800_749_559n).toBe(HUGE)
    expect((await p.api.get(`/assets/balance/${p.dApp}/${issue.id}`, { accept: 'application/json;large-significand-format=string' })).body.balance).toBe(HUGE.toString())
  })
})

describe('withdraw attacks', () => {
  it('nothing owed', async () => {
    await p.reset()
    expect(await invoke(p, p.users.stranger.seed, 'withdraw')).toMatchObject(refusal('balance: nothing to withdraw'))
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
    expect(b).toMatchObject(refusal('balance: nothing to withdraw'))
    expect((await p.api.get(`/transactions/info/${first.id}`)).body.height).toBe(height)
    expect(await wavesOf(p, alice)).toBe(before + 10_000_000n)
  })
})

describe('administration attacks', () => {
  it('config by a stranger: every admin callable refused, nothing changed', async () => {
    await p.reset()
    const before = await everything()
    const stranger = p.users.stranger.seed
    const calls: [string, (string | number | Uint8Array)[]][] = [
      ['setAdmin', [p.users.stranger.address]],
      ['setRoot', [p.users.stranger.address]],
      ['setRates', [0, 0, 0, 1000]],
      ['setPowBits', [0]],
      ['setMinFund', [1]],
      ['setMinWithdraw', [1]],
      ['setMinReferrerPaid', [1]],
      ['setRefundBudget', [100_000_000_000, 1_000_000_000]],
      ['setUpgradeDelay', [1440]],
      ['setAsset', ['WAVES', 1, 1, 0]],
      ['addHost', [p.users.stranger.address]],
      ['removeHost', [p.users.stranger.address]],
      ['announceUpgrade', [new Uint8Array(32)]],
      ['cancelUpgrade', []],
      ['pause', []],
      ['unpause', []],
      ['reserveGas', [1]],
    ]
    for (const [fn, args] of calls) expect(await invoke(p, stranger, fn, args), fn).toMatchObject(refusal('admin: caller is not admin'))
    expect(await invoke(p, stranger, 'init', [p.users.stranger.address, p.users.stranger.address])).toMatchObject(refusal('admin: only the dApp can init'))
    expect(await everything()).toEqual(before)
  })
})


describe('the audit\'s attacks', () => {
  it('1: a dApp funding the program five times by invoke in one transaction gets no refund at all: nested calls are not direct callers', async () => {
    await p.reset()
    const attacker = account('nested attacker')
    const script = compileRide(join(import.meta.dirname, 'nested-fund.ride'))
    const setup = wt.transfer({ recipient: attacker.address, amount: 10_00000000, chainId: 'R', timestamp: p.now() }, RICH_SEED)
    expect((await p.api.broadcast(setup)).status).toBe(200)
    const set = wt.setScript({ script: `base64:${script.base64}`, fee: 100_000, chainId: 'R', timestamp: p.now() } as never, attacker.seed)
    expect((await p.api.broadcast(set)).status).toBe(200)
    await p.node.mine()
    const before = await dataOf(p, 'gas_reserve|refunds_.*|stats_refunded')
    const [attackerBefore, callerBefore] = [await wavesOf(p, attacker.address), await wavesOf(p, bob)]
    // the audit's case: one fee of 900,000 that five refunds would have paid back five times
    const tx = wt.invokeScript(
      { dApp: attacker.address, call: { function: 'attack', args: [{ type: 'string', value: p.dApp }, { type: 'integer', value: 1_000 }] }, fee: 900_000, chainId: 'R', timestamp: p.now() } as never,
      p.users.bob.seed,
    )
    const answer = await p.api.broadcast(tx)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    await p.node.mine()
    const invokes = (await p.api.get(`/transactions/info/${tx.id}`)).body.stateChanges.invokes as { call: { function: string }; stateChanges: { transfers: unknown[] } }[]
    expect(invokes.map((call) => [call.call.function, call.stateChanges.transfers])).toEqual(Array(5).fill(['fund', []]))
    expect(await dataOf(p, 'gas_reserve|refunds_.*|stats_refunded')).toEqual(before)
    expect(await wavesOf(p, attacker.address)).toBe(attackerBefore - 5_000n)
    expect(await wavesOf(p, bob)).toBe(callerBefore - 900_000n)
    expect(await dataOf(p, `${p.dApp}_balance_WAVES|owed_WAVES|stats_funds`)).toEqual({ [`${p.dApp}_balance_WAVES`]: 5_000n, owed_WAVES: 5_000n, stats_funds: 5n })
  })

  it('2: a refund equal to the fee the caller chose, on funds of 1 wavelet: refused below min_fund, and one account\'s refunds stop at its share', async () => {
    await p.reset()
    const before = await everything()
    expect(await invoke(p, p.users.bob.seed, 'fund', [], { amount: 1n })).toMatchObject(refusal('payment: amount below minimum 1000'))
    expect(await everything()).toEqual(before)
    // bob registered today (500,000 refunded); his share is 5,000,000 a day: 9 more refunds, then none
    const refunds: bigint[] = []
    for (let k = 0; k < 11; k++) {
      const tx = invokeTx(p, p.users.bob.seed, 'fund', [], { amount: 1_000n })
      expect((await p.api.broadcast(tx)).status).toBe(200)
      await p.node.mine()
      const transfers = (await p.api.get(`/transactions/info/${tx.id}`)).body.stateChanges.transfers as { amount: number }[]
      refunds.push(transfers.reduce((sum, t) => sum + BigInt(t.amount), 0n))
    }
    expect(refunds).toEqual([...Array(9).fill(500_000n), 0n, 0n])
    const day = Math.floor(TEST_START / 86_400_000)
    expect(await dataOf(p, `${bob}_refunds|refunds_.*`)).toEqual({ [`${bob}_refunds`]: `${day}:5000000`, [`refunds_${day}`]: 5_500_000n })
  })

  it('3: history spam: a sybil under the victim cannot write records below min_fund; each record costs at least min_fund', async () => {
    await p.reset()
    const sybil = p.users.carol
    await register(p, sybil.seed, alice)
    await p.node.mine()
    const before = await everything()
    for (const amount of [10n, 999n]) {
      expect(await invoke(p, sybil.seed, 'fund', [], { amount })).toMatchObject(refusal('payment: amount below minimum 1000'))
    }
    expect(await everything()).toEqual(before)
    expect((await invoke(p, sybil.seed, 'fund', [], { amount: 1_000n })).status).toBe(200)
    await p.node.mine()
    expect(await dataOf(p, `${alice}_funds|fund_${alice}_.*`)).toEqual({
      [`${alice}_funds`]: 1n,
      [`fund_${alice}_1`]: expect.stringMatching(new RegExp(`^${sybil.address}:100:l1:\\d+:WAVES:\\w+$`)),
    })
  })

  it('4: a counter overflow: totals that only grow saturate at 2^63-1, and fund goes on in every asset', async () => {
    await p.reset()
    const HALF = 2n ** 62n
    const issue = wt.issue({ name: 'Bigger', description: '', quantity: HALF.toString(), decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() } as never, p.users.stranger.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'setAsset', [issue.id, 1, 0, 0])).status).toBe(200)
    await p.node.mine()
    // an unregistered payer: the whole amount is the root's (the dApp's) change; the dApp releases it and
    // its key sends the tokens back, so that the same units are funded again
    for (let cycle = 0; cycle < 3; cycle++) {
      const fund = await invoke(p, p.users.stranger.seed, 'fund', [], { amount: HALF, assetId: issue.id })
      expect(fund.status, JSON.stringify(fund.body)).toBe(200)
      expect((await invoke(p, p.dAppSeed, 'withdraw')).status).toBe(200)
      // released, the tokens are surplus: the verifier lets the key send them (fee 0.001 + 0.004)
      const back = wt.transfer({ recipient: p.users.stranger.address, amount: HALF.toString(), assetId: issue.id, fee: 500_000, chainId: 'R', timestamp: p.now() } as never, p.dAppSeed)
      expect((await p.api.broadcast(back)).status).toBe(200)
      await p.node.mine()
    }
    expect(await dataOf(p, `stats_funded_${issue.id}|stats_withdrawn_${issue.id}|owed_${issue.id}|${p.users.stranger.address}_paid_${issue.id}`)).toEqual({
      [`stats_funded_${issue.id}`]: MAX_LONG,
      [`stats_withdrawn_${issue.id}`]: MAX_LONG,
      [`owed_${issue.id}`]: 0n,
      [`${p.users.stranger.address}_paid_${issue.id}`]: MAX_LONG,
    })
    expect((await invoke(p, p.users.stranger.seed, 'fund', [], { amount: HALF, assetId: issue.id })).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'setAsset', ['WAVES', 1_000, 0, 0])).status).toBe(200)
    expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 1_000n })).status).toBe(200)
  })

  it('4: an owed total a single amount would overflow refuses that call only (written by a key without the verifier)', async () => {
    const q = await program({ verifier: false })
    try {
      const forged = wt.data({ data: [{ key: 'owed_WAVES', type: 'integer', value: (MAX_LONG - 999n).toString() }], chainId: 'R', timestamp: q.now() } as never, q.dAppSeed)
      expect((await q.api.broadcast(forged)).status).toBe(200)
      expect(await invoke(q, q.users.bob.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal('payment: amount too large'))
    } finally {
      await q.close()
    }
  })

  it('5: dust does not block the asset, and pause does not block withdraw', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setMinFund', [1])).status).toBe(200)
    expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 1n })).status).toBe(200) // 1 unit of change to the root
    const issue = wt.issue({ name: 'Next', description: '', quantity: 1_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, p.users.bob.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'setAsset', [issue.id, 1, 0, 0])).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'pause')).status).toBe(200)
    await p.node.mine()
    expect(await dataOf(p, `owed_WAVES|${p.dApp}_balance_WAVES|assets|config_paused`)).toEqual({
      owed_WAVES: 1n,
      [`${p.dApp}_balance_WAVES`]: 1n,
      assets: `WAVES,${issue.id}`,
      config_paused: true,
    })
    expect((await invoke(p, p.dAppSeed, 'withdraw')).status).toBe(200)
    await p.node.mine()
    expect(await dataOf(p, `owed_WAVES|${p.dApp}_balance_WAVES`)).toEqual({ owed_WAVES: 0n, [`${p.dApp}_balance_WAVES`]: 0n })
  })

  it('6: a reserve without margin: the dApp key cannot spend into the reserve; without the verifier, a member\'s withdrawal still goes through', async () => {
    await p.reset()
    const { gas_reserve: reserve = 0n, owed_WAVES: owed = 0n } = (await dataOf(p, 'gas_reserve|owed_WAVES')) as Record<string, bigint>
    const spend = (q: Program, amount: bigint) =>
      wt.transfer({ recipient: q.users.stranger.address, amount: amount.toString(), chainId: 'R', fee: 500_000, timestamp: q.now() } as never, q.dAppSeed)
    // one wavelet of the reserve is one too many for the key
    expect(await p.api.broadcast(spend(p, (await wavesOf(p, p.dApp)) - owed - reserve - 500_000n + 1n))).toMatchObject(REFUSED_BY_VERIFIER)
    // a key without the verifier spends the dApp's WAVES until 400,000 are free: less than a refund
    const q = await program({ verifier: false })
    try {
      expect((await invoke(q, q.users.bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200) // alice: 10,000,000
      await q.node.mine()
      const held = await wavesOf(q, q.dApp)
      const { gas_reserve: qReserve = 0n, owed_WAVES: qOwed = 0n } = (await dataOf(q, 'gas_reserve|owed_WAVES')) as Record<string, bigint>
      expect((await q.api.broadcast(spend(q, held - qOwed - 900_000n))).status).toBe(200)
      await q.node.mine()
      expect(await wavesOf(q, q.dApp)).toBe(qOwed + 400_000n)
      expect(qReserve).toBeGreaterThan(400_000n)
      const tx = invokeTx(q, q.users.alice.seed, 'withdraw')
      expect((await q.api.broadcast(tx)).status).toBe(200)
      await q.node.mine()
      // paid in full; no refund, since the dApp has only 400,000 free WAVES
      expect((await q.api.get(`/transactions/info/${tx.id}`)).body.stateChanges.transfers).toEqual([{ address: q.users.alice.address, asset: null, amount: 10_000_000 }])
      expect(await dataOf(q, 'gas_reserve|owed_WAVES')).toEqual({ gas_reserve: qReserve, owed_WAVES: qOwed - 10_000_000n })
      expect(await wavesOf(q, q.dApp)).toBe(qOwed - 10_000_000n + 400_000n)
    } finally {
      await q.close()
    }
  })

  it('8: the admin cannot lock withdrawals: min_withdraw is bounded and only decides the refund', async () => {
    await p.reset()
    expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
    expect(await invoke(p, p.dAppSeed, 'setMinWithdraw', [MAX_LONG])).toMatchObject(refusal('config: min withdraw must be 0..1000000000000'))
    expect((await invoke(p, p.dAppSeed, 'setMinWithdraw', [1_000_000_000_000])).status).toBe(200)
    await p.node.mine()
    const tx = invokeTx(p, p.users.alice.seed, 'withdraw')
    expect((await p.api.broadcast(tx)).status).toBe(200)
    await p.node.mine()
    expect((await p.api.get(`/transactions/info/${tx.id}`)).body.stateChanges.transfers).toEqual([{ address: alice, asset: null, amount: 10_000_000 }])
  })

  it('9: a sybil chain above one\'s own payer: with min_referrer_paid, each link must have paid in first', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setMinReferrerPaid', [100_000_000])).status).toBe(200)
    await p.node.mine()
    const [s3, s2, s1, payer] = [p.users.carol, p.users.dave, p.users.erin, p.users.frank]
    await register(p, s3.seed, p.dApp) // the root may always invite
    await p.node.mine()
    const before = await everything()
    expect(await p.api.broadcast(await registerTx(p, s2.seed, s3.address))).toMatchObject(refusal('referrer: has paid less than 100000000'))
    expect(await everything()).toEqual(before)
    // each link that pays 1 WAVES in gets back at most its cashback and what later links pay it
    expect((await invoke(p, s3.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
    await p.node.mine()
    await register(p, s2.seed, s3.address)
    await p.node.mine()
    expect(await p.api.broadcast(await registerTx(p, s1.seed, s2.address))).toMatchObject(refusal('referrer: has paid less than 100000000'))
    expect(await p.api.broadcast(await registerTx(p, payer.seed, s2.address))).toMatchObject(refusal('referrer: has paid less than 100000000'))
  })

  it('10: incomplete levels: members who never paid are on the level 1-3 indexes, with counts', async () => {
    await p.reset()
    const [b, c] = [p.users.carol, p.users.dave]
    await register(p, b.seed, bob) // root <- alice <- bob <- carol <- dave <- 12 members
    await p.node.mine()
    await register(p, c.seed, b.address)
    await p.node.mine()
    const members = Array.from({ length: 12 }, (_, k) => account(`level three ${k}`))
    const funding = wt.massTransfer({ transfers: members.map((m) => ({ recipient: m.address, amount: 1_000_000 })), chainId: 'R', fee: 800_000, timestamp: p.now() }, RICH_SEED)
    expect((await p.api.broadcast(funding)).status).toBe(200)
    for (const m of members) await register(p, m.seed, c.address)
    await p.node.mine()
    const index = await dataOf(p, `${bob}_l3_.*|${b.address}_l2_count|${c.address}_l1_count`)
    expect(index).toEqual({
      [`${bob}_l3_count`]: 12n,
      ...Object.fromEntries(members.map((m, k) => [`${bob}_l3_${k + 1}`, m.address])),
      [`${b.address}_l2_count`]: 12n,
      [`${c.address}_l1_count`]: 12n,
    })
  })
})

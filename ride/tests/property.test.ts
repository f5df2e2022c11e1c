// Random sequences of register, fund, fundFor, withdraw and config calls (asset changes and hosts among
// them) by many accounts (fast-check, fixed seed). After every step the invariants of
// ride/README.md#invariants are read back from the node:
// - per asset: the dApp holds at least what it owes (in WAVES, plus gas_reserve: the dApp's verifier lets its
//   key pay its own fees only out of the surplus); owed_{asset} is the sum of the balances and of the records;
// - the credits of a fund add up to its payment; nothing is negative;
// - each address has one referrer at most, set once, on its referrer's level 1 index; no cycle;
// - only the admin (or the dApp) changes config_*; a refused call changes nothing (the contract refuses with its
//   code word; the dApp's verifier refuses what the key may not send, such as register or fund);
// - no refund beyond the fee that caller paid in that transaction (at most 0.005 for these plain accounts).
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Program, TEST_START, account, dataOf, invokeTx, registerTx, startProgram, wavesOf } from '../../test/affiliate.ts'
import { RICH_SEED, wt } from '../../test/waves.ts'

const admin = account('admin')
let p: Program
let actors: { name: string; seed: string; address: string }[]
let token: string

beforeAll(async () => {
  p = await startProgram({
    admin: admin.address,
    config: { powBits: 0, minFund: 1_000n, refundBudget: 4_000_000n, refundShare: 2_000_000n, hosts: [account('erin').address] },
    gasReserve: 6_000_000n,
    startTime: TEST_START,
  })
  actors = [
    ...Object.entries(p.users).map(([name, a]) => ({ name, ...a })),
    { name: 'dApp', seed: p.dAppSeed, address: p.dApp },
  ]
  const issue = wt.issue({ name: 'Points', description: '', quantity: 10_000_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, RICH_SEED)
  expect((await p.api.broadcast(issue)).status).toBe(200)
  token = issue.id
  const transfers = Object.values(p.users).map((u) => ({ recipient: u.address, amount: 1_000_000_000 }))
  expect((await p.api.broadcast(wt.massTransfer({ transfers, assetId: token, chainId: 'R', fee: 600_000, timestamp: p.now() }, RICH_SEED))).status).toBe(200)
  await p.save()
})

afterAll(() => p.close())

type Step =
  | { kind: 'register'; who: number; referrer: number | 'root' | 'garbage' }
  | { kind: 'fund'; who: number; amount: bigint; other: boolean }
  | { kind: 'fundFor'; who: number; payer: number; amount: bigint; other: boolean }
  | { kind: 'withdraw'; who: number; asset: 'all' | 'WAVES' | 'token' }
  | { kind: 'config'; who: number; fn: string; args: (number | string)[] }

const who = fc.nat({ max: 8 }) // 0..7 the users, 8 the dApp
const amount = fc.oneof(fc.bigInt(1n, 2_000n), fc.bigInt(1_000n, 300_000_000n))
/** true: pay in the asset that is not the program's (refused) */
const other = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('register' as const), who, referrer: fc.oneof(
        { weight: 3, arbitrary: fc.nat({ max: 8 }) },
        { weight: 3, arbitrary: fc.constant('root' as const) },
        { weight: 1, arbitrary: fc.constant('garbage' as const) },
      ) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('fund' as const), who: fc.nat({ max: 7 }), amount, other }) },
  // 4 (erin) and 5 (frank) are the hosts the config steps add and remove
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fundFor' as const), who: fc.constantFrom(4, 5, 0), payer: fc.nat({ max: 8 }), amount, other }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.oneof(fc.constant(8), who), asset: fc.constantFrom('all' as const, 'WAVES' as const, 'token' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('config' as const),
      who: fc.oneof(fc.constant(6), who), // 6 is the admin: weigh it up
      call: fc.oneof(
        { weight: 1, arbitrary: fc.tuple(fc.constant('setRates'), fc.array(fc.integer({ min: -5, max: 450 }), { minLength: 4, maxLength: 4 })) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('setMinWithdraw'), fc.tuple(fc.integer({ min: -1, max: 20_000_000 }))) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('setRefundBudget'), fc.tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 2_000_000 }))) },
        { weight: 3, arbitrary: fc.tuple(fc.constant('setAsset'), fc.tuple(fc.constantFrom('WAVES', 'token'), fc.constant(1_000), fc.integer({ min: 0, max: 2_000 }), fc.constant(0))) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('addHost'), fc.tuple(fc.constantFrom(4, 5))) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('removeHost'), fc.tuple(fc.constantFrom(4, 5))) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('pause'), fc.constant([] as number[])) },
        { weight: 2, arbitrary: fc.tuple(fc.constant('unpause'), fc.constant([] as number[])) },
      ),
    }).map(({ kind, who, call }) => ({ kind, who, fn: call[0], args: call[1] as (number | string)[] })),
  },
)

type State = Record<string, string | bigint | boolean>
const CODE = /^Error while executing dApp: (paused|payment|registered|referrer|pow|balance|admin|config|host): /

/** The step's arguments with the token and host placeholders filled in. */
function argsOf(s: Step & { kind: 'config' }): (number | string)[] {
  if (s.fn === 'setAsset') return [s.args[0] === 'token' ? token : 'WAVES', ...s.args.slice(1)]
  if (s.fn === 'addHost' || s.fn === 'removeHost') return [actors[s.args[0] as number]!.address]
  return s.args
}

async function send(s: Step, state: State): Promise<{ ok: boolean; id: string; fee: bigint; body: any }> {
  const actor = actors[s.who]!
  let tx
  const current = state['config_asset'] === token ? token : null
  const payment = (amount: bigint, other: boolean) => ({ amount, assetId: other ? (current === null ? token : null) : current })
  if (s.kind === 'register') {
    const referrer = s.referrer === 'root' ? p.dApp : s.referrer === 'garbage' ? 'not an address' : actors[s.referrer]!.address
    tx = await registerTx(p, actor.seed, referrer)
  } else if (s.kind === 'fund') tx = invokeTx(p, actor.seed, 'fund', [], payment(s.amount, s.other))
  else if (s.kind === 'fundFor') tx = invokeTx(p, actor.seed, 'fundFor', [actors[s.payer]!.address], payment(s.amount, s.other))
  else if (s.kind === 'withdraw') tx = s.asset === 'all' ? invokeTx(p, actor.seed, 'withdraw') : invokeTx(p, actor.seed, 'withdrawAsset', [s.asset === 'token' ? token : 'WAVES'])
  else tx = invokeTx(p, actor.seed, s.fn, argsOf(s))
  const answer = await p.api.broadcast(tx)
  return { ok: answer.status === 200, id: tx.id, fee: BigInt(tx.fee), body: answer.body }
}

const ints = (state: State, pattern: RegExp) =>
  Object.entries(state).filter(([k]) => pattern.test(k)).map(([k, v]) => [k, v as bigint] as const)

async function held(asset: string): Promise<bigint> {
  if (asset === 'WAVES') return wavesOf(p, p.dApp)
  const answer = await p.api.get(`/assets/balance/${p.dApp}/${asset}`, { accept: 'application/json;large-significand-format=string' })
  return BigInt(answer.body.balance)
}

async function checkInvariants(s: Step, sent: Awaited<ReturnType<typeof send>>, before: State, after: State) {
  const label = `${JSON.stringify(s, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))} -> ${sent.ok ? 'ok' : sent.body.message}`
  if (!sent.ok) {
    if (s.who === 8 && sent.body.error === 307) expect(sent.body.message, label).toBe('Transaction is not allowed by account-script')
    else {
      expect(sent.body.error, label).toBe(306)
      expect(sent.body.message, label).toMatch(CODE)
    }
    expect(after, label).toEqual(before)
    return
  }
  // nothing negative
  for (const [key, value] of ints(after, /_balance_|^owed_|^gas_reserve$|^refunds_\d+$|^stats_|_funds$|_withdraws$|_paid_|_earned_|_count$/)) {
    expect(value, `${label}: ${key}`).toBeGreaterThanOrEqual(0n)
  }
  // per asset: balances and records add up to the owed total, and the dApp holds it
  const records = (prefix: string) => Object.entries(after).filter(([k]) => k.startsWith(prefix)).map(([, v]) => String(v).split(':'))
  const funds = records('fund_') // payer:amount:level:timestamp:asset:txid
  const withdraws = records('withdraw_') // amount:timestamp:asset:txid
  for (const asset of ['WAVES', token]) {
    const owed = (after[`owed_${asset}`] as bigint | undefined) ?? 0n
    const balances = ints(after, new RegExp(`_balance_${asset}$`)).reduce((sum, [, v]) => sum + v, 0n)
    expect(balances, `${label}: balances of ${asset}`).toBe(owed)
    const credited = funds.filter((r) => r[4] === asset).reduce((sum, r) => sum + BigInt(r[1]!), 0n)
    const paidOut = withdraws.filter((r) => r[2] === asset).reduce((sum, r) => sum + BigInt(r[0]!), 0n)
    expect(credited - paidOut, `${label}: records of ${asset}`).toBe(owed)
    const reserve = asset === 'WAVES' ? ((after['gas_reserve'] as bigint | undefined) ?? 0n) : 0n
    expect(await held(asset), `${label}: held ${asset}`).toBeGreaterThanOrEqual(owed + reserve)
  }
  // credits of this fund add up to its payment, all for its payer
  if (s.kind === 'fund' || s.kind === 'fundFor') {
    const mine = funds.filter((r) => r[5] === sent.id)
    expect(mine.reduce((sum, r) => sum + BigInt(r[1]!), 0n), label).toBe(s.amount)
    const payer = actors[s.kind === 'fund' ? s.who : s.payer]!.address
    for (const r of mine) expect(r[0], label).toBe(payer)
  }
  // refunds: only to the caller, at most the fee it paid in this transaction and the minimum fee
  const refunded = ((before['gas_reserve'] as bigint | undefined) ?? 0n) - ((after['gas_reserve'] as bigint | undefined) ?? 0n)
  if (s.kind === 'config' && s.fn === 'reserveGas') expect(refunded, label).toBeLessThanOrEqual(0n)
  else {
    expect(refunded, label).toBeGreaterThanOrEqual(0n)
    expect(refunded, label).toBeLessThanOrEqual(sent.fee < 500_000n ? sent.fee : 500_000n)
    if (refunded > 0n) {
      const transfers = (await p.api.get(`/transactions/info/${sent.id}`)).body.stateChanges.transfers as { address: string; asset: string | null; amount: number }[]
      expect(transfers.at(-1), label).toEqual({ address: actors[s.who]!.address, asset: null, amount: Number(refunded) })
      expect(s.kind === 'fundFor', label).toBe(false)
    }
  }
  // one referrer each, set once, on exactly one level 1 index of its referrer; counts agree
  const referers = Object.entries(after).filter(([k]) => k.endsWith('_referer')).map(([k, v]) => [k.slice(0, -'_referer'.length), String(v)] as const)
  for (const [key, referrer] of Object.entries(before).filter(([k]) => k.endsWith('_referer'))) expect(after[key], label).toBe(referrer)
  const l1 = Object.entries(after).filter(([k]) => /_l1_\d+$/.test(k)).map(([k, v]) => `${k.split('_')[0]}>${String(v)}`)
  expect(l1.sort(), label).toEqual(referers.map(([u, r]) => `${r}>${u}`).sort())
  for (const [key, count] of ints(after, /_l1_count$/)) {
    const owner = key.slice(0, -'_l1_count'.length)
    expect(BigInt(l1.filter((e) => e.startsWith(`${owner}>`)).length), label).toBe(count)
  }
  // no cycle: every chain of referrers ends
  const parent = new Map(referers)
  for (const [start] of referers) {
    let at: string | undefined = start
    for (let hops = 0; at !== undefined; hops++, at = parent.get(at)) expect(hops, label).toBeLessThanOrEqual(referers.length)
  }
  // config changes only through an admin call by the admin or the dApp
  const config = (state: State) => Object.fromEntries(Object.entries(state).filter(([k]) => k.startsWith('config_')))
  const byAdmin = s.kind === 'config' && (s.who === 6 || s.who === 8)
  if (!byAdmin) expect(config(after), label).toEqual(config(before))
}

it('keeps the invariants over random sequences of calls, with hosts and asset changes', { timeout: 600_000 }, async () => {
  let steps = 0
  const accepted: Record<string, number> = {}
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 20 }), async (sequence) => {
      await p.reset()
      let before = await dataOf(p, '.*')
      for (const s of sequence) {
        const sent = await send(s, before)
        const after = await dataOf(p, '.*')
        await checkInvariants(s, sent, before, after)
        before = after
        steps++
        const kind = s.kind === 'config' ? s.fn : s.kind
        if (sent.ok) accepted[kind] = (accepted[kind] ?? 0) + 1
      }
    }),
    { seed: 20270104, numRuns: 8, endOnFailure: true },
  )
  // the sequences must exercise the contract, not only its refusals
  expect(steps).toBe(160)
  for (const kind of ['register', 'fund', 'fundFor', 'withdraw', 'setAsset']) expect(accepted[kind] ?? 0, kind).toBeGreaterThanOrEqual(3)
  expect(Object.values(accepted).reduce((a, b) => a + b, 0)).toBeGreaterThan(50)
})

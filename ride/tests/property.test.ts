// Random sequences of register, fund, withdraw and config calls by many accounts (fast-check, fixed seed).
// After every step the invariants of ride/README.md#invariants are read back from the node:
// the dApp's WAVES cover every balance plus the gas reserve; the credits of a fund add up to its payment;
// nothing is negative; each address has one referrer at most, set once; the referrer graph has no cycle;
// only the admin (or the dApp) changes config_*; a refused call changes nothing.
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Program, TEST_START, account, dataOf, invokeTx, registerTx, startProgram, wavesOf } from '../../test/affiliate.ts'

const admin = account('admin')
let p: Program
let actors: { name: string; seed: string; address: string }[]

beforeAll(async () => {
  p = await startProgram({
    admin: admin.address,
    config: { powBits: 0, refundBudget: 4_000_000n },
    gasReserve: 6_000_000n,
    startTime: TEST_START,
  })
  actors = [
    ...Object.entries(p.users).map(([name, a]) => ({ name, ...a })),
    { name: 'dApp', seed: p.dAppSeed, address: p.dApp },
  ]
})

afterAll(() => p.close())

type Step =
  | { kind: 'register'; who: number; referrer: number | 'root' | 'garbage' }
  | { kind: 'fund'; who: number; amount: bigint }
  | { kind: 'withdraw'; who: number }
  | { kind: 'config'; who: number; fn: string; args: (number | string)[] }

const who = fc.nat({ max: 8 }) // 0..7 the users, 8 the dApp
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('register' as const), who, referrer: fc.oneof(
        { weight: 3, arbitrary: fc.nat({ max: 8 }) },
        { weight: 3, arbitrary: fc.constant('root' as const) },
        { weight: 1, arbitrary: fc.constant('garbage' as const) },
      ) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('fund' as const), who: fc.nat({ max: 7 }), amount: fc.oneof(fc.bigInt(1n, 2_000n), fc.bigInt(1n, 300_000_000n)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who: fc.oneof(fc.constant(8), who) }) }, // 8, the root, always has change
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('config' as const),
      who: fc.oneof(fc.constant(6), who), // 6 is the admin: weigh it up
      call: fc.oneof(
        fc.tuple(fc.constant('setRates'), fc.array(fc.integer({ min: -5, max: 450 }), { minLength: 4, maxLength: 4 })),
        fc.tuple(fc.constant('setMinWithdraw'), fc.tuple(fc.integer({ min: 0, max: 20_000_000 }))),
        fc.tuple(fc.constant('setRefundBudget'), fc.tuple(fc.integer({ min: 0, max: 3_000_000 }))),
        fc.tuple(fc.constant('pause'), fc.constant([] as number[])),
        fc.tuple(fc.constant('unpause'), fc.constant([] as number[])),
      ),
    }).map(({ kind, who, call }) => ({ kind, who, fn: call[0], args: call[1] as number[] })),
  },
)

type State = Record<string, string | bigint | boolean>
const CODE = /^Error while executing dApp: (paused|fee|payment|registered|referrer|pow|balance|admin|config): /

async function send(s: Step): Promise<{ ok: boolean; id: string; body: any }> {
  const actor = actors[s.who]!
  let tx
  if (s.kind === 'register') {
    const referrer = s.referrer === 'root' ? p.dApp : s.referrer === 'garbage' ? 'not an address' : actors[s.referrer]!.address
    tx = await registerTx(p, actor.seed, referrer)
  } else if (s.kind === 'fund') tx = invokeTx(p, actor.seed, 'fund', [], { amount: s.amount })
  else if (s.kind === 'withdraw') tx = invokeTx(p, actor.seed, 'withdraw')
  else tx = invokeTx(p, actor.seed, s.fn, s.args)
  const answer = await p.api.broadcast(tx)
  return { ok: answer.status === 200, id: tx.id, body: answer.body }
}

const ints = (state: State, pattern: RegExp) =>
  Object.entries(state).filter(([k]) => pattern.test(k)).map(([k, v]) => [k, v as bigint] as const)

function checkInvariants(s: Step, sent: { ok: boolean; id: string; body: any }, before: State, after: State, dAppWaves: bigint) {
  const label = `${JSON.stringify(s, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))} -> ${sent.ok ? 'ok' : sent.body.message}`
  if (!sent.ok) {
    expect(sent.body.error, label).toBe(306)
    expect(sent.body.message, label).toMatch(CODE)
    expect(after, label).toEqual(before)
    return
  }
  // nothing negative; the dApp's WAVES cover every balance and the reserve
  const balances = ints(after, /_balance$/)
  for (const [key, value] of [...balances, ...ints(after, /^gas_reserve$|^refunds_\d+$|^stats_/)]) expect(value, `${label}: ${key}`).toBeGreaterThanOrEqual(0n)
  const owed = balances.reduce((sum, [, v]) => sum + v, 0n)
  const reserve = (after['gas_reserve'] as bigint | undefined) ?? 0n
  expect(dAppWaves, label).toBeGreaterThanOrEqual(owed + reserve)
  // credits: of this fund, and of all funds, against payments and withdrawals
  const records = Object.entries(after).filter(([k]) => k.startsWith('fund_'))
  const amountOf = (v: unknown) => BigInt(String(v).split(':')[1]!)
  if (s.kind === 'fund') {
    const mine = records.filter(([k]) => k.endsWith(`_${sent.id}`))
    expect(mine.reduce((sum, [, v]) => sum + amountOf(v), 0n), label).toBe(s.amount)
    for (const [, v] of mine) expect(String(v).split(':')[0], label).toBe(actors[s.who]!.address)
  }
  const funded = (after['stats_funded'] as bigint | undefined) ?? 0n
  const withdrawn = (after['stats_withdrawn'] as bigint | undefined) ?? 0n
  expect(records.reduce((sum, [, v]) => sum + amountOf(v), 0n), label).toBe(funded)
  expect(Object.entries(after).filter(([k]) => k.startsWith('withdraw_')).reduce((sum, [, v]) => sum + BigInt(String(v).split(':')[0]!), 0n), label).toBe(withdrawn)
  expect(owed, label).toBe(funded - withdrawn)
  // one referrer each, set once, mirrored by exactly one referral key; counts agree
  const referers = Object.entries(after).filter(([k]) => k.endsWith('_referer')).map(([k, v]) => [k.slice(0, -'_referer'.length), String(v)] as const)
  for (const [user, referrer] of Object.entries(before).filter(([k]) => k.endsWith('_referer'))) expect(after[user], label).toBe(referrer)
  const referrals = Object.keys(after).filter((k) => k.includes('_referral_'))
  expect(referrals.sort(), label).toEqual(referers.map(([u, r]) => `${r}_referral_${u}`).sort())
  for (const [key, count] of ints(after, /_referrals$/)) {
    expect(BigInt(referrals.filter((k) => k.startsWith(`${key.slice(0, -'_referrals'.length)}_referral_`)).length), label).toBe(count)
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

it('keeps the invariants over random sequences of calls', { timeout: 300_000 }, async () => {
  let steps = 0
  let accepted = 0
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 16, maxLength: 16 }), async (sequence) => {
      await p.reset()
      let before = await dataOf(p, '.*')
      for (const s of sequence) {
        const sent = await send(s)
        const after = await dataOf(p, '.*')
        checkInvariants(s, sent, before, after, await wavesOf(p, p.dApp))
        before = after
        steps++
        if (sent.ok) accepted++
      }
    }),
    { seed: 20270104, numRuns: 5, endOnFailure: true },
  )
  // the sequences must exercise the contract, not only its refusals
  expect(steps).toBe(80)
  expect(accepted).toBeGreaterThan(30)
})

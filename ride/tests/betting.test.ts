// The host example ride/examples/betting.ride: a separate betting dApp that pays the standalone program
// (ride/affiliate.ride) inside each bet by `invoke` of fundFor, once the program's admin lists it as a host.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, account, blockTimeOf, dataOf, invoke, register, startProgram, wavesOf } from '../../test/affiliate.ts'
import { RICH_SEED, client, wt } from '../../test/waves.ts'
import { compileRide } from '../compile.ts'

const admin = account('admin')
const host = account('betting host')
const compiled = compileRide(join(import.meta.dirname, '..', 'examples', 'betting.ride'))
let p: Program
let alice: string, bob: string, root: string

/** A signed invoke of the betting host (not broadcast). Fee 0.005 WAVES. */
const hostTx = (signer: string, fn: string, args: (string | number)[], payment?: bigint) =>
  wt.invokeScript(
    {
      dApp: host.address,
      call: { function: fn, args: args.map((value) => (typeof value === 'string' ? { type: 'string', value } : { type: 'integer', value })) },
      payment: payment === undefined ? [] : [{ amount: payment.toString(), assetId: null }],
      fee: 500_000,
      chainId: 'R',
      timestamp: p.now(),
    } as never,
    signer,
  )

async function accepted(tx: { id: string }) {
  const answer = await p.api.broadcast(tx)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
}

beforeAll(async () => {
  p = await startProgram({ admin: admin.address, config: { powBits: 0 }, startTime: TEST_START })
  ;[alice, bob, root] = [p.users.alice.address, p.users.bob.address, p.dApp]
  await register(p, p.users.alice.seed, root)
  await register(p, p.users.bob.seed, alice)
  await accepted(wt.transfer({ recipient: host.address, amount: 10_00000000, chainId: 'R', timestamp: p.now() }, RICH_SEED))
  await accepted(wt.setScript({ script: `base64:${compiled.base64}`, fee: 300_000, chainId: 'R', timestamp: p.now() } as never, host.seed))
  await accepted(hostTx(host.seed, 'setAffiliate', [root]))
  await p.save()
})

afterAll(() => p.close())

describe('betting host by invoke', () => {
  it('is small: it calls the program instead of carrying it', () => {
    expect(compiled).toMatchObject({ size: 2956, complexity: 213, callableComplexities: { setAffiliate: 10, bet: 213, resolve: 29, claim: 99 } })
  })

  it('a bet of a host not listed is refused with the program\'s own text; nothing is written', async () => {
    await p.reset()
    const before = await dataOf(p, '.*')
    expect(await p.api.broadcast(hostTx(p.users.bob.seed, 'bet', [1], 100_000_000n))).toMatchObject({
      status: 400,
      body: { error: 306, message: 'Error while executing dApp: host: caller is not a host' },
    })
    expect(await dataOf(p, '.*')).toEqual(before)
  })

  it('a bet pays the house share to the program by fundFor: the bettor\'s chain is credited, nothing refunded', async () => {
    await p.reset()
    expect((await invoke(p, admin.seed, 'addHost', [host.address])).status).toBe(200)
    const reserve = (await dataOf(p, 'gas_reserve'))['gas_reserve']
    const bobBefore = await wavesOf(p, bob)
    const tx = hostTx(p.users.bob.seed, 'bet', [1], 100_000_000n)
    await accepted(tx)
    const ts = await blockTimeOf(p, tx.id)
    // 5% of 1 WAVES = 5,000,000 for the program: alice l1 500,000, bob cashback 50,000, the root 4,450,000
    expect(await dataOf(p, `.*_balance_WAVES|fund_.*|owed_WAVES|${bob}_paid_WAVES|gas_reserve`)).toEqual({
      [`${alice}_balance_WAVES`]: 500_000n,
      [`${bob}_balance_WAVES`]: 50_000n,
      [`${root}_balance_WAVES`]: 4_450_000n,
      [`fund_${alice}_1`]: `${bob}:500000:l1:${ts}:WAVES:${tx.id}`,
      [`fund_${bob}_1`]: `${bob}:50000:cashback:${ts}:WAVES:${tx.id}`,
      [`fund_${root}_1`]: `${bob}:4450000:change:${ts}:WAVES:${tx.id}`,
      owed_WAVES: 5_000_000n,
      [`${bob}_paid_WAVES`]: 5_000_000n,
      gas_reserve: reserve,
    })
    const hostData = (await client(p.node.url).get(`/addresses/data/${host.address}`)).body.map((e: { key: string; value: unknown }) => [e.key, e.value])
    expect(Object.fromEntries(hostData)).toEqual({
      config_affiliate: root,
      round_1_pot_1: 95_000_000,
      [`round_1_stake_1_${bob}`]: 95_000_000,
      [`bet_${bob}_${tx.id}`]: `1:1:100000000:95000000:${ts}`,
    })
    const info = (await p.api.get(`/transactions/info/${tx.id}`)).body
    expect(info.stateChanges.invokes).toHaveLength(1)
    expect(info.stateChanges.invokes[0]).toMatchObject({ dApp: root, call: { function: 'fundFor', args: [{ type: 'String', value: bob }] }, payment: [{ assetId: null, amount: 5_000_000 }] })
    expect(info.stateChanges.invokes[0].stateChanges.transfers).toEqual([])
    expect(await wavesOf(p, bob)).toBe(bobBefore - 100_000_000n - 500_000n)
    expect(await wavesOf(p, host.address)).toBe(10_00000000n - 300_000n - 500_000n + 95_000_000n)
  })

  it('the winner claims both pots; the program\'s members withdraw on the program', async () => {
    await p.reset()
    expect((await invoke(p, admin.seed, 'addHost', [host.address])).status).toBe(200)
    await accepted(hostTx(p.users.bob.seed, 'bet', [1], 100_000_000n))
    await accepted(hostTx(p.users.carol.seed, 'bet', [0], 200_000_000n)) // carol is not registered: all change
    expect(await p.api.broadcast(hostTx(p.users.bob.seed, 'resolve', [1]))).toMatchObject({ status: 400, body: { error: 306, message: 'Error while executing dApp: bet: only the dApp itself' } })
    await accepted(hostTx(host.seed, 'resolve', [1]))
    const before = await wavesOf(p, bob)
    await accepted(hostTx(p.users.bob.seed, 'claim', [1]))
    expect(await wavesOf(p, bob)).toBe(before + 285_000_000n - 500_000n)
    expect(await p.api.broadcast(hostTx(p.users.carol.seed, 'claim', [1]))).toMatchObject({ status: 400, body: { error: 306, message: 'Error while executing dApp: bet: nothing to claim' } })
    expect(await dataOf(p, `${root}_balance_WAVES|owed_WAVES`)).toEqual({ [`${root}_balance_WAVES`]: 4_450_000n + 10_000_000n, owed_WAVES: 15_000_000n })
    const aliceBefore = await wavesOf(p, alice)
    expect((await invoke(p, p.users.alice.seed, 'withdraw')).status).toBe(200)
    expect(await wavesOf(p, alice)).toBe(aliceBefore + 500_000n - 500_000n) // below min_withdraw: no refund
  })
})

// Administration: init, the setters, pause and the asset, by the admin or the dApp itself
// (ride/README.md#callables, #config-keys). Strangers are refused in attacks.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, account, changesOf, dataOf, invoke, invokeTx, refusal, register, registerTx, startProgram, wavesOf } from '../../test/affiliate.ts'
import { crypto, wt } from '../../test/waves.ts'

const admin = account('admin')
let p: Program

beforeAll(async () => {
  p = await startProgram({ admin: admin.address, config: { powBits: 0 }, startTime: TEST_START })
  await p.save()
})

afterAll(() => p.close())

const config = () => dataOf(p, 'config_.*')

describe('init', () => {
  it('ran once at deploy: config_admin and config_root; a second init is refused, a stranger\'s too', async () => {
    await p.reset()
    expect(await config()).toEqual({ config_admin: admin.address, config_root: p.dApp, config_pow_bits: 0n })
    expect(await dataOf(p, 'version')).toEqual({ version: 2n })
    expect(await invoke(p, p.dAppSeed, 'init', [admin.address, p.dApp])).toMatchObject(refusal('admin: already initialized'))
    expect(await invoke(p, admin.seed, 'init', [admin.address, p.dApp])).toMatchObject(refusal('admin: only the dApp can init'))
  })

  it('checks its addresses: a valid admin of this chain, a root without a referrer', async () => {
    // Back to an uninitialized program: the account key deletes config_admin, before its verifier is set.
    const q = await startProgram({ verifier: false, admin: admin.address, config: { powBits: 0 }, startTime: TEST_START })
    try {
      await register(q, q.users.alice.seed, q.dApp)
      const erase = wt.data({ data: [{ key: 'config_admin', type: null, value: null }], chainId: 'R', timestamp: q.now() } as never, q.dAppSeed)
      expect((await q.api.broadcast(erase)).status).toBe(200)
      expect(await invoke(q, q.dAppSeed, 'init', ['not an address', q.dApp])).toMatchObject(refusal('config: invalid address'))
      expect(await invoke(q, q.dAppSeed, 'init', [admin.address, q.users.alice.address])).toMatchObject(refusal('config: root is registered'))
      // the script runs before the self-payment check (InvokeDiffsCommon.checkActions), and init takes no payment
      expect(await invoke(q, q.dAppSeed, 'init', [admin.address, q.dApp], { amount: 1n })).toMatchObject(refusal('payment: no payments allowed'))
      expect((await invoke(q, q.dAppSeed, 'init', [q.users.bob.address, q.users.frank.address])).status).toBe(200)
      expect(await dataOf(q, 'config_admin|config_root')).toEqual({ config_admin: q.users.bob.address, config_root: q.users.frank.address })
    } finally {
      await q.close()
    }
  })
})

describe('setters, by the admin', () => {
  it('write their config keys', async () => {
    await p.reset()
    const set = async (fn: string, args: (string | number)[]) => {
      const tx = invokeTx(p, admin.seed, fn, args)
      expect((await p.api.broadcast(tx)).status).toBe(200)
      return (await changesOf(p, tx.id)).data
    }
    expect(await set('setRates', [200, 100, 50, 20])).toEqual([
      { key: 'config_rate_l1', type: 'integer', value: 200 },
      { key: 'config_rate_l2', type: 'integer', value: 100 },
      { key: 'config_rate_l3', type: 'integer', value: 50 },
      { key: 'config_rate_cashback', type: 'integer', value: 20 },
    ])
    expect(await set('setPowBits', [28])).toEqual([{ key: 'config_pow_bits', type: 'integer', value: 28 }])
    expect(await set('setMinFund', [1_000_000_000_000])).toEqual([{ key: 'config_min_fund', type: 'integer', value: 1_000_000_000_000 }])
    expect(await set('setMinWithdraw', [0])).toEqual([{ key: 'config_min_withdraw', type: 'integer', value: 0 }])
    expect(await set('setMinReferrerPaid', [5])).toEqual([{ key: 'config_min_referrer_paid', type: 'integer', value: 5 }])
    expect(await set('setRefundBudget', [0, 1_000_000_000])).toEqual([
      { key: 'config_refund_budget', type: 'integer', value: 0 },
      { key: 'config_refund_share', type: 'integer', value: 1_000_000_000 },
    ])
    expect(await set('setUpgradeDelay', [43_200])).toEqual([{ key: 'config_upgrade_delay', type: 'integer', value: 43_200 }])
    expect(await set('addHost', [p.users.erin.address])).toEqual([{ key: 'config_hosts', type: 'string', value: p.users.erin.address }])
    expect(await set('addHost', [p.users.dave.address])).toEqual([{ key: 'config_hosts', type: 'string', value: `${p.users.erin.address},${p.users.dave.address}` }])
    expect(await set('removeHost', [p.users.dave.address])).toEqual([{ key: 'config_hosts', type: 'string', value: p.users.erin.address }])
    expect(await set('pause', [])).toEqual([{ key: 'config_paused', type: 'boolean', value: true }])
    expect(await set('unpause', [])).toEqual([{ key: 'config_paused', type: 'boolean', value: false }])
    expect(await set('setRoot', [p.users.frank.address])).toEqual([{ key: 'config_root', type: 'string', value: p.users.frank.address }])
    expect(await set('setAdmin', [p.users.bob.address])).toEqual([{ key: 'config_admin', type: 'string', value: p.users.bob.address }])
    // the former admin is a stranger now; the dApp itself always administers
    expect(await invoke(p, admin.seed, 'pause')).toMatchObject(refusal('admin: caller is not admin'))
    expect((await invoke(p, p.dAppSeed, 'setAdmin', [admin.address])).status).toBe(200)
  })

  it('refuse values out of range, each with its message', async () => {
    await p.reset()
    await register(p, p.users.alice.seed, p.dApp)
    const refused = async (fn: string, args: (string | number | Uint8Array)[], text: Parameters<typeof refusal>[0]) =>
      expect(await invoke(p, admin.seed, fn, args), `${fn}(${args.join(', ')})`).toMatchObject(refusal(text))
    await refused('setRates', [-1, 0, 0, 0], 'config: rates must be >= 0')
    await refused('setRates', [0, 0, 0, -5], 'config: rates must be >= 0')
    await refused('setRates', [1000, 1, 0, 0], 'config: rates sum above 1000')
    await refused('setPowBits', [29], 'config: pow bits must be 0..28')
    await refused('setPowBits', [-1], 'config: pow bits must be 0..28')
    await refused('setMinFund', [0], 'config: min fund must be 1..1000000000000')
    await refused('setMinFund', [1_000_000_000_001], 'config: min fund must be 1..1000000000000')
    await refused('setMinWithdraw', [-1], 'config: min withdraw must be 0..1000000000000')
    await refused('setMinReferrerPaid', [1_000_000_000_001], 'config: min referrer paid must be 0..1000000000000')
    await refused('setRefundBudget', [-1, 0], 'config: refund budget must be 0..100000000000')
    await refused('setRefundBudget', [100_000_000_001, 0], 'config: refund budget must be 0..100000000000')
    await refused('setRefundBudget', [0, 1_000_000_001], 'config: refund share must be 0..1000000000')
    await refused('setUpgradeDelay', [1_439], 'config: upgrade delay must be 1440..43200')
    await refused('setUpgradeDelay', [43_201], 'config: upgrade delay must be 1440..43200')
    await refused('addHost', ['not an address'], 'config: invalid address')
    await refused('removeHost', [p.users.erin.address], 'config: not a host')
    await refused('removeHost', ['3'], 'config: invalid address')
    await refused('setAdmin', ['3MxyzNotAnAddress'], 'config: invalid address')
    await refused('setAdmin', [crypto.address(admin.seed, 'W')], 'config: invalid address')
    await refused('setRoot', [p.users.alice.address], 'config: root is registered')
    await refused('setAsset', ['not base58 0OIl!', 1, 0, 0], 'config: invalid asset')
    // past the id's characters (a FOLD<44>) setAsset has spent more than 1,000: a node stores the call as failed, fee taken
    for (const bytes of [32, 26]) {
      const tx = invokeTx(p, admin.seed, 'setAsset', [crypto.base58Encode(new Uint8Array(bytes).fill(7)), 1, 0, 0])
      expect((await p.api.broadcast(tx)).status, `setAsset of ${bytes} bytes`).toBe(200)
      const info = (await p.api.get(`/transactions/info/${tx.id}`)).body
      expect(info, `setAsset of ${bytes} bytes`).toMatchObject({ applicationStatus: 'script_execution_failed', stateChanges: { error: { text: 'config: invalid asset' } } })
    }
    await refused('setAsset', ['WAVES', 0, 0, 0], 'config: min fund must be 1..1000000000000')
    await refused('announceUpgrade', [new Uint8Array(31)], 'config: script hash must be 32 bytes')
    expect(await invoke(p, admin.seed, 'pause', [], { amount: 1n })).toMatchObject(refusal('payment: no payments allowed'))
    expect(await config()).toEqual({ config_admin: admin.address, config_root: p.dApp, config_pow_bits: 0n })
  })
})

describe('hosts', () => {
  it('at most 10, each once', async () => {
    await p.reset()
    const hosts = Array.from({ length: 10 }, (_, i) => account(`host ${i}`).address)
    for (const host of hosts) expect((await invoke(p, admin.seed, 'addHost', [host])).status).toBe(200)
    expect(await invoke(p, admin.seed, 'addHost', [hosts[3]!])).toMatchObject(refusal('config: already a host'))
    expect(await invoke(p, admin.seed, 'addHost', [p.users.frank.address])).toMatchObject(refusal('config: at most 10 hosts'))
    expect((await invoke(p, admin.seed, 'removeHost', [hosts[0]!])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'removeHost', [hosts[9]!])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'removeHost', [hosts[4]!])).status).toBe(200)
    expect(await dataOf(p, 'config_hosts')).toEqual({ config_hosts: [1, 2, 3, 5, 6, 7, 8].map((k) => hosts[k]).join(',') })
  })
})

describe('upgrade announcement', () => {
  it('announceUpgrade writes the hash and the first height it may be set at; cancelUpgrade deletes both', async () => {
    await p.reset()
    const hash = crypto.blake2b(Uint8Array.from([1, 2, 3]))
    const tx = invokeTx(p, admin.seed, 'announceUpgrade', [hash])
    expect((await p.api.broadcast(tx)).status).toBe(200)
    const height = (await p.api.get(`/transactions/info/${tx.id}`)).body.height as number
    expect(await dataOf(p, 'upgrade_.*')).toEqual({ upgrade_hash: `base64:${Buffer.from(hash).toString('base64')}`, upgrade_height: BigInt(height + 1440) })
    expect(await invoke(p, p.users.stranger.seed, 'cancelUpgrade')).toMatchObject(refusal('admin: caller is not admin'))
    expect((await invoke(p, admin.seed, 'cancelUpgrade')).status).toBe(200)
    expect(await dataOf(p, 'upgrade_.*')).toEqual({})
  })
})

describe('pause', () => {
  it('stops register, fund and fundFor; withdraw and administration go on', async () => {
    await p.reset()
    await register(p, p.users.alice.seed, p.dApp)
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
    expect((await invoke(p, admin.seed, 'addHost', [p.users.frank.address])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'pause')).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, p.users.bob.seed, p.users.alice.address))).toMatchObject(refusal('paused: program is paused'))
    expect(await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100_000_000n })).toMatchObject(refusal('paused: program is paused'))
    expect(await invoke(p, p.users.frank.seed, 'fundFor', [p.users.alice.address], { amount: 100_000_000n })).toMatchObject(refusal('paused: program is paused'))
    expect((await invoke(p, p.users.alice.seed, 'withdraw')).status).toBe(200)
    expect((await invoke(p, admin.seed, 'setRates', [1, 2, 3, 4])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'unpause')).status).toBe(200)
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
  })
})

describe('the program\'s asset', () => {
  it('setAsset at any time: old balances stay owed in their asset; fund and withdraw move the new one', async () => {
    await p.reset()
    const { alice, bob } = p.users
    await register(p, alice.seed, p.dApp)
    await register(p, bob.seed, alice.address)
    expect((await invoke(p, bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
    const issue = wt.issue({ name: 'Points', description: '', quantity: 1_000_000, decimals: 2, reissuable: false, chainId: 'R', timestamp: p.now() }, bob.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    const set = invokeTx(p, admin.seed, 'setAsset', [issue.id, 500, 100, 1_000])
    expect((await p.api.broadcast(set)).status).toBe(200)
    expect((await changesOf(p, set.id)).data).toEqual([
      { key: 'config_asset', type: 'string', value: issue.id },
      { key: 'assets', type: 'string', value: `WAVES,${issue.id}` },
      { key: 'config_min_fund', type: 'integer', value: 500 },
      { key: 'config_min_withdraw', type: 'integer', value: 100 },
      { key: 'config_min_referrer_paid', type: 'integer', value: 1_000 },
    ])
    expect(await invoke(p, bob.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal(`payment: asset must be ${issue.id}`))
    expect(await invoke(p, bob.seed, 'fund', [], { amount: 499n, assetId: issue.id })).toMatchObject(refusal('payment: amount below minimum 500'))
    expect((await invoke(p, bob.seed, 'fund', [], { amount: 1_000n, assetId: issue.id })).status).toBe(200)
    expect(await dataOf(p, '.*_balance_.*|owed_.*')).toEqual({
      [`${alice.address}_balance_WAVES`]: 10_000_000n,
      [`${bob.address}_balance_WAVES`]: 1_000_000n,
      [`${p.dApp}_balance_WAVES`]: 89_000_000n,
      [`${alice.address}_balance_${issue.id}`]: 100n,
      [`${bob.address}_balance_${issue.id}`]: 10n,
      [`${p.dApp}_balance_${issue.id}`]: 890n,
      owed_WAVES: 100_000_000n,
      [`owed_${issue.id}`]: 1_000n,
    })
    const asset = async (who: string) => (await p.api.get(`/assets/balance/${who}/${issue.id}`)).body.balance as number
    const wavesBefore = await wavesOf(p, alice.address)
    expect((await invoke(p, alice.seed, 'withdraw')).status).toBe(200)
    expect(await asset(alice.address)).toBe(100)
    expect(await asset(p.dApp)).toBe(900)
    expect(await wavesOf(p, alice.address)).toBe(wavesBefore + 10_000_000n) // and the fee came back: 100 >= min_withdraw 100
    // back to WAVES: the token stays listed while it is owed; WAVES is not listed twice
    expect((await invoke(p, admin.seed, 'setAsset', ['WAVES', 1_000_000, 1_000_000, 0])).status).toBe(200)
    expect(await dataOf(p, 'assets|config_asset')).toEqual({ assets: `${issue.id},WAVES`, config_asset: 'WAVES' })
    // once nothing is owed in the token, the next change drops it from the list
    expect((await invoke(p, bob.seed, 'withdraw')).status).toBe(200)
    expect((await invoke(p, p.dAppSeed, 'withdraw')).status).toBe(200)
    expect(await dataOf(p, `owed_.*`)).toEqual({ owed_WAVES: 0n, [`owed_${issue.id}`]: 0n })
    expect((await invoke(p, admin.seed, 'setAsset', ['WAVES', 1_000_000, 1_000_000, 0])).status).toBe(200)
    expect(await dataOf(p, 'assets')).toEqual({ assets: 'WAVES' })
  })
})

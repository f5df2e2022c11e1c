// Administration: init, the setters, pause and the asset, by the admin or the dApp itself
// (ride/README.md#callables, #config-keys). Strangers are refused in attacks.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, account, changesOf, dataOf, invoke, invokeTx, refusal, register, registerTx, startProgram } from '../../test/affiliate.ts'
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
    expect(await invoke(p, p.dAppSeed, 'init', [admin.address, p.dApp])).toMatchObject(refusal('admin: already initialized'))
    expect(await invoke(p, admin.seed, 'init', [admin.address, p.dApp])).toMatchObject(refusal('admin: only the dApp can init'))
  })

  it('checks its addresses: a valid admin of this chain, a root without a referrer', async () => {
    await p.reset()
    await register(p, p.users.alice.seed, p.dApp)
    // Back to an uninitialized program: the account key deletes config_admin.
    const erase = wt.data({ data: [{ key: 'config_admin', type: null, value: null }], chainId: 'R', timestamp: p.now() } as never, p.dAppSeed)
    expect((await p.api.broadcast(erase)).status).toBe(200)
    expect(await invoke(p, p.dAppSeed, 'init', ['not an address', p.dApp])).toMatchObject(refusal('config: invalid address'))
    expect(await invoke(p, p.dAppSeed, 'init', [admin.address, p.users.alice.address])).toMatchObject(refusal('config: root is registered'))
    expect(await invoke(p, p.dAppSeed, 'init', [admin.address, p.dApp], { amount: 1n })).toMatchObject({ status: 400, body: { error: 199, message: 'DApp self-payment is forbidden since V4' } })
    expect((await invoke(p, p.dAppSeed, 'init', [p.users.bob.address, p.users.frank.address])).status).toBe(200)
    expect(await dataOf(p, 'config_admin|config_root')).toEqual({ config_admin: p.users.bob.address, config_root: p.users.frank.address })
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
    expect(await set('setPowBits', [64])).toEqual([{ key: 'config_pow_bits', type: 'integer', value: 64 }])
    expect(await set('setMinWithdraw', [5])).toEqual([{ key: 'config_min_withdraw', type: 'integer', value: 5 }])
    expect(await set('setMaxFee', [500_000])).toEqual([{ key: 'config_max_fee', type: 'integer', value: 500_000 }])
    expect(await set('setRefundBudget', [0])).toEqual([{ key: 'config_refund_budget', type: 'integer', value: 0 }])
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
    const refused = async (fn: string, args: (string | number)[], text: Parameters<typeof refusal>[0]) =>
      expect(await invoke(p, admin.seed, fn, args), `${fn}(${args.join(', ')})`).toMatchObject(refusal(text))
    await refused('setRates', [-1, 0, 0, 0], 'config: rates must be >= 0')
    await refused('setRates', [0, 0, 0, -5], 'config: rates must be >= 0')
    await refused('setRates', [1000, 1, 0, 0], 'config: rates sum above 1000')
    await refused('setPowBits', [65], 'config: pow bits must be 0..64')
    await refused('setPowBits', [-1], 'config: pow bits must be 0..64')
    await refused('setMinWithdraw', [0], 'config: min withdraw must be >= 1')
    await refused('setMaxFee', [499_999], 'config: max fee must be >= 500000')
    await refused('setRefundBudget', [-1], 'config: refund budget must be >= 0')
    await refused('setAdmin', ['3MxyzNotAnAddress'], 'config: invalid address')
    await refused('setAdmin', [crypto.address(admin.seed, 'W')], 'config: invalid address')
    await refused('setRoot', [p.users.alice.address], 'config: root is registered')
    await refused('setAsset', ['not base58 0OIl!'], 'config: invalid asset')
    await refused('setAsset', [crypto.base58Encode(new Uint8Array(32).fill(7))], 'config: invalid asset')
    await refused('setAsset', [crypto.base58Encode(new Uint8Array(26).fill(7))], 'config: invalid asset')
    expect(await invoke(p, admin.seed, 'pause', [], { amount: 1n })).toMatchObject(refusal('payment: no payments allowed'))
    expect(await config()).toEqual({ config_admin: admin.address, config_root: p.dApp, config_pow_bits: 0n })
  })
})

describe('pause', () => {
  it('stops register, fund and withdraw; administration goes on', async () => {
    await p.reset()
    await register(p, p.users.alice.seed, p.dApp)
    expect((await invoke(p, admin.seed, 'pause')).status).toBe(200)
    expect(await p.api.broadcast(await registerTx(p, p.users.bob.seed, p.users.alice.address))).toMatchObject(refusal('paused: program is paused'))
    expect(await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100n })).toMatchObject(refusal('paused: program is paused'))
    expect(await invoke(p, p.users.alice.seed, 'withdraw')).toMatchObject(refusal('paused: program is paused'))
    expect((await invoke(p, admin.seed, 'setRates', [1, 2, 3, 4])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'unpause')).status).toBe(200)
    expect((await invoke(p, p.users.alice.seed, 'fund', [], { amount: 100n })).status).toBe(200)
  })
})

describe('the program\'s asset', () => {
  it('setAsset: any existing asset while nothing is owed; then fund and withdraw move that asset', async () => {
    await p.reset()
    const { alice, bob } = p.users
    await register(p, alice.seed, p.dApp)
    await register(p, bob.seed, alice.address)
    const issue = wt.issue({ name: 'Points', description: '', quantity: 1_000_000, decimals: 2, reissuable: false, chainId: 'R', timestamp: p.now() }, bob.seed)
    expect((await p.api.broadcast(issue)).status).toBe(200)
    expect((await invoke(p, admin.seed, 'setAsset', [issue.id])).status).toBe(200)
    expect(await invoke(p, bob.seed, 'fund', [], { amount: 1_000n })).toMatchObject(refusal(`payment: asset must be ${issue.id}`))
    expect((await invoke(p, bob.seed, 'fund', [], { amount: 1_000n, assetId: issue.id })).status).toBe(200)
    expect(await dataOf(p, '.*_balance')).toEqual({ [`${alice.address}_balance`]: 100n, [`${bob.address}_balance`]: 10n, [`${p.dApp}_balance`]: 890n })
    expect(await invoke(p, admin.seed, 'setAsset', ['WAVES'])).toMatchObject(refusal('config: balances outstanding'))
    const asset = async (who: string) => (await p.api.get(`/assets/balance/${who}/${issue.id}`)).body.balance as number
    expect(await asset(alice.address)).toBe(0)
    expect((await invoke(p, alice.seed, 'withdraw')).status).toBe(200)
    expect(await asset(alice.address)).toBe(100)
    expect(await asset(p.dApp)).toBe(900)
  })
})

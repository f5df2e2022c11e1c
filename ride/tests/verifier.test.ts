// The dApp account's @Verifier on a dev node, with signed transactions from the dApp's own key: what it refuses
// (attack 7 and every transaction type the operator does not need), the surplus it lets out, and the announced
// upgrade (ride/README.md, "The operator's key"). The node refuses with 307 before anything is applied.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, TEST_START, account, dataOf, invoke, invokeTx, register, startProgram, wavesOf } from '../../test/affiliate.ts'
import { RICH_SEED, crypto, wt } from '../../test/waves.ts'
import { compileRide } from '../compile.ts'

const REFUSED = { status: 400, body: { error: 307, message: 'Transaction is not allowed by account-script' } }
const admin = account('admin')
let p: Program
let alice: string, bob: string
let asset: string

beforeAll(async () => {
  p = await startProgram({ admin: admin.address, config: { powBits: 0, minFund: 1_000n }, startTime: TEST_START, devnode: { autoMine: false } })
  ;[alice, bob] = [p.users.alice.address, p.users.bob.address]
  await register(p, p.users.alice.seed, p.dApp)
  await register(p, p.users.bob.seed, alice)
  // bob pays 1 WAVES: alice 10,000,000, bob 1,000,000 of cashback, the dApp (the root) 89,000,000 of change
  expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 100_000_000n })).status).toBe(200)
  // and 1,000 units of an asset of his: 100 to alice, 10 to bob, 890 to the dApp
  const issue = wt.issue({ name: 'Points', description: '', quantity: 1_000_000, decimals: 0, reissuable: false, chainId: 'R', timestamp: p.now() }, p.users.bob.seed)
  expect((await p.api.broadcast(issue)).status).toBe(200)
  asset = issue.id
  expect((await invoke(p, admin.seed, 'setAsset', [asset, 1, 0, 0])).status).toBe(200)
  expect((await invoke(p, p.users.bob.seed, 'fund', [], { amount: 1_000n, assetId: asset })).status).toBe(200)
  await p.node.mine()
  await p.save()
})

afterAll(() => p.close())

const everything = () => dataOf(p, '.*')
const assetOf = async (address: string) => BigInt((await p.api.get(`/assets/balance/${address}/${asset}`)).body.balance)
/** WAVES the dApp holds beyond what it owes and reserves: what its key may spend. */
async function surplus(): Promise<bigint> {
  const { owed_WAVES: owed = 0n, gas_reserve: reserve = 0n } = (await dataOf(p, 'owed_WAVES|gas_reserve')) as Record<string, bigint>
  return (await wavesOf(p, p.dApp)) - owed - reserve
}
const transfer = (amount: bigint, assetId: string | null = null, fee = 500_000) =>
  wt.transfer({ recipient: p.users.stranger.address, amount: amount.toString(), assetId, fee, chainId: 'R', timestamp: p.now() } as never, p.dAppSeed)

describe('the dApp key', () => {
  it('7: a DataTransaction writing a balance is refused, nothing changes', async () => {
    await p.reset()
    const before = await everything()
    const forged = wt.data(
      { data: [{ key: `${bob}_balance_WAVES`, type: 'integer', value: 108_961_000_000 }], fee: 500_000, chainId: 'R', timestamp: p.now() } as never,
      p.dAppSeed,
    )
    expect(await p.api.broadcast(forged)).toMatchObject(REFUSED)
    const erase = wt.data({ data: [{ key: 'owed_WAVES', type: null, value: null }], fee: 500_000, chainId: 'R', timestamp: p.now() } as never, p.dAppSeed)
    expect(await p.api.broadcast(erase)).toMatchObject(REFUSED)
    await p.node.mine()
    expect(await everything()).toEqual(before)
    // bob still withdraws exactly what he was credited
    const withdraw = invokeTx(p, p.users.bob.seed, 'withdraw')
    expect((await p.api.broadcast(withdraw)).status).toBe(200)
    await p.node.mine()
    expect((await p.api.get(`/transactions/info/${withdraw.id}`)).body.stateChanges.transfers).toEqual([
      { address: bob, asset: null, amount: 1_000_000 },
      { address: bob, asset, amount: 10 },
      { address: bob, asset: null, amount: 500_000 },
    ])
  })

  it('transfers only the surplus: WAVES beyond owed + gas_reserve (fee included), an asset beyond what is owed in it', async () => {
    await p.reset()
    const free = await surplus()
    expect(free).toBeGreaterThan(500_000n)
    const held = await wavesOf(p, p.dApp)
    // one wavelet of what members are owed (or of the reserve) is one too many
    expect(await p.api.broadcast(transfer(free - 500_000n + 1n))).toMatchObject(REFUSED)
    expect((await p.api.broadcast(transfer(free - 500_000n))).status).toBe(200)
    await p.node.mine()
    expect(await surplus()).toBe(0n)
    expect(await wavesOf(p, p.dApp)).toBe(held - free)
    // nothing is free now, not even for a fee
    expect(await p.api.broadcast(transfer(1n))).toMatchObject(REFUSED)
    expect(await invoke(p, p.dAppSeed, 'pause')).toMatchObject(REFUSED)
    // the asset: all 1,000 units are owed (890 to the dApp itself, as root, until it withdraws them)
    await p.reset()
    expect(await assetOf(p.dApp)).toBe(1_000n)
    expect(await p.api.broadcast(transfer(1n, asset))).toMatchObject(REFUSED)
  })

  it('a top-up from anyone is surplus the key may send back; the root\'s own earnings after it withdraws them', async () => {
    await p.reset()
    const free = await surplus()
    const topUp = wt.transfer({ recipient: p.dApp, amount: 300_000_000, chainId: 'R', timestamp: p.now() }, RICH_SEED)
    expect((await p.api.broadcast(topUp)).status).toBe(200)
    await p.node.mine()
    expect(await surplus()).toBe(free + 300_000_000n)
    const back = transfer(free + 300_000_000n - 500_000n)
    expect((await p.api.broadcast(back)).status).toBe(200)
    await p.node.mine()
    expect(await surplus()).toBe(0n)
    // the dApp withdraws what it earned as root (a release, no transfer: fee from a new top-up), then sends it
    const fee = wt.transfer({ recipient: p.dApp, amount: 1_400_000, chainId: 'R', timestamp: p.now() }, RICH_SEED)
    expect((await p.api.broadcast(fee)).status).toBe(200)
    await p.node.mine()
    expect((await invoke(p, p.dAppSeed, 'withdraw')).status).toBe(200)
    await p.node.mine()
    expect(await dataOf(p, `${p.dApp}_balance_.*`)).toEqual({ [`${p.dApp}_balance_WAVES`]: 0n, [`${p.dApp}_balance_${asset}`]: 0n })
    expect(await surplus()).toBe(89_000_000n + 500_000n)
    expect(await p.api.broadcast(transfer(890n + 1n, asset))).toMatchObject(REFUSED)
    expect((await p.api.broadcast(transfer(890n, asset))).status).toBe(200)
    expect((await p.api.broadcast(transfer(89_000_000n - 500_000n))).status).toBe(200)
    await p.node.mine()
    expect(await surplus()).toBe(0n)
    expect(await assetOf(p.dApp)).toBe(110n)
    expect(await dataOf(p, `owed_.*`)).toEqual({ owed_WAVES: 11_000_000n, [`owed_${asset}`]: 110n })
  })

  it('calls its own administration, without payments; never a member call', async () => {
    await p.reset()
    expect((await invoke(p, p.dAppSeed, 'setMinFund', [2_000])).status).toBe(200)
    expect(await invoke(p, p.dAppSeed, 'setMinFund', [2_000], undefined, 500_000n)).toMatchObject({
      status: 400,
      body: { error: 112, message: 'State check failed. Reason: Transaction sent from smart account. Requires 400000 extra fee. Fee for InvokeScriptTransaction (500000 in WAVES) does not exceed minimal value of 900000 WAVES.' },
    })
    const stranger = account('verifier stranger')
    expect(await invoke(p, p.dAppSeed, 'register', [alice, 0])).toMatchObject(REFUSED)
    expect(await invoke(p, p.dAppSeed, 'fund', [], { amount: 1_000_000n })).toMatchObject(REFUSED)
    expect(await invoke(p, p.dAppSeed, 'fundFor', [stranger.address], { amount: 1_000_000n })).toMatchObject(REFUSED)
    expect(await invoke(p, p.dAppSeed, 'topUpGas', [], { amount: 1_000_000n })).toMatchObject(REFUSED)
    expect(await invoke(p, p.dAppSeed, 'setMinFund', [3_000], { amount: 1n, assetId: asset })).toMatchObject(REFUSED)
  })

  it('sends nothing else: mass transfer, lease, alias, issue, burn', async () => {
    await p.reset()
    const before = await everything()
    const base = { chainId: 'R', timestamp: p.now() }
    const txs = [
      wt.massTransfer({ ...base, transfers: [{ recipient: p.users.stranger.address, amount: 1 }], fee: 1_000_000 } as never, p.dAppSeed),
      wt.lease({ ...base, recipient: p.users.stranger.address, amount: 100_000_000, fee: 500_000 } as never, p.dAppSeed),
      wt.alias({ ...base, alias: 'affiliate', fee: 500_000 } as never, p.dAppSeed),
      wt.issue({ ...base, name: 'Mine', description: '', quantity: 1_000, decimals: 0, reissuable: true, fee: 100_400_000 } as never, p.dAppSeed),
      wt.burn({ ...base, assetId: asset, amount: 1, fee: 500_000 } as never, p.dAppSeed),
    ]
    for (const tx of txs) expect(await p.api.broadcast(tx), String(tx.type)).toMatchObject(REFUSED)
    await p.node.mine()
    expect(await everything()).toEqual(before)
  })
})

describe('the upgrade', () => {
  const next = compileRide(join(import.meta.dirname, '..', 'affiliate.ride'), { withoutVerifier: true })
  const other = compileRide(join(import.meta.dirname, '..', 'examples', 'betting.ride'))
  const setScript = (base64: string) => wt.setScript({ script: `base64:${base64}`, fee: 3_000_000, chainId: 'R', timestamp: p.now() } as never, p.dAppSeed)
  const hashOf = (base64: string) => crypto.blake2b(crypto.base64Decode(base64))

  it('a SetScript only of the announced script, only from upgrade_height on', async () => {
    await p.reset()
    // unannounced: refused
    expect(await p.api.broadcast(setScript(next.base64))).toMatchObject(REFUSED)
    expect((await invoke(p, admin.seed, 'announceUpgrade', [hashOf(next.base64)])).status).toBe(200)
    const announcedAt = await p.node.mine()
    const { upgrade_height: from } = (await dataOf(p, 'upgrade_height')) as { upgrade_height: bigint }
    expect(from).toBe(BigInt(announcedAt - 1 + 1440))
    // before the delay: refused, even the announced script
    while ((await p.node.mine()) < Number(from) - 1);
    expect((await p.api.get('/blocks/height')).body.height).toBe(Number(from) - 1)
    expect(await p.api.broadcast(setScript(next.base64))).toMatchObject(REFUSED)
    await p.node.mine()
    // from upgrade_height: another script is refused, the announced one accepted
    expect(await p.api.broadcast(setScript(other.base64))).toMatchObject(REFUSED)
    expect((await p.api.broadcast(setScript(next.base64))).status).toBe(200)
    await p.node.mine()
    expect((await p.api.get(`/addresses/scriptInfo/${p.dApp}`)).body).toMatchObject({ script: `base64:${next.base64}`, verifierComplexity: 0, extraFee: 0 })
  })

  it('a cancelled announcement allows no SetScript', async () => {
    await p.reset()
    expect((await invoke(p, admin.seed, 'announceUpgrade', [hashOf(next.base64)])).status).toBe(200)
    expect((await invoke(p, admin.seed, 'cancelUpgrade')).status).toBe(200)
    for (let k = 0; k < 1441; k++) await p.node.mine()
    expect(await p.api.broadcast(setScript(next.base64))).toMatchObject(REFUSED)
  })
})

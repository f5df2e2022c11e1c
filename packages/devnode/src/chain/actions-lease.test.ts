// Lease and LeaseCancel actions (node: InvokeDiffsCommon.foldActions applyLease/applyLeaseCancel over
// DiffsCommon.processLease and processLeaseCancel, checkLeaseCancels, checkScriptResultFields; the lease ids of
// Lease.calculateId; TransactionJsonSerializer's LeaseRef shape for stateChanges.leases and leaseCancels).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func lease(recipient: String, amount: Int) = {
  let l = Lease(addressFromStringValue(recipient), amount, 0)
  [l, BinaryEntry("lease", calculateLeaseId(l))]
}

@Callable(i)
func leaseAlias(alias: String, amount: Int) = {
  let l = Lease(Alias(alias), amount, 1)
  [l, BinaryEntry("aliasLease", calculateLeaseId(l))]
}

@Callable(i)
func cancel(id: String) = [LeaseCancel(fromBase58String(id))]

@Callable(i)
func cancelTwice(id: String) = [LeaseCancel(fromBase58String(id)), LeaseCancel(fromBase58String(id))]

@Callable(i)
func leaseThenSend(amount: Int) = [Lease(i.caller, amount, 2), ScriptTransfer(i.caller, 1, unit)]

@Callable(i)
func leaseSelf() = [Lease(this, 1, 0)]

@Callable(i)
func viaInvoke(recipient: String) = {
  strict r = invoke(this, "lease", [recipient, 5], [])
  []
}
`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('actions lease dapp')
const userSeed = seed('actions lease user')
const user = addressOf(userSeed)
let dApp: string
/** the dApp's WAVES: 10 less its SetScript fee for 2 KB (the caller pays the invokes) */
const REGULAR = 10_00000000 - 200_000

type Arg = { type: 'string'; value: string } | { type: 'integer'; value: number }
const s = (value: string): Arg => ({ type: 'string', value })
const n = (value: number): Arg => ({ type: 'integer', value })
const call = (fn: string, args: Arg[]) => wt.invokeScript({ dApp, call: { function: fn, args }, fee: 500_000, chainId: 'R' }, userSeed)
const refused = async (fn: string, args: Arg[]) => (await api.broadcast(call(fn, args))).body.message
const entryId = async (key: string) => {
  const [entry] = (await api.get(`/addresses/data/${dApp}?key=${key}`)).body
  return wt.libs.crypto.base58Encode(Buffer.from(entry.value.slice('base64:'.length), 'base64'))
}
const details = async (address: string) => (await api.get(`/addresses/balance/details/${address}`)).body

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = addressOf(dAppSeed)
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  const compiled = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body
  const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 200_000 }, dAppSeed))
  if (set.status !== 200) throw new Error(JSON.stringify(set.body))
  await api.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  await api.broadcast(wt.alias({ alias: 'leaseuser', chainId: 'R' }, userSeed))
})

afterAll(() => node.close())

describe('Lease and LeaseCancel actions', () => {
  let leaseId: string
  let leaseTx: string
  let leaseHeight: number

  it('leases under calculateLeaseId and prints the lease as the node does', async () => {
    const tx = call('lease', [s(user), n(3_00000000)])
    expect((await api.broadcast(tx)).status).toBe(200)
    leaseId = await entryId('lease')
    leaseTx = tx.id
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    leaseHeight = info.height
    expect(info.stateChanges.leases).toEqual([
      {
        id: leaseId,
        originTransactionId: tx.id,
        sender: dApp,
        recipient: user,
        amount: 3_00000000,
        height: leaseHeight,
        status: 'active',
        cancelHeight: null,
        cancelTransactionId: null,
      },
    ])
    expect(await details(dApp)).toMatchObject({ regular: REGULAR, available: REGULAR - 3_00000000, effective: REGULAR - 3_00000000 })
    expect((await details(user)).effective).toBe((await details(user)).regular + 3_00000000)
  })

  it('leases to an alias, the id from the alias name', async () => {
    const tx = call('leaseAlias', [s('leaseuser'), n(1_00000000)])
    expect((await api.broadcast(tx)).status).toBe(200)
    const lease = (await api.get(`/transactions/info/${tx.id}`)).body.stateChanges.leases[0]
    expect(lease).toMatchObject({ id: await entryId('aliasLease'), recipient: user, amount: 1_00000000, status: 'active' })
  })

  it('refuses what the node refuses: spending leased money, leasing to self or more than own, an amount of 0, a negative amount', async () => {
    expect(await refused('leaseThenSend', [n(REGULAR - 4_00000000)])).toBe(
      `Error while executing dApp: AccountBalanceError(Map(${dApp} -> negative effective balance: ${dApp}, old: (${REGULAR},LeaseBalance(0,${REGULAR})), new: (${REGULAR - 1},LeaseBalance(0,${REGULAR}))))`,
    )
    expect(await refused('leaseSelf', [])).toBe('Error while executing dApp: Cannot lease to self')
    expect(await refused('leaseAlias', [s('nobody'), n(1)])).toBe("Error while executing dApp: Alias 'alias:R:nobody' does not exist.")
    expect(await refused('lease', [s(user), n(REGULAR - 4_00000000 + 1)])).toBe(
      `Error while executing dApp: Cannot lease more than own: Balance: ${REGULAR}, already leased: 400000000`,
    )
    expect(await refused('lease', [s(user), n(0)])).toBe('Error while executing dApp: NonPositiveAmount(0,waves)')
    expect(await refused('lease', [s(user), n(-1)])).toBe('Error while executing dApp: GenericError(Negative lease amount = -1)')
  })

  it('cancels a lease; the cancel prints it canceled', async () => {
    expect(await refused('cancelTwice', [s(leaseId)])).toBe(`Error while executing dApp: Duplicate LeaseCancel id(s): ${leaseId}`)
    const tx = call('cancel', [s(leaseId)])
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.stateChanges.leaseCancels).toEqual([
      {
        id: leaseId,
        originTransactionId: leaseTx,
        sender: dApp,
        recipient: user,
        amount: 3_00000000,
        height: leaseHeight,
        status: 'canceled',
        cancelHeight: info.height,
        cancelTransactionId: tx.id,
      },
    ])
    expect((await details(dApp)).available).toBe(REGULAR - 1_00000000)
    // the invoke that leased prints the lease as it is now
    expect((await api.get(`/transactions/info/${leaseTx}`)).body.stateChanges.leases).toEqual(info.stateChanges.leaseCancels)
    expect(await refused('cancel', [s(leaseId)])).toBe('Error while executing dApp: Cannot cancel already cancelled lease')
    const unknown = wt.libs.crypto.base58Encode(new Uint8Array(32))
    expect(await refused('cancel', [s(unknown)])).toBe(`Error while executing dApp: Lease with id=${unknown} not found`)
  })

  it('leases inside a dApp-to-dApp call: the inner call prints the lease', async () => {
    const tx = call('viaInvoke', [s(user)])
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    const id = await entryId('lease')
    expect(info.stateChanges.leases).toEqual([])
    expect(info.stateChanges.invokes[0].stateChanges.leases).toEqual([
      { id, originTransactionId: tx.id, sender: dApp, recipient: user, amount: 5, height: info.height, status: 'active', cancelHeight: null, cancelTransactionId: null },
    ])
    expect((await api.get(`/leasing/info/${id}`)).body).toMatchObject({ id, status: 'active', amount: 5 })
  })
})

// Transactions as public test suites send them, read as a node 1.5.7 reads them.
//
// Older versions the node still accepts: the legacy binary bodies before protobuf (PBSince), version 1 of types 11 to
// 16 and version 2 of types 3 to 10. Their ids are the blake2b of those bodies, and their JSON has no chainId
// (BaseTxJson prints it from the protobuf version on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func note(text: String) = [StringEntry("note", text), IntegerEntry("paid", if (size(i.payments) == 0) then 0 else i.payments[0].amount)]

@Callable(i)
func default() = [BooleanEntry("defaulted", true)]

@Callable(i)
func keep(b: ByteVector) = [BinaryEntry("kept", b), IntegerEntry("keptSize", size(b))]
`
const dAppSeed = seed('legacy versions dapp')
const dApp = addressOf(dAppSeed)
const senderSeed = seed('legacy versions sender')
const sender = addressOf(senderSeed)
let node: Devnode

/** Transaction parameters with a version; the library's parameter types leave `version` out, its builders read it. */
function versioned<T extends object>(version: number, params: T): T {
  return { ...params, version }
}
let api: ReturnType<typeof client>

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploySource(api, dAppSeed, DAPP)
  const fund = wt.transfer({ recipient: sender, amount: 10_00000000, chainId: 'R' }, RICH_SEED)
  expect((await api.broadcast(fund)).status).toBe(200)
})

afterAll(() => node.close())

describe('InvokeScriptTransaction version 1', () => {
  it('is applied with its legacy body, printed without chainId', async () => {
    const tx = wt.invokeScript(versioned(1, { dApp, call: { function: 'note', args: [{ type: 'string', value: 'v1' }] }, payment: [{ amount: 7, assetId: null }], chainId: 'R' }),
      senderSeed,
    )
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id: tx.id, version: 1 })
    const info = await api.get(`/transactions/info/${tx.id}`)
    expect(info.status).toBe(200)
    expect(Object.keys(info.body as object).slice(0, 10)).toEqual([
      'type',
      'id',
      'fee',
      'feeAssetId',
      'timestamp',
      'version',
      'sender',
      'senderPublicKey',
      'proofs',
      'dApp',
    ])
    expect(info.body).toMatchObject({ type: 16, version: 1, sender, applicationStatus: 'succeeded' })
    expect((await api.get(`/addresses/data/${dApp}/note`)).body).toEqual({ key: 'note', type: 'string', value: 'v1' })
    expect((await api.get(`/addresses/data/${dApp}/paid`)).body).toEqual({ key: 'paid', type: 'integer', value: 7 })
  })

  it('calls the default callable when it has no call', async () => {
    const tx = wt.invokeScript(versioned(1, { dApp, call: null, payment: [], chainId: 'R' }), senderSeed)
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/addresses/data/${dApp}/defaulted`)).body).toEqual({ key: 'defaulted', type: 'boolean', value: true })
  })

  it('is limited to 5,120 bytes of the whole legacy transaction (InvokeScriptTxValidator.checkLength)', async () => {
    // 5,000 characters of argument fit in the protobuf invoke data but not in the legacy transaction with its fields
    const call = { function: 'note', args: [{ type: 'string' as const, value: 'x'.repeat(5_000) }] }
    const tx = wt.invokeScript(versioned(1, { dApp, call, payment: [{ amount: 1, assetId: null }], chainId: 'R' }), senderSeed)
    // InvokeScriptTxSerializer.toBytes: a 0 byte, the body, then Proofs.bytes (version 1, a count of 1, a 64-byte proof).
    // The body: 3 header bytes, 32 of key, 26 of dApp, 5,020 of call (option flag, tags, name, count, the string
    // argument's tag, length and 5,000 bytes), 13 of payments, 17 of fee, fee asset and timestamp.
    expect(wt.makeTxBytes(tx as unknown as Parameters<typeof wt.makeTxBytes>[0]).length).toBe(3 + 32 + 26 + 5_020 + 13 + 17)
    expect(await api.broadcast(tx)).toMatchObject({
      status: 400,
      body: { error: 199, message: 'InvokeScriptTransaction bytes length = 5181 exceeds limit = 5120' },
    })
    const v2 = wt.invokeScript(versioned(2, { dApp, call, payment: [{ amount: 1, assetId: null }], chainId: 'R' }), senderSeed)
    expect((await api.broadcast(v2)).status).toBe(200)
  })
})

describe('legacy versions of the other types', () => {
  it('applies data, mass transfer and set script of version 1 and transfer of version 2', async () => {
    const data = wt.data(versioned(1, { data: [{ key: 'legacy', type: 'integer' as const, value: 42 }], chainId: 'R' }), senderSeed)
    const mass = wt.massTransfer(versioned(1, { transfers: [{ recipient: dApp, amount: 5 }], chainId: 'R' }), senderSeed)
    const transfer = wt.transfer(versioned(2, { recipient: dApp, amount: 3, chainId: 'R' }), senderSeed)
    const setScript = wt.setScript(versioned(1, { script: null, chainId: 'R' }), senderSeed)
    const balance = async () => ((await api.get(`/addresses/balance/${dApp}`)).body as { balance: number }).balance
    const before = await balance()
    for (const tx of [data, mass, transfer, setScript]) {
      const answer = await api.broadcast(tx)
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({ id: tx.id, version: tx.version })
      expect(answer.body).not.toHaveProperty('chainId')
    }
    expect((await api.get(`/addresses/data/${sender}/legacy`)).body).toEqual({ key: 'legacy', type: 'integer', value: 42 })
    expect(await balance()).toBe(before + 8)
  })

  it('prints chainId from the protobuf version on', async () => {
    const transfer = wt.transfer(versioned(3, { recipient: dApp, amount: 1, chainId: 'R' }), senderSeed)
    expect((await api.broadcast(transfer)).body).toMatchObject({ id: transfer.id, version: 3, chainId: 82 })
  })

  it('refuses a deletion in a data transaction of version 1 (DataTxValidator)', async () => {
    const tx = wt.data(versioned(1, { data: [{ key: 'legacy', type: 'integer' as const, value: 1 }], chainId: 'R' }), senderSeed)
    const deleting = { ...tx, data: [{ key: 'legacy', value: null }] }
    expect(await api.broadcast(deleting)).toMatchObject({ status: 400, body: { error: 199, message: 'Empty data is not allowed in V1' } })
  })

  it('refuses the versions it does not read with the accepted range', async () => {
    const v3 = { ...wt.invokeScript({ dApp, call: { function: 'note', args: [] }, chainId: 'R' }, senderSeed), version: 3 }
    expect(await api.broadcast(v3)).toMatchObject({
      status: 400,
      body: { error: 199, message: 'waves-devnode accepts InvokeScriptTransaction versions 1 to 2, got version 3' },
    })
    const v1 = { ...wt.transfer({ recipient: dApp, amount: 1, chainId: 'R' }, senderSeed), version: 1 }
    expect(await api.broadcast(v1)).toMatchObject({
      status: 400,
      body: { error: 199, message: 'waves-devnode accepts TransferTransaction versions 2 to 3, got version 1' },
    })
  })
})

// Base64.decode, which the node's JSON readers use for binary arguments, binary data entries and scripts, strips an
// optional "base64:" prefix and decodes with java.util.Base64's basic decoder: padding may be left out.
describe('base64 in transactions, with or without its prefix', () => {
  it('reads a binary call argument without the prefix and prints it with it', async () => {
    const tx = wt.invokeScript({ dApp, call: { function: 'keep', args: [{ type: 'binary', value: 'V0FWRQ==' }] }, chainId: 'R' }, senderSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id: tx.id, call: { function: 'keep', args: [{ type: 'binary', value: 'base64:V0FWRQ==' }] } })
    expect((await api.get(`/addresses/data/${dApp}/kept`)).body).toEqual({ key: 'kept', type: 'binary', value: 'base64:V0FWRQ==' })
    expect((await api.get(`/addresses/data/${dApp}/keptSize`)).body).toEqual({ key: 'keptSize', type: 'integer', value: 4 })
  })

  it('reads an unpadded binary data entry without the prefix and prints it padded, with it', async () => {
    const signed = wt.data({ data: [{ key: 'raw', type: 'binary', value: 'base64:V0FWRQ==' }], chainId: 'R' }, senderSeed)
    // the same bytes, so the same body, id and signature
    const tx = { ...signed, data: [{ key: 'raw', type: 'binary', value: 'V0FWRQ' }] }
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id: tx.id, data: [{ key: 'raw', type: 'binary', value: 'base64:V0FWRQ==' }] })
    expect((await api.get(`/addresses/data/${sender}/raw`)).body).toEqual({ key: 'raw', type: 'binary', value: 'base64:V0FWRQ==' })
  })

  it('reads a script without the prefix', async () => {
    const scriptSeed = seed('legacy versions script without prefix')
    const fund = wt.transfer({ recipient: addressOf(scriptSeed), amount: 1_00000000, chainId: 'R' }, RICH_SEED)
    expect((await api.broadcast(fund)).status).toBe(200)
    // {-# STDLIB_VERSION 5 #-} {-# CONTENT_TYPE EXPRESSION #-} true, as the node's compiler writes it
    const tx = wt.setScript({ script: 'BQbtKNoM', chainId: 'R' }, scriptSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ id: tx.id, script: 'base64:BQbtKNoM' })
  })

  it('refuses what java.util.Base64 refuses: another alphabet, a broken padding, a lone last digit', async () => {
    for (const value of ['V0FWRQ-_', 'V0FWRQ=', 'V0FWR']) {
      const tx = wt.invokeScript({ dApp, call: { function: 'keep', args: [{ type: 'binary', value: 'base64:AA==' }] }, chainId: 'R' }, senderSeed)
      const broken = { ...tx, call: { function: 'keep', args: [{ type: 'binary', value }] } }
      expect(await api.broadcast(broken)).toMatchObject({
        status: 400,
        body: { error: 1, message: 'failed to parse json message', cause: 'call.args[0]: expected base64' },
      })
    }
  })
})

// BalanceDiffValidation checks the WAVES an address spends against its lease balance as the transaction leaves it
// (the snapshot's leaseBalances): a call that cancels a lease, leases less and pays out the difference spends nothing
// that stays leased.
describe('the final balance check, with the leases the call changed', () => {
  const STAKING = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func stake(keep: Int) = {
  let l = Lease(i.caller, wavesBalance(this).available - keep, 0)
  [l, BinaryEntry("lease", calculateLeaseId(l))]
}

@Callable(i)
func unstake(amount: Int) = {
  let leased = wavesBalance(this).regular - wavesBalance(this).available
  let l = Lease(i.caller, leased - amount, 1)
  [LeaseCancel(getBinaryValue(this, "lease")), l, BinaryEntry("lease", calculateLeaseId(l)), ScriptTransfer(i.caller, amount, unit)]
}

@Callable(i)
func overspend(amount: Int) = [LeaseCancel(getBinaryValue(this, "lease")), Lease(i.caller, amount, 2), ScriptTransfer(i.caller, 1, unit)]
`
  const stakingSeed = seed('staking with leases')
  const staking = addressOf(stakingSeed)
  const call = (fn: string, value: number) =>
    wt.invokeScript({ dApp: staking, call: { function: fn, args: [{ type: 'integer', value }] }, chainId: 'R' }, senderSeed)
  const details = async () => (await api.get(`/addresses/balance/details/${staking}`)).body as Record<string, number>

  beforeAll(async () => {
    const fund = wt.transfer({ recipient: staking, amount: 2_00000000, chainId: 'R' }, RICH_SEED)
    expect((await api.broadcast(fund)).status).toBe(200)
    await deploySource(api, stakingSeed, STAKING)
  })

  it('accepts a payout of WAVES the same call stops leasing', async () => {
    // Given all but 0.1 WAVES leased out
    expect((await api.broadcast(call('stake', 10_000000))).status).toBe(200)
    const before = await details()
    expect(before['regular']! - before['available']!).toBe(before['regular']! - 10_000000)
    // When the call cancels that lease, leases 1 WAVES less and pays that 1 WAVES out
    const unstake = call('unstake', 1_00000000)
    const answer = await api.broadcast(unstake)
    // Then it is applied: 1 WAVES less, still 0.1 WAVES available
    expect(answer.status).toBe(200)
    expect(await details()).toMatchObject({ regular: before['regular']! - 1_00000000, available: 10_000000 })
  })

  it('refuses with the lease balances before and after it when the payout is still leased', async () => {
    const { regular } = await details()
    // the new lease takes the whole balance the cancel frees, so the payout of 1 wavelet spends leased WAVES; the
    // ScriptTransfer is checked on the state the Lease left (InvokeDiffsCommon.foldActions)
    const answer = await api.broadcast(call('overspend', regular!))
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: AccountBalanceError(Map(${staking} -> negative effective balance: ${staking}, old: (${regular},LeaseBalance(0,${regular})), new: (${regular! - 1},LeaseBalance(0,${regular}))))`,
    })
  })

  it('lets an account that leased out all it had pay a lease cancel from the WAVES the cancel frees', async () => {
    // Given an account whose whole balance is leased out (the lease's own fee counts in what it may lease)
    const lessorSeed = seed('lessor of everything')
    const lessor = addressOf(lessorSeed)
    expect((await api.broadcast(wt.transfer({ recipient: lessor, amount: 1_00000000, chainId: 'R' }, RICH_SEED))).status).toBe(200)
    const lease = wt.lease({ recipient: sender, amount: 1_00000000 - 100000, chainId: 'R' }, lessorSeed)
    expect((await api.broadcast(lease)).status).toBe(200)
    expect((await api.get(`/addresses/balance/details/${lessor}`)).body).toMatchObject({ regular: 99900000, available: 0 })
    // When it cancels the lease, paying 0.001 WAVES it has only once the lease is canceled
    const cancel = wt.cancelLease({ leaseId: lease.id, chainId: 'R' }, lessorSeed)
    expect((await api.broadcast(cancel)).status).toBe(200)
    // Then it holds what it had, less the two fees, all available
    expect((await api.get(`/addresses/balance/details/${lessor}`)).body).toMatchObject({ regular: 99800000, available: 99800000 })
  })
})

// EvaluatorV2 evaluates a call's arguments into its term before the call runs, and PureContext.value words its error
// from that term: a key or index computed by the script is printed as its value.
describe('value() of a state read that found nothing names the key it computed', () => {
  const READS = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
func keyOf(name: String) = ["%s", name].makeString("__")

@Callable(i)
func own(name: String) = [IntegerEntry("n", size(keyOf(name).getString().value()))]

@Callable(i)
func other(name: String) = [IntegerEntry("n", getInteger(i.caller, keyOf(name)).value())]

@Callable(i)
func listed(n: Int) = [IntegerEntry("n", [IntegerEntry("a", 1)].getString(n - 1).value().size())]
`
  const readsSeed = seed('computed keys')
  const reads = addressOf(readsSeed)
  const call = (fn: string, arg: { type: 'string'; value: string } | { type: 'integer'; value: number }) =>
    wt.invokeScript({ dApp: reads, call: { function: fn, args: [arg] }, chainId: 'R' }, senderSeed)

  beforeAll(async () => {
    await deploySource(api, readsSeed, READS)
  })

  it('prints the computed key of the dApp, of another address and the computed index of a list', async () => {
    expect((await api.broadcast(call('own', { type: 'string', value: 'alice' }))).body).toMatchObject({
      error: 306,
      message: "Error while executing dApp: value by key '%s__alice' not found for the contract address on function 'getStringValue' call",
    })
    expect((await api.broadcast(call('other', { type: 'string', value: 'bob' }))).body).toMatchObject({
      error: 306,
      message: `Error while executing dApp: value by key '%s__bob' not found for the address base58'${sender}' on function 'getIntegerValue' call`,
    })
    expect((await api.broadcast(call('listed', { type: 'integer', value: 1 }))).body).toMatchObject({
      error: 306,
      message: "Error while executing dApp: value by index 0 not found in the list on function 'getStringValue' call",
    })
  })
})

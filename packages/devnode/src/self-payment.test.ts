// A dApp may invoke itself, but a node refuses a payment from a dApp to itself, after the script, among the checks of
// its actions (InvokeDiffsCommon.checkSelfPayments), as a dApp error: 306 "Error while executing dApp: ...".
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addressOf, client, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const SELF = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func touch() = [IntegerEntry("paid", size(i.payments))]
`
const dAppSeed = seed('self-paying dapp')
const dApp = addressOf(dAppSeed)
let node: Devnode
let api: ReturnType<typeof client>

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploySource(api, dAppSeed, SELF)
})

afterAll(() => node.close())

it('runs a self-invocation without payments and refuses one with a payment', async () => {
  const call = { function: 'touch', args: [] }
  const free = wt.invokeScript({ dApp, call, chainId: 'R' }, dAppSeed)
  expect((await api.broadcast(free)).status).toBe(200)
  expect((await api.get(`/addresses/data/${dApp}/paid`)).body).toEqual({ key: 'paid', type: 'integer', value: 0 })

  const paying = wt.invokeScript({ dApp, call, payment: [{ amount: 1, assetId: null }], chainId: 'R' }, dAppSeed)
  const answer = await api.broadcast(paying)
  expect(answer).toMatchObject({ status: 400, body: { error: 306, message: 'Error while executing dApp: DApp self-payment is forbidden since V4' } })
  expect((await api.get(`/transactions/info/${paying.id}`)).status).toBe(404)
})

// InvokeDiffsCommon.checkSelfPayments applies from V4 only (`version >= V4`): a V3 dApp may pay itself and be paid
const V3_SELF = `{-# STDLIB_VERSION 3 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func touch() = ScriptResult(WriteSet([DataEntry("paid", size(i.payment.extract().amount.toString()))]), TransferSet([ScriptTransfer(this, 1, unit)]))
`

it('lets a V3 dApp take a payment from itself and transfer to itself', async () => {
  const v3Seed = seed('self-paying v3 dapp')
  const v3 = await deploySource(api, v3Seed, V3_SELF)
  const before = (await api.get(`/addresses/balance/${v3}`)).body.balance as number
  const paying = wt.invokeScript({ dApp: v3, call: { function: 'touch', args: [] }, payment: [{ amount: 100, assetId: null }], chainId: 'R' }, v3Seed)
  expect((await api.broadcast(paying)).status).toBe(200)
  const info = (await api.get(`/transactions/info/${paying.id}`)).body
  expect([info.applicationStatus, info.stateChanges.transfers, (await api.get(`/addresses/balance/${v3}`)).body.balance]).toEqual([
    'succeeded',
    [{ address: v3, asset: null, amount: 1 }],
    before - 500_000,
  ])
  expect((await api.get(`/addresses/data/${v3}/paid`)).body).toEqual({ key: 'paid', type: 'integer', value: 3 })
})

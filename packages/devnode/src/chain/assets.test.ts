// Smart assets (node: Verifier.assets, FeeValidation.feeAfterSmartTokens, ApiError.TransactionNotAllowedByAssetScript
// 308 and ScriptExecutionError "token-script" 306, FailedTransactionError.notAllowedByAsset for invoke payments).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const ASSET_SCRIPT = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case t: TransferTransaction => t.amount <= 100 && t.amount != 3 && this.decimals == 0
  case m: MassTransferTransaction => m.totalAmount <= 100
  case b: BurnTransaction => throw("no burning")
  case i: InvokeScriptTransaction => i.function == "accept"
  case _ => true
}
`

const DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func accept() = []

@Callable(i)
func refuse() = []

@Callable(i)
func forward(to: String, fn: String, asset: String) = {
  strict r = invoke(addressFromStringValue(to), fn, [], [AttachedPayment(fromBase58String(asset), 1)])
  ([], unit)
}

@Callable(i)
func send(n: Int, asset: String) = [ScriptTransfer(i.caller, n, fromBase58String(asset))]
`

const SECOND = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func accept() = []

@Callable(i)
func refuse() = []
`

let node: Devnode
let api: ReturnType<typeof client>
const issuerSeed = seed('smart asset issuer')
const issuer = addressOf(issuerSeed)
const other = addressOf(seed('smart asset other'))
const dAppSeed = seed('smart asset dapp')
const dApp = addressOf(dAppSeed)
let assetId: string

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await api.broadcast(wt.transfer({ recipient: issuer, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  await deploySource(api, dAppSeed, DAPP)
  await deploySource(api, seed('smart asset second dapp'), SECOND)
  const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
  const issue = wt.issue({ name: 'Smart', description: '', quantity: 1000, decimals: 0, reissuable: true, script: compiled.script, chainId: 'R' }, issuerSeed)
  const answer = await api.broadcast(issue)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  assetId = issue.id
})

afterAll(() => node.close())

const transfer = (amount: number, fee: number) => wt.transfer({ recipient: other, amount, assetId, fee, chainId: 'R' }, issuerSeed)

it('issues an asset with a script, and asks the extra fee of a transfer of it', async () => {
  expect((await api.get(`/assets/balance/${issuer}/${assetId}`)).body).toMatchObject({ balance: 1000 })
  const answer = await api.broadcast(transfer(50, 100_000))
  expect(answer.body).toMatchObject({
    error: 112,
    message:
      'State check failed. Reason: Transaction involves 1 scripted assets. Requires 400000 extra fee. ' +
      'Fee for TransferTransaction (100000 in WAVES) does not exceed minimal value of 500000 WAVES.',
  })
})

it('runs the script for transfers: allowed, then refused with 308', async () => {
  expect((await api.broadcast(transfer(50, 500_000))).status).toBe(200)
  expect((await api.get(`/assets/balance/${other}/${assetId}`)).body).toMatchObject({ balance: 50 })
  const refused = transfer(101, 500_000)
  const answer = await api.broadcast(refused)
  expect(answer.status).toBe(400)
  expect(answer.body).toEqual({ error: 308, message: 'Transaction is not allowed by token-script', transaction: expect.objectContaining({ id: refused.id }) })
})

it('runs the script for mass transfers and burns: 308, and 306 with the thrown text', async () => {
  const mass = wt.massTransfer({ assetId, transfers: [{ recipient: other, amount: 60 }, { recipient: dApp, amount: 41 }], fee: 600_000, chainId: 'R' }, issuerSeed)
  expect((await api.broadcast(mass)).body).toMatchObject({ error: 308, message: 'Transaction is not allowed by token-script' })
  const burn = wt.burn({ assetId, amount: 1, fee: 500_000, chainId: 'R' }, issuerSeed)
  expect((await api.broadcast(burn)).body).toMatchObject({ error: 306, message: 'Error while executing token-script: no burning' })
  expect((await api.get(`/assets/balance/${issuer}/${assetId}`)).body).toMatchObject({ balance: 950 })
})

it('runs the script for invoke payments: within 1,000 complexity a refusal is a token-script error', async () => {
  const pay = (fn: string) => wt.invokeScript({ dApp, call: { function: fn, args: [] }, payment: [{ assetId, amount: 5 }], chainId: 'R' }, issuerSeed)
  const refused = await api.broadcast(pay('refuse'))
  expect(refused.body).toMatchObject({ error: 306, message: `Error while executing token-script: Transaction is not allowed by script of the asset ${assetId}` })
  expect((await api.broadcast(pay('accept'))).status).toBe(200)
  expect((await api.get(`/assets/balance/${dApp}/${assetId}`)).body).toMatchObject({ balance: 5 })
})

it('refuses to sponsor a scripted asset', async () => {
  const sponsor = wt.sponsorship({ assetId, minSponsoredAssetFee: 1, fee: 500_000, chainId: 'R' }, issuerSeed)
  expect((await api.broadcast(sponsor)).body).toMatchObject({ error: 112, message: 'State check failed. Reason: Sponsorship smart assets is disabled.' })
})

it('runs the script for ScriptTransfer actions, as a pseudo transfer sent by the dApp', async () => {
  const send = (n: number) =>
    wt.invokeScript({ dApp, call: { function: 'send', args: [{ type: 'integer', value: n }, { type: 'string', value: assetId }] }, chainId: 'R' }, issuerSeed)
  expect((await api.broadcast(send(2))).status).toBe(200)
  expect((await api.get(`/assets/balance/${dApp}/${assetId}`)).body).toMatchObject({ balance: 3 })
  const answer = await api.broadcast(send(3))
  expect(answer.body).toMatchObject({ error: 306, message: `Error while executing token-script: Transaction is not allowed by script of the asset ${assetId}` })
})

it('runs the script for the payments of a dApp-to-dApp call, as an invoke sent by the calling dApp', async () => {
  const second = addressOf(seed('smart asset second dapp'))
  const forward = (fn: string) =>
    wt.invokeScript(
      { dApp, call: { function: 'forward', args: [{ type: 'string', value: second }, { type: 'string', value: fn }, { type: 'string', value: assetId }] }, chainId: 'R' },
      issuerSeed,
    )
  expect((await api.broadcast(forward('accept'))).status).toBe(200)
  expect((await api.get(`/assets/balance/${second}/${assetId}`)).body).toMatchObject({ balance: 1 })
  expect((await api.broadcast(forward('refuse'))).body).toMatchObject({
    error: 306,
    message: `Error while executing dApp: FailedTransactionError(code = 4, error = Transaction is not allowed by script of the asset ${assetId})`,
  })
})

it('sets a new script with SetAssetScript (type 15): the issuer only, on an asset issued with a script, never empty', async () => {
  const permissive = (await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 5 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ASSET #-}\ntrue', { 'content-type': 'text/plain' })).body.script
  const set = (fee: number, signer = issuerSeed, asset = assetId) => wt.setAssetScript({ assetId: asset, script: permissive, fee, chainId: 'R' }, signer)

  expect((await api.broadcast({ ...set(100_000_000), script: null })).body).toMatchObject({ error: 199, message: 'Cannot set empty script' })
  expect((await api.broadcast(set(99_600_000))).body).toMatchObject({
    error: 112,
    message:
      'State check failed. Reason: Transaction involves 1 scripted assets. Requires 400000 extra fee. ' +
      'Fee for SetAssetScriptTransaction (99600000 in WAVES) does not exceed minimal value of 100000000 WAVES.',
  })
  await api.broadcast(wt.transfer({ recipient: other, amount: 2_00000000, chainId: 'R' }, RICH_SEED))
  expect((await api.broadcast(set(100_000_000, seed('smart asset other')))).body).toMatchObject({
    error: 112,
    message: 'State check failed. Reason: Asset was issued by other address',
  })
  const plain = wt.issue({ name: 'Plain', description: '', quantity: 10, decimals: 0, reissuable: true, chainId: 'R' }, issuerSeed)
  expect((await api.broadcast(plain)).status).toBe(200)
  expect((await api.broadcast(set(100_000_000, issuerSeed, plain.id))).body).toMatchObject({
    error: 112,
    message: 'State check failed. Reason: Cannot set script on an asset issued without a script',
  })

  const accepted = set(100_000_000)
  const answer = await api.broadcast(accepted)
  expect(answer.status).toBe(200)
  expect(answer.body).toMatchObject({ type: 15, id: accepted.id, assetId, script: permissive })
  // the new script allows burning
  expect((await api.broadcast(wt.burn({ assetId, amount: 1, fee: 500_000, chainId: 'R' }, issuerSeed))).status).toBe(200)
})

// `spentComplexity` as the node prints it (TransactionJsonSerializer.transactionMetaJson / metaJson: after height and
// applicationStatus, before stateChanges, for every type; TransactionsApiRoute.loadTransactionStatus for /status).
// What it counts: TxMeta.spentComplexity is NewTransactionInfo.create's snapshot.scriptsComplexity, taken in
// TransactionDiffer.transactionSnapshot from the transaction's own diff, before the verifier's complexity
// (verifierDiff) and the asset scripts' (assetsVerifierDiff) are added around it. So a transfer, mass transfer,
// reissue, burn or SetAssetScript records 0 whatever its verifier and asset scripts spent, and an invoke records its
// calls and the asset scripts of its actions, not its verifier nor the scripts of its payments (the node's
// SpentComplexitySpec). A failed invoke records the FailedTransactionError's complexity, the verifier's added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, seed, wt, type Answer } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

// EvaluatorV2 in its new mode charges native functions only: sha256_16Kb costs 12 from V6 (CryptoContext.sha256F_lim)
// and the `==` that `strict` adds costs 1 (PureContext eq), so one call spends 13, spin 80 x 13 = 1,040 and spin55
// 55 x 13 = 715. give spends 2 (what its ScriptTransfer costs, measured on an asset without a script).
const hashes = (n: number) => Array.from({ length: n }, (_, i) => `  strict d${i} = sha256_16Kb(base58'')`).join('\n')
const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func digest(x: ByteVector) = {
  strict d = sha256_16Kb(x)
  []
}

@Callable(i)
func spin() = {
${hashes(80)}
  []
}

@Callable(i)
func spin55() = {
${hashes(55)}
  []
}

@Callable(i)
func give(asset: ByteVector) = [ScriptTransfer(i.caller, 1, asset)]`

// Refuses calls named spin*. Its estimate (ScriptEstimatorV3) is 182, the sigVerify branch included; a run on a
// transfer evaluates $isInstanceOf (1) and the `>` of `height < 0` (1): 2.
const ASSET_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case t: InvokeScriptTransaction => !t.function.contains("spin")
  case _ => if (height < 0) then sigVerify(tx.bodyBytes, tx.bodyBytes, tx.senderPublicKey) else true
}`

// sigVerify costs 180 from V6 and getElement 2: 182, estimated and evaluated alike
const VERIFIER = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('spent complexity dapp')
const dApp = addressOf(dAppSeed)
const sender = seed('spent complexity sender')
const smartSeed = seed('spent complexity smart account')
const smart = addressOf(smartSeed)
const issuerSeed = seed('spent complexity issuer')
let smartAsset: string
let plainAsset: string

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  await api.broadcast(wt.transfer({ recipient: addressOf(sender), amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  const compiled = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body
  const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 1_400_000 }, dAppSeed))
  if (set.status !== 200) throw new Error(JSON.stringify(set.body))
  const compile = async (source: string) => (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body as { script: string; complexity: number }
  const [asset, verifier] = [await compile(ASSET_SCRIPT), await compile(VERIFIER)]
  expect([asset.complexity, verifier.complexity]).toEqual([182, 182])
  await ok(api.broadcast(wt.transfer({ recipient: smart, amount: 10_00000000, chainId: 'R' }, RICH_SEED)))
  await ok(api.broadcast(wt.transfer({ recipient: addressOf(issuerSeed), amount: 10_00000000, chainId: 'R' }, RICH_SEED)))
  const issue = wt.issue({ name: 'Smart', description: '', quantity: 1000, decimals: 0, reissuable: true, script: asset.script, chainId: 'R' }, issuerSeed)
  smartAsset = (await ok(api.broadcast(issue))).id
  plainAsset = (await ok(api.broadcast(wt.issue({ name: 'Plain', description: '', quantity: 1000, decimals: 0, reissuable: true, chainId: 'R' }, dAppSeed)))).id
  for (const recipient of [smart, dApp, addressOf(sender)]) {
    await ok(api.broadcast(wt.transfer({ recipient, amount: 100, assetId: smartAsset, fee: 500_000, chainId: 'R' }, issuerSeed)))
  }
  await ok(api.broadcast(wt.setScript({ script: verifier.script, chainId: 'R' }, smartSeed)))
})

const ok = async (answer: Promise<Answer>) => {
  const got = await answer
  if (got.status !== 200) throw new Error(JSON.stringify(got.body))
  return got.body
}
/** broadcasts `tx` and reads [applicationStatus, spentComplexity] from /transactions/info */
const spent = async (tx: { id: string }) => {
  await ok(api.broadcast(tx))
  const info = (await api.get(`/transactions/info/${tx.id}`)).body as Record<string, unknown>
  return [info['applicationStatus'], info['spentComplexity']]
}
const bytes = (id: string) => ({ type: 'binary' as const, value: `base64:${Buffer.from(wt.libs.crypto.base58Decode(id)).toString('base64')}` })

afterAll(() => node.close())

describe('spentComplexity', () => {
  it('is 0 for a transfer of a plain account, after height and applicationStatus', async () => {
    const tx = wt.transfer({ recipient: dApp, amount: 1, chainId: 'R' }, sender)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body as Record<string, unknown>
    expect(Object.keys(info).slice(-3)).toEqual(['height', 'applicationStatus', 'spentComplexity'])
    expect(info['spentComplexity']).toBe(0)
    const status = (await api.get(`/transactions/status?id=${tx.id}`)).body
    expect(status).toEqual([{ id: tx.id, status: 'confirmed', height: info['height'], confirmations: 0, applicationStatus: 'succeeded', spentComplexity: 0 }])
  })

  it('is what the call spent for an invoke, before stateChanges, in info, status and the address list', async () => {
    const tx = wt.invokeScript({ dApp, call: { function: 'digest', args: [{ type: 'binary', value: 'base64:AQID' }] }, chainId: 'R' }, sender)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body as Record<string, unknown>
    expect(Object.keys(info).slice(-4)).toEqual(['height', 'applicationStatus', 'spentComplexity', 'stateChanges'])
    expect(info['spentComplexity']).toBe(13)
    const [status] = (await api.get(`/transactions/status?id=${tx.id}`)).body as Record<string, unknown>[]
    expect(status!['spentComplexity']).toBe(13)
    const [listed] = (await api.get(`/transactions/address/${addressOf(sender)}/limit/1`)).body as Record<string, unknown>[][]
    expect(listed![0]).toEqual(info)
  })
})

describe('spentComplexity of scripted accounts and assets', () => {
  it('is 0 for transactions that are not invokes, whatever their verifier and asset scripts spent', async () => {
    // SpentComplexitySpec "Does not count smart asset complexity for transfer": 0
    expect(await spent(wt.transfer({ recipient: dApp, amount: 1, assetId: smartAsset, fee: 500_000, chainId: 'R' }, sender))).toEqual(['succeeded', 0])
    // the verifier (182) and the asset script (2) ran for each of these
    expect(await spent(wt.transfer({ recipient: dApp, amount: 1, assetId: smartAsset, fee: 500_000, chainId: 'R' }, smartSeed))).toEqual(['succeeded', 0])
    const mass = wt.massTransfer({ assetId: smartAsset, transfers: [{ recipient: dApp, amount: 1 }, { recipient: addressOf(sender), amount: 1 }], fee: 900_000, chainId: 'R' }, smartSeed)
    expect(await spent(mass)).toEqual(['succeeded', 0])
    expect(await spent(wt.burn({ assetId: smartAsset, amount: 1, fee: 500_000, chainId: 'R' }, smartSeed))).toEqual(['succeeded', 0])
    expect(await spent(wt.reissue({ assetId: smartAsset, quantity: 5, reissuable: true, fee: 500_000, chainId: 'R' }, issuerSeed))).toEqual(['succeeded', 0])
    const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT.replace('height < 0', 'height < 1'), { 'content-type': 'text/plain' })).body
    expect(await spent(wt.setAssetScript({ assetId: smartAsset, script: compiled.script, fee: 100_000_000, chainId: 'R' }, issuerSeed))).toEqual(['succeeded', 0])
  })

  it("counts an invoke's call, not its sender's verifier nor the scripts of its payments", async () => {
    const digest = { function: 'digest', args: [{ type: 'binary' as const, value: 'base64:AQID' }] }
    // SpentComplexitySpec "does not count verifier complexity when InvokeScript is sent from smart account"
    expect(await spent(wt.invokeScript({ dApp, call: digest, chainId: 'R' }, smartSeed))).toEqual(['succeeded', 13])
    // SpentComplexitySpec "counts asset script complexity when smart asset payment is attached": the call's 2 only
    expect(await spent(wt.invokeScript({ dApp, call: digest, payment: [{ assetId: smartAsset, amount: 1 }], chainId: 'R' }, sender))).toEqual(['succeeded', 13])
    expect(await spent(wt.invokeScript({ dApp, call: digest, payment: [{ assetId: smartAsset, amount: 1 }], chainId: 'R' }, smartSeed))).toEqual(['succeeded', 13])
  })

  it('counts the asset scripts of the actions, as evaluated (validatePseudoTxWithSmartAssetScript, storeEvaluatedComplexity)', async () => {
    expect(await spent(wt.invokeScript({ dApp, call: { function: 'give', args: [bytes(plainAsset)] }, chainId: 'R' }, sender))).toEqual(['succeeded', 2])
    // the script's run on the pseudo transfer spends 2, not its estimate of 182
    expect(await spent(wt.invokeScript({ dApp, call: { function: 'give', args: [bytes(smartAsset)] }, chainId: 'R' }, sender))).toEqual(['succeeded', 4])
  })

  it('counts, for an invoke whose payment a script refuses, the call, the estimate of the refusing script and the verifier', async () => {
    const spin = (fn: string, from: string) => wt.invokeScript({ dApp, call: { function: fn, args: [] }, payment: [{ assetId: smartAsset, amount: 1 }], chainId: 'R' }, from)
    // Verifier.assets: a refusal counts the estimate (182); assetsVerifierDiff adds the call's 1,040
    expect(await spent(spin('spin', sender))).toEqual(['script_execution_failed', 1040 + 182])
    // TransactionDiffer.transactionSnapshot adds the verifier's 182 to the FailedTransactionError
    expect(await spent(spin('spin', smartSeed))).toEqual(['script_execution_failed', 1040 + 182 + 182])
    // 715 + 182 is within 1,000 and refused; the verifier's 182 counts before isFailFree, so from the smart account
    // the same call is stored failed
    const refused = await api.broadcast(spin('spin55', sender))
    expect([refused.status, refused.body.error, refused.body.message]).toEqual([400, 306, `Error while executing token-script: Transaction is not allowed by script of the asset ${smartAsset}`])
    expect(await spent(spin('spin55', smartSeed))).toEqual(['script_execution_failed', 715 + 182 + 182])
  })
})

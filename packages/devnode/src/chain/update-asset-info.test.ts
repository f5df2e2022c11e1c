// UpdateAssetInfo (type 17): node UpdateAssetInfoTxValidator, AssetTransactionsDiffs.updateInfo, FeeValidation
// (UpdateAssetInfo -> 1 unit), Verifier.assets (checkedAssets = the asset), UpdateAssetInfoTransaction.json.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addressOf, client, crypto, deploySource, resign, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { bodyBytes, readTransaction } from './tx.ts'

const CHAIN = 'R'
const CHAIN_BYTE = CHAIN.charCodeAt(0)

const ASSET_SCRIPT = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case u: UpdateAssetInfoTransaction => if (u.description == "throw") then throw("no such description") else u.name != "Refused"
  case _ => true
}
`

const DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
func nameOf(id: String) = assetInfo(fromBase58String(id)).value().name
`

let node: Devnode
let api: ReturnType<typeof client>
const issuerSeed = seed('update info issuer')
const issuer = addressOf(issuerSeed)
const otherSeed = seed('update info other')
let plain: string
let smart: string
let sponsored: string
let dApp: string

const issue = async (params: Record<string, unknown>) => {
  const tx = wt.issue({ quantity: 1000, decimals: 2, reissuable: true, description: 'first', chainId: CHAIN, ...params } as never, issuerSeed)
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  return tx.id
}

const update = (params: Record<string, unknown>, signer = issuerSeed) =>
  wt.updateAssetInfo({ assetId: plain, name: 'Renamed', description: 'second', chainId: CHAIN, ...params } as never, signer)

/** A transaction the library would not build (it checks names and fee assets), signed all the same. */
const forged = (params: Record<string, unknown>) => resign({ ...update({}), ...params }, issuerSeed)

const stateCheck = (tx: unknown, reason: string) => ({ error: 112, message: `State check failed. Reason: ${reason}`, transaction: expect.objectContaining({ id: (tx as { id: string }).id }) })

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await api.broadcast(wt.transfer({ recipient: issuer, amount: 10_00000000, chainId: CHAIN }, RICH_SEED))
  await api.broadcast(wt.transfer({ recipient: addressOf(otherSeed), amount: 1_00000000, chainId: CHAIN }, RICH_SEED))
  plain = await issue({ name: 'Plain' })
  const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
  smart = await issue({ name: 'Smart', script: compiled.script })
  sponsored = await issue({ name: 'Sponsored' })
  await api.broadcast(wt.sponsorship({ assetId: sponsored, minSponsoredAssetFee: 10, chainId: CHAIN }, issuerSeed))
  dApp = await deploySource(api, seed('update info dapp'), DAPP)
})

afterAll(() => node.close())

it('reads the library transaction over the same protobuf body bytes (PBTransactions, update_asset_info = 117)', () => {
  const tx = update({ name: 'Bytes ✓', description: 'ünïcode', fee: 100_000, timestamp: 1_700_000_000_000 })
  const read = readTransaction(tx, CHAIN_BYTE)
  expect(Buffer.from(bodyBytes(read)).toString('hex')).toBe(Buffer.from(wt.makeTxBytes(tx as never)).toString('hex'))
  expect(read.id).toBe(tx.id)
})

it('refuses names of other than 4 to 16 bytes and descriptions past 1,000 bytes as the validator does', async () => {
  // TxConstraints.assetName: TxValidationError.InvalidName -> ApiError.InvalidName (111)
  for (const name of ['abc', 'seventeen letters', 'ééééééééé']) {
    const answer = await api.broadcast(forged({ name }))
    expect([answer.status, answer.body]).toEqual([400, { error: 111, message: 'invalid name' }])
  }
  // TxConstraints.assetDescription: TooBigArray -> TooBigArrayAllocation (10)
  const answer = await api.broadcast(forged({ description: 'x'.repeat(1001) }))
  expect([answer.status, answer.body]).toEqual([400, { error: 10, message: 'Too big sequence requested' }])
  // UpdateAssetInfoRequest reads description as a required string
  const { description: _description, ...withoutDescription } = update({})
  expect((await api.broadcast(withoutDescription)).body).toMatchObject({ error: 1, message: 'failed to parse json message' })
  expect((await api.broadcast(update({ name: 'abcd', description: 'y'.repeat(1000), assetId: wt.issue({ name: 'none', description: '', quantity: 1, chainId: CHAIN } as never, otherSeed).id }))).body).toMatchObject({
    error: 112,
    message: 'State check failed. Reason: Referenced assetId not found',
  })
})

it('lets only the issuer update (DiffsCommon.validateAsset with issuerOnly)', async () => {
  const tx = update({}, otherSeed)
  const answer = await api.broadcast(tx)
  expect([answer.status, answer.body]).toEqual([400, stateCheck(tx, 'Asset was issued by other address')])
})

it('waits the min-asset-info-update-interval of the Waves private node, 2 blocks, after the issue', async () => {
  const issueHeight = (await api.get(`/assets/details/${plain}`)).body.issueHeight as number
  const fresh = await issue({ name: 'Fresh' })
  const tx = update({ assetId: fresh })
  const height = (await api.get('/blocks/height')).body.height as number
  const answer = await api.broadcast(tx)
  // the transaction would go in the block of the next height (a block for each transaction)
  expect([answer.status, answer.body]).toEqual([400, stateCheck(tx, `Can't update info of asset with id=${fresh} before ${height + 2} block, current height=${height + 1}, minUpdateInfoInterval=2`)])
  expect(issueHeight).toBeLessThan(height)
  // the node's own default (FunctionalitySettings) where nothing configures it
  node.chain.state.minAssetInfoUpdateInterval = 100_000
  const late = update({ assetId: plain, fee: 100_001 })
  expect((await api.broadcast(late)).body).toEqual(
    stateCheck(late, `Can't update info of asset with id=${plain} before ${issueHeight + 100_000} block, current height=${height + 1}, minUpdateInfoInterval=100000`),
  )
  delete node.chain.state.minAssetInfoUpdateInterval
  await node.mine()
  expect((await api.broadcast(tx)).status).toBe(200)
  expect((await api.get(`/assets/details/${fresh}`)).body).toMatchObject({ name: 'Renamed', description: 'second' })
})

it('asks the minimal fee of 0.001 WAVES and refuses a fee in an asset (RideV6)', async () => {
  node.chain.state.minAssetInfoUpdateInterval = 0
  const low = update({ fee: 99_999 })
  expect((await api.broadcast(low)).body).toEqual(stateCheck(low, 'Fee for UpdateAssetInfoTransaction (99999 in WAVES) does not exceed minimal value of 100000 WAVES.'))
  const inAsset = forged({ fee: 10, feeAssetId: sponsored })
  expect((await api.broadcast(inAsset)).body).toEqual(
    stateCheck(inAsset, `Invalid fee asset: ${sponsored}, only Waves can be used to pay fees for UpdateAssetInfoTransaction`),
  )
})

it('renames the asset: /transactions/info prints it as the node does, asset details and assetInfo read the new info', async () => {
  node.chain.state.minAssetInfoUpdateInterval = 0
  const tx = update({ name: 'Renamed', description: 'second', fee: 100_000 })
  const answer = await api.broadcast(tx)
  expect(answer.status).toBe(200)
  const info = (await api.get(`/transactions/info/${tx.id}`)).body
  // BaseTxJson, then chainId (in its place), assetId, name, description; TransactionsApiRoute adds the meta after it
  expect(Object.keys(info)).toEqual([
    'type', 'id', 'fee', 'feeAssetId', 'timestamp', 'version', 'chainId', 'sender', 'senderPublicKey', 'proofs',
    'assetId', 'name', 'description', 'height', 'applicationStatus', 'spentComplexity',
  ])
  expect(info).toMatchObject({
    type: 17,
    id: tx.id,
    fee: 100_000,
    feeAssetId: null,
    version: 1,
    chainId: CHAIN_BYTE,
    sender: issuer,
    senderPublicKey: crypto.publicKey(issuerSeed),
    proofs: tx.proofs,
    assetId: plain,
    name: 'Renamed',
    description: 'second',
    applicationStatus: 'succeeded',
    spentComplexity: 0,
  })
  expect((await api.get(`/assets/details/${plain}`)).body).toMatchObject({ assetId: plain, name: 'Renamed', description: 'second', decimals: 2, quantity: 1000 })
  const evaluated = await api.post(`/utils/script/evaluate/${dApp}`, { expr: `nameOf("${plain}")` })
  expect(evaluated.body.result).toEqual({ type: 'String', value: 'Renamed' })
})

it('counts the interval from the last update, not the issue (AssetInfo.lastUpdatedAt)', async () => {
  node.chain.state.minAssetInfoUpdateInterval = 3
  const lastUpdate = (await api.get('/blocks/height')).body.height as number
  const tx = update({ name: 'Again', fee: 100_001 })
  expect((await api.broadcast(tx)).body).toEqual(
    stateCheck(tx, `Can't update info of asset with id=${plain} before ${lastUpdate + 3} block, current height=${lastUpdate + 1}, minUpdateInfoInterval=3`),
  )
  await node.mine()
  await node.mine()
  expect((await api.broadcast(tx)).status).toBe(200)
  expect((await api.get(`/assets/details/${plain}`)).body).toMatchObject({ name: 'Again', description: 'second' })
})

it('lets the asset script judge it, with the smart asset extra fee', async () => {
  node.chain.state.minAssetInfoUpdateInterval = 0
  const cheap = update({ assetId: smart, fee: 100_000 })
  expect((await api.broadcast(cheap)).body).toEqual(
    stateCheck(cheap, 'Transaction involves 1 scripted assets. Requires 400000 extra fee. Fee for UpdateAssetInfoTransaction (100000 in WAVES) does not exceed minimal value of 500000 WAVES.'),
  )
  // Verifier.assets: false is TransactionNotAllowedByAssetScript (308), a throw ScriptExecutionError (306)
  const refused = update({ assetId: smart, name: 'Refused', fee: 500_000 })
  expect((await api.broadcast(refused)).body).toEqual({ error: 308, message: 'Transaction is not allowed by token-script', transaction: expect.objectContaining({ id: refused.id }) })
  const thrown = update({ assetId: smart, description: 'throw', fee: 500_000 })
  expect((await api.broadcast(thrown)).body).toEqual({
    error: 306,
    message: 'Error while executing token-script: no such description',
    transaction: expect.objectContaining({ id: thrown.id }),
  })
  const accepted = update({ assetId: smart, name: 'Accepted', fee: 500_000 })
  expect((await api.broadcast(accepted)).status).toBe(200)
  expect((await api.get(`/assets/details/${smart}`)).body).toMatchObject({ name: 'Accepted', scripted: true })
})

it("lets the issuer's account script judge it, and a V3 asset script meet it only through case _", async () => {
  node.chain.state.minAssetInfoUpdateInterval = 0
  const v3 = `{-# STDLIB_VERSION 3 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case t: TransferTransaction => false
  case _ => true
}
`
  const compiled = (await api.post('/utils/script/compileCode', v3, { 'content-type': 'text/plain' })).body
  const old = await issue({ name: 'OldScript', script: compiled.script })
  // Bindings builds UpdateAssetInfoTransaction whatever the version: a V3 script reaches `case _`
  const accepted = update({ assetId: old, name: 'OldRenamed', fee: 500_000 })
  expect((await api.broadcast(accepted)).status).toBe(200)

  const verifier = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
match tx {
  case u: UpdateAssetInfoTransaction => u.name == "Allowed" && u.description == "by the script" && u.assetId == base58'${plain}'
  case _ => sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)
}
`
  const script = (await api.post('/utils/script/compileCode', verifier, { 'content-type': 'text/plain' })).body
  const setScript = await api.broadcast(wt.setScript({ script: script.script, chainId: CHAIN, fee: 100_000 }, issuerSeed))
  expect(setScript.status).toBe(200)
  const refused = update({ name: 'Refused', description: 'by the script', fee: 100_000 })
  expect((await api.broadcast(refused)).body).toEqual({ error: 307, message: 'Transaction is not allowed by account-script', transaction: expect.objectContaining({ id: refused.id }) })
  const allowed = update({ name: 'Allowed', description: 'by the script', fee: 100_000 })
  expect((await api.broadcast(allowed)).status).toBe(200)
  expect((await api.get(`/assets/details/${plain}`)).body).toMatchObject({ name: 'Allowed', description: 'by the script' })
})

// The fail-free limit and a smart account's verifier (node: TransactionDiffer.validate and its leftMap, where a
// FailedTransactionError gets the verifier's complexity added before isFailFree decides; InvokeDiffsCommon.checkActions,
// which raises a FailedTransactionError whatever the call spent; InvokeScriptTransactionDiff.evaluateV2, where the
// script's own failure is weighed against ContractLimits.FailFreeInvokeComplexity by what the call spent alone, and
// recorded with paymentsComplexity, the estimates of the paid assets' scripts).
//
// Complexities (stdlib V6 costs; a constructor costs 1; references, getters, conditions and constants cost nothing):
// - `strict h = <seven blake2b256>`: 136 each = 952, and the `h == h` that `strict` compiles to 1: 953.
// - `emptyKey`: 953, StringEntry 1, the list literal's cons 1: 955, below 1,000 by itself.
// - `boom`: 953, throw 1: 954.
// - `toAlias`: 953, Alias 1, ScriptTransfer 1, cons 1: 956.
// - `boomPast`: eight blake2b256 = 1,088, `h == h` 1, throw 1: 1,090, past 1,000 by itself.
// - the account's verifier: sigVerify 180, tx.proofs[0] (getElement) 2: 182; 182 + 955 = 1,137, past 1,000.
// - the paid asset's script, as the estimator counts it: blake2b256 136, `!=` 1: 137.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func emptyKey() = {
  strict h = blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(base58'')))))))
  [StringEntry("", "x")]
}

@Callable(i)
func boom() = {
  strict h = blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(base58'')))))))
  throw("boom")
}

@Callable(i)
func toAlias() = {
  strict h = blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(base58'')))))))
  [ScriptTransfer(Alias("nobodyhere"), 1, unit)]
}

@Callable(i)
func boomPast() = {
  strict h = blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(blake2b256(base58''))))))))
  throw("boom past")
}
`

const ASSET_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
blake2b256(base58'') != base58''
`

const VERIFIER = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)
`

const EMPTY_CHANGES = { data: [], transfers: [], issues: [], reissues: [], burns: [], sponsorFees: [], leases: [], leaseCancels: [], invokes: [] }

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('fail-free dapp')
const smartSeed = seed('fail-free smart account')
const plainSeed = seed('fail-free plain account')
const smart = addressOf(smartSeed)
const plain = addressOf(plainSeed)
let dApp: string
let assetId: string

const call = (fn: string, sender: string) => wt.invokeScript({ dApp, call: { function: fn, args: [] }, chainId: 'R' }, sender)
const balance = async (address: string) => (await api.get(`/addresses/balance/${address}`)).body.balance as number

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, dAppSeed, DAPP)
  await deploySource(api, smartSeed, VERIFIER)
  const funded = await api.broadcast(wt.transfer({ recipient: plain, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  if (funded.status !== 200) throw new Error(JSON.stringify(funded.body))
  const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
  const issue = wt.issue({ name: 'Estimated', description: '', quantity: 100, decimals: 0, reissuable: false, script: compiled.script, chainId: 'R' }, plainSeed)
  const issued = await api.broadcast(issue)
  if (issued.status !== 200) throw new Error(JSON.stringify(issued.body))
  assetId = issue.id
})

afterAll(() => node.close())

describe('an action check failing at 955 complexity', () => {
  it('is stored failed from a smart account whose verifier (182) takes it past 1,000', async () => {
    const script = (await api.get(`/addresses/scriptInfo/${smart}`)).body
    expect(script).toMatchObject({ complexity: 182, verifierComplexity: 182, extraFee: 0 })
    const before = await balance(smart)
    const tx = call('emptyKey', smartSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(200)
    expect(answer.body.id).toBe(tx.id)
    expect(await balance(smart)).toBe(before - 500_000)

    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    // TransactionDiffer adds the verifier's complexity to what the call spent: 182 + 955
    expect(info.spentComplexity).toBe(1137)
    expect(info.stateChanges).toEqual({ ...EMPTY_CHANGES, error: { code: 1, text: 'Data entry key should not be empty' } })
    expect((await api.get(`/addresses/data/${dApp}`)).body).toEqual([])
  })

  it('is refused from a plain account, which adds nothing to the 955', async () => {
    const before = await balance(plain)
    const tx = call('emptyKey', plainSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 306, message: 'Error while executing dApp: Data entry key should not be empty' })
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
    expect(await balance(plain)).toBe(before)
  })
})

describe("the script's own failure at 954 complexity", () => {
  it('is refused even from the smart account: evaluateV2 weighs the call alone', async () => {
    const before = await balance(smart)
    const tx = call('boom', smartSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 306, message: 'Error while executing dApp: boom' })
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
    expect(await balance(smart)).toBe(before)
  })

  it('takes in a transfer to an unknown alias, which ScriptResult resolves as the script ends', async () => {
    const tx = call('toAlias', smartSeed)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: 306, message: "Error while executing dApp: Alias 'alias:R:nobodyhere' does not exist." })
    expect((await api.get(`/transactions/info/${tx.id}`)).status).toBe(404)
  })
})

describe("the script's own failure past 1,000 with scripted payments", () => {
  it('records the estimates of the paid assets\' scripts, once a payment, on top of what the call spent', async () => {
    expect((await api.get(`/assets/details/${assetId}?full=true`)).body.scriptDetails.scriptComplexity).toBe(137)
    const before = await balance(plain)
    const payment = [{ assetId, amount: 1 }, { assetId, amount: 2 }]
    const tx = wt.invokeScript({ dApp, call: { function: 'boomPast', args: [] }, payment, chainId: 'R' }, plainSeed)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('script_execution_failed')
    // InvokeScriptTransactionDiff.evaluateV2: 1,090 + 2 * 137; the scripts never ran
    expect(info.spentComplexity).toBe(1364)
    expect(info.stateChanges).toEqual({ ...EMPTY_CHANGES, error: { code: 1, text: 'boom past' } })
    expect(await balance(plain)).toBe(before - 500_000)
    expect((await api.get(`/assets/balance/${plain}/${assetId}`)).body.balance).toBe(100)
  })
})

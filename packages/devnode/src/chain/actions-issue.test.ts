// Issue actions (node: InvokeDiffsCommon.foldActions applyIssue, checkScriptResultFields, calcAndCheckFee;
// InvokeScriptResult's JSON writes of Issue): the asset id is calculateAssetId's, the issued asset is the dApp's at
// once (a later ScriptTransfer of the same call sends it), a non-NFT issue costs 1 WAVES more fee, an NFT does not.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func issueAndSend() = {
  let issue = Issue("Gold", "shiny", 100000, 2, true, unit, 7)
  let id = calculateAssetId(issue)
  [issue, ScriptTransfer(i.caller, 2500, id), BinaryEntry("id", id)]
}

@Callable(i)
func nft() = [Issue("Ticket 1", "one seat", 1, 0, false)]

@Callable(i)
func sendFirst() = {
  let issue = Issue("Late", "", 10, 0, true, unit, 0)
  [ScriptTransfer(i.caller, 1, calculateAssetId(issue)), issue]
}

@Callable(i)
func shortName() = [Issue("abc", "", 10, 0, true)]

@Callable(i)
func twice() = [Issue("Twin", "", 10, 0, true, unit, 1), Issue("Twin", "", 10, 0, true, unit, 1)]

@Callable(i)
func inner() = [Issue("Inner", "", 5, 0, true, unit, 0)]

@Callable(i)
func outer() = {
  strict r = invoke(this, "inner", [], [])
  []
}
`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('actions issue dapp')
const userSeed = seed('actions issue user')
const user = addressOf(userSeed)
let dApp: string

const call = (fn: string, fee = 100_500_000) => wt.invokeScript({ dApp, call: { function: fn, args: [] }, fee, chainId: 'R' }, userSeed)

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, dAppSeed, DAPP)
  await api.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
})

afterAll(() => node.close())

describe('Issue actions', () => {
  it('issues an asset under calculateAssetId and sends it in the same call', async () => {
    const tx = call('issueAndSend')
    expect((await api.broadcast(tx)).status).toBe(200)
    const [entry] = (await api.get(`/addresses/data/${dApp}?key=id`)).body
    const assetId = wt.libs.crypto.base58Encode(Buffer.from(entry.value.slice('base64:'.length), 'base64'))
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info.applicationStatus).toBe('succeeded')
    expect(info.stateChanges).toEqual({
      data: [{ key: 'id', type: 'binary', value: entry.value }],
      transfers: [{ address: user, asset: assetId, amount: 2500 }],
      issues: [{ assetId, name: 'Gold', description: 'shiny', quantity: 100000, decimals: 2, isReissuable: true, compiledScript: null, nonce: 7 }],
      reissues: [],
      burns: [],
      sponsorFees: [],
      leases: [],
      leaseCancels: [],
      invokes: [],
    })
    expect((await api.get(`/assets/balance/${dApp}/${assetId}`)).body.balance).toBe(97500)
    expect((await api.get(`/assets/balance/${user}/${assetId}`)).body.balance).toBe(2500)
    const details = (await api.get(`/assets/details/${assetId}`)).body
    expect(details).toMatchObject({
      assetId,
      issuer: dApp,
      name: 'Gold',
      description: 'shiny',
      decimals: 2,
      quantity: 100000,
      reissuable: true,
      originTransactionId: tx.id,
      scripted: false,
    })
  })

  it('refuses a non-NFT issue whose fee lacks the 1 WAVES of an Issue', async () => {
    const answer = await api.broadcast(call('issueAndSend', 500_000))
    expect(answer.body).toMatchObject({
      error: 306,
      message:
        'Error while executing dApp: Fee in WAVES for InvokeScriptTransaction (500000 in WAVES) with 1 assets issued does not exceed minimal value of 100500000 WAVES.',
    })
  })

  it('issues an NFT for the invoke fee alone', async () => {
    const tx = call('nft', 500_000)
    expect((await api.broadcast(tx)).status).toBe(200)
    const issue = (await api.get(`/transactions/info/${tx.id}`)).body.stateChanges.issues[0]
    expect(issue).toMatchObject({ name: 'Ticket 1', description: 'one seat', quantity: 1, decimals: 0, isReissuable: false, nonce: 0 })
    expect((await api.get(`/assets/balance/${dApp}/${issue.assetId}`)).body.balance).toBe(1)
  })

  it('refuses a transfer of the asset before the action that issues it', async () => {
    const answer = await api.broadcast(call('sendFirst'))
    expect(answer.body.error).toBe(306)
    expect(answer.body.message).toMatch(/^Error while executing dApp: Transfer error: asset '[1-9A-HJ-NP-Za-km-z]{43,44}' is not found on the blockchain$/)
  })

  it('refuses a name shorter than 4 bytes with the node text', async () => {
    const answer = await api.broadcast(call('shortName'))
    expect(answer.body).toMatchObject({ error: 306, message: 'Error while executing dApp: GenericError(Invalid asset name)' })
  })

  it('refuses the same asset issued twice in one call', async () => {
    const answer = await api.broadcast(call('twice', 200_500_000))
    expect(answer.body.error).toBe(306)
    expect(answer.body.message).toMatch(/^Error while executing dApp: Asset [1-9A-HJ-NP-Za-km-z]{43,44} is already issued$/)
  })

  it('issues inside a dApp-to-dApp call and charges the Issue fee to the transaction', async () => {
    expect((await api.broadcast(call('outer', 500_000))).body).toMatchObject({
      error: 306,
      message:
        'Error while executing dApp: Fee in WAVES for InvokeScriptTransaction (500000 in WAVES) with 1 assets issued does not exceed minimal value of 100500000 WAVES.',
    })
    const tx = call('outer')
    expect((await api.broadcast(tx)).status).toBe(200)
    const inner = (await api.get(`/transactions/info/${tx.id}`)).body.stateChanges.invokes[0]
    expect(inner.call).toEqual({ function: 'inner', args: [] })
    const issue = inner.stateChanges.issues[0]
    expect(issue).toMatchObject({ name: 'Inner', quantity: 5, decimals: 0, isReissuable: true, compiledScript: null, nonce: 0 })
    expect((await api.get(`/assets/balance/${dApp}/${issue.assetId}`)).body.balance).toBe(5)
  })
})

describe('issued assets across restarts', () => {
  it('come back from the journal with their details and balances', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-issue-'))
    try {
      const first = await createDevnode({ dataDir: dir })
      const firstApi = client(first.url)
      const restartSeed = seed('actions issue restart dapp')
      const restartDApp = await deploySource(firstApi, restartSeed, DAPP)
      await firstApi.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
      const tx = wt.invokeScript({ dApp: restartDApp, call: { function: 'nft', args: [] }, fee: 500_000, chainId: 'R' }, userSeed)
      expect((await firstApi.broadcast(tx)).status).toBe(200)
      const assetId = (await firstApi.get(`/transactions/info/${tx.id}`)).body.stateChanges.issues[0].assetId as string
      await first.close()

      const second = await createDevnode({ dataDir: dir })
      const secondApi = client(second.url)
      expect((await secondApi.get(`/assets/details/${assetId}`)).body).toMatchObject({ assetId, issuer: restartDApp, name: 'Ticket 1', quantity: 1 })
      expect((await secondApi.get(`/assets/balance/${restartDApp}/${assetId}`)).body.balance).toBe(1)
      await second.close()
    } finally {
      rmSync(dir, { recursive: true })
    }
  })
})

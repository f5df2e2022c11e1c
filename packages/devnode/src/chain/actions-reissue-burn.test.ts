// Reissue and Burn actions (node: InvokeDiffsCommon.foldActions applyReissue/applyBurn over DiffsCommon.processReissue
// and processBurn, checkScriptResultFields; InvokeScriptResult's JSON writes of Reissue and Burn).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 5 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func issue(name: String, reissuable: Boolean) = {
  let issue = Issue(name, "", 1000, 0, reissuable, unit, 0)
  [issue, BinaryEntry(name, calculateAssetId(issue))]
}

@Callable(i)
func reissue(id: String, quantity: Int, reissuable: Boolean) = [Reissue(fromBase58String(id), quantity, reissuable)]

@Callable(i)
func reissueMax(id: String) = [Reissue(fromBase58String(id), 9223372036854775807, true)]

@Callable(i)
func burn(id: String, quantity: Int) = [Burn(fromBase58String(id), quantity)]

@Callable(i)
func burnThenReissue(id: String) = [Burn(fromBase58String(id), 100), Reissue(fromBase58String(id), 40, true)]
`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('actions reissue dapp')
const userSeed = seed('actions reissue user')
const user = addressOf(userSeed)
let dApp: string
let silver: string
let fixed: string
let foreign: string

type Arg = { type: 'string'; value: string } | { type: 'integer'; value: number } | { type: 'boolean'; value: boolean }
const s = (value: string): Arg => ({ type: 'string', value })
const n = (value: number): Arg => ({ type: 'integer', value })
const b = (value: boolean): Arg => ({ type: 'boolean', value })
const call = (fn: string, args: Arg[], fee = 500_000) => wt.invokeScript({ dApp, call: { function: fn, args }, fee, chainId: 'R' }, userSeed)
const quantity = async (id: string) => (await api.get(`/assets/details/${id}`)).body.quantity as number
const balance = async (address: string, id: string) => (await api.get(`/assets/balance/${address}/${id}`)).body.balance as number
const changes = (over: Record<string, unknown>) => ({
  data: [],
  transfers: [],
  issues: [],
  reissues: [],
  burns: [],
  sponsorFees: [],
  leases: [],
  leaseCancels: [],
  invokes: [],
  ...over,
})

async function issued(name: string, reissuable: boolean): Promise<string> {
  const answer = await api.broadcast(call('issue', [s(name), b(reissuable)], 100_500_000))
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  const [entry] = (await api.get(`/addresses/data/${dApp}?key=${name}`)).body
  return wt.libs.crypto.base58Encode(Buffer.from(entry.value.slice('base64:'.length), 'base64'))
}

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, dAppSeed, DAPP)
  await api.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  silver = await issued('Silver', true)
  fixed = await issued('Fixed', false)
  const issue = wt.issue({ name: 'Foreign', description: '', quantity: 500, decimals: 0, reissuable: true, chainId: 'R' }, userSeed)
  await api.broadcast(issue)
  foreign = issue.id
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 300, assetId: foreign, chainId: 'R' }, userSeed))
})

afterAll(() => node.close())

describe('Reissue actions', () => {
  it('reissues an asset the dApp issued and may make it final', async () => {
    const tx = call('reissue', [s(silver), n(500), b(true)])
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/transactions/info/${tx.id}`)).body.stateChanges).toEqual(
      changes({ reissues: [{ assetId: silver, isReissuable: true, quantity: 500 }] }),
    )
    expect(await quantity(silver)).toBe(1500)
    expect(await balance(dApp, silver)).toBe(1500)
  })

  it('refuses the node texts: negative quantity, not reissuable, overflow, issued by another address, unknown asset', async () => {
    const refused = async (fn: string, args: Arg[]) => (await api.broadcast(call(fn, args))).body.message
    expect(await refused('reissue', [s(silver), n(-1), b(true)])).toBe('Error while executing dApp: GenericError(Negative reissue quantity = -1)')
    expect(await refused('reissue', [s(fixed), n(1), b(true)])).toBe('Error while executing dApp: Asset is not reissuable')
    expect(await refused('reissueMax', [s(silver)])).toBe('Error while executing dApp: Asset total value overflow')
    expect(await refused('reissue', [s(foreign), n(1), b(true)])).toBe('Error while executing dApp: Asset was issued by other address')
    expect(await refused('reissue', [s(dApp.slice(0, 32)), n(1), b(true)])).toBe('Error while executing dApp: Referenced assetId not found')
    expect(await quantity(silver)).toBe(1500)
  })
})

describe('Burn actions', () => {
  it('burns what the dApp holds, of its own asset or another', async () => {
    const tx = call('burn', [s(silver), n(200)])
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/transactions/info/${tx.id}`)).body.stateChanges).toEqual(changes({ burns: [{ assetId: silver, quantity: 200 }] }))
    expect(await quantity(silver)).toBe(1300)
    expect((await api.broadcast(call('burn', [s(foreign), n(100)]))).status).toBe(200)
    expect(await quantity(foreign)).toBe(400)
    expect(await balance(dApp, foreign)).toBe(200)
  })

  it('refuses a burn of more than the dApp holds with the AccountBalanceError text, and a negative burn', async () => {
    expect((await api.broadcast(call('burn', [s(foreign), n(201)]))).body.message).toBe(
      `Error while executing dApp: AccountBalanceError(Map(${dApp} -> negative asset balance: ${dApp}, new portfolio: Map(${foreign} -> -1)))`,
    )
    expect((await api.broadcast(call('burn', [s(silver), n(-5)]))).body.message).toBe('Error while executing dApp: GenericError(Negative burn quantity = -5)')
  })

  it('applies a burn before the reissue after it, in their order', async () => {
    const tx = call('burnThenReissue', [s(silver)])
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/transactions/info/${tx.id}`)).body.stateChanges).toEqual(
      changes({ reissues: [{ assetId: silver, isReissuable: true, quantity: 40 }], burns: [{ assetId: silver, quantity: 100 }] }),
    )
    expect(await quantity(silver)).toBe(1240)
    expect(await balance(dApp, silver)).toBe(1240)
  })
})

describe('actions on a scripted asset', () => {
  const ASSET = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case r: ReissueTransaction => r.quantity <= 100 && r.fee == 0 && r.sender == this.issuer
  case b: BurnTransaction => b.quantity <= 50
  case _ => true
}`
  let scripted: string

  beforeAll(async () => {
    const compiled = (await api.post('/utils/script/compileCode', ASSET, { 'content-type': 'text/plain' })).body
    const issue = wt.issue({ name: 'Scripted', description: '', quantity: 1000, decimals: 0, reissuable: true, script: compiled.script, chainId: 'R' }, dAppSeed)
    const answer = await api.broadcast(issue)
    if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
    scripted = issue.id
  })

  it('runs the asset script on a Reissue and a Burn as pseudo transactions sent by the dApp', async () => {
    expect((await api.broadcast(call('reissue', [s(scripted), n(100), b(true)]))).status).toBe(200)
    expect((await api.broadcast(call('burn', [s(scripted), n(50)]))).status).toBe(200)
    expect(await quantity(scripted)).toBe(1050)
  })

  it('refuses what the script refuses with the token-script text', async () => {
    const text = `Error while executing token-script: Transaction is not allowed by script of the asset ${scripted}`
    expect((await api.broadcast(call('reissue', [s(scripted), n(101), b(true)]))).body).toMatchObject({ error: 306, message: text })
    expect((await api.broadcast(call('burn', [s(scripted), n(51)]))).body).toMatchObject({ error: 306, message: text })
    expect(await quantity(scripted)).toBe(1050)
  })
})

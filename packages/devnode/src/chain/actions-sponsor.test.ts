// SponsorFee actions (node: InvokeDiffsCommon.foldActions applySponsorFee: the issuer check, SponsorFeeTxValidator,
// DiffsCommon.processSponsor; InvokeScriptResult's JSON writes of SponsorFee, which leave out an absent fee).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func issueSponsored() = {
  let issue = Issue("Coupon", "", 1000000, 2, true, unit, 0)
  let id = calculateAssetId(issue)
  [issue, SponsorFee(id, 5), ScriptTransfer(i.caller, 1000, id), BinaryEntry("coupon", id)]
}

@Callable(i)
func sponsor(id: String, fee: Int) = [SponsorFee(fromBase58String(id), fee)]

@Callable(i)
func cancel(id: String) = [SponsorFee(fromBase58String(id), unit)]
`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('actions sponsor dapp')
const userSeed = seed('actions sponsor user')
const user = addressOf(userSeed)
let dApp: string
let coupon: string

type Arg = { type: 'string'; value: string } | { type: 'integer'; value: number }
const call = (fn: string, args: Arg[], fee = 500_000) => wt.invokeScript({ dApp, call: { function: fn, args }, fee, chainId: 'R' }, userSeed)
const details = async (id: string) => (await api.get(`/assets/details/${id}`)).body

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, dAppSeed, DAPP)
  await api.broadcast(wt.transfer({ recipient: user, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
})

afterAll(() => node.close())

describe('SponsorFee actions', () => {
  it('sponsors an asset issued in the same call; its fee then pays a transfer', async () => {
    const tx = call('issueSponsored', [], 100_500_000)
    expect((await api.broadcast(tx)).status).toBe(200)
    const [entry] = (await api.get(`/addresses/data/${dApp}?key=coupon`)).body
    coupon = wt.libs.crypto.base58Encode(Buffer.from(entry.value.slice('base64:'.length), 'base64'))
    const stateChanges = (await api.get(`/transactions/info/${tx.id}`)).body.stateChanges
    expect(stateChanges.sponsorFees).toEqual([{ assetId: coupon, minSponsoredAssetFee: 5 }])
    expect((await details(coupon)).minSponsoredAssetFee).toBe(5)

    const wavesBefore = (await api.get(`/addresses/balance/${dApp}`)).body.balance as number
    const paid = wt.transfer({ recipient: dApp, amount: 1, assetId: coupon, fee: 5, feeAssetId: coupon, chainId: 'R' }, userSeed)
    expect((await api.broadcast(paid)).status).toBe(200)
    expect((await api.get(`/assets/balance/${user}/${coupon}`)).body.balance).toBe(994)
    expect((await api.get(`/addresses/balance/${dApp}`)).body.balance).toBe(wavesBefore - 100_000)
  })

  it('cancels sponsorship with unit; the JSON leaves the fee out', async () => {
    const tx = call('cancel', [{ type: 'string', value: coupon }])
    expect((await api.broadcast(tx)).status).toBe(200)
    expect((await api.get(`/transactions/info/${tx.id}`)).body.stateChanges.sponsorFees).toEqual([{ assetId: coupon }])
    expect((await details(coupon)).minSponsoredAssetFee).toBe(null)
  })

  it('refuses an asset another address issued, a fee of 0 and a negative fee, with the node texts', async () => {
    const issue = wt.issue({ name: 'Others', description: '', quantity: 10, decimals: 0, reissuable: true, chainId: 'R' }, userSeed)
    await api.broadcast(issue)
    const refused = async (id: string, fee: number) =>
      (await api.broadcast(call('sponsor', [{ type: 'string', value: id }, { type: 'integer', value: fee }]))).body.message
    expect(await refused(issue.id, 5)).toBe(`Error while executing dApp: SponsorFee assetId=${issue.id} was not issued from address of current dApp`)
    expect(await refused(coupon, 0)).toBe('Error while executing dApp: NegativeMinFee(0,asset)')
    expect(await refused(coupon, -1)).toBe('Error while executing dApp: GenericError(Negative sponsor amount = -1)')
    expect((await details(coupon)).minSponsoredAssetFee).toBe(null)
  })
})

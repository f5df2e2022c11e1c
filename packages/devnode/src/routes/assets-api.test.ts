// /assets as AssetsApiRoute answers: details, balances (FullAssetInfo), NFTs and distributions, each with the node's
// field order, limits and refusals. Bodies are compared as written (key order included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, seed, wt, type Answer } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

let node: Devnode
let api: ReturnType<typeof client>
const issuerSeed = seed('assets api issuer')
const issuer = addressOf(issuerSeed)
const holderSeeds = [1, 2, 3, 4, 5].map((i) => seed(`assets api holder ${i}`))
const holders = holderSeeds.map(addressOf)
/** 32 bytes of base58 that name no asset */
const UNKNOWN = '8LQW8f7P5d5PZM7GtZEBgaqRPGSzS3DfPuiXrURJ4AJS'
const LSF = { accept: 'application/json;large-significand-format=string' }

type IssueTx = ReturnType<typeof wt.issue>
let token: IssueTx
let nft1: IssueTx
let nft2: IssueTx
let sponsored: IssueTx
/** the height after the token went to the holders, and before */
let spread: number
let beforeSpread: number

const ok = async (answer: Promise<Answer>) => {
  const got = await answer
  if (got.status !== 200) throw new Error(JSON.stringify(got.body))
  return got.body
}
const send = (tx: unknown) => ok(api.broadcast(tx))
/** status and body exactly, key order included */
const exactly = (got: Answer, status: number, body: unknown) => {
  expect(got.status).toBe(status)
  expect(JSON.stringify(got.body)).toBe(JSON.stringify(body))
}
const height = async () => ((await api.get('/blocks/height')).body as { height: number }).height
const infoOf = async (id: string) => (await api.get(`/transactions/info/${id}`)).body as { height: number; timestamp: number }

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await send(wt.transfer({ recipient: issuer, amount: 100_00000000, chainId: 'R' }, RICH_SEED))
  token = wt.issue({ name: 'Token', description: 'fungible', quantity: 1_000_000, decimals: 2, reissuable: true, chainId: 'R' }, issuerSeed)
  await send(token)
  nft1 = wt.issue({ name: 'Nft one', description: '', quantity: 1, decimals: 0, reissuable: false, fee: 100_000, chainId: 'R' }, issuerSeed)
  await send(nft1)
  nft2 = wt.issue({ name: 'Nft two', description: 'second', quantity: 1, decimals: 0, reissuable: false, fee: 100_000, chainId: 'R' }, issuerSeed)
  await send(nft2)
  sponsored = wt.issue({ name: 'Sponsored', description: 's', quantity: 500, decimals: 0, reissuable: false, chainId: 'R' }, issuerSeed)
  await send(sponsored)
  await send(wt.sponsorship({ assetId: sponsored.id, minSponsoredAssetFee: 7, chainId: 'R' }, issuerSeed))
  beforeSpread = await height()
  for (const [i, holder] of holders.entries()) {
    await send(wt.transfer({ recipient: holder, amount: 100 * (i + 1), assetId: token.id, chainId: 'R' }, issuerSeed))
  }
  spread = await height()
  await node.mine()
})

afterAll(() => node.close())

/** AssetsApiRoute.jsonDetails of an asset issued by `tx` */
const details = async (tx: IssueTx, extra: Record<string, unknown> = {}) => {
  const info = await infoOf(tx.id)
  return {
    assetId: tx.id,
    issueHeight: info.height,
    issueTimestamp: info.timestamp,
    issuer,
    issuerPublicKey: tx.senderPublicKey,
    name: tx.name,
    description: tx.description,
    decimals: tx.decimals,
    reissuable: tx.reissuable,
    quantity: tx.quantity,
    scripted: false,
    minSponsoredAssetFee: null,
    originTransactionId: tx.id,
    sequenceInBlock: 0,
    ...extra,
  }
}

/** AssetsApiRoute.issueTxSerializer of a version 3 Issue */
const issueTransaction = (tx: IssueTx) => ({
  type: 3,
  id: tx.id,
  fee: tx.fee,
  feeAssetId: null,
  timestamp: tx.timestamp,
  version: 3,
  chainId: 82,
  sender: issuer,
  senderPublicKey: tx.senderPublicKey,
  proofs: tx.proofs,
  assetId: tx.id,
  name: tx.name,
  quantity: tx.quantity,
  reissuable: tx.reissuable,
  decimals: tx.decimals,
  description: tx.description,
  script: null,
})

describe('/assets/details', () => {
  it('prints one asset in jsonDetails order; 4007 for an id not of 32 bytes, 313 (404) for an asset not issued', async () => {
    exactly(await api.get(`/assets/details/${token.id}`), 200, await details(token))
    // sponsorship is the fee as it stands (AssetDescription.sponsorship), null when 0
    exactly(await api.get(`/assets/details/${sponsored.id}`), 200, await details(sponsored, { minSponsoredAssetFee: 7 }))
    // package.scala AssetId: base58Segment(Some(DigestLength), _ => InvalidAssetId)
    exactly(await api.get('/assets/details/3yZe7d'), 400, { error: 4007, message: 'Invalid asset id' })
    // AssetsApiRoute.assetDetails: AssetDoesNotExist
    exactly(await api.get(`/assets/details/${UNKNOWN}`), 404, { error: 313, message: `Asset does not exist: ${UNKNOWN}` })
  })

  it('lists several in the order asked, by GET ids, POST JSON ids or POST form ids', async () => {
    const expected = [await details(nft1), await details(token), await details(nft1)]
    const ids = [nft1.id, token.id, nft1.id]
    exactly(await api.get(`/assets/details?${ids.map((id) => `id=${id}`).join('&')}`), 200, expected)
    exactly(await api.post('/assets/details', { ids }), 200, expected)
    const form = ids.map((id) => `id=${id}`).join('&')
    exactly(await api.post('/assets/details', form, { 'content-type': 'application/x-www-form-urlencoded' }), 200, expected)
  })

  it('refuses as multipleDetails does: 4009 without ids, 10 past 100, 116 naming ids not base58, one 314 for ids of no asset', async () => {
    // AssetsApiRoute: AssetIdNotSpecified when anyParam("id") is empty
    exactly(await api.get('/assets/details'), 400, { error: 4009, message: 'Asset ID was not specified' })
    exactly(await api.post('/assets/details', { ids: [] }), 400, { error: 4009, message: 'Asset ID was not specified' })
    // CustomDirectives.anyParam(limit = rest-api.asset-details-limit = 100): TooBigArrayAllocation(limit)
    // as a POST: 101 ids in a query are past max-uri-length (2,048 characters), which akka-http refuses first (414)
    exactly(await api.post('/assets/details', { ids: Array(101).fill(token.id) }), 400, { error: 10, message: 'Too big sequence requested: max limit is 100 entries' })
    const many = Array.from({ length: 101 }, () => `id=${token.id}`).join('&')
    expect([(await api.get(`/assets/details?${many}`)).status, (await api.get(`/assets/details?${many.slice(0, 2000)}`)).status]).toEqual([414, 400])
    // ByteStr.decodeBase58 fails on 0, O, I and l: InvalidIds with every such id
    exactly(await api.get(`/assets/details?id=${token.id}&id=0x&id=Il`), 400, { error: 116, message: 'Request contains invalid IDs. 0x, Il', ids: ['0x', 'Il'] })
    // any base58 decodes; those of no asset are AssetsDoesNotExist (314, 400), all named
    exactly(await api.post('/assets/details', { ids: [UNKNOWN, token.id, 'abc'] }), 400, {
      error: 314,
      message: `Asset does not exist. ${UNKNOWN}, abc`,
      ids: [UNKNOWN, 'abc'],
    })
  })

  it('numbers the assets of one block in sequenceInBlock (StaticAssetInfo.sequenceInBlock: the order issued)', async () => {
    const manual = await createDevnode({ autoMine: false })
    try {
      const local = client(manual.url)
      await ok(local.broadcast(wt.transfer({ recipient: issuer, amount: 10_00000000, chainId: 'R' }, RICH_SEED)))
      const first = wt.issue({ name: 'First', description: '', quantity: 10, decimals: 0, chainId: 'R' }, issuerSeed)
      const second = wt.issue({ name: 'Second', description: '', quantity: 10, decimals: 0, chainId: 'R', timestamp: first.timestamp + 1 }, issuerSeed)
      await ok(local.broadcast(first))
      await ok(local.broadcast(second))
      await manual.mine()
      const [a, b] = (await local.get(`/assets/details?id=${first.id}&id=${second.id}`)).body as { sequenceInBlock: number; issueHeight: number }[]
      expect([a!.issueHeight, a!.sequenceInBlock, b!.issueHeight, b!.sequenceInBlock]).toEqual([a!.issueHeight, 0, a!.issueHeight, 1])
      const balances = (await local.get(`/assets/balance/${issuer}?id=${second.id}`)).body as { balances: { sequenceInBlock: number }[] }
      expect(balances.balances[0]!.sequenceInBlock).toBe(1)
    } finally {
      await manual.close()
    }
  })
})

describe('/assets/balance', () => {
  it('gives the portfolio without NFTs, each asset as FullAssetInfo with its Issue, by id bytes', async () => {
    const tokenInfo = {
      assetId: token.id,
      reissuable: true,
      quantity: 1_000_000,
      issueTransaction: issueTransaction(token),
      balance: 1_000_000 - 1500,
      sequenceInBlock: 0,
    }
    // sponsorBalance: the issuer's spendable WAVES (CommonAssetsApi.fullInfos: wavesPortfolio.spendableBalance)
    const regular = ((await api.get(`/addresses/balance/${issuer}`)).body as { balance: number }).balance
    const sponsoredInfo = {
      assetId: sponsored.id,
      reissuable: false,
      minSponsoredAssetFee: 7,
      sponsorBalance: regular,
      quantity: 500,
      issueTransaction: issueTransaction(sponsored),
      balance: 500,
      sequenceInBlock: 0,
    }
    // AddressPortfolio.assetBalanceIterator walks the AssetBalance keys: address id, then asset id bytes
    const byBytes = [tokenInfo, sponsoredInfo].sort((a, b) => Buffer.compare(Buffer.from(wt.libs.crypto.base58Decode(a.assetId)), Buffer.from(wt.libs.crypto.base58Decode(b.assetId))))
    exactly(await api.get(`/assets/balance/${issuer}`), 200, { address: issuer, balances: byBytes })
    exactly(await api.get(`/assets/balance/${holders[1]}`), 200, { address: holders[1], balances: [{ ...tokenInfo, balance: 200 }] })
  })

  it('gives the assets asked, NFTs and zero balances included, an unknown one as {assetId}', async () => {
    const nftInfo = { assetId: nft1.id, reissuable: false, quantity: 1, issueTransaction: issueTransaction(nft1), balance: 1, sequenceInBlock: 0 }
    const expected = { address: issuer, balances: [nftInfo, { assetId: UNKNOWN }, { assetId: 'abc' }] }
    exactly(await api.get(`/assets/balance/${issuer}?id=${nft1.id}&id=${UNKNOWN}&id=abc`), 200, expected)
    exactly(await api.post(`/assets/balance/${issuer}`, { ids: [nft1.id, UNKNOWN, 'abc'] }), 200, expected)
    const form = `id=${nft1.id}&id=${UNKNOWN}&id=abc`
    exactly(await api.post(`/assets/balance/${issuer}`, form, { 'content-type': 'application/x-www-form-urlencoded' }), 200, expected)
    exactly(await api.get(`/assets/balance/${holders[0]}?id=${nft1.id}`), 200, { address: holders[0], balances: [{ ...nftInfo, balance: 0 }] })
  })

  it('writes quantity, balance, fee and the sponsorship fields as strings when asked (fieldNamesToTranslate)', async () => {
    const body = (await api.get(`/assets/balance/${issuer}?id=${sponsored.id}`, LSF)).body as { balances: Record<string, unknown>[] }
    const [info] = body.balances
    expect(info).toEqual({
      assetId: sponsored.id,
      reissuable: false,
      minSponsoredAssetFee: '7',
      sponsorBalance: expect.any(String),
      quantity: '500',
      issueTransaction: { ...issueTransaction(sponsored), fee: String(sponsored.fee), quantity: '500' },
      balance: '500',
      sequenceInBlock: 0,
    })
  })

  it('refuses an address (102), more than 100 ids (10) and ids not base58 (116), as anyParam reads them', async () => {
    exactly(await api.get('/assets/balance/3MzZ'), 400, { error: 102, message: 'invalid address' })
    exactly(await api.post(`/assets/balance/${issuer}`, `id=${Array(101).fill(token.id).join('&id=')}`, { 'content-type': 'application/x-www-form-urlencoded' }), 400, {
      error: 10,
      message: 'Too big sequence requested: max limit is 100 entries',
    })
    exactly(await api.post(`/assets/balance/${issuer}`, { ids: ['0', token.id] }), 400, { error: 116, message: 'Request contains invalid IDs. 0', ids: ['0'] })
  })

  it('gives one balance at /assets/balance/{address}/{assetId}: 0 for an asset not issued, 4007 for an id not of 32 bytes', async () => {
    exactly(await api.get(`/assets/balance/${holders[2]}/${token.id}`), 200, { address: holders[2], assetId: token.id, balance: 300 })
    exactly(await api.get(`/assets/balance/${holders[2]}/${UNKNOWN}`), 200, { address: holders[2], assetId: UNKNOWN, balance: 0 })
    exactly(await api.get(`/assets/balance/${holders[2]}/abc`), 400, { error: 4007, message: 'Invalid asset id' })
  })
})

describe('/assets/nft/{address}/limit/{limit}', () => {
  /** assetDetailsSerializer: minSponsoredAssetFee left out when not sponsored */
  const nftDetails = async (tx: IssueTx) => {
    const { minSponsoredAssetFee: _none, ...rest } = await details(tx)
    const { originTransactionId, sequenceInBlock, ...head } = rest
    return { ...head, originTransactionId, sequenceInBlock }
  }

  it('lists the NFTs held, in the order first held, from after an NFT, up to the limit', async () => {
    const [one, two] = [await nftDetails(nft1), await nftDetails(nft2)]
    exactly(await api.get(`/assets/nft/${issuer}/limit/10`), 200, [one, two])
    exactly(await api.get(`/assets/nft/${issuer}/limit/1`), 200, [one])
    exactly(await api.get(`/assets/nft/${issuer}/limit/10?after=${nft1.id}`), 200, [two])
    exactly(await api.get(`/assets/nft/${issuer}/limit/0`), 200, [])
    // NFTIterator: an `after` the address never held skips every stored entry
    exactly(await api.get(`/assets/nft/${issuer}/limit/10?after=${UNKNOWN}`), 200, [])
    exactly(await api.get(`/assets/nft/${holders[0]}/limit/10`), 200, [])
  })

  it('prints a scripted NFT with its scriptDetails, as full = true does', async () => {
    const compiled = (await api.post('/utils/script/compileCode', '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ASSET #-}\ntrue', { 'content-type': 'text/plain' })).body
    const scripted = wt.issue({ name: 'Nft three', description: '', quantity: 1, decimals: 0, reissuable: false, script: compiled.script, fee: 100_000, chainId: 'R' }, issuerSeed)
    await send(scripted)
    await send(wt.transfer({ recipient: holders[2]!, amount: 1, assetId: scripted.id, fee: 500_000, chainId: 'R' }, issuerSeed))
    const expected = { ...(await nftDetails(scripted)), scripted: true, scriptDetails: { scriptComplexity: compiled.complexity, script: compiled.script, scriptText: 'true' } }
    exactly(await api.get(`/assets/nft/${holders[2]}/limit/10`), 200, [expected])
    // the issuer held it first, but holds it no more
    expect(((await api.get(`/assets/nft/${issuer}/limit/10`)).body as { assetId: string }[]).map((a) => a.assetId)).toEqual([nft1.id, nft2.id])
  })

  it('refuses more than 1,000 (TooBigArrayAllocation), an after not base58 (4007) and a limit not a number (bare 404)', async () => {
    exactly(await api.get(`/assets/nft/${issuer}/limit/1001`), 400, { error: 10, message: 'Too big sequence requested' })
    exactly(await api.get(`/assets/nft/${issuer}/limit/10?after=0OIl`), 400, { error: 4007, message: 'Invalid asset id' })
    exactly(await api.get('/assets/nft/3MzZ/limit/10'), 400, { error: 102, message: 'invalid address' })
    const notANumber = await api.get(`/assets/nft/${issuer}/limit/ten`)
    expect([notANumber.status, notANumber.body]).toEqual([404, 'The requested resource could not be found.'])
  })
})

describe('/assets/{assetId}/distribution/{height}/limit/{limit}', () => {
  const amounts = () => new Map<string, number>([[issuer, 1_000_000 - 1500], ...holders.map((h, i) => [h, 100 * (i + 1)] as [string, number])])

  it('gives the holders at the end of a block by the order the chain met their addresses; items as a Scala Map orders them', async () => {
    const body = (await api.get(`/assets/${token.id}/distribution/${spread}/limit/10`)).body as Record<string, unknown>
    // the chain met the issuer before the holders, and the holders in the order they were paid: lastItem is the last
    // one met; `items` is a Scala HashMap of 6, iterated by the lowest 5 bits of each address's improved hash
    // (JVM: holder 4 is 7, holder 2 10, holder 3 19, the issuer 23, holder 1 26, holder 5 27)
    const all = amounts()
    const items = [holders[3]!, holders[1]!, holders[2]!, issuer, holders[0]!, holders[4]!].map((a) => [a, all.get(a)])
    expect(JSON.stringify(body)).toBe(JSON.stringify({ hasNext: false, lastItem: holders[4], items: Object.fromEntries(items) }))
    // before the transfers the issuer held it all
    exactly(await api.get(`/assets/${token.id}/distribution/${beforeSpread}/limit/10`), 200, { hasNext: false, lastItem: issuer, items: { [issuer]: 1_000_000 } })
  })

  it('pages with limit and after; hasNext is "the page is full"; a Map of up to 4 keeps its order', async () => {
    const all = amounts()
    const page = (list: string[]) => Object.fromEntries(list.map((a) => [a, all.get(a)]))
    exactly(await api.get(`/assets/${token.id}/distribution/${spread}/limit/2`), 200, { hasNext: true, lastItem: holders[0], items: page([issuer, holders[0]!]) })
    exactly(await api.get(`/assets/${token.id}/distribution/${spread}/limit/4?after=${holders[0]}`), 200, {
      hasNext: true,
      lastItem: holders[4],
      items: page(holders.slice(1)),
    })
    exactly(await api.get(`/assets/${token.id}/distribution/${spread}/limit/4?after=${holders[4]}`), 200, { hasNext: false, lastItem: null, items: {} })
    // an address the chain never met: from the start (balanceDistribution seeks from the prefix)
    const stranger = addressOf(seed('assets api stranger'))
    exactly(await api.get(`/assets/${token.id}/distribution/${spread}/limit/1?after=${stranger}`), 200, { hasNext: true, lastItem: issuer, items: page([issuer]) })
    // an asset not issued has no holders
    exactly(await api.get(`/assets/${UNKNOWN}/distribution/${spread}/limit/5`), 200, { hasNext: false, lastItem: null, items: {} })
  })

  it('writes each balance as a string when asked', async () => {
    exactly(await api.get(`/assets/${token.id}/distribution/${beforeSpread}/limit/10`, LSF), 200, { hasNext: false, lastItem: issuer, items: { [issuer]: '1000000' } })
  })

  it('refuses in validateDistributionParams order: limit, height, after; 4007 for the asset id', async () => {
    const current = await height()
    const at = (h: number, limit: number, query = '') => api.get(`/assets/${token.id}/distribution/${h}/limit/${limit}${query}`)
    const refusal = (message: string) => ({ error: 199, message })
    exactly(await at(0, 0), 400, refusal('Limit should be greater than 0'))
    exactly(await at(0, 1001), 400, refusal('Limit should be less than or equal to 1000'))
    exactly(await at(0, 1), 400, refusal('Height should be greater than zero'))
    exactly(await at(current, 1), 400, refusal("Using 'assetDistributionAtHeight' on current height can lead to inconsistent result"))
    exactly(await at(current + 1, 1), 400, refusal(`Asset distribution available only at height not greater than ${current - 1}`))
    exactly(await at(spread, 1, '?after=3MzZ'), 400, { error: 102, message: 'invalid address' })
    exactly(await api.get(`/assets/abc/distribution/${spread}/limit/1`), 400, { error: 4007, message: 'Invalid asset id' })
    const negative = await api.get(`/assets/${token.id}/distribution/-1/limit/1`)
    expect([negative.status, negative.body]).toEqual([404, 'The requested resource could not be found.'])
  })

  it('reads at most 2,000 blocks back (db.max-rollback-depth)', async () => {
    const deep = await createDevnode()
    try {
      for (let i = 0; i < 2001; i++) await deep.mine()
      const current = deep.chain.height
      const refused = await client(deep.url).get(`/assets/${token.id}/distribution/${current - 2001}/limit/1`)
      exactly(refused, 400, { error: 199, message: `Unable to get distribution past height ${current - 2000}` })
      exactly(await client(deep.url).get(`/assets/${token.id}/distribution/${current - 2000}/limit/1`), 200, { hasNext: false, lastItem: null, items: {} })
    } finally {
      await deep.close()
    }
  })
})

describe('assets issued by a dApp', () => {
  const MINTER = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func mint() = [Issue("Minted", "by a call", 1000, 2, true, unit, 0), Issue("Badge", "", 1, 0, false, unit, 0)]`

  it('numbers them in the order issued, without issueTransaction in FullAssetInfo; the NFT is listed', async () => {
    const minterSeed = seed('assets api minter')
    const minter = await deploySource(api, minterSeed, MINTER)
    const call = wt.invokeScript({ dApp: minter, call: { function: 'mint', args: [] }, fee: 100_500_000, chainId: 'R' }, minterSeed)
    await send(call)
    const info = (await api.get(`/transactions/info/${call.id}`)).body as { height: number; stateChanges: { issues: { assetId: string }[] } }
    const [minted, badge] = info.stateChanges.issues.map((issue) => issue.assetId) as [string, string]
    const common = { issueHeight: info.height, issueTimestamp: call.timestamp, issuer: minter, issuerPublicKey: call.senderPublicKey }
    exactly(await api.get(`/assets/details?id=${minted}&id=${badge}`), 200, [
      { assetId: minted, ...common, name: 'Minted', description: 'by a call', decimals: 2, reissuable: true, quantity: 1000, scripted: false, minSponsoredAssetFee: null, originTransactionId: call.id, sequenceInBlock: 0 },
      { assetId: badge, ...common, name: 'Badge', description: '', decimals: 0, reissuable: false, quantity: 1, scripted: false, minSponsoredAssetFee: null, originTransactionId: call.id, sequenceInBlock: 1 },
    ])
    // CommonAssetsApi.fullInfos: the asset's id names no Issue transaction
    exactly(await api.get(`/assets/balance/${minter}`), 200, { address: minter, balances: [{ assetId: minted, reissuable: true, quantity: 1000, balance: 1000, sequenceInBlock: 0 }] })
    const listed = (await api.get(`/assets/nft/${minter}/limit/10`)).body as { assetId: string; sequenceInBlock: number }[]
    expect(listed.map((a) => [a.assetId, a.sequenceInBlock])).toEqual([[badge, 1]])
  })
})

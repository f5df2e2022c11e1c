// /assets (AssetsApiRoute): balances, details, NFTs and balance distributions, with the node's limits and errors.
import { base58Decode } from '../crypto.ts'
import { ScriptCache } from '../chain/scripts.ts'
import { checkAddress } from '../chain/tx.ts'
import { scriptText } from '../ride/script/printout.ts'
import { nodeErrors } from '../errors.ts'
import { type Asset, type AssetScript, type ChainState, type StoredTx, balanceOf, wavesBalanceDetails } from '../state/state.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Request, Router } from './router.ts'
import { bodyIds, booleanQuery, isId } from './params.ts'
import { scalaKeyOrder } from '../scala-order.ts'

/** rest-api.asset-details-limit: ids per /assets/details and /assets/balance request */
const ASSET_DETAILS_LIMIT = 100
/** rest-api.transactions-by-address-limit: NFTs per /assets/nft page */
const NFT_LIMIT = 1000
/** rest-api.distribution-address-limit: addresses per distribution page */
const DISTRIBUTION_LIMIT = 1000
/** db.max-rollback-depth: how far back a distribution can be read, in blocks */
const MAX_DISTRIBUTION_DEPTH = 2000
/** Base58.defaultDecodeLimit: longer strings are not decoded */
const BASE58_DECODE_LIMIT = 192

/** Whether ByteStr.decodeBase58 reads `text` (any length of bytes). */
function decodesBase58(text: string): boolean {
  if (text.length > BASE58_DECODE_LIMIT) return false
  try {
    base58Decode(text)
    return true
  } catch {
    return false
  }
}

/** A path segment read as Akka's IntNumber reads it (digits that fit an Int); anything else matches no route (404). */
function intSegment(text: string): number {
  if (!/^\d+$/.test(text)) throw nodeErrors.notFound()
  const n = Number(text)
  if (n > 2 ** 31 - 1) throw nodeErrors.notFound()
  return n
}

const sponsorship = (asset: Asset): bigint | null => (asset.minSponsoredAssetFee ? asset.minSponsoredAssetFee : null)

/**
 * The asset's number among the assets issued in its block (StaticAssetInfo.sequenceInBlock): the block's transactions
 * in order, an invoke's dApp-to-dApp calls before the actions of the dApp that made them.
 */
function sequenceInBlock(chain: Chain, asset: Asset): number {
  const block = chain.state.blocks[asset.issueHeight - 1]
  let n = 0
  const visit = (stateChanges: Record<string, unknown> | undefined): number | null => {
    for (const call of (stateChanges?.['invokes'] ?? []) as { stateChanges?: Record<string, unknown> }[]) {
      const found = visit(call.stateChanges)
      if (found !== null) return found
    }
    for (const issue of (stateChanges?.['issues'] ?? []) as { assetId: string }[]) {
      if (issue.assetId === asset.assetId) return n
      n++
    }
    return null
  }
  for (const id of block?.txIds ?? []) {
    const tx = chain.tx(id)
    if (tx === undefined || tx.applicationStatus !== 'succeeded') continue
    if (tx.json['type'] === 3) {
      if (id === asset.assetId) return n
      n++
    } else if (tx.json['type'] === 16) {
      const found = visit(tx.stateChanges)
      if (found !== null) return found
    }
  }
  return 0
}

/** Issued as an NFT (quantity 1, no decimals, not reissuable: the node's isNFT), by the Issue or Issue action. */
function isNft(chain: Chain, asset: Asset): boolean {
  const origin = chain.tx(asset.originTransactionId)
  let issued: { quantity: unknown; decimals: unknown; reissuable: unknown } | undefined
  if (origin?.json['type'] === 3) issued = { quantity: origin.json['quantity'], decimals: origin.json['decimals'], reissuable: origin.json['reissuable'] }
  else {
    const find = (stateChanges: Record<string, unknown> | undefined): void => {
      for (const issue of (stateChanges?.['issues'] ?? []) as Record<string, unknown>[]) {
        if (issue['assetId'] === asset.assetId) issued = { quantity: issue['quantity'], decimals: issue['decimals'], reissuable: issue['isReissuable'] }
      }
      for (const call of (stateChanges?.['invokes'] ?? []) as { stateChanges?: Record<string, unknown> }[]) find(call.stateChanges)
    }
    find(origin?.stateChanges)
  }
  return issued !== undefined && BigInt(issued.quantity as bigint) === 1n && Number(issued.decimals) === 0 && issued.reissuable === false
}

/** AssetsApiRoute.issueTxSerializer: the Issue transaction inside FullAssetInfo, in its own field order. */
function issueTransactionJson(tx: StoredTx): Record<string, unknown> {
  const j = tx.json
  const version = Number(j['version'] ?? 1)
  return {
    type: j['type'],
    id: j['id'],
    fee: j['fee'],
    feeAssetId: null,
    timestamp: j['timestamp'],
    version,
    chainId: version >= 2 ? j['chainId'] : null,
    sender: j['sender'],
    senderPublicKey: j['senderPublicKey'],
    proofs: j['proofs'],
    assetId: j['id'],
    name: j['name'],
    quantity: j['quantity'],
    reissuable: j['reissuable'],
    decimals: j['decimals'],
    description: j['description'],
    ...(version >= 2 ? { script: j['script'] ?? null } : {}),
    ...(version === 1 ? { signature: j['signature'] ?? (j['proofs'] as string[] | undefined)?.[0] } : {}),
  }
}

/**
 * AssetsApiRoute.getFullAssetInfo / assetInfoSerializer: the asset's facts with `balance`; sponsorship fields only when
 * sponsored (sponsorBalance is the issuer's spendable WAVES), `issueTransaction` only for an asset issued by a
 * succeeded Issue; an asset the chain does not know is `{assetId}` alone.
 */
function fullAssetInfo(chain: Chain, id: string, balance: bigint): Record<string, unknown> {
  const asset = chain.state.assets.get(id)
  if (asset === undefined) return { assetId: id }
  const fee = sponsorship(asset)
  const issue = chain.tx(id)
  return {
    assetId: id,
    reissuable: asset.reissuable,
    ...(fee === null ? {} : { minSponsoredAssetFee: fee, sponsorBalance: wavesBalanceDetails(chain.state, asset.issuer).available }),
    quantity: asset.quantity,
    ...(issue && issue.json['type'] === 3 && issue.applicationStatus === 'succeeded' ? { issueTransaction: issueTransactionJson(issue) } : {}),
    balance,
    sequenceInBlock: sequenceInBlock(chain, asset),
  }
}

/** The height of the first balance change of `address` in `asset`: the node keeps changes of the last block apart. */
function firstChange(state: ChainState, address: string, asset: string): number {
  return state.assetHistory?.get(`${address}|${asset}`)?.[0]?.[0] ?? state.blocks.length
}

const byIdBytes = (a: string, b: string) => Buffer.compare(base58Decode(a), base58Decode(b))

/**
 * The address's assets as the node walks them (AddressPortfolio): those stored before the current block by id bytes,
 * then those the current block gave it first, in that order.
 */
function walkedAssets(state: ChainState, address: string): { stored: string[]; current: string[] } {
  const height = state.blocks.length
  const stored: string[] = []
  const current: string[] = []
  for (const asset of state.balances.get(address)?.keys() ?? []) {
    // WAVES, and an asset no issue made (nothing the routes could describe)
    if (asset === '' || !state.assets.has(asset)) continue
    ;(firstChange(state, address, asset) < height ? stored : current).push(asset)
  }
  return { stored, current }
}

/** CommonAccountsApi.portfolio: assets with a positive balance, NFTs excluded (ReduceNFTFee). */
function portfolio(chain: Chain, address: string): string[] {
  const { stored, current } = walkedAssets(chain.state, address)
  return [...stored.sort(byIdBytes), ...current].filter((id) => balanceOf(chain.state, address, id) > 0n && !isNft(chain, chain.state.assets.get(id)!))
}

/** `id` parameters of /assets/balance and /assets/details (CustomDirectives.anyParam): at most 100, each base58. */
function assetIds(ids: string[]): string[] {
  if (ids.length > ASSET_DETAILS_LIMIT) throw nodeErrors.tooManyKeys(ASSET_DETAILS_LIMIT)
  const invalid = ids.filter((id) => !decodesBase58(id))
  if (invalid.length > 0) throw nodeErrors.invalidIds(invalid)
  return ids
}

/** AssetsApiRoute.balances: the given assets (each, even at 0) or, without ids, the portfolio. */
function balances(chain: Chain, rawAddress: string, ids: string[]): Record<string, unknown> {
  const address = checkAddress(rawAddress, chain.chainIdByte)
  const assets = assetIds(ids)
  const listed = assets.length > 0 ? assets : portfolio(chain, address)
  return { address, balances: listed.map((id) => fullAssetInfo(chain, id, balanceOf(chain.state, address, id))) }
}

const scripts = new ScriptCache()

/** AssetScriptDetails: the estimator's complexity, the bytes, and the printout of the terms (script.expr.toString). */
function scriptDetails(script: AssetScript): Record<string, unknown> {
  return { scriptComplexity: script.complexity, script: `base64:${script.base64}`, scriptText: scriptText(scripts.get(script.base64)) }
}

/**
 * `/assets/details` (AssetsApiRoute.jsonDetails): `scripted` when the asset has a script and, with `full`,
 * `scriptDetails` {scriptComplexity (the estimator's), script (base64:...), scriptText}. `unsponsoredFee: false`
 * leaves out a `minSponsoredAssetFee` of null, as the NFT list does.
 */
function assetDetails(asset: Asset, full: boolean, sequence: number, { unsponsoredFee = true } = {}): Record<string, unknown> {
  const script = asset.script ?? null
  const fee = sponsorship(asset)
  return {
    assetId: asset.assetId,
    issueHeight: asset.issueHeight,
    issueTimestamp: asset.issueTimestamp,
    issuer: asset.issuer,
    issuerPublicKey: asset.issuerPublicKey,
    name: asset.name,
    description: asset.description,
    decimals: asset.decimals,
    reissuable: asset.reissuable,
    quantity: asset.quantity,
    scripted: script !== null,
    ...(fee === null && !unsponsoredFee ? {} : { minSponsoredAssetFee: fee }),
    originTransactionId: asset.originTransactionId,
    sequenceInBlock: sequence,
    ...(full && script !== null ? { scriptDetails: scriptDetails(script) } : {}),
  }
}

/**
 * /assets/details/{assetId}: 4007 for an id that is not 32 bytes of base58, then `full` (a malformed one is the bare
 * 404), 313 (404) for an asset not issued.
 */
function singleDetails(chain: Chain, id: string, query: URLSearchParams) {
  if (!isId(id)) throw nodeErrors.invalidAssetId()
  const full = booleanQuery(query, 'full')
  const found = chain.state.assets.get(id)
  if (!found) throw nodeErrors.assetNotFound(id)
  return assetDetails(found, full, sequenceInBlock(chain, found))
}

/**
 * AssetsApiRoute.multipleDetails: more than 100 is 10, then `full` (a malformed one is the bare 404), no id is 4009,
 * ids that are not base58 are 116, and ids of no asset (of any length) are one 314 naming them all.
 */
function multipleDetails(chain: Chain, ids: string[], query: URLSearchParams) {
  if (ids.length > ASSET_DETAILS_LIMIT) throw nodeErrors.tooManyKeys(ASSET_DETAILS_LIMIT)
  const full = booleanQuery(query, 'full')
  if (ids.length === 0) throw nodeErrors.assetIdNotSpecified()
  assetIds(ids)
  const missing = ids.filter((id) => !chain.state.assets.has(id))
  if (missing.length > 0) throw nodeErrors.assetsNotFound(missing)
  return ids.map((id) => {
    const asset = chain.state.assets.get(id)!
    return assetDetails(asset, full, sequenceInBlock(chain, asset))
  })
}

/**
 * /assets/nft/{address}/limit/{limit} (AssetsApiRoute.nft, AddressPortfolio.nftIterator): the address's NFTs in the
 * order it first held them, those it holds now, as assetDetailsSerializer prints them (full: scriptDetails for a
 * scripted one, minSponsoredAssetFee only when sponsored). `after` (base58, else 4007) starts past that NFT; an NFT
 * the address never held leaves only those it first held in the current block. More than 1,000 is 10.
 */
function nfts(chain: Chain, req: Request) {
  const address = checkAddress(req.params['address']!, chain.chainIdByte)
  const limit = intSegment(req.params['limit']!)
  const afterText = req.query.get('after') ?? ''
  if (afterText !== '' && !decodesBase58(afterText)) throw nodeErrors.invalidAssetId()
  if (limit > NFT_LIMIT) throw nodeErrors.tooBigSequence()
  const state = chain.state
  const nft = (id: string) => isNft(chain, state.assets.get(id)!)
  const { stored, current } = walkedAssets(state, address)
  const held = [...stored, ...current].filter(nft)
  const storedNfts = stored.filter(nft)
  const currentNfts = current.filter(nft)
  let listed: string[]
  if (afterText === '') listed = held
  else if (storedNfts.includes(afterText)) listed = [...storedNfts.slice(storedNfts.indexOf(afterText) + 1), ...currentNfts]
  else listed = currentNfts.includes(afterText) ? currentNfts.slice(currentNfts.indexOf(afterText) + 1) : currentNfts
  return listed
    .filter((id) => balanceOf(state, address, id) > 0n)
    .slice(0, limit)
    .map((id) => nftDetails(chain, state.assets.get(id)!))
}

/** AssetsApiRoute.assetDetailsSerializer with full = true: as jsonDetails, but minSponsoredAssetFee only when sponsored. */
function nftDetails(chain: Chain, asset: Asset): Record<string, unknown> {
  return assetDetails(asset, true, sequenceInBlock(chain, asset), { unsponsoredFee: false })
}

/**
 * /assets/{assetId}/distribution/{height}/limit/{limit} (AssetsApiRoute.balanceDistributionAtHeight,
 * validateDistributionParams): the holders of the asset at the end of block `height`, by the order the chain first
 * saw their addresses, `after` an address (from the start when the chain does not know it). Refusals are 199 in the
 * node's order: the limit (1 to 1,000), then the height (above 0, not the current one, below it, at most 2,000 back),
 * then `after` (102).
 */
function distribution(chain: Chain, req: Request) {
  const assetId = req.params['assetId']!
  if (!isId(assetId)) throw nodeErrors.invalidAssetId()
  const height = intSegment(req.params['height']!)
  const limit = intSegment(req.params['limit']!)
  const afterText = req.query.get('after')
  const current = chain.height
  if (limit <= 0) throw nodeErrors.custom('Limit should be greater than 0')
  if (limit > DISTRIBUTION_LIMIT) throw nodeErrors.custom(`Limit should be less than or equal to ${DISTRIBUTION_LIMIT}`)
  if (height <= 0) throw nodeErrors.custom('Height should be greater than zero')
  if (height === current) throw nodeErrors.custom("Using 'assetDistributionAtHeight' on current height can lead to inconsistent result")
  if (height > current) throw nodeErrors.custom(`Asset distribution available only at height not greater than ${current - 1}`)
  if (height < current - MAX_DISTRIBUTION_DEPTH) throw nodeErrors.custom(`Unable to get distribution past height ${current - MAX_DISTRIBUTION_DEPTH}`)
  const after = afterText === null ? null : checkAddress(afterText, chain.chainIdByte)
  const state = chain.state
  const addresses = [...state.balances.keys()]
  const start = after === null ? 0 : addresses.indexOf(after) + 1
  const holders: [string, bigint][] = []
  for (const address of addresses.slice(start)) {
    if (holders.length === limit) break
    let balance = 0n
    for (const [at, value] of state.assetHistory?.get(`${address}|${assetId}`) ?? []) if (at <= height) balance = value
    if (balance > 0n) holders.push([address, balance])
  }
  const amounts = new Map(holders)
  return {
    hasNext: holders.length === limit,
    lastItem: holders[holders.length - 1]?.[0] ?? null,
    items: Object.fromEntries(scalaKeyOrder(holders.map(([address]) => address)).map((address) => [address, amounts.get(address)!])),
  }
}

export function assetRoutes(router: Router): void {
  router
    .on('GET', '/assets/balance/{address}', (req, chain) => balances(chain, req.params['address']!, req.query.getAll('id')))
    .on('POST', '/assets/balance/{address}', (req, chain) => balances(chain, req.params['address']!, bodyIds(req)))
    .on('GET', '/assets/balance/{address}/{assetId}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const id = req.params['assetId']!
      if (!isId(id)) throw nodeErrors.invalidAssetId()
      return { address, assetId: id, balance: balanceOf(chain.state, address, id) }
    })
    .on('GET', '/assets/details/{assetId}', (req, chain) => singleDetails(chain, req.params['assetId']!, req.query))
    .on('GET', '/assets/details', (req, chain) => multipleDetails(chain, req.query.getAll('id'), req.query))
    .on('POST', '/assets/details', (req, chain) => multipleDetails(chain, bodyIds(req), req.query))
    .on('GET', '/assets/nft/{address}/limit/{limit}', (req, chain) => nfts(chain, req))
    .on('GET', '/assets/{assetId}/distribution/{height}/limit/{limit}', (req, chain) => distribution(chain, req))
}

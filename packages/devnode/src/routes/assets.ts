// /assets: balances and details.
import { checkAddress } from '../chain/tx.ts'
import { nodeErrors } from '../errors.ts'
import { type Asset, balanceOf, wavesBalanceDetails } from '../state/state.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Router } from './router.ts'
import { bodyIds, isId } from './params.ts'

/** AssetsApiRoute's FullAssetInfo: sponsorship fields only when sponsored, the issue transaction as stored. */
function assetBalance(chain: Chain, id: string, balance: bigint): Record<string, unknown> {
  const a = chain.state.assets.get(id)!
  const sponsored = a.minSponsoredAssetFee ?? null
  const issue = chain.tx(a.originTransactionId)
  return {
    assetId: id,
    reissuable: a.reissuable,
    ...(sponsored === null ? {} : { minSponsoredAssetFee: sponsored, sponsorBalance: wavesBalanceDetails(chain.state, a.issuer).available }),
    quantity: a.quantity,
    ...(issue && issue.json['type'] === 3 ? { issueTransaction: issue.json } : {}),
    balance,
    sequenceInBlock: 0,
  }
}

function asset(chain: Chain, id: string, full: boolean) {
  if (!isId(id)) throw nodeErrors.invalidAssetId()
  const found = chain.state.assets.get(id)
  if (!found) throw nodeErrors.assetNotFound(id)
  return assetDetails(found, full)
}

/** The `full` query parameter of /assets/details, read as Akka's Boolean unmarshaller reads it (absent is false). */
const fullParam = (req: { query: URLSearchParams }): boolean => ['true', 'yes', 'on', '1'].includes((req.query.get('full') ?? '').toLowerCase())

/**
 * `/assets/details` (AssetsApiRoute.jsonDetails): `scripted` when the asset has a script and, with `full`,
 * `scriptDetails` {scriptComplexity (the estimator's), script (base64:...)}. The node adds `scriptText`, the Scala
 * printout of the script's tree, which is not reproduced here.
 */
export function assetDetails(asset: Asset, full = false): Record<string, unknown> {
  const script = asset.script ?? null
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
    minSponsoredAssetFee: asset.minSponsoredAssetFee ?? null,
    originTransactionId: asset.originTransactionId,
    sequenceInBlock: 0,
    ...(full && script !== null ? { scriptDetails: { scriptComplexity: script.complexity, script: `base64:${script.base64}` } } : {}),
  }
}

export function assetRoutes(router: Router): void {
  router
    .on('GET', '/assets/balance/{address}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const balances = [...(chain.state.balances.get(address) ?? new Map<string, bigint>())]
        .filter(([id, balance]) => id !== '' && balance > 0n)
        .map(([id, balance]) => assetBalance(chain, id, balance))
      return { address, balances }
    })
    .on('GET', '/assets/balance/{address}/{assetId}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const id = req.params['assetId']!
      if (!isId(id)) throw nodeErrors.invalidAssetId()
      return { address, assetId: id, balance: balanceOf(chain.state, address, id) }
    })
    .on('GET', '/assets/details/{assetId}', (req, chain) => asset(chain, req.params['assetId']!, fullParam(req)))
    .on('GET', '/assets/details', (req, chain) => req.query.getAll('id').map((id) => asset(chain, id, fullParam(req))))
    .on('POST', '/assets/details', (req, chain) => bodyIds(req).map((id) => asset(chain, id, fullParam(req))))
}

// /blocks, /transactions, /assets, /utils, /node and /alias.
import { base58Decode } from '../crypto.ts'
import { MAX_KEYS_PER_REQUEST, NODE_VERSION, accountExtraFee } from '../constants.ts'
import { checkAddress, checkAliasName } from '../chain/tx.ts'
import { nodeErrors } from '../errors.ts'
import { balanceOf, lastBlock, resolveAlias, wavesBalanceDetails } from '../state/state.ts'
import { leaseInfo } from '../chain/tx-rules.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Request, Router } from './router.ts'
import { assetDetails, blockAt, blockHeader, fullBlock, txInfo } from './views.ts'

function isId(id: string): boolean {
  try {
    return base58Decode(id).length === 32
  } catch {
    return false
  }
}

function txStatus(chain: Chain, id: string): Record<string, unknown> {
  const tx = chain.tx(id)
  if (tx) {
    // TransactionsApiRoute.loadTransactionStatus: the status, then metaJson (applicationStatus, spentComplexity)
    return { id, status: 'confirmed', height: tx.height, confirmations: chain.height - tx.height, applicationStatus: tx.applicationStatus, spentComplexity: tx.spentComplexity ?? 0 }
  }
  return { id, status: chain.isPending(id) ? 'unconfirmed' : 'not_found' }
}

function idList(ids: string[], each: (id: string) => unknown): unknown[] {
  if (ids.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  const invalid = ids.filter((id) => !isId(id))
  if (invalid.length > 0) throw nodeErrors.invalidIds(invalid)
  return ids.map(each)
}

function bodyIds(req: Request): string[] {
  const body = req.body()
  if (body instanceof URLSearchParams) return body.getAll('id')
  const ids = (body as { ids?: unknown } | null)?.ids
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw nodeErrors.wrongJson('expected {"ids": [...]}')
  return ids as string[]
}

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

/** LeaseApiRoute.leasingInfosMap: every id valid (116 otherwise), unknown ones left out. */
function leaseInfos(chain: Chain, ids: string[]): unknown[] {
  return idList(ids, (id) => id).flatMap((id) => {
    const lease = chain.state.leases?.get(id as string)
    return lease ? [leaseInfo(lease)] : []
  })
}

function asset(chain: Chain, id: string, full: boolean) {
  if (!isId(id)) throw nodeErrors.invalidAssetId()
  const found = chain.state.assets.get(id)
  if (!found) throw nodeErrors.assetNotFound(id)
  return assetDetails(found, full)
}

/** The `full` query parameter of /assets/details, read as Akka's Boolean unmarshaller reads it (absent is false). */
const fullParam = (req: { query: URLSearchParams }): boolean => ['true', 'yes', 'on', '1'].includes((req.query.get('full') ?? '').toLowerCase())

function compile(chain: Chain, source: string, libraries: Record<string, string>) {
  const compiled = chain.compile({ source, libraries })
  return {
    script: `base64:${compiled.base64}`,
    complexity: compiled.complexity,
    verifierComplexity: compiled.verifierComplexity,
    callableComplexities: compiled.callableComplexities,
    extraFee: accountExtraFee(compiled.verifierComplexity),
  }
}

export function chainRoutes(router: Router): void {
  router
    .on('GET', '/node/version', () => ({ version: NODE_VERSION }))
    .on('GET', '/node/status', (_req, chain) => {
      const block = lastBlock(chain.state)
      return { blockchainHeight: chain.height, stateHeight: chain.height, updatedTimestamp: block.timestamp, updatedDate: new Date(block.timestamp).toISOString() }
    })
    .on('GET', '/utils/time', (_req, chain) => ({ system: chain.clock.now(), NTP: chain.clock.now() }))
    // AliasApiRoute: the bare name is checked as Alias.create does (199 with its text), then resolved (302, 404)
    .on('GET', '/alias/by-alias/{name}', (req, chain) => {
      const name = checkAliasName(req.params['name']!)
      const address = resolveAlias(chain.state, name)
      if (address === undefined) throw nodeErrors.aliasNotFound(`alias:${chain.chainId}:${name}`)
      return { address }
    })
    .on('GET', '/alias/by-address/{address}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const names: string[] = []
      for (const [name, owner] of chain.state.aliases ?? []) if (owner === address) names.push(`alias:${chain.chainId}:${name}`)
      return names
    })

    // LeaseApiRoute
    .on('GET', '/leasing/active/{address}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const active = [...(chain.state.leases?.values() ?? [])].filter((l) => l.status === 'active' && (l.sender === address || l.recipient === address))
      return active.map(leaseInfo)
    })
    .on('GET', '/leasing/info/{id}', (req, chain) => {
      const id = req.params['id']!
      if (!isId(id)) throw nodeErrors.invalidTxId('Invalid transaction id')
      const lease = chain.state.leases?.get(id)
      if (!lease) throw nodeErrors.txNotFound()
      return leaseInfo(lease)
    })
    .on('GET', '/leasing/info', (req, chain) => leaseInfos(chain, req.query.getAll('id')))
    .on('POST', '/leasing/info', (req, chain) => leaseInfos(chain, bodyIds(req)))

    .on('GET', '/blocks/height', (_req, chain) => ({ height: chain.height }))
    .on('GET', '/blocks/last', (_req, chain) => fullBlock(chain, lastBlock(chain.state)))
    .on('GET', '/blocks/headers/last', (_req, chain) => blockHeader(lastBlock(chain.state)))
    .on('GET', '/blocks/at/{height}', (req, chain) => fullBlock(chain, blockAt(chain, req.params['height']!)))
    .on('GET', '/blocks/headers/at/{height}', (req, chain) => blockHeader(blockAt(chain, req.params['height']!)))

    .on('POST', '/transactions/broadcast', (req, chain) => chain.broadcast(req.body()))
    .on('GET', '/transactions/info/{id}', (req, chain) => {
      const id = req.params['id']!
      if (!isId(id)) throw nodeErrors.invalidTxId('Invalid transaction id')
      const tx = chain.tx(id)
      if (!tx) throw nodeErrors.txNotFound()
      return txInfo(tx, chain.state)
    })
    .on('GET', '/transactions/status', (req, chain) => idList(req.query.getAll('id'), (id) => txStatus(chain, id)))
    .on('POST', '/transactions/status', (req, chain) => idList(bodyIds(req), (id) => txStatus(chain, id)))
    .on('GET', '/transactions/unconfirmed/size', (_req, chain) => ({ size: chain.unconfirmedCount }))
    .on('GET', '/transactions/unconfirmed', () => [])
    .on('GET', '/transactions/address/{address}/limit/{limit}', (req, chain) => {
      const address = checkAddress(req.params['address']!, chain.chainIdByte)
      const limit = Number(req.params['limit'])
      if (!Number.isInteger(limit) || limit < 1) throw nodeErrors.custom('invalid limit')
      if (limit > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
      const ids = chain.state.addressTxs.get(address) ?? []
      const after = req.query.get('after')
      let end = ids.length
      if (after !== null) {
        const at = ids.lastIndexOf(after)
        if (at < 0) throw nodeErrors.custom(`Unable to find transaction ${after}`)
        end = at
      }
      const page = ids.slice(Math.max(0, end - limit), end).reverse()
      return [page.map((id) => txInfo(chain.tx(id)!, chain.state))]
    })

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

    .on('POST', '/utils/script/compileCode', (req, chain) => compile(chain, req.text, {}))
    .on('POST', '/utils/script/compileWithImports', (req, chain) => {
      const body = req.body() as { script?: unknown; imports?: unknown } | null
      if (typeof body?.script !== 'string') throw nodeErrors.wrongJson('script: expected a string')
      const imports = body.imports ?? {}
      if (typeof imports !== 'object' || imports === null || Object.values(imports).some((v) => typeof v !== 'string')) {
        throw nodeErrors.wrongJson('imports: expected an object of strings')
      }
      return compile(chain, body.script, imports as Record<string, string>)
    })
}

// /alias and /leasing.
import { checkAliasName } from '../chain/tx.ts'
import { base58Decode } from '../crypto.ts'
import { MAX_KEYS_PER_REQUEST } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import { resolveAlias, type Lease } from '../state/state.ts'
import { leaseInfo } from '../chain/tx-rules.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Request, Router } from './router.ts'
import { addressSegment, base58Fault, jsonStrings } from './addresses.ts'

/** Base58.tryDecodeWithLimit: base58 of at most 192 characters */
function decodes(id: string): boolean {
  if (id.length > 192) return false
  try {
    base58Decode(id)
    return true
  } catch {
    return false
  }
}

/**
 * The path matcher TransactionId (idOrHash): base58 of 32 or 64 bytes, 4001 otherwise with the node's text (the
 * decoder's `requirement failed: ...`, or the length).
 */
function pathLeaseId(text: string): string {
  let message: string | undefined
  if (text.length > 192) message = 'requirement failed: base58Decode input exceeds 192'
  else {
    const wrong = base58Fault(text)
    if (wrong !== undefined) message = wrong
    else {
      const length = base58Decode(text).length
      if (length !== 32 && length !== 64) message = `${text} has invalid length ${length}. Length can either be 32 or 64`
    }
  }
  if (message !== undefined) throw nodeErrors.invalidTxId(message)
  return text
}

/**
 * LeaseApiRoute.leasingInfosMap: at most 1,000 ids (10 otherwise); every id must decode and name a lease, or the
 * whole request is 116 `Invalid IDs` naming the ones that do not, in request order.
 */
function leaseInfos(chain: Chain, ids: string[]): unknown[] {
  if (ids.length > MAX_KEYS_PER_REQUEST) throw nodeErrors.tooManyKeys(MAX_KEYS_PER_REQUEST)
  const leases = ids.map((id) => (decodes(id) ? chain.state.leases?.get(id) : undefined))
  const failed = ids.filter((_, i) => leases[i] === undefined)
  if (failed.length > 0) throw nodeErrors.invalidIds(failed)
  return (leases as Lease[]).map(leaseInfo)
}

/** anyParam("id"): `id` repeated in the query of a GET, form fields `id` or JSON `{"ids": [...]}` in a POST */
function postedIds(req: Request): string[] {
  const body = req.body()
  return body instanceof URLSearchParams ? body.getAll('id') : jsonStrings(body, 'ids')
}

export function aliasLeasingRoutes(router: Router): void {
  router
    // AliasApiRoute: the bare name is checked as Alias.create does (199 with its text), then resolved (302, 404)
    .on('GET', '/alias/by-alias/{name}', (req, chain) => {
      const name = checkAliasName(req.params['name']!)
      const address = resolveAlias(chain.state, name)
      if (address === undefined) throw nodeErrors.aliasNotFound(`alias:${chain.chainId}:${name}`)
      return { address }
    })
    // CommonTransactionsApi.aliasesOfAddress: from the address's CreateAlias transactions, newest first
    .on('GET', '/alias/by-address/{address}', (req, chain) => {
      const address = addressSegment(req.params['address']!, chain.chainIdByte)
      const names: string[] = []
      for (const [name, owner] of chain.state.aliases ?? []) if (owner === address) names.push(`alias:${chain.chainId}:${name}`)
      return names.reverse()
    })

    // LeaseApiRoute. Active leases come newest block first (the liquid block's, then LeaseByAddressIterator going
    // back through the address's lease sequence), in their order within a block.
    .on('GET', '/leasing/active/{address}', (req, chain) => {
      const address = addressSegment(req.params['address']!, chain.chainIdByte)
      const active = [...(chain.state.leases?.values() ?? [])].filter((l) => l.status === 'active' && (l.sender === address || l.recipient === address))
      const byBlock = new Map<number, Lease[]>()
      for (const lease of active) byBlock.set(lease.height, [...(byBlock.get(lease.height) ?? []), lease])
      return [...byBlock.entries()].sort(([a], [b]) => b - a).flatMap(([, leases]) => leases.map(leaseInfo))
    })
    .on('GET', '/leasing/info/{id}', (req, chain) => {
      const id = pathLeaseId(req.params['id']!)
      const lease = chain.state.leases?.get(id)
      if (!lease) throw nodeErrors.txNotFound()
      return leaseInfo(lease)
    })
    .on('GET', '/leasing/info', (req, chain) => leaseInfos(chain, req.query.getAll('id')))
    .on('POST', '/leasing/info', (req, chain) => leaseInfos(chain, postedIds(req)))
}

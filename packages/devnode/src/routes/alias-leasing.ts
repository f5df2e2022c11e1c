// /alias and /leasing.
import { checkAddress, checkAliasName } from '../chain/tx.ts'
import { nodeErrors } from '../errors.ts'
import { resolveAlias } from '../state/state.ts'
import { leaseInfo } from '../chain/tx-rules.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Router } from './router.ts'
import { bodyIds, idList, isId } from './params.ts'

/** LeaseApiRoute.leasingInfosMap: every id valid (116 otherwise), unknown ones left out. */
function leaseInfos(chain: Chain, ids: string[]): unknown[] {
  return idList(ids, (id) => id).flatMap((id) => {
    const lease = chain.state.leases?.get(id as string)
    return lease ? [leaseInfo(lease)] : []
  })
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
}

// /transactions: broadcast, info, status, the unconfirmed pool and an address's history.
import { MAX_KEYS_PER_REQUEST } from '../constants.ts'
import { checkAddress } from '../chain/tx.ts'
import { nodeErrors } from '../errors.ts'
import type { Chain } from '../chain/devnode.ts'
import type { Router } from './router.ts'
import { bodyIds, idList, isId } from './params.ts'
import { txInfo } from './tx-json.ts'

function txStatus(chain: Chain, id: string): Record<string, unknown> {
  const tx = chain.tx(id)
  if (tx) {
    // TransactionsApiRoute.loadTransactionStatus: the status, then metaJson (applicationStatus, spentComplexity)
    return { id, status: 'confirmed', height: tx.height, confirmations: chain.height - tx.height, applicationStatus: tx.applicationStatus, spentComplexity: tx.spentComplexity ?? 0 }
  }
  return { id, status: chain.isPending(id) ? 'unconfirmed' : 'not_found' }
}

export function transactionRoutes(router: Router): void {
  router
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
}

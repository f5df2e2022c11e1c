// The node's JSON of a stored transaction (TransactionJsonSerializer): the transaction, its meta and stateChanges.
import type { ChainState, StoredTx } from '../state/state.ts'
import { leaseInfo } from '../chain/tx-rules.ts'
import { liveStateChanges } from '../chain/actions.ts'

export function txWithStatus(tx: StoredTx, state?: ChainState): Record<string, unknown> {
  return { ...tx.json, ...(state ? leaseFields(tx, state) : {}), applicationStatus: tx.applicationStatus, ...(tx.stateChanges ? { stateChanges: state ? liveStateChanges(tx.stateChanges, state) : tx.stateChanges } : {}) }
}

/**
 * What TransactionJsonSerializer adds to leases as of now: a Lease its `status`, a LeaseCancel its `lease`
 * (LeaseInfo) beside `leaseId`.
 */
function leaseFields(tx: StoredTx, state: ChainState): Record<string, unknown> {
  if (tx.json['type'] === 8) {
    return { status: state.leases?.get(tx.json['id'] as string)?.status === 'active' ? 'active' : 'canceled' }
  }
  if (tx.json['type'] === 9) {
    const lease = state.leases?.get(tx.json['leaseId'] as string)
    return { lease: lease ? leaseInfo(lease) : null }
  }
  return {}
}

/**
 * TransactionJsonSerializer.leaseIdToLeaseRef: the lease a LeaseCancel names as LeaseInfo; a lease the chain does not
 * know has only its id, nulls and `canceled`.
 */
function leaseRef(state: ChainState, leaseId: string): Record<string, unknown> {
  const lease = state.leases?.get(leaseId)
  if (lease) return leaseInfo(lease)
  return { id: leaseId, originTransactionId: null, sender: null, recipient: null, amount: null, height: null, status: 'canceled', cancelHeight: null, cancelTransactionId: null }
}

/**
 * `/transactions/info/{id}` and `/transactions/address/...` (TransactionJsonSerializer.transactionMetaJson): the
 * transaction, then height, applicationStatus, spentComplexity (every type; 0 without scripts), stateChanges for
 * invokes, and last what leases add: a Lease its `status`, a LeaseCancel its `lease`.
 */
export function txInfo(tx: StoredTx, state: ChainState): Record<string, unknown> {
  const meta: Record<string, unknown> = { height: tx.height, applicationStatus: tx.applicationStatus, spentComplexity: tx.spentComplexity ?? 0 }
  if (tx.stateChanges) meta['stateChanges'] = liveStateChanges(tx.stateChanges, state)
  if (tx.json['type'] === 8) meta['status'] = state.leases?.get(tx.json['id'] as string)?.status === 'active' ? 'active' : 'canceled'
  if (tx.json['type'] === 9) meta['lease'] = leaseRef(state, tx.json['leaseId'] as string)
  return { ...tx.json, ...meta }
}

/** TransactionJsonSerializer.unconfirmedTxExtendedJson: a pending transaction as broadcast; a LeaseCancel adds `lease`. */
export function unconfirmedTxJson(json: Record<string, unknown>, state: ChainState): Record<string, unknown> {
  return json['type'] === 9 ? { ...json, lease: leaseRef(state, json['leaseId'] as string) } : json
}

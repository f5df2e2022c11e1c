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
 * `/transactions/info/{id}` and `/transactions/address/...`: the transaction, then TransactionJsonSerializer's
 * meta in its order: height, applicationStatus, spentComplexity (every type; 0 without scripts), and stateChanges
 * for invokes.
 */
export function txInfo(tx: StoredTx, state?: ChainState): Record<string, unknown> {
  const { stateChanges, ...rest } = txWithStatus(tx, state)
  const { applicationStatus, ...transaction } = rest
  return { ...transaction, height: tx.height, applicationStatus, spentComplexity: tx.spentComplexity ?? 0, ...(stateChanges === undefined ? {} : { stateChanges }) }
}


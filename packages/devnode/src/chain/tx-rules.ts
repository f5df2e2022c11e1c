// The chain rules of the transaction types around assets, leases and aliases (the node's AssetTransactionsDiffs,
// LeaseTransactionsDiff, CreateAliasTransactionDiff and DiffsCommon), and the fee paid in a sponsored asset
// (FeeValidation, Sponsorship). Each function checks, then adds its effects; nothing is applied here.
import { FEE_UNIT, MAX_LONG } from '../constants.ts'
import { type ChainState, type Effects, type Lease, WAVES, balanceOf, leaseBalance, resolveAlias } from '../state/state.ts'
import type { Tx } from './tx.ts'

type Fail = (reason: string) => never

/**
 * The address a recipient names: an address as it is, `alias:R:name` resolved (Blockchain.resolveAlias). An alias
 * nobody claimed fails with AliasDoesNotExist's text, `alias 'alias:R:name' doesn't exist`.
 */
export function resolveRecipient(state: ChainState, recipient: string, fail: Fail): string {
  if (!recipient.startsWith('alias:')) return recipient
  return resolveAlias(state, recipient.slice('alias:R:'.length)) ?? fail(`alias '${recipient}' doesn't exist`)
}

/**
 * FeeValidation.feeAfterSponsorship: a fee asset must exist and be sponsored. Returns its minSponsoredAssetFee (the
 * asset amount worth 0.001 WAVES), or null for a fee in WAVES.
 */
export function checkFeeAsset(state: ChainState, tx: Tx, fail: Fail): bigint | null {
  if (tx.feeAssetId === null) return null
  const asset = state.assets.get(tx.feeAssetId)
  if (asset === undefined) return fail(`Asset ${tx.feeAssetId} does not exist, cannot be used to pay fees`)
  const sponsorship = asset.minSponsoredAssetFee ?? 0n
  if (sponsorship <= 0n) return fail(`Asset ${tx.feeAssetId} is not sponsored, cannot be used to pay fees`)
  return sponsorship
}

/**
 * The fee's balance changes (TransactionDiffer.feePortfolios): the sender pays in WAVES, or in a sponsored asset that
 * goes to the asset's issuer, who pays the WAVES worth of it (Sponsorship.toWaves: fee * 100,000 / sponsorship).
 */
export function feeBalances(state: ChainState, tx: Tx): [string, string, bigint][] {
  if (tx.feeAssetId === null) return [[tx.sender, WAVES, -tx.fee]]
  const asset = state.assets.get(tx.feeAssetId)!
  const inWaves = (tx.fee * FEE_UNIT) / (asset.minSponsoredAssetFee ?? 1n)
  return [
    [tx.sender, tx.feeAssetId, -tx.fee],
    [asset.issuer, tx.feeAssetId, tx.fee],
    [asset.issuer, WAVES, -inWaves],
  ]
}

/** DiffsCommon.validateAsset: the asset exists and, where `issuerOnly`, the sender issued it. */
function ownAsset(state: ChainState, assetId: string, sender: string, issuerOnly: boolean, fail: Fail) {
  const asset = state.assets.get(assetId)
  if (asset === undefined) return fail('Referenced assetId not found')
  if (issuerOnly && asset.issuer !== sender) return fail('Asset was issued by other address')
  return asset
}

/** Reissue (5), Burn (6) and SponsorFee (14): DiffsCommon.processReissue, processBurn, processSponsor. */
export function applyAssetTx(state: ChainState, tx: Extract<Tx, { type: 5 | 6 | 14 }>, effects: Effects, fail: Fail): void {
  switch (tx.type) {
    case 5: {
      const asset = ownAsset(state, tx.assetId, tx.sender, true, fail)
      if (!asset.reissuable) fail('Asset is not reissuable')
      if (MAX_LONG - tx.quantity < asset.quantity) fail('Asset total value overflow')
      effects.balances.push([tx.sender, tx.assetId, tx.quantity])
      effects.asset = { ...asset, quantity: asset.quantity + tx.quantity, reissuable: tx.reissuable }
      break
    }
    case 6: {
      // BurnAnyTokens is active: anyone burns what they hold
      const asset = ownAsset(state, tx.assetId, tx.sender, false, fail)
      effects.balances.push([tx.sender, tx.assetId, -tx.amount])
      effects.asset = { ...asset, quantity: asset.quantity - tx.amount }
      break
    }
    case 14: {
      const asset = ownAsset(state, tx.assetId, tx.sender, true, fail)
      const min = tx.minSponsoredAssetFee ?? 0n
      effects.asset = { ...asset, minSponsoredAssetFee: min === 0n ? null : min }
      break
    }
  }
}

/** Lease (8) and LeaseCancel (9): DiffsCommon.processLease and processLeaseCancel, with their texts. */
export function applyLeaseTx(
  state: ChainState,
  tx: Extract<Tx, { type: 8 | 9 }>,
  effects: Effects,
  addresses: string[],
  fail: Fail,
): void {
  const height = state.blocks.length
  if (tx.type === 8) {
    const recipient = resolveRecipient(state, tx.recipient, fail)
    if (recipient === tx.sender) fail('Cannot lease to self')
    if (state.leases?.has(tx.id)) fail(`Lease with id=${tx.id} is already in the state`)
    const out = leaseBalance(state, tx.sender).out
    const balance = balanceOf(state, tx.sender)
    // SynchronousCalls is active: the fee counts too
    if (balance - out < tx.amount + tx.fee) fail(`Cannot lease more than own: Balance: ${balance}, already leased: ${out}`)
    effects.lease = { id: tx.id, originTransactionId: tx.id, sender: tx.sender, recipient, amount: tx.amount, height, status: 'active' }
    addresses.push(recipient)
    return
  }
  const lease = state.leases?.get(tx.leaseId)
  if (lease === undefined) return fail(`Lease with id=${tx.leaseId} not found`)
  if (lease.status !== 'active') fail('Cannot cancel already cancelled lease')
  if (lease.sender !== tx.sender) {
    // allowMultipleLeaseCancelTransactionUntilTimestamp of mainnet (the node's functionality settings)
    fail(`LeaseTransaction was leased by other sender and time=${state.blocks[height - 1]!.timestamp} > allowMultipleLeaseCancelTransactionUntilTimestamp=1492768800000`)
  }
  effects.lease = { ...lease, status: 'canceled', cancelHeight: height, cancelTransactionId: tx.id }
  addresses.push(lease.recipient)
}

/** CreateAlias (10): CreateAliasTransactionDiff; an alias is claimed once, by one address. */
export function applyAliasTx(state: ChainState, tx: Extract<Tx, { type: 10 }>, effects: Effects, fail: Fail): void {
  if (resolveAlias(state, tx.alias) !== undefined) fail('Alias already claimed')
  effects.alias = [tx.alias, tx.sender]
}

/** The lease as /transactions/info, /leasing and stateChanges print it (LeaseInfo of the node's OpenAPI). */
export function leaseInfo(lease: Lease): Record<string, unknown> {
  return {
    id: lease.id,
    originTransactionId: lease.originTransactionId,
    sender: lease.sender,
    recipient: lease.recipient,
    amount: lease.amount,
    height: lease.height,
    status: lease.status,
    cancelHeight: lease.cancelHeight ?? null,
    cancelTransactionId: lease.cancelTransactionId ?? null,
  }
}

// The node's JSON shapes for blocks, transactions and assets (see the node's OpenAPI spec).
import { base58Encode, blake2b, stringToBytes } from '../crypto.ts'
import type { Chain } from '../chain/devnode.ts'
import { nodeErrors } from '../errors.ts'
import type { Asset, Block, ChainState, StoredTx } from '../state/state.ts'
import { leaseInfo } from '../chain/tx-rules.ts'
import { liveStateChanges } from '../chain/actions.ts'

const BLOCK_REWARD = 600_000_000n

export function blockHeader(block: Block): Record<string, unknown> {
  return {
    version: 5,
    timestamp: block.timestamp,
    reference: block.reference,
    'nxt-consensus': { 'base-target': 60, 'generation-signature': block.generationSignature },
    transactionsRoot: base58Encode(blake2b(stringToBytes(block.txIds.join(',')))),
    id: block.id,
    features: [],
    desiredReward: -1,
    generator: block.generator,
    generatorPublicKey: block.generatorPublicKey,
    signature: block.signature,
    blocksize: 300 + block.txIds.length * 400,
    transactionCount: block.txIds.length,
    totalFee: block.totalFee,
    reward: BLOCK_REWARD,
    rewardShares: { [block.generator]: BLOCK_REWARD },
    VRF: block.generationSignature,
    height: block.height,
  }
}

export function fullBlock(chain: Chain, block: Block): Record<string, unknown> {
  return {
    ...blockHeader(block),
    fee: block.totalFee,
    transactions: block.txIds.map((id) => txWithStatus(chain.tx(id)!, chain.state)),
  }
}

export function blockAt(chain: Chain, height: string): Block {
  const h = Number(height)
  const block = Number.isInteger(h) ? chain.state.blocks[h - 1] : undefined
  if (!block) throw nodeErrors.blockNotFound()
  return block
}

function txWithStatus(tx: StoredTx, state?: ChainState): Record<string, unknown> {
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

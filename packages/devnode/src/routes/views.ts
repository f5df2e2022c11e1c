// The node's JSON shapes for blocks, transactions and assets (see the node's OpenAPI spec).
import { base58Encode, blake2b, stringToBytes } from '../crypto.ts'
import type { Chain } from '../chain/devnode.ts'
import { nodeErrors } from '../errors.ts'
import type { Asset, Block, StoredTx } from '../state/state.ts'

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
    transactions: block.txIds.map((id) => txWithStatus(chain.tx(id)!)),
  }
}

export function blockAt(chain: Chain, height: string): Block {
  const h = Number(height)
  const block = Number.isInteger(h) ? chain.state.blocks[h - 1] : undefined
  if (!block) throw nodeErrors.blockNotFound()
  return block
}

function txWithStatus(tx: StoredTx): Record<string, unknown> {
  return { ...tx.json, applicationStatus: tx.applicationStatus, ...(tx.stateChanges ? { stateChanges: tx.stateChanges } : {}) }
}

/** `/transactions/info/{id}`: the transaction, its height, status and (for invokes) state changes. */
export function txInfo(tx: StoredTx): Record<string, unknown> {
  return { ...txWithStatus(tx), height: tx.height }
}

export function assetDetails(asset: Asset): Record<string, unknown> {
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
    scripted: false,
    minSponsoredAssetFee: null,
    originTransactionId: asset.originTransactionId,
    sequenceInBlock: 0,
  }
}

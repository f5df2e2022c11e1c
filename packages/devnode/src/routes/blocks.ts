// /blocks.
import { base58Encode, blake2b, stringToBytes } from '../crypto.ts'
import type { Chain } from '../chain/devnode.ts'
import { nodeErrors } from '../errors.ts'
import { type Block, lastBlock } from '../state/state.ts'
import type { Router } from './router.ts'
import { txWithStatus } from './tx-json.ts'

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

export function blockRoutes(router: Router): void {
  router
    .on('GET', '/blocks/height', (_req, chain) => ({ height: chain.height }))
    .on('GET', '/blocks/last', (_req, chain) => fullBlock(chain, lastBlock(chain.state)))
    .on('GET', '/blocks/headers/last', (_req, chain) => blockHeader(lastBlock(chain.state)))
    .on('GET', '/blocks/at/{height}', (req, chain) => fullBlock(chain, blockAt(chain, req.params['height']!)))
    .on('GET', '/blocks/headers/at/{height}', (req, chain) => blockHeader(blockAt(chain, req.params['height']!)))
}

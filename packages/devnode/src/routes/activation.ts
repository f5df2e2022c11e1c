// /activation/status (ActivationApiRoute): the features of a node 1.5.7 and their state on the dev node's chain, read as
// a custom chain's settings give them (custom-defaults.conf: a feature check every 10,000 blocks, 9,000 to approve).
import type { Chain } from '../chain/devnode.ts'
import type { Router } from './router.ts'

/** `functionality.feature-check-blocks-period` of a custom chain. */
const FEATURE_CHECK_BLOCKS_PERIOD = 10_000
/** `functionality.blocks-for-feature-activation` of a custom chain. */
const BLOCKS_FOR_FEATURE_ACTIVATION = 9_000

/** BlockchainFeatures of a node 1.5.7: every implemented feature, by id, with its description. */
export const FEATURES: readonly { id: number; description: string }[] = [
  { id: 1, description: 'Minimum Generating Balance of 1000 WAVES' },
  { id: 2, description: 'NG Protocol' },
  { id: 3, description: 'Mass Transfer Transaction' },
  { id: 4, description: 'Smart Accounts' },
  { id: 5, description: 'Data Transaction' },
  { id: 6, description: 'Burn Any Tokens' },
  { id: 7, description: 'Fee Sponsorship' },
  { id: 8, description: 'Fair PoS' },
  { id: 9, description: 'Smart Assets' },
  { id: 10, description: 'Smart Account Trading' },
  { id: 11, description: 'RIDE 4 DAPPS' },
  { id: 12, description: 'Order Version 3' },
  { id: 13, description: 'Reduce NFT fee' },
  { id: 14, description: 'Block Reward and Community Driven Monetary Policy' },
  { id: 15, description: 'Ride V4, VRF, Protobuf, Failed transactions' },
  { id: 16, description: 'Ride V5, dApp-to-dApp invocations' },
  { id: 17, description: 'Ride V6, MetaMask support' },
  { id: 18, description: 'Consensus and MetaMask updates' },
  { id: 19, description: 'Block Reward Distribution' },
  { id: 20, description: 'Capped XTN buy-back & DAO amounts' },
  { id: 21, description: 'Cease XTN buy-back' },
  { id: 22, description: 'Light Node' },
  { id: 23, description: 'Boost Block Reward' },
]

/**
 * Features pre-activated at height 0 (`functionality.pre-activated-features`): all up to Light Node (22). Boost Block
 * Reward (23) is not: it would pay ten times the reward for the first 1,000 blocks, and the dev node's blocks pay
 * `rewards.initial` (600,000,000) each.
 */
export const LAST_ACTIVE_FEATURE = 22

export function activationRoutes(router: Router): void {
  router.on('GET', '/activation/status', (_req, chain: Chain) => {
    const height = chain.height
    return {
      height,
      votingInterval: FEATURE_CHECK_BLOCKS_PERIOD,
      votingThreshold: BLOCKS_FOR_FEATURE_ACTIVATION,
      // the last height of the activation window holding `height`
      nextCheck: (Math.floor((height - 1) / FEATURE_CHECK_BLOCKS_PERIOD) + 1) * FEATURE_CHECK_BLOCKS_PERIOD,
      // FeatureActivationStatus: an activated feature has its activation height, a feature being voted its votes
      features: FEATURES.map(({ id, description }) =>
        id <= LAST_ACTIVE_FEATURE
          ? { id, description, blockchainStatus: 'ACTIVATED', nodeStatus: 'IMPLEMENTED', activationHeight: 0 }
          : { id, description, blockchainStatus: 'VOTING', nodeStatus: 'IMPLEMENTED', supportingBlocks: 0 },
      ),
    }
  })
}

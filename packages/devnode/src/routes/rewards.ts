// /blockchain/rewards (RewardApiRoute): the block reward of the dev node's chain. Block Reward (14) is active from
// height 0, ConsensusImprovements leaves the genesis block without a reward, and no block votes (desiredReward -1),
// so every later block pays `rewards.initial` and the term never changes it.
import type { Chain } from '../chain/devnode.ts'
import { nodeErrors } from '../errors.ts'
import type { Router } from './router.ts'
import { BLOCK_REWARD } from './blocks.ts'

/** A custom chain's `rewards` (custom-defaults.conf), with the mainnet `term-after-capped-reward-feature`. */
const TERM_AFTER_CAPPED_REWARD = 50_000
const MIN_INCREMENT = 50_000_000n
const VOTING_INTERVAL = 10_000
/** The height Block Reward is pre-activated at. */
const ACTIVATED_AT = 0

/** Blockchain.wavesAmount: the genesis transfers plus the reward of every block up to `height`, in wavelets. */
function wavesAmount(chain: Chain, height: number): bigint {
  let amount = 0n
  for (const id of chain.state.blocks[0]?.txIds ?? []) amount += BigInt(chain.tx(id)!.json['amount'] as bigint)
  return amount + BLOCK_REWARD * BigInt(Math.max(height - 1, 0))
}

/** RewardApiRoute.getRewards; `height` is the path's IntNumber or the current height. */
function rewardStatus(chain: Chain, height: number): Record<string, unknown> {
  if (height > chain.height) throw nodeErrors.custom(`Invalid height: ${height}`)
  // blockReward(1) is None once ConsensusImprovements is active at 1; there is no block 0
  if (height <= 1) throw nodeErrors.custom(`No information about rewards at height = ${height}`)
  // CappedReward is active: the term is term-after-capped-reward-feature (RewardsSettings.nearestTermEnd)
  const nextCheck = ACTIVATED_AT + Math.ceil((height - ACTIVATED_AT + 1) / TERM_AFTER_CAPPED_REWARD) * TERM_AFTER_CAPPED_REWARD - 1
  return {
    height,
    totalWavesAmount: wavesAmount(chain, height),
    currentReward: BLOCK_REWARD,
    minIncrement: MIN_INCREMENT,
    term: TERM_AFTER_CAPPED_REWARD,
    nextCheck,
    votingIntervalStart: nextCheck - VOTING_INTERVAL + 1,
    votingInterval: VOTING_INTERVAL,
    votingThreshold: Math.floor(VOTING_INTERVAL / 2) + 1,
    votes: { increase: 0, decrease: 0 },
    // no DAO or XTN buy-back address: written as null (OptionHandlers.WritesNull)
    daoAddress: null,
    xtnBuybackAddress: null,
  }
}

export function rewardRoutes(router: Router): void {
  router
    .on('GET', '/blockchain/rewards', (_req, chain) => rewardStatus(chain, chain.height))
    .on('GET', '/blockchain/rewards/{height}', (req, chain) => {
      const text = req.params['height']!
      // IntNumber: anything but the digits of an Int leaves the path to no route
      if (!/^\d+$/.test(text) || Number(text) > 2_147_483_647) throw nodeErrors.notFound()
      return rewardStatus(chain, Number(text))
    })
}

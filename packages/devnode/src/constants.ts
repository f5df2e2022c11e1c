// Defaults and chain limits of a modern Waves node (1.5), in one place.

/** Chain id, port and rich seed that Waves tooling (Surfboard, js-test-env) expects of a private node. */
export const DEFAULT_CHAIN_ID = 'R'
export const DEFAULT_PORT = 6869
export const GENESIS_SEED = 'waves private node seed with waves tokens'
/** 100 million WAVES, in wavelets. */
export const GENESIS_BALANCE = 10_000_000_000_000_000n
/** The chain starts with this many blocks, so scripts that look back a few blocks work at once. */
export const INITIAL_HEIGHT = 11

export const NODE_VERSION = 'Waves v1.5.7 (waves-devnode 0.1.0)'

export const FEE_UNIT = 100_000n
/** Minimal fee of each transaction type, in fee units (FeeValidation.scala). */
export const FEE_UNITS: Readonly<Record<number, bigint>> = {
  3: 1000n,
  4: 1n,
  // Reissue and SponsorFee: 1,000 units times BlockV5Multiplier (0.001)
  5: 1n,
  6: 1n,
  8: 1n,
  9: 1n,
  10: 1n,
  11: 1n,
  12: 1n,
  13: 1n,
  14: 1n,
  // SetAssetScript: 1,000 units less the smart asset's extra fee it always pays
  15: 996n,
  16: 5n,
}
export const SCRIPT_EXTRA_FEE = 400_000n
/** A verifier cheaper than this costs no extra fee (RideV5). */
export const FREE_VERIFIER_COMPLEXITY = 200

/** The extra fee for transactions sent from an account whose verifier costs this much. */
export function accountExtraFee(verifierComplexity: number): bigint {
  return verifierComplexity > FREE_VERIFIER_COMPLEXITY ? SCRIPT_EXTRA_FEE : 0n
}

/** Timestamp window relative to the block (maxTransactionTimeForwardOffset / BackOffset). */
export const MAX_TX_TIME_FORWARD_MS = 5_400_000
export const MAX_TX_TIME_BACK_MS = 7_200_000

/** Data and action limits (ContractLimits.scala, DataTxValidator.scala). */
export const MAX_DATA_ENTRIES = 100
export const MAX_DATA_TX_ENTRIES = 100
export const MAX_KEY_BYTES = 400
export const MAX_VALUE_BYTES = 32_767
export const MAX_WRITE_SET_BYTES = 5_120
export const MAX_DATA_TX_PAYLOAD_BYTES = 165_890
export const MAX_BALANCE_ACTIONS = 100
export const MAX_MASS_TRANSFERS = 100
export const MAX_PAYMENTS = 10
export const MAX_INVOKE_ARGS = 22
export const MAX_ATTACHMENT_BYTES = 140
export const MAX_SCRIPT_BYTES = 32_768
export const MAX_CALLABLE_COMPLEXITY = 52_000
/** `rest-api.data-keys-request-limit`. */
export const MAX_KEYS_PER_REQUEST = 1_000
export const MAX_LONG = 9_223_372_036_854_775_807n

// The affiliate program's records as the library returns them. Amounts are bigint in the program asset's
// smallest unit (for WAVES, wavelets); timestamps are milliseconds (the block's, as the contract stores them).

/** Who a fund credit went to: the payer's referrer chain, the payer itself, or the program's root. */
export type Level = 'l1' | 'l2' | 'l3' | 'cashback' | 'change'

/** One credit of a `fund()` call: key `fund_{beneficiary}_{txId}`. */
export interface FundRecord {
  txId: string
  beneficiary: string
  payer: string
  amount: bigint
  level: Level
  timestamp: number
}

/** One `withdraw()`: key `withdraw_{user}_{txId}`. */
export interface WithdrawRecord {
  txId: string
  user: string
  amount: bigint
  timestamp: number
}

export interface AssetInfo {
  /** null = WAVES */
  id: string | null
  name: string
  decimals: number
}

export interface ProgramConfig {
  admin: string
  root: string
  asset: AssetInfo
  powBits: number
  /** per mille */
  rates: { l1: number; l2: number; l3: number; cashback: number }
  minWithdraw: bigint
  maxFee: bigint
  /** wavelets per day */
  refundBudget: bigint
  paused: boolean
}

/** A data entry that does not have the contract's format; it was skipped. */
export interface MalformedEntry {
  key: string
  reason: string
}

export interface ReferralMember {
  address: string
  /** what this member's payments credited to me */
  income: bigint
}

export interface ReferralLevel {
  level: 1 | 2 | 3
  members: ReferralMember[]
}

export interface Dashboard {
  address: string
  /** has a referrer, or is the root */
  registered: boolean
  isRoot: boolean
  referrer: string | null
  balance: bigint
  referrals: [ReferralLevel, ReferralLevel, ReferralLevel]
  /** credits to this address, newest first */
  income: FundRecord[]
  /** newest first */
  withdrawals: WithdrawRecord[]
  config: ProgramConfig
  height: number
  /** malformed entries ignored while reading */
  skipped: MalformedEntry[]
}

export interface ConfirmedTx {
  id: string
  height: number
  timestamp: number
}

export interface Submitted {
  /** the transaction's id, known once it is signed */
  id: string
  /** resolves when the transaction is in a block; rejects with an AffiliateError */
  confirmed: Promise<ConfirmedTx>
}

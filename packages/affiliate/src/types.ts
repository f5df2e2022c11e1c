// The affiliate program's records as the library returns them. Amounts are bigint in the program asset's
// smallest unit (for WAVES, wavelets); timestamps are milliseconds (the block's, as the contract stores them).

/** Who a fund credit went to: the payer's referrer chain, the payer itself, or the program's root. */
export type Level = 'l1' | 'l2' | 'l3' | 'cashback' | 'change'

/** One credit of a `fund()` or `fundFor()` call: key `fund_{beneficiary}_{n}`. */
export interface FundRecord {
  /** the record's number among the beneficiary's fund records, from 1 */
  n: number
  txId: string
  beneficiary: string
  payer: string
  amount: bigint
  level: Level
  timestamp: number
  /** `WAVES` or the base58 id of the asset it was paid in */
  asset: string
}

/** One asset paid out by `withdraw()` or `withdrawAsset()`: key `withdraw_{user}_{n}`. */
export interface WithdrawRecord {
  /** the record's number among the user's withdraw records, from 1 */
  n: number
  txId: string
  user: string
  amount: bigint
  timestamp: number
  /** `WAVES` or the base58 id of the asset */
  asset: string
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
  /** the program's current asset */
  asset: AssetInfo
  powBits: number
  /** per mille */
  rates: { l1: number; l2: number; l3: number; cashback: number }
  /** the smallest fund, in the asset's smallest unit */
  minFund: bigint
  /** the smallest withdrawal (in the program's asset) whose fee is refunded; never a lock */
  minWithdraw: bigint
  /** what an address must have paid before it may invite; 0 = off */
  minReferrerPaid: bigint
  /** wavelets refunded per day at most */
  refundBudget: bigint
  /** wavelets refunded per account per day at most */
  refundShare: bigint
  /** blocks between announcing a script upgrade and setting it */
  upgradeDelay: number
  /** accounts allowed to call fundFor */
  hosts: string[]
  /** stops register, fund and fundFor; never withdraw */
  paused: boolean
}

/** A data entry that does not have the contract's format; it was skipped. */
export interface MalformedEntry {
  key: string
  reason: string
}

/** An amount of one asset. */
export interface AssetAmount {
  asset: AssetInfo
  amount: bigint
}

export interface ReferralMember {
  address: string
  /** what this member's payments credited me, in the program's current asset (`{me}_from_{member}_{asset}`) */
  income: bigint
}

export interface ReferralLevel {
  level: 1 | 2 | 3
  /** every member at this level, from the index the contract writes at registration */
  count: number
  /** in registration order; all of them unless `fetchDashboard`'s `levelLimit` is below `count` */
  members: ReferralMember[]
  /** credited to me at this level, in the program's current asset */
  earned: bigint
}

/** An announced script upgrade: it can be set from `height` on. */
export interface PendingUpgrade {
  /** blake2b256 of the new script, base64 (as the node prints binary entries) */
  hash: string
  height: number
}

export interface Dashboard {
  address: string
  /** has a referrer, or is the root */
  registered: boolean
  isRoot: boolean
  referrer: string | null
  /** owed in the program's current asset */
  balance: bigint
  /** owed per listed asset (`assets` key), the current one first; amounts may be 0 */
  balances: AssetAmount[]
  /** credited as cashback and as change (the root's), in the program's current asset */
  earned: { cashback: bigint; change: bigint }
  referrals: [ReferralLevel, ReferralLevel, ReferralLevel]
  /** one page of fund records, newest first (see `history`) */
  income: FundRecord[]
  /** one page of withdraw records, newest first */
  withdrawals: WithdrawRecord[]
  /** how many records exist and which page `income` and `withdrawals` are */
  history: { funds: number; withdraws: number; page: number; pageSize: number }
  config: ProgramConfig
  /** an announced script upgrade, or null */
  upgrade: PendingUpgrade | null
  /** the contract's key layout (`version` key): 2 for this library; null for an older program it cannot read */
  version: number | null
  height: number
  /** malformed entries ignored while reading */
  skipped: MalformedEntry[]
}

/** One asset's books: anyone can check them from chain data alone. */
export interface AssetSolvency {
  asset: AssetInfo
  /** what the dApp holds */
  held: bigint
  /** `owed_{asset}`: every member's balance */
  owed: bigint
  /** `gas_reserve` for WAVES; 0 for other assets */
  reserved: bigint
  /** held − owed − reserved; below 0 with held >= owed, only the reserve is short (refunds stop at held − owed) */
  surplus: bigint
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

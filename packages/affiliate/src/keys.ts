// Every data key of the affiliate contract, built here and nowhere else (ride/README.md, "Data keys" and
// "Config keys"). Readers that take keys apart (parse.ts) use the matchers below, so a key format lives
// in one place. `asset` is `WAVES` or a base58 asset id; record and index numbers count from 1.

/** The key layout this library reads: the contract's `version` key. */
export const KEY_LAYOUT_VERSION = 2

/** `{user}_referer`: the user's referrer. */
export const refererKey = (user: string) => `${user}_referer`
/** `{user}_balance_{asset}`: owed to the user in that asset (Int). */
export const balanceKey = (user: string, asset: string) => `${user}_balance_${asset}`
/** `{user}_earned_{level}_{asset}`: total credited at that level (Int). */
export const earnedKey = (user: string, level: string, asset: string) => `${user}_earned_${level}_${asset}`
/** `{user}_paid_{asset}`: total paid by (or for) the user (Int). */
export const paidKey = (user: string, asset: string) => `${user}_paid_${asset}`
/** `{user}_from_{payer}_{asset}`: what `payer`'s payments credited the user at levels 1-3 (Int). */
export const fromKey = (user: string, payer: string, asset: string) => `${user}_from_${payer}_${asset}`
/** `{user}_funds`: number of the user's fund records. */
export const fundCountKey = (user: string) => `${user}_funds`
/** `fund_{user}_{n}`: `{payer}:{amount}:{level}:{timestamp}:{asset}:{txid}`. */
export const fundKey = (user: string, n: number) => `fund_${user}_${n}`
/** `{user}_withdraws`: number of the user's withdraw records. */
export const withdrawCountKey = (user: string) => `${user}_withdraws`
/** `withdraw_{user}_{n}`: `{amount}:{timestamp}:{asset}:{txid}`. */
export const withdrawKey = (user: string, n: number) => `withdraw_${user}_${n}`
/** `{user}_l{level}_count`: members at that level (1-3) below the user. */
export const levelCountKey = (user: string, level: 1 | 2 | 3) => `${user}_l${level}_count`
/** `{user}_l{level}_{n}`: the n-th member at that level, an address. */
export const levelMemberKey = (user: string, level: 1 | 2 | 3, n: number) => `${user}_l${level}_${n}`
/** `owed_{asset}`: the sum of every balance in that asset. */
export const owedKey = (asset: string) => `owed_${asset}`
/** `stats_funded_{asset}` and `stats_withdrawn_{asset}`: sums that stop at 2^63-1. */
export const fundedKey = (asset: string) => `stats_funded_${asset}`
export const withdrawnKey = (asset: string) => `stats_withdrawn_${asset}`
/** `refunds_{day}`: wavelets refunded as fees on that UTC day (block timestamp / 86,400,000). */
export const refundsKey = (day: number) => `refunds_${day}`

/** The program's configuration; a missing key means the default (parse.ts, ride/README.md). */
export const CONFIG_KEYS = {
  admin: 'config_admin',
  root: 'config_root',
  asset: 'config_asset',
  powBits: 'config_pow_bits',
  rateL1: 'config_rate_l1',
  rateL2: 'config_rate_l2',
  rateL3: 'config_rate_l3',
  rateCashback: 'config_rate_cashback',
  minFund: 'config_min_fund',
  minWithdraw: 'config_min_withdraw',
  minReferrerPaid: 'config_min_referrer_paid',
  refundBudget: 'config_refund_budget',
  refundShare: 'config_refund_share',
  upgradeDelay: 'config_upgrade_delay',
  hosts: 'config_hosts',
  paused: 'config_paused',
} as const

/** Program-wide keys that are not config. */
export const PROGRAM_KEYS = {
  version: 'version',
  assets: 'assets',
  gasReserve: 'gas_reserve',
  upgradeHash: 'upgrade_hash',
  upgradeHeight: 'upgrade_height',
  users: 'stats_users',
  funds: 'stats_funds',
  refunded: 'stats_refunded',
} as const

/** A member's fixed keys: what one POST asks before it knows the record and index numbers. */
export const memberKeys = (user: string) => [
  refererKey(user),
  fundCountKey(user),
  withdrawCountKey(user),
  levelCountKey(user, 1),
  levelCountKey(user, 2),
  levelCountKey(user, 3),
]

// Java's String.matches (the node) and the dev node both match the whole key. Addresses and ids are
// base58, but quoting keeps a malformed argument from turning into a pattern.
const quote = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** Regex (whole key) of a user's fund records. Costs the node a scan of every key of the dApp. */
export const fundsPattern = (user: string) => `fund_${quote(user)}_\\d+`
/** Regex (whole key) of a user's withdraw records. Costs the node a scan of every key of the dApp. */
export const withdrawsPattern = (user: string) => `withdraw_${quote(user)}_\\d+`

/** What a record key of `user` is: its kind and number, or `undefined` for any other key. */
export function recordOf(user: string, key: string): { kind: 'fund' | 'withdraw'; n: number } | undefined {
  for (const kind of ['fund', 'withdraw'] as const) {
    const prefix = `${kind}_${user}_`
    if (key.startsWith(prefix) && /^[1-9]\d{0,15}$/.test(key.slice(prefix.length))) return { kind, n: Number(key.slice(prefix.length)) }
  }
  return undefined
}

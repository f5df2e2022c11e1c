// Every data key of the affiliate contract, built here and nowhere else (ride/README.md, "Data keys" and
// "Config keys"). Readers that take keys apart (parse.ts) use the matchers below, so a key format lives
// in one place.

/** `{user}_referer`: the user's referrer. */
export const refererKey = (user: string) => `${user}_referer`
/** `{user}_balance`: withdrawable amount (Int). */
export const balanceKey = (user: string) => `${user}_balance`
/** `{referrer}_referral_{user}`: one key per direct referral, value = user. */
export const referralKey = (referrer: string, user: string) => `${referrer}_referral_${user}`
/** `fund_{beneficiary}_{txid}`: `{payer}:{amount}:{level}:{timestamp}`. */
export const fundKey = (beneficiary: string, txId: string) => `fund_${beneficiary}_${txId}`
/** `withdraw_{user}_{txid}`: `{amount}:{timestamp}`. */
export const withdrawKey = (user: string, txId: string) => `withdraw_${user}_${txId}`

/** The program's configuration; a missing key means the default in `config.ts`. */
export const CONFIG_KEYS = {
  admin: 'config_admin',
  root: 'config_root',
  asset: 'config_asset',
  powBits: 'config_pow_bits',
  rateL1: 'config_rate_l1',
  rateL2: 'config_rate_l2',
  rateL3: 'config_rate_l3',
  rateCashback: 'config_rate_cashback',
  minWithdraw: 'config_min_withdraw',
  maxFee: 'config_max_fee',
  refundBudget: 'config_refund_budget',
  paused: 'config_paused',
} as const

// Java's String.matches (the node) and the dev node both match the whole key. Addresses and ids are
// base58, but quoting keeps a malformed argument from turning into a pattern.
const quote = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** Regex (whole key) of a user's direct-referral keys. */
export const referralsPattern = (referrer: string) => `${quote(referrer)}_referral_.+`
/** Regex (whole key) of the fund records crediting `beneficiary`. */
export const fundsPattern = (beneficiary: string) => `fund_${quote(beneficiary)}_.+`
/** Regex (whole key) of a user's withdraw records. */
export const withdrawsPattern = (user: string) => `withdraw_${quote(user)}_.+`

/**
 * One regex, by alternation, for every key about `address` a dashboard shows: its referrer, balance,
 * direct referrals, fund records and withdraw records. Public nodes rate-limit `matches` requests
 * (about 17 a minute), so one request instead of five.
 */
export const dashboardPattern = (address: string) =>
  [quote(refererKey(address)), quote(balanceKey(address)), referralsPattern(address), fundsPattern(address), withdrawsPattern(address)].join('|')

/** What a key of `dashboardPattern(address)` is, with the part after the address's prefix. */
export type DashboardKey =
  | { kind: 'referer' }
  | { kind: 'balance' }
  | { kind: 'referral'; user: string }
  | { kind: 'fund'; txId: string }
  | { kind: 'withdraw'; txId: string }

/** Tells which dashboard key `key` is for `address`, or `undefined` for any other key. */
export function classifyKey(address: string, key: string): DashboardKey | undefined {
  if (key === refererKey(address)) return { kind: 'referer' }
  if (key === balanceKey(address)) return { kind: 'balance' }
  const referral = `${address}_referral_`
  if (key.startsWith(referral) && key.length > referral.length) return { kind: 'referral', user: key.slice(referral.length) }
  const fund = `fund_${address}_`
  if (key.startsWith(fund) && key.length > fund.length) return { kind: 'fund', txId: key.slice(fund.length) }
  const withdraw = `withdraw_${address}_`
  if (key.startsWith(withdraw) && key.length > withdraw.length) return { kind: 'withdraw', txId: key.slice(withdraw.length) }
  return undefined
}

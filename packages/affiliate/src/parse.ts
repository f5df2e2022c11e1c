// Data entries of the affiliate dApp into typed records. The account's owner can write any data (and
// other contracts may share the account), so nothing here throws on a bad entry: it is skipped and
// reported as a MalformedEntry with the reason.
import { CONFIG_KEYS, classifyKey } from './keys.ts'
import type { NodeDataEntry } from './node/addresses.ts'
import type { FundRecord, Level, MalformedEntry, ProgramConfig, WithdrawRecord } from './types.ts'

const LEVELS: readonly string[] = ['l1', 'l2', 'l3', 'cashback', 'change'] satisfies Level[]
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** A Waves address string by its shape: 26 bytes in base58 are always 35 characters. */
export const looksLikeAddress = (text: string) => text.length === 35 && BASE58.test(text)
/** A transaction id by its shape: 32 bytes in base58. */
const looksLikeId = (text: string) => text.length >= 32 && text.length <= 44 && BASE58.test(text)

type Result<T> = { ok: true; value: T } | { ok: false; reason: string }
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason })

/** A decimal 64-bit integer (a string, as `large-significand-format=string` sends it, or a safe number). */
export function toInt64(value: unknown): bigint | undefined {
  let n: bigint
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) n = BigInt(value)
  else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value)
  else return undefined
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined
}

function stringValue(entry: NodeDataEntry): Result<string> {
  if (entry.type !== 'string' || typeof entry.value !== 'string') return fail(`expected a string entry, got ${describeType(entry)}`)
  return { ok: true, value: entry.value }
}

function integerValue(entry: NodeDataEntry): Result<bigint> {
  if (entry.type !== 'integer') return fail(`expected an integer entry, got ${describeType(entry)}`)
  const n = toInt64(entry.value)
  return n === undefined ? fail(`value ${JSON.stringify(entry.value)} is not a 64-bit integer`) : { ok: true, value: n }
}

function booleanValue(entry: NodeDataEntry): Result<boolean> {
  if (entry.type !== 'boolean' || typeof entry.value !== 'boolean') return fail(`expected a boolean entry, got ${describeType(entry)}`)
  return { ok: true, value: entry.value }
}

const describeType = (entry: NodeDataEntry) => (typeof entry.type === 'string' ? entry.type : typeof entry.type)

/** `{payer}:{amount}:{level}:{timestamp}` of key `fund_{beneficiary}_{txId}`. */
export function parseFund(beneficiary: string, txId: string, entry: NodeDataEntry): Result<FundRecord> {
  if (!looksLikeId(txId)) return fail(`transaction id "${txId}" is not base58`)
  const text = stringValue(entry)
  if (!text.ok) return text
  const parts = text.value.split(':')
  if (parts.length !== 4) return fail(`expected {payer}:{amount}:{level}:{timestamp}, got "${text.value}"`)
  const [payer = '', amountText = '', level = '', timestampText = ''] = parts
  if (!looksLikeAddress(payer)) return fail(`payer "${payer}" is not an address`)
  const amount = toInt64(amountText)
  if (amount === undefined || amount <= 0n) return fail(`amount "${amountText}" is not a positive integer`)
  if (!LEVELS.includes(level)) return fail(`unknown level "${level}"`)
  const timestamp = toTimestamp(timestampText)
  if (timestamp === undefined) return fail(`timestamp "${timestampText}" is not an integer`)
  return { ok: true, value: { txId, beneficiary, payer, amount, level: level as Level, timestamp } }
}

/** `{amount}:{timestamp}` of key `withdraw_{user}_{txId}`. */
export function parseWithdraw(user: string, txId: string, entry: NodeDataEntry): Result<WithdrawRecord> {
  if (!looksLikeId(txId)) return fail(`transaction id "${txId}" is not base58`)
  const text = stringValue(entry)
  if (!text.ok) return text
  const parts = text.value.split(':')
  if (parts.length !== 2) return fail(`expected {amount}:{timestamp}, got "${text.value}"`)
  const [amountText = '', timestampText = ''] = parts
  const amount = toInt64(amountText)
  if (amount === undefined || amount <= 0n) return fail(`amount "${amountText}" is not a positive integer`)
  const timestamp = toTimestamp(timestampText)
  if (timestamp === undefined) return fail(`timestamp "${timestampText}" is not an integer`)
  return { ok: true, value: { txId, user, amount, timestamp } }
}

function toTimestamp(text: string): number | undefined {
  const n = toInt64(text)
  return n !== undefined && n >= 0n && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined
}

/** Newest first; records of one block keep a fixed order by id. */
export const newestFirst = <T extends { timestamp: number; txId: string }>(a: T, b: T) =>
  b.timestamp - a.timestamp || (a.txId < b.txId ? -1 : a.txId > b.txId ? 1 : 0)

/** Everything the dashboard regex returns about one address. */
export interface AddressData {
  referrer: string | null
  balance: bigint
  /** direct referrals, in key order */
  referrals: string[]
  /** newest first */
  income: FundRecord[]
  /** newest first */
  withdrawals: WithdrawRecord[]
  skipped: MalformedEntry[]
}

/** Sorts the entries of `dashboardPattern(address)` into records; entries with other keys are ignored. */
export function parseAddressData(address: string, entries: readonly NodeDataEntry[]): AddressData {
  const data: AddressData = { referrer: null, balance: 0n, referrals: [], income: [], withdrawals: [], skipped: [] }
  const skip = (key: string, reason: string) => data.skipped.push({ key, reason })
  for (const entry of entries) {
    const kind = classifyKey(address, entry.key)
    if (kind === undefined) continue
    switch (kind.kind) {
      case 'referer': {
        const value = stringValue(entry)
        if (!value.ok) skip(entry.key, value.reason)
        else if (!looksLikeAddress(value.value)) skip(entry.key, `referrer "${value.value}" is not an address`)
        else data.referrer = value.value
        break
      }
      case 'balance': {
        const value = integerValue(entry)
        if (!value.ok) skip(entry.key, value.reason)
        else if (value.value < 0n) skip(entry.key, `balance ${value.value} is negative`)
        else data.balance = value.value
        break
      }
      case 'referral': {
        const value = stringValue(entry)
        if (!value.ok) skip(entry.key, value.reason)
        else if (!looksLikeAddress(kind.user)) skip(entry.key, `referral "${kind.user}" is not an address`)
        else if (value.value !== kind.user) skip(entry.key, `value "${value.value}" differs from the key's address`)
        else data.referrals.push(kind.user)
        break
      }
      case 'fund': {
        const record = parseFund(address, kind.txId, entry)
        if (record.ok) data.income.push(record.value)
        else skip(entry.key, record.reason)
        break
      }
      case 'withdraw': {
        const record = parseWithdraw(address, kind.txId, entry)
        if (record.ok) data.withdrawals.push(record.value)
        else skip(entry.key, record.reason)
        break
      }
    }
  }
  data.income.sort(newestFirst)
  data.withdrawals.sort(newestFirst)
  return data
}

/** The config without the asset's details: `assetId` is null for WAVES. */
export interface ParsedConfig {
  config: Omit<ProgramConfig, 'asset'>
  assetId: string | null
  skipped: MalformedEntry[]
}

/** The program's config from the entries of CONFIG_KEYS that exist; a missing or malformed key means its default. */
export function parseConfig(dApp: string, entries: readonly NodeDataEntry[]): ParsedConfig {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]))
  const skipped: MalformedEntry[] = []
  const read = <T>(key: string, parse: (entry: NodeDataEntry) => Result<T>, fallback: T, check?: (value: T) => string | undefined): T => {
    const entry = byKey.get(key)
    if (entry === undefined) return fallback
    const result = parse(entry)
    const problem = result.ok ? check?.(result.value) : result.reason
    if (problem !== undefined || !result.ok) {
      skipped.push({ key, reason: problem ?? 'unreadable' })
      return fallback
    }
    return result.value
  }
  const address = (value: string) => (looksLikeAddress(value) ? undefined : `"${value}" is not an address`)
  const rate = (value: bigint) => (value < 0n || value > 1000n ? `rate ${value} is outside 0..1000` : undefined)
  const small = (entry: NodeDataEntry): Result<number> => {
    const value = integerValue(entry)
    return value.ok ? { ok: true, value: Number(value.value) } : value
  }
  const rateOf = (key: string, fallback: number) => read(key, small, fallback, (v) => rate(BigInt(v)))

  const asset = read(CONFIG_KEYS.asset, stringValue, 'WAVES', (value) =>
    value === 'WAVES' || (value.length >= 32 && value.length <= 44 && BASE58.test(value)) ? undefined : `"${value}" is neither WAVES nor an asset id`,
  )
  const config: Omit<ProgramConfig, 'asset'> = {
    admin: read(CONFIG_KEYS.admin, stringValue, dApp, address),
    root: read(CONFIG_KEYS.root, stringValue, dApp, address),
    powBits: read(CONFIG_KEYS.powBits, small, 16, (v) => (v < 0 || v > 64 ? `pow bits ${v} are outside 0..64` : undefined)),
    rates: {
      l1: rateOf(CONFIG_KEYS.rateL1, 100),
      l2: rateOf(CONFIG_KEYS.rateL2, 50),
      l3: rateOf(CONFIG_KEYS.rateL3, 25),
      cashback: rateOf(CONFIG_KEYS.rateCashback, 10),
    },
    // the contract reads a smaller stored value as 1
    minWithdraw: maxOf(read(CONFIG_KEYS.minWithdraw, integerValue, 1n), 1n),
    maxFee: read(CONFIG_KEYS.maxFee, integerValue, 900_000n),
    refundBudget: read(CONFIG_KEYS.refundBudget, integerValue, 1_000_000_000n),
    paused: read(CONFIG_KEYS.paused, booleanValue, false),
  }
  return { config, assetId: asset === 'WAVES' ? null : asset, skipped }
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b)

/** Every config key, for one POST of exact keys. */
export const CONFIG_KEY_LIST: readonly string[] = Object.values(CONFIG_KEYS)

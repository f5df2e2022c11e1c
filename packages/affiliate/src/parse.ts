// Data entries of the affiliate dApp into typed records. The account's owner can write any data (and
// other contracts may share the account), so nothing here throws on a bad entry: it is skipped and
// reported as a MalformedEntry with the reason.
import { CONFIG_KEYS } from './keys.ts'
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

const looksLikeAsset = (text: string) => text === 'WAVES' || looksLikeId(text)

/** `{payer}:{amount}:{level}:{timestamp}:{asset}:{txid}` of key `fund_{beneficiary}_{n}`. */
export function parseFund(beneficiary: string, n: number, entry: NodeDataEntry): Result<FundRecord> {
  const text = stringValue(entry)
  if (!text.ok) return text
  const parts = text.value.split(':')
  if (parts.length !== 6) return fail(`expected {payer}:{amount}:{level}:{timestamp}:{asset}:{txid}, got "${text.value}"`)
  const [payer = '', amountText = '', level = '', timestampText = '', asset = '', txId = ''] = parts
  if (!looksLikeAddress(payer)) return fail(`payer "${payer}" is not an address`)
  const amount = toInt64(amountText)
  if (amount === undefined || amount <= 0n) return fail(`amount "${amountText}" is not a positive integer`)
  if (!LEVELS.includes(level)) return fail(`unknown level "${level}"`)
  const timestamp = toTimestamp(timestampText)
  if (timestamp === undefined) return fail(`timestamp "${timestampText}" is not an integer`)
  if (!looksLikeAsset(asset)) return fail(`asset "${asset}" is neither WAVES nor an asset id`)
  if (!looksLikeId(txId)) return fail(`transaction id "${txId}" is not base58`)
  return { ok: true, value: { n, txId, beneficiary, payer, amount, level: level as Level, timestamp, asset } }
}

/** `{amount}:{timestamp}:{asset}:{txid}` of key `withdraw_{user}_{n}`. */
export function parseWithdraw(user: string, n: number, entry: NodeDataEntry): Result<WithdrawRecord> {
  const text = stringValue(entry)
  if (!text.ok) return text
  const parts = text.value.split(':')
  if (parts.length !== 4) return fail(`expected {amount}:{timestamp}:{asset}:{txid}, got "${text.value}"`)
  const [amountText = '', timestampText = '', asset = '', txId = ''] = parts
  const amount = toInt64(amountText)
  if (amount === undefined || amount <= 0n) return fail(`amount "${amountText}" is not a positive integer`)
  const timestamp = toTimestamp(timestampText)
  if (timestamp === undefined) return fail(`timestamp "${timestampText}" is not an integer`)
  if (!looksLikeAsset(asset)) return fail(`asset "${asset}" is neither WAVES nor an asset id`)
  if (!looksLikeId(txId)) return fail(`transaction id "${txId}" is not base58`)
  return { ok: true, value: { n, txId, user, amount, timestamp, asset } }
}

function toTimestamp(text: string): number | undefined {
  const n = toInt64(text)
  return n !== undefined && n >= 0n && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined
}

/** Newest first: by block time, then by record number (a member's records are numbered in order). */
export const newestFirst = <T extends { timestamp: number; n: number }>(a: T, b: T) => b.timestamp - a.timestamp || b.n - a.n

/**
 * Typed reads of entries by exact key. Entries of the wrong type or shape are skipped and reported with
 * the reason; a missing key reads as the fallback.
 */
export class EntryReader {
  private readonly byKey: Map<string, NodeDataEntry>
  readonly skipped: MalformedEntry[] = []

  constructor(entries: readonly NodeDataEntry[]) {
    this.byKey = new Map(entries.map((e) => [e.key, e]))
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  private read<T>(key: string, parse: (entry: NodeDataEntry) => Result<T>): T | undefined {
    const entry = this.byKey.get(key)
    if (entry === undefined) return undefined
    const result = parse(entry)
    if (result.ok) return result.value
    this.skipped.push({ key, reason: result.reason })
    return undefined
  }

  /** A non-negative integer, or `fallback`. */
  amount(key: string, fallback = 0n): bigint {
    return this.read(key, (entry) => {
      const value = integerValue(entry)
      return value.ok && value.value < 0n ? fail(`${value.value} is negative`) : value
    }) ?? fallback
  }

  /** A count of records or members (a non-negative safe integer), or 0. */
  count(key: string): number {
    const value = this.amount(key)
    if (value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value)
    this.skipped.push({ key, reason: `count ${value} is too large` })
    return 0
  }

  /** An address, or null. */
  address(key: string): string | null {
    return this.read(key, (entry) => {
      const value = stringValue(entry)
      return value.ok && !looksLikeAddress(value.value) ? fail(`"${value.value}" is not an address`) : value
    }) ?? null
  }

  string(key: string): string | undefined {
    return this.read(key, stringValue)
  }

  /** Binary entry bytes as base58 (`base64:` values, as the node prints them), or undefined. */
  binary(key: string): Uint8Array | undefined {
    return this.read(key, (entry) => {
      if (entry.type !== 'binary' || typeof entry.value !== 'string' || !entry.value.startsWith('base64:')) return fail(`expected a binary entry, got ${describeType(entry)}`)
      return { ok: true, value: base64Bytes(entry.value.slice('base64:'.length)) }
    })
  }

  fund(key: string, beneficiary: string, n: number): FundRecord | undefined {
    return this.read(key, (entry) => parseFund(beneficiary, n, entry))
  }

  withdraw(key: string, user: string, n: number): WithdrawRecord | undefined {
    return this.read(key, (entry) => parseWithdraw(user, n, entry))
  }
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text)
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** The `assets` key: listed assets, the current one first; malformed names are dropped. */
export function parseAssets(list: string | undefined, current: string): string[] {
  const listed = (list ?? current).split(',').filter(looksLikeAsset)
  return [current, ...listed.filter((a) => a !== current)]
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
  const amountOf = (key: string, fallback: bigint, low: bigint, high: bigint) =>
    read(key, integerValue, fallback, (v) => (v < low || v > high ? `${v} is outside ${low}..${high}` : undefined))
  const hosts = read(CONFIG_KEYS.hosts, stringValue, '', (value) =>
    value === '' || value.split(',').every(looksLikeAddress) ? undefined : `"${value}" is not a list of addresses`,
  )
  const config: Omit<ProgramConfig, 'asset'> = {
    admin: read(CONFIG_KEYS.admin, stringValue, dApp, address),
    root: read(CONFIG_KEYS.root, stringValue, dApp, address),
    powBits: read(CONFIG_KEYS.powBits, small, 16, (v) => (v < 0 || v > 28 ? `pow bits ${v} are outside 0..28` : undefined)),
    rates: {
      l1: rateOf(CONFIG_KEYS.rateL1, 100),
      l2: rateOf(CONFIG_KEYS.rateL2, 50),
      l3: rateOf(CONFIG_KEYS.rateL3, 25),
      cashback: rateOf(CONFIG_KEYS.rateCashback, 10),
    },
    minFund: amountOf(CONFIG_KEYS.minFund, 1_000_000n, 1n, 10n ** 12n),
    minWithdraw: amountOf(CONFIG_KEYS.minWithdraw, 1_000_000n, 0n, 10n ** 12n),
    minReferrerPaid: amountOf(CONFIG_KEYS.minReferrerPaid, 0n, 0n, 10n ** 12n),
    refundBudget: amountOf(CONFIG_KEYS.refundBudget, 1_000_000_000n, 0n, 10n ** 11n),
    refundShare: amountOf(CONFIG_KEYS.refundShare, 5_000_000n, 0n, 10n ** 9n),
    upgradeDelay: read(CONFIG_KEYS.upgradeDelay, small, 1440, (v) => (v < 1440 || v > 43200 ? `upgrade delay ${v} is outside 1440..43200` : undefined)),
    hosts: hosts === '' ? [] : hosts.split(','),
    paused: read(CONFIG_KEYS.paused, booleanValue, false),
  }
  return { config, assetId: asset === 'WAVES' ? null : asset, skipped }
}

/** Every config key, for one POST of exact keys. */
export const CONFIG_KEY_LIST: readonly string[] = Object.values(CONFIG_KEYS)

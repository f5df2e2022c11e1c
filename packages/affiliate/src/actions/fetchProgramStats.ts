import type { Client } from '../client.ts'
import { CONFIG_KEYS, PROGRAM_KEYS, fundedKey, refundsKey, withdrawnKey } from '../keys.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { fetchLastHeader } from '../node/chain.ts'
import { EntryReader, parseAssets } from '../parse.ts'
import type { MalformedEntry, PendingUpgrade } from '../types.ts'

/** A UTC day as the contract counts refunds: the block timestamp (ms) divided by 86,400,000. */
const DAY_MS = 86_400_000

export type FetchProgramStatsParameters = Record<string, never>

/** Volume of one listed asset, in its smallest unit. Both sums stop at 2^63-1 (they never stop a call). */
export interface AssetVolume {
  /** `WAVES` or the base58 asset id */
  asset: string
  /** `stats_funded_{asset}`: paid in by fund and fundFor */
  funded: bigint
  /** `stats_withdrawn_{asset}`: paid out by withdraw and withdrawAsset */
  withdrawn: bigint
}

export interface FetchProgramStatsReturnType {
  /** `stats_users`: registered members */
  members: bigint
  /** `stats_funds`: fund and fundFor calls */
  funds: bigint
  /** per listed asset (`assets`), the program's current one first */
  assets: AssetVolume[]
  /** `stats_refunded`: wavelets refunded as fees, ever */
  refunded: bigint
  /** `refunds_{day}` of the last block's day: wavelets refunded that day, against `config_refund_budget` */
  refundsToday: { day: number; amount: bigint }
  /** `upgrade_hash` and `upgrade_height`: an announced script upgrade, or null */
  upgrade: PendingUpgrade | null
  /** the last block's height and timestamp (ms), which "today" is taken from */
  height: number
  timestamp: number
  /** malformed entries ignored while reading */
  skipped: MalformedEntry[]
}

/**
 * The program-wide counters the contract keeps (ride/README.md, "Data keys"), by exact keys only:
 * GET /blocks/headers/last with POST /addresses/data/{dApp} `config_asset`, `assets`; then one POST of
 * the counters, today's refunds and the upgrade announcement.
 *
 * @example
 * const stats = await fetchProgramStats(client)
 * stats.refundsToday.amount // wavelets refunded today
 */
export async function fetchProgramStats(client: Client): Promise<FetchProgramStatsReturnType> {
  const [header, listed] = await Promise.all([
    fetchLastHeader(client.transport),
    fetchDataByKeys(client.transport, client.dApp, [CONFIG_KEYS.asset, PROGRAM_KEYS.assets]),
  ])
  const list = new EntryReader(listed)
  const assets = parseAssets(list.string(PROGRAM_KEYS.assets), list.string(CONFIG_KEYS.asset) ?? 'WAVES')
  const day = Math.floor(header.timestamp / DAY_MS)
  const keys = [
    PROGRAM_KEYS.users,
    PROGRAM_KEYS.funds,
    PROGRAM_KEYS.refunded,
    refundsKey(day),
    PROGRAM_KEYS.upgradeHash,
    PROGRAM_KEYS.upgradeHeight,
    ...assets.flatMap((asset) => [fundedKey(asset), withdrawnKey(asset)]),
  ]
  const reader = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, keys))
  const hash = reader.binary(PROGRAM_KEYS.upgradeHash)
  const upgradeHeight = reader.count(PROGRAM_KEYS.upgradeHeight)
  return {
    members: reader.amount(PROGRAM_KEYS.users),
    funds: reader.amount(PROGRAM_KEYS.funds),
    assets: assets.map((asset) => ({ asset, funded: reader.amount(fundedKey(asset)), withdrawn: reader.amount(withdrawnKey(asset)) })),
    refunded: reader.amount(PROGRAM_KEYS.refunded),
    refundsToday: { day, amount: reader.amount(refundsKey(day)) },
    upgrade: hash === undefined ? null : { hash: btoa(String.fromCharCode(...hash)), height: upgradeHeight },
    height: header.height,
    timestamp: header.timestamp,
    skipped: [...list.skipped, ...reader.skipped],
  }
}

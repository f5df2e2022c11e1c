import { checkAddress } from '../address.ts'
import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import {
  PROGRAM_KEYS,
  balanceKey,
  earnedKey,
  fromKey,
  fundCountKey,
  fundKey,
  levelCountKey,
  levelMemberKey,
  memberKeys,
  refererKey,
  withdrawCountKey,
  withdrawKey,
} from '../keys.ts'
import { fetchDataByKeys, fetchDataByManyKeys } from '../node/addresses.ts'
import { fetchHeight } from '../node/chain.ts'
import { CONFIG_KEY_LIST, EntryReader, parseAssets, parseConfig } from '../parse.ts'
import type { Dashboard, FundRecord, PendingUpgrade, ReferralLevel, WithdrawRecord } from '../types.ts'
import { assetInfo } from './fetchConfig.ts'

export interface FetchDashboardParameters {
  address: string
  /** the chain's height when the caller already knows it (`watch` does): saves GET /blocks/height */
  height?: number
  /** fund and withdraw records per page, 1..500 (default 20) */
  pageSize?: number
  /** 0 = the newest records (default) */
  page?: number
  /**
   * members read per level, the first ones in registration order (default: all). `count` stays exact; a
   * limit keeps a dashboard of the root of a large program to a few requests.
   */
  levelLimit?: number
}
export type FetchDashboardReturnType = Dashboard

const LEVELS = [1, 2, 3] as const

/** The record numbers of `page` (0 = newest) among `total` records, newest first. */
export function pageNumbers(total: number, page: number, pageSize: number): number[] {
  const first = total - page * pageSize
  const numbers: number[] = []
  for (let n = first; n > 0 && n > first - pageSize; n--) numbers.push(n)
  return numbers
}

export function checkPage(page: number, pageSize: number): void {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 500) throw new InvalidInputError('pageSize', `${pageSize} is not a whole number 1..500`)
  if (!Number.isSafeInteger(page) || page < 0) throw new InvalidInputError('page', `${page} is not a whole number >= 0`)
}

/**
 * A member's whole picture by exact keys only: no `matches` request, so its cost to the node does not grow
 * with the program.
 * 1. POST /addresses/data/{dApp} with fixed keys: config, `version`, `assets`, the upgrade announcement and
 *    the member's counters (referrer, record counts, level counts); with GET /blocks/height unless `height`
 *    is given.
 * 2. POST of the keys those name: balances per listed asset, level totals, one page of fund and withdraw
 *    records (newest first), and every level 1-3 member (1,000 keys per request).
 * 3. POST of what each level member brought (`{address}_from_{member}_{asset}`), when there are members.
 * Asset details are asked once per client.
 *
 * @example
 * const dashboard = await fetchDashboard(client, { address: '3M...', pageSize: 20 })
 * dashboard.balance                 // 10000000n, in the program's asset
 * dashboard.referrals[1].count      // 12: every level-2 member, paid or not
 * dashboard.history.funds           // 53 records in all; `income` holds the newest 20
 */
export async function fetchDashboard(
  client: Client,
  { address, height, pageSize = 20, page = 0, levelLimit = Number.MAX_SAFE_INTEGER }: FetchDashboardParameters,
): Promise<FetchDashboardReturnType> {
  checkAddress('address', address)
  checkPage(page, pageSize)
  if (!Number.isSafeInteger(levelLimit) || levelLimit < 0) throw new InvalidInputError('levelLimit', `${levelLimit} is not a whole number >= 0`)
  const fixed = [...CONFIG_KEY_LIST, PROGRAM_KEYS.version, PROGRAM_KEYS.assets, PROGRAM_KEYS.upgradeHash, PROGRAM_KEYS.upgradeHeight, ...memberKeys(address)]
  const [entries, currentHeight] = await Promise.all([fetchDataByKeys(client.transport, client.dApp, fixed), height ?? fetchHeight(client.transport)])
  const summary = new EntryReader(entries)
  const parsed = parseConfig(client.dApp, entries)
  const current = parsed.assetId ?? 'WAVES'
  const assets = parseAssets(summary.string(PROGRAM_KEYS.assets), current)
  const funds = summary.count(fundCountKey(address))
  const withdraws = summary.count(withdrawCountKey(address))
  const counts = LEVELS.map((level) => summary.count(levelCountKey(address, level)))
  const listed = counts.map((count) => Math.min(count, levelLimit))
  const fundNumbers = pageNumbers(funds, page, pageSize)
  const withdrawNumbers = pageNumbers(withdraws, page, pageSize)

  const named = [
    ...assets.map((asset) => balanceKey(address, asset)),
    ...(['l1', 'l2', 'l3', 'cashback', 'change'] as const).map((level) => earnedKey(address, level, current)),
    ...fundNumbers.map((n) => fundKey(address, n)),
    ...withdrawNumbers.map((n) => withdrawKey(address, n)),
    ...LEVELS.flatMap((level, k) => Array.from({ length: listed[k]! }, (_, i) => levelMemberKey(address, level, i + 1))),
  ]
  const [details, infos] = await Promise.all([
    fetchDataByManyKeys(client.transport, client.dApp, named),
    Promise.all(assets.map((asset) => assetInfo(client, asset === 'WAVES' ? null : asset))),
  ])
  const reader = new EntryReader(details)
  const members = LEVELS.map((level, k) => {
    const list: string[] = []
    for (let n = 1; n <= listed[k]!; n++) {
      const member = reader.address(levelMemberKey(address, level, n))
      if (member !== null) list.push(member)
    }
    return list
  })
  const everyone = [...new Set(members.flat())]
  const broughtEntries = everyone.length === 0 ? [] : await fetchDataByManyKeys(client.transport, client.dApp, everyone.map((m) => fromKey(address, m, current)))
  const brought = new EntryReader(broughtEntries)

  const income = fundNumbers.map((n) => reader.fund(fundKey(address, n), address, n)).filter((r): r is FundRecord => r !== undefined)
  const withdrawals = withdrawNumbers.map((n) => reader.withdraw(withdrawKey(address, n), address, n)).filter((r): r is WithdrawRecord => r !== undefined)
  const referrals = LEVELS.map((level, k): ReferralLevel => ({
    level,
    count: counts[k]!,
    members: members[k]!.map((member) => ({ address: member, income: brought.amount(fromKey(address, member, current)) })),
    earned: reader.amount(earnedKey(address, `l${level}`, current)),
  })) as [ReferralLevel, ReferralLevel, ReferralLevel]
  const hash = summary.binary(PROGRAM_KEYS.upgradeHash)
  const upgradeHeight = summary.count(PROGRAM_KEYS.upgradeHeight)
  const upgrade: PendingUpgrade | null = hash === undefined ? null : { hash: bytesToBase64(hash), height: upgradeHeight }
  const referrer = summary.address(refererKey(address))
  const config = { ...parsed.config, asset: infos[0]! }
  const isRoot = address === config.root
  const balances = assets.map((asset, k) => ({ asset: infos[k]!, amount: reader.amount(balanceKey(address, asset)) }))
  const version = summary.has(PROGRAM_KEYS.version) ? summary.count(PROGRAM_KEYS.version) : null
  return {
    address,
    registered: referrer !== null || isRoot,
    isRoot,
    referrer,
    balance: balances[0]!.amount,
    balances,
    earned: { cashback: reader.amount(earnedKey(address, 'cashback', current)), change: reader.amount(earnedKey(address, 'change', current)) },
    referrals,
    income,
    withdrawals,
    history: { funds, withdraws, page, pageSize },
    config,
    upgrade,
    version,
    height: currentHeight,
    skipped: [...summary.skipped, ...parsed.skipped, ...reader.skipped, ...brought.skipped],
  }
}

function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
}

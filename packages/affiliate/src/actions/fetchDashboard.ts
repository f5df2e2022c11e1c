import { checkAddress } from '../address.ts'
import type { Client } from '../client.ts'
import { dashboardPattern } from '../keys.ts'
import { fetchDataByKeys, fetchDataMatching } from '../node/addresses.ts'
import { fetchHeight } from '../node/chain.ts'
import { CONFIG_KEY_LIST, parseAddressData } from '../parse.ts'
import type { Dashboard, FundRecord, ReferralLevel, ReferralMember } from '../types.ts'
import { configFrom } from './fetchConfig.ts'

export interface FetchDashboardParameters {
  address: string
  /** the chain's height when the caller already knows it (`watch` does): saves GET /blocks/height */
  height?: number
}
export type FetchDashboardReturnType = Dashboard

/**
 * A user's whole picture in two data requests: ONE `matches` request (one regex, by alternation, for the
 * user's referrer, balance, referrals, fund and withdraw records) and ONE POST of the exact config keys,
 * in parallel with GET /blocks/height (unless `height` is given); an asset's details are asked once per client.
 * Public nodes allow about 17 `matches` requests a minute, so a dashboard spends one.
 *
 * Level-1 members are the `{address}_referral_*` keys; levels 2 and 3 are the payers of this address's
 * `l2`/`l3` income (the chain indexes direct referrals only). Members are sorted by income, highest first.
 *
 * @example
 * const dashboard = await fetchDashboard(client, { address: '3M...' })
 * dashboard.balance           // 10000000n
 * dashboard.referrals[0].members // [{ address: '3N...', income: 10000000n }]
 */
export async function fetchDashboard(client: Client, { address, height }: FetchDashboardParameters): Promise<FetchDashboardReturnType> {
  checkAddress('address', address)
  const [own, configEntries, currentHeight] = await Promise.all([
    fetchDataMatching(client.transport, client.dApp, dashboardPattern(address)),
    fetchDataByKeys(client.transport, client.dApp, CONFIG_KEY_LIST),
    height ?? fetchHeight(client.transport),
  ])
  const data = parseAddressData(address, own)
  const { config, skipped } = await configFrom(client, configEntries)
  const isRoot = address === config.root
  return {
    address,
    registered: data.referrer !== null || isRoot,
    isRoot,
    referrer: data.referrer,
    balance: data.balance,
    referrals: referralLevels(data.referrals, data.income),
    income: data.income,
    withdrawals: data.withdrawals,
    config,
    height: currentHeight,
    skipped: [...data.skipped, ...skipped],
  }
}

function referralLevels(direct: string[], income: FundRecord[]): [ReferralLevel, ReferralLevel, ReferralLevel] {
  const levels = [new Map<string, bigint>(), new Map<string, bigint>(), new Map<string, bigint>()] as const
  for (const member of direct) levels[0].set(member, 0n)
  for (const record of income) {
    const level = record.level === 'l1' ? levels[0] : record.level === 'l2' ? levels[1] : record.level === 'l3' ? levels[2] : undefined
    level?.set(record.payer, (level.get(record.payer) ?? 0n) + record.amount)
  }
  const members = (level: Map<string, bigint>): ReferralMember[] =>
    [...level]
      .map(([address, income]) => ({ address, income }))
      .sort((a, b) => (a.income === b.income ? (a.address < b.address ? -1 : 1) : a.income > b.income ? -1 : 1))
  return [
    { level: 1, members: members(levels[0]) },
    { level: 2, members: members(levels[1]) },
    { level: 3, members: members(levels[2]) },
  ]
}

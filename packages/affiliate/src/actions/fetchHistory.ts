import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { fundCountKey, fundKey, withdrawCountKey, withdrawKey } from '../keys.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { EntryReader } from '../parse.ts'
import type { FundRecord, WithdrawRecord } from '../types.ts'
import { checkPage, pageNumbers } from './fetchDashboard.ts'

export interface FetchHistoryParameters<K extends 'fund' | 'withdraw' = 'fund' | 'withdraw'> {
  address: string
  /** `fund`: the credits to `address`; `withdraw`: its withdrawals */
  kind: K
  /** 0 = the newest records (default) */
  page?: number
  /** 1..500 (default 20) */
  pageSize?: number
}
export interface FetchHistoryReturnType<K extends 'fund' | 'withdraw' = 'fund' | 'withdraw'> {
  /** newest first */
  records: K extends 'fund' ? FundRecord[] : WithdrawRecord[]
  /** records in all */
  total: number
  page: number
  pageSize: number
}

/**
 * One page of a member's fund or withdraw records, newest first, by exact keys: POST /addresses/data/{dApp}
 * with the record counter, then POST with the page's keys (`fund_{address}_{n}` or `withdraw_{address}_{n}`).
 *
 * @example
 * const { records, total } = await fetchHistory(client, { address: '3M...', kind: 'fund', page: 2, pageSize: 50 })
 */
export async function fetchHistory<K extends 'fund' | 'withdraw'>(
  client: Client,
  { address, kind, page = 0, pageSize = 20 }: FetchHistoryParameters<K>,
): Promise<FetchHistoryReturnType<K>> {
  checkAddress('address', address)
  checkPage(page, pageSize)
  const countKey = kind === 'fund' ? fundCountKey(address) : withdrawCountKey(address)
  const counted = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [countKey]))
  const total = counted.count(countKey)
  const numbers = pageNumbers(total, page, pageSize)
  const keyOf = (n: number) => (kind === 'fund' ? fundKey(address, n) : withdrawKey(address, n))
  const reader = new EntryReader(numbers.length === 0 ? [] : await fetchDataByKeys(client.transport, client.dApp, numbers.map(keyOf)))
  const records = numbers
    .map((n) => (kind === 'fund' ? reader.fund(keyOf(n), address, n) : reader.withdraw(keyOf(n), address, n)))
    .filter((r) => r !== undefined)
  reportSkipped(client, [...counted.skipped, ...reader.skipped])
  return { records: records as FetchHistoryReturnType<K>['records'], total, page, pageSize }
}

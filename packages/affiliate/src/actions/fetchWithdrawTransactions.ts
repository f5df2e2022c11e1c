import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { withdrawsPattern } from '../keys.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { parseAddressData } from '../parse.ts'
import type { WithdrawRecord } from '../types.ts'

export interface FetchWithdrawTransactionsParameters {
  address: string
}
/** newest first */
export type FetchWithdrawTransactionsReturnType = WithdrawRecord[]

/**
 * Every `withdraw()` of `address`.
 * GET /addresses/data/{dApp}?matches=`withdraw_{address}_.+` (one rate-limited `matches` request).
 *
 * @example
 * await fetchWithdrawTransactions(client, { address: '3M...' })
 * // [{ txId, user: '3M...', amount: 12000000n, timestamp: 1795000000000 }]
 */
export async function fetchWithdrawTransactions(
  client: Client,
  { address }: FetchWithdrawTransactionsParameters,
): Promise<FetchWithdrawTransactionsReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataMatching(client.transport, client.dApp, withdrawsPattern(address))
  const data = parseAddressData(address, entries)
  reportSkipped(client, data.skipped)
  return data.withdrawals
}

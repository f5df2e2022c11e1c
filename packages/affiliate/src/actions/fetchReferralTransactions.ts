import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { fundsPattern } from '../keys.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { parseAddressData } from '../parse.ts'
import type { FundRecord } from '../types.ts'

export interface FetchReferralTransactionsParameters {
  address: string
}
/** newest first */
export type FetchReferralTransactionsReturnType = FundRecord[]

/**
 * Every credit to `address` from `fund()` calls: level, payer, amount, time and transaction id.
 * GET /addresses/data/{dApp}?matches=`fund_{address}_.+` (one rate-limited `matches` request).
 *
 * @example
 * const records = await fetchReferralTransactions(client, { address: '3M...' })
 * // [{ txId, beneficiary: '3M...', payer: '3N...', amount: 10000000n, level: 'l1', timestamp: 1795000000000 }]
 */
export async function fetchReferralTransactions(
  client: Client,
  { address }: FetchReferralTransactionsParameters,
): Promise<FetchReferralTransactionsReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataMatching(client.transport, client.dApp, fundsPattern(address))
  const data = parseAddressData(address, entries)
  reportSkipped(client, data.skipped)
  return data.income
}

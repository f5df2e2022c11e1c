import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { fundsPattern, recordOf } from '../keys.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { EntryReader, newestFirst } from '../parse.ts'
import type { FundRecord } from '../types.ts'

export interface FetchReferralTransactionsParameters {
  address: string
}
/** newest first */
export type FetchReferralTransactionsReturnType = FundRecord[]

/**
 * Every credit to `address`, all at once: level, payer, amount, asset, time and transaction id.
 * GET /addresses/data/{dApp}?matches=`fund_{address}_\d+`: a node answers a `matches` request by reading
 * every data key of the dApp, so this costs the node the whole program, and public nodes allow about 17
 * such requests a minute. For pages, use `fetchHistory` (exact keys).
 *
 * @example
 * const records = await fetchReferralTransactions(client, { address: '3M...' })
 * // [{ n: 2, txId, beneficiary: '3M...', payer: '3N...', amount: 10000000n, level: 'l1', timestamp, asset: 'WAVES' }, ...]
 */
export async function fetchReferralTransactions(
  client: Client,
  { address }: FetchReferralTransactionsParameters,
): Promise<FetchReferralTransactionsReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataMatching(client.transport, client.dApp, fundsPattern(address))
  const reader = new EntryReader(entries)
  const records: FundRecord[] = []
  for (const entry of entries) {
    const record = recordOf(address, entry.key)
    if (record?.kind !== 'fund') continue
    const parsed = reader.fund(entry.key, address, record.n)
    if (parsed) records.push(parsed)
  }
  reportSkipped(client, reader.skipped)
  return records.sort(newestFirst)
}

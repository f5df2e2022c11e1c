import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { recordOf, withdrawsPattern } from '../keys.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { EntryReader, newestFirst } from '../parse.ts'
import type { WithdrawRecord } from '../types.ts'

export interface FetchWithdrawTransactionsParameters {
  address: string
}
/** newest first */
export type FetchWithdrawTransactionsReturnType = WithdrawRecord[]

/**
 * Every withdrawal of `address`, all at once.
 * GET /addresses/data/{dApp}?matches=`withdraw_{address}_\d+`: a node answers a `matches` request by
 * reading every data key of the dApp, so this costs the node the whole program, and public nodes allow
 * about 17 such requests a minute. For pages, use `fetchHistory` (exact keys).
 *
 * @example
 * await fetchWithdrawTransactions(client, { address: '3M...' }) // [{ n: 1, txId, user, amount: 12000000n, timestamp, asset: 'WAVES' }]
 */
export async function fetchWithdrawTransactions(
  client: Client,
  { address }: FetchWithdrawTransactionsParameters,
): Promise<FetchWithdrawTransactionsReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataMatching(client.transport, client.dApp, withdrawsPattern(address))
  const reader = new EntryReader(entries)
  const records: WithdrawRecord[] = []
  for (const entry of entries) {
    const record = recordOf(address, entry.key)
    if (record?.kind !== 'withdraw') continue
    const parsed = reader.withdraw(entry.key, address, record.n)
    if (parsed) records.push(parsed)
  }
  reportSkipped(client, reader.skipped)
  return records.sort(newestFirst)
}

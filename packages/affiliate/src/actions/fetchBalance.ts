import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { balanceKey } from '../keys.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { parseAddressData } from '../parse.ts'

export interface FetchBalanceParameters {
  address: string
}
/** in the program asset's smallest unit */
export type FetchBalanceReturnType = bigint

/**
 * The withdrawable balance of `address` (0 when it has none).
 * POST /addresses/data/{dApp} with key `{address}_balance`.
 *
 * @example
 * await fetchBalance(client, { address: '3M...' }) // 10000000n
 */
export async function fetchBalance(client: Client, { address }: FetchBalanceParameters): Promise<FetchBalanceReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataByKeys(client.transport, client.dApp, [balanceKey(address)])
  const data = parseAddressData(address, entries)
  reportSkipped(client, data.skipped)
  return data.balance
}

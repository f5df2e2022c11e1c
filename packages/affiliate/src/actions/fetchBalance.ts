import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { CONFIG_KEYS, balanceKey } from '../keys.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { EntryReader } from '../parse.ts'

export interface FetchBalanceParameters {
  address: string
  /** `WAVES` or a base58 asset id; default: the program's current asset (one more key in the same request) */
  asset?: string
}
/** in the asset's smallest unit */
export type FetchBalanceReturnType = bigint

/**
 * What `address` is owed in one asset (0 when nothing).
 * POST /addresses/data/{dApp} with `{address}_balance_{asset}` (and `config_asset`, then the balance key,
 * when no asset is given).
 *
 * @example
 * await fetchBalance(client, { address: '3M...' })                   // 10000000n in the program's asset
 * await fetchBalance(client, { address: '3M...', asset: 'WAVES' })   // in WAVES
 */
export async function fetchBalance(client: Client, { address, asset }: FetchBalanceParameters): Promise<FetchBalanceReturnType> {
  checkAddress('address', address)
  let name = asset
  if (name === undefined) {
    const reader = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [CONFIG_KEYS.asset]))
    name = reader.string(CONFIG_KEYS.asset) ?? 'WAVES'
  }
  const reader = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [balanceKey(address, name)]))
  const balance = reader.amount(balanceKey(address, name))
  reportSkipped(client, reader.skipped)
  return balance
}

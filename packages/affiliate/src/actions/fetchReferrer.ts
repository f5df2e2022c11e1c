import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { refererKey } from '../keys.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { EntryReader } from '../parse.ts'

export interface FetchReferrerParameters {
  address: string
}
export type FetchReferrerReturnType = string | null

/**
 * The address that referred `address`, or null (not registered, or the root).
 * POST /addresses/data/{dApp} with key `{address}_referer`.
 *
 * @example
 * await fetchReferrer(client, { address: '3M...' }) // '3M...' or null
 */
export async function fetchReferrer(client: Client, { address }: FetchReferrerParameters): Promise<FetchReferrerReturnType> {
  checkAddress('address', address)
  const reader = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [refererKey(address)]))
  const referrer = reader.address(refererKey(address))
  reportSkipped(client, reader.skipped)
  return referrer
}

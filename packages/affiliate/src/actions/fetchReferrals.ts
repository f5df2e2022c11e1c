import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { referralsPattern } from '../keys.ts'
import { fetchDataMatching } from '../node/addresses.ts'
import { parseAddressData } from '../parse.ts'

export interface FetchReferralsParameters {
  address: string
}
/** the direct referrals' addresses, sorted */
export type FetchReferralsReturnType = string[]

/**
 * The addresses `address` referred directly.
 * GET /addresses/data/{dApp}?matches=`{address}_referral_.+` (one rate-limited `matches` request).
 *
 * @example
 * await fetchReferrals(client, { address: '3M...' }) // ['3M...', '3N...']
 */
export async function fetchReferrals(client: Client, { address }: FetchReferralsParameters): Promise<FetchReferralsReturnType> {
  checkAddress('address', address)
  const entries = await fetchDataMatching(client.transport, client.dApp, referralsPattern(address))
  const data = parseAddressData(address, entries)
  reportSkipped(client, data.skipped)
  return data.referrals.sort()
}

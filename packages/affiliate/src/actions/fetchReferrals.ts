import { checkAddress } from '../address.ts'
import { type Client, reportSkipped } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import { levelCountKey, levelMemberKey } from '../keys.ts'
import { fetchDataByKeys, fetchDataByManyKeys } from '../node/addresses.ts'
import { EntryReader } from '../parse.ts'

export interface FetchReferralsParameters {
  address: string
  /** 1 (direct referrals, the default), 2 or 3 */
  level?: 1 | 2 | 3
}
/** every member at that level, in registration order */
export type FetchReferralsReturnType = string[]

/**
 * The members at one level below `address`, complete: the contract indexes levels 1-3 at registration.
 * POST /addresses/data/{dApp} with `{address}_l{level}_count`, then the index keys `{address}_l{level}_{n}`
 * (1,000 per request). No `matches` request.
 *
 * @example
 * await fetchReferrals(client, { address: '3M...' })            // ['3M...', '3N...']
 * await fetchReferrals(client, { address: '3M...', level: 3 })
 */
export async function fetchReferrals(client: Client, { address, level = 1 }: FetchReferralsParameters): Promise<FetchReferralsReturnType> {
  checkAddress('address', address)
  if (level !== 1 && level !== 2 && level !== 3) throw new InvalidInputError('level', `${JSON.stringify(level)} is not 1, 2 or 3`)
  const counted = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [levelCountKey(address, level)]))
  const count = counted.count(levelCountKey(address, level))
  const keys = Array.from({ length: count }, (_, i) => levelMemberKey(address, level, i + 1))
  const reader = new EntryReader(count === 0 ? [] : await fetchDataByManyKeys(client.transport, client.dApp, keys))
  const members = keys.map((key) => reader.address(key)).filter((m): m is string => m !== null)
  reportSkipped(client, [...counted.skipped, ...reader.skipped])
  return members
}

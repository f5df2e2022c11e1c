import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import { type NodeDataEntry, fetchDataMatching } from '../node/addresses.ts'

export interface FetchKeysParameters {
  /** a regular expression the node matches against the whole key (Java syntax on a node) */
  pattern: string
}
/** the dApp's entries as the node sends them (64-bit integers as strings) */
export type FetchKeysReturnType = NodeDataEntry[]

/**
 * Ad-hoc reads of the dApp's data by a regex, e.g. every `{address}_from_.*` key.
 * GET /addresses/data/{dApp}?matches={pattern}: a node answers by reading every data key of the dApp,
 * whatever the pattern, so each call costs the node the whole program; public nodes allow about 17 such
 * requests a minute. Dashboards use exact keys instead (`fetchDashboard`, `fetchHistory`).
 *
 * @example
 * const entries = await fetchKeys(client, { pattern: 'owed_.*' })
 */
export async function fetchKeys(client: Client, { pattern }: FetchKeysParameters): Promise<FetchKeysReturnType> {
  if (typeof pattern !== 'string' || pattern === '') throw new InvalidInputError('pattern', `${JSON.stringify(pattern)} is not a non-empty regex`)
  return fetchDataMatching(client.transport, client.dApp, pattern)
}

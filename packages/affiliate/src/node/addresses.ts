// /addresses: account data (the node's `addresses` Swagger group).
import type { Transport } from '../transport.ts'

/** A data entry as the node sends it with `large-significand-format=string` (integers as strings). */
export interface NodeDataEntry {
  key: string
  type: 'string' | 'integer' | 'boolean' | 'binary' | string
  value: unknown
}

/**
 * GET /addresses/data/{address}?matches={regex}: entries whose whole key matches `pattern`.
 * Public nodes rate-limit this route (about 17 requests a minute).
 */
export function fetchDataMatching(transport: Transport, address: string, pattern: string): Promise<NodeDataEntry[]> {
  return transport.request({ method: 'GET', path: `/addresses/data/${encodeURIComponent(address)}?matches=${encodeURIComponent(pattern)}` })
}

/** POST /addresses/data/{address} `{keys}`: the entries of these exact keys that exist (at most 1,000 keys). */
export function fetchDataByKeys(transport: Transport, address: string, keys: readonly string[]): Promise<NodeDataEntry[]> {
  return transport.request({ method: 'POST', path: `/addresses/data/${encodeURIComponent(address)}`, body: { keys } })
}

/** GET /addresses/balance/{address}: the regular WAVES balance, in wavelets. */
export async function fetchWavesBalance(transport: Transport, address: string): Promise<bigint> {
  const answer = await transport.request<{ balance: string | number }>({ method: 'GET', path: `/addresses/balance/${encodeURIComponent(address)}` })
  return BigInt(answer.balance)
}

/** POST /addresses/data/{address} for any number of keys: one request per 1,000 keys, in parallel. */
export async function fetchDataByManyKeys(transport: Transport, address: string, keys: readonly string[]): Promise<NodeDataEntry[]> {
  const chunks: string[][] = []
  for (let i = 0; i < keys.length; i += 1_000) chunks.push(keys.slice(i, i + 1_000))
  return (await Promise.all(chunks.map((chunk) => fetchDataByKeys(transport, address, chunk)))).flat()
}

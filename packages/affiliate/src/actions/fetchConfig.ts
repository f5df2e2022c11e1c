import type { Client } from '../client.ts'
import { reportSkipped } from '../client.ts'
import { fetchAssetDetails } from '../node/chain.ts'
import { fetchDataByKeys } from '../node/addresses.ts'
import { CONFIG_KEY_LIST, parseConfig } from '../parse.ts'
import type { AssetInfo, MalformedEntry, ProgramConfig } from '../types.ts'

export type FetchConfigParameters = Record<string, never>
export type FetchConfigReturnType = ProgramConfig

/**
 * The program's configuration (`config_*` keys, defaults for missing ones) with the asset's details.
 * POST /addresses/data/{dApp} with the config keys; GET /assets/details/{id} once per client for an asset.
 *
 * @example
 * const config = await fetchConfig(client)
 * config.rates // { l1: 100, l2: 50, l3: 25, cashback: 10 }
 */
export async function fetchConfig(client: Client): Promise<FetchConfigReturnType> {
  const { config, skipped } = await readConfig(client)
  reportSkipped(client, skipped)
  return config
}

/** The config and what was skipped while reading it (for the dashboard, which reports both). */
export async function readConfig(client: Client): Promise<{ config: ProgramConfig; skipped: MalformedEntry[] }> {
  const entries = await fetchDataByKeys(client.transport, client.dApp, CONFIG_KEY_LIST)
  return configFrom(client, entries)
}

export async function configFrom(
  client: Client,
  entries: Parameters<typeof parseConfig>[1],
): Promise<{ config: ProgramConfig; skipped: MalformedEntry[] }> {
  const parsed = parseConfig(client.dApp, entries)
  return { config: { ...parsed.config, asset: await assetInfo(client, parsed.assetId) }, skipped: parsed.skipped }
}

const WAVES: AssetInfo = { id: null, name: 'WAVES', decimals: 8 }

/** An asset's name and decimals, asked once per client (assets never change them). */
export function assetInfo(client: Client, id: string | null): Promise<AssetInfo> {
  if (id === null) return Promise.resolve(WAVES)
  let cached = client.state.assets.get(id)
  if (cached === undefined) {
    cached = fetchAssetDetails(client.transport, id).then((details) => ({ id, name: details.name, decimals: details.decimals }))
    client.state.assets.set(id, cached)
    cached.catch(() => client.state.assets.delete(id))
  }
  return cached
}

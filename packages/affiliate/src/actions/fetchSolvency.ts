import type { Client } from '../client.ts'
import { CONFIG_KEYS, PROGRAM_KEYS, owedKey } from '../keys.ts'
import { fetchDataByKeys, fetchWavesBalance } from '../node/addresses.ts'
import { fetchAssetBalance } from '../node/chain.ts'
import { EntryReader, parseAssets } from '../parse.ts'
import type { AssetSolvency } from '../types.ts'
import { assetInfo } from './fetchConfig.ts'
import { reportSkipped } from '../client.ts'

export type FetchSolvencyParameters = Record<string, never>
/** one line per listed asset, the program's current asset first */
export type FetchSolvencyReturnType = AssetSolvency[]

/**
 * The program's books from chain data alone: per listed asset, what the dApp holds, owes (`owed_{asset}`)
 * and reserves for fee refunds (`gas_reserve`, WAVES only), and the surplus (held − owed − reserved).
 * A negative surplus with held >= owed means only the reserve is short: the contract then refunds no more
 * than held − owed, so members are still paid in full.
 * POST /addresses/data/{dApp} with `config_asset` and `assets`, then the `owed_` keys and `gas_reserve`;
 * GET /addresses/balance/{dApp} and GET /assets/balance/{dApp}/{id} per token.
 *
 * @example
 * const [waves] = await fetchSolvency(client)
 * waves.surplus >= 0n // everyone can be paid
 */
export async function fetchSolvency(client: Client): Promise<FetchSolvencyReturnType> {
  const list = new EntryReader(await fetchDataByKeys(client.transport, client.dApp, [CONFIG_KEYS.asset, PROGRAM_KEYS.assets]))
  const current = list.string(CONFIG_KEYS.asset) ?? 'WAVES'
  const assets = parseAssets(list.string(PROGRAM_KEYS.assets), current)
  if (!assets.includes('WAVES')) assets.push('WAVES') // the gas reserve is always in WAVES
  const keys = [...assets.map(owedKey), PROGRAM_KEYS.gasReserve]
  const [entries, held, infos] = await Promise.all([
    fetchDataByKeys(client.transport, client.dApp, keys),
    Promise.all(assets.map((asset) => (asset === 'WAVES' ? fetchWavesBalance(client.transport, client.dApp) : fetchAssetBalance(client.transport, client.dApp, asset)))),
    Promise.all(assets.map((asset) => assetInfo(client, asset === 'WAVES' ? null : asset))),
  ])
  const reader = new EntryReader(entries)
  const reserve = reader.amount(PROGRAM_KEYS.gasReserve)
  reportSkipped(client, [...list.skipped, ...reader.skipped])
  return assets.map((asset, k) => {
    const owed = reader.amount(owedKey(asset))
    const reserved = asset === 'WAVES' ? reserve : 0n
    return { asset: infos[k]!, held: held[k]!, owed, reserved, surplus: held[k]! - owed - reserved }
  })
}

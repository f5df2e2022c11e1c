// /blocks, /assets, /node and /transactions endpoints, one thin function each (the node's Swagger groups).
import type { Transport } from '../transport.ts'

/** GET /blocks/height */
export async function fetchHeight(transport: Transport): Promise<number> {
  return (await transport.request<{ height: number }>({ method: 'GET', path: '/blocks/height' })).height
}

/** GET /blocks/headers/last */
export function fetchLastHeader(transport: Transport): Promise<{ height: number; generator: string; timestamp: number }> {
  return transport.request({ method: 'GET', path: '/blocks/headers/last' })
}

/** GET /node/version */
export async function fetchNodeVersion(transport: Transport): Promise<string> {
  return (await transport.request<{ version: string }>({ method: 'GET', path: '/node/version' })).version
}

/** GET /assets/details/{assetId} */
export function fetchAssetDetails(transport: Transport, assetId: string): Promise<{ assetId: string; name: string; decimals: number }> {
  return transport.request({ method: 'GET', path: `/assets/details/${encodeURIComponent(assetId)}` })
}

/** GET /assets/balance/{address}/{assetId}: in the asset's smallest unit. */
export async function fetchAssetBalance(transport: Transport, address: string, assetId: string): Promise<bigint> {
  const path = `/assets/balance/${encodeURIComponent(address)}/${encodeURIComponent(assetId)}`
  return BigInt((await transport.request<{ balance: string | number }>({ method: 'GET', path })).balance)
}

/** POST /transactions/broadcast: resolves with the transaction as the node accepted it; `id` is passed to `onRequest`. */
export function broadcastTx(transport: Transport, tx: object, id?: string): Promise<{ id: string }> {
  return transport.request({ method: 'POST', path: '/transactions/broadcast', body: tx, ...(id === undefined ? {} : { txId: id }) })
}

export interface TxStatus {
  id: string
  status: 'confirmed' | 'unconfirmed' | 'not_found'
  height?: number
  confirmations?: number
  applicationStatus?: 'succeeded' | 'script_execution_failed' | string
}

/** POST /transactions/status `{ids}` */
export function fetchTxStatuses(transport: Transport, ids: readonly string[]): Promise<TxStatus[]> {
  return transport.request({ method: 'POST', path: '/transactions/status', body: { ids } })
}

/** GET /transactions/info/{id} */
export function fetchTxInfo(transport: Transport, id: string): Promise<Record<string, unknown>> {
  return transport.request({ method: 'GET', path: `/transactions/info/${encodeURIComponent(id)}` })
}

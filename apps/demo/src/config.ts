// The runtime configuration: `/config.json` beside index.html, read once at startup, so that one build
// serves any node and dApp. `npm start` and the browser journey write it; a real deployment puts its own.
//   { "node": "https://nodes-testnet.wavesnodes.com", "dApp": "3N...", "explorer": "https://wavesexplorer.com/testnet" }

export interface AppConfig {
  /** node origin, without a trailing slash */
  node: string
  /** the affiliate dApp's address */
  dApp: string
  /** explorer base: transactions open at `{explorer}/tx/{id}`, addresses at `{explorer}/address/{a}` */
  explorer?: string
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problem: string }

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Checks the parsed JSON; the problem text names the field and what it should be. */
export function parseConfig(json: unknown): ConfigResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'config.json must be a JSON object.' }
  const { node, dApp, explorer } = json as Record<string, unknown>
  if (!isHttpUrl(node)) return { ok: false, problem: 'config.json: "node" must be the node’s http(s) URL.' }
  if (typeof dApp !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{35}$/.test(dApp)) {
    return { ok: false, problem: 'config.json: "dApp" must be the affiliate dApp’s address (35 base58 characters).' }
  }
  if (explorer !== undefined && !isHttpUrl(explorer)) return { ok: false, problem: 'config.json: "explorer", when given, must be an http(s) URL.' }
  const config: AppConfig = { node: node.replace(/\/+$/, ''), dApp }
  if (explorer !== undefined) config.explorer = explorer.replace(/\/+$/, '')
  return { ok: true, config }
}

export async function loadConfig(url: string, fetchImpl: typeof fetch = globalThis.fetch): Promise<ConfigResult> {
  let response: Response
  try {
    response = await fetchImpl(url, { cache: 'no-store' })
  } catch (error) {
    return { ok: false, problem: `config.json could not be fetched from ${url}: ${(error as Error).message}` }
  }
  if (!response.ok) return { ok: false, problem: `config.json is missing: ${url} answered HTTP ${response.status}.` }
  let json: unknown
  try {
    json = await response.json()
  } catch {
    return { ok: false, problem: `config.json at ${url} is not valid JSON.` }
  }
  return parseConfig(json)
}

export function explorerTx(config: AppConfig, id: string): string {
  return config.explorer ? `${config.explorer}/tx/${id}` : `${config.node}/transactions/info/${id}`
}

export function explorerAddress(config: AppConfig, address: string): string {
  return config.explorer ? `${config.explorer}/address/${address}` : `${config.node}/addresses/balance/${address}`
}

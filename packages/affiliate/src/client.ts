// The client: a configuration, a transport and per-client caches. Actions (actions/*.ts) are free functions
// of a Client; `createAffiliate` (affiliate.ts) binds them into one object.
import { checkAddress } from './address.ts'
import { InvalidInputError } from './errors.ts'
import type { SignerLike } from './signer-types.ts'
import { type RequestEvent, type RetryOptions, type Transport, createTransport } from './transport.ts'
import type { AssetInfo, MalformedEntry } from './types.ts'

export interface AffiliateConfig {
  /** node origin, e.g. 'http://127.0.0.1:6869' (no trailing slash needed) */
  node: string
  /** the affiliate dApp's address */
  dApp: string
  /** one character; default: read once from the node and cached */
  chainId?: string
  /** an @waves/signer `Signer` with a provider set; only writes need it */
  signer?: SignerLike
  /** transient failures; default 4 attempts, 250 ms */
  retry?: RetryOptions
  /** per try of a request; default 4_000 */
  timeoutMs?: number
  /** per request, its retries included: a hung node is reported by then (NodeUnavailableError); default 10_000 */
  deadlineMs?: number
  /** default globalThis.fetch */
  fetch?: typeof fetch
  /** sees every request to the node and its answer (method, path, status, ms, the transaction id of a broadcast) */
  onRequest?: (event: RequestEvent) => void
  /**
   * Called with the malformed entries a read skipped, for reads whose result has no `skipped` field
   * (`fetchDashboard` returns them in `skipped` instead).
   */
  onSkipped?: (entries: MalformedEntry[]) => void
  /** how often `confirmed` asks the node for a transaction's status (default 1,000 ms) */
  pollingIntervalMs?: number
  /** how long `confirmed` waits for a block before it rejects (default 120,000 ms) */
  confirmTimeoutMs?: number
}

export interface Client {
  readonly node: string
  readonly dApp: string
  readonly transport: Transport
  readonly signer: SignerLike | undefined
  readonly config: AffiliateConfig
  readonly pollingIntervalMs: number
  readonly confirmTimeoutMs: number
  /** per-client caches and listeners */
  readonly state: {
    chainId: Promise<string> | undefined
    readonly assets: Map<string, Promise<AssetInfo>>
    /** called with the id of each transaction of this client that reaches a block */
    readonly confirmedListeners: Set<(id: string) => void>
  }
}

/** Checks the configuration and makes the transport. */
export function createClient(config: AffiliateConfig): Client {
  if (typeof config.node !== 'string' || !/^https?:\/\/[^/]/.test(config.node)) {
    throw new InvalidInputError('node', `${JSON.stringify(config.node)} is not an http(s) URL`)
  }
  if (config.chainId !== undefined && (typeof config.chainId !== 'string' || config.chainId.length !== 1)) {
    throw new InvalidInputError('chainId', `${JSON.stringify(config.chainId)} is not one character`)
  }
  checkAddress('dApp', config.dApp, config.chainId)
  const transport = createTransport({
    url: config.node,
    ...(config.retry ? { retry: config.retry } : {}),
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.deadlineMs !== undefined ? { deadlineMs: config.deadlineMs } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.onRequest ? { onRequest: config.onRequest } : {}),
  })
  return {
    node: transport.url,
    dApp: config.dApp,
    transport,
    signer: config.signer,
    config,
    pollingIntervalMs: config.pollingIntervalMs ?? 1_000,
    confirmTimeoutMs: config.confirmTimeoutMs ?? 120_000,
    state: { chainId: config.chainId === undefined ? undefined : Promise.resolve(config.chainId), assets: new Map(), confirmedListeners: new Set() },
  }
}

/** Reports skipped entries to `onSkipped`, if any. */
export function reportSkipped(client: Client, skipped: MalformedEntry[]): void {
  if (skipped.length > 0) client.config.onSkipped?.(skipped)
}

// The transport: one `request` to the node's REST API, with a timeout per try, retries with exponential
// backoff and jitter for transient failures (network error, timeout, HTTP 5xx), and errors translated
// to classes. 4xx answers are final and never retried.
//
// Why not @waves/node-api-js: its requests have no timeout, no retry and no injectable `fetch`; a failed
// answer loses its HTTP status; and it keeps big integers exact only by a regex over the text (digits of
// 14 or more become strings). Here every request asks the node for `large-significand-format=string`, so
// 64-bit integers arrive as strings and become bigint without loss.
import { NodeUnavailableError, nodeErrorFrom } from './errors.ts'

export interface RetryOptions {
  /** tries in all, the first one included (default 4) */
  attempts?: number
  /** the delay before the first retry, doubled for each next one, with jitter (default 250 ms) */
  baseDelayMs?: number
}

export interface TransportConfig {
  /** the node's origin, e.g. `http://127.0.0.1:6869` */
  url: string
  retry?: RetryOptions
  /** per try (default 10 000 ms) */
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface RequestParameters {
  method: 'GET' | 'POST'
  /** path and query, e.g. `/blocks/height` */
  path: string
  /** sent as JSON (bigints as decimal strings) */
  body?: unknown
}

export interface Transport {
  readonly url: string
  request<T = unknown>(parameters: RequestParameters): Promise<T>
}

const ACCEPT = 'application/json;large-significand-format=string'

/**
 * A transport over `fetch`.
 *
 * @example
 * const transport = createTransport({ url: 'http://127.0.0.1:6869' })
 * const { height } = await transport.request<{ height: number }>({ method: 'GET', path: '/blocks/height' })
 */
export function createTransport(config: TransportConfig): Transport {
  const url = config.url.replace(/\/+$/, '')
  const attempts = Math.max(1, config.retry?.attempts ?? 4)
  const baseDelayMs = config.retry?.baseDelayMs ?? 250
  const timeoutMs = config.timeoutMs ?? 10_000
  const doFetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init))

  async function once(parameters: RequestParameters): Promise<{ ok: true; value: unknown } | { ok: false; transient: string; cause: unknown }> {
    const target = url + parameters.path
    const headers: Record<string, string> = { accept: ACCEPT }
    const init: RequestInit = { method: parameters.method, headers }
    if (parameters.body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = JSON.stringify(parameters.body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
    }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    init.signal = controller.signal
    let response: Response
    let text: string
    try {
      response = await doFetch(target, init)
      text = await response.text()
    } catch (cause) {
      return { ok: false, transient: controller.signal.aborted ? `timeout after ${timeoutMs} ms` : 'network error', cause }
    } finally {
      clearTimeout(timer)
    }
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON (a proxy's error page): keep the text
    }
    if (response.ok) return { ok: true, value: body }
    const error = nodeErrorFrom(response.status, target, body)
    if (response.status >= 500) return { ok: false, transient: `HTTP ${response.status}`, cause: error }
    throw error
  }

  return {
    url,
    async request<T>(parameters: RequestParameters): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const result = await once(parameters)
        if (result.ok) return result.value as T
        if (attempt >= attempts) throw new NodeUnavailableError(url + parameters.path, attempt, result.transient, { cause: result.cause })
        await sleep(backoff(baseDelayMs, attempt))
      }
    },
  }
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so clients spread out. */
export function backoff(baseDelayMs: number, attempt: number): number {
  const delay = baseDelayMs * 2 ** (attempt - 1)
  return delay / 2 + Math.random() * (delay / 2)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// The transport: one `request` to the node's REST API, with a timeout per try, retries with exponential
// backoff and jitter for transient failures (network error, timeout, HTTP 5xx), a deadline for the whole
// call (so a node that accepts connections and never answers is reported within it, whatever the retries),
// errors translated to classes, and an `onRequest` hook that sees every try and its answer. 4xx answers
// are final and never retried.
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
  /** per try (default 4,000 ms) */
  timeoutMs?: number
  /**
   * for the whole call, retries and their delays included (default 10,000 ms): past it the call rejects
   * with NodeUnavailableError, and no try starts that could not end before it
   */
  deadlineMs?: number
  fetch?: typeof fetch
  /** sees every try and its outcome (see RequestEvent); an exception it throws is ignored */
  onRequest?: (event: RequestEvent) => void
}

export interface RequestParameters {
  method: 'GET' | 'POST'
  /** path and query, e.g. `/blocks/height` */
  path: string
  /** sent as JSON (bigints as decimal strings) */
  body?: unknown
  /** the id of the transaction in `body`, when broadcasting: passed to `onRequest` */
  txId?: string
}

/**
 * One try of a request, as `onRequest` sees it: `request` when it is sent, then `response` (any HTTP
 * answer, 4xx and 5xx included) or `error` (no answer: network error or timeout). Tries of one call share
 * `id` (1, 2, 3 ... per transport) and count up `attempt` from 1.
 */
export type RequestEvent =
  | ({ type: 'request' } & RequestEventBase)
  | ({ type: 'response'; status: number; ms: number } & RequestEventBase)
  | ({ type: 'error'; reason: string; ms: number } & RequestEventBase)

export interface RequestEventBase {
  id: number
  attempt: number
  method: 'GET' | 'POST'
  /** path and query, e.g. `/blocks/height` */
  path: string
  /** the broadcast transaction's id, on POST /transactions/broadcast */
  txId?: string
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
  const timeoutMs = config.timeoutMs ?? 4_000
  const deadlineMs = config.deadlineMs ?? 10_000
  const doFetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init))
  let lastId = 0

  const emit = (event: RequestEvent) => {
    try {
      config.onRequest?.(event)
    } catch {
      // a logging hook must not change what the caller gets
    }
  }

  type Outcome = { ok: true; value: unknown } | { ok: false; transient: string; cause: unknown }

  async function once(parameters: RequestParameters, base: RequestEventBase, tryMs: number): Promise<Outcome> {
    const started = Date.now()
    const ms = () => Date.now() - started
    emit({ type: 'request', ...base })
    try {
      const outcome = await fetchOnce(parameters, tryMs)
      if (outcome.status !== undefined) emit({ type: 'response', ...base, status: outcome.status, ms: ms() })
      else if (!outcome.ok) emit({ type: 'error', ...base, reason: outcome.transient, ms: ms() })
      return outcome
    } catch (error) {
      // a 4xx answer, thrown as its class
      emit({ type: 'response', ...base, status: (error as { status?: number }).status ?? 0, ms: ms() })
      throw error
    }
  }

  async function fetchOnce(parameters: RequestParameters, tryMs: number): Promise<Outcome & { status?: number }> {
    const target = url + parameters.path
    const headers: Record<string, string> = { accept: ACCEPT }
    const init: RequestInit = { method: parameters.method, headers }
    if (parameters.body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = JSON.stringify(parameters.body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
    }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), tryMs)
    init.signal = controller.signal
    let response: Response
    let text: string
    try {
      response = await doFetch(target, init)
      text = await response.text()
    } catch (cause) {
      return { ok: false, transient: controller.signal.aborted ? `timeout after ${tryMs} ms` : 'network error', cause }
    } finally {
      clearTimeout(timer)
    }
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON (a proxy's error page): keep the text
    }
    if (response.ok) return { ok: true, value: body, status: response.status }
    const error = nodeErrorFrom(response.status, target, body)
    if (response.status >= 500) return { ok: false, transient: `HTTP ${response.status}`, cause: error, status: response.status }
    throw error
  }

  return {
    url,
    async request<T>(parameters: RequestParameters): Promise<T> {
      const id = ++lastId
      const deadline = Date.now() + deadlineMs
      for (let attempt = 1; ; attempt++) {
        const base: RequestEventBase = { id, attempt, method: parameters.method, path: parameters.path }
        if (parameters.txId !== undefined) base.txId = parameters.txId
        const result = await once(parameters, base, Math.min(timeoutMs, Math.max(1, deadline - Date.now())))
        if (result.ok) return result.value as T
        const fail = (reason: string) => new NodeUnavailableError(url + parameters.path, attempt, reason, { cause: result.cause })
        if (attempt >= attempts) throw fail(result.transient)
        const delay = backoff(baseDelayMs, attempt)
        // a retry that could not get an answer before the deadline is not started
        if (Date.now() + delay >= deadline) throw fail(`${result.transient}; no answer within ${deadlineMs} ms`)
        await sleep(delay)
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

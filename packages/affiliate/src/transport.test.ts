// Retries against a node that fails on purpose: a local proxy answers 503, drops the connection or never
// answers, a given number of times, then forwards to a real dev node.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { ContractError, NodeError, NodeUnavailableError, nodeErrorFrom } from './errors.ts'
import { type FlakyProxy, flakyProxy } from './testing.ts'
import { type RequestEvent, backoff, createTransport } from './transport.ts'

let node: Devnode
let proxy: FlakyProxy

beforeAll(async () => {
  node = await createDevnode()
})
afterAll(() => node?.close())
beforeEach(async () => {
  proxy = await flakyProxy(node.url)
})
afterEach(() => proxy.close())

const transport = (attempts = 4, timeoutMs = 4_000) => createTransport({ url: `${proxy.url}/`, retry: { attempts, baseDelayMs: 1 }, timeoutMs })
const height = { method: 'GET', path: '/blocks/height' } as const

describe('transient failures are retried', () => {
  test('503 twice, then the answer', async () => {
    proxy.fail('/blocks/height', ['503', '503'])
    expect(await transport().request(height)).toEqual({ height: 11 })
    expect(proxy.arrived).toEqual(['GET /blocks/height', 'GET /blocks/height', 'GET /blocks/height'])
    expect(proxy.forwarded).toHaveLength(1)
  })

  test('a dropped connection three times, then the answer', async () => {
    proxy.fail('/blocks/height', ['drop', 'drop', 'drop'])
    expect(await transport().request(height)).toEqual({ height: 11 })
    expect(proxy.arrived).toHaveLength(4)
  })

  test('a node that does not answer in time', async () => {
    proxy.fail('/blocks/height', ['hang'])
    expect(await transport(2, 200).request(height)).toEqual({ height: 11 })
    expect(proxy.arrived).toHaveLength(2)
  })

  test('retries spent: NodeUnavailableError with the last reason and the cause', async () => {
    proxy.fail('/blocks/height', ['503', '503', '503'])
    const error = await transport(3).request(height).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NodeUnavailableError)
    expect((error as NodeUnavailableError).message).toBe(
      [
        'The node is unavailable: HTTP 503 (3 tries)',
        '',
        `URL: ${proxy.url}/blocks/height`,
        'Docs: waves-affiliate/README.md#nodeunavailableerror',
      ].join('\n'),
    )
    expect((error as NodeUnavailableError).cause).toBeInstanceOf(NodeError)
    expect((error as NodeUnavailableError).walk()).toMatchObject({ status: 503, code: 0, nodeMessage: 'Service Unavailable' })
  })

  test('timeouts spent', async () => {
    proxy.fail('/blocks/height', ['hang', 'hang'])
    const error = await transport(2, 100).request(height).catch((e: unknown) => e)
    expect((error as NodeUnavailableError).shortMessage).toBe('The node is unavailable: timeout after 100 ms (2 tries)')
  })

  test('no node at all', async () => {
    const error = await createTransport({ url: 'http://127.0.0.1:9', retry: { attempts: 2, baseDelayMs: 1 } }).request(height).catch((e: unknown) => e)
    expect((error as NodeUnavailableError).shortMessage).toBe('The node is unavailable: network error (2 tries)')
  })
})

describe('a hung node (accepts the connection, never answers)', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  test('is reported at the deadline, 10 s by default, whatever the retries', async () => {
    proxy.fail('/blocks/height', ['hang', 'hang', 'hang', 'hang'])
    // the clock and the backoff's jitter are fixed: tries of 4,000 ms, retries after 125 and 250 ms
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const started = Date.now()
    let settled: { at: number; error: unknown } | undefined
    createTransport({ url: proxy.url })
      .request(height)
      .catch((error: unknown) => {
        settled = { at: Date.now() - started, error }
      })
    await vi.advanceTimersByTimeAsync(9_999)
    expect(settled).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(settled?.at).toBe(10_000)
    expect(settled?.error).toBeInstanceOf(NodeUnavailableError)
    // 4,000 + 125 + 4,000 + 250 ms: the third try gets what is left, 1,625 ms; a fourth could not end in time
    expect((settled?.error as NodeUnavailableError).shortMessage).toBe(
      'The node is unavailable: timeout after 1625 ms; no answer within 10000 ms (3 tries)',
    )
  })

  test('a shorter deadline ends the call sooner', async () => {
    proxy.fail('/blocks/height', ['hang', 'hang', 'hang', 'hang'])
    const error = await createTransport({ url: proxy.url, timeoutMs: 100, deadlineMs: 150, retry: { baseDelayMs: 1 } })
      .request(height)
      .catch((e: unknown) => e)
    expect((error as NodeUnavailableError).shortMessage).toMatch(/^The node is unavailable: timeout after \d+ ms; no answer within 150 ms \(2 tries\)$/)
  })
})

describe('onRequest', () => {
  test('sees every try with one id per call: method, path, status, ms', async () => {
    proxy.fail('/blocks/height', ['503'])
    const events: RequestEvent[] = []
    const hooked = createTransport({ url: proxy.url, retry: { baseDelayMs: 1 }, onRequest: (event) => events.push(event) })
    await hooked.request(height)
    await hooked.request({ method: 'GET', path: '/addresses/data/nope' }).catch(() => undefined)
    expect(events.map((e) => ('ms' in e ? { ...e, ms: typeof e.ms } : e))).toEqual([
      { type: 'request', id: 1, attempt: 1, method: 'GET', path: '/blocks/height' },
      { type: 'response', id: 1, attempt: 1, method: 'GET', path: '/blocks/height', status: 503, ms: 'number' },
      { type: 'request', id: 1, attempt: 2, method: 'GET', path: '/blocks/height' },
      { type: 'response', id: 1, attempt: 2, method: 'GET', path: '/blocks/height', status: 200, ms: 'number' },
      { type: 'request', id: 2, attempt: 1, method: 'GET', path: '/addresses/data/nope' },
      { type: 'response', id: 2, attempt: 1, method: 'GET', path: '/addresses/data/nope', status: 400, ms: 'number' },
    ])
  })

  test('a try without an answer is an error event; a broadcast carries its transaction id; a throwing hook changes nothing', async () => {
    proxy.fail('/transactions/broadcast', ['drop'])
    const events: RequestEvent[] = []
    const hooked = createTransport({
      url: proxy.url,
      retry: { attempts: 2, baseDelayMs: 1 },
      onRequest: (event) => {
        events.push(event)
        throw new Error('a broken logger')
      },
    })
    const error = await hooked.request({ method: 'POST', path: '/transactions/broadcast', body: {}, txId: 'T1' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NodeError', status: 400 })
    expect(events.map((e) => ('ms' in e ? { ...e, ms: typeof e.ms } : e))).toEqual([
      { type: 'request', id: 1, attempt: 1, method: 'POST', path: '/transactions/broadcast', txId: 'T1' },
      { type: 'error', id: 1, attempt: 1, method: 'POST', path: '/transactions/broadcast', txId: 'T1', reason: 'network error', ms: 'number' },
      { type: 'request', id: 1, attempt: 2, method: 'POST', path: '/transactions/broadcast', txId: 'T1' },
      { type: 'response', id: 1, attempt: 2, method: 'POST', path: '/transactions/broadcast', txId: 'T1', status: 400, ms: 'number' },
    ])
  })
})

describe('4xx is never retried', () => {
  test('a node error comes back at once, with status, code, url and message', async () => {
    const error = await transport().request({ method: 'GET', path: '/addresses/data/nope' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NodeError)
    expect(error).toMatchObject({ status: 400, code: 102, url: `${proxy.url}/addresses/data/nope`, nodeMessage: 'invalid address' })
    expect((error as NodeError).message).toBe(
      [
        'The node refused the request: invalid address',
        '',
        'Node error 102, HTTP 400',
        `URL: ${proxy.url}/addresses/data/nope`,
        'Docs: waves-affiliate/README.md#nodeerror',
      ].join('\n'),
    )
    expect(proxy.arrived).toEqual(['GET /addresses/data/nope'])
  })

  test('404 with the node code', async () => {
    const error = await transport().request({ method: 'GET', path: '/transactions/info/5UYAgRZjHiVrtrXW2Go6sVRZ4QqLWnugB6swr3UMKQoP' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NodeError', status: 404, code: 311, nodeMessage: 'transactions does not exist' })
    expect(proxy.arrived).toHaveLength(1)
  })
})

describe('nodeErrorFrom', () => {
  test('a callable throw with a code word is a ContractError', () => {
    const error = nodeErrorFrom(400, 'http://n/transactions/broadcast', { error: 306, message: 'Error while executing dApp: referrer: not registered' })
    expect(error).toBeInstanceOf(ContractError)
    expect(error).toMatchObject({ code: 'referrer', contractMessage: 'referrer: not registered' })
    expect(error.message).toBe('The affiliate contract refused the call: referrer: not registered\nDocs: waves-affiliate/README.md#contracterror')
    expect((error as ContractError).cause).toMatchObject({ name: 'NodeError', code: 306, status: 400 })
  })

  test('other 306 texts stay NodeErrors', () => {
    const error = nodeErrorFrom(400, 'http://n/x', { error: 306, message: 'Error while executing dApp: bet: round not resolved' })
    expect(error).toBeInstanceOf(NodeError)
    expect(nodeErrorFrom(400, 'http://n/x', { error: 306, message: 'Error while executing account-script: nope' })).toBeInstanceOf(NodeError)
  })

  test('every code word of the contract', () => {
    for (const code of ['pow', 'referrer', 'registered', 'fee', 'payment', 'balance', 'paused', 'admin', 'config']) {
      expect(nodeErrorFrom(400, 'u', { error: 306, message: `Error while executing dApp: ${code}: x` })).toMatchObject({ name: 'ContractError', code })
    }
  })
})

test('backoff doubles with jitter within [delay/2, delay]', () => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const delay = 250 * 2 ** (attempt - 1)
    const value = backoff(250, attempt)
    expect(value).toBeGreaterThanOrEqual(delay / 2)
    expect(value).toBeLessThanOrEqual(delay)
  }
})

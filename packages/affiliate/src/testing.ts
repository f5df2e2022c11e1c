// Test helpers for this package's tests (never imported by the library): a fetch that records what it
// asks, a proxy that fails on purpose in front of a node, data written with a DataTransaction, waiting.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RICH_SEED, addressOf, crypto, wt } from '../../../test/waves.ts'

/** A `fetch` that records `METHOD path` of every request, in order. */
export function countingFetch(): { fetch: typeof fetch; requests: string[]; clear(): void } {
  const requests: string[] = []
  return {
    requests,
    clear: () => void (requests.length = 0),
    fetch: (input, init) => {
      const url = new URL(String(input))
      requests.push(`${init?.method ?? 'GET'} ${decodeURIComponent(url.pathname + url.search)}`)
      return globalThis.fetch(input, init)
    },
  }
}

/** What the proxy does with a request it fails: answer 503, drop the connection, never answer, or forward and then drop. */
export type Failure = '503' | 'drop' | 'hang' | 'forward-then-drop'

export interface FlakyProxy {
  url: string
  /** the next requests whose path starts with `prefix` meet these failures, in order */
  fail(prefix: string, failures: Failure[]): void
  /** every request that arrived, as `METHOD path` */
  arrived: string[]
  /** the bodies of requests passed on to the node, as `METHOD path` and the body */
  forwarded: { request: string; body: string }[]
  close(): Promise<void>
}

/** A local HTTP proxy in front of `target` that fails on purpose, then forwards. */
export async function flakyProxy(target: string): Promise<FlakyProxy> {
  const plans: { prefix: string; failures: Failure[] }[] = []
  const arrived: string[] = []
  const forwarded: { request: string; body: string }[] = []
  const hanging = new Set<IncomingMessage>()
  const forward = async (req: IncomingMessage, body: string) => {
    forwarded.push({ request: `${req.method} ${req.url}`, body })
    const headers: Record<string, string> = {}
    for (const name of ['accept', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name]
    return fetch(target + req.url, { method: req.method!, headers, ...(body === '' ? {} : { body }) })
  }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString()
      arrived.push(`${req.method} ${req.url}`)
      const plan = plans.find((p) => req.url!.startsWith(p.prefix) && p.failures.length > 0)
      const failure = plan?.failures.shift()
      if (failure === '503') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable')
      } else if (failure === 'drop') {
        req.socket.destroy()
      } else if (failure === 'hang') {
        hanging.add(req)
      } else if (failure === 'forward-then-drop') {
        await (await forward(req, body)).text()
        req.socket.destroy()
      } else {
        const answer = await forward(req, body)
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text())
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    fail: (prefix, failures) => void plans.push({ prefix, failures: [...failures] }),
    arrived,
    forwarded,
    close: async () => {
      for (const req of hanging) req.socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type DataValue = string | bigint | boolean

/** Sends `amount` wavelets from the rich genesis account to `address`. */
export async function fundAccount(nodeUrl: string, address: string, amount = 100_00000000n): Promise<void> {
  await accept(nodeUrl, wt.transfer({ recipient: address, amount: amount.toString(), chainId: 'R' } as never, RICH_SEED))
}

/** Writes data entries on the account of `seed` with a DataTransaction (as the account's owner can). */
export async function writeData(nodeUrl: string, seed: string, entries: Record<string, DataValue | number>): Promise<void> {
  const data = Object.entries(entries).map(([key, value]) =>
    typeof value === 'string'
      ? { key, type: 'string' as const, value }
      : typeof value === 'boolean'
        ? { key, type: 'boolean' as const, value }
        : { key, type: 'integer' as const, value: value.toString() },
  )
  await accept(nodeUrl, wt.data({ data, chainId: 'R' } as never, seed))
}

async function accept(nodeUrl: string, tx: object): Promise<void> {
  const answer = await fetch(`${nodeUrl}/transactions/broadcast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tx) })
  if (answer.status !== 200) throw new Error(`setup transaction refused: ${await answer.text()}`)
}

/** A fixed, valid-looking transaction id for test records. */
export const fakeTxId = (name: string) => crypto.base58Encode(crypto.blake2b(crypto.stringToBytes(name)))
export { addressOf }

/** Resolves once `condition()` is true, checking every few milliseconds (no timing is asserted). */
export async function waitFor(condition: () => boolean, what = 'condition'): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

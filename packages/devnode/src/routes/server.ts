// The HTTP server: CORS, bodies, dispatch, and the one place where errors become the node's
// `{error, message}` answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Chain } from '../chain/devnode.ts'
import { BareStatus, NodeError, nodeErrors } from '../errors.ts'
import { activationRoutes } from './activation.ts'
import { addressRoutes } from './addresses.ts'
import { aliasLeasingRoutes } from './alias-leasing.ts'
import { assetRoutes } from './assets.ts'
import { blockRoutes } from './blocks.ts'
import { nodeRoutes } from './node.ts'
import { rewardRoutes } from './rewards.ts'
import { transactionRoutes } from './transactions.ts'
import { utilsRoutes } from './utils.ts'
import { readJson, writeJson } from './json.ts'
import { Router } from './router.ts'

/** akka-http's `parsing.max-uri-length` (2k), which a node does not change. */
const MAX_URI_LENGTH = 2048
/** Node's own header limit (16 KiB) answers longer request lines with a bare 431 before any route: this lets them reach the 414. */
const MAX_HEADER_BYTES = 64 * 1024
/** `akka.http.server.parsing.max-content-length` of a node (application.conf: 1m), in bytes. */
const MAX_BODY_BYTES = 1024 * 1024

const router = new Router()
addressRoutes(router)
aliasLeasingRoutes(router)
blockRoutes(router)
transactionRoutes(router)
assetRoutes(router)
nodeRoutes(router)
utilsRoutes(router)
activationRoutes(router)
rewardRoutes(router)

/** Every route the server takes (method and path pattern), in dispatch order. */
export const servedRoutes = (): { method: string; path: string }[] => router.list()

/**
 * How long an idle keep-alive connection stays open, in ms: akka-http's default `idle-timeout`, which a node
 * keeps. Node's own default (5 s) closes the connection of a client that paused longer between two
 * requests, and a client that sends just then (a test signing thousands of transactions in the same
 * process) gets ECONNRESET.
 */
export const IDLE_TIMEOUT_MS = 60_000

export function createApiServer(chain: Chain, onError: (e: unknown) => void = () => {}): Server {
  // headersTimeout must exceed keepAliveTimeout, or a slow first header on a reused socket is cut first
  return createServer({ keepAliveTimeout: IDLE_TIMEOUT_MS, headersTimeout: IDLE_TIMEOUT_MS + 1_000, maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(chain, req, res).catch((e: unknown) => {
      onError(e)
      if (!res.headersSent) send(res, 500, nodeErrors.unknown().toJSON(), false)
      else res.destroy()
    })
  })
}

async function handle(chain: Chain, req: IncomingMessage, res: ServerResponse): Promise<void> {
  cors(req, res)
  const largeAsString = /large-significand-format=string/.test(req.headers.accept ?? '')
  if (req.method === 'OPTIONS') {
    res.writeHead(200).end()
    return
  }
  await chain.settled()
  // akka-http's transparent-head-requests: a HEAD is answered as the GET, without the body (node:http drops it)
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET')
  const answer = await respond(chain, method, req.url ?? '/', req.headers['content-type'] ?? '', () => readBody(req))
  if (!req.readableEnded) req.resume()
  send(res, answer.status, answer.body, largeAsString)
}

/** Routes one request; errors that are not NodeErrors propagate (they are bugs, answered with 500). */
async function respond(
  chain: Chain,
  method: string,
  pathAndQuery: string,
  contentType: string,
  readText: () => Promise<string>,
): Promise<{ status: number; body: unknown }> {
  if (pathAndQuery.length > MAX_URI_LENGTH) return bare(nodeErrors.uriTooLong(MAX_URI_LENGTH))
  // the request target as akka-http reads it: the path as sent (no dot segments resolved, no `\` read as `/`, a
  // leading `//` a path and not a host); an absolute-form target's scheme and authority dropped
  const target = pathAndQuery.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?]*/i, '')
  const q = target.indexOf('?')
  const rawPath = q < 0 ? target : target.slice(0, q)
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1))
  if (!rawPath.startsWith('/')) return notFound()
  // a trailing slash is part of the path: most of the node's routes end in `path(...)` and refuse it
  const route = router.match(method, decodedSegments(rawPath))
  // a path served for another method falls through the node's routes to the same bare 404
  if (route === undefined || route === 'wrong-method') return notFound()
  try {
    const text = await readText()
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
    let parsed: { value: unknown } | undefined
    // ApiMarshallers' JSON unmarshaller takes application/json only, and no empty entity: anything else is rejected
    // and falls through to the bare 404
    const json = () => {
      if (mediaType !== 'application/json' || text === '') throw nodeErrors.notFound()
      parsed ??= { value: readJson(text) }
      return parsed.value
    }
    const body = () => (mediaType === 'application/x-www-form-urlencoded' ? new URLSearchParams(text) : json())
    return { status: 200, body: await route.handler({ params: route.params, query, body, json, text }, chain) }
  } catch (e) {
    if (e instanceof BareStatus) return bare(e)
    if (!(e instanceof NodeError)) throw e
    return { status: e.status, body: e.toJSON() }
  }
}

/**
 * The path with each segment percent-decoded, as akka's Uri.Path holds it before any matcher runs (`/blocks/he%69ght`
 * is `/blocks/height`). A `/` or `%` that a segment decodes to is escaped again, so it stays inside its segment and
 * the route's parameter decodes it once; a segment that does not decode is kept as sent.
 */
function decodedSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).replaceAll('%', '%25').replaceAll('/', '%2F')
      } catch {
        return segment
      }
    })
    .join('/')
}

/** A body written as it is, in text/plain, instead of as JSON. */
class PlainText {
  constructor(readonly text: string) {}
}

function bare(error: BareStatus): { status: number; body: PlainText } {
  return { status: error.status, body: new PlainText(error.message) }
}

function notFound(): { status: number; body: PlainText } {
  return bare(nodeErrors.notFound())
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*')
  if (origin) {
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Vary', 'Origin')
  }
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Content-Type, Accept, X-API-Key')
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // refused at once, the rest read and dropped (handle resumes the request): destroying the socket would leave the
        // client without an answer
        chunks.length = 0
        reject(new NodeError(10, 'Too big sequence requested', 413))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown, largeAsString: boolean): void {
  const text = body instanceof PlainText ? body.text : writeJson(body, largeAsString)
  const json = largeAsString ? 'application/json;large-significand-format=string;charset=UTF-8' : 'application/json;charset=UTF-8'
  res.writeHead(status, {
    'Content-Type': body instanceof PlainText ? 'text/plain; charset=UTF-8' : json,
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

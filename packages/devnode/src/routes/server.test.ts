// What the HTTP layer answers before any route: unknown paths and methods, and CORS preflights, as
// CompositeHttpService in node 1.5.7 answers them.
import { connect } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDevnode, type Devnode } from '../index.ts'

let node: Devnode
beforeAll(async () => {
  node = await createDevnode()
})
afterAll(() => node.close())

const plain = async (method: string, path: string) => {
  const res = await fetch(node.url + path, { method })
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() }
}
const NOT_FOUND = { status: 404, type: 'text/plain; charset=UTF-8', body: 'The requested resource could not be found.' }

it('answers a path no route takes with the bare text 404 of akka-http (`complete(StatusCodes.NotFound)`)', async () => {
  expect(await plain('GET', '/no/such/route')).toEqual(NOT_FOUND)
  expect(await plain('POST', '/addresses/nothing')).toEqual(NOT_FOUND)
})

it('answers a method a path does not take with the same 404: the routes reject and fall through to it', async () => {
  expect(await plain('GET', '/transactions/broadcast')).toEqual(NOT_FOUND)
  expect(await plain('POST', '/blocks/height')).toEqual(NOT_FOUND)
})

it('answers a CORS preflight with 200 and the allowed methods, whatever the path', async () => {
  const res = await fetch(`${node.url}/transactions/broadcast`, { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' } })
  expect([res.status, res.headers.get('access-control-allow-origin'), res.headers.get('access-control-allow-credentials')]).toEqual([200, 'http://app.example', 'true'])
})

const request = async (method: string, path: string, body?: string, contentType?: string) => {
  const res = await fetch(node.url + path, { method, ...(body === undefined ? {} : { body }), headers: contentType ? { 'content-type': contentType } : {} })
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() }
}
const RICH = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'

it('answers a malformed query parameter with the bare 404: its MalformedQueryParamRejection falls through the routes', async () => {
  // AddressApiRoute.balances `"height".as[Int].?`, compileCode `"compact".as[Boolean] ? false`, assets details `full`
  expect(await request('GET', `/addresses/balance?address=${RICH}&height=abc`)).toEqual(NOT_FOUND)
  expect(await request('GET', `/addresses/balance?address=${RICH}&height=2147483648`)).toEqual(NOT_FOUND)
  expect(await request('POST', '/utils/script/compileCode?compact=maybe', 'true', 'text/plain')).toEqual(NOT_FOUND)
  expect(await request('GET', '/assets/details?id=9&full=maybe')).toEqual(NOT_FOUND)
  expect(await request('GET', `/assets/details/${'1'.repeat(32)}?full=yes!`)).toEqual(NOT_FOUND)
  // the path's own refusal comes first, and an empty value is the default
  expect((await request('GET', '/assets/details/abc?full=maybe')).body).toBe('{"error":4007,"message":"Invalid asset id"}')
  expect(JSON.parse((await request('GET', `/addresses/balance?address=${RICH}&height=`)).body)).toEqual([{ id: RICH, balance: expect.any(Number) }])
  expect(JSON.parse((await request('POST', '/utils/script/compileCode?compact=', 'true', 'text/plain')).body).complexity).toBe(0)
})

it('answers a HEAD as the GET without a body (akka-http transparent-head-requests)', async () => {
  const res = await fetch(`${node.url}/blocks/height`, { method: 'HEAD' })
  expect([res.status, res.headers.get('content-type'), res.headers.get('content-length'), await res.text()]).toEqual([200, 'application/json;charset=UTF-8', '13', ''])
})

it('answers a GET of a route that takes only a JSON POST (jsonPost) with a bare 405', async () => {
  const METHOD_NOT_ALLOWED = { status: 405, type: 'text/plain; charset=UTF-8', body: 'A request was made of a resource using a request method not supported by that resource;' }
  expect(await request('GET', '/transactions/calculateFee')).toEqual(METHOD_NOT_ALLOWED)
  expect(await request('GET', '/utils/transactionSerialize')).toEqual(METHOD_NOT_ALLOWED)
})

it('answers a JSON route a body of another content type, or none, with the bare 404 (the JSON unmarshaller takes application/json)', async () => {
  for (const path of ['/transactions/broadcast', '/transactions/calculateFee', '/utils/transactionSerialize', '/addresses/balance', '/utils/script/compileWithImports']) {
    expect(await request('POST', path, '{}', 'text/plain'), path).toEqual(NOT_FOUND)
    expect(await request('POST', path, 'a=1', 'application/x-www-form-urlencoded'), path).toEqual(NOT_FOUND)
    expect(await request('POST', path, '', 'application/json'), path).toEqual(NOT_FOUND)
  }
  // routes that take form fields still take them
  expect(await request('POST', '/transactions/status', 'id=0', 'application/x-www-form-urlencoded')).toEqual({
    status: 400,
    type: 'application/json;charset=UTF-8',
    body: '{"error":116,"message":"Request contains invalid IDs. 0","ids":["0"]}',
  })
})

it('answers a body over the 1 MiB a node reads (max-content-length) with 413, and the connection stays usable', async () => {
  const height = await request('GET', '/blocks/height')
  expect(await request('POST', '/utils/hash/fast', 'a'.repeat(3 * 1024 * 1024), 'text/plain')).toEqual({
    status: 413,
    type: 'application/json;charset=UTF-8',
    body: '{"error":10,"message":"Too big sequence requested"}',
  })
  expect((await request('POST', '/utils/hash/fast', 'a'.repeat(1024 * 1024), 'text/plain')).status).toBe(200)
  expect(await request('GET', '/blocks/height')).toEqual(height)
})

it('reads the request target as sent: no dot segments resolved, no backslash read as a slash, `//` a path and not a host', async () => {
  // fetch and URL normalise targets before they leave, so these go over a bare socket
  const raw = (target: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(node.port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
      let answer = ''
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
      socket.on('end', () => resolve(`${answer.split('\r\n')[0]} ${answer.split('\r\n\r\n')[1]}`))
      socket.on('error', reject)
    })
  const notFound = 'HTTP/1.1 404 Not Found The requested resource could not be found.'
  for (const target of ['//x/blocks/height', '/blocks/x/../height', '/blocks/./height', '/blocks\\height', '/%2e%2e/blocks/height']) expect(await raw(target), target).toBe(notFound)
  // an absolute-form target is read by its path
  expect(await raw('http://example/blocks/height')).toMatch(/^HTTP\/1\.1 200 OK \{"height":\d+\}$/)
})

it('answers a request target over max-uri-length (2,048 characters) with the bare 414 of akka-http parser', async () => {
  const TOO_LONG = { status: 414, type: 'text/plain; charset=UTF-8', body: 'URI length exceeds the configured limit of 2048 characters' }
  const ids = (n: number) => Array.from({ length: n }, () => `id=${'1'.repeat(44)}`).join('&')
  // 2,048 characters are read; 20 KiB is past node's own 16 KiB header limit as well
  const path = '/transactions/status?'
  expect((await request('GET', path + ids(43).slice(0, 2048 - path.length))).status).toBe(200)
  expect(await request('GET', path + ids(43).slice(0, 2049 - path.length))).toEqual(TOO_LONG)
  expect(await request('GET', path + ids(430))).toEqual(TOO_LONG)
})

it('takes a trailing slash only where the node route ends in pathEndOrSingleSlash or is a prefix, as akka matches paths', async () => {
  // BlocksApiRoute: path("height") refuses `/blocks/height/`
  expect(await plain('GET', '/blocks/height/')).toEqual(NOT_FOUND)
  expect(await plain('GET', '/addresses/balance/3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF/')).toEqual(NOT_FOUND)
  // TransactionsApiRoute.unconfirmed: pathEndOrSingleSlash; AddressApiRoute.getData: pathPrefix("data" / AddrSegment)
  expect(await plain('GET', '/transactions/unconfirmed/')).toEqual({ status: 200, type: 'application/json;charset=UTF-8', body: '[]' })
  expect(await plain('GET', '/addresses/data/3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF/')).toEqual({ status: 200, type: 'application/json;charset=UTF-8', body: '[]' })
  expect(await plain('GET', '/transactions/unconfirmed//')).toEqual(NOT_FOUND)
})

it('decodes percent escapes in each path segment before routing, as akka holds the path, and keeps an escaped / inside its segment', async () => {
  expect(await plain('GET', '/blocks/he%69ght')).toEqual({ status: 200, type: 'application/json;charset=UTF-8', body: '{"height":11}' })
  // AddressApiRoute.getData: path(Segment), so a key with `/` is asked as %2F and stays one key
  expect(await plain('GET', '/addresses/data/3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF/a%2Fb')).toEqual({
    status: 404,
    type: 'application/json;charset=UTF-8',
    body: '{"error":304,"message":"no data for this key"}',
  })
  // BlocksApiRoute: the decoded segment `/height` is not a literal, so the BlockId matcher reads it
  expect(await plain('GET', '/blocks/%2Fheight')).toEqual({
    status: 400,
    type: 'application/json;charset=UTF-8',
    body: `{"error":4002,"message":"requirement failed: Wrong char '/' in Base58 string '/height'"}`,
  })
})

// What the HTTP layer answers before any route: unknown paths and methods, and CORS preflights, as
// CompositeHttpService in node 1.5.7 answers them.
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

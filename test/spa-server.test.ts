// scripts/spa-server.ts over HTTP, on a small stand-in build: what each kind of path answers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type SpaServer, serveSpa } from '../scripts/spa-server.ts'

const A = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'
const INDEX = '<!doctype html><title>app</title>'
let dist: string
let server: SpaServer

interface Answer {
  status: number
  type: string | undefined
  location: string | undefined
  body: string
}

/** A raw request (fetch would normalise the path and follow redirects). */
function get(path: string, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'spa-server-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
  server = await serveSpa({ dist, port: 0, config: { node: 'http://127.0.0.1:6869', dApp: A } })
})
afterAll(async () => {
  await server?.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('the SPA server', () => {
  test('a real file is served with its type; config.json is the one given', async () => {
    expect(await get('/assets/index-abc.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8', location: undefined, body: 'export {}' })
    expect((await get('/favicon.ico')).type).toBe('image/x-icon')
    expect(await get('/config.json')).toEqual({ status: 200, type: 'application/json; charset=utf-8', location: undefined, body: `{"node":"http://127.0.0.1:6869","dApp":"${A}"}` })
  })

  test('any path without a real file gets the app, even one that looks like a file', async () => {
    for (const path of ['/', '/admin', '/dashboard', `/join/${A}`, '/join/not-an-address', '/some/page.html', '/robots.txt', '/..%2f..%2fetc/passwd']) {
      expect([path, await get(path)]).toEqual([path, { status: 200, type: 'text/html; charset=utf-8', location: undefined, body: INDEX }])
    }
  })

  test('a join link with punctuation or spaces around the address is sent to the clean link', async () => {
    for (const path of [`/join/${A}.`, `/join/${A}),`, `/join/%20${A}%20`, `/join/${A}/`, `/join/%C2%AB${A}%C2%BB`]) {
      expect([path, await get(path)]).toEqual([path, { status: 301, type: 'text/plain; charset=utf-8', location: `/join/${A}`, body: `moved to /join/${A}` }])
    }
    expect((await get(`/join/${A}.?utm=chat`)).location).toBe(`/join/${A}?utm=chat`)
  })

  test('what a client gets wrong is a 4xx that says why, never a 500', async () => {
    expect(await get('/assets/missing.js')).toEqual({ status: 404, type: 'text/plain; charset=utf-8', location: undefined, body: 'not found' })
    expect(await get('/join/%E0%A4%A')).toEqual({ status: 400, type: 'text/plain; charset=utf-8', location: undefined, body: 'bad request: the path /join/%E0%A4%A is not valid percent-encoding' })
    expect(await get('/', 'POST')).toEqual({ status: 405, type: 'text/plain; charset=utf-8', location: undefined, body: 'POST is not allowed: this server only serves files' })
    expect(await get('/', 'HEAD')).toEqual({ status: 200, type: 'text/html; charset=utf-8', location: undefined, body: '' })
  })
})

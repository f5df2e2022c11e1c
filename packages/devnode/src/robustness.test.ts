// The dev node under crashes, load and garbage: confirmed transactions survive kill -9, concurrent
// broadcasts apply exactly once, and no request makes it answer 500 or change state.
import { spawn, type ChildProcess } from 'node:child_process'
import { type IncomingMessage, Agent, get } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, crypto, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode } from './index.ts'
import { servedRoutes } from './routes/server.ts'

const R = 'R'
const bin = fileURLToPath(new URL('../bin/waves-devnode.js', import.meta.url))
const children: ChildProcess[] = []
afterAll(() => children.forEach((c) => c.kill('SIGKILL')))

async function startBin(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening on (\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`waves-devnode exited with ${code}: ${out}`)))
  })
  return { child, url }
}

describe('persistence', () => {
  it('keeps every confirmed transaction across kill -9 and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-'))
    const port = String(20_000 + Math.floor(Math.random() * 20_000))
    const first = await startBin(['--port', port, '--data-dir', dir])
    const api = client(first.url)
    const txs = Array.from({ length: 5 }, (_, i) => wt.transfer({ recipient: addressOf(seed(`p${i}`)), amount: 1000 + i, chainId: R }, RICH_SEED))
    for (const tx of txs) expect((await api.broadcast(tx)).status).toBe(200)
    const height = (await api.get('/blocks/height')).body.height
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    const second = await startBin(['--port', port, '--data-dir', dir])
    const again = client(second.url)
    expect((await again.get('/blocks/height')).body.height).toBe(height)
    for (const [i, tx] of txs.entries()) {
      expect((await again.get(`/transactions/info/${tx.id}`)).body.id).toBe(tx.id)
      expect((await again.get(`/addresses/balance/${addressOf(seed(`p${i}`))}`)).body.balance).toBe(1000 + i)
    }
    expect((await again.broadcast(txs[0])).body.error).toBe(400)
    second.child.kill('SIGTERM')
    await new Promise((r) => second.child.once('exit', r))
    rmSync(dir, { recursive: true })
  })

  it('says clearly when the port is in use', async () => {
    const node = await createDevnode()
    const child = spawn(process.execPath, [bin, '--port', String(node.port)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const code = await new Promise((r) => child.once('exit', r))
    expect(code).toBe(2)
    expect(err.trim()).toBe(`waves-devnode: port ${node.port} is in use; choose another with --port`)
    await node.close()
  })
})

describe('load', () => {
  it('applies 200 concurrent broadcasts from 20 accounts exactly once', async () => {
    const node = await createDevnode()
    const api = client(node.url)
    const seeds = Array.from({ length: 20 }, (_, i) => seed(`load${i}`))
    const funding = wt.massTransfer({ transfers: seeds.map((s) => ({ recipient: addressOf(s), amount: 10_00000000 })), chainId: R }, RICH_SEED)
    expect((await api.broadcast(funding)).status).toBe(200)
    const total = async () => {
      const all = [addressOf(RICH_SEED), ...seeds.map(addressOf)]
      const balances = await Promise.all(all.map(async (a) => BigInt((await api.get(`/addresses/balance/${a}`)).body.balance)))
      return balances.reduce((s, b) => s + b, 0n)
    }
    const before = await total()
    const txs = seeds.flatMap((s, i) =>
      Array.from({ length: 10 }, (_, j) => wt.transfer({ recipient: addressOf(seeds[(i + j + 1) % 20]!), amount: 1000 + j, chainId: R, timestamp: Date.now() + i * 10 + j }, s)),
    )
    // Every transaction twice at once: the node applies each id once. A copy that arrives while the
    // first is in flight gets the same answer; one that arrives after it was applied gets error 400.
    const answers = await Promise.all([...txs, ...txs].map((tx) => api.broadcast(tx)))
    txs.forEach((tx, i) => {
      const pair = [answers[i]!, answers[i + txs.length]!]
      expect(pair.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1)
      for (const a of pair) if (a.status !== 200) expect(a.body.message).toMatch(new RegExp(`^Transaction ${tx.id} is already in the state on a height of \\d+$`))
    })
    const statuses = (await api.post('/transactions/status', { ids: txs.map((t) => t.id) })).body as { status: string }[]
    expect(statuses.every((s) => s.status === 'confirmed')).toBe(true)
    const heights = new Set(statuses.map((s) => (s as unknown as { height: number }).height))
    expect(heights.size).toBe(200)
    expect(await total()).toBe(before - 200n * 100_000n)
    await node.close()
  })
})

describe('reads during broadcasts', () => {
  it('see every invoke whole: payment in, two transfers out, fee gone, never a part of one', async () => {
    const errors: unknown[] = []
    const node = await createDevnode({ onError: (e) => errors.push(e) })
    const api = client(node.url)
    const seeds = Array.from({ length: 10 }, (_, i) => seed(`whole${i}`))
    const members = seeds.map(addressOf)
    expect((await api.broadcast(wt.massTransfer({ transfers: members.map((recipient) => ({ recipient, amount: 10_00000000 })), chainId: R }, RICH_SEED))).status).toBe(200)
    const dApp = await deploySource(
      api,
      seed('whole dApp'),
      '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n@Callable(i)\nfunc share(to: String) = [ScriptTransfer(addressFromStringValue(to), 400, unit), ScriptTransfer(i.caller, 600, unit)]',
    )
    // one request reads every member's balance at once; each invoke moves 1,000 out of the members and back in
    const total = async () => ((await api.post('/addresses/balance', { addresses: members })).body as { balance: number }[]).reduce((sum, b) => sum + b.balance, 0)
    const before = await total()
    const invokes = seeds.flatMap((s, i) =>
      Array.from({ length: 5 }, (_, j) =>
        wt.invokeScript({ dApp, call: { function: 'share', args: [{ type: 'string', value: members[(i + j + 1) % 10]! }] }, payment: [{ amount: 1000 }], chainId: R, timestamp: Date.now() + j }, s),
      ),
    )
    const totals: number[] = []
    const work: Promise<unknown>[] = []
    for (const tx of invokes) work.push(api.broadcast(tx).then((a) => expect(a.status).toBe(200)), total().then((t) => totals.push(t)))
    await Promise.all(work)
    // whatever was applied when a read ran, the members are poorer by whole fees only
    expect(totals.filter((t) => (before - t) % 500_000 !== 0)).toEqual([])
    expect(before - (await total())).toBe(500_000 * invokes.length)
    expect(errors).toEqual([])
    await node.close()
  })
})

describe('connections', () => {
  it('keeps an idle keep-alive connection past 5 s, as a node does (akka-http idle-timeout 60 s)', async () => {
    const node = await createDevnode()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const heightOn = (url: string) =>
      new Promise<{ reusedSocket: boolean; status: number | undefined; body: string }>((resolve, reject) => {
        const req = get(`${url}/blocks/height`, { agent }, (res: IncomingMessage) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve({ reusedSocket: req.reusedSocket, status: res.statusCode, body }))
        })
        req.on('error', reject)
      })
    try {
      const first = await heightOn(node.url)
      // past Node's default keepAliveTimeout (5 s) the server would have closed the socket
      await new Promise((resolve) => setTimeout(resolve, 6_500))
      const second = await heightOn(node.url)
      expect([first, second]).toEqual([
        { reusedSocket: false, status: 200, body: '{"height":11}' },
        { reusedSocket: true, status: 200, body: '{"height":11}' },
      ])
    } finally {
      agent.destroy()
      await node.close()
    }
  }, 20_000)
})

describe('bad input', () => {
  const NOT_FOUND = 'The requested resource could not be found.'
  const METHOD_NOT_ALLOWED = 'A request was made of a resource using a request method not supported by that resource;'
  const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func fails() = throw("no way")
@Callable(i)
func pays(n: Int) = [ScriptTransfer(i.caller, n, unit), IntegerEntry("n", n)]
@Callable(i)
func mints() = [Issue("Minted", "", 1, 0, false), Lease(i.caller, 1)]`

  it('answers thousands of random and mutated requests to every served route without a 500, and changes nothing', async () => {
    const errors: unknown[] = []
    const node = await createDevnode({ onError: (e) => errors.push(e) })
    const api = client(node.url)
    // something for every kind of path segment to name: a dApp (whose callable throws), an asset, a lease, an alias, data
    const dApp = await deploySource(api, seed('fuzzed dApp'), DAPP)
    const issue = wt.issue({ name: 'Fuzzed', description: '', quantity: 1000, decimals: 2, chainId: R }, RICH_SEED)
    const lease = wt.lease({ recipient: dApp, amount: 1000, chainId: R }, RICH_SEED)
    const setup = [issue, lease, wt.alias({ alias: 'fuzzed', chainId: R }, RICH_SEED), wt.data({ data: [{ key: 'k/1', type: 'integer', value: 1 }, { key: 'ключ', type: 'string', value: 'x' }], chainId: R }, RICH_SEED)]
    for (const tx of setup) expect((await api.broadcast(tx)).status).toBe(200)
    await node.mine()
    const blockId = (await api.get('/blocks/last')).body.id as string
    // Signed by an account without funds, so that no variant can be valid and every one must be refused.
    const pauper = seed('pauper')
    const valid = wt.transfer({ recipient: addressOf(seed('x')), amount: 5, chainId: R }, pauper)
    const invoke = wt.invokeScript({ dApp, call: { function: 'pays', args: [{ type: 'integer', value: 1 }] }, chainId: R }, pauper)
    // the whole state, compared deeply at the end: no read may leave as much as an empty map behind
    const before = structuredClone(node.chain.state)

    const b58 = (bytes: number) => crypto.base58Encode(new Uint8Array(bytes).fill(9))
    const hostile = fc.oneof(
      fc.constantFrom('', '0', '-1', '2147483648', '99999999999999999999', '1e3', '+1', '%00', '%ZZ', '%', '%2F', '..', 'null', '__proto__', 'constructor'),
      fc.constantFrom(b58(0), b58(1), b58(26), b58(31), b58(33), b58(64), b58(65), 'z'.repeat(193), `address:${dApp}`, 'alias:R:fuzzed', '3MzemmPMqY5C3D1tGAXdDZRkQm1wNvcF6Wy'),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
      fc.string({ maxLength: 12 }),
    )
    const height = fc.constantFrom('0', '1', '2', '3', String(node.chain.height - 1), String(node.chain.height), String(node.chain.height + 1))
    const plausible: Record<string, fc.Arbitrary<string>> = {
      address: fc.constantFrom(addressOf(RICH_SEED), dApp, addressOf(pauper)),
      id: fc.constantFrom(issue.id, lease.id, blockId, b58(32)),
      assetId: fc.constantFrom(issue.id, b58(32)),
      publicKey: fc.constantFrom(crypto.publicKey(RICH_SEED), b58(32)),
      key: fc.constantFrom('k%2F1', encodeURIComponent('ключ'), 'n'),
      name: fc.constantFrom('fuzzed', 'nobody', 'ab', 'x'.repeat(31)),
      height,
      from: height,
      to: height,
      confirmations: height,
      count: height,
      limit: fc.constantFrom('1', '10', '1000', '1001'),
      length: fc.constantFrom('1', '32', '1024', '1025'),
      timestamp: fc.constantFrom(String(node.chain.clock.now()), '0', String(node.chain.state.blocks[1]!.timestamp)),
      rest: fc.constantFrom('x', 'x/y', 'n'),
    }
    const segment = (name: string) => fc.oneof({ weight: 3, arbitrary: plausible[name] ?? hostile }, { weight: 2, arbitrary: hostile })
    const routes = servedRoutes()
    // the routes that run scripts or may change state are drawn more often, and evaluate mostly on the dApp
    const weight = (route: { method: string; path: string }) => (route.path.includes('evaluate') ? 12 : route.method === 'POST' ? 4 : 1)
    const path = fc.oneof(...routes.map((route) => ({ weight: weight(route), arbitrary: fc.constant(route) }))).chain((route) => {
      const names = [...route.path.matchAll(/\{(\w+)\*?\}/g)].map((m) => m[1]!)
      const arbitraries = names.map((name) => (route.path.includes('evaluate') ? fc.oneof({ weight: 3, arbitrary: fc.constant(dApp) }, { weight: 1, arbitrary: segment(name) }) : segment(name)))
      return fc.tuple(fc.constant(route), fc.tuple(...(arbitraries as [fc.Arbitrary<string>])))
    })
    const queryValue = fc.oneof(hostile, fc.constantFrom('true', 'maybe', issue.id, lease.id, dApp, '.*', '(', 'k/1'))
    const query = fc.array(fc.tuple(fc.constantFrom('id', 'address', 'height', 'asset', 'matches', 'key', 'after', 'full', 'compact', 'trace'), queryValue), { maxLength: 3 })
    const mutate = fc.oneof(
      fc.jsonValue(),
      fc.record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...valid, [key]: value })),
      fc.record({ key: fc.constantFrom(...Object.keys(invoke)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...invoke, [key]: value })),
      fc.record({ key: fc.constantFrom('ids', 'keys', 'addresses', 'height', 'asset', 'script', 'imports', 'expr', 'call', 'payment', 'state', 'senderPublicKey', 'type'), value: fc.jsonValue() }).map(({ key, value }) => ({ [key]: value })),
      fc.constantFrom(
        { ...invoke, call: { function: 'f', args: [{ type: 'list', value: [{ type: 'list', value: [] }] }] } },
        { ...valid, amount: '99999999999999999999' },
        { ...valid, type: 1 },
        valid,
        invoke,
        { call: { function: 'fails', args: [] } },
        { call: { function: 'pays', args: [{ type: 'integer', value: 2 }] } },
        { call: { function: 'mints' } },
        { expr: 'pays(1)' },
        { expr: `{ func f(a: Int, x: Int) = a + size(toBase58String(sha256(toBytes(a + x)))); let l = [${Array.from({ length: 100 }, (_, i) => i)}]; FOLD<100>(l, 0, f) + FOLD<100>(l, 0, f) + FOLD<100>(l, 0, f) }` },
        { ids: [issue.id, lease.id, 'x', ''] },
        { keys: ['n', 'k/1', ''] },
        { addresses: [dApp, 'x'], height: 2, asset: issue.id },
      ),
    )
    const body: fc.Arbitrary<[string, string]> = fc.oneof(
      fc.tuple(mutate.map((v) => JSON.stringify(v)), fc.constant('application/json')),
      fc.tuple(fc.string(), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')),
      fc.tuple(fc.array(fc.tuple(fc.constantFrom('id', 'key', 'matches', 'address'), queryValue), { maxLength: 3 }).map((fields) => new URLSearchParams(fields).toString()), fc.constant('application/x-www-form-urlencoded')),
    )
    const requests = fc.record({ path, query, body, method: fc.option(fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD', 'PUT'), { freq: 4 }) })
    const covered = new Set<string>()
    await fc.assert(
      fc.asyncProperty(requests, async ({ path: [route, values], query, body: [text, contentType], method }) => {
        let i = 0
        const url = route.path.replace(/\{\w+\*?\}/g, () => values[i++]!) + (query.length > 0 ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : '')
        const verb = method ?? route.method
        covered.add(`${route.method} ${route.path}`)
        const res = await fetch(node.url + url, { method: verb, ...(verb === 'POST' || verb === 'PUT' ? { body: text, headers: { 'content-type': contentType } } : {}) })
        const answer = await res.text()
        const type = res.headers.get('content-type')
        expect(res.status, `${verb} ${url}`).toBeLessThan(500)
        // a path, method, segment or parameter no route takes gets akka-http's bare text; everything else is JSON
        if (verb === 'HEAD') expect(answer).toBe('')
        else if (type === 'text/plain; charset=UTF-8') expect([res.status, answer]).toEqual(res.status === 405 ? [405, METHOD_NOT_ALLOWED] : [404, NOT_FOUND])
        else {
          const json = JSON.parse(answer)
          if (res.status >= 400) expect(typeof json.error, `${verb} ${url}: ${answer}`).toBe('number')
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 3000), seed: Number(process.env['FUZZ_SEED'] ?? 42) },
    )
    expect(covered).toEqual(new Set(routes.map((r) => `${r.method} ${r.path}`)))
    expect(errors).toEqual([])
    expect(node.chain.state).toEqual(before)
    expect(node.chain.unconfirmedCount).toBe(0)
    await node.close()
  })
})

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
import { RICH_SEED, addressOf, client, seed, wt } from '../../../test/waves.ts'
import { createDevnode } from './index.ts'

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
  it('answers thousands of random and mutated requests without a 500, and changes nothing', async () => {
    const errors: unknown[] = []
    const node = await createDevnode({ onError: (e) => errors.push(e) })
    const api = client(node.url)
    // Signed by an account without funds, so that no variant can be valid and every one must be refused.
    const pauper = seed('pauper')
    const valid = wt.transfer({ recipient: addressOf(seed('x')), amount: 5, chainId: R }, pauper)
    const invoke = wt.invokeScript({ dApp: addressOf(seed('x')), call: { function: 'f', args: [{ type: 'integer', value: 1 }] }, chainId: R }, pauper)
    const before = JSON.stringify((await api.get(`/addresses/balance/${addressOf(RICH_SEED)}`)).body) + (await api.get('/blocks/height')).body.height
    const paths = ['/transactions/broadcast', '/addresses/data/3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF', '/transactions/status', '/assets/details', '/utils/script/compileCode', '/addresses/data/%ZZ', '/blocks/at/-1', '/transactions/info/%00']
    const mutate = fc.oneof(
      fc.jsonValue(),
      fc.record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...valid, [key]: value })),
      fc.record({ key: fc.constantFrom(...Object.keys(invoke)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...invoke, [key]: value })),
      fc.constantFrom({ ...invoke, call: { function: 'f', args: [{ type: 'list', value: [{ type: 'list', value: [] }] }] } }, { ...valid, amount: '99999999999999999999' }, { ...valid, type: 1 }),
    )
    const requests = fc.tuple(fc.constantFrom(...paths), fc.oneof(mutate.map((v) => JSON.stringify(v)), fc.string()), fc.constantFrom('GET', 'POST'))
    let sent = 0
    await fc.assert(
      fc.asyncProperty(requests, async ([path, body, method]) => {
        sent++
        const answer = await api.request(method, path, method === 'POST' ? body : undefined)
        expect(answer.status).toBeLessThan(500)
        // a path or method no route takes gets akka-http's bare text 404; everything else the node's JSON error
        if (answer.status === 404 && typeof answer.body === 'string') expect(answer.body).toBe('The requested resource could not be found.')
        else if (answer.status >= 400) expect(typeof answer.body.error).toBe('number')
      }),
      { numRuns: 2000, seed: 42 },
    )
    expect(sent).toBe(2000)
    expect(errors).toEqual([])
    const after = JSON.stringify((await api.get(`/addresses/balance/${addressOf(RICH_SEED)}`)).body) + (await api.get('/blocks/height')).body.height
    expect(after).toBe(before)
    await node.close()
  })
})

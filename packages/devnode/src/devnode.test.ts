// The dev node as users meet it: over HTTP, with transactions signed by @waves/waves-transactions.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ride from '@waves/ride-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, resign, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const R = 'R'
const rich = addressOf(RICH_SEED)
const alice = seed('alice')
const dAppSeed = seed('dapp')
const dApp = addressOf(dAppSeed)

/** PureContext's `>` given a String (`n < 0` is `0 > n`): notImplemented's text, package.scala */
const WRONG_TYPE = "Can't apply (CONST_LONG, CONST_STRING) to '>(a: Int, b: Int)'"

const COUNTER = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
let suffix = "_count"
func countKey(a: Address) = toString(a) + suffix

@Callable(i)
func hit(n: Int, note: String) = {
  let previous = getInteger(this, countKey(i.caller)).valueOrElse(0)
  if (n < 0) then throw("arg: n must not be negative") else
  ([
    IntegerEntry(countKey(i.caller), previous + n),
    StringEntry("note", note),
    IntegerEntry("height", height),
    IntegerEntry("paid", if (size(i.payments) == 0) then 0 else i.payments[0].amount),
    IntegerEntry("balance", wavesBalance(this).available),
    ScriptTransfer(i.caller, 1, unit)
  ], previous)
}

@Callable(i)
func spam(count: Int, keyLength: Int) = {
  let pad = take("${'k'.repeat(450)}", keyLength)
  func entry(acc: List[IntegerEntry], n: Int) = if (n < count) then acc :+ IntegerEntry(pad + toString(n), n) else acc
  FOLD<110>([0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109], [], entry)
}
`

let node: Devnode
let api: ReturnType<typeof client>

async function ok(tx: unknown) {
  const answer = await api.broadcast(tx)
  expect(answer.body.error, JSON.stringify(answer.body)).toBeUndefined()
  expect(answer.status).toBe(200)
  return answer.body
}

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await ok(wt.transfer({ recipient: addressOf(alice), amount: 100_00000000, chainId: R }, RICH_SEED))
  await ok(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: R }, RICH_SEED))
  const compiled = await api.post('/utils/script/compileCode', COUNTER, { 'content-type': 'text/plain' })
  expect(compiled.status).toBe(200)
  await ok(wt.setScript({ script: compiled.body.script, chainId: R, fee: 1_400_000 }, dAppSeed))
})

afterAll(() => node.close())

describe('defaults of a private node', () => {
  it('starts above height 10 with the rich account of the private node seed', async () => {
    const fresh = await createDevnode()
    const freshApi = client(fresh.url)
    expect((await freshApi.get('/blocks/height')).body).toEqual({ height: 11 })
    expect(rich).toBe('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF')
    expect((await freshApi.get(`/addresses/balance/${rich}`)).body).toEqual({ address: rich, confirmations: 0, balance: 10_000_000_000_000_000 })
    expect((await freshApi.get('/node/version')).body).toEqual({ version: 'Waves v1.5.7 (waves-devnode 0.1.0)' })
    await fresh.close()
  })
})

describe('transactions', () => {
  it('applies a transfer and reports it by id, status and address', async () => {
    const bob = addressOf(seed('bob'))
    const tx = wt.transfer({ recipient: bob, amount: 12345, chainId: R }, alice)
    const before = (await api.get(`/addresses/balance/${addressOf(alice)}`)).body.balance
    await ok(tx)
    expect((await api.get(`/addresses/balance/${bob}`)).body.balance).toBe(12345)
    expect((await api.get(`/addresses/balance/${addressOf(alice)}`)).body.balance).toBe(before - 12345 - 100000)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect(info).toMatchObject({ id: tx.id, type: 4, amount: 12345, recipient: bob, sender: addressOf(alice), applicationStatus: 'succeeded' })
    const status = (await api.get(`/transactions/status?id=${tx.id}`)).body
    expect(status).toEqual([{ id: tx.id, status: 'confirmed', height: info.height, confirmations: 0, applicationStatus: 'succeeded', spentComplexity: 0 }])
    expect((await api.get(`/transactions/address/${bob}/limit/10`)).body[0].map((t: { id: string }) => t.id)).toEqual([tx.id])
  })

  it('stores data entries and answers keys, whole-key regexes and single keys', async () => {
    const writer = seed('writer')
    await ok(wt.transfer({ recipient: addressOf(writer), amount: 1_00000000, chainId: R }, RICH_SEED))
    await ok(
      wt.data({ data: [{ key: 'ab', type: 'integer', value: 1 }, { key: 'abc', type: 'string', value: 'x' }, { key: 'b', type: 'boolean', value: true }, { key: 'bin', type: 'binary', value: 'base64:AQI=' }], chainId: R }, writer),
    )
    const a = addressOf(writer)
    expect((await api.get(`/addresses/data/${a}/ab`)).body).toEqual({ key: 'ab', type: 'integer', value: 1 })
    expect(await api.get(`/addresses/data/${a}/zz`)).toMatchObject({ status: 404, body: { error: 304, message: 'no data for this key' } })
    expect((await api.get(`/addresses/data/${a}?matches=${encodeURIComponent('ab')}`)).body).toEqual([{ key: 'ab', type: 'integer', value: 1 }])
    expect((await api.get(`/addresses/data/${a}?matches=${encodeURIComponent('a.*|b')}`)).body.map((e: { key: string }) => e.key)).toEqual(['ab', 'abc', 'b'])
    expect((await api.post(`/addresses/data/${a}`, { keys: ['b', 'missing', 'bin'] })).body).toEqual([
      { key: 'b', type: 'boolean', value: true },
      { key: 'bin', type: 'binary', value: 'base64:AQI=' },
    ])
    // matches only as a form field or in the query, never in JSON (AddressApiRoute.getData)
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect((await api.post(`/addresses/data/${a}`, 'matches=abc%3F', form)).body.map((e: { key: string }) => e.key)).toEqual(['ab', 'abc'])
    expect((await api.post(`/addresses/data/${a}`, { matches: 'abc?' })).body).toMatchObject({ error: 1, message: 'json data validation error, see validationErrors for details' })
    expect((await api.post(`/addresses/data/${a}`, 'key=ab&key=b', { 'content-type': 'application/x-www-form-urlencoded' })).body.map((e: { key: string }) => e.key)).toEqual(['ab', 'b'])
    await ok(wt.data({ data: [{ key: 'ab', type: null, value: null }], chainId: R }, writer))
    expect((await api.get(`/addresses/data/${a}/ab`)).status).toBe(404)
  })

  it('issues an asset and transfers it, by single and mass transfers', async () => {
    const issue = wt.issue({ name: 'Points', description: 'test', quantity: '9223372036854775807', decimals: 2, reissuable: false, chainId: R }, alice)
    await ok(issue)
    const details = (await api.get(`/assets/details/${issue.id}`)).body
    // quantity is checked exactly below, as a string: JSON.parse cannot hold 2^63-1 in a number
    expect(details).toMatchObject({ assetId: issue.id, name: 'Points', decimals: 2, issuer: addressOf(alice), reissuable: false, scripted: false })
    const lsf = await api.get(`/assets/details?id=${issue.id}`, { accept: 'application/json;large-significand-format=string' })
    expect(lsf.body[0].quantity).toBe('9223372036854775807')
    const carol = addressOf(seed('carol'))
    await ok(wt.transfer({ recipient: carol, amount: 500, assetId: issue.id, chainId: R }, alice))
    await ok(wt.massTransfer({ transfers: [{ recipient: carol, amount: 7 }, { recipient: dApp, amount: 3 }], assetId: issue.id, chainId: R }, alice))
    expect((await api.get(`/assets/balance/${carol}/${issue.id}`)).body).toEqual({ address: carol, assetId: issue.id, balance: 507 })
    const balances = (await api.get(`/assets/balance/${carol}`, { accept: 'application/json;large-significand-format=string' })).body
    expect(balances.balances.map((b: { assetId: string; balance: string }) => [b.assetId, b.balance])).toEqual([[issue.id, '507']])
  })
})

describe('dApp calls', () => {
  it('runs a callable with a payment and records its state changes', async () => {
    const tx = wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: 5 }, { type: 'string', value: 'he said "hi"\nпривет' }] }, payment: [{ amount: 700, assetId: null }], chainId: R }, alice)
    const dAppBefore = (await api.get(`/addresses/balance/${dApp}`)).body.balance
    await ok(tx)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    const caller = addressOf(alice)
    expect(info.stateChanges).toEqual({
      data: [
        { key: `${caller}_count`, type: 'integer', value: 5 },
        { key: 'note', type: 'string', value: 'he said "hi"\nпривет' },
        { key: 'height', type: 'integer', value: info.height },
        { key: 'paid', type: 'integer', value: 700 },
        { key: 'balance', type: 'integer', value: dAppBefore + 700 },
      ],
      transfers: [{ address: caller, asset: null, amount: 1 }],
      issues: [],
      reissues: [],
      burns: [],
      sponsorFees: [],
      leases: [],
      leaseCancels: [],
      invokes: [],
    })
    expect((await api.get(`/addresses/balance/${dApp}`)).body.balance).toBe(dAppBefore + 699)
    const second = wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: 2 }, { type: 'string', value: '' }] }, chainId: R }, alice)
    await ok(second)
    expect((await api.get(`/addresses/data/${dApp}/${caller}_count`)).body.value).toBe(7)
    // each call sees the chain as it is then, not as the first call saw it
    const secondHeight = (await api.get(`/transactions/info/${second.id}`)).body.height
    expect(secondHeight).toBe(info.height + 1)
    expect((await api.get(`/addresses/data/${dApp}/height`)).body.value).toBe(secondHeight)
  })

  it('shows a transaction whole: its block, height and effects arrive together', async () => {
    const countKey = `/addresses/data/${dApp}/${addressOf(alice)}_count`
    const before = (await api.get('/blocks/height')).body.height
    const count = (await api.get(countKey)).body.value
    const tx = wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: 1 }, { type: 'string', value: '' }] }, chainId: R }, alice)
    const applied = node.broadcast(tx) // queued at once; its script runs for a while
    const [height, info, counted] = await Promise.all([api.get('/blocks/height'), api.get(`/transactions/info/${tx.id}`), api.get(countKey)])
    await applied
    expect(height.body).toEqual({ height: before + 1 })
    expect(info.body.height).toBe(before + 1)
    expect(counted.body.value).toBe(count + 1)
  })

  it('rejects a throw with the node error 306 and changes nothing', async () => {
    const before = (await api.get(`/addresses/balance/${addressOf(alice)}`)).body.balance
    const tx = wt.invokeScript({ dApp, call: { function: 'hit', args: [{ type: 'integer', value: -1 }, { type: 'string', value: '' }] }, chainId: R }, alice)
    const answer = await api.broadcast(tx)
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe(306)
    expect(answer.body.message).toBe('Error while executing dApp: arg: n must not be negative')
    expect(answer.body.transaction.id).toBe(tx.id)
    expect((await api.get(`/addresses/balance/${addressOf(alice)}`)).body.balance).toBe(before)
    expect((await api.get(`/transactions/info/${tx.id}`)).body).toEqual({ error: 311, message: 'transactions does not exist' })
  })

  it('refuses unknown callables, a wrong argument count and arguments of the wrong type as a node does', async () => {
    // texts: lang's ContractEvaluator.buildExprFromInvocation; a node 1.5.7 checks no argument type against the meta,
    // so a value of the wrong type fails where the script uses it (here `n < 0`, PureContext's `>`)
    const call = (args: object[], fn = 'hit') => api.broadcast(wt.invokeScript({ dApp, call: { function: fn, args }, chainId: R } as never, alice))
    for (const name of ['nope', 'constructor', 'toString', 'hasOwnProperty']) {
      expect((await call([], name)).body).toMatchObject({ error: 306, message: `Error while executing dApp: @Callable function '${name}' doesn't exist in the script` })
    }
    expect((await call([{ type: 'integer', value: 1 }])).body.message).toBe("Error while executing dApp: function 'hit takes 2 args but 1 were(was) given")
    const wrong = await call([{ type: 'string', value: '1' }, { type: 'string', value: '' }])
    expect(wrong.body.message).toBe(`Error while executing dApp: ${WRONG_TYPE}`)
  })

  it('enforces the action limits of a callable', async () => {
    const call = (count: number, keyLength: number) => api.broadcast(wt.invokeScript({ dApp, call: { function: 'spam', args: [{ type: 'integer', value: count }, { type: 'integer', value: keyLength }] }, chainId: R }, alice))
    expect((await call(101, 1)).body.message).toBe("Error while executing dApp: WriteSet can't contain more than 100 entries")
    expect((await call(1, 401)).body.message).toBe('Error while executing dApp: Data entry key size = 402 bytes must be less than 400')
    expect((await call(100, 60)).body.message).toBe("Error while executing dApp: WriteSet size can't exceed 5120 bytes, actual: 6990 bytes")
    await ok(wt.invokeScript({ dApp, call: { function: 'spam', args: [{ type: 'integer', value: 100 }, { type: 'integer', value: 3 }] }, chainId: R }, alice))
  })

  it('serves the chain to the official RIDE REPL pointed at it', async () => {
    const repl = ride.repl({ nodeUrl: node.url, chainId: R, address: dApp })
    const height = (await api.get('/blocks/height')).body.height
    expect(await repl.evaluate('height')).toEqual({ result: `res1: Int = ${height}` })
    expect(await repl.evaluate('getStringValue(this, "note")')).toEqual({ result: 'res2: String = ""' })
    const balance = (await api.get(`/addresses/balance/${dApp}`)).body.balance
    expect(await repl.evaluate('wavesBalance(this).regular')).toEqual({ result: `res3: Int = ${balance}` })
    const last = (await api.get('/blocks/last')).body.timestamp
    expect(await repl.evaluate('lastBlock.timestamp')).toEqual({ result: `res4: Int = ${last}` })
  })

  it('runs a script compiled elsewhere: the same bytes as the node\'s compiler gives', async () => {
    const stranger = seed('stranger')
    await ok(wt.transfer({ recipient: addressOf(stranger), amount: 1_00000000, chainId: R }, RICH_SEED))
    const source = '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n@Callable(i)\nfunc f(x: Int) = [IntegerEntry("x", x * 2)]\n'
    const compiled = ride.compile(source, 3)
    if ('error' in compiled) throw new Error(compiled.error)
    await ok(wt.setScript({ script: `base64:${compiled.result.base64}`, chainId: R }, stranger))
    await ok(wt.invokeScript({ dApp: addressOf(stranger), call: { function: 'f', args: [{ type: 'integer', value: 21 }] }, chainId: R }, alice))
    expect((await api.get(`/addresses/data/${addressOf(stranger)}/x`)).body).toEqual({ key: 'x', type: 'integer', value: 42 })
  })
})

describe('a dApp across restarts', () => {
  it('runs again from its bytes after the journal is replayed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnode-dapp-'))
    try {
      const source = '{-# STDLIB_VERSION 5 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n@Callable(i)\nfunc add(n: Int) = [IntegerEntry("sum", getInteger(this, "sum").valueOrElse(0) + n)]\n'
      const call = (n: number) => wt.invokeScript({ dApp: addressOf(seed('restart dapp')), call: { function: 'add', args: [{ type: 'integer', value: n }] }, chainId: R }, RICH_SEED)
      const first = await createDevnode({ dataDir: dir })
      const firstApi = client(first.url)
      const dAppAddress = await deploySource(firstApi, seed('restart dapp'), source)
      expect((await firstApi.broadcast(call(2))).status).toBe(200)
      await first.close()

      const second = await createDevnode({ dataDir: dir })
      const secondApi = client(second.url)
      expect((await secondApi.get(`/addresses/data/${dAppAddress}/sum`)).body).toEqual({ key: 'sum', type: 'integer', value: 2 })
      expect((await secondApi.broadcast(call(3))).status).toBe(200)
      expect((await secondApi.get(`/addresses/data/${dAppAddress}/sum`)).body).toEqual({ key: 'sum', type: 'integer', value: 5 })
      await second.close()
    } finally {
      rmSync(dir, { recursive: true })
    }
  })
})

describe('errors as the node sends them', () => {
  const transfer = () => wt.transfer({ recipient: addressOf(seed('bob')), amount: 1, chainId: R }, alice)

  it('malformed JSON, unknown types, bad signatures and wrong chains', async () => {
    expect(await api.post('/transactions/broadcast', '{"type": 4,')).toMatchObject({ status: 400, body: { error: 1, message: 'failed to parse json message' } })
    expect((await api.broadcast({ ...transfer(), type: 99 })).body).toEqual({ error: 312, message: 'transaction type not supported' })
    expect((await api.broadcast({ ...transfer(), amount: 2 })).body).toEqual({ error: 101, message: 'invalid signature' })
    const other = wt.transfer({ recipient: addressOf(seed('bob')), amount: 1, chainId: 'T' }, alice)
    expect((await api.broadcast(other)).body).toEqual({ error: 404, message: 'Wrong chain-id. Expected - 82, provided - 84' })
    expect((await api.get('/addresses/balance/3PAbc')).body).toEqual({ error: 102, message: 'invalid address' })
  })

  it('replays, stale timestamps, low fees, negative amounts and missing funds', async () => {
    const tx = transfer()
    await ok(tx)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    expect((await api.broadcast(tx)).body).toEqual({ error: 400, message: `Transaction ${tx.id} is already in the state on a height of ${info.height}` })

    const last = (await api.get('/blocks/last')).body.timestamp as number
    const stale = wt.transfer({ recipient: addressOf(seed('bob')), amount: 1, chainId: R, timestamp: last - 3 * 3_600_000 }, alice)
    const staleAnswer = (await api.broadcast(stale)).body
    expect(staleAnswer.error).toBe(303)
    expect(staleAnswer.message).toMatch(new RegExp(`^Transaction timestamp ${stale.timestamp} is more than 7200000ms in the past relative to previous block timestamp \\d+$`))

    const cheap = wt.transfer({ recipient: addressOf(seed('bob')), amount: 1, chainId: R, fee: 99_999 }, alice)
    const cheapAnswer = (await api.broadcast(cheap)).body
    expect(cheapAnswer.error).toBe(112)
    expect(cheapAnswer.message).toBe('State check failed. Reason: Fee for TransferTransaction (99999 in WAVES) does not exceed minimal value of 100000 WAVES.')

    const negative = resign({ ...transfer(), amount: -5 }, alice)
    expect((await api.broadcast(negative)).body).toEqual({ error: 115, message: 'non-positive amount: -5 of Waves' })

    const poor = seed('poor')
    const poorAnswer = (await api.broadcast(wt.transfer({ recipient: rich, amount: 1, chainId: R }, poor))).body
    expect(poorAnswer.error).toBe(112)
    expect(poorAnswer.message).toBe(
      'State check failed. Reason: Attempt to transfer unavailable funds: Transaction application leads to negative waves balance to (at least) temporary negative state, current balance equals 0, spends equals -100001, result is -100001',
    )
    const feeOnly = (await api.broadcast(wt.data({ data: [{ key: 'k', type: 'integer', value: 1 }], chainId: R }, poor))).body
    expect(feeOnly.error).toBe(112)
    expect(feeOnly.message).toBe('State check failed. Reason: Accounts balance errors')
    expect(feeOnly.details).toEqual({ [addressOf(poor)]: `negative waves balance: ${addressOf(poor)}, old: 0, new: -100000` })
  })

  it('oversized data', async () => {
    const big = wt.data({ data: [{ key: 'k'.repeat(401), type: 'integer', value: 1 }], chainId: R }, alice)
    expect((await api.broadcast(big)).body).toEqual({ error: 10, message: 'Too big sequence requested' })
  })
})

describe('blocks, time and snapshots', () => {
  it('answers blocks by height and the last header', async () => {
    const h = (await api.get('/blocks/height')).body.height
    const header = (await api.get(`/blocks/headers/at/${h}`)).body
    expect((await api.get('/blocks/headers/last')).body).toEqual(header)
    expect(header.height).toBe(h)
    expect((await api.get(`/blocks/at/${h + 5}`)).body).toEqual({ error: 301, message: 'block does not exist' })
  })

  it('mines on demand, follows the injected clock and reverts to a snapshot', async () => {
    let now = 1_800_000_000_000
    const manual = await createDevnode({ autoMine: false, clock: () => now })
    const m = client(manual.url)
    expect((await m.get('/blocks/last')).body.timestamp).toBe(now - 60_000)
    const id = await manual.snapshot()
    const tx = wt.transfer({ recipient: addressOf(alice), amount: 1, chainId: R, timestamp: now }, RICH_SEED)
    expect((await m.broadcast(tx)).status).toBe(200)
    expect((await m.get(`/transactions/info/${tx.id}`)).body.height).toBe(11)
    now += 5_000
    expect(await manual.mine()).toBe(12)
    expect((await m.get('/blocks/last')).body.timestamp).toBe(now)
    manual.setTime(now + 86_400_000)
    expect(await manual.mine()).toBe(13)
    expect((await m.get('/blocks/last')).body.timestamp).toBe(now + 86_400_000)
    await manual.revert(id)
    expect((await m.get('/blocks/height')).body.height).toBe(11)
    expect((await m.get(`/transactions/info/${tx.id}`)).status).toBe(404)
    await manual.close()
  })
})

describe('CORS', () => {
  it('echoes the origin and allows credentials, preflight included', async () => {
    const answer = await api.request('OPTIONS', '/transactions/broadcast', undefined, { origin: 'https://app.example', 'access-control-request-headers': 'content-type' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type')
    const get = await api.get('/blocks/height', { origin: 'http://localhost:5173' })
    expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
})

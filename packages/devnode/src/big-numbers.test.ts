// 64-bit values reach the RIDE evaluator exactly: a data value above 2^53 and an asset's whole supply of
// 2^63 - 1 (JSON numbers of that size lose precision, so the evaluator's reads carry them as strings).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const COPY = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func copy(assetId: String) = {
  let id = fromBase58String(assetId)
  [
    IntegerEntry("copy", getIntegerValue(this, "big") + 0),
    IntegerEntry("quantity", assetInfo(id).value().quantity),
    IntegerEntry("held", assetBalance(this, id))
  ]
}
`
const MAX_LONG = '9223372036854775807'
const dAppSeed = seed('big numbers dapp')
const dApp = addressOf(dAppSeed)
let node: Devnode
let api: ReturnType<typeof client>

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploySource(api, dAppSeed, COPY)
})

afterAll(() => node.close())

it('reads a data value above 2^53 and a supply of 2^63 - 1 exactly', async () => {
  const issue = wt.issue({ name: 'Whole', description: '', quantity: MAX_LONG, decimals: 0, reissuable: false, chainId: 'R' }, dAppSeed)
  expect((await api.broadcast(issue)).status).toBe(200)
  const data = wt.data({ data: [{ key: 'big', type: 'integer', value: '9007199254740993' }], chainId: 'R' }, dAppSeed)
  expect((await api.broadcast(data)).status).toBe(200)
  const call = wt.invokeScript({ dApp, call: { function: 'copy', args: [{ type: 'string', value: issue.id }] }, chainId: 'R' }, RICH_SEED)
  const answer = await api.broadcast(call)
  expect(answer.body.error, JSON.stringify(answer.body)).toBeUndefined()
  const entries = await api.get(`/addresses/data/${dApp}`, { accept: 'application/json;large-significand-format=string' })
  expect(entries.body).toEqual([
    { key: 'big', type: 'integer', value: '9007199254740993' },
    { key: 'copy', type: 'integer', value: '9007199254740993' },
    { key: 'held', type: 'integer', value: MAX_LONG },
    { key: 'quantity', type: 'integer', value: MAX_LONG },
  ])
})

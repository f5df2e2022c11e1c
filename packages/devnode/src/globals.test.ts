// Global lets of a dApp and the chain they read: whether the dev node declares a dApp once and reuses it
// or declares it for every call, each call sees the chain as it is at that call.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { RICH_SEED, client, deploySource, seed, wt } from '../../../test/waves.ts'
import { createDevnode, type Devnode } from './index.ts'

const header = '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n'
const READS_IN_GLOBALS = `${header}let seenHeight = height
let seenCount = getInteger(this, "count").valueOrElse(0)
@Callable(i)
func hit() = [IntegerEntry("count", seenCount + 1), IntegerEntry("height", seenHeight)]
`
const CONSTANT_GLOBALS = `${header}let countKey = "count"
let step = 1 + 0
@Callable(i)
func hit() = [IntegerEntry(countKey, getInteger(this, countKey).valueOrElse(0) + step), IntegerEntry("height", height)]
`
let node: Devnode
let api: ReturnType<typeof client>

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
})
afterAll(() => node.close())

it.each([
  ['global lets that read the chain', READS_IN_GLOBALS],
  ['constant global lets', CONSTANT_GLOBALS],
])('%s: every call reads the chain afresh', async (name, source) => {
  const dApp = await deploySource(api, seed(name), source)
  for (const count of [1, 2, 3]) {
    const tx = wt.invokeScript({ dApp, call: { function: 'hit', args: [] }, chainId: 'R' }, RICH_SEED)
    const answer = await api.broadcast(tx)
    expect(answer.body.error, JSON.stringify(answer.body)).toBeUndefined()
    const { height } = (await api.get(`/transactions/info/${tx.id}`)).body
    expect((await api.get(`/addresses/data/${dApp}?matches=count|height`)).body).toEqual([
      { key: 'count', type: 'integer', value: count },
      { key: 'height', type: 'integer', value: height },
    ])
  }
})

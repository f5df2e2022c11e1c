// What scripts read of the chain through chainEnvironment: here `wavesBalance(...).generating`, which a node with Light
// Node reads as GeneratingBalanceProvider.balance over the running transaction's snapshot (WavesEnvironment
// .accountWavesBalanceOf): the least effective balance of the last 1,000 blocks and of the state as it is now. The
// same function gives /addresses/balance/details its `generating`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, crypto, deploySource, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func gen(a: String) = ([], wavesBalance(addressFromStringValue(a)).generating)
@Callable(i)
func callerGen() = ([], wavesBalance(i.caller).generating)`

let node: Devnode
let api: ReturnType<typeof client>
let dApp: string
const holder = addressOf(seed('generating holder'))
let funded: number

const height = async () => (await api.get('/blocks/height')).body.height as number
const details = async (address: string) => (await api.get(`/addresses/balance/details/${address}`)).body
/** the generating balance a script reads, through /utils/script/evaluate */
const scriptGenerating = async (address: string) => (await api.post(`/utils/script/evaluate/${dApp}`, { expr: `gen("${address}")` })).body.result.value._2.value

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  dApp = await deploySource(api, seed('generating dApp'), DAPP)
  expect((await api.broadcast(wt.transfer({ recipient: holder, amount: 5_00000000, chainId: 'R' }, RICH_SEED))).status).toBe(200)
  funded = await height()
})

afterAll(() => node.close())

describe('wavesBalance(...).generating in a script', () => {
  it('is nothing yet for an account funded within the last 1,000 blocks, as /addresses/balance/details says', async () => {
    expect(await scriptGenerating(holder)).toBe(0)
    expect(await details(holder)).toEqual({ address: holder, regular: 5_00000000, generating: 0, available: 5_00000000, effective: 5_00000000 })
  })

  it('counts the balance once it has been in effect for 1,000 blocks', async () => {
    // the window is [height - 999, height]: the funding block must be its first
    while ((await height()) < funded + 998) await node.mine()
    expect(await scriptGenerating(holder)).toBe(0)
    await node.mine()
    expect(await height()).toBe(funded + 999)
    expect(await scriptGenerating(holder)).toBe(5_00000000)
    expect((await details(holder)).generating).toBe(5_00000000)
  })

  it('sees what the running call already changed: a payment lowers its payer\'s generating balance at once', async () => {
    // the genesis balance is past 2^53: amounts as strings
    const exact = { 'content-type': 'application/json', accept: 'application/json;large-significand-format=string' }
    const rich = addressOf(RICH_SEED)
    const before = (await api.get(`/addresses/balance/details/${rich}`, exact)).body
    expect(typeof before.regular).toBe('string')
    expect(before.generating).toBe(before.regular)
    const request = { call: { function: 'callerGen' }, senderPublicKey: crypto.publicKey(RICH_SEED), payment: [{ amount: 1_00000000, assetId: null }] }
    const answer = await api.post(`/utils/script/evaluate/${dApp}`, request, exact)
    expect(answer.body.result.value._2).toEqual({ type: 'Int', value: String(BigInt(before.regular) - 1_00000000n) })
    // the evaluation changed nothing
    expect((await api.get(`/addresses/balance/details/${rich}`, exact)).body).toEqual(before)
  })
})

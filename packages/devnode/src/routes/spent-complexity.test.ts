// `spentComplexity` as the node prints it (TransactionJsonSerializer.transactionMetaJson / metaJson: after height and
// applicationStatus, before stateChanges, for every type; TransactionsApiRoute.loadTransactionStatus for /status).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

// EvaluatorV2 in its new mode charges native functions only: sha256_16Kb costs 12 from V6 (CryptoContext.sha256F_lim)
// and the `==` that `strict` adds costs 1 (PureContext eq), so one call spends 13.
const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func digest(x: ByteVector) = {
  strict d = sha256_16Kb(x)
  []
}`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('spent complexity dapp')
const dApp = addressOf(dAppSeed)
const sender = seed('spent complexity sender')

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await api.broadcast(wt.transfer({ recipient: dApp, amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  await api.broadcast(wt.transfer({ recipient: addressOf(sender), amount: 10_00000000, chainId: 'R' }, RICH_SEED))
  const compiled = (await api.post('/utils/script/compileCode', DAPP, { 'content-type': 'text/plain' })).body
  const set = await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R' }, dAppSeed))
  if (set.status !== 200) throw new Error(JSON.stringify(set.body))
})

afterAll(() => node.close())

describe('spentComplexity', () => {
  it('is 0 for a transfer of a plain account, after height and applicationStatus', async () => {
    const tx = wt.transfer({ recipient: dApp, amount: 1, chainId: 'R' }, sender)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body as Record<string, unknown>
    expect(Object.keys(info).slice(-3)).toEqual(['height', 'applicationStatus', 'spentComplexity'])
    expect(info['spentComplexity']).toBe(0)
    const status = (await api.get(`/transactions/status?id=${tx.id}`)).body
    expect(status).toEqual([{ id: tx.id, status: 'confirmed', height: info['height'], confirmations: 0, applicationStatus: 'succeeded', spentComplexity: 0 }])
  })

  it('is what the call spent for an invoke, before stateChanges, in info, status and the address list', async () => {
    const tx = wt.invokeScript({ dApp, call: { function: 'digest', args: [{ type: 'binary', value: 'base64:AQID' }] }, chainId: 'R' }, sender)
    expect((await api.broadcast(tx)).status).toBe(200)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body as Record<string, unknown>
    expect(Object.keys(info).slice(-4)).toEqual(['height', 'applicationStatus', 'spentComplexity', 'stateChanges'])
    expect(info['spentComplexity']).toBe(13)
    const [status] = (await api.get(`/transactions/status?id=${tx.id}`)).body as Record<string, unknown>[]
    expect(status!['spentComplexity']).toBe(13)
    const [listed] = (await api.get(`/transactions/address/${addressOf(sender)}/limit/1`)).body as Record<string, unknown>[][]
    expect(listed![0]).toEqual(info)
  })
})

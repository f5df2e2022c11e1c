// transferTransactionById over the dev node's state (node: WavesEnvironment.transferTransactionById,
// Functions.transferTxByIdF, Bindings.transferTransactionObject): a stored transfer as a script reads it, unit for an
// unknown id or a transaction of another type.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addressOf, client, deploySource, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'

const DAPP = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE DAPP #-}
{-# SCRIPT_TYPE ACCOUNT #-}
@Callable(i)
func read(id: String) = match transferTransactionById(fromBase58String(id)) {
  case t: TransferTransaction => [
    IntegerEntry("amount", t.amount),
    StringEntry("recipient", toString(addressFromRecipient(t.recipient))),
    StringEntry("sender", toString(t.sender)),
    BinaryEntry("attachment", t.attachment),
    IntegerEntry("fee", t.fee),
    BooleanEntry("waves", !isDefined(t.assetId)),
    IntegerEntry("proofs", if (size(t.proofs[0]) == 64) then 1 else 0)
  ]
  case _ => [StringEntry("missing", id)]
}`

let node: Devnode
let api: ReturnType<typeof client>
const dAppSeed = seed('transfer by id dapp')
const dApp = addressOf(dAppSeed)
const recipient = addressOf(seed('transfer by id recipient'))

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await deploySource(api, dAppSeed, DAPP)
})
afterAll(() => node.close())

const call = (id: string) => wt.invokeScript({ dApp, call: { function: 'read', args: [{ type: 'string', value: id }] }, chainId: 'R' }, RICH_SEED)
const data = async () => Object.fromEntries(((await api.get(`/addresses/data/${dApp}`)).body as { key: string; value: unknown }[]).map((e) => [e.key, e.value]))

it('reads a stored transfer with its fields and proofs', async () => {
  const transfer = wt.transfer({ recipient, amount: 123_456_789, attachment: '3yZe7d', chainId: 'R' }, RICH_SEED)
  expect((await api.broadcast(transfer)).status).toBe(200)
  expect((await api.broadcast(call(transfer.id))).status).toBe(200)
  expect(await data()).toEqual({
    amount: 123_456_789,
    recipient,
    sender: addressOf(RICH_SEED),
    attachment: 'base64:dGVzdA==',
    fee: 100_000,
    waves: true,
    proofs: 1,
  })
})

it('answers unit for an unknown id and for a transaction that is not a transfer', async () => {
  const other = wt.data({ data: [{ key: 'k', type: 'integer', value: 1 }], chainId: 'R' }, RICH_SEED)
  expect((await api.broadcast(other)).status).toBe(200)
  expect((await api.broadcast(call(other.id))).status).toBe(200)
  expect((await data())['missing']).toBe(other.id)
  const unknown = '4uPHxhh1ys7qEyKMZ1dbqqNUZHcoFbCqkCqUHjMBNvzA'
  expect((await api.broadcast(call(unknown))).status).toBe(200)
  expect((await data())['missing']).toBe(unknown)
})

it('gives a V2 verifier any stored transaction by transactionById', async () => {
  const transfer = wt.transfer({ recipient, amount: 222_000_000, chainId: 'R' }, RICH_SEED)
  expect((await api.broadcast(transfer)).status).toBe(200)
  const verifier = (id: string) => `{-# STDLIB_VERSION 2 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
match transactionById(base58'${id}') {
  case t: TransferTransaction => t.amount == 222000000
  case _ => false
}`
  const found = seed('transaction by id found')
  const missing = seed('transaction by id missing')
  for (const [account, id] of [[found, transfer.id], [missing, '4uPHxhh1ys7qEyKMZ1dbqqNUZHcoFbCqkCqUHjMBNvzA']] as const) {
    await api.broadcast(wt.transfer({ recipient: addressOf(account), amount: 10_00000000, chainId: 'R' }, RICH_SEED))
    const compiled = (await api.post('/utils/script/compileCode', verifier(id), { 'content-type': 'text/plain' })).body as { script: string }
    expect((await api.broadcast(wt.setScript({ script: compiled.script, chainId: 'R', fee: 1_000_000 }, account))).status).toBe(200)
  }
  const send = (account: string) => api.broadcast(wt.transfer({ recipient, amount: 1, fee: 500_000, chainId: 'R' }, account))
  expect((await send(found)).status).toBe(200)
  const refused = await send(missing)
  expect([refused.status, (refused.body as { error: number; message: string }).error, (refused.body as { message: string }).message]).toEqual([
    400,
    307,
    'Transaction is not allowed by account-script',
  ])
})

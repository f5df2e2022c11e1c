// /transactions as a node 1.5.7 answers: TransactionsApiRoute (paths, parameters, refusals), TransactionJsonSerializer
// (field order of the meta), ApiError (codes, texts, statuses) and FeeValidation (calculateFee).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RICH_SEED, addressOf, client, deploySource, seed, wt } from '../../../../test/waves.ts'
import { base58Decode, base58Encode, blake2b } from '../crypto.ts'
import { GENESIS_BALANCE } from '../constants.ts'
import { genesisTxId } from '../chain/devnode.ts'
import { signedTxBytes, transactionsRoot } from '../chain/merkle.ts'
import { createMerkleRoot } from '../ride/stdlib/crypto.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { Router } from './router.ts'
import { transactionRoutes } from './transactions.ts'

const R = 'R'
let node: Devnode
let api: ReturnType<typeof client>
const sender = seed('transactions api sender')
const senderAddress = addressOf(sender)
const other = addressOf(seed('transactions api other'))
/** a 32-byte id no transaction has */
const UNKNOWN_ID = base58Encode(new Uint8Array(32).fill(7))

const ok = async (tx: { id: string }) => {
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  return tx
}

beforeAll(async () => {
  node = await createDevnode()
  api = client(node.url)
  await ok(wt.transfer({ recipient: senderAddress, amount: 100_00000000, chainId: R }, RICH_SEED))
})

afterAll(() => node.close())

const BASE_KEYS = ['type', 'id', 'fee', 'feeAssetId', 'timestamp', 'version', 'chainId', 'sender', 'senderPublicKey', 'proofs']

describe('/transactions/info', () => {
  it('prints a transfer with its meta after it: height, applicationStatus, spentComplexity', async () => {
    const tx = await ok(wt.transfer({ recipient: other, amount: 5, chainId: R, timestamp: 1_000 + Date.now() }, sender))
    const answer = await api.get(`/transactions/info/${tx.id}`)
    expect(answer.status).toBe(200)
    // TransferTxSerializer.toJson, then transactionMetaJson: height, applicationStatus, spentComplexity
    expect(Object.keys(answer.body)).toEqual([...BASE_KEYS, 'recipient', 'assetId', 'feeAsset', 'amount', 'attachment', 'height', 'applicationStatus', 'spentComplexity'])
    expect(answer.body).toMatchObject({ id: tx.id, feeAsset: null, amount: 5, height: node.chain.height, applicationStatus: 'succeeded', spentComplexity: 0 })
  })

  it('adds a lease its status and a lease cancel its lease last, after the meta', async () => {
    const lease = await ok(wt.lease({ recipient: other, amount: 1000, chainId: R }, sender))
    const leased = (await api.get(`/transactions/info/${lease.id}`)).body
    // transactionMetaJson: Seq(height, metaJson, stateChanges, specificInfo), the lease's status last
    expect(Object.keys(leased)).toEqual([...BASE_KEYS, 'amount', 'recipient', 'height', 'applicationStatus', 'spentComplexity', 'status'])
    expect(leased.status).toBe('active')
    const cancel = await ok(wt.cancelLease({ leaseId: lease.id, chainId: R }, sender))
    const canceled = (await api.get(`/transactions/info/${cancel.id}`)).body
    expect(Object.keys(canceled)).toEqual([...BASE_KEYS, 'leaseId', 'height', 'applicationStatus', 'spentComplexity', 'lease'])
    // LeaseRef: every field, cancelled at the cancel's height by the cancel
    expect(canceled.lease).toEqual({
      id: lease.id,
      originTransactionId: lease.id,
      sender: senderAddress,
      recipient: other,
      amount: 1000,
      height: canceled.height - 1,
      status: 'canceled',
      cancelHeight: canceled.height,
      cancelTransactionId: cancel.id,
    })
    expect((await api.get(`/transactions/info/${lease.id}`)).body.status).toBe('canceled')
  })

  it('answers a genesis transaction as a node: its 64-byte signature is its id', async () => {
    // GenesisTransaction.generateSignature, checked against mainnet's first genesis transaction
    expect(genesisTxId('3PAWwWa6GbwcJaFzwqXQN5KQm7H96Y7SHTQ', 9999999500000000n, 1465742577614)).toBe(
      '2DVtfgXjpMeFf2PQCqvwxAiaGbiDsxDjSdNQkc5JQ74eWxjWFYgwvqzC4dn7iB1AhuM32WxEiVi1SGijsBtYQwn8',
    )
    const rich = addressOf(RICH_SEED)
    const history = (await api.get(`/transactions/address/${rich}/limit/1000`)).body[0] as { type: number; id: string; timestamp: number }[]
    const genesis = history.find((tx) => tx.type === 1)!
    expect(genesis.id).toBe(genesisTxId(rich, GENESIS_BALANCE, genesis.timestamp))
    const answer = await api.get(`/transactions/info/${genesis.id}`)
    expect(answer.status).toBe(200)
    // GenesisTxSerializer.toJson, then the meta
    expect(Object.keys(answer.body)).toEqual(['type', 'id', 'fee', 'timestamp', 'signature', 'recipient', 'amount', 'height', 'applicationStatus', 'spentComplexity'])
    expect(answer.body).toMatchObject({ type: 1, id: genesis.id, fee: 0, signature: genesis.id, recipient: rich, height: 1, applicationStatus: 'succeeded', spentComplexity: 0 })
    const status = (await api.get(`/transactions/status/${genesis.id}`)).body
    expect(status).toMatchObject({ status: 'confirmed', height: 1, id: genesis.id })
  })

  it('refuses ids in the path as the TransactionId matcher does', async () => {
    // idOrHash: a decoding failure's message, or the length rule
    expect(await api.get('/transactions/info/0OIl')).toMatchObject({ status: 400, body: { error: 4001, message: "requirement failed: Wrong char '0' in Base58 string '0OIl'" } })
    expect(await api.get('/transactions/info/abc')).toMatchObject({ status: 400, body: { error: 4001, message: 'abc has invalid length 3. Length can either be 32 or 64' } })
    expect(await api.get(`/transactions/info/${'1'.repeat(193)}`)).toMatchObject({ status: 400, body: { error: 4001, message: 'requirement failed: base58Decode input exceeds 192' } })
    // ApiError.TransactionDoesNotExist
    expect(await api.get(`/transactions/info/${UNKNOWN_ID}`)).toMatchObject({ status: 404, body: { error: 311, message: 'transactions does not exist' } })
  })

  it('answers the list forms: ?id= and POST {"ids": [...]}, in the order asked', async () => {
    const a = await ok(wt.transfer({ recipient: other, amount: 11, chainId: R }, sender))
    const b = await ok(wt.transfer({ recipient: other, amount: 12, chainId: R }, sender))
    const byGet = await api.get(`/transactions/info?id=${b.id}&id=${a.id}`)
    expect(byGet.status).toBe(200)
    expect(byGet.body.map((t: { id: string }) => t.id)).toEqual([b.id, a.id])
    expect(byGet.body[0]).toEqual((await api.get(`/transactions/info/${b.id}`)).body)
    const byPost = await api.post('/transactions/info', { ids: [a.id, b.id] })
    expect(byPost.body.map((t: { id: string }) => t.id)).toEqual([a.id, b.id])
    const byForm = await api.post('/transactions/info', `id=${a.id}`, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(byForm.body.map((t: { id: string }) => t.id)).toEqual([a.id])
  })

  it('refuses the list forms as readTransactionMeta and anyParam do', async () => {
    expect(await api.get('/transactions/info')).toMatchObject({ status: 400, body: { error: 4001, message: 'Transaction ID was not specified' } })
    expect(await api.post('/transactions/info', { ids: [] })).toMatchObject({ status: 400, body: { error: 4001, message: 'Transaction ID was not specified' } })
    // CustomValidationError(err.toString) of the decoder's exception
    expect(await api.get(`/transactions/info?id=0OIl`)).toMatchObject({
      status: 400,
      body: { error: 199, message: "java.lang.IllegalArgumentException: requirement failed: Wrong char '0' in Base58 string '0OIl'" },
    })
    // any length decodes; an id nobody has is TransactionDoesNotExist
    expect(await api.get(`/transactions/info?id=abc`)).toMatchObject({ status: 404, body: { error: 311, message: 'transactions does not exist' } })
    const many = Array.from({ length: 1001 }, () => UNKNOWN_ID)
    // anyParam(limit = transactionsByAddressLimit): TooBigArrayAllocation(1000)
    expect(await api.post('/transactions/info', { ids: many })).toEqual(
      expect.objectContaining({ status: 400, body: { error: 10, message: 'Too big sequence requested: max limit is 1000 entries' } }),
    )
  })
})

describe('/transactions/info of an invoke', () => {
  it('prints the call, the meta and stateChanges with nested invokes in the node order', async () => {
    const inner = seed('transactions api inner dApp')
    const outer = seed('transactions api outer dApp')
    const innerAddress = await deploySource(api, inner, `{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n@Callable(i)\nfunc g(x: Int) = ([IntegerEntry("g", x)], x + 1)`)
    const outerAddress = await deploySource(
      api,
      outer,
      `{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n@Callable(i)\nfunc f() = { strict r = invoke(Address(base58'${innerAddress}'), "g", [5], [AttachedPayment(unit, 10)]); ([IntegerEntry("f", 1), ScriptTransfer(i.caller, 3, unit)], r) }`,
    )
    const tx = await ok(wt.invokeScript({ dApp: outerAddress, call: { function: 'f', args: [] }, payment: [{ amount: 100, assetId: null }], chainId: R, fee: 900000 }, sender))
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    // InvokeScriptTxSerializer.toJson, then transactionMetaJson with the invoke's stateChanges
    expect(Object.keys(info)).toEqual([...BASE_KEYS, 'dApp', 'payment', 'call', 'height', 'applicationStatus', 'spentComplexity', 'stateChanges'])
    // invokeScriptResultWrites: Json.writes of InvokeScriptResult in its field order; invocationWrites for nested calls
    const keys = ['data', 'transfers', 'issues', 'reissues', 'burns', 'sponsorFees', 'leases', 'leaseCancels', 'invokes']
    expect(Object.keys(info.stateChanges)).toEqual(keys)
    expect(info.stateChanges.data).toEqual([{ key: 'f', type: 'integer', value: 1 }])
    expect(info.stateChanges.transfers).toEqual([{ address: senderAddress, asset: null, amount: 3 }])
    expect(info.stateChanges.invokes).toHaveLength(1)
    const nested = info.stateChanges.invokes[0]
    expect(Object.keys(nested)).toEqual(['dApp', 'call', 'payment', 'stateChanges'])
    expect(nested.call).toEqual({ function: 'g', args: [{ type: 'Int', value: 5 }] })
    // AttachedPayment: assetId before amount
    expect(nested.payment.map((p: object) => Object.keys(p))).toEqual([['assetId', 'amount']])
    expect(Object.keys(nested.stateChanges)).toEqual(keys)
    expect(nested.stateChanges.data).toEqual([{ key: 'g', type: 'integer', value: 5 }])
    // the address listing prints the same object
    const [listed] = (await api.get(`/transactions/address/${senderAddress}/limit/1`)).body[0]
    expect(JSON.stringify(listed)).toBe(JSON.stringify(info))
  })
})

describe('/transactions/status', () => {
  it('prints status, height, confirmations, the meta, then the id', async () => {
    const tx = await ok(wt.transfer({ recipient: other, amount: 21, chainId: R }, sender))
    const answer = await api.get(`/transactions/status?id=${tx.id}&id=${UNKNOWN_ID}&id=abc`)
    expect(answer.status).toBe(200)
    // loadTransactionStatus: Json.obj(status, height, confirmations) ++ metaJson ++ Json.obj(id)
    expect(answer.body.map((s: object) => Object.keys(s))).toEqual([
      ['status', 'height', 'confirmations', 'applicationStatus', 'spentComplexity', 'id'],
      ['status', 'id'],
      ['status', 'id'],
    ])
    expect(answer.body).toEqual([
      { status: 'confirmed', height: node.chain.height, confirmations: 0, applicationStatus: 'succeeded', spentComplexity: 0, id: tx.id },
      { status: 'not_found', id: UNKNOWN_ID },
      { status: 'not_found', id: 'abc' },
    ])
    await node.mine()
    expect((await api.get(`/transactions/status/${tx.id}`)).body).toEqual({ status: 'confirmed', height: node.chain.height - 1, confirmations: 1, applicationStatus: 'succeeded', spentComplexity: 0, id: tx.id })
    expect((await api.post('/transactions/status', { ids: [UNKNOWN_ID] })).body).toEqual([{ status: 'not_found', id: UNKNOWN_ID }])
  })

  it('refuses an empty request, too many ids and ids that are not base58 as the node does', async () => {
    // status: anyParam("id").filter(_.nonEmpty), else CustomValidationError("Empty request")
    expect(await api.get('/transactions/status')).toMatchObject({ status: 400, body: { error: 199, message: 'Empty request' } })
    expect(await api.post('/transactions/status', { ids: [] })).toMatchObject({ status: 400, body: { error: 199, message: 'Empty request' } })
    // over transactionsByAddressLimit: the TooBigArrayAllocation object, without the limit
    const many = Array.from({ length: 1001 }, () => UNKNOWN_ID)
    expect(await api.post('/transactions/status', { ids: many })).toMatchObject({ status: 400, body: { error: 10, message: 'Too big sequence requested' } })
    // InvalidIds: error, message, then ids
    const invalid = await api.request('GET', `/transactions/status?id=0OIl&id=${UNKNOWN_ID}&id=x_y`)
    expect(invalid.status).toBe(400)
    expect(invalid.body).toEqual({ error: 116, message: 'Request contains invalid IDs. 0OIl, x_y', ids: ['0OIl', 'x_y'] })
    expect(Object.keys(invalid.body)).toEqual(['error', 'message', 'ids'])
    // the path form goes through the TransactionId matcher
    expect(await api.get('/transactions/status/abc')).toMatchObject({ status: 400, body: { error: 4001, message: 'abc has invalid length 3. Length can either be 32 or 64' } })
  })
})

describe('/transactions/address/{address}/limit/{limit}', () => {
  const walker = seed('transactions api walker')
  const walkerAddress = addressOf(walker)
  const sent: string[] = []

  beforeAll(async () => {
    const funding = await ok(wt.transfer({ recipient: walkerAddress, amount: 10_00000000, chainId: R }, RICH_SEED))
    sent.push(funding.id)
    for (let i = 0; i < 3; i++) sent.push((await ok(wt.transfer({ recipient: other, amount: 100 + i, chainId: R }, walker))).id)
  })

  const ids = async (path: string) => {
    const answer = await api.get(path)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body).toHaveLength(1)
    return (answer.body[0] as { id: string }[]).map((t) => t.id)
  }

  it('lists newest first in a double array, `limit` of them, before `after`', async () => {
    const newestFirst = [...sent].reverse()
    expect(await ids(`/transactions/address/${walkerAddress}/limit/10`)).toEqual(newestFirst)
    expect(await ids(`/transactions/address/${walkerAddress}/limit/2`)).toEqual(newestFirst.slice(0, 2))
    expect(await ids(`/transactions/address/${walkerAddress}/limit/2?after=${newestFirst[1]}`)).toEqual(newestFirst.slice(2, 4))
    expect(await ids(`/transactions/address/${walkerAddress}/limit/10?after=${sent[0]}`)).toEqual([])
    // limit 0 takes nothing: [[]]
    expect((await api.get(`/transactions/address/${walkerAddress}/limit/0`)).body).toEqual([[]])
  })

  it('reads `after` as a place in the chain, whoever the transaction belongs to', async () => {
    // transactionsFromDB: an id the chain has bounds the list by its (height, number); an unknown one does not bound it
    expect(await ids(`/transactions/address/${walkerAddress}/limit/10?after=${UNKNOWN_ID}`)).toEqual([...sent].reverse())
    const later = await ok(wt.transfer({ recipient: other, amount: 1, chainId: R }, RICH_SEED))
    const mine = await ok(wt.transfer({ recipient: other, amount: 2, chainId: R }, walker))
    expect(await ids(`/transactions/address/${walkerAddress}/limit/10?after=${later.id}`)).toEqual([...sent].reverse())
    expect(await ids(`/transactions/address/${walkerAddress}/limit/1`)).toEqual([mine.id])
    sent.push(mine.id)
  })

  it('shows a mass transfer to the address with only its own transfers', async () => {
    const target = addressOf(seed('transactions api mass target'))
    const mass = await ok(
      wt.massTransfer({ transfers: [{ recipient: target, amount: 7 }, { recipient: other, amount: 8 }, { recipient: target, amount: 9 }], chainId: R }, walker),
    )
    sent.push(mass.id)
    const [seen] = (await api.get(`/transactions/address/${target}/limit/1`)).body[0]
    // MassTransferTransaction.compactJson: transfers filtered, transferCount and totalAmount of the whole
    expect(seen).toMatchObject({ id: mass.id, transferCount: 3, totalAmount: 24, transfers: [{ recipient: target, amount: 7 }, { recipient: target, amount: 9 }] })
    const [bySender] = (await api.get(`/transactions/address/${walkerAddress}/limit/1`)).body[0]
    expect(bySender.transfers).toHaveLength(3)
  })

  it('refuses as the node: the address, the limit, `after`', async () => {
    // AddrSegment: Base58.decode's exception as GenericError (199), else Address.fromBytes' InvalidAddress (102)
    expect(await api.get('/transactions/address/0OIl/limit/1')).toMatchObject({ status: 400, body: { error: 199, message: "requirement failed: Wrong char '0' in Base58 string '0OIl'" } })
    expect(await api.get('/transactions/address/abc/limit/1')).toMatchObject({ status: 400, body: { error: 102, message: 'invalid address' } })
    // IntNumber does not match: no route, akka-http's bare 404
    for (const limit of ['-1', 'ten', '2147483648']) {
      expect(await api.get(`/transactions/address/${walkerAddress}/limit/${limit}`)).toMatchObject({ status: 404, body: 'The requested resource could not be found.' })
    }
    // TooBigArrayAllocation, the object
    expect(await api.get(`/transactions/address/${walkerAddress}/limit/1001`)).toMatchObject({ status: 400, body: { error: 10, message: 'Too big sequence requested' } })
    expect(await api.get(`/transactions/address/${walkerAddress}/limit/1?after=0OIl`)).toMatchObject({ status: 400, body: { error: 199, message: 'Unable to decode transaction id 0OIl' } })
  })
})

describe('the unconfirmed pool', () => {
  it('is empty once every transaction is applied', async () => {
    expect((await api.get('/transactions/unconfirmed')).body).toEqual([])
    expect((await api.get('/transactions/unconfirmed/size')).body).toEqual({ size: 0 })
    // utxTransactionInfo: no id is InvalidSignature; an id not in the pool TransactionDoesNotExist
    expect(await api.get('/transactions/unconfirmed/info')).toMatchObject({ status: 400, body: { error: 101, message: 'invalid signature' } })
    const applied = await ok(wt.transfer({ recipient: other, amount: 31, chainId: R }, sender))
    expect(await api.get(`/transactions/unconfirmed/info/${applied.id}`)).toMatchObject({ status: 404, body: { error: 311, message: 'transactions does not exist' } })
    expect(await api.get('/transactions/unconfirmed/info/abc')).toMatchObject({ status: 400, body: { error: 4001, message: 'abc has invalid length 3. Length can either be 32 or 64' } })
  })

  it('lists the transactions accepted and not yet applied, as broadcast, and a lease cancel with its lease', async () => {
    const lease = await ok(wt.lease({ recipient: other, amount: 500, chainId: R }, sender))
    const router = new Router()
    transactionRoutes(router)
    const call = (path: string) => {
      const route = router.match('GET', path)
      if (route === undefined || route === 'wrong-method') throw new Error(`no route ${path}`)
      return route.handler({ params: route.params, query: new URLSearchParams(), body: () => null, json: () => null, text: '' }, node.chain)
    }
    const transfer = wt.transfer({ recipient: other, amount: 32, chainId: R }, sender)
    const cancel = wt.cancelLease({ leaseId: lease.id, chainId: R }, sender)
    // read before the queue runs: both are pending
    const applied = Promise.all([node.broadcast(transfer), node.broadcast(cancel)])
    const pool = call('/transactions/unconfirmed') as Record<string, unknown>[]
    expect(pool.map((t) => t['id'])).toEqual([transfer.id, cancel.id])
    // unconfirmedTxExtendedJson: the transaction's JSON; a LeaseCancel adds `lease`
    expect(Object.keys(pool[0]!)).toEqual([...BASE_KEYS, 'recipient', 'assetId', 'feeAsset', 'amount', 'attachment'])
    expect(Object.keys(pool[1]!)).toEqual([...BASE_KEYS, 'leaseId', 'lease'])
    expect((pool[1]!['lease'] as { status: string }).status).toBe('active')
    expect(call('/transactions/unconfirmed/size')).toEqual({ size: 2 })
    expect(call(`/transactions/unconfirmed/info/${transfer.id}`)).toEqual(pool[0])
    expect((call(`/transactions/status/${transfer.id}`) as object)).toEqual({ status: 'unconfirmed', id: transfer.id })
    await applied
    expect(call('/transactions/unconfirmed')).toEqual([])
  })
})

describe('/transactions/calculateFee', () => {
  const smart = seed('transactions api smart account')
  const issuer = seed('transactions api issuer')
  let smartAsset: string
  let sponsored: string

  beforeAll(async () => {
    await ok(wt.transfer({ recipient: addressOf(smart), amount: 10_00000000, chainId: R }, RICH_SEED))
    await ok(wt.transfer({ recipient: addressOf(issuer), amount: 10_00000000, chainId: R }, RICH_SEED))
    const compile = async (source: string) => (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body.script as string
    // two signature checks cost more than the 200 a verifier may cost without the extra fee
    const verifier = await compile(
      '{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\nsigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey) && sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)',
    )
    await ok(wt.setScript({ script: verifier, chainId: R, fee: 1_000000 }, smart))
    const assetScript = await compile('{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ASSET #-}\ntrue')
    smartAsset = (await ok(wt.issue({ name: 'Smart', description: '', quantity: 1000, decimals: 0, reissuable: true, script: assetScript, chainId: R }, issuer))).id
    sponsored = (await ok(wt.issue({ name: 'Sponsored', description: '', quantity: 1000, decimals: 0, reissuable: true, chainId: R }, issuer))).id
    await ok(wt.sponsorship({ assetId: sponsored, minSponsoredAssetFee: 7, chainId: R }, issuer))
  })

  const fee = async (request: Record<string, unknown>) => api.post('/transactions/calculateFee', request)
  const pk = (s: string) => wt.libs.crypto.publicKey(s)

  it('answers the minimal fee of each type', async () => {
    const base = { senderPublicKey: pk(sender) }
    // FeeValidation.FeeConstants x FeeUnit
    expect((await fee({ ...base, type: 4, recipient: other, amount: 1 })).body).toEqual({ feeAssetId: null, feeAmount: 100000 })
    expect((await fee({ ...base, type: 3, name: 'Token', description: '', quantity: 1000, decimals: 2, reissuable: true })).body).toEqual({ feeAssetId: null, feeAmount: 100000000 })
    // an NFT: NFTMultiplier
    expect((await fee({ ...base, type: 3, name: 'Token', description: '', quantity: 1, decimals: 0, reissuable: false })).body).toEqual({ feeAssetId: null, feeAmount: 100000 })
    expect((await fee({ ...base, type: 16, dApp: other, call: { function: 'f', args: [] }, payment: [] })).body).toEqual({ feeAssetId: null, feeAmount: 500000 })
    // MassTransfer: one unit more for every two transfers
    const transfers = [1, 2, 3].map((amount) => ({ recipient: other, amount }))
    expect((await fee({ ...base, type: 11, transfers })).body).toEqual({ feeAssetId: null, feeAmount: 300000 })
  })

  it('adds the smart account and smart asset extras, and converts to a sponsored asset', async () => {
    // feeAfterSmartAccounts: +ScriptExtraFee for a verifier above 200
    expect((await fee({ senderPublicKey: pk(smart), type: 4, recipient: other, amount: 1 })).body).toEqual({ feeAssetId: null, feeAmount: 500000 })
    // feeAfterSmartTokens: +ScriptExtraFee per scripted asset
    expect((await fee({ senderPublicKey: pk(issuer), type: 4, recipient: other, amount: 1, assetId: smartAsset })).body).toEqual({ feeAssetId: null, feeAmount: 500000 })
    // Sponsorship.fromWaves: WAVES fee x minSponsoredAssetFee / FeeUnit
    expect((await fee({ senderPublicKey: pk(sender), type: 4, recipient: other, amount: 1, feeAssetId: sponsored })).body).toEqual({ feeAssetId: sponsored, feeAmount: 7 })
    expect((await fee({ senderPublicKey: pk(smart), type: 4, recipient: other, amount: 1, feeAssetId: sponsored })).body).toEqual({ feeAssetId: sponsored, feeAmount: 35 })
    // feeAmount is one of CustomJson's fields written as a string on request
    const asString = await api.post('/transactions/calculateFee', { senderPublicKey: pk(sender), type: 4, recipient: other, amount: 1 }, { accept: 'application/json;large-significand-format=string' })
    expect(asString.body).toEqual({ feeAssetId: null, feeAmount: '100000' })
  })

  it('refuses what the node refuses', async () => {
    // feeAfterSponsorship's GenericErrors
    expect(await fee({ senderPublicKey: pk(sender), type: 4, recipient: other, amount: 1, feeAssetId: smartAsset })).toMatchObject({
      status: 400,
      body: { error: 199, message: `Asset ${smartAsset} is not sponsored, cannot be used to pay fees` },
    })
    expect(await fee({ senderPublicKey: pk(sender), type: 4, recipient: other, amount: 1, feeAssetId: UNKNOWN_ID })).toMatchObject({
      status: 400,
      body: { error: 199, message: `Asset ${UNKNOWN_ID} does not exist, cannot be used to pay fees` },
    })
    // (jsv \ "senderPublicKey").as[String]: a JsResultException, WrongJson with the data message
    const missing = await fee({ type: 4, recipient: other, amount: 1 })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({
      error: 1,
      message: 'json data validation error, see validationErrors for details',
      cause: null,
      validationErrors: { 'obj.senderPublicKey': [{ msg: ['error.path.missing'], args: [] }] },
    })
    // PublicKey.fromBase58String's InvalidAddress, then PublicKey.apply's requirement
    expect(await fee({ senderPublicKey: '0OIl', type: 4, recipient: other, amount: 1 })).toMatchObject({ status: 400, body: { error: 102, message: 'invalid address' } })
    expect(await fee({ senderPublicKey: 'abc', type: 4, recipient: other, amount: 1 })).toMatchObject({ status: 400, body: { error: 199, message: 'requirement failed: invalid public key length: 3' } })
    const noType = await fee({ senderPublicKey: pk(sender), recipient: other, amount: 1 })
    expect(noType.body).toEqual({
      error: 1,
      message: 'json data validation error, see validationErrors for details',
      cause: null,
      validationErrors: { 'obj.type': [{ msg: ['error.path.missing'], args: [] }] },
    })
    const notObject = await api.post('/transactions/calculateFee', [1])
    expect(notObject.body).toEqual({ error: 1, message: 'failed to parse json message', cause: null, validationErrors: { obj: [{ msg: ['error.expected.jsobject'], args: [] }] } })
  })
})

describe('/transactions/merkleProof', () => {
  /** Merkle.empty */
  const EMPTY = base58Encode(blake2b(Uint8Array.of(0)))
  const leafOf = (tx: object) => blake2b(wt.protoSerialize.signedTxToProtoBytes(tx as never))

  it('hashes each transaction as its signed protobuf bytes (PBTransactions.toByteArrayMerkle)', async () => {
    const data = await ok(wt.data({ data: [{ key: 'k', type: 'integer', value: 1 }], chainId: R }, sender))
    const transfer = await ok(wt.transfer({ recipient: other, amount: 41, attachment: '3MyAGEBuZGDKZDzYn6sbh2noqk9uYHy4kjw', chainId: R }, sender))
    for (const tx of [data, transfer]) {
      // the library's SignedTransaction encoding as the oracle
      expect(signedTxBytes(node.chain.tx(tx.id)!.json, 82)).toEqual(wt.protoSerialize.signedTxToProtoBytes(tx as never))
    }
    // an invoke's body is written by the dev node itself (invoke-bytes.ts); read as broadcast
    const args = [{ type: 'integer', value: 5 }, { type: 'string', value: 'x' }, { type: 'binary', value: 'base64:AQI=' }, { type: 'list', value: [{ type: 'boolean', value: true }] }]
    const invoke = wt.invokeScript({ dApp: other, call: { function: 'f', args: args as never }, payment: [{ amount: 3, assetId: null }], chainId: R }, sender)
    expect(signedTxBytes(invoke as never, 82)).toEqual(wt.protoSerialize.signedTxToProtoBytes(invoke as never))
  })

  it('proves every transaction of a block against the block root', async () => {
    const quiet = await createDevnode({ autoMine: false })
    try {
      const q = client(quiet.url)
      await quiet.mine()
      const txs = [1, 2, 3].map((amount) => wt.transfer({ recipient: other, amount, chainId: R }, RICH_SEED))
      for (const tx of txs) expect((await q.broadcast(tx)).status).toBe(200)
      const block = quiet.chain.state.blocks[quiet.chain.height - 1]!
      expect(block.txIds).toEqual(txs.map((t) => t.id))
      const root = transactionsRoot(quiet.chain.state, block)
      const answer = await q.get(`/transactions/merkleProof?id=${txs[0]!.id}&id=${UNKNOWN_ID}&id=${txs[2]!.id}&id=${txs[1]!.id}`)
      expect(answer.status).toBe(200)
      // transactionProofWrites: id, transactionIndex, merkleProof; an id the chain lacks is left out
      expect(answer.body.map((p: object) => Object.keys(p))).toEqual([0, 1, 2].map(() => ['id', 'transactionIndex', 'merkleProof']))
      expect(answer.body.map((p: { id: string; transactionIndex: number }) => [p.id, p.transactionIndex])).toEqual([[txs[0]!.id, 0], [txs[2]!.id, 2], [txs[1]!.id, 1]])
      for (const proof of answer.body as { id: string; transactionIndex: number; merkleProof: string[] }[]) {
        const tx = txs[proof.transactionIndex]!
        expect(proof.merkleProof).toHaveLength(2)
        // RIDE's createMerkleRoot (Merkle.createRoot) leads each proof back to the root
        expect(base58Encode(createMerkleRoot(proof.merkleProof.map(base58Decode), leafOf(tx), BigInt(proof.transactionIndex)))).toBe(root)
      }
      // three leaves: the third has no partner and is paired with Merkle.empty
      expect(answer.body[1].merkleProof[0]).toBe(EMPTY)
      const posted = await q.post('/transactions/merkleProof', { ids: [txs[1]!.id] })
      expect(posted.body).toEqual([answer.body[2]])
    } finally {
      await quiet.close()
    }
  })

  it('roots a block of one transaction in hash(leaf ++ empty)', async () => {
    const tx = await ok(wt.transfer({ recipient: other, amount: 42, chainId: R }, sender))
    const block = node.chain.state.blocks[node.chain.tx(tx.id)!.height - 1]!
    expect(block.txIds).toEqual([tx.id])
    const root = transactionsRoot(node.chain.state, block)
    const leaf = leafOf(tx)
    const paired = new Uint8Array(64)
    paired.set(leaf)
    paired.set(base58Decode(EMPTY), 32)
    expect(root).toBe(base58Encode(blake2b(paired)))
    expect((await api.get(`/transactions/merkleProof?id=${tx.id}`)).body).toEqual([{ id: tx.id, transactionIndex: 0, merkleProof: [EMPTY] }])
  })

  it('refuses as TransactionsApiRoute.merkleProof does', async () => {
    expect(await api.get('/transactions/merkleProof')).toMatchObject({ status: 400, body: { error: 4001, message: 'Transaction ID was not specified' } })
    expect(await api.get('/transactions/merkleProof?id=0OIl&id=x_y')).toMatchObject({ status: 400, body: { error: 116, message: 'Request contains invalid IDs. 0OIl, x_y', ids: ['0OIl', 'x_y'] } })
    const none = { status: 400, body: { error: 199, message: 'transactions do not exist or block version < 5' } }
    expect(await api.get(`/transactions/merkleProof?id=${UNKNOWN_ID}`)).toMatchObject(none)
    // a genesis transaction is in the version 1 genesis block
    const rich = addressOf(RICH_SEED)
    const history = (await api.get(`/transactions/address/${rich}/limit/1000`)).body[0] as { type: number; id: string }[]
    expect(await api.get(`/transactions/merkleProof?id=${history.find((t) => t.type === 1)!.id}`)).toMatchObject(none)
    const many = Array.from({ length: 1001 }, () => UNKNOWN_ID)
    expect(await api.post('/transactions/merkleProof', { ids: many })).toMatchObject({ status: 400, body: { error: 10, message: 'Too big sequence requested: max limit is 1000 entries' } })
  })
})

describe('/transactions/sign', () => {
  it('needs the api key the dev node does not have (ApiRoute.withAuth: ApiKeyNotValid)', async () => {
    const refused = { status: 403, body: { error: 2, message: 'Provided API key is not correct' } }
    expect(await api.post('/transactions/sign', { type: 4 })).toMatchObject(refused)
    expect(await api.post(`/transactions/sign/${other}`, { type: 4 }, { 'X-Api-Key': 'anything' })).toMatchObject(refused)
  })
})

describe('/transactions/broadcast?trace=', () => {
  it('refuses a malformed trace once the transaction reads, with the bare 404, and broadcasts nothing', async () => {
    const tx = wt.transfer({ recipient: other, amount: 7, chainId: R }, sender)
    const malformed = await api.post('/transactions/broadcast?trace=maybe', tx)
    expect([malformed.status, malformed.body]).toEqual([404, 'The requested resource could not be found.'])
    expect((await api.get(`/transactions/status/${tx.id}`)).body).toEqual({ status: 'not_found', id: tx.id })
    // a transaction that does not read is refused first, as fromSignedRequest refuses it
    const unreadable = await api.post('/transactions/broadcast?trace=maybe', { ...tx, type: 99 })
    expect([unreadable.status, unreadable.body]).toEqual([400, { error: 312, message: 'transaction type not supported' }])
    // an empty value is the default
    expect((await api.post('/transactions/broadcast?trace=', tx)).status).toBe(200)
  })
})

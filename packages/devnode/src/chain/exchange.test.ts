// Exchange (type 7): node ExchangeTransaction, ExchangeTxValidator, Order.isValid, OrderSerializer / PBOrders,
// TransactionDiffer.validateFunds, Verifier.verifyExchange, ExchangeTransactionDiff, FeeValidation (Exchange -> 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressOf, client, crypto, RICH_SEED, seed, wt } from '../../../../test/waves.ts'
import { createDevnode, type Devnode } from '../index.ts'
import { bodyBytes, printTx, readTransaction } from './tx.ts'
import { ethKeyAddress, ethOrderHash, recoverEthOrderKey } from './eth-order.ts'
import { secp256k1 } from '@noble/curves/secp256k1.js'

const CHAIN = 'R'
const CHAIN_BYTE = CHAIN.charCodeAt(0)
const DAY = 24 * 60 * 60 * 1000

const matcherSeed = seed('exchange matcher')
const buyerSeed = seed('exchange buyer')
const sellerSeed = seed('exchange seller')
const matcherKey = crypto.publicKey(matcherSeed)
const matcher = addressOf(matcherSeed)
const buyer = addressOf(buyerSeed)
const seller = addressOf(sellerSeed)

type Params = Record<string, unknown>

const order = (params: Params, signer: string) =>
  wt.order({ matcherPublicKey: matcherKey, amountAsset: null, priceAsset: null, matcherFee: 300_000, version: 4, chainId: CHAIN, ...params } as never, signer) as unknown as Record<string, unknown>

const exchange = (params: Params) =>
  wt.exchange({ buyMatcherFee: 300_000, sellMatcherFee: 300_000, fee: 300_000, version: 3, chainId: CHAIN, ...params } as never, matcherSeed) as unknown as Record<string, unknown> & {
    id: string
  }

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('bytes', () => {
  const asset = '8LQW8f7P5d5PZM7GtZEBgaqRPGSzS3DfPuiXrURJ4AJS'
  const timestamp = 1_700_000_000_000
  const pair = { amountAsset: asset, priceAsset: null }
  const orders = (version: number | null, extra: Params = {}) => [
    order({ ...pair, version, orderType: 'buy', amount: 500, price: 3_000_000, timestamp, expiration: timestamp + DAY, ...extra }, buyerSeed),
    order({ ...pair, version, orderType: 'sell', amount: 400, price: 2_000_000, timestamp, expiration: timestamp + 2 * DAY, matcherFee: 700_000, ...extra }, sellerSeed),
  ]

  const cases: [string, number, Record<string, unknown>[]][] = [
    ['version 2 with orders of version 1', 2, orders(1)],
    ['version 2 with orders of version 2', 2, orders(2)],
    ['version 2 with orders of version 3', 2, orders(3)],
    ['version 2 with orders of version 3 paying the matcher in an asset', 2, orders(3, { matcherFeeAssetId: asset })],
    ['version 3 with orders of version 1', 3, orders(1)],
    ['version 3 with orders of version 2 and 3', 3, [orders(2)[0]!, orders(3)[1]!]],
    ['version 3 with orders of version 3', 3, orders(3)],
    ['version 3 with orders of version 4 (fixedDecimals)', 3, orders(4)],
    ['version 3 with orders of version 4 (assetDecimals), the sell order first', 3, orders(4, { priceMode: 'assetDecimals' }).reverse()],
  ]
  for (const [name, version, [order1, order2]] of cases) {
    it(`writes the library's body bytes and ids for an exchange of ${name}`, () => {
      const tx = exchange({ version, order1, order2, amount: 300, price: 2_500_000, timestamp: timestamp + 1000 })
      const read = readTransaction(tx, CHAIN_BYTE)
      expect(hex(bodyBytes(read))).toBe(hex(wt.makeTxBytes(tx as never)))
      expect(read.id).toBe(tx.id)
      if (read.type !== 7) throw new Error('not an exchange')
      expect([read.order1.id, read.order2.id]).toEqual([order1!['id'], order2!['id']])
      expect(read.sender).toBe(matcher)
    })
  }
})

describe('orders signed with an Ethereum key', () => {
  // EthOrderSpec of the node 1.5.7 ("recover valid ids of exchange tx"): an exchange of chain T (84) with an EIP-712
  // signed sell order
  const order2 = {
    version: 4,
    id: '6tXL591oH3mnwgFcbxqQnqHBF1oQ1Cc6hdLuBU6FB6UG',
    sender: '3Mvrr424JENHdP4wrSFyNWBVEuQTHBDxMVi',
    senderPublicKey: '4nZcsfxa3mtAg8D2iR8J139CTVm7Y2aTEd3B8J6p45tX6v8sjCT9JGAWnHGa8ZxenQyaSAVu3FPsry1RnXucpcqE',
    matcherPublicKey: '9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ',
    assetPair: { amountAsset: '5fQPsn8hoaVddFG26cWQ5QFdqxWtUPNaZ9zH2E6LYzFn', priceAsset: null },
    orderType: 'sell',
    amount: 1,
    price: 100,
    timestamp: 1,
    expiration: 123,
    matcherFee: 100000,
    signature: '',
    proofs: [],
    matcherFeeAssetId: null,
    eip712Signature:
      '0x6c4385dd5f6f1200b4d0630c9076104f34c801c16a211e505facfd743ba242db4429b966ffa8d2a9aff9037dafda78cfc8f7c5ef1c94493f5954bc7ebdb649281b',
    priceMode: null,
  }
  const json = {
    type: 7,
    id: 'GtWWteMgnVYeAq4BSbqw9aFM3K17zHrYsij14VtJiVdL',
    fee: 1000000,
    feeAssetId: null,
    timestamp: 100,
    version: 3,
    chainId: 84,
    sender: '3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9',
    senderPublicKey: '9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ',
    proofs: ['4WrABDgkk9JraBLNQK4LTq7LWqVLgLzAEv8fr1rjr4ovca7224EBzLrEgcHdtHscGpQbLsk39ttQfqHMVLr9tXcB'],
    order1: {
      version: 3,
      id: '75YqwVQbiQmLMQBE61W1aLcsaAUnWbzM5Udh9Z4mXUBf',
      sender: '3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9',
      senderPublicKey: '9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ',
      matcherPublicKey: '9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ',
      assetPair: { amountAsset: '5fQPsn8hoaVddFG26cWQ5QFdqxWtUPNaZ9zH2E6LYzFn', priceAsset: null },
      orderType: 'buy',
      amount: 1,
      price: 100,
      timestamp: 1,
      expiration: 123,
      matcherFee: 100000,
      signature: '2Bi5YFCeAUvQqWFJYUTzaDUfAdoHmQ4RC6nviBwvQgUYJLKrsa4T5eESGr5Er261kdeyNgHVJUGai8mALtLLWDoQ',
      proofs: ['2Bi5YFCeAUvQqWFJYUTzaDUfAdoHmQ4RC6nviBwvQgUYJLKrsa4T5eESGr5Er261kdeyNgHVJUGai8mALtLLWDoQ'],
      matcherFeeAssetId: null,
    },
    order2,
    amount: 1,
    price: 100,
    buyMatcherFee: 100000,
    sellMatcherFee: 100000,
  }
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)))

  it('recovers the signer, its address and the ids, and prints the transaction as the node does', () => {
    const read = readTransaction(json, 84, () => true)
    expect(read.id).toBe(json.id)
    expect(plain(printTx(read))).toEqual(json)
  })

  it("recovers the keys of the node's EthOrderSpec: with leading zeros, and from a v below 27", () => {
    // "recover signer public key with leading zeros correctly"
    const zeros = {
      version: 4,
      matcherPublicKey: '9cpfKN9suPNvfeUNphzxXMjcnn974eme8ZhWUjaktzU5',
      amountAsset: null,
      priceAsset: '34N9YcEETLWn93qYQ64EsP1x89tSruJU44RrEMSXXEPJ',
      orderType: 'buy' as const,
      amount: 211125290n,
      price: 2357071n,
      timestamp: 1668605799020,
      expiration: 1671111399020,
      matcherFee: 23627n,
      matcherFeeAssetId: '34N9YcEETLWn93qYQ64EsP1x89tSruJU44RrEMSXXEPJ',
      priceMode: 'assetDecimals' as const,
      attachment: null,
    }
    const signature = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'))
    const key = recoverEthOrderKey(
      zeros,
      signature('c3b8c59ee779ef7b308e44d3c24b0f05687eaebc49f7f94fe0cc4f6fb13bae351adfce1419d6d35c41d5bd7fdefd87871f1ed3b9df8771d1eb76e981adf48e741b'),
      84,
    )
    expect(Buffer.from(crypto.base58Decode(key!)).toString('hex')).toBe(
      '00d7cf9ff594b07273228e7dd591707d38a1dba0a39492fd64445ba9cbb3bf66c862b9752f02bf8d1a0f00ccb11ae550a7616bd965c10f0101202d75580786ee',
    )
    // "recover signer public key when v < 27 in signature data"
    const low = {
      ...zeros,
      matcherPublicKey: '8QUAqtTckM5B8gvcuP7mMswat9SjKUuafJMusEoSn1Gy',
      priceAsset: '25FEqEjRkqK6yCkiT7Lz6SAYz7gUFCtxfCChnrVFD5AT',
      amount: 100000000n,
      price: 14781968n,
      timestamp: 1668520875679,
      expiration: 1671026475679,
      matcherFee: 24884n,
      matcherFeeAssetId: '25FEqEjRkqK6yCkiT7Lz6SAYz7gUFCtxfCChnrVFD5AT',
    }
    const lowKey = recoverEthOrderKey(
      low,
      signature('12f72d3bba93bda930ee5c280e1d39b7e7dcc439d789c92eff40ea860480213a0e79323093c8aee04c2a269de01c7d587a18b02d02746dec75ec1457accb72a301'),
      84,
    )
    expect(ethKeyAddress(lowKey!, 84)).toBe('3N8HNri7zQXVw8Bn9BZKGRpsznNUFXM24zL')
  })

  it('needs no senderPublicKey beside the signature, and refuses one that recovers no key', () => {
    const { senderPublicKey: _key, ...withoutKey } = order2
    expect(plain(printTx(readTransaction({ ...json, order2: withoutKey }, 84, () => true)))).toEqual(json)
    const broken = { ...order2, eip712Signature: `${order2.eip712Signature.slice(0, -2)}05` }
    expect(() => readTransaction({ ...json, order2: broken }, 84, () => true)).toThrow('failed to parse json message')
  })
})

const ASSET_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case e: ExchangeTransaction => e.amount <= 1000 && e.buyOrder.orderType == Buy && e.sellOrder.assetPair.amountAsset == this.id
  case _ => true
}
`

const BUYER_SCRIPT = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
match tx {
  case o: Order => if (o.amount == 13) then throw("unlucky amount") else o.amount <= 200 && o.sender == this
  case _ => sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)
}
`

let node: Devnode
let api: ReturnType<typeof client>
let token: string
let smart: string
let now: number

const stateCheck = (tx: { id: string }, reason: string, extra: Params = {}) => ({
  error: 112,
  message: `State check failed. Reason: ${reason}`,
  ...extra,
  transaction: expect.objectContaining({ id: tx.id }),
})

const balance = async (address: string, asset: string | null = null) =>
  asset === null ? (await api.get(`/addresses/balance/${address}`)).body.balance : (await api.get(`/assets/balance/${address}/${asset}`)).body.balance

async function accepted(tx: unknown) {
  const answer = await api.broadcast(tx)
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body))
  return answer.body
}

let orderCount = 0

/** A new buy and a new sell order of `token` (2 decimals) for WAVES, of version 4 unless told. */
const pairOrders = (buy: Params = {}, sell: Params = {}): [Params, Params] => {
  const timestamp = now + ++orderCount
  return [
    order({ amountAsset: token, orderType: 'buy', amount: 300, price: 200_000_000, timestamp, expiration: now + DAY, ...buy }, buyerSeed),
    order({ amountAsset: token, orderType: 'sell', amount: 300, price: 150_000_000, timestamp, expiration: now + DAY, ...sell }, sellerSeed),
  ]
}

describe('on the chain', () => {
  beforeAll(async () => {
    node = await createDevnode()
    api = client(node.url)
    now = Date.now()
    for (const address of [matcher, buyer, seller]) await accepted(wt.transfer({ recipient: address, amount: 100_00000000, chainId: CHAIN }, RICH_SEED))
    const issue = wt.issue({ name: 'Token', description: '', quantity: 1_000_000, decimals: 2, reissuable: true, chainId: CHAIN }, sellerSeed)
    await accepted(issue)
    token = issue.id
    const compiled = (await api.post('/utils/script/compileCode', ASSET_SCRIPT, { 'content-type': 'text/plain' })).body
    const smartIssue = wt.issue({ name: 'Smart', description: '', quantity: 1_000_000, decimals: 0, reissuable: true, script: compiled.script, chainId: CHAIN }, sellerSeed)
    await accepted(smartIssue)
    smart = smartIssue.id
  })

  afterAll(() => node.close())

  it('trades: the buyer pays amount × price in WAVES and the matcher fee, the seller the token and its fee, the matcher takes both fees and pays its own', async () => {
    const [buy, sell] = pairOrders()
    const before = { buyer: await balance(buyer), seller: await balance(seller), matcher: await balance(matcher), sellerToken: await balance(seller, token) }
    // 100 units of 2 decimals at 1.75 WAVES each (8 decimals, fixedDecimals): 175,000,000 wavelets
    const tx = exchange({ order1: buy, order2: sell, amount: 100, price: 175_000_000, buyMatcherFee: 100_000, sellMatcherFee: 200_000 })
    await accepted(tx)
    expect(await balance(buyer)).toBe(before.buyer - 175_000_000 - 100_000)
    expect(await balance(buyer, token)).toBe(100)
    expect(await balance(seller)).toBe(before.seller + 175_000_000 - 200_000)
    expect(await balance(seller, token)).toBe(before.sellerToken - 100)
    expect(await balance(matcher)).toBe(before.matcher + 100_000 + 200_000 - 300_000)

    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    // ExchangeTxSerializer.toJson: BaseTxJson, order1, order2, amount, price, buyMatcherFee, sellMatcherFee
    expect(Object.keys(info)).toEqual([
      'type', 'id', 'fee', 'feeAssetId', 'timestamp', 'version', 'chainId', 'sender', 'senderPublicKey', 'proofs',
      'order1', 'order2', 'amount', 'price', 'buyMatcherFee', 'sellMatcherFee', 'height', 'applicationStatus', 'spentComplexity',
    ])
    expect(info).toMatchObject({ type: 7, version: 3, sender: matcher, senderPublicKey: matcherKey, feeAssetId: null, fee: 300_000, amount: 100, price: 175_000_000 })
    // OrderSerializer.toJson; priceMode Default is written as null
    expect(info.order1).toEqual({
      version: 4,
      id: buy['id'],
      sender: buyer,
      senderPublicKey: crypto.publicKey(buyerSeed),
      matcherPublicKey: matcherKey,
      assetPair: { amountAsset: token, priceAsset: null },
      orderType: 'buy',
      amount: 300,
      price: 200_000_000,
      timestamp: buy['timestamp'],
      expiration: now + DAY,
      matcherFee: 300_000,
      signature: (buy['proofs'] as string[])[0],
      proofs: buy['proofs'],
      matcherFeeAssetId: null,
      eip712Signature: null,
      priceMode: 'fixedDecimals',
    })
    expect(Object.keys(info.order1)).toEqual([
      'version', 'id', 'sender', 'senderPublicKey', 'matcherPublicKey', 'assetPair', 'orderType', 'amount', 'price', 'timestamp',
      'expiration', 'matcherFee', 'signature', 'proofs', 'matcherFeeAssetId', 'eip712Signature', 'priceMode',
    ])
    expect(info.order2.id).toBe(sell['id'])
  })

  it('fills orders partly, by order id, up to their amount and matcher fee (enoughVolume)', async () => {
    const [buy, sell] = pairOrders({ amount: 250 }, { amount: 1000, matcherFee: 300_000 })
    const trade = (amount: number, params: Params = {}) => exchange({ order1: buy, order2: sell, amount, price: 180_000_000, buyMatcherFee: 100_000, sellMatcherFee: 100_000, ...params })
    await accepted(trade(100))
    await accepted(trade(100, { timestamp: now + 1 }))
    const tooMuch = trade(51, { timestamp: now + 2 })
    expect((await api.broadcast(tooMuch)).body).toEqual(
      stateCheck(tooMuch, 'Order validation error: Too much buy. Already filled volume for the order: 200', { order: expect.objectContaining({ id: buy['id'] }) }),
    )
    // version 3 and later orders bound the matcher fee of all fills together by the order's matcherFee
    const fee = trade(50, { timestamp: now + 3, sellMatcherFee: 100_001 })
    expect((await api.broadcast(fee)).body).toEqual(stateCheck(fee, 'Order validation error: Insufficient sell fee', { order: expect.objectContaining({ id: sell['id'] }) }))
    await accepted(trade(50, { timestamp: now + 4 }))
    expect(await balance(buyer, token)).toBe(100 + 250)
  })

  it('refuses an exchange price outside the orders and converts prices of older orders (8 decimals, assetDecimals)', async () => {
    const [buy, sell] = pairOrders()
    const high = exchange({ order1: buy, order2: sell, amount: 10, price: 200_000_001 })
    expect((await api.broadcast(high)).body).toEqual(stateCheck(high, 'exchange.price = 200_000_001 should be <= buyOrder.price = 200_000_000'))
    const low = exchange({ order1: buy, order2: sell, amount: 10, price: 149_999_999 })
    expect((await api.broadcast(low)).body).toEqual(stateCheck(low, 'exchange.price = 149_999_999 should be >= sellOrder.price = 150_000_000'))
    // a version 3 order prices in 10^(8 + priceDecimals - amountDecimals): 1.6 WAVES for a token of 2 decimals
    const [legacyBuy] = pairOrders({ version: 3, price: 160_000_000_000_000 })
    const above = exchange({ order1: legacyBuy, order2: sell, amount: 10, price: 170_000_000 })
    expect((await api.broadcast(above)).body).toEqual(
      stateCheck(above, 'exchange.price = 170_000_000 should be <= buyOrder.price = 160_000_000 (assetDecimals price = 160_000_000_000_000)'),
    )
    const before = await balance(buyer)
    await accepted(exchange({ order1: legacyBuy, order2: sell, amount: 10, price: 155_000_000 }))
    expect(await balance(buyer)).toBe(before - 15_500_000 - 300_000)
  })

  it('settles a version 2 exchange in 8 decimals whatever the assets', async () => {
    const [buy, sell] = pairOrders({ version: 2, price: 300_000_000 }, { version: 2, price: 300_000_000 })
    const before = await balance(buyer)
    // before version 3 an order's matcher fee is taken pro rata: 300,000 × 100 / 300 at most
    const overFee = exchange({ version: 2, order1: buy, order2: sell, amount: 100, price: 300_000_000, buyMatcherFee: 100_001, sellMatcherFee: 100_000 })
    expect((await api.broadcast(overFee)).body).toEqual(stateCheck(overFee, 'Order validation error: Insufficient buy fee', { order: expect.objectContaining({ id: buy['id'] }) }))
    await accepted(exchange({ version: 2, order1: buy, order2: sell, amount: 100, price: 300_000_000, buyMatcherFee: 100_000, sellMatcherFee: 100_000 }))
    // amount × price / 10^8
    expect(await balance(buyer)).toBe(before - 300 - 100_000)
  })

  it('checks the orders when it reads the transaction (ExchangeTxValidator, Order.isValid): 199, and 403 with the order', async () => {
    const [buy, sell] = pairOrders()
    const expired = order({ amountAsset: token, orderType: 'sell', amount: 300, price: 150_000_000, timestamp: now - 2 * DAY, expiration: now - DAY }, sellerSeed)
    const answer = await api.broadcast(exchange({ order1: buy, order2: expired, amount: 10, price: 180_000_000 }))
    expect([answer.status, answer.body]).toEqual([400, { error: 403, message: 'Order validation error: expiration should be > currentTime', order: expect.objectContaining({ id: expired['id'] }) }])
    const [, otherMatcher] = pairOrders({}, { matcherPublicKey: crypto.publicKey(buyerSeed) })
    expect((await api.broadcast(exchange({ order1: buy, order2: otherMatcher, amount: 10, price: 180_000_000 }))).body).toEqual({
      error: 199,
      message: 'buyOrder.matcher should be the same as sellOrder.matcher',
    })
    expect((await api.broadcast(exchange({ order1: buy, order2: buy, amount: 10, price: 180_000_000 }))).body).toEqual({ error: 199, message: 'sellOrder should has OrderType.SELL' })
    const [, otherPair] = pairOrders({}, { amountAsset: smart })
    expect((await api.broadcast(exchange({ order1: buy, order2: otherPair, amount: 10, price: 180_000_000 }))).body).toEqual({ error: 199, message: 'Both orders should have same AssetPair' })
    // the library writes no version 2 exchange of such orders: the node refuses it before its bytes
    const v2 = { ...exchange({ order1: buy, order2: sell, amount: 10, price: 180_000_000 }), version: 2, proofs: [] }
    expect((await api.broadcast(v2)).body).toEqual({ error: 199, message: 'can only contain orders of version < 4' })
  })

  it('refuses what the node reads differently: order1 selling before version 3, version 1, assets not issued', async () => {
    const [buy, sell] = pairOrders({ version: 3, price: 200_000_000_000_000 }, { version: 3, price: 150_000_000_000_000 })
    const sellFirst = exchange({ version: 2, order1: sell, order2: buy, amount: 10, price: 180_000_000 })
    expect((await api.broadcast(sellFirst)).body).toEqual({ error: 199, message: 'order1 should have OrderType.BUY' })
    const v1 = { ...exchange({ version: 2, order1: buy, order2: sell, amount: 10, price: 180_000_000 }), version: 1 }
    expect((await api.broadcast(v1)).body).toEqual({ error: 199, message: 'waves-devnode accepts ExchangeTransaction versions 2 to 3, got version 1' })
    const unknown = wt.issue({ name: 'Never', description: '', quantity: 1, chainId: CHAIN } as never, sellerSeed).id
    const [noBuy, noSell] = pairOrders({ priceAsset: unknown }, { priceAsset: unknown })
    const missing = exchange({ order1: noBuy, order2: noSell, amount: 10, price: 180_000_000 })
    expect((await api.broadcast(missing)).body).toEqual(stateCheck(missing, 'Assets should be issued before they can be traded'))
  })

  it("asks 0.004 WAVES more of a smart matcher, whose script sees the ExchangeTransaction", async () => {
    const source = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ACCOUNT #-}
match tx {
  case e: ExchangeTransaction => e.buyOrder.amount == 77 && e.sellMatcherFee == 300000 && e.price == 180000000 && sigVerify(e.bodyBytes, e.proofs[0], e.senderPublicKey) && sigVerify(e.buyOrder.bodyBytes, e.buyOrder.proofs[0], e.buyOrder.senderPublicKey)
  case _ => sigVerify(tx.bodyBytes, tx.proofs[0], tx.senderPublicKey)
}
`
    const compiled = (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body
    expect(compiled.complexity).toBeGreaterThan(200)
    await accepted(wt.setScript({ script: compiled.script, chainId: CHAIN, fee: 100_000 }, matcherSeed))
    const [buy, sell] = pairOrders({ amount: 77 })
    const cheap = exchange({ order1: buy, order2: sell, amount: 10, price: 180_000_000 })
    expect((await api.broadcast(cheap)).body).toEqual(
      stateCheck(cheap, 'Transaction sent from smart account. Requires 400000 extra fee. Fee for ExchangeTransaction (300000 in WAVES) does not exceed minimal value of 700000 WAVES.'),
    )
    const [other] = pairOrders({ amount: 78 })
    const refused = exchange({ order1: other, order2: sell, amount: 10, price: 180_000_000, fee: 700_000 })
    expect((await api.broadcast(refused)).body).toEqual({ error: 307, message: 'Transaction is not allowed by account-script', transaction: expect.objectContaining({ id: refused.id }) })
    await accepted(exchange({ order1: buy, order2: sell, amount: 10, price: 180_000_000, fee: 700_000 }))
    await accepted(wt.setScript({ script: null, chainId: CHAIN, fee: 500_000 }, matcherSeed))
  })

  it('asks 0.003 WAVES of the matcher, and the balances of the whole trade before any script', async () => {
    const [buy, sell] = pairOrders()
    const cheap = exchange({ order1: buy, order2: sell, amount: 10, price: 180_000_000, fee: 299_999 })
    expect((await api.broadcast(cheap)).body).toEqual(stateCheck(cheap, 'Fee for ExchangeTransaction (299999 in WAVES) does not exceed minimal value of 300000 WAVES.'))
    const [big] = pairOrders({ amount: 10_000_000 })
    const tooBig = exchange({ order1: big, order2: pairOrders({}, { amount: 10_000_000 })[1], amount: 9_000_000, price: 180_000_000 })
    const answer = (await api.broadcast(tooBig)).body
    expect(answer).toMatchObject({ error: 112, message: 'State check failed. Reason: Accounts balance errors' })
    expect(Object.keys(answer.details).sort()).toEqual([buyer, seller].sort())
  })

  it('moves matcher fees in the asset each order names, and refuses a fee asset not issued', async () => {
    const unknown = wt.issue({ name: 'Never', description: '', quantity: 1, chainId: CHAIN } as never, buyerSeed).id
    const [noAsset, anySell] = pairOrders({ matcherFeeAssetId: unknown })
    const missing = exchange({ order1: noAsset, order2: anySell, amount: 10, price: 180_000_000 })
    expect((await api.broadcast(missing)).body).toEqual(stateCheck(missing, `Asset ${unknown} should be issued before it can be traded`))
    // the seller pays its matcher fee in the token it sells
    const [buy, sell] = pairOrders({}, { matcherFeeAssetId: token, matcherFee: 50 })
    const before = { seller: await balance(seller, token), matcher: await balance(matcher, token), matcherWaves: await balance(matcher) }
    await accepted(exchange({ order1: buy, order2: sell, amount: 10, price: 180_000_000, buyMatcherFee: 300_000, sellMatcherFee: 50 }))
    expect(await balance(seller, token)).toBe(before.seller - 10 - 50)
    expect(await balance(matcher, token)).toBe(before.matcher + 50)
    expect(await balance(matcher)).toBe(before.matcherWaves + 300_000 - 300_000)
  })

  it("checks each order's signature: the node's text quotes the order", async () => {
    const [buy, sell] = pairOrders({ version: 3, price: 200_000_000_000_000 })
    // the buy order signed by someone else: same body, same id
    const other = order(
      { amountAsset: token, orderType: 'buy', amount: 300, price: 200_000_000_000_000, timestamp: buy['timestamp'], expiration: now + DAY, version: 3, senderPublicKey: crypto.publicKey(buyerSeed) },
      sellerSeed,
    )
    expect(other['id']).toBe(buy['id'])
    const forged = { ...buy, proofs: other['proofs'] as string[] }
    const tx = exchange({ order1: forged, order2: sell, amount: 10, price: 180_000_000 })
    expect((await api.broadcast(tx)).body).toEqual(
      stateCheck(
        tx,
        `Proof doesn't validate as signature for OrderV3(id=${buy['id']}, sender=${crypto.publicKey(buyerSeed)}, matcher=${matcherKey}, pair=${token}-WAVES, ` +
          `type=buy, amount=300, price=200000000000000, priceMode=Default, ts=${buy['timestamp']}, exp=${now + DAY}, fee=300000, matcherFeeAssetId=Waves,, ` +
          `eip712Signature=None, proofs=Proofs(${forged.proofs[0]}))`,
      ),
    )
  })

  it("lets a smart account's script judge its orders, with the Order as tx", async () => {
    const compiled = (await api.post('/utils/script/compileCode', BUYER_SCRIPT, { 'content-type': 'text/plain' })).body
    await accepted(wt.setScript({ script: compiled.script, chainId: CHAIN, fee: 1_400_000 }, buyerSeed))
    const [buy, sell] = pairOrders({ amount: 200 })
    await accepted(exchange({ order1: buy, order2: sell, amount: 200, price: 180_000_000 }))
    const [big] = pairOrders({ amount: 201 })
    const refused = exchange({ order1: big, order2: sell, amount: 10, price: 180_000_000, timestamp: now + 1 })
    expect((await api.broadcast(refused)).body).toEqual({ error: 307, message: 'Transaction is not allowed by account-script', transaction: expect.objectContaining({ id: refused.id }) })
    const [unlucky] = pairOrders({ amount: 13 })
    const thrown = exchange({ order1: unlucky, order2: sell, amount: 10, price: 180_000_000, timestamp: now + 2 })
    expect((await api.broadcast(thrown)).body).toEqual({
      error: 306,
      message: 'Error while executing account-script: unlucky amount',
      transaction: expect.objectContaining({ id: thrown.id }),
    })
    await accepted(wt.setScript({ script: null, chainId: CHAIN, fee: 1_400_000 }, buyerSeed))
  })

  it('lets the scripts of the traded assets judge it, for 0.004 WAVES more each', async () => {
    const pair = { amountAsset: smart }
    const [buy, sell] = pairOrders({ ...pair, amount: 5000, price: 100_000 }, { ...pair, amount: 5000, price: 100_000 })
    const cheap = exchange({ order1: buy, order2: sell, amount: 100, price: 100_000 })
    expect((await api.broadcast(cheap)).body).toEqual(
      stateCheck(cheap, 'Transaction involves 1 scripted assets. Requires 400000 extra fee. Fee for ExchangeTransaction (300000 in WAVES) does not exceed minimal value of 700000 WAVES.'),
    )
    const refused = exchange({ order1: buy, order2: sell, amount: 1001, price: 100_000, fee: 700_000 })
    expect((await api.broadcast(refused)).body).toEqual({
      error: 306,
      message: `Error while executing token-script: Transaction is not allowed by script of the asset ${smart}`,
      transaction: expect.objectContaining({ id: refused.id }),
    })
    const before = await balance(buyer, smart)
    await accepted(exchange({ order1: buy, order2: sell, amount: 1000, price: 100_000, fee: 700_000 }))
    expect(await balance(buyer, smart)).toBe(before + 1000)
  })

  it('stores an exchange an asset script refuses after more than 1,000 complexity as failed: the matcher pays the fee', async () => {
    const verify = 'sigVerify(e.bodyBytes, e.bodyBytes.take(64), e.buyOrder.senderPublicKey)'
    const source = `{-# STDLIB_VERSION 6 #-}
{-# CONTENT_TYPE EXPRESSION #-}
{-# SCRIPT_TYPE ASSET #-}
match tx {
  case e: ExchangeTransaction =>
    let checks = [${Array(7).fill(verify).join(', ')}]
    size(checks) == 7 && e.amount <= 1000
  case _ => true
}
`
    const compiled = (await api.post('/utils/script/compileCode', source, { 'content-type': 'text/plain' })).body
    if (compiled.script === undefined) throw new Error(JSON.stringify(compiled))
    expect(compiled.complexity).toBeGreaterThan(1000)
    const issue = wt.issue({ name: 'Heavy', description: '', quantity: 1_000_000, decimals: 0, reissuable: true, script: compiled.script, chainId: CHAIN }, sellerSeed)
    await accepted(issue)
    const pair = { amountAsset: issue.id }
    const [buy, sell] = pairOrders({ ...pair, amount: 5000, price: 100_000 }, { ...pair, amount: 5000, price: 100_000 })
    const before = { buyer: await balance(buyer), seller: await balance(seller, issue.id), matcher: await balance(matcher) }
    const tx = exchange({ order1: buy, order2: sell, amount: 1001, price: 100_000, fee: 700_000 })
    await accepted(tx)
    const info = (await api.get(`/transactions/info/${tx.id}`)).body
    // FailedTransactionError.notAllowedByAsset past FailFreeInvokeComplexity: the estimate of the refusing script
    expect(info).toMatchObject({ id: tx.id, applicationStatus: 'script_execution_failed', spentComplexity: compiled.complexity })
    expect(info.stateChanges).toBeUndefined()
    expect(await balance(matcher)).toBe(before.matcher - 700_000)
    expect(await balance(buyer)).toBe(before.buyer)
    expect(await balance(seller, issue.id)).toBe(before.seller)
    // nothing was filled: the whole order can still trade
    await accepted(exchange({ order1: buy, order2: sell, amount: 1000, price: 100_000, fee: 700_000, timestamp: Date.now() + 1 }))
  })

  it('trades an order signed with an Ethereum key: its sender is the address of the recovered key', async () => {
    const privateKey = Uint8Array.from(Buffer.from('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', 'hex'))
    const ethKey = crypto.base58Encode(secp256k1.getPublicKey(privateKey, false).subarray(1))
    const ethAddress = ethKeyAddress(ethKey, CHAIN_BYTE)
    await accepted(wt.transfer({ recipient: ethAddress, amount: 1_00000000, chainId: CHAIN }, RICH_SEED))
    await accepted(wt.transfer({ recipient: ethAddress, amount: 500, assetId: token, chainId: CHAIN }, sellerSeed))
    const fields = {
      version: 4,
      matcherPublicKey: matcherKey,
      amountAsset: token,
      priceAsset: null,
      orderType: 'sell' as const,
      amount: 300n,
      price: 150_000_000n,
      timestamp: now + ++orderCount,
      expiration: now + DAY,
      matcherFee: 300_000n,
      matcherFeeAssetId: null,
      priceMode: 'fixedDecimals' as const,
      attachment: null,
    }
    const signed = secp256k1.sign(ethOrderHash(fields, CHAIN_BYTE), privateKey, { prehash: false, format: 'recovered' })
    const eip712Signature = `0x${Buffer.from([...signed.subarray(1), 27 + signed[0]!]).toString('hex')}`
    const { attachment: _none, ...signedFields } = fields
    const sell = {
      ...signedFields,
      amount: 300,
      price: 150_000_000,
      matcherFee: 300_000,
      assetPair: { amountAsset: token, priceAsset: null },
      eip712Signature,
      proofs: [],
    }
    const [buy] = pairOrders()
    const before = { eth: await balance(ethAddress), ethToken: await balance(ethAddress, token) }
    const tx = exchange({ order1: buy, order2: sell, amount: 100, price: 160_000_000 })
    await accepted(tx)
    expect(await balance(ethAddress)).toBe(before.eth + 160_000_000 - 300_000)
    expect(await balance(ethAddress, token)).toBe(before.ethToken - 100)
    const printed = (await api.get(`/transactions/info/${tx.id}`)).body.order2
    expect(printed).toMatchObject({ version: 4, sender: ethAddress, senderPublicKey: ethKey, signature: '', proofs: [], eip712Signature, priceMode: 'fixedDecimals' })
  })

  it("refuses prices outside the orders in the words of the node's ExchangeTransactionDiffTest (amount asset of 8 decimals, price asset of 6)", async () => {
    const amountIssue = wt.issue({ name: 'asset2', description: '', quantity: 1_000_000_000_000, decimals: 8, reissuable: true, chainId: CHAIN }, sellerSeed)
    const priceIssue = wt.issue({ name: 'asset1', description: '', quantity: 1_000_000_000_000, decimals: 6, reissuable: true, chainId: CHAIN }, buyerSeed)
    await accepted(amountIssue)
    await accepted(priceIssue)
    const pair = { amountAsset: amountIssue.id, priceAsset: priceIssue.id }
    const make = (orderType: 'buy' | 'sell', price: number, version: number, priceMode?: string) =>
      order(
        { ...pair, orderType, amount: 1000, price, version, timestamp: now + ++orderCount, expiration: now + DAY, ...(priceMode === undefined ? {} : { priceMode }) },
        orderType === 'buy' ? buyerSeed : sellerSeed,
      )
    const cases: [number, number, Params, Params, string][] = []
    for (const buyVersion of [1, 2, 3]) {
      for (const sellVersion of [1, 2, 3]) {
        cases.push([2, 12_500_000, make('buy', 12_400_000, buyVersion), make('sell', 12_500_000, sellVersion), 'exchange.price = 12_500_000 should be <= buyOrder.price = 12_400_000'])
        cases.push([2, 12_500_000, make('buy', 12_500_000, buyVersion), make('sell', 12_600_000, sellVersion), 'exchange.price = 12_500_000 should be >= sellOrder.price = 12_600_000'])
      }
    }
    const fixed = 'fixedDecimals'
    const asset = 'assetDecimals'
    cases.push(
      [3, 1_250_000_000, make('buy', 1_240_000_000, 4, fixed), make('sell', 1_250_000_000, 4, fixed), 'exchange.price = 1_250_000_000 should be <= buyOrder.price = 1_240_000_000'],
      [3, 1_250_000_000, make('buy', 1_250_000_000, 4, fixed), make('sell', 1_260_000_000, 4, fixed), 'exchange.price = 1_250_000_000 should be >= sellOrder.price = 1_260_000_000'],
      [3, 1_250_000_000, make('buy', 12_400_000, 4, asset), make('sell', 12_500_000, 4, asset), 'exchange.price = 1_250_000_000 should be <= buyOrder.price = 1_240_000_000 (assetDecimals price = 12_400_000)'],
      [3, 1_250_000_000, make('buy', 12_500_000, 4, asset), make('sell', 12_600_000, 4, asset), 'exchange.price = 1_250_000_000 should be >= sellOrder.price = 1_260_000_000 (assetDecimals price = 12_600_000)'],
      [3, 1_250_000_000, make('buy', 12_400_000, 2), make('sell', 1_250_000_000, 4, fixed), 'exchange.price = 1_250_000_000 should be <= buyOrder.price = 1_240_000_000 (assetDecimals price = 12_400_000)'],
      [3, 1_250_000_000, make('buy', 1_250_000_000, 4, fixed), make('sell', 12_600_000, 4, asset), 'exchange.price = 1_250_000_000 should be >= sellOrder.price = 1_260_000_000 (assetDecimals price = 12_600_000)'],
    )
    for (const [version, price, buy, sell, expected] of cases) {
      const tx = exchange({ version, order1: buy, order2: sell, amount: 100, price, buyMatcherFee: 100, sellMatcherFee: 100 })
      expect((await api.broadcast(tx)).body).toEqual(stateCheck(tx, expected))
    }
  })
})

// Exchange (type 7, versions 2 and 3): a matcher settles a buy order against a sell order. The rules in the node's
// order: ExchangeTransaction.create and ExchangeTxValidator when it is read, TransactionDiffer.validateFunds (the
// fee, each order's matcher fee, the whole trade's balances) before the scripts, Verifier.verifyExchange (the
// matcher, then the seller's and the buyer's account scripts judging their orders), then ExchangeTransactionDiff
// (the volume each order has left, the balance changes, the fills by order id).
import { NodeError, nodeErrors } from '../errors.ts'
import { base58Decode, verifySignature } from '../crypto.ts'
import { runVerifier } from '../ride/evaluate/dapp.ts'
import { orderObject, type OrderDescription, type TransactionDescription } from '../ride/stdlib/bindings.ts'
import { type ChainState, type Effects, type StoredTx, WAVES, applyEffects, emptyEffects, netBalances } from '../state/state.ts'
import type { Applied, ApplyContext } from './apply.ts'
import type { FailedInvoke } from './failed.ts'
import { checkBalances } from './apply.ts'
import { chainEnvironment } from './environment.ts'
import { AMOUNT_RANGE, type Exchange, type Order, ORDER_MAX_AMOUNT, PRICE_RANGE, orderBodyBytes, orderInvalidity, orderText, printOrder } from './order.ts'

/** FeeValidation.FeeConstants: an exchange costs 3 fee units (0.003 WAVES). */
export const EXCHANGE_FEE_UNITS = 3n

type Json = Record<string, unknown>
type Fail = (reason: string) => never
type ExchangeDescription = Pick<Extract<TransactionDescription, { type: 7 }>, 'type' | 'buyOrder' | 'sellOrder' | 'price' | 'amount' | 'buyMatcherFee' | 'sellMatcherFee'>

/** The buy and the sell order of `tx`, whichever comes first (ExchangeTransaction.buyOrder / sellOrder). */
export function ordersOf(tx: Exchange): { buy: Order; sell: Order } {
  return tx.order1.orderType === 'buy' ? { buy: tx.order1, sell: tx.order2 } : { buy: tx.order2, sell: tx.order1 }
}

/** OrderInvalid (403): an order the transaction carries breaks a rule; the node adds the order's JSON. */
function orderInvalid(order: Order, message: string): NodeError {
  return new NodeError(403, `Order validation error: ${message}`, 400, { order: printOrder(order) })
}

/**
 * ExchangeTransaction.create and ExchangeTxValidator, checked when the transaction is read: the fee (112
 * `insufficient fee`), amount and price (199 with the node's range texts), the matcher fees and the fee at most
 * Order.MaxAmount, the order types, one matcher, one asset pair (199 GenericErrors), each order valid at the
 * transaction's timestamp (403 `Order validation error: ...` with the order), and orders of version 4 only in an
 * exchange of version 3.
 */
export function checkExchange(tx: Exchange): void {
  if (tx.fee <= 0n) throw nodeErrors.insufficientFee()
  if (tx.amount <= 0n || tx.amount > ORDER_MAX_AMOUNT) throw nodeErrors.custom(AMOUNT_RANGE)
  if (tx.price <= 0n || tx.price > ORDER_MAX_AMOUNT) throw nodeErrors.custom(PRICE_RANGE)
  const { buy, sell } = ordersOf(tx)
  const generic = (holds: boolean, message: string) => {
    if (!holds) throw nodeErrors.custom(message)
  }
  generic(tx.sellMatcherFee <= ORDER_MAX_AMOUNT, 'sellMatcherFee too large')
  generic(tx.buyMatcherFee <= ORDER_MAX_AMOUNT, 'buyMatcherFee too large')
  generic(tx.fee <= ORDER_MAX_AMOUNT, 'fee too large')
  generic(tx.version >= 3 || tx.order1.orderType === 'buy', 'order1 should have OrderType.BUY')
  generic(buy.orderType === 'buy', 'buyOrder should has OrderType.BUY')
  generic(sell.orderType === 'sell', 'sellOrder should has OrderType.SELL')
  generic(buy.matcherPublicKey === sell.matcherPublicKey, 'buyOrder.matcher should be the same as sellOrder.matcher')
  generic(buy.amountAsset === sell.amountAsset && buy.priceAsset === sell.priceAsset, 'Both orders should have same AssetPair')
  for (const order of [buy, sell]) {
    const invalid = orderInvalidity(order, tx.timestamp)
    if (invalid !== undefined) throw orderInvalid(order, invalid)
  }
  generic(tx.version > 2 || (buy.version < 4 && sell.version < 4), 'can only contain orders of version < 4')
}

/** The assets an exchange names for its scripts (checkedAssets: the pair's price asset, then its amount asset). */
export function exchangeAssets(tx: Exchange): string[] {
  return [tx.order1.priceAsset, tx.order1.amountAsset].flatMap((a) => (a === null ? [] : [a]))
}

/** The orders' matcher fee assets, each once (Verifier.assets' additional assets, judged after the pair's). */
export function matcherFeeAssets(tx: Exchange): string[] {
  const { buy, sell } = ordersOf(tx)
  return [...new Set([buy.matcherFeeAssetId, sell.matcherFeeAssetId].flatMap((a) => (a === null ? [] : [a])))]
}

/** java.text.DecimalFormat("###,###.##") with `_` between groups, as the node prints prices in its texts. */
function formatPrice(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString()
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '_')
  return value < 0n ? `-${grouped}` : grouped
}

const pow10 = (n: number) => 10n ** BigInt(n)
const MAX_LONG = 9_223_372_036_854_775_807n
const OUT_OF_RANGE = 'BigInteger out of long range'

/** value × 10^exponent, truncated toward zero as BigDecimal.toBigInt does. */
function scale(value: bigint, exponent: number): bigint {
  return exponent >= 0 ? value * pow10(exponent) : value / pow10(-exponent)
}

/**
 * ExchangeTransactionDiff.getPortfolios: every balance the trade changes, as [address, asset, delta], the fee the
 * matcher pays included when `withFee`. Refusals (GenericErrors) go through `fail`: a negative matcher fee, assets
 * not issued, an exchange price outside the orders' prices, amounts out of the Long range.
 */
export function exchangeBalances(state: ChainState, tx: Exchange, fail: Fail, withFee: boolean): [string, string, bigint][] {
  const { buy, sell } = ordersOf(tx)
  if (tx.buyMatcherFee < 0n || tx.sellMatcherFee < 0n) fail('Matcher fee can not be negative')
  const assets = [...new Set([buy.amountAsset, buy.priceAsset, sell.amountAsset, sell.priceAsset].flatMap((a) => (a === null ? [] : [a])))]
  if (assets.some((a) => !state.assets.has(a))) fail('Assets should be issued before they can be traded')
  const decimals = (asset: string | null) => (tx.version < 3 || asset === null ? 8 : state.assets.get(asset)!.decimals)
  const amountDecimals = decimals(buy.amountAsset)
  const priceDecimals = decimals(buy.priceAsset)

  // a version 3 exchange compares prices of 8 decimals: older orders and assetDecimals ones are converted
  const orderPrice = (order: Order) => {
    if (tx.version < 3 || (order.version >= 4 && order.priceMode !== 'assetDecimals')) return order.price
    const converted = scale(order.price, amountDecimals - priceDecimals)
    if (converted > MAX_LONG) fail(OUT_OF_RANGE)
    return converted
  }
  const shown = (order: Order, converted: bigint) =>
    order.price === converted ? formatPrice(converted) : `${formatPrice(converted)} (assetDecimals price = ${formatPrice(order.price)})`
  const buyPrice = orderPrice(buy)
  const sellPrice = orderPrice(sell)
  if (tx.price > buyPrice) fail(`exchange.price = ${formatPrice(tx.price)} should be <= buyOrder.price = ${shown(buy, buyPrice)}`)
  if (tx.price < sellPrice) fail(`exchange.price = ${formatPrice(tx.price)} should be >= sellOrder.price = ${shown(sell, sellPrice)}`)

  // getSpendAmount / getReceiveAmount: the price asset moves amount × price × 10^(priceDecimals - amountDecimals - 8)
  const priceAmount = scale(tx.amount * tx.price, priceDecimals - amountDecimals - 8)
  // the buyer spending WAVES must be able to add the order's whole matcher fee to it
  if (priceAmount > MAX_LONG || (buy.priceAsset === null && priceAmount + buy.matcherFee > MAX_LONG)) fail(OUT_OF_RANGE)
  const matcher = tx.sender
  const priceAsset = buy.priceAsset ?? WAVES
  const amountAsset = buy.amountAsset ?? WAVES
  return [
    [matcher, buy.matcherFeeAssetId ?? WAVES, tx.buyMatcherFee],
    [matcher, sell.matcherFeeAssetId ?? WAVES, tx.sellMatcherFee],
    ...(withFee ? ([[matcher, WAVES, -tx.fee]] as [string, string, bigint][]) : []),
    [buy.sender, buy.matcherFeeAssetId ?? WAVES, -tx.buyMatcherFee],
    [sell.sender, sell.matcherFeeAssetId ?? WAVES, -tx.sellMatcherFee],
    [buy.sender, priceAsset, -priceAmount],
    [sell.sender, priceAsset, priceAmount],
    [buy.sender, amountAsset, tx.amount],
    [sell.sender, amountAsset, -tx.amount],
  ]
}

/**
 * TransactionDiffer.validateFunds for an exchange, after the fee: each order's matcher fee asset exists and its
 * sender can pay the matcher fee (validateOrder, buy order first), then the whole trade's balances hold
 * (getPortfolios and BalanceDiffValidation). Runs before any script.
 */
export function checkExchangeFunds(state: ChainState, tx: Exchange, json: Json, fail: Fail): void {
  const { buy, sell } = ordersOf(tx)
  for (const [order, fee] of [
    [buy, tx.buyMatcherFee],
    [sell, tx.sellMatcherFee],
  ] as const) {
    if (order.matcherFeeAssetId !== null && !state.assets.has(order.matcherFeeAssetId)) {
      fail(`Asset ${order.matcherFeeAssetId} should be issued before it can be traded`)
    }
    const spends = netBalances({ balances: [[order.sender, order.matcherFeeAssetId ?? WAVES, -fee]], data: [] })
    checkBalances(state, json, spends.filter(([, , delta]) => delta < 0n))
  }
  const trade = netBalances({ balances: exchangeBalances(state, tx, fail, true), data: [] })
  checkBalances(state, json, trade.filter(([, , delta]) => delta < 0n))
}

/** An order as the scripts see it (RealTransactionWrapper.ord). */
export function describeOrder(order: Order, chainId: number): OrderDescription {
  const bytes = (base58: string | null) => (base58 === null ? null : base58Decode(base58))
  return {
    id: base58Decode(order.id),
    sender: base58Decode(order.sender),
    senderPublicKey: base58Decode(order.senderPublicKey),
    matcherPublicKey: base58Decode(order.matcherPublicKey),
    amountAsset: bytes(order.amountAsset),
    priceAsset: bytes(order.priceAsset),
    orderType: order.orderType,
    price: order.price,
    amount: order.amount,
    timestamp: BigInt(order.timestamp),
    expiration: BigInt(order.expiration),
    matcherFee: order.matcherFee,
    matcherFeeAssetId: bytes(order.matcherFeeAssetId),
    bodyBytes: orderBodyBytes(order, chainId),
    proofs: order.proofs.map((p) => base58Decode(p)),
    attachment: bytes(order.attachment),
  }
}

/** What an exchange adds to the proven part of what scripts see (Bindings.transactionObject of Exchange). */
export function describeExchange(tx: Exchange): ExchangeDescription {
  const { buy, sell } = ordersOf(tx)
  return {
    type: 7,
    buyOrder: describeOrder(buy, tx.chainId),
    sellOrder: describeOrder(sell, tx.chainId),
    price: tx.price,
    amount: tx.amount,
    buyMatcherFee: tx.buyMatcherFee,
    sellMatcherFee: tx.sellMatcherFee,
  }
}

/**
 * Verifier.verifyExchange after the matcher: the seller's order, then the buyer's. An order from an account without a
 * script needs exactly one proof that is its sender's signature (112 with the node's text quoting the order); a
 * script judges it with the Order as `tx` (307 when it returns false, 306 when it fails); a version 1 order cannot
 * come from a scripted account. Returns the complexity the scripts spent.
 */
export function verifyOrders(ctx: ApplyContext, tx: Exchange, json: Json, fail: Fail): number {
  const { buy, sell } = ordersOf(tx)
  let complexity = 0
  for (const order of [sell, buy]) {
    const facts = ctx.state.scripts.get(order.sender)
    if (facts !== undefined && order.version === 1) fail("Can't process order with signature from scripted account")
    if (facts === undefined || !facts.hasVerifier) {
      const error = signatureError(order, tx.chainId)
      if (error === undefined) continue
      // a dApp without a verifier checks the signature inside ScriptRunner: its failure is a script error
      if (facts !== undefined) throw nodeErrors.accountScript(json, error)
      fail(error)
    }
    const script = ctx.scripts.get(facts!.base64)
    const order$ = orderObject(describeOrder(order, tx.chainId), script.version, true)
    const env = chainEnvironment(ctx.state, { chainId: ctx.chainId, thisAddress: order.sender, tx: order$, txId: order.id })
    const outcome = runVerifier(script, order$, { env })
    if (!outcome.ok) throw nodeErrors.accountScript(json, outcome.error.message)
    if (!outcome.allowed) throw new NodeError(307, 'Transaction is not allowed by account-script', 400, { transaction: json })
    complexity += outcome.complexity
  }
  return complexity
}

/**
 * Proven.verifyFirstProof for an order: undefined when its one proof is its sender's signature. An Ethereum-signed
 * order's sender is the key its signature recovers to, so it always holds (Verifier.verifyOrderSignature).
 */
function signatureError(order: Order, chainId: number): string | undefined {
  if (order.eip712Signature !== null) return undefined
  if (order.proofs.length !== 1) return 'Transactions from non-scripted accounts must have exactly 1 proof'
  let valid = false
  try {
    valid = base58Decode(order.proofs[0]!).length === 64 && verifySignature(order.senderPublicKey, orderBodyBytes(order, chainId), order.proofs[0]!)
  } catch {
    valid = false
  }
  return valid ? undefined : `Proof doesn't validate as signature for ${orderText(order)}`
}

/**
 * ExchangeTransactionDiff after the scripts: each order's filled volume and matcher fee stay within the order
 * (enoughVolume: 112 wrapping `Order validation error: Too much buy. Already filled volume for the order: N`,
 * `Insufficient buy fee` and the sell ones, with the order's JSON; before version 3 an order's fee is taken
 * pro rata), then the trade's balance changes and the orders' new fills go into `effects`.
 */
export function applyExchange(ctx: ApplyContext, tx: Exchange, json: Json, effects: Effects, addresses: string[], fail: Fail): void {
  const { state } = ctx
  const { buy, sell } = ordersOf(tx)
  const filled = (order: Order) => state.orderFills?.get(order.id) ?? { volume: 0n, fee: 0n }
  const invalid = (order: Order, reason: string): never => {
    throw nodeErrors.stateCheckFailed(json, `Order validation error: ${reason}`, { order: printOrder(order) })
  }
  const fills: [string, { volume: bigint; fee: bigint }][] = []
  for (const [order, side] of [
    [buy, 'buy'],
    [sell, 'sell'],
  ] as const) {
    const before = filled(order)
    if (order.amount < before.volume + tx.amount) invalid(order, `Too much ${side}. Already filled volume for the order: ${before.volume}`)
  }
  for (const [order, side, fee] of [
    [buy, 'buy', tx.buyMatcherFee],
    [sell, 'sell', tx.sellMatcherFee],
  ] as const) {
    const before = filled(order)
    const volume = before.volume + tx.amount
    const total = before.fee + fee
    const allowed = order.version >= 3 ? order.matcherFee : (order.matcherFee * volume) / order.amount
    if (total > allowed) invalid(order, `Insufficient ${side} fee`)
    fills.push([order.id, { volume, fee: total }])
  }
  effects.balances.push(...exchangeBalances(state, tx, fail, false))
  effects.orderFills = fills
  addresses.push(buy.sender, sell.sender)
}

/**
 * TransactionDiffer.failedTransactionDiff for an exchange an asset script refused after more than 1,000 complexity:
 * the matcher pays the fee, nothing else applies, and it is stored as `script_execution_failed` with what the
 * scripts spent (the matcher's and the orders' verifiers, then the asset scripts). An exchange prints no stateChanges.
 */
export function failedExchange(state: ChainState, json: Json, fee: [string, string, bigint][], failure: FailedInvoke, verifierComplexity: number): Applied {
  const effects = emptyEffects()
  effects.balances.push(...fee)
  const stored: StoredTx = { json, height: state.blocks.length, applicationStatus: 'script_execution_failed', spentComplexity: verifierComplexity + failure.complexity }
  applyEffects(state, effects)
  return { stored, effects, addresses: [...new Set(fee.map(([address]) => address))] }
}

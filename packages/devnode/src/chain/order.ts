// The orders an ExchangeTransaction carries, read, written and printed as the node does (OrderJson, OrderSerializer,
// PBOrders), and the exchange's body bytes (ExchangeTxSerializer: the legacy body for version 2, protobuf from 3).
import { address, base58Decode, base58Encode, blake2b } from '../crypto.ts'
import { assetId, bad, bytes58, safeLong, str, type Json, type Tx } from './tx.ts'
import { ethKeyAddress, recoverEthOrderKey } from './eth-order.ts'

export type OrderType = 'buy' | 'sell'
/** OrderPriceMode: how a version 4 order's price is scaled (`default` is printed as null). */
export type PriceMode = 'default' | 'fixedDecimals' | 'assetDecimals'

/** An order as an exchange carries it; assets are base58 ids, null for WAVES. */
export interface Order {
  version: number
  /** base58 of blake2b-256 of the order's body bytes */
  id: string
  sender: string
  senderPublicKey: string
  matcherPublicKey: string
  amountAsset: string | null
  priceAsset: string | null
  orderType: OrderType
  /** in the amount asset's smallest units */
  amount: bigint
  /** the price of one amount asset unit, scaled by 10^8 (and by the assets' decimals, see the price mode) */
  price: bigint
  /** ms */
  timestamp: number
  /** ms */
  expiration: number
  /** the most the matcher may take from the order, in the matcher fee asset's units */
  matcherFee: bigint
  matcherFeeAssetId: string | null
  proofs: string[]
  priceMode: PriceMode
  /** base58, version 4 only */
  attachment: string | null
  /** an Ethereum signature (0x and hex) instead of proofs: the sender's key is recovered from it (chain/eth-order.ts) */
  eip712Signature: string | null
}

export type Exchange = Extract<Tx, { type: 7 }>

/** Order.MaxAmount: 100 * 10^8 * 10^8, the bound of amounts, prices and fees. */
export const ORDER_MAX_AMOUNT = 1_000_000_000_000_000_000n
/** Order.MaxLiveTime: 30 days, in ms. */
export const ORDER_MAX_LIVE_TIME_MS = 30 * 24 * 60 * 60 * 1000
/** Order.MaxAttachmentSize, in bytes. */
export const ORDER_MAX_ATTACHMENT_BYTES = 1024
const SIGNATURE_BYTES = 64

/** The node's TxExchangeAmount, TxOrderPrice and TxMatcherFee texts. */
export const AMOUNT_RANGE = `amount should be in interval (0; ${ORDER_MAX_AMOUNT}]`
export const PRICE_RANGE = `price should be in interval (0; ${ORDER_MAX_AMOUNT}]`

function proofList(j: Json, field: string): string[] {
  const proofs = j['proofs']
  if (proofs !== undefined && proofs !== null) {
    if (!Array.isArray(proofs) || proofs.some((p) => typeof p !== 'string')) bad(`${field}.proofs`, 'expected base58 strings')
    for (const p of proofs as string[]) bytes58(p, `${field}.proofs`)
    return proofs as string[]
  }
  const signature = j['signature']
  if (typeof signature === 'string' && signature !== '') {
    bytes58(signature, `${field}.signature`)
    return [signature]
  }
  return []
}

/**
 * OrderJson.orderReads: version 1 when absent (then 2 unless the proofs are one signature), the fields of versions 1
 * and 2, and from 3 the matcher fee asset, the price mode (absent or null: default) and the attachment (base58).
 * Amounts, prices and fees out of their ranges are refused as the reads refuse them. An order signed with an Ethereum
 * key (eip712Signature, 65 bytes) carries no proofs and needs no senderPublicKey: its sender is the recovered key.
 */
export function readOrder(value: unknown, field: string, chainId: number): Order {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(field, `Order object expected: ${JSON.stringify(value)}`)
  const j = value as Json
  const proofs = proofList(j, field)
  const declared = j['version']
  let version: number
  if (declared === undefined || declared === null) version = proofs.length === 1 && base58Decode(proofs[0]!).length === SIGNATURE_BYTES ? 1 : 2
  else if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 1 && declared <= 127) version = declared
  else return bad(`${field}.version`, `Invalid version: ${JSON.stringify(declared)}`)
  const key = (name: string) => {
    const v = str(j, name)
    bytes58(v, `${field}.${name}`, 32)
    return v
  }
  const matcherPublicKey = key('matcherPublicKey')
  const pair = j['assetPair']
  if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) return bad(`${field}.assetPair`, 'expected an object')
  const orderType = j['orderType']
  if (orderType !== 'buy' && orderType !== 'sell') return bad(`${field}.orderType`, 'Unexpected OrderType')
  const amount = safeLong(j, 'amount')
  if (amount <= 0n || amount > ORDER_MAX_AMOUNT) bad(`${field}.amount`, AMOUNT_RANGE)
  const price = safeLong(j, 'price')
  if (price <= 0n) bad(`${field}.price`, 'price should be > 0')
  const matcherFee = safeLong(j, 'matcherFee')
  if (matcherFee <= 0n || matcherFee >= ORDER_MAX_AMOUNT) bad(`${field}.matcherFee`, `matcher fee should be in interval (0; ${ORDER_MAX_AMOUNT})`)
  let matcherFeeAssetId: string | null = null
  let priceMode: PriceMode = 'default'
  let attachment: string | null = null
  let eip712Signature: string | null = null
  if (version >= 3) {
    matcherFeeAssetId = assetId(j, 'matcherFeeAssetId')
    const eip712 = j['eip712Signature']
    if (eip712 !== undefined && eip712 !== null) {
      if (typeof eip712 !== 'string' || !/^(0x)?([0-9a-fA-F]{2})*$/.test(eip712)) return bad(`${field}.eip712Signature`, 'expected hex')
      eip712Signature = `0x${eip712.replace(/^0x/, '').toLowerCase()}`
    }
    const mode = j['priceMode']
    if (mode === 'assetDecimals' || mode === 'fixedDecimals') priceMode = mode
    else if (mode !== undefined && mode !== null) bad(`${field}.priceMode`, `Unexpected order price mode: ${String(mode)}`)
    const attached = j['attachment']
    if (attached !== undefined && attached !== null) {
      if (typeof attached !== 'string') return bad(`${field}.attachment`, 'expected base58')
      bytes58(attached, `${field}.attachment`)
      attachment = attached
    }
  }
  const order: Order = {
    version,
    id: '',
    sender: '',
    senderPublicKey: '',
    matcherPublicKey,
    amountAsset: assetId(pair as Json, 'amountAsset'),
    priceAsset: assetId(pair as Json, 'priceAsset'),
    orderType,
    amount,
    price,
    timestamp: Number(safeLong(j, 'timestamp')),
    expiration: Number(safeLong(j, 'expiration')),
    matcherFee,
    matcherFeeAssetId,
    proofs: eip712Signature === null ? proofs : [],
    priceMode,
    attachment,
    eip712Signature,
  }
  if (eip712Signature === null) {
    // OrderJson.readOrderV3V4: a key or an Ethereum signature, one of them
    if (j['senderPublicKey'] === undefined || j['senderPublicKey'] === null) bad(`${field}.senderPublicKey`, 'Either senderPublicKey or eip712Signature should be provided')
    order.senderPublicKey = key('senderPublicKey')
    order.sender = address({ publicKey: order.senderPublicKey }, chainId)
  } else {
    const recovered = recoverEthOrderKey(order, hexBytes(eip712Signature), chainId)
    if (recovered === null) return bad(`${field}.eip712Signature`, 'no key recovers from this signature (65 bytes: r, s, v)')
    order.senderPublicKey = recovered
    order.sender = ethKeyAddress(recovered, chainId)
  }
  order.id = base58Encode(blake2b(orderBodyBytes(order, chainId)))
  return order
}

const hexBytes = (hex: string) => Uint8Array.from(Buffer.from(hex.slice(2), 'hex'))

/** Order.isValid(atTime): the first rule the order breaks, in the node's words, or undefined. */
export function orderInvalidity(order: Order, atTime: number): string | undefined {
  if (order.amountAsset === order.priceAsset) return 'Invalid AssetPair'
  if (order.timestamp <= 0) return 'timestamp should be > 0'
  if (order.expiration - atTime > ORDER_MAX_LIVE_TIME_MS) return 'expiration should be earlier than 30 days'
  if (order.expiration < atTime) return 'expiration should be > currentTime'
  if (order.matcherFeeAssetId !== null && order.version < 3) return 'matcherFeeAssetId should be waves'
  if (order.version < 1 || order.version > 4) return 'invalid version'
  if (order.eip712Signature !== null && order.version < 4) return 'eip712Signature available only in V4'
  if (order.version < 4 && order.priceMode !== 'default') return `price mode should be default for V${order.version}`
  // Proofs.validate
  if (order.proofs.length > 8) return `Too many proofs (${order.proofs.length}), only 8 allowed`
  const biggest = Math.max(0, ...order.proofs.map((p) => base58Decode(p).length))
  if (biggest > 64) return `Too large proof (${biggest}), must be max 64 bytes`
  const attachment = order.attachment === null ? null : base58Decode(order.attachment)
  if (attachment !== null && order.version < 4) return 'non-empty attachment field is allowed only for version >= V4'
  if (attachment !== null && attachment.length > ORDER_MAX_ATTACHMENT_BYTES) return `attachment size should be <= ${ORDER_MAX_ATTACHMENT_BYTES} bytes`
  if (attachment !== null && attachment.length === 0) return 'attachment size should be > 0'
  return undefined
}

/** The order as the node prints it (OrderSerializer.toJson); amounts stay bigint. */
export function printOrder(order: Order): Json {
  const json: Json = {
    version: order.version,
    id: order.id,
    sender: order.sender,
    senderPublicKey: order.senderPublicKey,
    matcherPublicKey: order.matcherPublicKey,
    assetPair: { amountAsset: order.amountAsset, priceAsset: order.priceAsset },
    orderType: order.orderType,
    amount: order.amount,
    price: order.price,
    timestamp: order.timestamp,
    expiration: order.expiration,
    matcherFee: order.matcherFee,
    signature: order.proofs[0] ?? '',
    proofs: order.proofs,
  }
  if (order.version >= 3) json['matcherFeeAssetId'] = order.matcherFeeAssetId
  if (order.version >= 4) {
    json['eip712Signature'] = order.eip712Signature
    json['priceMode'] = order.priceMode === 'default' ? null : order.priceMode
  }
  if (order.attachment !== null) json['attachment'] = order.attachment
  return json
}

const PRICE_MODE_NAMES: Readonly<Record<PriceMode, string>> = { default: 'Default', fixedDecimals: 'FixedDecimals', assetDecimals: 'AssetDecimals' }

/** Order.toString, which the node's texts about an order quote. */
export function orderText(order: Order): string {
  const pair = `${order.amountAsset ?? 'WAVES'}-${order.priceAsset ?? 'WAVES'}`
  const feeAsset = order.version === 3 ? ` matcherFeeAssetId=${order.matcherFeeAssetId ?? 'Waves'},` : ''
  return (
    `OrderV${order.version}(id=${order.id}, sender=${order.senderPublicKey}, matcher=${order.matcherPublicKey}, pair=${pair}, ` +
    `type=${order.orderType}, amount=${order.amount}, price=${order.price}, priceMode=${PRICE_MODE_NAMES[order.priceMode]}, ` +
    `ts=${order.timestamp}, exp=${order.expiration}, fee=${order.matcherFee},${feeAsset}, ` +
    `eip712Signature=${order.eip712Signature === null ? 'None' : `Some(${base58Encode(hexBytes(order.eip712Signature))})`}, proofs=Proofs(${order.proofs.join(', ')}))`
  )
}

// --- bytes -------------------------------------------------------------------------------------------------------

class Writer {
  readonly out: number[] = []

  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.out.push(b[i]!)
    return this
  }

  long(v: bigint | number): this {
    const u = BigInt.asUintN(64, BigInt(v))
    for (let shift = 56n; shift >= 0n; shift -= 8n) this.out.push(Number((u >> shift) & 0xffn))
    return this
  }

  int(v: number): this {
    this.out.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff)
    return this
  }

  short(v: number): this {
    this.out.push((v >>> 8) & 0xff, v & 0xff)
    return this
  }

  varint(v: bigint | number): this {
    let u = BigInt.asUintN(64, BigInt(v))
    while (u >= 0x80n) {
      this.out.push(Number(u & 0x7fn) | 0x80)
      u >>= 7n
    }
    this.out.push(Number(u))
    return this
  }

  /** a protobuf varint field, left out at 0 as proto3 does */
  pbVarint(field: number, v: bigint | number): this {
    if (BigInt(v) === 0n) return this
    return this.varint(field << 3).varint(v)
  }

  /** a protobuf length-delimited field, always written */
  pbBytes(field: number, b: ArrayLike<number>): this {
    return this.varint((field << 3) | 2)
      .varint(b.length)
      .bytes(b)
  }

  /** a protobuf bytes field, left out when empty (proto3) */
  pbOptionalBytes(field: number, b: ArrayLike<number> | null): this {
    return b === null || b.length === 0 ? this : this.pbBytes(field, b)
  }

  done(): Uint8Array {
    return Uint8Array.from(this.out)
  }
}

/** Asset.byteRepr: 0 for WAVES, 1 and the id for an asset. */
const assetRepr = (asset: string | null): number[] => (asset === null ? [0] : [1, ...base58Decode(asset)])

/** waves.Amount: asset_id (absent for WAVES), amount. */
const pbAmount = (asset: string | null, amount: bigint) =>
  new Writer()
    .pbOptionalBytes(1, asset === null ? null : base58Decode(asset))
    .pbVarint(2, amount)
    .done()

/** PBOrders.protobuf: fields in their numbers' order; the proofs only in an exchange, not in the signed body. */
function pbOrder(order: Order, chainId: number, proofs: boolean): Uint8Array {
  // the sender is one of a oneof: its key (2) or its Ethereum signature (13)
  const w = new Writer().pbVarint(1, chainId)
  if (order.eip712Signature === null) w.pbBytes(2, base58Decode(order.senderPublicKey))
  w.pbBytes(3, base58Decode(order.matcherPublicKey))
    .pbBytes(
      4,
      new Writer()
        .pbOptionalBytes(1, order.amountAsset === null ? null : base58Decode(order.amountAsset))
        .pbOptionalBytes(2, order.priceAsset === null ? null : base58Decode(order.priceAsset))
        .done(),
    )
    .pbVarint(5, order.orderType === 'buy' ? 0 : 1)
    .pbVarint(6, order.amount)
    .pbVarint(7, order.price)
    .pbVarint(8, order.timestamp)
    .pbVarint(9, order.expiration)
    .pbBytes(10, pbAmount(order.matcherFeeAssetId, order.matcherFee))
    .pbVarint(11, order.version)
  if (proofs) for (const p of order.proofs) w.pbBytes(12, base58Decode(p))
  if (order.eip712Signature !== null) w.pbBytes(13, hexBytes(order.eip712Signature))
  w.pbVarint(14, order.priceMode === 'default' ? 0 : order.priceMode === 'fixedDecimals' ? 1 : 2)
  w.pbOptionalBytes(15, order.attachment === null ? null : base58Decode(order.attachment))
  return w.done()
}

/** OrderSerializer.bodyBytes: what the order's id and signature are computed over. */
export function orderBodyBytes(order: Order, chainId: number): Uint8Array {
  if (order.version >= 4) return pbOrder(order, chainId, false)
  const w = new Writer()
  if (order.version > 1) w.bytes([order.version])
  w.bytes(base58Decode(order.senderPublicKey))
    .bytes(base58Decode(order.matcherPublicKey))
    .bytes(assetRepr(order.amountAsset))
    .bytes(assetRepr(order.priceAsset))
    .bytes([order.orderType === 'buy' ? 0 : 1])
    .long(order.price)
    .long(order.amount)
    .long(order.timestamp)
    .long(order.expiration)
    .long(order.matcherFee)
  if (order.version === 3) w.bytes(assetRepr(order.matcherFeeAssetId))
  return w.done()
}

/** OrderSerializer.toBytes (versions 1 to 3): the body, then the signature (1) or the proofs (Proofs.bytes). */
function orderBytes(order: Order, chainId: number): Uint8Array {
  const w = new Writer().bytes(orderBodyBytes(order, chainId))
  if (order.version === 1) return w.bytes(order.proofs[0] === undefined ? [] : base58Decode(order.proofs[0])).done()
  w.bytes([1]).short(order.proofs.length)
  for (const p of order.proofs) {
    const b = base58Decode(p)
    w.short(b.length).bytes(b)
  }
  return w.done()
}

/** ExchangeTxSerializer.bodyBytes for versions 2 and 3. */
export function exchangeBodyBytes(tx: Exchange): Uint8Array {
  if (tx.version >= 3) {
    const data = new Writer()
      .pbVarint(1, tx.amount)
      .pbVarint(2, tx.price)
      .pbVarint(3, tx.buyMatcherFee)
      .pbVarint(4, tx.sellMatcherFee)
      .pbBytes(5, pbOrder(tx.order1, tx.chainId, true))
      .pbBytes(5, pbOrder(tx.order2, tx.chainId, true))
      .done()
    return new Writer()
      .pbVarint(1, tx.chainId)
      .pbBytes(2, base58Decode(tx.senderPublicKey))
      .pbBytes(3, pbAmount(null, tx.fee))
      .pbVarint(4, tx.timestamp)
      .pbVarint(5, tx.version)
      .pbBytes(107, data)
      .done()
  }
  const w = new Writer().bytes([0, 7, tx.version])
  for (const order of [tx.order1, tx.order2]) {
    const bytes = orderBytes(order, tx.chainId)
    w.int(bytes.length)
    if (order.version === 1) w.bytes([1])
    w.bytes(bytes)
  }
  return w.long(tx.price).long(tx.amount).long(tx.buyMatcherFee).long(tx.sellMatcherFee).long(tx.fee).long(tx.timestamp).done()
}

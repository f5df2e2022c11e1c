// Chain data to the case objects a script sees (node: lang/v1/evaluator/ctx/impl/waves/Bindings.scala): `tx` for
// verifiers and asset scripts, transferTransactionById's result, `Invocation` per version, `Asset`, `BlockInfo`.
// Inputs are plain descriptions with raw bytes (addresses 26 bytes, ids 32 bytes, keys 32 bytes), so the chain layer
// maps its own transactions here once.
import type { AssetDescription, BlockDescription, EntryValue } from '../environment.ts'
import type { StdlibVersion } from '../versions.ts'
import { CaseObj, UNIT, type Value } from '../values.ts'
import {
  addressObj,
  aliasObj,
  assetFields,
  ASSET_PAIR_FIELDS,
  ATTACHED_PAYMENT_FIELDS,
  BUY,
  orderFields,
  SELL,
  blockInfoFields,
  caseObjOf,
  DATA_ENTRY_TYPES,
  dataEntryTypeName,
  invocationFields,
  optional,
  transactionTypes,
  TRANSFER_FIELDS,
} from './waves-types.ts'

/** A recipient as a transaction names it: an address (26 bytes) or an alias name (without `alias:R:`). */
export type Recipient = { address: Uint8Array } | { alias: string }

export interface Payment {
  /** null = WAVES */
  assetId: Uint8Array | null
  amount: bigint
}

/** What every signed transaction carries (Bindings.provenTxPart). */
export interface ProvenDescription {
  id: Uint8Array
  /** in wavelets, or in the fee asset's units */
  fee: bigint
  /** ms */
  timestamp: bigint
  version: number
  /** the sender's address bytes */
  sender: Uint8Array
  senderPublicKey: Uint8Array
  bodyBytes: Uint8Array
  /** up to 8; the object always shows 8, padded with empty bytes */
  proofs: readonly Uint8Array[]
}

export type DataEntryDescription =
  | { key: string; type: 'integer' | 'boolean' | 'binary' | 'string'; value: EntryValue }
  /** a deletion (data transaction V2 with a null value) */
  | { key: string; type: null }

/** An order of an exchange (lang Ord, as the node's RealTransactionWrapper fills it). */
export interface OrderDescription {
  id: Uint8Array
  /** the sender's address bytes */
  sender: Uint8Array
  senderPublicKey: Uint8Array
  matcherPublicKey: Uint8Array
  /** null = WAVES */
  amountAsset: Uint8Array | null
  priceAsset: Uint8Array | null
  orderType: 'buy' | 'sell'
  price: bigint
  amount: bigint
  /** ms */
  timestamp: bigint
  /** ms */
  expiration: bigint
  matcherFee: bigint
  matcherFeeAssetId: Uint8Array | null
  bodyBytes: Uint8Array
  proofs: readonly Uint8Array[]
  attachment: Uint8Array | null
}

/** The dev node's transaction types, by type id, as a script sees them. */
export type TransactionDescription =
  | { type: 1; id: Uint8Array; fee: bigint; timestamp: bigint; version: number; recipient: Uint8Array; amount: bigint }
  | (ProvenDescription &
      (
        | {
            type: 3
            name: string
            description: string
            quantity: bigint
            decimals: number
            reissuable: boolean
            script: Uint8Array | null
          }
        | {
            type: 4
            feeAssetId: Uint8Array | null
            assetId: Uint8Array | null
            amount: bigint
            recipient: Recipient
            attachment: Uint8Array
          }
        | { type: 5; assetId: Uint8Array; quantity: bigint; reissuable: boolean }
        | { type: 6; assetId: Uint8Array; quantity: bigint }
        | { type: 8; amount: bigint; recipient: Recipient }
        | { type: 9; leaseId: Uint8Array }
        | { type: 10; alias: string }
        | { type: 11; assetId: Uint8Array | null; transfers: readonly { recipient: Recipient; amount: bigint }[]; attachment: Uint8Array }
        | { type: 12; data: readonly DataEntryDescription[] }
        | { type: 13; script: Uint8Array | null }
        | { type: 14; assetId: Uint8Array; minSponsoredAssetFee: bigint | null }
        | { type: 15; assetId: Uint8Array; script: Uint8Array | null }
        | {
            type: 16
            dApp: Recipient
            feeAssetId: Uint8Array | null
            /** the called function; "default" when the transaction names none */
            function: string
            /** the call's arguments as RIDE values (Int, String, Boolean, ByteVector, lists of them) */
            args: readonly Value[]
            payments: readonly Payment[]
          }
        | { type: 17; assetId: Uint8Array; name: string; description: string }
        | {
            type: 7
            buyOrder: OrderDescription
            sellOrder: OrderDescription
            price: bigint
            amount: bigint
            buyMatcherFee: bigint
            sellMatcherFee: bigint
          }
      ))

export function recipientObj(recipient: Recipient): CaseObj {
  return 'address' in recipient ? addressObj(recipient.address) : aliasObj(recipient.alias)
}

export function paymentObj(payment: Payment): CaseObj {
  return caseObjOf('AttachedPayment', ATTACHED_PAYMENT_FIELDS, { assetId: optional(payment.assetId), amount: payment.amount })
}

/** `payments` from V4, the single `payment` (the first, or unit) before (Bindings.buildPayments). */
function paymentsPart(payments: readonly Payment[], version: StdlibVersion): Record<string, Value> {
  if (version >= 4) return { payments: payments.map(paymentObj) }
  const first = payments[0]
  return { payment: first === undefined ? UNIT : paymentObj(first) }
}

function provenPart(tx: ProvenDescription, proofs: boolean): Record<string, Value> {
  const part: Record<string, Value> = {
    id: tx.id,
    fee: tx.fee,
    timestamp: tx.timestamp,
    version: BigInt(tx.version),
    sender: addressObj(tx.sender),
    senderPublicKey: tx.senderPublicKey,
    bodyBytes: tx.bodyBytes,
  }
  if (proofs) part['proofs'] = Array.from({ length: 8 }, (_, i) => tx.proofs[i] ?? new Uint8Array())
  return part
}

function dataEntryObj(entry: DataEntryDescription, version: StdlibVersion): CaseObj {
  if (entry.type === null) return caseObjOf('DeleteEntry', DATA_ENTRY_TYPES['DeleteEntry']!, { key: entry.key })
  const typeName = dataEntryTypeName(entry.type, version)
  return caseObjOf(typeName, DATA_ENTRY_TYPES[typeName]!, { key: entry.key, value: entry.value })
}

const TYPE_NAMES: Readonly<Record<TransactionDescription['type'], string>> = {
  1: 'GenesisTransaction',
  3: 'IssueTransaction',
  4: 'TransferTransaction',
  5: 'ReissueTransaction',
  6: 'BurnTransaction',
  8: 'LeaseTransaction',
  9: 'LeaseCancelTransaction',
  10: 'CreateAliasTransaction',
  11: 'MassTransferTransaction',
  12: 'DataTransaction',
  13: 'SetScriptTransaction',
  14: 'SponsorFeeTransaction',
  15: 'SetAssetScriptTransaction',
  16: 'InvokeScriptTransaction',
  17: 'UpdateAssetInfoTransaction',
  7: 'ExchangeTransaction',
}

/**
 * `Order` as a script of `version` sees it (Bindings.orderObject): the `tx` of an account script judging an order
 * (`proofs` true), and the orders inside an ExchangeTransaction, which carry their proofs except for V3 asset scripts.
 */
export function orderObject(order: OrderDescription, version: StdlibVersion, proofs: boolean): CaseObj {
  const withProofs = proofs || version !== 3
  return caseObjOf('Order', orderFields(version, withProofs), {
    id: order.id,
    matcherPublicKey: order.matcherPublicKey,
    assetPair: caseObjOf('AssetPair', ASSET_PAIR_FIELDS, { amountAsset: optional(order.amountAsset), priceAsset: optional(order.priceAsset) }),
    orderType: order.orderType === 'buy' ? BUY : SELL,
    price: order.price,
    amount: order.amount,
    timestamp: order.timestamp,
    expiration: order.expiration,
    matcherFee: order.matcherFee,
    matcherFeeAssetId: optional(order.matcherFeeAssetId),
    sender: addressObj(order.sender),
    senderPublicKey: order.senderPublicKey,
    bodyBytes: order.bodyBytes,
    attachment: optional(order.attachment),
    ...(withProofs ? { proofs: Array.from({ length: 8 }, (_, i) => order.proofs[i] ?? new Uint8Array()) } : {}),
  })
}

/**
 * A transaction as a script of `version` sees it (Bindings.transactionObject): `tx` of a verifier (`proofs` true)
 * or of an asset script (`proofs` false: asset scripts see no proofs), and transferTransactionById's result.
 * Before V4 an Issue's name and description are bytes; data entries are `DataEntry` before V4.
 * MassTransfer objects carry no `feeAssetId` in any version, though V1-V4 declare it (the node never sets it).
 * The pseudo transactions an asset script sees for a dApp's actions (Bindings.scriptTransfer, mapReissuePseudoTx,
 * mapBurnPseudoTx, mapSponsorFeePseudoTx, mapInvokePseudoTx) are descriptions with the invoke's id, fee 0, version 0,
 * empty body bytes and no proofs, shown with `proofs` false.
 */
export function transactionObject(tx: TransactionDescription, version: StdlibVersion, proofs: boolean): CaseObj {
  const typeName = TYPE_NAMES[tx.type]
  // Bindings builds the object whatever the version; scripts before V4 know no UpdateAssetInfoTransaction and see it
  // only through `case _`, so it is built as V4 declares it
  const order = transactionTypes(tx.type === 17 && version < 4 ? 4 : version, proofs)[typeName]
  if (order === undefined) throw new Error(`${typeName} does not exist in stdlib V${version}`)
  if (tx.type === 1) {
    return caseObjOf(typeName, order, {
      amount: tx.amount,
      recipient: addressObj(tx.recipient),
      id: tx.id,
      fee: tx.fee,
      timestamp: tx.timestamp,
      version: BigInt(tx.version),
    })
  }
  const common = provenPart(tx, proofs)
  let own: Record<string, Value>
  switch (tx.type) {
    case 3: {
      const text = (s: string): Value => (version >= 4 ? s : new TextEncoder().encode(s))
      own = {
        quantity: tx.quantity,
        name: text(tx.name),
        description: text(tx.description),
        reissuable: tx.reissuable,
        decimals: BigInt(tx.decimals),
        script: optional(tx.script),
      }
      break
    }
    case 4:
      own = {
        feeAssetId: optional(tx.feeAssetId),
        amount: tx.amount,
        assetId: optional(tx.assetId),
        recipient: recipientObj(tx.recipient),
        attachment: tx.attachment,
      }
      break
    case 5:
      own = { quantity: tx.quantity, assetId: tx.assetId, reissuable: tx.reissuable }
      break
    case 6:
      own = { quantity: tx.quantity, assetId: tx.assetId }
      break
    case 8:
      own = { amount: tx.amount, recipient: recipientObj(tx.recipient) }
      break
    case 9:
      own = { leaseId: tx.leaseId }
      break
    case 10:
      own = { alias: tx.alias }
      break
    case 11: {
      const transfers = tx.transfers.map((t) => caseObjOf('Transfer', TRANSFER_FIELDS, { recipient: recipientObj(t.recipient), amount: t.amount }))
      own = {
        assetId: optional(tx.assetId),
        totalAmount: tx.transfers.reduce((sum, t) => sum + t.amount, 0n),
        transfers,
        transferCount: BigInt(tx.transfers.length),
        attachment: tx.attachment,
      }
      const withoutFeeAsset = order.filter(([name]) => name !== 'feeAssetId')
      return caseObjOf(typeName, withoutFeeAsset, { ...own, ...common })
    }
    case 12:
      own = { data: tx.data.map((entry) => dataEntryObj(entry, version)) }
      break
    case 13:
      own = { script: optional(tx.script) }
      break
    case 14:
      own = { assetId: tx.assetId, minSponsoredAssetFee: optional(tx.minSponsoredAssetFee) }
      break
    case 15:
      own = { script: optional(tx.script), assetId: tx.assetId }
      break
    case 16:
      own = {
        dApp: recipientObj(tx.dApp),
        feeAssetId: optional(tx.feeAssetId),
        function: tx.function,
        args: tx.args,
        ...paymentsPart(tx.payments, version),
      }
      break
    case 17:
      own = { assetId: tx.assetId, name: tx.name, description: tx.description }
      break
    case 7:
      own = {
        buyOrder: orderObject(tx.buyOrder, version, proofs),
        sellOrder: orderObject(tx.sellOrder, version, proofs),
        price: tx.price,
        amount: tx.amount,
        buyMatcherFee: tx.buyMatcherFee,
        sellMatcherFee: tx.sellMatcherFee,
      }
      break
  }
  return caseObjOf(typeName, order, { ...own, ...common })
}

/** What a callable's `Invocation` is built from (ContractEvaluator.Invocation). */
export interface InvocationDescription {
  /** the caller's address bytes */
  caller: Uint8Array
  callerPublicKey: Uint8Array
  /** the first caller of a chain of `invoke`s; the caller itself for a direct call */
  originCaller: Uint8Array
  originCallerPublicKey: Uint8Array
  /** the invoke transaction's id (the outer one in nested calls) */
  transactionId: Uint8Array
  /** the invoke transaction's fee (the outer one in nested calls) */
  fee: bigint
  feeAssetId: Uint8Array | null
  payments: readonly Payment[]
}

/** `Invocation` per version (Bindings.buildInvocation): V3 `payment`, V4+ `payments`, V5+ originCaller and its key. */
export function invocationObject(invocation: InvocationDescription, version: StdlibVersion): CaseObj {
  return caseObjOf('Invocation', invocationFields(version), {
    ...paymentsPart(invocation.payments, version),
    caller: addressObj(invocation.caller),
    callerPublicKey: invocation.callerPublicKey,
    transactionId: invocation.transactionId,
    fee: invocation.fee,
    feeAssetId: optional(invocation.feeAssetId),
    originCaller: addressObj(invocation.originCaller),
    originCallerPublicKey: invocation.originCallerPublicKey,
  })
}

/** `Asset` per version (Bindings.buildAssetInfo): V3 `sponsored`, V4+ minSponsoredFee, name, description. */
export function assetObject(asset: AssetDescription, version: StdlibVersion): CaseObj {
  return caseObjOf('Asset', assetFields(version), {
    id: asset.id,
    quantity: asset.quantity,
    decimals: BigInt(asset.decimals),
    issuer: addressObj(asset.issuer),
    issuerPublicKey: asset.issuerPublicKey,
    reissuable: asset.reissuable,
    scripted: asset.scripted,
    sponsored: asset.minSponsoredFee !== null,
    minSponsoredFee: optional(asset.minSponsoredFee),
    name: asset.name,
    description: asset.description,
  })
}

/** `BlockInfo` per version (Bindings.buildBlockInfo): V4+ vrf, V7+ rewards as (Address, Int) tuples. */
export function blockInfoObject(block: BlockDescription, version: StdlibVersion): CaseObj {
  const rewards = (block.rewards ?? []).map(
    (r) =>
      new CaseObj(
        'Tuple',
        new Map<string, Value>([
          ['_1', addressObj(r.address)],
          ['_2', r.reward],
        ]),
      ),
  )
  return caseObjOf('BlockInfo', blockInfoFields(version), {
    timestamp: block.timestamp,
    height: BigInt(block.height),
    baseTarget: block.baseTarget,
    generationSignature: block.generationSignature,
    generator: addressObj(block.generator),
    generatorPublicKey: block.generatorPublicKey,
    vrf: optional(block.vrf),
    rewards,
  })
}

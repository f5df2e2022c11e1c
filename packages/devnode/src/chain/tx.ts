// Reads a broadcast transaction: checks its shape, recomputes its id with @waves/waves-transactions,
// verifies its signature with @waves/ts-lib-crypto, and prints it back as the node does.
import wavesTransactions from '@waves/waves-transactions'
import { address, base58Decode, base58Encode, blake2b, verifyAddress, verifySignature } from '../crypto.ts'
import { invokeBodyBytes } from './invoke-bytes.ts'
import { MAX_LONG } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import type { DataWrite } from '../state/state.ts'
import { checkAssetInfo } from './update-asset-info.ts'
import { exchangeBodyBytes, printOrder, readOrder, type Order } from './order.ts'
import { checkExchange } from './exchange.ts'

const { makeTxBytes } = wavesTransactions

/** Transaction types and the version waves-transactions v4 builds for each. */
export const SUPPORTED_VERSIONS: ReadonlyMap<number, number> = new Map([
  [3, 3],
  [4, 3],
  [5, 3],
  [6, 3],
  [7, 3],
  [8, 3],
  [9, 3],
  [10, 3],
  [11, 2],
  [12, 2],
  [13, 2],
  [14, 2],
  [15, 2],
  [16, 2],
  [17, 1],
])

/**
 * The versions a node 1.5.7 accepts for each type (Versioned.ToV2 and ToV3) that are read here, and the first one whose
 * body is protobuf (PBSince). Before it the body is the legacy binary one, written by @waves/waves-transactions as well.
 * Version 1 of types 3 to 10 is signed with a `signature` field and legacy bytes the library no longer writes, so it is
 * not read here.
 */
export const VERSION_RANGES: ReadonlyMap<number, { oldest: number; newest: number; protobufSince: number }> = new Map(
  [...SUPPORTED_VERSIONS].map(([type, newest]) => [type, { oldest: type <= 10 ? 2 : 1, newest, protobufSince: newest }]),
)

/** The node's TransactionType names (`${name}Transaction` in its texts). */
export const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Genesis',
  3: 'Issue',
  4: 'Transfer',
  5: 'Reissue',
  6: 'Burn',
  7: 'Exchange',
  8: 'Lease',
  9: 'LeaseCancel',
  10: 'CreateAlias',
  11: 'MassTransfer',
  12: 'Data',
  13: 'SetScript',
  14: 'SponsorFee',
  15: 'SetAssetScript',
  16: 'InvokeScript',
  17: 'UpdateAssetInfo',
}

/** Alias names (Alias.scala): 4..30 characters of this alphabet. */
export const ALIAS_ALPHABET = '-.0123456789@_abcdefghijklmnopqrstuvwxyz'
const ALIAS_MIN_LENGTH = 4
const ALIAS_MAX_LENGTH = 30
/** ContractLimits.MaxInvokeScriptSizeInBytes: the protobuf invoke data (dApp, call, payments). */
export const MAX_INVOKE_SCRIPT_BYTES = 5_120
/** ContractLimits.MaxDeclarationNameInBytes: a callable's name. */
export const MAX_DECLARATION_NAME_BYTES = 255

interface Common {
  id: string
  version: number
  chainId: number
  sender: string
  senderPublicKey: string
  fee: bigint
  feeAssetId: string | null
  timestamp: number
  proofs: string[]
}

export type Tx = Common &
  (
    | { type: 3; name: string; description: string; quantity: bigint; decimals: number; reissuable: boolean; script: string | null }
    | { type: 4; recipient: string; assetId: string | null; amount: bigint; attachment: string }
    | { type: 5; assetId: string; quantity: bigint; reissuable: boolean }
    | { type: 6; assetId: string; amount: bigint }
    | { type: 8; recipient: string; amount: bigint }
    | { type: 9; leaseId: string }
    | { type: 10; alias: string }
    | { type: 14; assetId: string; minSponsoredAssetFee: bigint | null }
    | { type: 11; assetId: string | null; transfers: { recipient: string; amount: bigint }[]; attachment: string }
    | { type: 12; data: DataWrite[] }
    | { type: 13; script: string | null }
    | { type: 15; assetId: string; script: string }
    | {
        type: 16
        dApp: string
        call: { function: string; args: CallArg[] } | null
        payment: { amount: bigint; assetId: string | null }[]
      }
    | { type: 17; assetId: string; name: string; description: string }
    | { type: 7; order1: Order; order2: Order; amount: bigint; price: bigint; buyMatcherFee: bigint; sellMatcherFee: bigint }
  )

/** An invoke's call argument as the transaction carries it. */
export type CallArg =
  | { type: 'integer'; value: bigint }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'binary'; value: Uint8Array }
  | { type: 'list'; value: CallArg[] }

export type Json = Record<string, unknown>

export function bad(field: string, why: string): never {
  throw nodeErrors.wrongJson(`${field}: ${why}`)
}

function long(json: Json, field: string): bigint {
  const v = json[field]
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v)
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v)) return BigInt(v)
  return bad(field, 'expected an integer')
}

export function safeLong(json: Json, field: string): bigint {
  const v = long(json, field)
  if (v > MAX_LONG || v < -MAX_LONG - 1n) bad(field, 'out of the 64-bit range')
  return v
}

function int(json: Json, field: string, min: number, max: number): number {
  const v = Number(safeLong(json, field))
  if (v < min || v > max) bad(field, `expected ${min}..${max}`)
  return v
}

export function str(json: Json, field: string): string {
  const v = json[field]
  return typeof v === 'string' ? v : bad(field, 'expected a string')
}

function optionalStr(json: Json, field: string, fallback: string): string {
  const v = json[field]
  return v === undefined || v === null ? fallback : typeof v === 'string' ? v : bad(field, 'expected a string')
}

export function bytes58(value: string, field: string, length?: number): Uint8Array {
  let decoded: Uint8Array
  try {
    decoded = base58Decode(value)
  } catch {
    return bad(field, 'expected base58')
  }
  if (length !== undefined && decoded.length !== length) bad(field, `expected ${length} bytes`)
  return decoded
}

/**
 * Base64 as the node reads it from JSON (Base64.decode): an optional `base64:` prefix, then java.util.Base64's basic
 * alphabet, where the `=` padding may be left out but must be whole when present. Null when the node refuses it.
 */
export function decodeBase64(value: string): Uint8Array | null {
  const text = value.startsWith('base64:') ? value.slice('base64:'.length) : value
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  const digits = text.replace(/=+$/, '')
  if (digits.length % 4 === 1 || (digits.length !== text.length && text.length % 4 !== 0)) return null
  return Uint8Array.from(Buffer.from(digits, 'base64'))
}

/** A base64 field, in the form the node prints it back (`base64:` and the padded encoding). */
function base64(value: unknown, field: string): string {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null
  if (bytes === null) return bad(field, 'expected base64')
  return `base64:${Buffer.from(bytes).toString('base64')}`
}

export function assetId(json: Json, field: string): string | null {
  const v = json[field]
  if (v === undefined || v === null || v === 'WAVES') return null
  if (typeof v !== 'string') return bad(field, 'expected an asset id')
  bytes58(v, field, 32)
  return v
}

function array(json: Json, field: string): Json[] {
  const v = json[field]
  if (!Array.isArray(v)) return bad(field, 'expected an array')
  return v.map((item, i) => (typeof item === 'object' && item !== null ? (item as Json) : bad(`${field}[${i}]`, 'expected an object')))
}

/** An address of this chain, checked as the node does (102 invalid address). */
export function checkAddress(value: string, chainId: number): string {
  let valid = false
  try {
    valid = base58Decode(value).length === 26 && verifyAddress(value, { chainId })
  } catch {
    valid = false
  }
  if (!valid) throw nodeErrors.invalidAddress()
  return value
}

/**
 * An alias name checked as Alias.createWithChainId does; throws the node's GenericError text (199).
 * `name` is the bare name, without `alias:R:`.
 */
export function checkAliasName(name: string): string {
  if (name.length < ALIAS_MIN_LENGTH || name.length > ALIAS_MAX_LENGTH) {
    throw nodeErrors.custom(`Alias '${name}' length should be between ${ALIAS_MIN_LENGTH} and ${ALIAS_MAX_LENGTH}`)
  }
  for (const c of name) if (!ALIAS_ALPHABET.includes(c)) throw nodeErrors.custom(`Alias should contain only following characters: ${ALIAS_ALPHABET}`)
  return name
}

/** `alias:R:name` as Alias.fromString reads it (its texts; another chain's alias is WrongChain, 404). */
export function readAlias(value: string, chainId: number): string {
  const pattern = "Alias string pattern is 'alias:<chain-id>:<address-alias>"
  const rest = value.slice('alias:'.length)
  if (!value.startsWith('alias:') || rest.length < 2 || rest[1] !== ':') throw nodeErrors.custom(pattern)
  const name = checkAliasName(rest.slice(2))
  const aliasChain = rest.charCodeAt(0) & 0xff
  if (aliasChain !== chainId) throw nodeErrors.wrongChain(chainId, aliasChain)
  return name
}

/** A recipient as the transaction names it: an address of this chain, or `alias:<chain>:<name>` (resolved on apply). */
function recipient(json: Json, field: string, chainId: number): string {
  const v = str(json, field)
  if (v.startsWith('alias:')) {
    readAlias(v, chainId)
    return v
  }
  return checkAddress(v, chainId)
}

function requiredAssetId(json: Json, field: string): string {
  const v = json[field]
  if (typeof v !== 'string') return bad(field, 'expected an asset id')
  bytes58(v, field, 32)
  return v
}

function callArg(json: Json, field: string, depth = 0): CallArg {
  const type = str(json, 'type')
  const value = json['value']
  switch (type) {
    case 'integer':
      return { type, value: safeLong(json, 'value') }
    case 'string':
      return { type, value: typeof value === 'string' ? value : bad(field, 'expected a string value') }
    case 'boolean':
      return { type, value: typeof value === 'boolean' ? value : bad(field, 'expected a boolean value') }
    case 'binary': {
      const bytes = typeof value === 'string' ? decodeBase64(value) : null
      return bytes === null ? bad(field, 'expected base64') : { type, value: bytes }
    }
    case 'list':
      if (depth > 0) bad(field, 'lists cannot be nested')
      return { type, value: array(json, 'value').map((item, i) => callArg(item, `${field}[${i}]`, depth + 1)) }
    default:
      return bad(field, `unknown argument type ${type}`)
  }
}

function dataWrite(json: Json, field: string): DataWrite {
  const key = str(json, 'key')
  const type = json['type']
  const value = json['value']
  if ((type === undefined || type === null) && value === null) return { key, type: null, value: null }
  switch (type) {
    case 'integer':
      return { key, type, value: safeLong(json, 'value') }
    case 'boolean':
      return { key, type, value: typeof value === 'boolean' ? value : bad(field, 'expected a boolean value') }
    case 'string':
      return { key, type, value: typeof value === 'string' ? value : bad(field, 'expected a string value') }
    case 'binary':
      return { key, type, value: base64(value, field) }
    default:
      return bad(field, 'unknown entry type')
  }
}

/** Transactions whose first proof was checked as the sender's signature when they were read. */
const signed = new WeakSet<Tx>()

/** Whether `tx` carries its sender's signature; checked once (readTransaction checks it unless told not to). */
export function isSigned(tx: Tx): boolean {
  if (signed.has(tx)) return true
  const proof = tx.proofs[0]
  let valid = false
  try {
    valid = proof !== undefined && base58Decode(proof).length === 64 && verifySignature(tx.senderPublicKey, bodyBytes(tx), proof)
  } catch {
    valid = false
  }
  if (valid) signed.add(tx)
  return valid
}

/**
 * Parses and authenticates a broadcast transaction; throws the node's error otherwise. When `scripted(sender)` is
 * true the proofs are left to the account's verifier, as a node does for an account with a script (Verifier.apply).
 */
export function readTransaction(json: unknown, chainId: number, scripted: (sender: string) => boolean = () => false): Tx {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) bad('obj', 'expected a transaction object')
  const j = json as Json
  const type = int(j, 'type', 0, 255)
  const expectedVersion = SUPPORTED_VERSIONS.get(type)
  if (expectedVersion === undefined) throw nodeErrors.unsupportedType()
  const version = j['version'] === undefined ? expectedVersion : int(j, 'version', 1, 255)
  const range = VERSION_RANGES.get(type)!
  if (version < range.oldest || version > range.newest) {
    throw nodeErrors.custom(
      `waves-devnode accepts ${TYPE_NAMES[type]}Transaction versions ${range.oldest} to ${range.newest}, got version ${version}`,
    )
  }
  const txChainId = j['chainId'] === undefined ? chainId : int(j, 'chainId', 0, 255)
  if (txChainId !== chainId) throw nodeErrors.wrongChain(chainId, txChainId)
  const senderPublicKey = str(j, 'senderPublicKey')
  try {
    bytes58(senderPublicKey, 'senderPublicKey', 32)
  } catch {
    throw nodeErrors.invalidPublicKey()
  }
  const proofs = j['proofs'] ?? []
  if (!Array.isArray(proofs) || proofs.some((p) => typeof p !== 'string')) bad('proofs', 'expected base58 strings')
  if (proofs.length > 8) throw nodeErrors.invalidProofs('Too many proofs (8 max)')
  const common = {
    version,
    chainId,
    senderPublicKey,
    sender: address({ publicKey: senderPublicKey }, chainId),
    fee: safeLong(j, 'fee'),
    feeAssetId: assetId(j, 'feeAssetId'),
    timestamp: Number(safeLong(j, 'timestamp')),
    proofs: proofs as string[],
  }
  let tx: Tx
  switch (type) {
    case 3:
      tx = {
        ...common,
        type,
        id: '',
        name: str(j, 'name'),
        description: optionalStr(j, 'description', ''),
        quantity: safeLong(j, 'quantity'),
        decimals: int(j, 'decimals', 0, 255),
        reissuable: j['reissuable'] === true,
        script: j['script'] === undefined || j['script'] === null ? null : base64(j['script'], 'script'),
      }
      break
    case 4:
      tx = {
        ...common,
        type,
        id: '',
        recipient: recipient(j, 'recipient', chainId),
        assetId: assetId(j, 'assetId'),
        amount: safeLong(j, 'amount'),
        attachment: optionalStr(j, 'attachment', ''),
      }
      break
    case 5:
      tx = { ...common, type, id: '', assetId: requiredAssetId(j, 'assetId'), quantity: safeLong(j, 'quantity'), reissuable: j['reissuable'] === true }
      break
    case 6:
      tx = { ...common, type, id: '', assetId: requiredAssetId(j, 'assetId'), amount: safeLong(j, 'amount') }
      break
    case 8:
      tx = { ...common, type, id: '', recipient: recipient(j, 'recipient', chainId), amount: safeLong(j, 'amount') }
      break
    case 9:
      tx = { ...common, type, id: '', leaseId: requiredAssetId(j, 'leaseId') }
      break
    case 10:
      tx = { ...common, type, id: '', alias: checkAliasName(str(j, 'alias')) }
      break
    case 14: {
      const min = j['minSponsoredAssetFee']
      tx = { ...common, type, id: '', assetId: requiredAssetId(j, 'assetId'), minSponsoredAssetFee: min === undefined || min === null ? null : safeLong(j, 'minSponsoredAssetFee') }
      break
    }
    case 11:
      tx = {
        ...common,
        type,
        id: '',
        assetId: assetId(j, 'assetId'),
        transfers: array(j, 'transfers').map((t) => ({ recipient: recipient(t, 'recipient', chainId), amount: safeLong(t, 'amount') })),
        attachment: optionalStr(j, 'attachment', ''),
      }
      break
    case 12:
      tx = { ...common, type, id: '', data: array(j, 'data').map((d, i) => dataWrite(d, `data[${i}]`)) }
      // DataTxValidator: the legacy body has no form for a deletion
      if (version === 1 && tx.data.some((d) => d.type === null)) throw nodeErrors.custom('Empty data is not allowed in V1')
      break
    case 13:
      tx = { ...common, type, id: '', script: j['script'] === undefined || j['script'] === null ? null : base64(j['script'], 'script') }
      break
    case 15: {
      // SetAssetScriptTxValidator: an asset script cannot be removed
      if (j['script'] === undefined || j['script'] === null) throw nodeErrors.custom('Cannot set empty script')
      tx = { ...common, type, id: '', assetId: requiredAssetId(j, 'assetId'), script: base64(j['script'], 'script') }
      break
    }
    case 16: {
      const call = j['call']
      let parsedCall: { function: string; args: CallArg[] } | null = null
      if (call !== undefined && call !== null) {
        if (typeof call !== 'object' || Array.isArray(call)) bad('call', 'expected an object')
        const c = call as Json
        parsedCall = { function: str(c, 'function'), args: (c['args'] === undefined ? [] : array(c, 'args')).map((a, i) => callArg(a, `call.args[${i}]`)) }
      }
      tx = {
        ...common,
        type,
        id: '',
        dApp: recipient(j, 'dApp', chainId),
        call: parsedCall,
        payment: (j['payment'] === undefined ? [] : array(j, 'payment')).map((p) => ({ amount: safeLong(p, 'amount'), assetId: assetId(p, 'assetId') })),
      }
      break
    }
    case 17:
      // UpdateAssetInfoRequest: the description is required, as the name is
      tx = { ...common, type, id: '', assetId: requiredAssetId(j, 'assetId'), name: str(j, 'name'), description: str(j, 'description') }
      checkAssetInfo(tx)
      break
    case 7: {
      const order1 = readOrder(j['order1'], 'order1', chainId)
      const order2 = readOrder(j['order2'], 'order2', chainId)
      // the matcher sends it (ExchangeTransaction.sender: the buy order's matcher) and pays its fee in WAVES
      const matcher = (order1.orderType === 'buy' ? order1 : order2).matcherPublicKey
      tx = {
        ...common,
        senderPublicKey: matcher,
        sender: address({ publicKey: matcher }, chainId),
        feeAssetId: null,
        type,
        id: '',
        order1,
        order2,
        amount: safeLong(j, 'amount'),
        price: safeLong(j, 'price'),
        buyMatcherFee: safeLong(j, 'buyMatcherFee'),
        sellMatcherFee: safeLong(j, 'sellMatcherFee'),
      }
      checkExchange(tx)
      break
    }
    default:
      throw nodeErrors.unsupportedType()
  }
  const body = bodyBytes(tx)
  tx.id = base58Encode(blake2b(body))
  if (tx.type === 16) checkInvokeSize(tx, body)
  if (typeof j['id'] === 'string' && j['id'] !== tx.id) {
    throw nodeErrors.invalidSignature()
  }
  if (scripted(tx.sender)) return tx
  const proof = tx.proofs[0]
  let valid = false
  try {
    valid = proof !== undefined && base58Decode(proof).length === 64 && verifySignature(tx.senderPublicKey, body, proof)
  } catch {
    valid = false
  }
  if (!valid) throw nodeErrors.invalidSignature()
  signed.add(tx)
  return tx
}

/**
 * InvokeScriptTxValidator: the callable's name at most 255 bytes, and the protobuf invoke data (field 116, invoke_script, of the
 * protobuf body: dApp, call, payments) at most 5,120 bytes. Both are GenericErrors (199).
 */
function checkInvokeSize(tx: Extract<Tx, { type: 16 }>, body: Uint8Array): void {
  const nameSize = tx.call === null ? 0 : Buffer.byteLength(tx.call.function, 'utf8')
  if (nameSize > MAX_DECLARATION_NAME_BYTES) {
    throw nodeErrors.custom(`Callable function name size = ${nameSize} bytes must be less than ${MAX_DECLARATION_NAME_BYTES}`)
  }
  // Before protobuf the node limits the whole legacy transaction: a 0 byte, the body and the proofs (Proofs.bytes).
  const length =
    tx.version >= VERSION_RANGES.get(16)!.protobufSince
      ? protobufFieldLength(body, 116)
      : 1 + body.length + 3 + tx.proofs.reduce((sum, p) => sum + 2 + base58Decode(p).length, 0)
  if (length > MAX_INVOKE_SCRIPT_BYTES) {
    throw nodeErrors.custom(`InvokeScriptTransaction bytes length = ${length} exceeds limit = ${MAX_INVOKE_SCRIPT_BYTES}`)
  }
}

/** The length of a top-level length-delimited field of a protobuf message (0 when absent). */
export function protobufFieldLength(message: Uint8Array, field: number): number {
  let at = 0
  const varint = (): number => {
    let value = 0
    let scale = 1
    for (;;) {
      const b = message[at++]
      if (b === undefined) return bad('bodyBytes', 'truncated protobuf')
      value += (b & 0x7f) * scale
      if ((b & 0x80) === 0) return value
      scale *= 128
    }
  }
  while (at < message.length) {
    const key = varint()
    const wire = key % 8
    if (wire === 0) varint()
    else if (wire === 1) at += 8
    else if (wire === 5) at += 4
    else if (wire === 2) {
      const length = varint()
      if (Math.floor(key / 8) === field) return length
      at += length
    } else return bad('bodyBytes', 'unexpected protobuf wire type')
  }
  return 0
}

/**
 * The body bytes the id and the signature are computed over: written here for exchanges (chain/order.ts) and most
 * invokes (chain/invoke-bytes.ts), by @waves/waves-transactions otherwise.
 */
export function bodyBytes(tx: Tx): Uint8Array {
  if (tx.type === 7) return exchangeBodyBytes(tx)
  const direct = tx.type === 16 ? invokeBodyBytes(tx) : null
  if (direct !== null) return direct
  const wire = toWire(tx)
  try {
    return makeTxBytes(wire as unknown as Parameters<typeof makeTxBytes>[0])
  } catch (e) {
    throw nodeErrors.wrongJson(e instanceof Error ? e.message : String(e))
  }
}

function toWire(tx: Tx): Json {
  // Legacy bodies of some types carry the chain id that the JSON of their version leaves out.
  const json = { ...printTx(tx), chainId: tx.chainId }
  return JSON.parse(JSON.stringify(json, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Json
}

function printArg(arg: CallArg): Json {
  switch (arg.type) {
    case 'binary':
      return { type: 'binary', value: `base64:${Buffer.from(arg.value).toString('base64')}` }
    case 'list':
      return { type: 'list', value: arg.value.map(printArg) }
    default:
      return { type: arg.type, value: arg.value }
  }
}

/** The transaction as the node prints it (`tx.json()`); amounts stay bigint until written. */
export function printTx(tx: Tx): Json {
  // BaseTxJson prints chainId only from the version signed as protobuf on (PBSince.affects).
  const chain = tx.version >= VERSION_RANGES.get(tx.type)!.protobufSince ? { chainId: tx.chainId } : {}
  const head: Json = { type: tx.type, id: tx.id, fee: tx.fee, feeAssetId: tx.feeAssetId, timestamp: tx.timestamp, version: tx.version, ...chain, sender: tx.sender, senderPublicKey: tx.senderPublicKey, proofs: tx.proofs }
  switch (tx.type) {
    case 3:
      return { ...head, assetId: tx.id, name: tx.name, quantity: tx.quantity, reissuable: tx.reissuable, decimals: tx.decimals, description: tx.description, script: tx.script }
    case 4:
      return { ...head, recipient: tx.recipient, assetId: tx.assetId, feeAsset: tx.feeAssetId, amount: tx.amount, attachment: tx.attachment }
    case 5:
      return { ...head, assetId: tx.assetId, quantity: tx.quantity, reissuable: tx.reissuable }
    case 6:
      return { ...head, assetId: tx.assetId, amount: tx.amount }
    case 8:
      return { ...head, amount: tx.amount, recipient: tx.recipient }
    case 9:
      return { ...head, leaseId: tx.leaseId }
    case 10:
      return { ...head, alias: tx.alias }
    case 14:
      return { ...head, assetId: tx.assetId, minSponsoredAssetFee: tx.minSponsoredAssetFee }
    case 11:
      return { ...head, assetId: tx.assetId, attachment: tx.attachment, transferCount: tx.transfers.length, totalAmount: tx.transfers.reduce((s, t) => s + t.amount, 0n), transfers: tx.transfers }
    case 12:
      return { ...head, data: tx.data.map((d) => (d.type === null ? { key: d.key, value: null } : { key: d.key, type: d.type, value: d.value })) }
    case 13:
      return { ...head, script: tx.script }
    case 15:
      return { ...head, assetId: tx.assetId, script: tx.script }
    case 16:
      return { ...head, dApp: tx.dApp, payment: tx.payment, call: tx.call && { function: tx.call.function, args: tx.call.args.map(printArg) } }
    case 17:
      return { ...head, assetId: tx.assetId, name: tx.name, description: tx.description }
    case 7:
      return { ...head, order1: printOrder(tx.order1), order2: printOrder(tx.order2), amount: tx.amount, price: tx.price, buyMatcherFee: tx.buyMatcherFee, sellMatcherFee: tx.sellMatcherFee }
  }
}

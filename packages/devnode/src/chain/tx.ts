// Reads a broadcast transaction: checks its shape, recomputes its id with @waves/waves-transactions,
// verifies its signature with @waves/ts-lib-crypto, and prints it back as the node does.
import wavesTransactions from '@waves/waves-transactions'
import { address, base58Decode, base58Encode, blake2b, verifyAddress, verifySignature } from '../crypto.ts'
import { MAX_LONG } from '../constants.ts'
import { nodeErrors } from '../errors.ts'
import type { DataWrite } from '../state/state.ts'

const { makeTxBytes } = wavesTransactions

/** Transaction types and the version waves-transactions v4 builds for each. */
export const SUPPORTED_VERSIONS: Readonly<Record<number, number>> = { 3: 3, 4: 3, 11: 2, 12: 2, 13: 2, 16: 2 }

export const TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Genesis',
  3: 'Issue',
  4: 'Transfer',
  11: 'MassTransfer',
  12: 'Data',
  13: 'SetScript',
  16: 'InvokeScript',
}

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
    | { type: 11; assetId: string | null; transfers: { recipient: string; amount: bigint }[]; attachment: string }
    | { type: 12; data: DataWrite[] }
    | { type: 13; script: string | null }
    | {
        type: 16
        dApp: string
        call: { function: string; args: CallArg[] } | null
        payment: { amount: bigint; assetId: string | null }[]
      }
  )

/** An invoke's call argument as the transaction carries it. */
export type CallArg =
  | { type: 'integer'; value: bigint }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'binary'; value: Uint8Array }
  | { type: 'list'; value: CallArg[] }

type Json = Record<string, unknown>

function bad(field: string, why: string): never {
  throw nodeErrors.wrongJson(`${field}: ${why}`)
}

function long(json: Json, field: string): bigint {
  const v = json[field]
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v)
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v)) return BigInt(v)
  return bad(field, 'expected an integer')
}

function safeLong(json: Json, field: string): bigint {
  const v = long(json, field)
  if (v > MAX_LONG || v < -MAX_LONG - 1n) bad(field, 'out of the 64-bit range')
  return v
}

function int(json: Json, field: string, min: number, max: number): number {
  const v = Number(safeLong(json, field))
  if (v < min || v > max) bad(field, `expected ${min}..${max}`)
  return v
}

function str(json: Json, field: string): string {
  const v = json[field]
  return typeof v === 'string' ? v : bad(field, 'expected a string')
}

function optionalStr(json: Json, field: string, fallback: string): string {
  const v = json[field]
  return v === undefined || v === null ? fallback : typeof v === 'string' ? v : bad(field, 'expected a string')
}

function bytes58(value: string, field: string, length?: number): Uint8Array {
  let decoded: Uint8Array
  try {
    decoded = base58Decode(value)
  } catch {
    return bad(field, 'expected base58')
  }
  if (length !== undefined && decoded.length !== length) bad(field, `expected ${length} bytes`)
  return decoded
}

function assetId(json: Json, field: string): string | null {
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

function recipient(json: Json, field: string, chainId: number): string {
  const v = str(json, field)
  if (v.startsWith('alias:')) throw nodeErrors.custom('waves-devnode does not support aliases')
  return checkAddress(v, chainId)
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
      if (typeof value !== 'string' || !value.startsWith('base64:')) return bad(field, 'expected base64:...')
      return { type, value: Uint8Array.from(Buffer.from(value.slice(7), 'base64')) }
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
      if (typeof value !== 'string' || !value.startsWith('base64:')) return bad(field, 'expected base64:...')
      return { key, type, value }
    default:
      return bad(field, 'unknown entry type')
  }
}

/** Parses and authenticates a broadcast transaction; throws the node's error otherwise. */
export function readTransaction(json: unknown, chainId: number): Tx {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) bad('obj', 'expected a transaction object')
  const j = json as Json
  const type = int(j, 'type', 0, 255)
  const expectedVersion = SUPPORTED_VERSIONS[type]
  if (expectedVersion === undefined) throw nodeErrors.unsupportedType()
  const version = j['version'] === undefined ? expectedVersion : int(j, 'version', 1, 255)
  if (version !== expectedVersion) {
    throw nodeErrors.custom(
      `waves-devnode accepts ${TYPE_NAMES[type]}Transaction version ${expectedVersion} only (what @waves/waves-transactions v4 builds), got version ${version}`,
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
        script: j['script'] === undefined || j['script'] === null ? null : str(j, 'script'),
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
      break
    case 13:
      tx = { ...common, type, id: '', script: j['script'] === undefined || j['script'] === null ? null : str(j, 'script') }
      if (tx.script !== null && !tx.script.startsWith('base64:')) bad('script', 'expected base64:...')
      break
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
    default:
      throw nodeErrors.unsupportedType()
  }
  const body = bodyBytes(tx)
  tx.id = base58Encode(blake2b(body))
  if (typeof j['id'] === 'string' && j['id'] !== tx.id) {
    throw nodeErrors.invalidSignature()
  }
  const proof = tx.proofs[0]
  let valid = false
  try {
    valid = proof !== undefined && base58Decode(proof).length === 64 && verifySignature(tx.senderPublicKey, body, proof)
  } catch {
    valid = false
  }
  if (!valid) throw nodeErrors.invalidSignature()
  return tx
}

/** The body bytes the id and the signature are computed over, by @waves/waves-transactions. */
export function bodyBytes(tx: Tx): Uint8Array {
  const wire = toWire(tx)
  try {
    return makeTxBytes(wire as unknown as Parameters<typeof makeTxBytes>[0])
  } catch (e) {
    throw nodeErrors.wrongJson(e instanceof Error ? e.message : String(e))
  }
}

function toWire(tx: Tx): Json {
  const json = printTx(tx)
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
  const head: Json = { type: tx.type, id: tx.id, fee: tx.fee, feeAssetId: tx.feeAssetId, timestamp: tx.timestamp, version: tx.version, chainId: tx.chainId, sender: tx.sender, senderPublicKey: tx.senderPublicKey, proofs: tx.proofs }
  switch (tx.type) {
    case 3:
      return { ...head, assetId: tx.id, name: tx.name, quantity: tx.quantity, reissuable: tx.reissuable, decimals: tx.decimals, description: tx.description, script: tx.script }
    case 4:
      return { ...head, recipient: tx.recipient, assetId: tx.assetId, feeAsset: tx.feeAssetId, amount: tx.amount, attachment: tx.attachment }
    case 11:
      return { ...head, assetId: tx.assetId, attachment: tx.attachment, transferCount: tx.transfers.length, totalAmount: tx.transfers.reduce((s, t) => s + t.amount, 0n), transfers: tx.transfers }
    case 12:
      return { ...head, data: tx.data.map((d) => (d.type === null ? { key: d.key, value: null } : { key: d.key, type: d.type, value: d.value })) }
    case 13:
      return { ...head, script: tx.script }
    case 16:
      return { ...head, dApp: tx.dApp, payment: tx.payment, call: tx.call && { function: tx.call.function, args: tx.call.args.map(printArg) } }
  }
}

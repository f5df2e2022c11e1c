// WavesContext's functions and chain-bound globals, V1-V8 (node: lang/v1/evaluator/ctx/impl/waves/Functions.scala,
// WavesContext.scala, Vals.scala; the node-side reads in node/.../smart/WavesEnvironment.scala, whose answers to bad
// addresses and unknown aliases are reproduced here over the byte-level Environment).
import { concatBytes } from '@noble/hashes/utils.js'
import { base58Decode, base58Encode } from '../../crypto.ts'
import type { EntryType, EntryValue, Environment } from '../environment.ts'
import { STDLIB_VERSIONS, type StdlibVersion } from '../versions.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import { addressFromPublicKey, invalidAddressReason, secureHash } from './addresses.ts'
import { assetObject, blockInfoObject, transactionObject } from './bindings.ts'
import { blake2b256, bytesArg, cantApply, costFrom, costSteps, native } from './crypto.ts'
import { transferFromProto } from './transfer-proto.ts'
import type { CallContext, CostByVersion, GlobalValue, NativeFunction, StdlibEntry, UserFunction } from './types.ts'
import {
  ACTION_TYPES,
  addressObj,
  BALANCE_DETAILS_FIELDS,
  caseObjOf,
  expectedTransaction,
  wavesTypeEntries,
} from './waves-types.ts'

const ADDRESS_LENGTH = 26
const ALIAS_ALPHABET = '-.0123456789@_abcdefghijklmnopqrstuvwxyz'

function versions(from: StdlibVersion, to: StdlibVersion = 8): StdlibVersion[] {
  return STDLIB_VERSIONS.filter((v) => v >= from && v <= to)
}
function only(costs: CostByVersion, from: StdlibVersion, to: StdlibVersion = 8): CostByVersion {
  const out: CostByVersion = {}
  for (const v of versions(from, to)) if (costs[v] !== undefined) out[v] = costs[v]
  return out
}

function user(name: string, costs: CostByVersion, apply: (args: readonly Value[], ctx: CallContext) => Value): UserFunction {
  return { kind: 'user', name, costs, apply }
}

// ---------------------------------------------------------------------------------------------------------------------
// Addresses and aliases

/** Why an alias name is not one (Alias.createWithChainId), or null. */
function invalidAliasReason(name: string): string | null {
  if (name.length < 4 || name.length > 30) return `Alias '${name}' length should be between 4 and 30`
  if (![...name].every((c) => ALIAS_ALPHABET.includes(c))) return `Alias should contain only following characters: ${ALIAS_ALPHABET}`
  return null
}

function aliasDoesNotExist(env: Environment, name: string): string {
  return `Alias 'alias:${String.fromCharCode(env.chainId)}:${name}' does not exist.`
}

type RecipientValue = { address: Uint8Array } | { alias: string }

function recipientOf(v: Value | undefined): RecipientValue | null {
  if (!(v instanceof CaseObj)) return null
  if (v.typeName === 'Address') {
    const bytes = v.fields.get('bytes')
    return bytes instanceof Uint8Array ? { address: bytes } : null
  }
  if (v.typeName === 'Alias') {
    const alias = v.fields.get('alias')
    return typeof alias === 'string' ? { alias } : null
  }
  return null
}

/**
 * The account a read names, as WavesEnvironment.toAddress finds it: a valid address of this chain, or a known alias;
 * null otherwise (data reads, hasData and scriptHash then answer unit or false).
 */
function readableAddress(env: Environment, recipient: RecipientValue): Uint8Array | null {
  if ('address' in recipient) return invalidAddressReason(recipient.address, env.chainId) === null ? recipient.address : null
  if (invalidAliasReason(recipient.alias) !== null) return null
  return env.resolveAlias(recipient.alias)
}

/** WavesEnvironment.resolveAlias's failure text (AliasDoesNotExist.toString) */
function resolveAliasOrFail(env: Environment, name: string, thrown: boolean): Uint8Array {
  const address = env.resolveAlias(name)
  if (address === null) throw new RideError(aliasDoesNotExist(env, name), thrown)
  return address
}

/** How the node prints a native function whose JVM code throws (Contextful.scala toString) */
function jvmFailure(ev: string, exceptionClass: string, message: string): RideError {
  return new RideError(`An error during run ${ev}: class ${exceptionClass} ${message}`)
}

/**
 * The account of a balance read, with the node's errors (WavesEnvironment.accountBalanceOf / accountWavesBalanceOf):
 * `checkChain` false reads the address as AddressOrAlias.fromBytes does (any network; first byte 1 or 2 only).
 */
function balanceAddress(env: Environment, recipient: RecipientValue, checkChain: boolean, ev: string): Uint8Array {
  if ('alias' in recipient) {
    const reason = invalidAliasReason(recipient.alias)
    if (reason !== null) throw new RideError(`GenericError(${reason})`)
    return resolveAliasOrFail(env, recipient.alias, false)
  }
  const bytes = recipient.address
  if (!checkChain && bytes[0] === 2) {
    // AddressOrAlias.fromBytes reads alias bytes (2, chain id, 2-byte length, name) given as an Address's bytes
    if (bytes.length < 4) throw new RideError('GenericError(Bad alias bytes)')
    const name = new TextDecoder().decode(bytes.subarray(4))
    const reason = invalidAliasReason(name)
    if (reason !== null) throw new RideError(`GenericError(${reason})`)
    return resolveAliasOrFail(env, name, false)
  }
  if (!checkChain && bytes[0] !== 1) {
    throw jvmFailure(ev, 'java.lang.IllegalArgumentException', `Not a valid recipient: ${base58Encode(bytes)}`)
  }
  const reason = invalidAddressReason(bytes, checkChain ? env.chainId : null)
  if (reason !== null) throw new RideError(`InvalidAddress(${reason})`)
  return bytes
}

// ---------------------------------------------------------------------------------------------------------------------
// Data reads

const DATA_TYPES: readonly { suffix: string; type: EntryType; valueType: string; stateId: number; arrayId: number; selfId: number }[] = [
  { suffix: 'Integer', type: 'integer', valueType: 'Int', stateId: 1050, arrayId: 1040, selfId: 1055 },
  { suffix: 'Boolean', type: 'boolean', valueType: 'Boolean', stateId: 1051, arrayId: 1041, selfId: 1056 },
  { suffix: 'Binary', type: 'binary', valueType: 'ByteVector', stateId: 1052, arrayId: 1042, selfId: 1057 },
  { suffix: 'String', type: 'string', valueType: 'String', stateId: 1053, arrayId: 1043, selfId: 1058 },
]

function typeOfEntryValue(v: Value): EntryType | null {
  if (typeof v === 'bigint') return 'integer'
  if (typeof v === 'boolean') return 'boolean'
  if (v instanceof Uint8Array) return 'binary'
  if (typeof v === 'string') return 'string'
  return null
}

function readState(env: Environment, recipient: RecipientValue, key: string, type: EntryType): EntryValue | typeof UNIT {
  const address = readableAddress(env, recipient)
  if (address === null) return UNIT
  return env.data(address, key, type) ?? UNIT
}

function thisAccount(env: Environment): Uint8Array {
  if (env.thisAddress === null) throw new RideError("In the account's script value 'this` must be Address")
  return env.thisAddress
}

/** The first entry with the key decides: a value of another type is unit (Functions.getDataFromArrayF). */
function readList(list: readonly Value[], key: string, type: EntryType): Value {
  const entry = list.find((e) => e instanceof CaseObj && e.fields.get('key') === key)
  if (!(entry instanceof CaseObj)) return UNIT
  const value = entry.fields.get('value')
  return value !== undefined && typeOfEntryValue(value) === type ? value : UNIT
}

/** getElement's index: a JVM Int conversion of the Long, then bounds (PureContext.getElement). */
function readIndex(list: readonly Value[], index: bigint, type: EntryType): Value {
  const i = Number(BigInt.asIntN(32, index))
  if (i < 0 || i >= list.length) throw new RideError(`Index ${index} out of bounds for length ${list.length}`)
  const entry = list[i]
  const value = entry instanceof CaseObj ? entry.get('value') : undefined
  return value !== undefined && typeOfEntryValue(value) === type ? value : UNIT
}

/** The texts of `value()` (V4+) and `extract()` (V3) when the extracted functions find nothing (PureContext.value). */
function missing(version: StdlibVersion, detail: () => string): RideError {
  return new RideError(version >= 4 ? detail() : 'extract() called on unit value', true)
}

function printedRecipient(recipient: RecipientValue): string {
  return `base58'${'address' in recipient ? base58Encode(recipient.address) : recipient.alias}'`
}

function dataFunctions(d: (typeof DATA_TYPES)[number]): StdlibEntry[] {
  const name = `get${d.suffix}`
  const stateCosts = costSteps({ 1: 100, 4: 10 })
  // Functions.getDataByIndexF costs 30 then 4 from V4, and its ...Value form the same (withExtract keeps the map);
  // gowaves' catalogues say 30 and 10 from V4. The node's costs are kept (ride-js' estimator agrees: 4 + 1 for
  // `getInteger(list, 0) == unit` in V4).
  const indexCosts = costSteps({ 1: 30, 4: 4 })

  const state = (args: readonly Value[], ctx: CallContext): Value => {
    const [target, key] = args
    const recipient = recipientOf(target)
    if (args.length !== 2 || recipient === null || typeof key !== 'string') throw cantApply(`${name}(s: String)`, args)
    return readState(ctx.env, recipient, key, d.type)
  }
  const self = (args: readonly Value[], ctx: CallContext): Value => {
    const [key] = args
    if (args.length !== 1 || typeof key !== 'string') throw cantApply(`${name}(s: String)`, args)
    return ctx.env.data(thisAccount(ctx.env), key, d.type) ?? UNIT
  }
  const list = (args: readonly Value[]): Value => {
    const [data, key] = args
    if (args.length !== 2 || !Array.isArray(data) || typeof key !== 'string') throw cantApply(`${name}(s: String)`, args)
    return readList(data, key, d.type)
  }
  const byIndex = (args: readonly Value[]): Value => {
    const [data, index] = args
    if (args.length !== 2 || !Array.isArray(data) || typeof index !== 'bigint') {
      throw cantApply('getElement(arr: Array, pos: Int)', args.slice(0, 2))
    }
    return readIndex(data, index, d.type)
  }
  const call = `on function '${name}Value' call`

  return [
    native(d.stateId, name, stateCosts, state),
    native(d.arrayId, name, costFrom(1, 10), list),
    native(d.selfId, name, only(stateCosts, 5), self),
    user(name, indexCosts, byIndex),
    user(`@extrNative(${d.stateId})`, only(stateCosts, 3), (args, ctx) => {
      const value = state(args, ctx)
      if (value !== UNIT) return value
      const recipient = recipientOf(args[0])!
      throw missing(ctx.version, () => `value by key '${String(args[1])}' not found for the address ${printedRecipient(recipient)} ${call}`)
    }),
    user(`@extrNative(${d.arrayId})`, costFrom(3, 10), (args, ctx) => {
      const value = list(args)
      if (value !== UNIT) return value
      throw missing(ctx.version, () => `value by key '${String(args[1])}' not found in the list ${call}`)
    }),
    user(`@extrUser(${name})`, only(indexCosts, 3), (args, ctx) => {
      const value = byIndex(args)
      if (value !== UNIT) return value
      throw missing(ctx.version, () => `value by index ${String(args[1])} not found in the list ${call}`)
    }),
    user(`@extrNative(${d.selfId})`, only(stateCosts, 5), (args, ctx) => {
      const value = self(args, ctx)
      if (value !== UNIT) return value
      throw missing(ctx.version, () => `value by key '${String(args[0])}' not found for the contract address ${call}`)
    }),
  ]
}

// ---------------------------------------------------------------------------------------------------------------------
// Addresses from strings and keys

/** Global.base58Decode with the fromBase58String limit (BaseGlobal.MaxBase58String), as the V1-V3 body calls it */
function fromBase58(text: string): Uint8Array {
  if (text.length > 100) throw new RideError('base58Decode input exceeds 100')
  if (text === '') return new Uint8Array()
  try {
    return base58Decode(text)
  } catch {
    throw new RideError("can't parse Base58 string")
  }
}

/**
 * addressFromString V1-V3: the node's user function body (Functions.addressFromStringF), base58 without the
 * `address:` prefix; wrong length, version, network or checksum give unit, undecodable text fails fromBase58String.
 */
function addressFromStringV1(text: string, env: Environment): Value {
  const bytes = fromBase58(text.startsWith('address:') ? text.slice(8) : text)
  return invalidAddressReason(bytes, env.chainId) === null ? addressObj(bytes) : UNIT
}

/** addressFromString V4+ (Address.fromString with this chain): anything invalid is unit */
function addressFromStringV4(text: string, env: Environment): Value {
  const body = text.startsWith('address:') ? text.slice(8) : text
  if (body.length > 36) return UNIT
  let bytes: Uint8Array
  try {
    bytes = body === '' ? new Uint8Array() : base58Decode(body)
  } catch {
    return UNIT
  }
  return invalidAddressReason(bytes, env.chainId) === null ? addressObj(bytes) : UNIT
}

/** V4/V5's body hashes with the 16 KB-limited hash functions (Functions.secureHashExpr) */
function limitedSecureHash(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 16 * 1024) {
    throw new RideError(`Invalid message size = ${bytes.length} bytes, must be not greater than 16 KB`)
  }
  return secureHash(bytes)
}

function addressFromPublicKeyUser(publicKey: Uint8Array, version: StdlibVersion, chainId: number): Uint8Array {
  const hash = version >= 4 ? limitedSecureHash : secureHash
  const body = concatBytes(Uint8Array.of(1, chainId), hash(publicKey).subarray(0, 20))
  return concatBytes(body, hash(body).subarray(0, 4))
}

const addressFunctions: StdlibEntry[] = [
  user('addressFromString', { 1: 124, 2: 124, 3: 124 }, (args, ctx) => {
    const [text] = args
    if (args.length !== 1 || typeof text !== 'string') throw cantApply('addressFromString(a: String)', args)
    return addressFromStringV1(text, ctx.env)
  }),
  user('@extrUser(addressFromString)', { 3: 124 }, (args, ctx) => {
    const [text] = args
    if (args.length !== 1 || typeof text !== 'string') throw cantApply('addressFromString(a: String)', args)
    const address = addressFromStringV1(text, ctx.env)
    if (address === UNIT) throw missing(3, () => '')
    return address
  }),
  native(1062, 'addressFromString', costFrom(4, 1), (args, ctx) => {
    const [text] = args
    if (args.length !== 1 || typeof text !== 'string') throw cantApply('addressFromString(a: String)', args)
    return addressFromStringV4(text, ctx.env)
  }),
  user('@extrNative(1062)', costFrom(4, 1), (args, ctx) => {
    const [text] = args
    if (args.length !== 1 || typeof text !== 'string') throw cantApply('addressFromString(a: String)', args)
    const address = addressFromStringV4(text, ctx.env)
    if (address === UNIT) throw missing(ctx.version, () => "value() called on unit value on function 'addressFromString' call")
    return address
  }),
  user('addressFromPublicKey', only(costSteps({ 1: 82, 4: 63 }), 1, 5), (args, ctx) => {
    const [publicKey] = args
    if (args.length !== 1 || !bytesArg(publicKey)) throw cantApply('addressFromPublicKey(publicKey: ByteVector)', args)
    return addressObj(addressFromPublicKeyUser(publicKey, ctx.version, ctx.env.chainId))
  }),
  native(1063, 'addressFromPublicKey', costFrom(6, 1), (args, ctx) => {
    const [publicKey] = args
    if (args.length !== 1 || !bytesArg(publicKey)) throw cantApply('addressFromPublicKey(publicKey: ByteVector)', args)
    if (publicKey.length !== 32 && publicKey.length !== 64) {
      throw new RideError(`requirement failed: invalid public key length: ${publicKey.length}`)
    }
    return addressObj(addressFromPublicKey(publicKey, ctx.env.chainId))
  }),
  native(1060, 'addressFromRecipient', costSteps({ 1: 100, 4: 5 }), (args, ctx) => {
    const [target] = args
    const recipient = recipientOf(target)
    if (args.length !== 1 || recipient === null) throw cantApply('addressFromRecipient(a: AddressOrAlias)', args)
    if ('address' in recipient) return target!
    return addressObj(resolveAliasOrFail(ctx.env, recipient.alias, false))
  }),
  native(1061, 'toString', costSteps({ 3: 10, 6: 1 }), (args) => {
    const [address] = args
    const bytes = address instanceof CaseObj && address.typeName === 'Address' ? address.fields.get('bytes') : undefined
    if (args.length !== 1 || !(bytes instanceof Uint8Array)) throw cantApply('toString(a: Address)', args)
    return base58Encode(bytes)
  }),
]

// ---------------------------------------------------------------------------------------------------------------------
// Balances

const ASSET_BALANCE_V1_EV = '<assetBalance(addressOrAlias: Address|Alias, assetId: ByteVector|Unit): Int>'
const ASSET_BALANCE_V4_EV = '<assetBalance(addressOrAlias: Address|Alias, assetId: ByteVector): Int>'
const WAVES_BALANCE_V4_EV = '<wavesBalance(addressOrAlias: Address|Alias): Int>'

function assetBalanceV1(args: readonly Value[], env: Environment): bigint {
  const [target, assetId] = args
  const recipient = recipientOf(target)
  if (args.length !== 2 || recipient === null || !(assetId === UNIT || assetId instanceof Uint8Array)) {
    throw cantApply('assetBalance(a: Address|Alias, u: ByteVector|Unit)', args)
  }
  const address = balanceAddress(env, recipient, false, ASSET_BALANCE_V1_EV)
  return env.balance(address, assetId === UNIT ? null : assetId)
}

const balanceFunctions: StdlibEntry[] = [
  native(1003, 'assetBalance', { 1: 100, 2: 100, 3: 100 }, (args, ctx) => assetBalanceV1(args, ctx.env)),
  user('wavesBalance', { 1: 109, 2: 109, 3: 109 }, (args, ctx) => {
    if (args.length !== 1) throw cantApply('wavesBalance(a: Address|Alias)', args)
    return assetBalanceV1([args[0]!, UNIT], ctx.env)
  }),
  native(1008, 'assetBalance', costFrom(4, 10), (args, ctx) => {
    const [target, assetId] = args
    const recipient = recipientOf(target)
    if (args.length !== 2 || recipient === null || !bytesArg(assetId)) {
      throw cantApply('assetBalance(a: Address|Alias, u: ByteVector)', args)
    }
    return ctx.env.balance(balanceAddress(ctx.env, recipient, false, ASSET_BALANCE_V4_EV), assetId)
  }),
  native(1007, 'wavesBalance', costFrom(4, 10), (args, ctx) => {
    const recipient = recipientOf(args[0])
    if (args.length !== 1 || recipient === null) throw cantApply('wavesBalance(a: Address|Alias)', args)
    const details = ctx.env.wavesBalanceDetails(balanceAddress(ctx.env, recipient, true, WAVES_BALANCE_V4_EV))
    return caseObjOf('BalanceDetails', BALANCE_DETAILS_FIELDS, { ...details })
  }),
]

// ---------------------------------------------------------------------------------------------------------------------
// Chain reads: assets, blocks, transactions, scripts

function idArg(args: readonly Value[], signature: string): Uint8Array {
  const [id] = args
  if (args.length !== 1 || !bytesArg(id)) throw cantApply(signature, args)
  return id
}

/** `n / d` (0 <= n <= d) as a JVM BigDecimal division in DECIMAL128 (34 significant digits, half even), then a double. */
function decimal128Ratio(n: bigint, d: bigint): number {
  if (n === 0n) return 0
  // scale so the quotient has at least 35 digits, then round the 35th away half even
  let scale = 0
  while ((n * 10n ** BigInt(scale)) / d < 10n ** 34n) scale++
  const scaled = n * 10n ** BigInt(scale)
  let q = scaled / d
  const r = scaled % d
  if (r * 2n > d || (r * 2n === d && q % 2n === 1n)) q++
  return Number(`${q}e-${scale}`)
}

/**
 * calculateDelay (V8): the delay in ms before `generator` with `balance` may forge the next block, by the Fair PoS
 * formula with no minimal block time (WavesEnvironment.calculateDelay, FairPoSCalculator(0, 0)): the hit is the first
 * 8 bytes of blake2b256(hit source ++ address), the hit source the last block's VRF or its generation signature.
 */
export function generationDelay(env: Environment, generator: Uint8Array, balance: bigint): bigint {
  const last = env.lastBlock()
  const hitSource = last.vrf ?? last.generationSignature
  const hit = blake2b256(concatBytes(hitSource, generator))
    .subarray(0, 8)
    .reduce((n, b) => (n << 8n) | BigInt(b), 0n)
  const h = decimal128Ratio(hit, 2n ** 64n - 1n)
  const delay = 70000 * Math.log(1 - (5e17 * Math.log(h)) / Number(last.baseTarget) / Number(balance))
  // Double.toLong: truncation, NaN to 0, saturation at the Long bounds
  if (Number.isNaN(delay)) return 0n
  if (delay >= 2 ** 63) return 2n ** 63n - 1n
  return BigInt(Math.trunc(delay))
}

const chainReads: StdlibEntry[] = [
  native(1001, 'transactionHeightById', costSteps({ 1: 100, 4: 20 }), (args, ctx) => {
    const height = ctx.env.transactionHeightById(idArg(args, 'transactionHeightById(u: ByteVector)'))
    return height === null ? UNIT : BigInt(height)
  }),
  native(1000, 'transactionById', { 1: 100, 2: 100 }, (args, ctx) => {
    const id = idArg(args, 'transactionById(u: ByteVector)')
    if (ctx.env.transactionById === undefined) throw new RideError('transactionById is not available in this environment')
    return ctx.env.transactionById(id, ctx.version) ?? UNIT
  }),
  native(1004, 'assetInfo', costSteps({ 3: 100, 4: 15 }), (args, ctx) => {
    const asset = ctx.env.assetInfo(idArg(args, 'assetInfo(u: ByteVector)'))
    return asset === null ? UNIT : assetObject(asset, ctx.version)
  }),
  native(1005, 'blockInfoByHeight', costSteps({ 3: 100, 4: 5 }), (args, ctx) => {
    const [height] = args
    if (args.length !== 1 || typeof height !== 'bigint') throw cantApply('blockInfoByHeight(u: Int)', args)
    // a JVM Long.toInt: out-of-range heights wrap
    const block = ctx.env.blockInfoByHeight(Number(BigInt.asIntN(32, height)))
    return block === null ? UNIT : blockInfoObject(block, ctx.version)
  }),
  native(1006, 'transferTransactionById', costSteps({ 3: 100, 4: 60 }), (args, ctx) => {
    return ctx.env.transferTransactionById(idArg(args, 'transferTransactionById(u: ByteVector)'), ctx.version) ?? UNIT
  }),
  native(1070, 'transferTransactionFromProto', costFrom(4, 5), (args, ctx) => {
    const tx = transferFromProto(idArg(args, 'transferTransactionFromProto(bytes: ByteVector)'), ctx.env.chainId)
    // asset scripts see transactions without proofs (Functions.transactionFromProtoBytesF, proofsEnabled)
    return tx === null ? UNIT : transactionObject(tx, ctx.version, ctx.env.thisAsset === null)
  }),
  native(1009, 'scriptHash', costFrom(5, 200), (args, ctx) => {
    const recipient = recipientOf(args[0])
    if (args.length !== 1 || recipient === null) throw cantApply('scriptHash(account: AddressOrAlias))', args)
    const address = readableAddress(ctx.env, recipient)
    return (address === null ? null : ctx.env.accountScriptHash(address)) ?? UNIT
  }),
  native(1054, 'isDataStorageUntouched', costFrom(5, 10), (args, ctx) => {
    const recipient = recipientOf(args[0])
    if (args.length !== 1 || recipient === null) throw cantApply('isDataStorageUntouched(s: AddressOrAlias)', args)
    const address = readableAddress(ctx.env, recipient)
    return address === null ? true : ctx.env.isDataStorageUntouched(address)
  }),
  native(901, 'calculateDelay', costFrom(8, 1), (args, ctx) => {
    const [generator, balance] = args
    const bytes = generator instanceof CaseObj && generator.typeName === 'Address' ? generator.fields.get('bytes') : undefined
    if (args.length !== 2 || !(bytes instanceof Uint8Array) || typeof balance !== 'bigint') {
      throw cantApply('calculateDelay(generator: Address, balance: Long)', args)
    }
    if (bytes.length > ADDRESS_LENGTH) throw new RideError(`Address bytes length = ${bytes.length} exceeds limit = ${ADDRESS_LENGTH}`)
    if (balance <= 0n) throw new RideError(`Unexpected non-positive balance = ${balance}`)
    return generationDelay(ctx.env, bytes, balance)
  }),
]

// ---------------------------------------------------------------------------------------------------------------------
// Actions: Issue and Lease constructors, their ids, invoke

const UNIT_OR_SCRIPT_NONCE: Value[] = [UNIT, 0n]

function issueConstructor(id: number, arity: number): NativeFunction {
  return native(id, 'Issue', costFrom(4, 1), (args) => {
    if (args.length !== arity) throw cantApply('Issue', args)
    const values = arity === 5 ? [...args, ...UNIT_OR_SCRIPT_NONCE] : args
    return caseObjOf('Issue', ACTION_TYPES['Issue']!, Object.fromEntries(ACTION_TYPES['Issue']!.map(([name], i) => [name, values[i]!])))
  })
}

function leaseConstructor(id: number, arity: number): NativeFunction {
  return native(id, 'Lease', costFrom(5, 1), (args) => {
    if (args.length !== arity) throw cantApply('Lease', args)
    const values = arity === 2 ? [...args, 0n] : args
    return caseObjOf('Lease', ACTION_TYPES['Lease']!, Object.fromEntries(ACTION_TYPES['Lease']!.map(([name], i) => [name, values[i]!])))
  })
}

function int32(n: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setInt32(0, n)
  return out
}
function int64(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigInt64(0, BigInt.asIntN(64, n))
  return out
}
function sizedString(s: string): Uint8Array {
  const bytes = new TextEncoder().encode(s)
  return concatBytes(int32(bytes.length), bytes)
}

function txIdOf(env: Environment): Uint8Array {
  if (env.txId === undefined) throw new RideError('no transaction is being executed')
  return env.txId
}

/**
 * The id of an asset an Issue action creates (CallableAction Issue.calculateId): blake2b256 of the name and the
 * description (each a 4-byte length and UTF-8), decimals (4 bytes), quantity (8), reissuable (2), nonce (8) and the
 * transaction id.
 */
export function issueId(
  issue: { name: string; description: string; decimals: bigint; quantity: bigint; isReissuable: boolean; nonce: bigint },
  txId: Uint8Array,
): Uint8Array {
  return blake2b256(
    concatBytes(
      sizedString(issue.name),
      sizedString(issue.description),
      int32(Number(BigInt.asIntN(32, issue.decimals))),
      int64(issue.quantity),
      Uint8Array.of(0, issue.isReissuable ? 1 : 0),
      int64(issue.nonce),
      txId,
    ),
  )
}

/** The id of a lease a Lease action creates (Lease.calculateId): recipient, transaction id, nonce, amount. */
export function leaseId(lease: { recipient: RecipientValue; amount: bigint; nonce: bigint }, txId: Uint8Array): Uint8Array {
  const recipient = 'address' in lease.recipient ? lease.recipient.address : sizedString(lease.recipient.alias)
  return blake2b256(concatBytes(recipient, txId, int64(lease.nonce), int64(lease.amount)))
}

const actionFunctions: StdlibEntry[] = [
  issueConstructor(1090, 5),
  issueConstructor(1091, 7),
  leaseConstructor(1092, 2),
  leaseConstructor(1093, 3),
  native(1080, 'calculateAssetId', costFrom(4, 10), (args, ctx) => {
    const [issue] = args
    if (args.length !== 1 || !(issue instanceof CaseObj) || issue.typeName !== 'Issue') throw cantApply('calculateAssetId(i: Issue)', args)
    const name = issue.get('name') as string
    const description = issue.get('description') as string
    if (new TextEncoder().encode(description).length > 1000) throw new RideError('Description length should not exceed 1000')
    if (new TextEncoder().encode(name).length > 16) throw new RideError('Name length should not exceed 16')
    return issueId(
      {
        name,
        description,
        decimals: issue.get('decimals') as bigint,
        quantity: issue.get('quantity') as bigint,
        isReissuable: issue.get('isReissuable') as boolean,
        nonce: issue.get('nonce') as bigint,
      },
      txIdOf(ctx.env),
    )
  }),
  native(1081, 'calculateLeaseId', costFrom(5, 1), (args, ctx) => {
    const [lease] = args
    if (args.length !== 1 || !(lease instanceof CaseObj) || lease.typeName !== 'Lease') throw cantApply('calculateLeaseId(l: Lease)', args)
    const recipient = recipientOf(lease.get('recipient'))
    if (recipient === null) throw new RideError(`Unexpected recipient type ${(lease.get('recipient') as CaseObj).typeName}`, true)
    if ('address' in recipient && recipient.address.length > ADDRESS_LENGTH) {
      throw new RideError(`Address bytes length=${recipient.address.length} exceeds limit=${ADDRESS_LENGTH}`)
    }
    if ('alias' in recipient && recipient.alias.length > 30) {
      throw new RideError(`Alias name length=${recipient.alias.length} exceeds limit=30`)
    }
    return leaseId({ recipient, amount: lease.get('amount') as bigint, nonce: lease.get('nonce') as bigint }, txIdOf(ctx.env))
  }),
]

const INVOKE_COST = 75

function invokeFunction(id: number, name: string, reentrant: boolean): NativeFunction {
  return native(id, name, costFrom(5, INVOKE_COST), (args, ctx) => {
    const [dApp, func, callArgs, payments] = args
    const recipient = recipientOf(dApp)
    if (args.length !== 4 || recipient === null) throw new RideError(`Unexpected recipient arg ${String(dApp)}`, true)
    const dAppBytes = 'address' in recipient ? recipient.address : resolveAliasOrFail(ctx.env, recipient.alias, true)
    if (!(typeof func === 'string' || func === UNIT)) throw new RideError(`Unexpected name arg ${String(func)}`, true)
    if (!Array.isArray(payments)) throw new RideError(`Unexpected args ${String(args)}`)
    const parsed = payments.map((p: Value) => {
      const assetId = p instanceof CaseObj && p.typeName === 'AttachedPayment' ? p.fields.get('assetId') : undefined
      const amount = p instanceof CaseObj ? p.fields.get('amount') : undefined
      if (typeof amount !== 'bigint' || !(assetId === UNIT || assetId instanceof Uint8Array)) {
        throw new RideError(`Unexpected payment arg ${String(p)}`, true)
      }
      return { assetId: assetId === UNIT ? null : assetId, amount }
    })
    if (!Array.isArray(callArgs)) throw cantApply('invoke(dApp: Address, func: String, args: List[Any], payments: List[Payment])', args)
    return ctx.env.invoke({
      dApp: dAppBytes,
      function: func === UNIT ? 'default' : func,
      args: callArgs,
      payments: parsed,
      reentrant,
      // the callee gets what is left after this call's own cost (EvaluatorV2: limit - cost for Extended functions)
      remaining: ctx.remaining - INVOKE_COST,
      spend: (complexity) => {
        ctx.spent = (ctx.spent ?? 0) + complexity
      },
    })
  })
}

const invokeFunctions: StdlibEntry[] = [invokeFunction(1020, 'invoke', false), invokeFunction(1021, 'reentrantInvoke', true)]

// ---------------------------------------------------------------------------------------------------------------------
// Globals bound to the chain

function chainGlobal(name: string, from: StdlibVersion, value: (ctx: CallContext) => Value): GlobalValue {
  return { kind: 'global', name, versions: versions(from), value }
}

const chainGlobals: GlobalValue[] = [
  chainGlobal('height', 1, (ctx) => BigInt(ctx.env.height)),
  chainGlobal('tx', 1, (ctx) => {
    if (ctx.env.tx === null) throw expectedTransaction()
    return ctx.env.tx
  }),
  chainGlobal('this', 3, (ctx) => {
    const { env } = ctx
    if (env.thisAsset !== null) {
      const asset = env.assetInfo(env.thisAsset)
      if (asset === null) throw new RideError('None.get')
      return assetObject(asset, ctx.version)
    }
    return addressObj(thisAccount(env))
  }),
  chainGlobal('lastBlock', 3, (ctx) => blockInfoObject(ctx.env.lastBlock(), ctx.version)),
]

/** What kind of script runs: an account's expression (verifier), an asset's expression, a dApp (callables, verifier). */
export type ScriptKind = 'account' | 'asset' | 'dapp'

const SELF_READS = new Set<number>([1055, 1056, 1057, 1058])
const SELF_VALUE_READS = new Set(['@extrNative(1055)', '@extrNative(1056)', '@extrNative(1057)', '@extrNative(1058)'])
const DAPP_ONLY = new Set<number>([1020, 1021])

/**
 * Whether `entry` exists for a kind of script (the table lists entries by version only): the data reads of `this`
 * without an address exist for accounts and dApps, not assets (WavesContext.fromV5Funcs: scriptType Account);
 * invoke and reentrantInvoke for dApps only; from V3 `tx` for expressions only (WavesContext.variableVars).
 */
export function servesScriptKind(entry: StdlibEntry, kind: ScriptKind, version: StdlibVersion): boolean {
  if (entry.kind === 'native') {
    if (SELF_READS.has(entry.id)) return kind !== 'asset'
    if (DAPP_ONLY.has(entry.id)) return kind === 'dapp'
  }
  if (entry.kind === 'user' && SELF_VALUE_READS.has(entry.name)) return kind !== 'asset'
  if (entry.kind === 'global' && entry.name === 'tx') return version < 3 || kind !== 'dapp'
  return true
}

/**
 * WavesContext for V1-V8: its functions, its case types and its globals, with `unit`, `nil` and the rounding modes.
 * Entries that only some kinds of script have are listed by version here; `servesScriptKind` says which kind has them.
 */
export const blockchainEntries: readonly StdlibEntry[] = [
  ...DATA_TYPES.flatMap(dataFunctions),
  ...addressFunctions,
  ...balanceFunctions,
  ...chainReads,
  ...actionFunctions,
  ...invokeFunctions,
  ...chainGlobals,
  ...wavesTypeEntries,
]


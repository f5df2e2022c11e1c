// WavesContext's case types and global values per stdlib version (node: lang/v1/evaluator/ctx/impl/waves/Types.scala,
// Vals.scala, WavesContext.scala; the rounding modes, `unit` and `nil` of PureContext.scala). Field lists are in the
// node's constructor order: every case object built here (bindings.ts, blockchain.ts) takes its field order from them.
// Type names in `fields` are printed as the node prints them (unions sorted by name), for constructor errors.
import type { CaseType, GlobalValue, StdlibEntry } from './types.ts'
import { STDLIB_VERSIONS, type StdlibVersion } from '../versions.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'

export type Fields = readonly (readonly [name: string, type: string])[]

const ADDRESS_OR_ALIAS = 'Address|Alias'
const OPTION_BYTES = 'ByteVector|Unit'
const OPTION_INT = 'Int|Unit'

export const ADDRESS_FIELDS: Fields = [['bytes', 'ByteVector']]
export const ALIAS_FIELDS: Fields = [['alias', 'String']]
export const TRANSFER_FIELDS: Fields = [
  ['recipient', ADDRESS_OR_ALIAS],
  ['amount', 'Int'],
]
export const ASSET_PAIR_FIELDS: Fields = [
  ['amountAsset', OPTION_BYTES],
  ['priceAsset', OPTION_BYTES],
]
export const ATTACHED_PAYMENT_FIELDS: Fields = [
  ['assetId', OPTION_BYTES],
  ['amount', 'Int'],
]
export const BALANCE_DETAILS_FIELDS: Fields = [
  ['available', 'Int'],
  ['regular', 'Int'],
  ['generating', 'Int'],
  ['effective', 'Int'],
]
export const SCRIPT_TRANSFER_FIELDS: Fields = [
  ['recipient', ADDRESS_OR_ALIAS],
  ['amount', 'Int'],
  ['asset', OPTION_BYTES],
]

export function assetFields(version: StdlibVersion): Fields {
  const common: Fields = [
    ['id', 'ByteVector'],
    ['quantity', 'Int'],
    ['decimals', 'Int'],
    ['issuer', 'Address'],
    ['issuerPublicKey', 'ByteVector'],
    ['reissuable', 'Boolean'],
    ['scripted', 'Boolean'],
  ]
  return version >= 4
    ? [...common, ['minSponsoredFee', OPTION_INT], ['name', 'String'], ['description', 'String']]
    : [...common, ['sponsored', 'Boolean']]
}

export function blockInfoFields(version: StdlibVersion): Fields {
  return [
    ['timestamp', 'Int'],
    ['height', 'Int'],
    ['baseTarget', 'Int'],
    ['generationSignature', 'ByteVector'],
    ['generator', 'Address'],
    ['generatorPublicKey', 'ByteVector'],
    ...(version >= 4 ? ([['vrf', OPTION_BYTES]] as const) : []),
    ...(version >= 7 ? ([['rewards', 'List[(Address, Int)]']] as const) : []),
  ]
}

/** Invocation: `payment` (V3) or `payments` (V4+); originCaller and its key from V5 (Types.invocationType). */
export function invocationFields(version: StdlibVersion): Fields {
  return [
    version >= 4 ? ['payments', 'List[AttachedPayment]'] : ['payment', 'AttachedPayment|Unit'],
    ['caller', 'Address'],
    ['callerPublicKey', 'ByteVector'],
    ['transactionId', 'ByteVector'],
    ['fee', 'Int'],
    ['feeAssetId', OPTION_BYTES],
    ...(version >= 5
      ? ([
          ['originCaller', 'Address'],
          ['originCallerPublicKey', 'ByteVector'],
        ] as const)
      : []),
  ]
}

const DATA_VALUE = 'Boolean|ByteVector|Int|String'
const typedEntry = (type: string): Fields => [
  ['key', 'String'],
  ['value', type],
]
export const DATA_ENTRY_TYPES: Readonly<Record<string, Fields>> = {
  DataEntry: typedEntry(DATA_VALUE),
  BooleanEntry: typedEntry('Boolean'),
  StringEntry: typedEntry('String'),
  BinaryEntry: typedEntry('ByteVector'),
  IntegerEntry: typedEntry('Int'),
  DeleteEntry: [['key', 'String']],
}

/** The data entry type names of a version: DataEntry before V4, the typed entries from V4. */
export function dataEntryTypeName(type: 'integer' | 'boolean' | 'binary' | 'string', version: StdlibVersion): string {
  if (version < 4) return 'DataEntry'
  return { integer: 'IntegerEntry', boolean: 'BooleanEntry', binary: 'BinaryEntry', string: 'StringEntry' }[type]
}

export const ACTION_TYPES: Readonly<Record<string, Fields>> = {
  WriteSet: [['data', 'List[DataEntry]']],
  TransferSet: [['transfers', 'List[ScriptTransfer]']],
  ScriptResult: [
    ['writeSet', 'WriteSet'],
    ['transferSet', 'TransferSet'],
  ],
  Issue: [
    ['name', 'String'],
    ['description', 'String'],
    ['quantity', 'Int'],
    ['decimals', 'Int'],
    ['isReissuable', 'Boolean'],
    ['compiledScript', 'Script|Unit'],
    ['nonce', 'Int'],
  ],
  Reissue: [
    ['assetId', 'ByteVector'],
    ['quantity', 'Int'],
    ['isReissuable', 'Boolean'],
  ],
  Burn: [
    ['assetId', 'ByteVector'],
    ['quantity', 'Int'],
  ],
  SponsorFee: [
    ['assetId', 'ByteVector'],
    ['minSponsoredAssetFee', OPTION_INT],
  ],
  Lease: [
    ['recipient', ADDRESS_OR_ALIAS],
    ['amount', 'Int'],
    ['nonce', 'Int'],
  ],
  LeaseCancel: [['leaseId', 'ByteVector']],
}

// ---------------------------------------------------------------------------------------------------------------------
// Transaction types (Types.build*TransactionType). `proofs` is false for asset scripts (no `proofs` field).

const HEADER: Fields = [
  ['id', 'ByteVector'],
  ['fee', 'Int'],
  ['timestamp', 'Int'],
  ['version', 'Int'],
]
const PROVEN: Fields = [
  ['sender', 'Address'],
  ['senderPublicKey', 'ByteVector'],
  ['bodyBytes', 'ByteVector'],
]

function proven(fields: Fields, proofs: boolean): Fields {
  return [...fields, ...HEADER, ...PROVEN, ...(proofs ? ([['proofs', 'List[ByteVector]']] as const) : [])]
}

export function orderFields(version: StdlibVersion, proofs: boolean): Fields {
  return [
    ['id', 'ByteVector'],
    ['matcherPublicKey', 'ByteVector'],
    ['assetPair', 'AssetPair'],
    ['orderType', 'Buy|Sell'],
    ['price', 'Int'],
    ['amount', 'Int'],
    ['timestamp', 'Int'],
    ['expiration', 'Int'],
    ['matcherFee', 'Int'],
    ['matcherFeeAssetId', OPTION_BYTES],
    ...PROVEN,
    ...(version >= 8 ? ([['attachment', OPTION_BYTES]] as const) : []),
    ...(proofs ? ([['proofs', 'List[ByteVector]']] as const) : []),
  ]
}

const INVOKE_ARG = 'Boolean|ByteVector|Int|List[Boolean|ByteVector|Int|String]|String'

/** The field list of each transaction type a script of `version` sees (Types.scala). */
export function transactionTypes(version: StdlibVersion, proofs: boolean): Readonly<Record<string, Fields>> {
  const payments: Fields = [version >= 4 ? ['payments', 'List[AttachedPayment]'] : ['payment', 'AttachedPayment|Unit']]
  const types: Record<string, Fields> = {
    GenesisTransaction: [['amount', 'Int'], ['recipient', ADDRESS_OR_ALIAS], ...HEADER],
    PaymentTransaction: proven([['amount', 'Int'], ['recipient', ADDRESS_OR_ALIAS]], proofs),
    ReissueTransaction: proven([['quantity', 'Int'], ['assetId', 'ByteVector'], ['reissuable', 'Boolean']], proofs),
    BurnTransaction: proven([['quantity', 'Int'], ['assetId', 'ByteVector']], proofs),
    MassTransferTransaction: proven(
      [
        ...(version < 5 ? ([['feeAssetId', OPTION_BYTES]] as const) : []),
        ['assetId', OPTION_BYTES],
        ['totalAmount', 'Int'],
        ['transfers', 'List[Transfer]'],
        ['transferCount', 'Int'],
        ['attachment', 'ByteVector'],
      ],
      proofs,
    ),
    ExchangeTransaction: proven(
      [
        ['buyOrder', 'Order'],
        ['sellOrder', 'Order'],
        ['price', 'Int'],
        ['amount', 'Int'],
        ['buyMatcherFee', 'Int'],
        ['sellMatcherFee', 'Int'],
      ],
      proofs,
    ),
    TransferTransaction: proven(
      [
        ['feeAssetId', OPTION_BYTES],
        ['amount', 'Int'],
        ['assetId', OPTION_BYTES],
        ['recipient', ADDRESS_OR_ALIAS],
        ['attachment', 'ByteVector'],
      ],
      proofs,
    ),
    SetAssetScriptTransaction: proven([['script', OPTION_BYTES], ['assetId', 'ByteVector']], proofs),
    IssueTransaction: proven(
      [
        ['quantity', 'Int'],
        ['name', version >= 4 ? 'String' : 'ByteVector'],
        ['description', version >= 4 ? 'String' : 'ByteVector'],
        ['reissuable', 'Boolean'],
        ['decimals', 'Int'],
        ['script', OPTION_BYTES],
      ],
      proofs,
    ),
    LeaseTransaction: proven([['amount', 'Int'], ['recipient', ADDRESS_OR_ALIAS]], proofs),
    LeaseCancelTransaction: proven([['leaseId', 'ByteVector']], proofs),
    CreateAliasTransaction: proven([['alias', 'String']], proofs),
    SetScriptTransaction: proven([['script', OPTION_BYTES]], proofs),
    SponsorFeeTransaction: proven([['assetId', 'ByteVector'], ['minSponsoredAssetFee', OPTION_INT]], proofs),
    DataTransaction: proven([['data', version >= 4 ? 'List[BinaryEntry|BooleanEntry|DeleteEntry|IntegerEntry|StringEntry]' : 'List[DataEntry]']], proofs),
  }
  if (version >= 3) {
    // the payments come after the proven part here (Types.buildInvokeScriptTransactionType)
    const base = proven(
      [
        ['dApp', ADDRESS_OR_ALIAS],
        ['feeAssetId', OPTION_BYTES],
        ['function', 'String'],
        ['args', `List[${INVOKE_ARG}]`],
      ],
      false,
    )
    types['InvokeScriptTransaction'] = [...base, ...payments, ...(proofs ? ([['proofs', 'List[ByteVector]']] as const) : [])]
  }
  if (version >= 4) {
    types['UpdateAssetInfoTransaction'] = proven([['assetId', 'ByteVector'], ['name', 'String'], ['description', 'String']], proofs)
  }
  if (version >= 6) types['InvokeExpressionTransaction'] = proven([['expression', 'ByteVector'], ['feeAssetId', OPTION_BYTES]], proofs)
  return types
}

// ---------------------------------------------------------------------------------------------------------------------
// Case types a script may construct by name, per version

const ALL = STDLIB_VERSIONS
const range = (from: StdlibVersion, to: StdlibVersion = 8): StdlibVersion[] => ALL.filter((v) => v >= from && v <= to)

function caseType(name: string, fields: Fields, versions: readonly StdlibVersion[]): CaseType {
  return { kind: 'type', name, fields: fields.map(([n, type]) => ({ name: n, type })), versions }
}

/** One entry per distinct field list: `fieldsOf(v)` for each version of `versions`. */
function perVersion(name: string, versions: readonly StdlibVersion[], fieldsOf: (v: StdlibVersion) => Fields): CaseType[] {
  const groups = new Map<string, { fields: Fields; versions: StdlibVersion[] }>()
  for (const v of versions) {
    const fields = fieldsOf(v)
    const key = JSON.stringify(fields)
    const group = groups.get(key) ?? { fields, versions: [] }
    group.versions.push(v)
    groups.set(key, group)
  }
  return [...groups.values()].map((g) => caseType(name, g.fields, g.versions))
}

// Transaction types in the account-script shape (with proofs). The compiler hides their constructors from V6; the
// evaluator builds them by name in every version, as it does every type of its context.
const transactionConstructors: CaseType[] = (() => {
  const names = Object.keys(transactionTypes(8, true))
  return names.flatMap((name) =>
    perVersion(
      name,
      ALL.filter((v) => transactionTypes(v, true)[name] !== undefined),
      (v) => transactionTypes(v, true)[name]!,
    ),
  )
})()

/**
 * The case types of the node's evaluation context per version (WavesContext.variableTypes and PureContext's rounding
 * types): what EvaluatorV2.evaluateConstructor builds by name. Types whose constructors the compiler hides (Issue,
 * the rounding modes, transactions from V6) are here too: only hand-made bytes call them. Buy and Sell are not types
 * of the context, only values.
 */
export const wavesTypes: readonly CaseType[] = [
  caseType('Address', ADDRESS_FIELDS, ALL),
  caseType('Alias', ALIAS_FIELDS, ALL),
  caseType('Transfer', TRANSFER_FIELDS, ALL),
  caseType('AssetPair', ASSET_PAIR_FIELDS, ALL),
  ...perVersion('Order', ALL, (v) => orderFields(v, true)),
  ...transactionConstructors,
  caseType('BalanceDetails', BALANCE_DETAILS_FIELDS, range(4)),
  caseType('DataEntry', DATA_ENTRY_TYPES['DataEntry']!, range(1, 3)),
  ...['BooleanEntry', 'StringEntry', 'BinaryEntry', 'IntegerEntry', 'DeleteEntry'].map((n) => caseType(n, DATA_ENTRY_TYPES[n]!, range(4))),
  caseType('AttachedPayment', ATTACHED_PAYMENT_FIELDS, range(3)),
  caseType('ScriptTransfer', SCRIPT_TRANSFER_FIELDS, range(3)),
  ...perVersion('Invocation', range(3), invocationFields),
  ...perVersion('Asset', range(3), assetFields),
  ...perVersion('BlockInfo', range(3), blockInfoFields),
  ...['WriteSet', 'TransferSet', 'ScriptResult'].map((n) => caseType(n, ACTION_TYPES[n]!, [3])),
  ...['Issue', 'Reissue', 'Burn', 'SponsorFee'].map((n) => caseType(n, ACTION_TYPES[n]!, range(4))),
  ...['Lease', 'LeaseCancel'].map((n) => caseType(n, ACTION_TYPES[n]!, range(5))),
]

// ---------------------------------------------------------------------------------------------------------------------
// Case objects

/** A case object with the fields in `order`; every field of `order` must be given. */
export function caseObjOf(typeName: string, order: Fields, values: Readonly<Record<string, Value>>): CaseObj {
  const fields = new Map<string, Value>()
  for (const [name] of order) {
    const value = values[name]
    if (value === undefined) throw new Error(`${typeName}.${name} missing`)
    fields.set(name, value)
  }
  return new CaseObj(typeName, fields)
}

export function addressObj(bytes: Uint8Array): CaseObj {
  return new CaseObj('Address', new Map([['bytes', bytes]]))
}
export function aliasObj(name: string): CaseObj {
  return new CaseObj('Alias', new Map([['alias', name]]))
}
export function optional<T extends Value>(value: T | null | undefined): T | typeof UNIT {
  return value === null || value === undefined ? UNIT : value
}

// ---------------------------------------------------------------------------------------------------------------------
// Globals of PureContext and WavesContext that are values, not chain reads

/** The rounding modes (PureContext/Rounding.scala): global name, case type name, java.math.RoundingMode. */
export const ROUNDING_MODES: readonly { global: string; typeName: string; mode: string; versions: readonly StdlibVersion[] }[] = [
  { global: 'UP', typeName: 'Up', mode: 'UP', versions: range(1, 4) },
  { global: 'HALFDOWN', typeName: 'HalfDown', mode: 'HALF_DOWN', versions: range(1, 4) },
  { global: 'DOWN', typeName: 'Down', mode: 'DOWN', versions: ALL },
  { global: 'HALFUP', typeName: 'HalfUp', mode: 'HALF_UP', versions: ALL },
  { global: 'HALFEVEN', typeName: 'HalfEven', mode: 'HALF_EVEN', versions: ALL },
  { global: 'CEILING', typeName: 'Ceiling', mode: 'CEILING', versions: ALL },
  { global: 'FLOOR', typeName: 'Floor', mode: 'FLOOR', versions: ALL },
]

const roundingTypes: CaseType[] = ROUNDING_MODES.map((r) => caseType(r.typeName, [], r.versions))

const constant = (name: string, versions: readonly StdlibVersion[], value: Value): GlobalValue => ({
  kind: 'global',
  name,
  versions,
  value: () => value,
})

export const BUY = new CaseObj('Buy', new Map())
export const SELL = new CaseObj('Sell', new Map())

export const valueGlobals: readonly GlobalValue[] = [
  constant('unit', ALL, UNIT),
  constant('nil', range(3), []),
  ...ROUNDING_MODES.map((r) => constant(r.global, r.versions, new CaseObj(r.typeName, new Map()))),
  constant('Buy', range(2), BUY),
  constant('Sell', range(2), SELL),
]

/** `tx` when the environment has none: the node's input entity is neither a transaction nor an order. */
export function expectedTransaction(): RideError {
  return new RideError('Expected Transaction or Order')
}

export const wavesTypeEntries: readonly StdlibEntry[] = [...wavesTypes, ...roundingTypes, ...valueGlobals]

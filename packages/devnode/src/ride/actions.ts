// A callable's result to actions, per stdlib version (the node's ScriptResult.fromObj, lang/v1/evaluator/
// ScriptResult.scala): V3 ScriptResult/WriteSet/TransferSet; V4 a list of actions; V5+ a list, or a tuple (list,
// value). Nothing here checks the chain (limits, balances, assets): the chain rules apply the actions.
import type { StdlibVersion } from './versions.ts'
import { CaseObj, RideError, UNIT, type Value } from './values.ts'
import { show } from './evaluate/evaluator.ts'

/** An address (26 bytes) or an alias name, as the action names it; aliases are resolved by the chain. */
export type Recipient = { address: Uint8Array } | { alias: string }

export type DataAction =
  | { kind: 'data'; key: string; type: 'integer'; value: bigint }
  | { kind: 'data'; key: string; type: 'boolean'; value: boolean }
  | { kind: 'data'; key: string; type: 'binary'; value: Uint8Array }
  | { kind: 'data'; key: string; type: 'string'; value: string }
  | { kind: 'delete'; key: string }

export type Action =
  | DataAction
  /** ScriptTransfer; `assetId` null = WAVES */
  | { kind: 'transfer'; recipient: Recipient; amount: bigint; assetId: Uint8Array | null }
  /** Issue (V4+); the asset id is the node's Issue.calculateId over these fields and the transaction id */
  | { kind: 'issue'; name: string; description: string; quantity: bigint; decimals: number; isReissuable: boolean; nonce: bigint }
  | { kind: 'reissue'; assetId: Uint8Array; quantity: bigint; isReissuable: boolean }
  | { kind: 'burn'; assetId: Uint8Array; quantity: bigint }
  /** SponsorFee; `minSponsoredAssetFee` null cancels sponsorship */
  | { kind: 'sponsorFee'; assetId: Uint8Array; minSponsoredAssetFee: bigint | null }
  /** Lease (V5+) */
  | { kind: 'lease'; recipient: Recipient; amount: bigint; nonce: bigint }
  | { kind: 'leaseCancel'; leaseId: Uint8Array }

export interface CallableResult {
  actions: Action[]
  /** the second element of a V5+ tuple result; `unit` otherwise */
  returned: Value
}

/** The node's callableReturnType(version), as its type prints in error texts. */
function returnType(version: StdlibVersion): string {
  const v4 = 'BinaryEntry|BooleanEntry|DeleteEntry|IntegerEntry|StringEntry|ScriptTransfer|Issue|Reissue|Burn|SponsorFee'
  const v5 = `${v4}|Lease|LeaseCancel`
  if (version === 3) return 'ScriptResult|WriteSet|TransferSet'
  if (version === 4) return `List[${v4}]`
  return `List[${v5}]|(List[${v5}], Any)`
}

/** ScriptResult.err: `CallableFunction needs to return <type>, but got '<actual>'[ instead of <expected>]`. */
function wrong(version: StdlibVersion, actual: Value | string, expected = ''): never {
  const printed = typeof actual === 'string' ? actual : show(actual)
  throw new RideError(
    `CallableFunction needs to return ${returnType(version)}, but got '${printed}'${expected === '' ? '' : ` instead of ${expected}`}`,
  )
}

/**
 * The actions of a callable's result. Throws RideError with the node's text when the result is not what the
 * version allows (reachable only by scripts whose types the compiler did not check).
 */
export function toActions(result: Value, version: StdlibVersion): CallableResult {
  if (version === 3) {
    if (!(result instanceof CaseObj)) return wrong(3, result)
    return { actions: v3Result(result), returned: UNIT }
  }
  if (Array.isArray(result)) return { actions: result.map((a) => action(a, version)), returned: UNIT }
  if (version >= 5 && result instanceof CaseObj) {
    const list = result.fields.get('_1')
    const returned = result.fields.get('_2')
    if (!Array.isArray(list) || returned === undefined) return wrong(version, result.typeName)
    return { actions: list.map((a) => action(a, version)), returned }
  }
  return wrong(version, result)
}

function v3Result(result: CaseObj): Action[] {
  switch (result.typeName) {
    case 'WriteSet':
      return writeSet(result)
    case 'TransferSet':
      return transferSet(result)
    case 'ScriptResult': {
      const writes = result.fields.get('writeSet')
      const transfers = result.fields.get('transferSet')
      const data = writes instanceof CaseObj && writes.typeName === 'WriteSet' ? writeSet(writes) : wrong(3, writes ?? UNIT, 'data')
      const moves =
        transfers instanceof CaseObj && transfers.typeName === 'TransferSet' ? transferSet(transfers) : wrong(3, transfers ?? UNIT, 'transfers')
      return [...data, ...moves]
    }
    default:
      return wrong(3, result.typeName)
  }
}

function writeSet(obj: CaseObj): Action[] {
  const data = obj.fields.get('data')
  if (!Array.isArray(data)) return wrong(3, data ?? UNIT, 'List(data)')
  return data.map((entry) => {
    if (!(entry instanceof CaseObj) || entry.typeName !== 'DataEntry') return wrong(3, entry, 'DataEntry')
    const typed = dataEntry(entry)
    if (typed === null) return wrong(3, `can't reconstruct DataEntry from ${fieldsText(entry)}`)
    return typed
  })
}

function transferSet(obj: CaseObj): Action[] {
  const transfers = obj.fields.get('transfers')
  if (!Array.isArray(transfers)) return wrong(3, transfers ?? UNIT, 'List(transfers)')
  return transfers.map((t) => {
    if (!(t instanceof CaseObj) || t.typeName !== 'ScriptTransfer') return wrong(3, t, 'TransferSet')
    return scriptTransfer(t, 3)
  })
}

/** A data entry of any type from its key and the type of its value (V3 DataEntry); null if neither fits. */
function dataEntry(obj: CaseObj): DataAction | null {
  const key = obj.fields.get('key')
  const value = obj.fields.get('value')
  if (typeof key !== 'string' || value === undefined) return null
  if (typeof value === 'bigint') return { kind: 'data', key, type: 'integer', value }
  if (typeof value === 'boolean') return { kind: 'data', key, type: 'boolean', value }
  if (value instanceof Uint8Array) return { kind: 'data', key, type: 'binary', value }
  if (typeof value === 'string') return { kind: 'data', key, type: 'string', value }
  return null
}

const ENTRY_TYPES: Record<string, string> = {
  IntegerEntry: 'integer',
  BooleanEntry: 'boolean',
  BinaryEntry: 'binary',
  StringEntry: 'string',
}

function action(value: Value, version: StdlibVersion): Action {
  if (!(value instanceof CaseObj)) return wrong(version, value)
  const f = value.fields
  switch (value.typeName) {
    case 'IntegerEntry':
    case 'BooleanEntry':
    case 'BinaryEntry':
    case 'StringEntry': {
      const typed = dataEntry(value)
      if (typed === null || typed.kind !== 'data' || typed.type !== ENTRY_TYPES[value.typeName]) {
        return wrong(version, `can't reconstruct ${value.typeName} from ${fieldsText(value)}`)
      }
      return typed
    }
    case 'DeleteEntry': {
      const key = f.get('key')
      if (typeof key !== 'string') return wrong(version, key ?? UNIT, 'DeleteEntry')
      return { kind: 'delete', key }
    }
    case 'ScriptTransfer':
      return scriptTransfer(value, version)
    case 'Issue': {
      const [quantity, decimals, name, description, script, isReissuable, nonce] = [
        f.get('quantity'),
        f.get('decimals'),
        f.get('name'),
        f.get('description'),
        f.get('compiledScript'),
        f.get('isReissuable'),
        f.get('nonce'),
      ]
      if (
        typeof quantity !== 'bigint' ||
        typeof decimals !== 'bigint' ||
        typeof name !== 'string' ||
        typeof description !== 'string' ||
        script === undefined ||
        typeof isReissuable !== 'boolean' ||
        typeof nonce !== 'bigint'
      ) {
        throw new RideError('Invalid arguments')
      }
      if (script !== UNIT) throw new RideError("Issuing scripted asset isn't supported")
      if (decimals < 0n || decimals > 8n) throw new RideError(`Invalid decimals ${decimals}`)
      return { kind: 'issue', name, description, quantity, decimals: Number(decimals), isReissuable, nonce }
    }
    case 'Reissue': {
      const [assetId, quantity, isReissuable] = [f.get('assetId'), f.get('quantity'), f.get('isReissuable')]
      if (!(assetId instanceof Uint8Array) || typeof quantity !== 'bigint' || typeof isReissuable !== 'boolean') {
        return wrong(version, value, 'Reissue')
      }
      return { kind: 'reissue', assetId, quantity, isReissuable }
    }
    case 'Burn': {
      const [assetId, quantity] = [f.get('assetId'), f.get('quantity')]
      if (!(assetId instanceof Uint8Array) || typeof quantity !== 'bigint') return wrong(version, value, 'Burn')
      return { kind: 'burn', assetId, quantity }
    }
    case 'SponsorFee': {
      const [assetId, minFee] = [f.get('assetId'), f.get('minSponsoredAssetFee')]
      if (!(assetId instanceof Uint8Array) || minFee === undefined) return wrong(version, value, 'SponsorFee')
      if (minFee !== UNIT && typeof minFee !== 'bigint') return wrong(4, `can't reconstruct minSponsoredAssetFee from ${show(minFee as Value)}`)
      return { kind: 'sponsorFee', assetId, minSponsoredAssetFee: minFee === UNIT ? null : (minFee as bigint) }
    }
    case 'Lease': {
      if (version < 5) return wrong(version, value)
      const [recipient, amount, nonce] = [f.get('recipient'), f.get('amount'), f.get('nonce')]
      if (!(recipient instanceof CaseObj) || typeof amount !== 'bigint' || typeof nonce !== 'bigint') return wrong(version, value, 'Lease')
      return { kind: 'lease', recipient: recipientOf(recipient, version), amount, nonce }
    }
    case 'LeaseCancel': {
      if (version < 5) return wrong(version, value)
      const leaseId = f.get('leaseId')
      if (!(leaseId instanceof Uint8Array)) return wrong(version, value, 'LeaseCancel')
      return { kind: 'leaseCancel', leaseId }
    }
    default:
      return wrong(version, value)
  }
}

function scriptTransfer(obj: CaseObj, version: StdlibVersion): Action {
  const [recipient, amount, asset] = [obj.fields.get('recipient'), obj.fields.get('amount'), obj.fields.get('asset')]
  if (!(recipient instanceof CaseObj) || typeof amount !== 'bigint' || asset === undefined) return wrong(version, obj, 'ScriptTransfer')
  let assetId: Uint8Array | null
  if (asset instanceof Uint8Array) assetId = asset
  else if (asset === UNIT) assetId = null
  else return wrong(version, `can't reconstruct token from ${show(asset as Value)}`)
  return { kind: 'transfer', recipient: recipientOf(recipient, version), amount, assetId }
}

function recipientOf(obj: CaseObj, version: StdlibVersion): Recipient {
  if (obj.typeName === 'Address') {
    const bytes = obj.fields.get('bytes')
    if (!(bytes instanceof Uint8Array)) return wrong(version, `can't reconstruct address from ${show(bytes ?? UNIT)}`)
    return { address: bytes }
  }
  if (obj.typeName === 'Alias') {
    const alias = obj.fields.get('alias')
    if (typeof alias !== 'string') return wrong(version, `can't reconstruct alias from ${show(alias ?? UNIT)}`)
    return { alias }
  }
  return wrong(version, obj, 'recipient')
}

function fieldsText(obj: CaseObj): string {
  return `Map(${[...obj.fields].map(([k, v]) => `${k} -> ${show(v)}`).join(', ')})`
}

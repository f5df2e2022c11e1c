// The values RIDE computes with, as plain JavaScript values where one fits:
//   Int -> bigint, String -> string (UTF-16, as Java's), Boolean -> boolean, ByteVector -> Uint8Array,
//   List[T] -> readonly Value[], Unit -> UNIT, BigInt -> RideBigInt (bigint with its own type), case objects and
//   tuples -> CaseObj.

/** RIDE's `Unit` (the node's `unit`). */
export const UNIT: unique symbol = Symbol('unit')
export type Unit = typeof UNIT

/** RIDE's `BigInt` (V5+, 512-bit signed): a bigint kept apart from `Int`. */
export class RideBigInt {
  constructor(readonly value: bigint) {}
}

/**
 * A case object (the node's `CaseObj`): `Address`, `IntegerEntry`, `Invocation`, a transaction ... and tuples, whose
 * type name is the node's tuple type name and whose fields are `_1`, `_2` ... Field order is the constructor's.
 */
export class CaseObj {
  constructor(
    readonly typeName: string,
    readonly fields: ReadonlyMap<string, Value>,
  ) {}

  /** The field's value, or a RideError naming the object, as a GETTER of a missing field fails. */
  get(field: string): Value {
    const value = this.fields.get(field)
    if (value === undefined) throw new RideError(`Field '${field}' not found in ${this.typeName}`)
    return value
  }
}

export type Value = bigint | RideBigInt | Uint8Array | string | boolean | Unit | readonly Value[] | CaseObj

/**
 * A failed evaluation. `thrown` marks the node's ThrownError (a script's `throw(...)`, whose message is the script's
 * own); every other failure is the node's CommonError. `message` is exactly the node's text.
 */
export class RideError extends Error {
  constructor(
    message: string,
    readonly thrown: boolean = false,
  ) {
    super(message)
    this.name = 'RideError'
  }
}

/** The evaluation stopped because the complexity limit was reached (the node returns an incomplete expression). */
export class ComplexityLimitReached extends Error {
  constructor(readonly limit: number) {
    super(`complexity limit ${limit} reached`)
    this.name = 'ComplexityLimitReached'
  }
}

export function caseObj(typeName: string, fields: Record<string, Value>): CaseObj {
  return new CaseObj(typeName, new Map(Object.entries(fields)))
}

export function isInt(v: Value): v is bigint {
  return typeof v === 'bigint'
}
export function isBytes(v: Value): v is Uint8Array {
  return v instanceof Uint8Array
}
export function isList(v: Value): v is readonly Value[] {
  return Array.isArray(v)
}

/** Tuples are case objects of this type name (the node's runtimeTupleType). */
export const TUPLE_TYPE_NAME = 'Tuple'

/**
 * Bytes of a String as Java's `String.getBytes(UTF_8)` gives them: an unpaired surrogate becomes `?` (0x3F), where
 * TextEncoder would write U+FFFD. The node measures and converts strings this way.
 */
export function utf8Bytes(s: string): Uint8Array {
  if (isWellFormedUtf16(s)) return new TextEncoder().encode(s)
  let fixed = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        fixed += s[i]! + s[i + 1]!
        i++
        continue
      }
    }
    fixed += c >= 0xd800 && c <= 0xdfff ? '?' : s[i]!
  }
  return new TextEncoder().encode(fixed)
}

/** The length of `utf8Bytes(s)` without building it: a String's weight (the node's CONST_STRING bytesLength). */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else if (c >= 0xd800 && c <= 0xdfff) n += 1
    else n += 3
  }
  return n
}

/** Whether no surrogate is unpaired (the node's `String.isWellFormed`). */
export function isWellFormedUtf16(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
    else return false
  }
  return true
}

// Weights the node gives evaluated values (Terms.scala, ContractLimits: OBJ_WEIGHT, FIELD_WEIGHT, EMPTYARR_WEIGHT,
// ELEM_WEIGHT); they bound comparisons (MaxCmpWeight), lists and objects (MaxWeight).
export const OBJ_WEIGHT = 40
export const FIELD_WEIGHT = 30
export const EMPTYARR_WEIGHT = 20
export const ELEM_WEIGHT = 20
export const MAX_CMP_WEIGHT = 13000
/** DataTxMaxProtoBytes * 2 + header + address + proofs + 100 data entries (ContractLimits.MaxWeight) */
export const MAX_WEIGHT = 165947 * 2 + 32 + 8 + 8 + 8 + (OBJ_WEIGHT + FIELD_WEIGHT + 32) + (EMPTYARR_WEIGHT + (ELEM_WEIGHT + 64) * 8) +
  (EMPTYARR_WEIGHT + (ELEM_WEIGHT + OBJ_WEIGHT + FIELD_WEIGHT * 2) * 100)

const listWeights = new WeakMap<readonly Value[], number>()

/** A value's weight as the node counts it: Int 8, BigInt 64, Boolean 1, bytes and strings their size in bytes. */
export function weightOf(v: Value): number {
  switch (typeof v) {
    case 'bigint':
      return 8
    case 'boolean':
      return 1
    case 'string':
      return utf8Length(v)
    case 'symbol':
      return OBJ_WEIGHT
  }
  if (v instanceof Uint8Array) return v.length
  if (v instanceof RideBigInt) return 64
  if (v instanceof CaseObj) {
    let w = OBJ_WEIGHT + FIELD_WEIGHT * v.fields.size
    for (const f of v.fields.values()) w += weightOf(f)
    return w
  }
  const list = v as readonly Value[]
  const known = listWeights.get(list)
  if (known !== undefined) return known
  let w = EMPTYARR_WEIGHT + ELEM_WEIGHT * list.length
  for (const x of list) w += weightOf(x)
  listWeights.set(list, w)
  return w
}

/**
 * The name of a value's runtime type, as `match` tests it (native `1`, _isInstanceOf, and `3`, _getType): `Int`,
 * `BigInt`, `ByteVector`, `String`, `Boolean`, `Unit`, `List[Any]` for every list, a case type's name, and for a
 * tuple its element types in the order of the field names sorted as strings (`_1`, `_10`, `_2` ...), as the node
 * sorts them.
 */
export function typeNameOf(v: Value): string {
  switch (typeof v) {
    case 'bigint':
      return 'Int'
    case 'boolean':
      return 'Boolean'
    case 'string':
      return 'String'
    case 'symbol':
      return 'Unit'
  }
  if (v instanceof Uint8Array) return 'ByteVector'
  if (v instanceof RideBigInt) return 'BigInt'
  if (v instanceof CaseObj) {
    if (v.typeName !== TUPLE_TYPE_NAME) return v.typeName
    const names = [...v.fields.keys()].sort()
    return `(${names.map((n) => typeNameOf(v.fields.get(n)!)).join(', ')})`
  }
  return 'List[Any]'
}

/** The node's equality of evaluated values (`==`): by type and content; lists element by element. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
    return true
  }
  if (a instanceof RideBigInt) return b instanceof RideBigInt && a.value === b.value
  if (a instanceof CaseObj) {
    if (!(b instanceof CaseObj) || a.typeName !== b.typeName || a.fields.size !== b.fields.size) return false
    for (const [k, x] of a.fields) {
      const y = b.fields.get(k)
      if (y === undefined || !valuesEqual(x, y)) return false
    }
    return true
  }
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i]!, b[i]!)) return false
  return true
}

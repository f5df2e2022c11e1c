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

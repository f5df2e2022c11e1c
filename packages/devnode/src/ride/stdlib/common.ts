// The functions every family leans on (PureContext's operators and utilities): `==` (0), `$isInstanceOf` (1, what
// `match` calls), `throw` (2, and the argument-less user function), `$getType` (3, V6+), `!=`, `!`, unary `-`,
// `value`, `valueOrElse`, `valueOrErrorMessage`, `extract`, `isDefined`, and tuples: their constructors (1300-1320,
// V4+) and `size` (1350, V6+).
import type { Expr } from '../terms.ts'
import {
  type Value,
  CaseObj,
  MAX_CMP_WEIGHT,
  RideBigInt,
  RideError,
  TUPLE_TYPE_NAME,
  UNIT,
  typeNameOf,
  valuesEqual,
  weightOf,
} from '../values.ts'
import { base58Encode } from './conversions.ts'
import { LONG_MIN, arity, bool, costs, failingSpends, int, str, versions } from './pure.ts'
import type { CallContext, NativeFunction, StdlibEntry, UserFunction } from './types.ts'

const DEFAULT_THROW_MESSAGE = 'Explicit script termination'

/** `==`: weights over MaxCmpWeight on both sides are refused before comparing (PureContext.eq). */
export function rideEquals(a: Value, b: Value): boolean {
  if (weightOf(b) > MAX_CMP_WEIGHT && weightOf(a) > MAX_CMP_WEIGHT) throw new RideError('Comparable value too heavy.')
  return valuesEqual(a, b)
}

const eq: NativeFunction = {
  kind: 'native',
  id: 0,
  name: '==',
  costs: costs(1, versions(1)),
  apply(args) {
    arity(args, 2, '==(a: T, b: T)')
    return rideEquals(args[0]!, args[1]!)
  },
}

const ne: UserFunction = {
  kind: 'user',
  name: '!=',
  costs: costs({ 1: 26, 2: 26, 3: 1, 4: 1 }, versions(1)),
  apply(args, ctx) {
    arity(args, 2, '!=(a: T, b: T)')
    // body: !(a == b); only == fails
    return failingSpends(ctx, 1, () => !rideEquals(args[0]!, args[1]!))
  },
}

const not: UserFunction = {
  kind: 'user',
  name: '!',
  costs: costs({ 1: 11, 2: 11, 3: 1, 4: 1 }, versions(1)),
  apply: (args) => !bool(args, 0, '!(p: Boolean)'),
}

const minus: UserFunction = {
  kind: 'user',
  name: '-',
  costs: costs({ 1: 9, 2: 9, 3: 1, 4: 1 }, versions(1)),
  apply(args, ctx) {
    const n = int(args, 0, '-(n: Int)')
    // body: 0 - n, which fails at its cost of 1
    if (n === LONG_MIN) return failingSpends(ctx, 1, () => { throw new RideError('long overflow') })
    return -n
  },
}

const isInstanceOf: NativeFunction = {
  kind: 'native',
  id: 1,
  name: '$isInstanceOf',
  costs: costs(1, versions(1)),
  apply(args) {
    const [value, expected] = args
    if (value === undefined || typeof expected !== 'string' || args.length !== 2) return false
    return typeNameOf(value) === expected
  },
}

const getType: NativeFunction = {
  kind: 'native',
  id: 3,
  name: '$getType',
  costs: costs(1, versions(6)),
  apply(args) {
    arity(args, 1, '_getType(obj: T)')
    return typeNameOf(args[0]!)
  },
}

/** throw(message): the script's own failure; a non-String argument fails with the default text (PureContext). */
const throwWithMessage: NativeFunction = {
  kind: 'native',
  id: 2,
  name: 'throw',
  costs: costs(1, versions(1)),
  apply(args) {
    const m = args[0]
    throw new RideError(typeof m === 'string' && args.length === 1 ? m : DEFAULT_THROW_MESSAGE, true)
  },
}

const throwNoMessage: UserFunction = {
  kind: 'user',
  name: 'throw',
  costs: costs({ 1: 2, 2: 2, 3: 1, 4: 1 }, versions(1)),
  apply(_args, ctx) {
    // body: throw("Explicit script termination"), the native at cost 1
    ctx.spent = 1
    throw new RideError(DEFAULT_THROW_MESSAGE, true)
  },
}

// The state reads whose `value()` failure names the key (the node's stateDataHeaders, stateDataSelfHeaders,
// arrayDataByKeyHeaders, arrayDataByIndexHeaders).
const STATE_DATA = new Set([1050, 1051, 1052, 1053])
const STATE_DATA_SELF = new Set([1055, 1056, 1057, 1058])
const ARRAY_DATA_BY_KEY = new Set([1040, 1041, 1042, 1043])
const ARRAY_DATA_BY_INDEX = new Set(['getInteger', 'getBoolean', 'getBinary', 'getString'])

/** A term as the node's error texts print an argument: constants by value, other terms by their node name. */
function printArg(e: Expr | undefined): string {
  if (e === undefined) return ''
  switch (e.kind) {
    case 'string':
      return e.value
    case 'long':
      return e.value.toString()
    case 'boolean':
      return String(e.value)
    case 'ref':
      return `REF(${e.name})`
    default:
      return e.kind.toUpperCase()
  }
}

/** An evaluated argument as its term prints (EVALUATED.toString: a string as is, bytes in base58). */
function printValue(v: Value | undefined, term: Expr | undefined): string {
  if (typeof v === 'string') return v
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v)
  if (v instanceof RideBigInt) return v.value.toString()
  if (v instanceof Uint8Array) return base58Encode(v)
  return printArg(term)
}

/** The text of `value()` on unit, worded by what the argument term was (PureContext.value). */
export function valueErrorMessage(arg: Expr | undefined, ctx: CallContext): string {
  const base = 'value() called on unit value'
  if (arg === undefined) return base
  switch (arg.kind) {
    case 'call': {
      const f = arg.function
      const name = f.kind === 'native' ? (ctx.nativeName?.(f.id) ?? String(f.id)) : f.name
      // the call's arguments as EvaluatorV2 has written their values into the term by now
      const values = ctx.evaluatedArgs?.(arg)
      const printed = (i: number) => printValue(values?.[i], arg.args[i])
      if (f.kind === 'native' && STATE_DATA.has(f.id)) {
        const address = values?.[0] ?? (arg.args[0]?.kind === 'value' ? arg.args[0].value : undefined)
        // the first field of the Address (its bytes) or of the Alias (its name), as the node prints it
        const first = address instanceof CaseObj ? [...address.fields.values()][0] : undefined
        const shown = first instanceof Uint8Array ? base58Encode(first) : typeof first === 'string' ? first : undefined
        const recipient = shown === undefined ? printArg(arg.args[0]) : `base58'${shown}'`
        return `value by key '${printed(1)}' not found for the address ${recipient} on function '${name}Value' call`
      }
      if (f.kind === 'native' && STATE_DATA_SELF.has(f.id)) {
        return `value by key '${printed(0)}' not found for the contract address on function '${name}Value' call`
      }
      if (f.kind === 'native' && ARRAY_DATA_BY_KEY.has(f.id)) {
        return `value by key '${printed(1)}' not found in the list on function '${name}Value' call`
      }
      if (f.kind === 'user' && ARRAY_DATA_BY_INDEX.has(f.name)) {
        return `value by index ${printed(1)} not found in the list on function '${name}Value' call`
      }
      return `${base} on function '${name}' call`
    }
    case 'getter':
      return `${base} while accessing field '${arg.field}'`
    case 'ref':
      return `${base} by reference '${arg.name}'`
    case 'block':
      // the compiler writes lets as LET_BLOCK and functions as BLOCK (ExpressionCompiler)
      return arg.declaration.kind === 'let' ? `${base} after let block evaluation` : `${base} after block evaluation`
    case 'if':
      return `${base} after condition evaluation`
    default:
      return base
  }
}

const value: UserFunction = {
  kind: 'user',
  name: 'value',
  costs: costs({ 1: 13, 2: 13, 3: 13, 4: 2 }, versions(3)),
  apply(args, ctx, argExprs) {
    const a = args[0]
    if (a === undefined || a === UNIT) {
      // body: if (a == unit) then throw(message) else a: == and throw, 1 each
      ctx.spent = 2
      throw new RideError(valueErrorMessage(argExprs?.[0], ctx), true)
    }
    return a
  },
}

const valueOrErrorMessage: UserFunction = {
  kind: 'user',
  name: 'valueOrErrorMessage',
  costs: costs({ 1: 13, 2: 13, 3: 13, 4: 2 }, versions(3)),
  apply(args, ctx) {
    const a = args[0]
    if (a === UNIT) {
      ctx.spent = 2
      throw new RideError(str(args, 1, 'valueOrErrorMessage(a: T|Unit, msg: String)'), true)
    }
    return a!
  },
}

const valueOrElse: UserFunction = {
  kind: 'user',
  name: 'valueOrElse',
  costs: costs(2, versions(4)),
  apply(args) {
    arity(args, 2, 'valueOrElse(value: T|Unit, alternative: T)')
    return args[0] === UNIT ? args[1]! : args[0]!
  },
}

const extract: UserFunction = {
  kind: 'user',
  name: 'extract',
  costs: costs(13, versions(1, 3)),
  apply(args, ctx) {
    const a = args[0]
    if (a === undefined || a === UNIT) {
      ctx.spent = 2
      throw new RideError('extract() called on unit value', true)
    }
    return a
  },
}

const isDefined: UserFunction = {
  kind: 'user',
  name: 'isDefined',
  costs: costs({ 1: 35, 2: 35, 3: 1, 4: 1 }, versions(1)),
  apply(args) {
    arity(args, 1, 'isDefined(a: T|Unit)')
    return args[0] !== UNIT
  },
}

/** `(a, b, ...)`: a tuple of 2 to 22 elements (ids 1300 + size - 2), a case object of type `Tuple`. */
function tupleConstructor(size: number): NativeFunction {
  return {
    kind: 'native',
    id: 1300 + size - 2,
    name: `$Tuple${size}`,
    costs: costs(1, versions(4)),
    apply(args) {
      if (args.length !== size) {
        const params = Array.from({ length: size }, (_, i) => String.fromCharCode(65 + i)).join(', ')
        arity(args, size, `(${params})`)
      }
      return new CaseObj(TUPLE_TYPE_NAME, new Map(args.map((a, i) => [`_${i + 1}`, a])))
    },
  }
}

const sizeTuple: NativeFunction = {
  kind: 'native',
  id: 1350,
  name: 'size',
  costs: costs(1, versions(6)),
  apply(args) {
    const t = args[0]
    if (args.length !== 1 || !(t instanceof CaseObj) || t.typeName !== TUPLE_TYPE_NAME) {
      throw new RideError("Can't apply (CaseObj) to 'size(t: Tuple)'")
    }
    return BigInt(t.fields.size)
  },
}

export const commonFunctions: readonly StdlibEntry[] = [
  eq,
  ne,
  not,
  minus,
  isInstanceOf,
  getType,
  throwWithMessage,
  throwNoMessage,
  value,
  valueOrErrorMessage,
  valueOrElse,
  extract,
  isDefined,
  ...Array.from({ length: 21 }, (_, i) => tupleConstructor(i + 2)),
  sizeTuple,
]

// The shape of the one table of built-in functions (the node's FunctionIds + PureContext/CryptoContext/WavesContext,
// gowaves' generated catalogues). Every family file exports a list of these; stdlib/index.ts joins them.
import type { Environment } from '../environment.ts'
import type { Expr } from '../terms.ts'
import type { StdlibVersion } from '../versions.ts'
import type { Value } from '../values.ts'

/** Cost per stdlib version; a version missing here does not have the function. */
export type CostByVersion = Partial<Record<StdlibVersion, number>>

/** What a built-in sees besides its arguments. */
export interface CallContext {
  version: StdlibVersion
  env: Environment
  /** complexity left before this call's own cost is taken; `invoke`-like functions spend from it (node: Extended) */
  remaining: number
  /**
   * Complexity the function spent beyond its table cost (node: the unused complexity an Extended function returns):
   * `invoke` adds what the callee spent. A built-in user function implemented directly sets it before it throws, to
   * what the node's body of the function spends up to its error (`throw()`: 1; `value(unit)`: 2): the node counts
   * those costs for a failure, never for a success. Left undefined by everything else.
   */
  spent?: number
  /**
   * The RIDE name of a native id as the node's decompiler names it (`1050` -> `getInteger`), for error texts that name
   * a call (`value()`); absent, the id's digits stand in, as in the node.
   */
  nativeName?: (id: number) => string | undefined
  /** The evaluated arguments of a call term that returned unit in this evaluation, as `value()` words them. */
  evaluatedArgs?: (call: Expr) => readonly Value[] | undefined
}

/**
 * A native function (FunctionHeader.Native(id)): arguments arrive evaluated. Throws RideError with the node's text.
 * `name` is the RIDE name as the node prints it in errors and logs.
 */
export interface NativeFunction {
  kind: 'native'
  id: number
  name: string
  costs: CostByVersion
  apply(args: readonly Value[], ctx: CallContext): Value
}

/**
 * A built-in user function (FunctionHeader.User(name)): `getIntegerValue`, `value`, `extract`, `addressFromString` ...
 * Either a body over its argument names, evaluated like a script's function (the node's UserFunction), or a direct
 * implementation over evaluated arguments. In newMode its cost is always `costs[version]`.
 * The same name may appear once per version range: `costs` says which versions an entry serves.
 */
export type UserFunction =
  | { kind: 'user'; name: string; costs: CostByVersion; args: readonly string[]; body: Expr }
  | {
      kind: 'user'
      name: string
      costs: CostByVersion
      /**
       * `argExprs`: the call's argument terms as written, before evaluation; `value()` words its error by them, as the
       * node's built-in user functions see their start arguments.
       */
      apply(args: readonly Value[], ctx: CallContext, argExprs?: readonly Expr[]): Value
    }

/**
 * A case type whose constructor a script may call by name (`Address(bytes)`, `IntegerEntry(k, v)`): FunctionHeader.User
 * of the type name, evaluated by EvaluatorV2.evaluateConstructor. `fields` in constructor order, with the types checked
 * by `checkConstructorArgsTypes` where the node checks them.
 */
export interface CaseType {
  kind: 'type'
  name: string
  fields: readonly { name: string; type: string }[]
  versions: readonly StdlibVersion[]
}

export type StdlibEntry = NativeFunction | UserFunction | CaseType | GlobalValue

/** A global value (the node's letDefs): `unit`, `height`, `this`, `tx`, `lastBlock`, `nil`, `UP`, `SHA256` ... */
export interface GlobalValue {
  kind: 'global'
  name: string
  versions: readonly StdlibVersion[]
  value(ctx: CallContext): Value
}

// The evaluator: EvaluatorV2's rules as a node 1.5.7 runs them (newMode, correctFunctionCallScope, fixedThrownError;
// lang/v1/evaluator/EvaluatorV2.scala), over terms that are never changed: lazy lets are memoised in the scope that
// declares them, not by rewriting the tree. It runs on an explicit stack, so the nesting a 160 KB script can hold
// (thousands of lets, a list literal of a thousand elements) never deepens the JavaScript stack.
//
// Complexity, as the node counts it in newMode, with `limit` the complexity still allowed:
// - a native function costs its table cost; a call it cannot afford is left unevaluated and costs 1;
// - a built-in user function costs its table cost, whatever its body spends;
// - a script's function costs what its body spends, or 1 if that is nothing; a constructor costs 1;
// - constants, references, conditions and getters cost nothing;
// - every argument is evaluated, left to right, before the call; once the limit is spent nothing more is evaluated,
//   and the result is incomplete.
import type { CallContext, CaseType, NativeFunction, UserFunction } from '../stdlib/types.ts'
import type { StdlibTable } from '../stdlib/index.ts'
import type { Environment } from '../environment.ts'
import type { Expr, FuncDeclaration } from '../terms.ts'
import type { StdlibVersion } from '../versions.ts'
import { base58Encode } from '../../crypto.ts'
import { CaseObj, RideBigInt, RideError, UNIT, type Value } from '../values.ts'
import { type LogItem, termString } from './log.ts'

/** A value not computed because the complexity limit was reached first (the node's incomplete expression). */
const INCOMPLETE: unique symbol = Symbol('incomplete')
type Result = Value | typeof INCOMPLETE

/** A `let` as its block declares it: evaluated on first reference, then remembered for its scope. */
interface LetCell {
  readonly expr: Expr
  readonly scope: Scope
  value: Value | undefined
}

/** The blocks around an expression, innermost first (the node's parentBlocks). */
type Scope = LetScope | FuncScope | null
interface LetScope {
  readonly func: false
  readonly name: string
  readonly cell: LetCell
  readonly next: Scope
}
interface FuncScope {
  readonly func: true
  readonly name: string
  readonly decl: FuncDeclaration
  readonly next: Scope
}

/** How an evaluation ended: spent complexity is `limit` minus what was left, as the node reports it. */
export type Outcome =
  | { kind: 'value'; value: Value; complexity: number }
  /** the limit was reached before the result was computed */
  | { kind: 'incomplete'; complexity: number }
  | { kind: 'error'; error: RideError; complexity: number }

export interface EvaluatorOptions {
  version: StdlibVersion
  env: Environment
  table: StdlibTable
  /** complexity allowed (node: the limit of applyLimitedCoeval) */
  limit: number
  /** check constructor arguments against the type's fields (the node does only in /utils/script/evaluate) */
  checkConstructorArgsTypes?: boolean
  /**
   * Where to append the evaluation log (EvaluatorV2 with enableExecutionLog), in the node's order; see LogItem. Without
   * it nothing is recorded and nothing is spent on recording.
   */
  log?: LogItem[]
  /** the value term of a let the log already holds (a called callable's Invocation, logged before the evaluation) */
  loggedLet?: Expr
}

/** Bindings placed around the expression before it runs: `i` of a callable, `tx` of a verifier. */
export interface Binding {
  name: string
  value: Value
}

/** A failure and the complexity still unused when it happened. */
class Failure {
  constructor(
    readonly error: RideError,
    readonly unused: number,
  ) {}
}

// Continuation frames of the explicit stack.
const enum F {
  Let,
  Getter,
  If,
  Args,
  BuiltinBody,
  UserBody,
}
type Frame =
  | { f: F.Let; let: LetScope }
  | { f: F.Getter; field: string }
  | { f: F.If; expr: Extract<Expr, { kind: 'if' }>; scope: Scope }
  | { f: F.Args; expr: Extract<Expr, { kind: 'call' }>; scope: Scope; values: Result[]; index: number }
  /** a built-in user function's body: its cost was taken before, whatever the body spends (`unused` is fixed) */
  | { f: F.BuiltinBody; unused: number; limitAtCall: number; name: string }
  | { f: F.UserBody; limitAtCall: number; name: string }

/**
 * Evaluates `expr` with `bindings` in scope (outermost first), within `options.limit`. Never throws for what a
 * script does: errors and the reached limit are outcomes.
 */
export function evaluate(expr: Expr, options: EvaluatorOptions, bindings: readonly Binding[] = []): Outcome {
  let scope: Scope = null
  for (const b of bindings) scope = { func: false, name: b.name, cell: { expr: { kind: 'value', value: b.value }, scope: null, value: b.value }, next: scope }
  try {
    const [result, unused] = run(expr, scope, options)
    const complexity = options.limit - unused
    return result === INCOMPLETE ? { kind: 'incomplete', complexity } : { kind: 'value', value: result, complexity }
  } catch (e) {
    if (e instanceof Failure) return { kind: 'error', error: e.error, complexity: options.limit - e.unused }
    throw e
  }
}

function run(root: Expr, rootScope: Scope, options: EvaluatorOptions): [Result, number] {
  const { table, version, env } = options
  const globals = new Map<string, Value>()
  const nativeName = (id: number) => table.natives.get(id)?.name
  // EvaluatorV2 writes each argument's value into its call term as it evaluates it, and value() words its error from
  // that term: the arguments of the calls that returned unit are kept here for it
  const unitCallArgs = new WeakMap<Expr, readonly Value[]>()
  const evaluatedArgs = (call: Expr) => unitCallArgs.get(call)
  const stack: Frame[] = []

  // the machine's registers: either an expression to evaluate, or a result to return to the top frame
  let evaluating = true
  let expr: Expr = root
  let scope: Scope = rootScope
  let limit = options.limit
  let result: Result = UNIT
  let unused = 0

  const ret = (r: Result, u: number) => {
    result = r
    unused = u
    evaluating = false
  }
  const fail = (message: string, u: number): never => {
    throw new Failure(new RideError(message), u)
  }

  // The log (only when asked for). The node logs a let once (its LET by identity) when its value is first known: here
  // a let's cell is its LET, made anew each time its block is entered, as the node's copy of a function body makes it.
  const log = options.log
  const loggedLets = log === undefined ? undefined : new Set<LetCell>()
  const logLet = (s: LetScope, value: Value) => {
    if (loggedLets!.has(s.cell)) return
    loggedLets!.add(s.cell)
    log!.push({ name: s.name, value })
  }
  // EvaluatorV2.logFunc: a call whose arguments are all evaluated, before it runs. A built-in the budget cannot pay
  // for logs nothing; a function of the script or a constructor (not in the node's context) logs only its arguments.
  const logCall = (header: Extract<Expr, { kind: 'call' }>['function'], args: Value[], budget: number) => {
    const fn = header.kind === 'native' ? table.natives.get(header.id) : table.users.get(header.name)
    const name = fn === undefined ? (header.kind === 'native' ? String(header.id) : header.name) : logName(fn.name, nativeName)
    if (fn === undefined) {
      log!.push({ name: `${name}.@args`, value: args })
      return
    }
    const cost = fn.costs[version]!
    if (budget < cost) return
    log!.push({ name: `${name}.@args`, value: args }, { name: `${name}.@complexity`, value: BigInt(cost) }, { name: '@complexityLimit', value: BigInt(budget - cost) })
  }
  // newMode: a user-header call that spent nothing costs 1, and the node logs that
  const logUnitCost = (name: string, budget: number) => {
    if (budget >= 1) log!.push({ name: `${name}.@complexity`, value: 1n }, { name: '@complexityLimit', value: BigInt(budget - 1) })
  }

  // Calls the function of `call` whose arguments are all evaluated, with `budget` > 0; sets the registers.
  const callFunction = (call: Extract<Expr, { kind: 'call' }>, args: Value[], budget: number, callScope: Scope) => {
    const header = call.function
    if (header.kind === 'native') {
      const fn = table.natives.get(header.id)
      if (fn === undefined) return fail(`function 'Native(${header.id})' not found`, budget)
      const cost = fn.costs[version]!
      // an unaffordable call stays unevaluated; in newMode a call that spent nothing costs 1
      if (budget < cost) return ret(INCOMPLETE, budget - 1)
      const left = applyNative(fn, args, { version, env, remaining: budget }, budget - cost)
      return ret(left.value, left.unused === budget ? budget - 1 : left.unused)
    }
    const builtin = table.users.get(header.name)
    if (builtin !== undefined) return callBuiltin(builtin, call, args, budget, callScope)
    for (let s = callScope; s !== null; s = s.next) {
      if (s.func && s.name === header.name) {
        // correctFunctionCallScope: the body sees the blocks around its declaration, and its arguments
        let bodyScope: Scope = s.next
        const params = s.decl.args
        const n = Math.min(params.length, args.length)
        for (let i = 0; i < n; i++) {
          const value = args[i]!
          bodyScope = { func: false, name: params[i]!, cell: { expr: { kind: 'value', value }, scope: null, value }, next: bodyScope }
        }
        stack.push({ f: F.UserBody, limitAtCall: budget, name: header.name })
        expr = s.decl.body
        scope = bodyScope
        limit = budget
        evaluating = true
        return
      }
    }
    const type = table.types.get(header.name)
    if (type === undefined) return fail(`Function or type '${header.name}' not found`, budget)
    if (options.checkConstructorArgsTypes) checkConstructorArgs(type, args, budget)
    const fields = new Map<string, Value>()
    const n = Math.min(type.fields.length, args.length)
    for (let i = 0; i < n; i++) fields.set(type.fields[i]!.name, args[i]!)
    if (log !== undefined) logUnitCost(header.name, budget)
    return ret(new CaseObj(type.name, fields), budget - 1)
  }

  const callBuiltin = (fn: UserFunction, call: Extract<Expr, { kind: 'call' }>, args: Value[], budget: number, callScope: Scope) => {
    const cost = fn.costs[version]!
    const fixed = budget - cost
    if ('body' in fn) {
      let bodyScope = callScope
      const n = Math.min(fn.args.length, args.length)
      for (let i = 0; i < n; i++) {
        const value = args[i]!
        bodyScope = { func: false, name: fn.args[i]!, cell: { expr: { kind: 'value', value }, scope: null, value }, next: bodyScope }
      }
      stack.push({ f: F.BuiltinBody, unused: fixed, limitAtCall: budget, name: fn.name })
      expr = fn.body
      scope = bodyScope
      limit = fixed
      evaluating = true
      return
    }
    // a body of calls evaluated with nothing left stays incomplete
    if (fixed <= 0) return ret(INCOMPLETE, fixed === budget ? fixed - 1 : fixed)
    let value: Value
    const ctx: CallContext = { version, env, remaining: fixed, nativeName, evaluatedArgs }
    try {
      value = fn.apply(args, ctx, call.args)
    } catch (e) {
      // the node's body of the function spends on the way to its error (throw() 1 more, value(unit) 2 more): the
      // function says so in ctx.spent; on success the body's costs are not counted
      throw new Failure(asRideError(e, fn.name), fixed - (ctx.spent ?? 0))
    }
    if (fixed === budget && log !== undefined) logUnitCost(fn.name, budget)
    return ret(value, fixed === budget ? fixed - 1 : fixed)
  }

  try {
    for (;;) {
      if (evaluating) {
        switch (expr.kind) {
          case 'long':
          case 'bytes':
          case 'string':
          case 'boolean':
            ret(expr.value, limit)
            break
          case 'value':
            ret(expr.value, limit)
            break
          case 'block': {
            const d = expr.declaration
            scope =
              d.kind === 'let'
                ? { func: false, name: d.name, cell: { expr: d.value, scope, value: undefined }, next: scope }
                : { func: true, name: d.name, decl: d, next: scope }
            if (log !== undefined && d.kind === 'let' && d.value === options.loggedLet) loggedLets!.add((scope as LetScope).cell)
            expr = expr.body
            break
          }
          case 'ref': {
            const name = expr.name
            let s = scope
            while (s !== null && (s.func || s.name !== name)) s = s.next
            if (s !== null) {
              const cell = s.cell
              if (cell.value !== undefined) {
                // a let known before its first reference (an argument, a binding) is logged there
                if (log !== undefined) logLet(s, cell.value)
                ret(limit > 0 ? cell.value : INCOMPLETE, limit)
              } else {
                stack.push({ f: F.Let, let: s })
                expr = cell.expr
                scope = cell.scope
              }
              break
            }
            let value = globals.get(name)
            if (value === undefined) {
              const global = table.globals.get(name)
              if (global === undefined) fail(`A definition of '${name}' not found`, limit)
              try {
                value = global!.value({ version, env, remaining: limit })
              } catch (e) {
                throw new Failure(asRideError(e, name), limit)
              }
              globals.set(name, value)
            }
            ret(value, limit)
            break
          }
          case 'getter':
            stack.push({ f: F.Getter, field: expr.field })
            expr = expr.expr
            break
          case 'if':
            stack.push({ f: F.If, expr, scope })
            expr = expr.cond
            break
          case 'call':
            if (limit <= 0) {
              ret(INCOMPLETE, limit)
            } else if (expr.args.length === 0) {
              if (log !== undefined) logCall(expr.function, [], limit)
              callFunction(expr, [], limit, scope)
            } else {
              stack.push({ f: F.Args, expr, scope, values: [], index: 0 })
              expr = expr.args[0]!
            }
            break
        }
        continue
      }

      const frame = stack.pop()
      if (frame === undefined) return [result, unused]
      switch (frame.f) {
        case F.Let:
          if (result !== INCOMPLETE) {
            frame.let.cell.value = result
            if (log !== undefined) logLet(frame.let, result)
          }
          if (unused <= 0) result = INCOMPLETE
          break
        case F.Getter:
          if (result === INCOMPLETE) break
          if (result instanceof CaseObj) {
            if (unused > 0) {
              const value = result.fields.get(frame.field)
              if (value === undefined) fail(`key not found: ${frame.field}`, unused)
              result = value!
            } else {
              result = INCOMPLETE
            }
            break
          }
          fail(`GETTER of non-case-object ${termString(result)} with field '${frame.field}`, unused)
          break
        case F.If:
          if (result === INCOMPLETE) break
          if (typeof result !== 'boolean') fail('Non-boolean result in cond', unused)
          if (unused <= 0) {
            result = INCOMPLETE
            break
          }
          expr = result ? frame.expr.ifTrue : frame.expr.ifFalse
          scope = frame.scope
          limit = unused
          evaluating = true
          break
        case F.Args: {
          frame.values.push(result)
          const call = frame.expr
          if (unused > 0 && frame.values.length < call.args.length) {
            // the node folds over every argument while complexity is left, even past an incomplete one
            stack.push(frame)
            expr = call.args[frame.values.length]!
            scope = frame.scope
            limit = unused
            evaluating = true
            break
          }
          if (unused <= 0 || frame.values.length < call.args.length || frame.values.includes(INCOMPLETE)) {
            result = INCOMPLETE
            break
          }
          if (log !== undefined) logCall(call.function, frame.values as Value[], unused)
          callFunction(call, frame.values as Value[], unused, frame.scope)
          if (!evaluating && result === UNIT) unitCallArgs.set(call, frame.values as Value[])
          break
        }
        case F.BuiltinBody:
          if (frame.unused === frame.limitAtCall && log !== undefined) logUnitCost(frame.name, frame.limitAtCall)
          unused = frame.unused === frame.limitAtCall ? frame.unused - 1 : frame.unused
          break
        case F.UserBody:
          if (unused === frame.limitAtCall) {
            if (log !== undefined) logUnitCost(frame.name, unused)
            unused -= 1
          }
          break
      }
    }
  } catch (e) {
    // EvaluatorV2.logError: the innermost let under evaluation logs the error (the lets around it see it logged)
    if (log !== undefined && e instanceof Failure) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i]!
        if (frame.f !== F.Let) continue
        if (!loggedLets!.has(frame.let.cell)) {
          loggedLets!.add(frame.let.cell)
          log.push({ name: frame.let.name, error: e.error })
        }
        break
      }
    }
    throw e
  }
}

/** Built-in user functions the node names apart from their header: BaseFunction.name for FunctionHeader.User. */
const PUBLIC_NAMES: ReadonlyMap<string, string> = new Map([
  ['dropRightBytes', 'dropRight'],
  ['takeRightBytes', 'takeRight'],
  ['sqrtBigInt', 'sqrt'],
])

/**
 * The name a built-in logs under: its RIDE name; `@extrNative(1050)` is `getIntegerValue` and `@extrUser(getInteger)`
 * is `getIntegerValue` (Functions.withExtract: the function's name + `Value`).
 */
function logName(name: string, nativeName: (id: number) => string | undefined): string {
  const extracted = /^@extr(Native|User)\((.+)\)$/.exec(name)
  if (extracted === null) return PUBLIC_NAMES.get(name) ?? name
  const inner = extracted[1] === 'Native' ? (nativeName(Number(extracted[2])) ?? extracted[2]!) : extracted[2]!
  return `${inner}Value`
}

function applyNative(fn: NativeFunction, args: Value[], ctx: CallContext, unused: number): { value: Value; unused: number } {
  try {
    const value = fn.apply(args, ctx)
    return { value, unused: unused - (ctx.spent ?? 0) }
  } catch (e) {
    throw new Failure(asRideError(e, fn.name), unused - (ctx.spent ?? 0))
  }
}

function asRideError(e: unknown, name: string): RideError {
  if (e instanceof RideError) return e
  const message = e instanceof Error ? e.message : String(e)
  return new RideError(`An error during run ${name}: ${message}`)
}

function checkConstructorArgs(type: CaseType, args: readonly Value[], unused: number): void {
  const list = (items: readonly string[]) => `(${items.join(', ')})`
  if (type.fields.length !== args.length) {
    throw new Failure(
      new RideError(`Constructor ${type.name} expected ${type.fields.length} args, but ${list(args.map(termString))} was passed`),
      unused,
    )
  }
  const fits = type.fields.every((field, i) => typeFits(field.type, args[i]!))
  if (!fits) {
    throw new Failure(
      new RideError(`Passed args ${list(args.map(termString))} are unsuitable for constructor ${type.name}${list(type.fields.map((f) => f.type))}`),
      unused,
    )
  }
}

/** Whether `value` fits the declared field type (`Int`, `String`, `A|B`, `List[Any]`, a case type name, `Any`). */
function typeFits(type: string, value: Value): boolean {
  if (type === 'Any') return true
  if (type.includes('|')) return type.split('|').some((t) => typeFits(t, value))
  if (type.startsWith('List[')) return Array.isArray(value)
  return typeNameOf(value) === type
}

/** The RIDE type name of a value (the node's getType). */
export function typeNameOf(value: Value): string {
  if (typeof value === 'bigint') return 'Int'
  if (typeof value === 'string') return 'String'
  if (typeof value === 'boolean') return 'Boolean'
  if (value instanceof Uint8Array) return 'ByteVector'
  if (value instanceof RideBigInt) return 'BigInt'
  if (value === UNIT) return 'Unit'
  if (Array.isArray(value)) return 'List[Any]'
  return (value as CaseObj).typeName
}

/**
 * A value in the case-class form of its term (`CONST_LONG(1)`, `CONST_STRING(a)`). A node 1.5.7 writes EVALUATED.toString
 * into its error texts (`1`, `a`: termString in log.ts), as UtilsRouteEvaluateSpec's `Passed args (bytes, abc)` shows.
 */
export function show(value: Value): string {
  if (typeof value === 'bigint') return `CONST_LONG(${value})`
  if (typeof value === 'string') return `CONST_STRING(${value})`
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Uint8Array) return `CONST_BYTESTR(${base58Encode(value)})`
  if (value instanceof RideBigInt) return `CONST_BIGINT(${value.value})`
  if (value === UNIT) return 'Unit'
  if (Array.isArray(value)) return `ARR(${value.map(show).join(', ')})`
  const obj = value as CaseObj
  return `CaseObj(${obj.typeName}, ${[...obj.fields].map(([k, v]) => `${k} -> ${show(v)}`).join(', ')})`
}

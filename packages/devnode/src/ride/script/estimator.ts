// The complexity estimator a node 1.5.7 runs at SetScript, SetAssetScript and Issue: ScriptEstimatorV3
// (lang/v1/estimator/v3) with the flags the node's `estimator()` picks once every feature is active
// (features/EstimatorProvider): fixOverflow = true (sums are checked), overhead = false (RideV6: constants,
// references, getters and conditions cost nothing), letFixes = true (LightNode: a function's own arguments are not
// references to outer lets). @waves/ride-js' estimator 3 is the same estimator with the same flags.
//
// The node applies it two ways. SetScript (SetScriptTransactionDiff, DiffsCommon.countVerifierComplexity) estimates
// each callable and the verifier inside all the dApp's declarations (ContractScript.estimateComplexity): that is
// what it stores and prints at /addresses/scriptInfo, and what this module computes. Its compile routes and ride-js
// print ContractScript.estimateFully instead (each declaration once, a callable as its body plus the global lets it
// reads), which for a few dApps counts a let twice and prints a larger number (estimator.test.ts shows one).
//
// The node writes it as a state monad; here the state is one immutable context object replaced on each change, so
// that the node's `local` (run, then drop the changes) is "keep the old object and put it back".
import type { DAppScript, Declaration, Expr, FuncDeclaration, FunctionHeader, Script } from '../terms.ts'
import { RideError } from '../values.ts'
import type { StdlibVersion } from '../versions.ts'
import { PMap } from './persistent.ts'

/** The cost of each built-in for one stdlib version: undefined where the version has no such function. */
export interface FunctionCosts {
  native(id: number): number | undefined
  /** built-in user functions (`!=`, `getIntegerValue` ...) and case type constructors (cost: their field count) */
  user(name: string): number | undefined
}

export interface EstimatorFlags {
  fixOverflow: boolean
  overhead: boolean
  letFixes: boolean
}

/** What a node 1.5.7 runs with every feature active (ScriptEstimatorV3.latest). */
export const NODE_ESTIMATOR: EstimatorFlags = { fixOverflow: true, overhead: false, letFixes: true }

const LONG_MAX = (1n << 63n) - 1n
const LONG_MIN = -(1n << 63n)

type Thunk = () => bigint
interface FuncCost {
  cost: bigint
  usedRefs: ReadonlySet<string>
}
interface Context {
  /** the script's functions and any built-in whose entry changed; everything else comes from the cost table */
  readonly funcs: PMap<FuncCost>
  readonly usedRefs: PMap<true>
  readonly refsCosts: PMap<Thunk>
}

const NO_REFS: ReadonlySet<string> = new Set()

function headerKey(h: FunctionHeader): string {
  return h.kind === 'native' ? `n${h.id}` : `u${h.name}`
}

/** FunctionHeader's toString in the node (used in its error texts) */
function headerText(h: FunctionHeader): string {
  return h.kind === 'native' ? `Native(${h.id})` : `User(${h.name})`
}

/** An estimation the node refuses (`function 'User(f)' not found`, `Illegal script`, a shadowing function ...). */
export class EstimationError extends RideError {
  constructor(message: string) {
    super(message)
    this.name = 'EstimationError'
  }
}

class EstimatorV3 {
  private ctx: Context = { funcs: PMap.empty(), usedRefs: PMap.empty(), refsCosts: PMap.empty() }
  private readonly overheadCost: bigint

  constructor(
    private readonly costs: FunctionCosts,
    private readonly flags: EstimatorFlags,
  ) {
    this.overheadCost = flags.overhead ? 1n : 0n
  }

  run(expr: Expr): bigint {
    try {
      return this.evalExpr(expr, NO_REFS)
    } catch (e) {
      // The node's estimator is stack-safe; a tree deeper than the JavaScript stack is refused with a clear text.
      if (e instanceof RangeError) throw new EstimationError('Script is too deeply nested to estimate')
      throw e
    }
  }

  private lookup(funcs: PMap<FuncCost>, h: FunctionHeader): FuncCost | undefined {
    const own = funcs.get(headerKey(h))
    if (own !== undefined) return own
    const cost = h.kind === 'native' ? this.costs.native(h.id) : this.costs.user(h.name)
    return cost === undefined ? undefined : { cost: BigInt(cost), usedRefs: NO_REFS }
  }

  private sum(a: bigint, b: bigint): bigint {
    const r = a + b
    if (this.flags.fixOverflow) {
      if (r > LONG_MAX || r < LONG_MIN) throw new EstimationError('Illegal script')
      return r
    }
    return BigInt.asIntN(64, r)
  }

  /** the node's `local`: run, then restore the whole context */
  private local(f: Thunk): Thunk {
    return () => {
      const saved = this.ctx
      try {
        return f()
      } finally {
        this.ctx = saved
      }
    }
  }

  private evalExpr(t: Expr, active: ReadonlySet<string>): bigint {
    switch (t.kind) {
      case 'block':
        return t.declaration.kind === 'let'
          ? this.evalLetBlock(t.declaration.name, t.declaration.value, t.body, active)
          : this.evalFuncBlock(t.declaration, t.body, active)
      case 'ref':
        if (active.has(t.name) && this.flags.letFixes) return this.overheadCost
        this.ctx = { ...this.ctx, usedRefs: this.ctx.usedRefs.set(t.name, true) }
        return this.overheadCost
      case 'long':
      case 'bytes':
      case 'string':
      case 'boolean':
      case 'value':
        return this.overheadCost
      case 'if': {
        const cond = this.evalHoldingFuncs(t.cond, active)
        const right = this.evalHoldingFuncs(t.ifTrue, active)
        const left = this.evalHoldingFuncs(t.ifFalse, active)
        return this.sum(this.sum(cond, right > left ? right : left), this.overheadCost)
      }
      case 'getter':
        return this.sum(this.evalExpr(t.expr, active), this.overheadCost)
      case 'call':
        return this.evalFuncCall(t.function, t.args, active)
    }
  }

  private evalLetBlock(name: string, value: Expr, next: Expr, active: ReadonlySet<string>): bigint {
    const start = this.ctx
    const letEval: Thunk = () => this.evalHoldingFuncs(value, active, start.funcs)
    this.ctx = { ...this.ctx, usedRefs: this.ctx.usedRefs.delete(name), refsCosts: this.ctx.refsCosts.set(name, this.local(letEval)) }
    const nextCost = this.evalExpr(next, active)
    const nextCtx = this.ctx
    const startCost = start.refsCosts.get(name)
    this.ctx = {
      ...this.ctx,
      usedRefs: start.usedRefs.has(name) ? this.ctx.usedRefs.set(name, true) : this.ctx.usedRefs.delete(name),
      refsCosts: startCost !== undefined ? this.ctx.refsCosts.set(name, startCost) : this.ctx.refsCosts.delete(name),
    }
    const letCost = nextCtx.usedRefs.has(name) ? letEval() : 0n
    return this.sum(nextCost, letCost)
  }

  private evalFuncBlock(func: FuncDeclaration, next: Expr, active: ReadonlySet<string>): bigint {
    const start = this.ctx
    if (this.flags.fixOverflow && this.lookup(start.funcs, { kind: 'user', name: func.name }) !== undefined) {
      throw new EstimationError(`Function '${func.name}(${func.args.join(', ')})' shadows preceding declaration`)
    }
    const [funcCost, refsUsedInBody] = this.withUsedRefs(() => this.evalHoldingFuncs(func.body, new Set([...active, ...func.args])))
    this.ctx = {
      ...this.ctx,
      funcs: this.ctx.funcs.set(headerKey({ kind: 'user', name: func.name }), { cost: funcCost, usedRefs: refsUsedInBody }),
      usedRefs: start.usedRefs,
    }
    return this.evalExpr(next, active)
  }

  private evalFuncCall(header: FunctionHeader, args: readonly Expr[], active: ReadonlySet<string>): bigint {
    const ctx = this.ctx
    const found = this.lookup(ctx.funcs, header)
    if (found === undefined) throw new EstimationError(`function '${headerText(header)}' not found`)
    // the function is now known with no references of its own (its body's are in usedRefs from here on)
    const key = headerKey(header)
    const funcs = ctx.funcs.has(key) && found.usedRefs.size > 0 ? ctx.funcs.set(key, { cost: found.cost, usedRefs: NO_REFS }) : ctx.funcs
    let usedRefs = this.ctx.usedRefs
    for (const ref of found.usedRefs) usedRefs = usedRefs.set(ref, true)
    this.ctx = { ...this.ctx, funcs, usedRefs }
    const argCosts = args.map((arg) => this.evalHoldingFuncs(arg, active))
    const argsCost = argCosts.reduce((a, b) => this.sum(a, b), 0n)
    let bodyCost: bigint
    if (found.cost !== 0n) bodyCost = found.cost
    else if (this.flags.overhead) bodyCost = 0n
    else if (!this.flags.letFixes) bodyCost = 1n
    else bodyCost = this.isBlankFunc(found.usedRefs, ctx.refsCosts) ? 1n : 0n
    return this.sum(argsCost, bodyCost)
  }

  /** a function that costs nothing itself costs 1, unless a let it refers to costs something */
  private isBlankFunc(usedRefs: ReadonlySet<string>, refsCosts: PMap<Thunk>): boolean {
    for (const ref of usedRefs) {
      const cost = refsCosts.get(ref)
      if (cost !== undefined && cost() > 0n) return false
    }
    return true
  }

  private evalHoldingFuncs(expr: Expr, active: ReadonlySet<string>, funcs?: PMap<FuncCost>): bigint {
    const startFuncs = this.ctx.funcs
    if (funcs !== undefined) this.ctx = { ...this.ctx, funcs }
    const cost = this.evalExpr(expr, active)
    this.ctx = { ...this.ctx, funcs: startFuncs }
    return cost
  }

  private withUsedRefs(f: Thunk): [bigint, ReadonlySet<string>] {
    const before = this.ctx.usedRefs
    const result = f()
    const after = this.ctx.usedRefs
    const added = new Set<string>()
    if (after !== before) for (const ref of after.keys()) if (!before.has(ref)) added.add(ref)
    return [result, added]
  }
}

/** Estimates one expression with ScriptEstimatorV3. Throws EstimationError with the node's texts. */
export function estimateExpr(expr: Expr, costs: FunctionCosts, flags: EstimatorFlags = NODE_ESTIMATOR): bigint {
  return new EstimatorV3(costs, flags).run(expr)
}

const TRUE: Expr = { kind: 'boolean', value: true }

/**
 * What the node estimates for an annotated function (ContractScript.constructExprFromDeclAndContext with
 * preserveDefinition): the dApp's declarations, then `let <annotation arg> = true`, the function, and a call of it
 * with `true` for each argument.
 */
export function annotatedFunctionExpr(declarations: readonly Declaration[], annotationArg: string, func: FuncDeclaration): Expr {
  let expr: Expr = {
    kind: 'block',
    declaration: { kind: 'let', name: annotationArg, value: TRUE },
    body: {
      kind: 'block',
      declaration: func,
      body: { kind: 'call', function: { kind: 'user', name: func.name }, args: func.args.map(() => TRUE) },
    },
  }
  for (let i = declarations.length - 1; i >= 0; i--) expr = { kind: 'block', declaration: declarations[i]!, body: expr }
  return expr
}

/** The complexities a node keeps for a script and prints at /addresses/scriptInfo/{address}. */
export interface ScriptComplexity {
  /** the largest of the verifier's and the callables' */
  complexity: number
  /** an expression's complexity; a dApp's verifier's, or 0 without one */
  verifierComplexity: number
  /** per callable name, the verifier left out; empty for expressions */
  callableComplexities: Record<string, number>
}

/**
 * Estimates a script as the node does at SetScript (ExprScript.estimateExact, ContractScript.estimateComplexityExact):
 * expressions of V6 and later are estimated inside `let i = true` (the free-call invocation argument). Limits are
 * not checked here (see checks.ts).
 *
 * @throws EstimationError with the node's texts.
 */
export function estimateScript(script: Script, costs: FunctionCosts, flags: EstimatorFlags = NODE_ESTIMATOR): ScriptComplexity {
  if (script.kind === 'expression') {
    const expr: Expr = script.version < 6 ? script.expr : { kind: 'block', declaration: { kind: 'let', name: 'i', value: TRUE }, body: script.expr }
    const complexity = Number(estimateExpr(expr, costs, flags))
    return { complexity, verifierComplexity: complexity, callableComplexities: {} }
  }
  const callableComplexities: Record<string, number> = {}
  for (const c of script.callables) {
    callableComplexities[c.func.name] = Number(estimateExpr(annotatedFunctionExpr(script.declarations, c.annotationArg, c.func), costs, flags))
  }
  const verifierComplexity = estimateVerifier(script, costs, flags)
  const complexity = Math.max(verifierComplexity, 0, ...Object.values(callableComplexities))
  return { complexity, verifierComplexity, callableComplexities }
}

/**
 * A dApp's verifier as the node estimates it (ContractScript.estimateVerifier), 0 without one.
 *
 * @throws EstimationError `DApp-to-dApp invocations are not allowed from verifier`, or the estimator's texts.
 */
export function estimateVerifier(script: DAppScript, costs: FunctionCosts, flags: EstimatorFlags = NODE_ESTIMATOR): number {
  const v = script.verifier
  if (v === null) return 0
  if (verifierContainsSyncCall(script.declarations, v.func.body)) {
    throw new EstimationError('DApp-to-dApp invocations are not allowed from verifier')
  }
  return Number(estimateExpr(annotatedFunctionExpr(script.declarations, v.annotationArg, v.func), costs, flags))
}

/** FunctionIds.CALLDAPP and CALLDAPPREENTRANT: `invoke` and `reentrantInvoke` */
const SYNC_CALLS = new Set([1020, 1021])

/**
 * Whether a verifier can reach `invoke`/`reentrantInvoke`, through the dApp's lets and functions not shadowed by a
 * local name (DApp.verifierContainsSyncCall).
 */
export function verifierContainsSyncCall(declarations: readonly Declaration[], body: Expr): boolean {
  const global = new Map<string, Expr[]>()
  for (const d of declarations) {
    const list = global.get(d.name) ?? []
    list.push(d.kind === 'let' ? d.value : d.body)
    global.set(d.name, list)
  }
  type Item = { expr: Expr; local: ReadonlySet<string> }
  const seen = new Set<Expr>()
  const todo: Item[] = [{ expr: body, local: NO_REFS }]
  const reach = (name: string, local: ReadonlySet<string>) => {
    if (!local.has(name)) for (const e of global.get(name) ?? []) todo.push({ expr: e, local: NO_REFS })
  }
  while (todo.length > 0) {
    const { expr, local } = todo.pop()!
    if (expr.kind === 'call' && expr.function.kind === 'native' && SYNC_CALLS.has(expr.function.id)) return true
    // the node remembers visited (expression, scope) pairs; an expression's scope only adds names, so visiting it
    // once with the scope it was first met in finds the same calls
    if (seen.has(expr)) continue
    seen.add(expr)
    switch (expr.kind) {
      case 'getter':
        todo.push({ expr: expr.expr, local })
        break
      case 'block': {
        const d = expr.declaration
        todo.push({ expr: d.kind === 'let' ? d.value : d.body, local }, { expr: expr.body, local: new Set([...local, d.name]) })
        break
      }
      case 'if':
        todo.push({ expr: expr.cond, local }, { expr: expr.ifTrue, local }, { expr: expr.ifFalse, local })
        break
      case 'call':
        reach(expr.function.kind === 'native' ? String(expr.function.id) : expr.function.name, local)
        for (const a of expr.args) todo.push({ expr: a, local })
        break
      case 'ref':
        reach(expr.name, local)
        break
      default:
        break
    }
  }
  return false
}

/** The cost table of one stdlib version, from the engine's stdlib (natives, user functions, case types). */
export function stdlibCosts(table: {
  version: StdlibVersion
  natives: ReadonlyMap<number, { costs: Partial<Record<StdlibVersion, number>> }>
  users: ReadonlyMap<string, { costs: Partial<Record<StdlibVersion, number>> }>
  types: ReadonlyMap<string, { fields: readonly unknown[] }>
}): FunctionCosts {
  return {
    native: (id) => table.natives.get(id)?.costs[table.version],
    // a function of the same name wins over a type's constructor, as the node's cost map is built
    user: (name) => table.users.get(name)?.costs[table.version] ?? table.types.get(name)?.fields.length,
  }
}

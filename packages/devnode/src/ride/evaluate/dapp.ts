// Callables and verifiers: what the node builds around a dApp's declarations before the evaluator runs (lang's
// ContractEvaluator.buildExprFromInvocation and verify; node's InvokeScriptTransactionDiff and ScriptRunner for the
// limits and texts). The chain decides what to do with the outcomes; nothing here reads or changes state.
import { toActions, type CallableResult } from '../actions.ts'
import type { Environment } from '../environment.ts'
import { stdlib, type StdlibTable } from '../stdlib/index.ts'
import type { DAppScript, Declaration, Expr, Script } from '../terms.ts'
import type { StdlibVersion } from '../versions.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import { evaluate, type Outcome } from './evaluator.ts'
import { type LogItem, termString } from './log.ts'

/** ContractLimits.MaxTotalInvokeComplexity: what one invoke may spend, by the dApp's version. */
export function invokeComplexityLimit(version: StdlibVersion): number {
  if (version <= 4) return 52_000 // 4,000 x (2 payments + 10 actions + 1)
  if (version === 5) return 26_000
  return 52_000
}

/** ContractLimits.MaxAccountVerifierComplexityByVersion (accounts) and MaxComplexityByVersion (assets). */
export function verifierComplexityLimit(version: StdlibVersion, asset: boolean): number {
  if (!asset) return 2_000
  return version <= 2 ? 2_000 : 4_000
}

/** ContractLimits.FailFreeInvokeComplexity: a failure that spent no more than this is refused, not stored as failed. */
export const FAIL_FREE_COMPLEXITY = 1_000

/** The invoke as the node's ContractEvaluator.Invocation holds it; addresses and keys are raw bytes. */
export interface InvocationFacts {
  caller: Uint8Array
  callerPublicKey: Uint8Array
  /** the transaction's sender, when a dApp calls a dApp (V5+); the caller otherwise */
  originCaller: Uint8Array
  originCallerPublicKey: Uint8Array
  payments: readonly { assetId: Uint8Array | null; amount: bigint }[]
  transactionId: Uint8Array
  fee: bigint
  feeAssetId: Uint8Array | null
}

const address = (bytes: Uint8Array) => new CaseObj('Address', new Map([['bytes', bytes]]))
const payment = (p: { assetId: Uint8Array | null; amount: bigint }) =>
  new CaseObj(
    'AttachedPayment',
    new Map<string, Value>([
      ['assetId', p.assetId ?? UNIT],
      ['amount', p.amount],
    ]),
  )

/**
 * The `Invocation` a callable sees (Bindings.buildInvocation, Types.invocationType): V3 `payment` (the first payment or
 * unit), V4+ `payments`, V5+ `originCaller` and `originCallerPublicKey`; fields in the type's order.
 */
export function buildInvocation(facts: InvocationFacts, version: StdlibVersion): CaseObj {
  const fields = new Map<string, Value>()
  if (version >= 4) fields.set('payments', facts.payments.map(payment))
  else fields.set('payment', facts.payments[0] ? payment(facts.payments[0]) : UNIT)
  fields.set('caller', address(facts.caller))
  fields.set('callerPublicKey', facts.callerPublicKey)
  fields.set('transactionId', facts.transactionId)
  fields.set('fee', facts.fee)
  fields.set('feeAssetId', facts.feeAssetId ?? UNIT)
  if (version >= 5) {
    fields.set('originCaller', address(facts.originCaller))
    fields.set('originCallerPublicKey', facts.originCallerPublicKey)
  }
  return new CaseObj('Invocation', fields)
}

/** A callable call as the transaction carries it: the name and the argument values (primitives and lists of them). */
export interface CallableCall {
  function: string
  args: readonly Value[]
}

export interface RunOptions {
  env: Environment
  /** complexity allowed; the version's limit by default */
  limit?: number
  /** the built-ins; the stdlib of the script's version by default */
  table?: StdlibTable
  /**
   * Where to append the evaluation log, as a node logs a call it invokes (ContractEvaluator with LogExtraInfo): the
   * dApp (`@invokedDApp`), the function (`@invokedFuncName`) and the Invocation first, then what EvaluatorV2 logs.
   */
  log?: LogItem[]
}

/**
 * How a callable ended. `complexity` is what the evaluation spent, as the node reports it (spent > 1,000 makes a
 * failure a failed transaction); `refused` marks failures before any evaluation (unknown callable, argument count),
 * which a node refuses whatever the complexity.
 */
export type CallableOutcome =
  | { ok: true; result: CallableResult; complexity: number }
  | { ok: false; error: RideError; complexity: number; refused: boolean; incomplete?: true }

/** Wraps `body` in the script's declarations, outermost first (ContractEvaluator.foldDeclarations). */
export function withDeclarations(declarations: readonly Declaration[], body: Expr): Expr {
  let expr = body
  for (let i = declarations.length - 1; i >= 0; i--) expr = { kind: 'block', declaration: declarations[i]!, body: expr }
  return expr
}

/**
 * The expression a callable call runs (ContractEvaluator.buildExprFromInvocation): the script's declarations, the
 * Invocation bound to the annotation's name, the callable, and the call with the argument values. A call the node
 * refuses before evaluating (no such callable, argument count) is a `refusal` with the node's text.
 */
export function callableExpr(
  script: DAppScript,
  call: CallableCall,
  invocation: InvocationFacts,
): { expr: Expr; invocation: CaseObj; invocationName: string; invocationTerm: Expr } | { refusal: RideError } {
  const callable = script.callables.find((c) => c.func.name === call.function)
  if (callable === undefined) {
    const plain = script.declarations.some((d) => d.kind === 'func' && d.name === call.function)
    const message = plain
      ? `function '${call.function} exists in the script but is not marked as @Callable, therefore cannot not be invoked`
      : `@Callable function '${call.function}' doesn't exist in the script`
    return { refusal: new RideError(message) }
  }
  const taking = callable.func.args.length
  if (taking !== call.args.length) {
    return { refusal: new RideError(`function '${call.function} takes ${taking} args but ${call.args.length} were(was) given`) }
  }
  const value = buildInvocation(invocation, script.version)
  const invocationTerm: Expr = { kind: 'value', value }
  const expr = withDeclarations(script.declarations, {
    kind: 'block',
    declaration: { kind: 'let', name: callable.annotationArg, value: invocationTerm },
    body: {
      kind: 'block',
      declaration: callable.func,
      body: {
        kind: 'call',
        function: { kind: 'user', name: callable.func.name },
        args: call.args.map((value) => ({ kind: 'value', value })),
      },
    },
  })
  return { expr, invocation: value, invocationName: callable.annotationArg, invocationTerm }
}

/**
 * Runs a callable of `script` (ContractEvaluator.applyV2Coeval): finds it by name, checks the argument count, binds the
 * Invocation to the annotation's name, evaluates the declarations lazily and the callable, and reads its result as
 * actions. Argument types are not checked against the meta, as a node 1.5.7 does not: a value of the wrong type fails
 * where the script uses it.
 */
export function runCallable(script: DAppScript, call: CallableCall, invocation: InvocationFacts, options: RunOptions): CallableOutcome {
  const version = script.version
  const built = callableExpr(script, call, invocation)
  if ('refusal' in built) return { ok: false, error: built.refusal, complexity: 0, refused: true }
  const { expr } = built
  const limit = options.limit ?? invokeComplexityLimit(version)
  const log = options.log
  if (log !== undefined) {
    // EvaluatorV2.logCall: the Invocation's let is logged here, and not again where the callable reads it
    const dApp = options.env.thisAddress
    if (dApp !== null) log.push({ name: '@invokedDApp', value: new CaseObj('Address', new Map([['bytes', dApp]])) })
    log.push({ name: '@invokedFuncName', value: call.function }, { name: built.invocationName, value: built.invocation })
  }
  const outcome = evaluate(expr, {
    version,
    env: options.env,
    table: options.table ?? stdlib(version),
    limit,
    ...(log === undefined ? {} : { log, loggedLet: built.invocationTerm }),
  })
  switch (outcome.kind) {
    case 'error':
      return { ok: false, error: outcome.error, complexity: outcome.complexity, refused: false }
    case 'incomplete':
      return {
        ok: false,
        error: new RideError(`Evaluation was uncompleted with unused complexity = ${limit - outcome.complexity}`),
        complexity: outcome.complexity,
        refused: false,
        // a node rejects an invoke that runs out of complexity, whatever it spent (a GenericError, not a failure)
        incomplete: true,
      }
    case 'value':
      try {
        return { ok: true, result: toActions(outcome.value, version), complexity: outcome.complexity }
      } catch (e) {
        if (e instanceof RideError) return { ok: false, error: e, complexity: outcome.complexity, refused: false }
        throw e
      }
  }
}

/** How a verifier ended: `allowed` only when the script returned true. */
export type VerifierOutcome =
  | { ok: true; allowed: boolean; complexity: number }
  | { ok: false; error: RideError; complexity: number }

/**
 * Runs an account's verifier or an asset script (ScriptRunner): an expression script with `tx` from the environment,
 * or a dApp's `@Verifier(tx)` with `tx` bound to the annotation's name. A dApp without a verifier allows what its key
 * signs; the chain checks the signature. Limits: 2,000 for accounts, 4,000 for assets (2,000 before V3).
 */
export function runVerifier(script: Script, tx: CaseObj, options: RunOptions & { asset?: boolean }): VerifierOutcome {
  const version = script.version
  const limit = options.limit ?? verifierComplexityLimit(version, options.asset ?? false)
  let expr: Expr
  if (script.kind === 'expression') {
    expr = script.expr
  } else {
    const verifier = script.verifier
    if (verifier === null) return { ok: true, allowed: true, complexity: 0 }
    expr = withDeclarations(script.declarations, {
      kind: 'block',
      declaration: { kind: 'let', name: verifier.annotationArg, value: { kind: 'value', value: tx } },
      body: {
        kind: 'block',
        declaration: verifier.func,
        body: { kind: 'call', function: { kind: 'user', name: verifier.func.name }, args: [{ kind: 'value', value: tx }] },
      },
    })
  }
  const outcome: Outcome = evaluate(expr, { version, env: options.env, table: options.table ?? stdlib(version), limit })
  switch (outcome.kind) {
    case 'error':
      return { ok: false, error: outcome.error, complexity: outcome.complexity }
    case 'incomplete':
      return { ok: false, error: new RideError(`Verifier complexity limit = ${limit} is exceeded`), complexity: outcome.complexity }
    case 'value':
      if (typeof outcome.value !== 'boolean') {
        return { ok: false, error: new RideError(`Script returned not a boolean result, but ${termString(outcome.value)}`), complexity: outcome.complexity }
      }
      return { ok: true, allowed: outcome.value, complexity: outcome.complexity }
  }
}

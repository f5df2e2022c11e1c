// /utils/script/evaluate: a read-only run of a dApp (the node's UtilsEvaluator, Evaluation, UtilsEvaluationRequest).
// The request is an expression, run inside the dApp's declarations (ContractEvaluator.buildSyntheticCall), or a
// callable call as an invoke would make it (buildExprFromInvocation). Both run on the chain's engine, with the
// dApp-to-dApp calls and action folds of an invoke transaction; whatever they change is undone before the answer.
import { address as addressOf, base58Decode, base58Encode } from '../crypto.ts'
import { FEE_UNIT, FEE_UNITS, SCRIPT_EXTRA_FEE, accountExtraFee } from '../constants.ts'
import { NodeError } from '../errors.ts'
import { type Action, toActions } from '../ride/actions.ts'
import { ExpressionCompileError, compileExpressionForDApp } from '../ride/compile-expression.ts'
import { base64Decode } from '../ride/script/base64.ts'
import { buildInvocation, callableExpr, withDeclarations } from '../ride/evaluate/dapp.ts'
import { evaluate } from '../ride/evaluate/evaluator.ts'
import { type LogItem, NestedInvokeError, logText, logVars } from '../ride/evaluate/log.ts'
import { scalaKeyOrder } from '../scala-order.ts'
import { stdlib } from '../ride/stdlib/index.ts'
import { transactionObject } from '../ride/stdlib/bindings.ts'
import type { DAppScript, Declaration, Expr } from '../ride/terms.ts'
import { CaseObj, RideBigInt, RideError, type Value } from '../ride/values.ts'
import { type Effects, WAVES, balanceOf, emptyEffects, netBalances, resolveAlias } from '../state/state.ts'
import { applyReversibly, checkActionAmounts, foldActions, foldedStateChanges, isNft } from './actions.ts'
import { type ApplyContext, checkActions, checkBalances, checkTransfersAfter, readResult } from './apply.ts'
import { assetRefusalText, judgeAssets, smartAssets } from './assets.ts'
import { DAppCalls } from './invoke.ts'
import { checkAddress, type Tx } from './tx.ts'

/** rest-api.evaluate-script-complexity-limit of the node's default settings */
export const EVALUATE_COMPLEXITY_LIMIT = 52_000
/** FeeConstants(InvokeScript) * FeeUnit: the fee an evaluated call carries unless the request names one */
const DEFAULT_FEE = 500_000n
/** the fee of an evaluated expression's transaction (Evaluation.emptyInvokeScriptLike) */
const EXPRESSION_FEE = 5n * 400_000n
/** ContractLimits: payments of one call (V6 rules, which the node applies to every evaluation) */
const MAX_PAYMENTS = 10
/** MAX_LONG / 10: what the node credits the default caller with before checking balances (addWavesToDefaultInvoker) */
const DEFAULT_CALLER_CREDIT = 922_337_203_685_477_580n
const ZERO_32 = new Uint8Array(32)
const ZERO_ID = base58Encode(ZERO_32)

type Json = Record<string, unknown>
type InvokeTx = Extract<Tx, { type: 16 }>

/** An answer of the route that is not an evaluation: the node's ApiError JSON. */
const apiError = (error: number, message: string, extra: Json = {}): Json => ({ error, message, ...extra })

/** A value as the node writes it (ScriptValuesJson.serializeValue): `{type, value}`, bytes in base58. */
export function scriptValueJson(value: Value): Json {
  if (typeof value === 'bigint') return { type: 'Int', value }
  if (value instanceof RideBigInt) return { type: 'BigInt', value: value.value }
  if (typeof value === 'string') return { type: 'String', value }
  if (typeof value === 'boolean') return { type: 'Boolean', value }
  if (value instanceof Uint8Array) return { type: 'ByteVector', value: base58Encode(value) }
  if (Array.isArray(value)) return { type: 'Array', value: value.map(scriptValueJson) }
  if (value instanceof CaseObj) {
    // the fields are a Scala Map: past four, in its hash order
    const fields: Json = {}
    for (const k of scalaKeyOrder([...value.fields.keys()])) fields[k] = scriptValueJson(value.fields.get(k)!)
    return { type: value.typeName, value: fields }
  }
  // unit is a case object of type Unit without fields
  return { type: 'Unit', value: {} }
}

// ---------------------------------------------------------------------------------------------------------------
// The request (UtilsEvaluationRequest.parse): play-json reads, their errors as JsError.toJson prints them.

interface Overrides {
  /** address -> asset ('' = WAVES) -> balance */
  balances: [string, string, bigint][]
}

type EvaluationRequest =
  | { kind: 'expr'; expr: string; state: Overrides | null }
  | {
      kind: 'call'
      call: { function: string; args: Value[] }
      id: string
      fee: bigint
      feeAssetId: string | null
      sender: string | null
      senderPublicKey: string
      payment: { amount: bigint; assetId: string | null }[]
      state: Overrides | null
    }

type PathErrors = [string, string][]

const isLong = (v: unknown): v is number | bigint => typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))

/** InvokeScriptRequest.EvaluatedReads: one argument, or its error text. */
function readArg(json: unknown): { value: Value } | { error: string } {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Json
  const value = o['value']
  switch (o['type']) {
    case 'integer':
      return isLong(value) ? { value: BigInt(value) } : { error: 'value is missing or not an integer' }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'value is missing or not an boolean' }
    case 'string':
      return typeof value === 'string' ? { value } : { error: 'value is missing or not an string' }
    case 'binary': {
      if (typeof value !== 'string') return { error: 'value is missing or not an base64 encoded string' }
      try {
        return { value: base64Decode(value) }
      } catch (e) {
        return { error: (e as Error).message }
      }
    }
    case 'list': {
      // the reads take lists in lists too; nothing in an evaluation refuses them
      if (!Array.isArray(value)) return { error: 'error.expected.jsarray' }
      const items: Value[] = []
      for (const item of value) {
        const read = readArg(item)
        if ('error' in read) return read
        items.push(read.value)
      }
      return { value: items }
    }
    default:
      return { error: 'type is missing' }
  }
}

function readCall(json: unknown, errors: PathErrors): { function: string; args: Value[] } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    errors.push(['obj.call', 'Undefined call function name'])
    return undefined
  }
  const o = json as Json
  const args: Value[] = []
  if (o['args'] !== undefined) {
    if (!Array.isArray(o['args'])) {
      errors.push(['obj.call', 'Unexpected args format'])
      return undefined
    }
    for (const a of o['args']) {
      const read = readArg(a)
      if ('error' in read) {
        errors.push(['obj.call', read.error])
        return undefined
      }
      args.push(read.value)
    }
  }
  const name = o['function']
  if (name === undefined) errors.push(['obj.call', 'Undefined call function name'])
  else if (typeof name !== 'string') errors.push(['obj.call', 'Unexpected call function name format'])
  else return { function: name, args }
  return undefined
}

/** BlockchainOverrides: `{accounts: {address: {assetBalances: {assetId: n}, regularBalance: n}}}`. */
function readOverrides(json: unknown, errors: PathErrors): Overrides | null {
  if (json === undefined || json === null) return null
  const balances: [string, string, bigint][] = []
  const accounts = (json as Json)['accounts']
  if (typeof json !== 'object' || (accounts !== undefined && (typeof accounts !== 'object' || accounts === null))) {
    errors.push(['obj.state', 'error.expected.jsobject'])
    return null
  }
  for (const [address, account] of Object.entries((accounts ?? {}) as Json)) {
    const a = (account ?? {}) as Json
    const regular = a['regularBalance']
    if (regular !== undefined) {
      if (!isLong(regular) || BigInt(regular) < 0n) errors.push([`obj.state.accounts.${address}.regularBalance`, 'error.expected.jsnumber'])
      else balances.push([address, WAVES, BigInt(regular)])
    }
    for (const [asset, amount] of Object.entries((a['assetBalances'] ?? {}) as Json)) {
      if (!isLong(amount) || BigInt(amount) < 0n) errors.push([`obj.state.accounts.${address}.assetBalances.${asset}`, 'error.expected.jsnumber'])
      else balances.push([address, asset, BigInt(amount)])
    }
  }
  return { balances }
}

function readRequest(request: Json): { read: EvaluationRequest } | { error: Json } {
  const exprErrors: PathErrors = []
  const exprState = readOverrides(request['state'], exprErrors)
  const exprOk = typeof request['expr'] === 'string' && exprErrors.length === 0

  const errors: PathErrors = []
  const call = request['call'] === undefined ? { function: 'default', args: [] } : readCall(request['call'], errors)
  const str = (field: string, fallback: string | null): string | null => {
    const v = request[field]
    if (v === undefined || (v === null && fallback === null)) return fallback
    if (typeof v !== 'string') {
      errors.push([`obj.${field}`, 'error.expected.jsstring'])
      return fallback
    }
    return v
  }
  const id = str('id', ZERO_ID)!
  const fee = request['fee'] === undefined ? DEFAULT_FEE : isLong(request['fee']) ? BigInt(request['fee']) : (errors.push(['obj.fee', 'error.expected.jsnumber']), 0n)
  const feeAssetId = str('feeAssetId', null)
  const sender = str('sender', null)
  const senderPublicKey = str('senderPublicKey', ZERO_ID)!
  const payment: { amount: bigint; assetId: string | null }[] = []
  const payments = request['payment']
  if (payments !== undefined) {
    if (!Array.isArray(payments)) errors.push(['obj.payment', 'error.expected.jsarray'])
    else {
      payments.forEach((p: unknown, i) => {
        const o = (typeof p === 'object' && p !== null ? p : {}) as Json
        const assetId = o['assetId']
        if (!isLong(o['amount'])) errors.push([`obj.payment[${i}].amount`, o['amount'] === undefined ? 'error.path.missing' : 'error.expected.jsnumber'])
        else if (assetId !== undefined && assetId !== null && typeof assetId !== 'string') errors.push([`obj.payment[${i}].assetId`, 'error.expected.jsstring'])
        else payment.push({ amount: BigInt(o['amount']), assetId: assetId === undefined || assetId === null || assetId === 'WAVES' ? null : assetId })
      })
    }
  }
  const state = readOverrides(request['state'], errors)
  const callOk = errors.length === 0 && call !== undefined

  // both readings succeed for an expression with more fields than `expr` (and `state`): the node refuses it
  const withoutState = Object.keys(request).filter((k) => k !== 'state').length
  if (exprOk && callOk && withoutState > 1) return { error: apiError(198, 'Conflicting request structure. Both expression and invocation structure were sent') }
  if (exprOk) return { read: { kind: 'expr', expr: request['expr'] as string, state: exprState } }
  if (callOk) return { read: { kind: 'call', call, id, fee, feeAssetId, sender, senderPublicKey, payment, state } }
  const validationErrors: Json = {}
  for (const [path, msg] of errors) ((validationErrors[path] ??= []) as unknown[]).push({ msg: [msg], args: [] })
  return { error: apiError(1, 'failed to parse json message', { cause: null, validationErrors }) }
}

// ---------------------------------------------------------------------------------------------------------------

export interface EvaluateOptions {
  /** `?trace=true`: the answer starts with `vars`, the evaluation log (TraceStep.logJson) */
  trace?: boolean
}

/**
 * Evaluates `request` (the JSON body of POST /utils/script/evaluate/{address}) on the dApp at `dApp`, which has a
 * script. Returns what the node's UtilsEvaluator.evaluate returns: `{result, complexity, stateChanges}` (after `vars`
 * when traced), or the error JSON (`{error, message, ...}`, which the node answers with HTTP 200 too); a failed
 * evaluation is `InvokeRejectError(error = ..., log = ...)` with the evaluation log as the node prints it. The state is
 * unchanged afterwards.
 */
export function evaluateOnDApp(ctx: ApplyContext, dApp: string, request: Json, now: number, options: EvaluateOptions = {}): Json {
  const reading = readRequest(request)
  if ('error' in reading) return reading.error
  const parsed = reading.read
  const { state } = ctx
  const facts = state.scripts.get(dApp)
  if (facts === undefined) return apiError(199, `There is no script on '${dApp}'`)
  const script = ctx.scripts.get(facts.base64)
  if (script.kind !== 'dapp') return apiError(199, `Address ${dApp} is not dApp`)

  const undo: (() => void)[] = []
  try {
    if (parsed.state !== null) {
      const deltas: [string, string, bigint][] = parsed.state.balances.map(([a, s, b]) => [a, s, b - balanceOf(state, a, s)])
      undo.push(applyReversibly(state, { balances: deltas, data: [] }))
    }
    const trace = options.trace === true
    return parsed.kind === 'expr' ? evaluateExpr(ctx, dApp, script, parsed.expr, now, undo, trace) : evaluateCall(ctx, dApp, script, parsed, now, undo, trace)
  } finally {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
  }
}

const defaultCaller = (chainId: number) => addressOf({ publicKey: ZERO_32 }, String.fromCharCode(chainId))

/** The invoke transaction the evaluation stands for (InvokeScriptTransactionLike): what DAppCalls and folds read. */
function pseudoInvoke(ctx: ApplyContext, dApp: string, now: number, fields: Partial<InvokeTx>): InvokeTx {
  return {
    type: 16,
    id: '',
    version: 2,
    chainId: ctx.chainId,
    sender: defaultCaller(ctx.chainId),
    senderPublicKey: ZERO_ID,
    fee: DEFAULT_FEE,
    feeAssetId: null,
    timestamp: now,
    proofs: [],
    dApp,
    call: null,
    payment: [],
    ...fields,
  }
}

function evaluateExpr(ctx: ApplyContext, dApp: string, script: DAppScript, expression: string, now: number, undo: (() => void)[], trace: boolean): Json {
  let body: Expr
  try {
    body = compileExpressionForDApp(expression, script)
  } catch (e) {
    if (e instanceof ExpressionCompileError) return apiError(199, e.message)
    throw e
  }
  // buildSyntheticCall: every callable's invocation argument is an Invocation of the default caller (V3's fields)
  const caller = base58Decode(defaultCaller(ctx.chainId))
  const invocation = buildInvocation(
    { caller, callerPublicKey: ZERO_32, originCaller: caller, originCallerPublicKey: ZERO_32, payments: [], transactionId: ZERO_32, fee: 0n, feeAssetId: null },
    3,
  )
  const declarations: Declaration[] = [...script.declarations]
  for (const c of script.callables) declarations.push({ kind: 'let', name: c.annotationArg, value: { kind: 'value', value: invocation } }, c.func)
  // Evaluation.emptyInvokeScriptLike: no id, the zero key as sender, a fee of FeeConstants(InvokeScript) * ScriptExtraFee
  const tx = pseudoInvoke(ctx, dApp, now, { fee: EXPRESSION_FEE })
  // its funcCall names the function "" (FunctionHeader.User(""))
  const call = { function: '', args: [] }
  return run(ctx, dApp, script, tx, call, withDeclarations(declarations, body), undo, emptyEffects(), defaultCaller(ctx.chainId), trace)
}

function evaluateCall(
  ctx: ApplyContext,
  dApp: string,
  script: DAppScript,
  request: Extract<EvaluationRequest, { kind: 'call' }>,
  now: number,
  undo: (() => void)[],
  trace: boolean,
): Json {
  // UtilsInvocationRequest.toInvocation, in its order
  let callerPublicKey: Uint8Array
  let id: Uint8Array
  let feeAssetId: Uint8Array | null = null
  try {
    if (request.senderPublicKey.length > 44) return apiError(102, 'invalid address')
    callerPublicKey = base58Decode(request.senderPublicKey)
  } catch {
    return apiError(102, 'invalid address')
  }
  try {
    id = base58Decode(request.id)
    if (request.feeAssetId !== null) feeAssetId = base58Decode(request.feeAssetId)
  } catch (e) {
    return apiError(199, e instanceof Error ? e.message : String(e))
  }
  const pkAddress = addressOf({ publicKey: callerPublicKey }, String.fromCharCode(ctx.chainId))
  let caller = pkAddress
  if (request.sender !== null) {
    try {
      caller = checkAddress(request.sender, ctx.chainId)
    } catch {
      return apiError(102, 'invalid address')
    }
  }
  if (request.payment.length > MAX_PAYMENTS) return apiError(199, `Script payment amount=${request.payment.length} should not exceed ${MAX_PAYMENTS}`)
  // InvokeScriptTxValidator.checkAmounts
  for (const p of request.payment) {
    if (p.amount <= 0n) return apiError(115, `non-positive amount: ${p.amount} of ${p.assetId ?? 'Waves'}`)
  }

  const callerBytes = base58Decode(caller)
  const payments = request.payment.map((p) => ({ assetId: p.assetId === null ? null : base58Decode(p.assetId), amount: p.amount }))
  const built = callableExpr(script, request.call, {
    caller: callerBytes,
    callerPublicKey,
    originCaller: callerBytes,
    originCallerPublicKey: callerPublicKey,
    payments,
    transactionId: id,
    fee: request.fee,
    feeAssetId,
  })
  if ('refusal' in built) return apiError(199, built.refusal.message)
  // InvokeDiffsCommon.paymentsPart: the payments leave the key's address, whatever `sender` says
  const paid: Effects = emptyEffects()
  for (const p of request.payment) {
    // an unknown asset is not refused here: the payer's balance of it ends negative (validateBalance)
    const asset = p.assetId ?? WAVES
    paid.balances.push([pkAddress, asset, -p.amount], [dApp, asset, p.amount])
  }
  if (paid.balances.length > 0) undo.push(applyReversibly(ctx.state, paid))
  const tx = pseudoInvoke(ctx, dApp, now, {
    id: request.id,
    sender: caller,
    senderPublicKey: request.senderPublicKey,
    fee: request.fee,
    feeAssetId: request.feeAssetId,
    payment: request.payment,
    call: null,
  })
  return run(ctx, dApp, script, tx, request.call, built.expr, undo, paid, pkAddress, trace)
}

/**
 * UtilsEvaluator.executeExpression once the expression is built: the evaluator within the limit, with its log (the node
 * keeps it for every evaluation: the error text prints it), the result read as actions (a result that is not one
 * changes nothing), their checks and folds, then the balances and the scripts of the paid assets.
 */
function run(
  ctx: ApplyContext,
  dApp: string,
  script: DAppScript,
  tx: InvokeTx,
  call: { function: string; args: readonly Value[] },
  expr: Expr,
  undo: (() => void)[],
  paid: Effects,
  payer: string,
  trace: boolean,
): Json {
  const { state } = ctx
  // the final balance check undoes down to here what run and its caller applied (the overrides stay)
  const base = paid.balances.length > 0 ? undo.length - 1 : undo.length
  const calls = new DAppCalls(ctx, tx, script.version)
  const log: LogItem[] = []
  let outcome
  try {
    outcome = evaluate(expr, {
      version: script.version,
      env: calls.environment(dApp, log),
      table: stdlib(script.version),
      limit: EVALUATE_COMPLEXITY_LIMIT,
      checkConstructorArgsTypes: true,
      log,
    })
  } finally {
    undo.push(() => calls.revert())
  }
  if (outcome.kind === 'error') {
    // a failed dApp-to-dApp call reaches here as the node's CommonError over a FailedTransactionError: its toString
    const error = outcome.error instanceof NestedInvokeError ? `FailedTransactionError(code = 1, error = ${outcome.error.message})` : outcome.error.message
    return apiError(306, `InvokeRejectError(error = ${error}, log = ${logText(log)})`)
  }
  if (outcome.kind === 'incomplete') return apiError(306, `InvokeRejectError(error = Calculation complexity limit exceeded, log = ${logText(log)})`)
  const complexity = outcome.complexity

  let actions: Action[] = []
  try {
    actions = toActions(outcome.value, script.version).actions
  } catch (e) {
    if (!(e instanceof RideError)) throw e
  }
  // ScriptResult.fromObj resolves the transfers' aliases: one nobody claimed fails it, and a failed fromObj is an
  // evaluation without actions (UtilsEvaluator maps it to an empty snapshot)
  if (actions.some((a) => a.kind === 'transfer' && 'alias' in a.recipient && resolveAlias(state, a.recipient.alias) === undefined)) actions = []
  const failure = (code: number) => (message: string): never => {
    throw new ActionFailure(`FailedTransactionError(code = ${code}, error = ${message})`)
  }
  let stateChanges: Json
  try {
    const fail = failure(1)
    const { data, transfers } = readResult(state, actions, fail)
    try {
      checkActions(data, transfers, fail)
    } catch (e) {
      if (e instanceof NodeError) fail(e.message)
      throw e
    }
    const overLimit = calls.countTopLevel(data, actions)
    if (overLimit !== undefined) fail(overLimit)
    checkActionAmounts(actions, script.version, fail)
    // the payer is the key's address
    checkTransfersAfter({ payer, dApp, paying: tx.payment.length > 0 }, transfers, script.version, fail)
    const fee = feeForActions(ctx, tx, payer, script.version, complexity, actions)
    if ('error' in fee) throw fee.error
    const folded = foldActions(ctx, tx, dApp, actions, (message, assetScript) => failure(assetScript ? 3 : 1)(message), () => {})
    stateChanges = foldedStateChanges(folded, calls.invokes)
    // the evaluation prints its InvokeScriptResult with the plain writer: a lease as the action made it (recipient,
    // amount, nonce, id), a cancel as its id, where /transactions/info prints the leases' details
    const leaseIds = folded.leases.map((l) => l['id'])
    stateChanges['leases'] = actions.flatMap((a) => (a.kind === 'lease' ? [a] : [])).map((a, i) => ({
      recipient: 'address' in a.recipient ? base58Encode(a.recipient.address) : `alias:${String.fromCharCode(ctx.chainId)}:${a.recipient.alias}`,
      amount: a.amount,
      nonce: a.nonce,
      id: leaseIds[i],
    }))
    stateChanges['leaseCancels'] = actions.flatMap((a) => (a.kind === 'leaseCancel' ? [{ id: base58Encode(a.leaseId) }] : []))
    // TransactionDiffer.validateBalance on all the evaluation changed, on the (overridden) state before it: the payments
    // and the called dApps' effects are undone first. Before V5, processActions adds the payments (paymentsPart) to the
    // fee once more: the node counts them twice here.
    while (undo.length > base) undo.pop()!()
    const again = script.version < 5 ? paid.balances : []
    checkFinalBalances(ctx, [...paid.balances, ...calls.effects.balances, ...fee.balances, ...again, ...folded.effects.balances])
    const refused = judgePayments(ctx, tx, payer, call)
    if (refused !== undefined) throw refused
  } catch (e) {
    if (e instanceof ActionFailure) return apiError(199, e.message)
    if (e instanceof NodeError && e.extra['details'] !== undefined) return apiError(402, 'Accounts balance errors', { details: e.extra['details'] })
    throw e
  }
  const answer = { result: scriptValueJson(outcome.value), complexity, stateChanges }
  return trace ? { vars: logVars(log, scriptValueJson), ...answer } : answer
}

class ActionFailure extends Error {}

/**
 * TransactionDiffer.assetsVerifierDiff as UtilsEvaluator runs it: the scripts of the paid assets judge the evaluated
 * call (chain/assets.ts judgeAssets), with no complexity limit, on the (overridden) state before the evaluation. They
 * see the invoke Evaluation.toInvokeScriptLike builds: the request's id, fee and fee asset, the time of the request,
 * version 0, no body bytes and no proofs, sent by the address of `senderPublicKey` (`payer`, whatever `sender` says).
 * A refusal is the FailedTransactionError (code 4) the node prints through CustomValidationError: error 199.
 */
function judgePayments(ctx: ApplyContext, tx: InvokeTx, payer: string, call: { function: string; args: readonly Value[] }): ActionFailure | undefined {
  const description = {
    type: 16 as const,
    id: base58Decode(tx.id),
    fee: tx.fee,
    timestamp: BigInt(tx.timestamp),
    version: 0,
    sender: base58Decode(payer),
    senderPublicKey: base58Decode(tx.senderPublicKey),
    bodyBytes: new Uint8Array(),
    proofs: [],
    dApp: { address: base58Decode(tx.dApp) },
    feeAssetId: tx.feeAssetId === null ? null : base58Decode(tx.feeAssetId),
    function: call.function,
    args: call.args,
    payments: tx.payment.map((p) => ({ assetId: p.assetId === null ? null : base58Decode(p.assetId), amount: p.amount })),
  }
  // scripts of V1 and V2 know no InvokeScriptTransaction: Bindings builds it as V3 shows it (chain/verifier.ts txObject)
  const judged = judgeAssets(ctx, smartAssets(ctx.state, tx), tx.id, (version) => transactionObject(description, version < 3 ? 3 : version, false))
  if (judged.refused === undefined) return undefined
  return new ActionFailure(`FailedTransactionError(code = 4, error = ${assetRefusalText(judged.refused)})`)
}

/**
 * InvokeDiffsCommon.calcAndCheckFee as processActions runs it for the evaluated call: the attached fee in WAVES
 * (txFeeDiff: a sponsored asset's fee converted) against 0.005 WAVES per step of the spent complexity, 1 WAVES per
 * issued asset that is not an NFT and 0.004 WAVES for a payer with a paid verifier. Returns the fee's balance changes
 * for the final balance check, or the refusal: a fee asset that cannot pay (199) or a fee too small
 * (FailedTransactionError code 2).
 */
function feeForActions(
  ctx: ApplyContext,
  tx: InvokeTx,
  payer: string,
  version: number,
  complexity: number,
  actions: readonly Action[],
): { balances: [string, string, bigint][] } | { error: ActionFailure } {
  const { state } = ctx
  let inWaves = tx.fee
  const balances: [string, string, bigint][] = [[payer, WAVES, -tx.fee]]
  if (tx.feeAssetId !== null) {
    const asset = state.assets.get(tx.feeAssetId)
    if (asset === undefined) return { error: new ActionFailure(`Asset ${tx.feeAssetId} does not exist, cannot be used to pay fees`) }
    const sponsorship = asset.minSponsoredAssetFee ?? 0n
    if (sponsorship <= 0n) return { error: new ActionFailure(`Asset ${tx.feeAssetId} is not sponsored, cannot be used to pay fees`) }
    inWaves = (tx.fee * FEE_UNIT) / sponsorship
    balances.splice(0, 1, [payer, tx.feeAssetId, -tx.fee], [asset.issuer, tx.feeAssetId, tx.fee], [asset.issuer, WAVES, -inWaves])
  }
  // ContractLimits.MaxComplexityByVersion: the complexity is counted in steps of it, one at most here
  const stepLimit = version >= 6 ? 52_000 : version === 5 ? 10_000 : 4_000
  const steps = BigInt(Math.ceil(Math.min(complexity, stepLimit) / stepLimit))
  const issues = actions.flatMap((a) => (a.kind === 'issue' ? [a] : []))
  const nonNft = BigInt(issues.filter((i) => !isNft(i)).length)
  const verifier = accountExtraFee(state.scripts.get(payer)?.verifierComplexity ?? 0) > 0n && state.scripts.get(payer)?.hasVerifier === true ? 1 : 0
  const minFee = (FEE_UNITS[16] ?? 5n) * FEE_UNIT * steps + nonNft * (FEE_UNITS[3] ?? 1000n) * FEE_UNIT + BigInt(verifier) * SCRIPT_EXTRA_FEE
  if (inWaves >= minFee) return { balances }
  const assetName = tx.feeAssetId ?? 'WAVES'
  const text =
    `Fee in ${assetName} for InvokeScriptTransaction (${tx.fee} in ${assetName})` +
    `${steps > 1n ? ` with ${steps} invocation steps` : ''}${verifier > 0 ? ` with ${verifier} total scripts invoked` : ''}` +
    `${issues.length > 0 ? ` with ${issues.length} assets issued` : ''} does not exceed minimal value of ${minFee} WAVES.`
  return { error: new ActionFailure(`FailedTransactionError(code = 2, error = ${text})`) }
}

/** No balance may end negative (BalanceDiffValidation), the default caller credited with WAVES first (addWavesToDefaultInvoker). */
function checkFinalBalances(ctx: ApplyContext, changes: readonly [string, string, bigint][]): void {
  const caller = defaultCaller(ctx.chainId)
  const deltas = netBalances({ balances: [...changes], data: [] }).map(([a, s, d]): [string, string, bigint] => [a, s, a === caller && s === WAVES ? d + DEFAULT_CALLER_CREDIT : d])
  checkBalances(ctx.state, {}, deltas.filter(([, , d]) => d < 0n))
}

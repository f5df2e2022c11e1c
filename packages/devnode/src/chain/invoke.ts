// dApp-to-dApp calls (V5+) inside one invoke transaction (node: WavesEnvironment's DAppEnvironment.callScript,
// InvokeScriptDiff, InvokeDiffsCommon.checkCallResultLimits). A called dApp's payments and actions apply to the state at
// once, so that the caller sees them when the call returns; the chain undoes them when the transaction ends and applies
// the whole transaction's effects together (or, when it fails, only its fee).
import { base58Decode, base58Encode } from '../crypto.ts'
import { NodeError } from '../errors.ts'
import { invokeComplexityLimit, runCallable } from '../ride/evaluate/dapp.ts'
import { type LogItem, NestedInvokeError } from '../ride/evaluate/log.ts'
import type { Environment, InvokeRequest } from '../ride/environment.ts'
import { CaseObj, RideError, type Value } from '../ride/values.ts'
import type { StdlibVersion } from '../ride/versions.ts'
import { type DataWrite, type Effects, WAVES, emptyEffects, netBalances } from '../state/state.ts'
import { type ApplyContext, checkActions, checkBalances, dataPayloadSize, readResult } from './apply.ts'
import { actionCounts, applyReversibly, checkActionAmounts, foldActions, foldedStateChanges } from './actions.ts'
import type { Action } from '../ride/actions.ts'
import { chainEnvironment } from './environment.ts'
import { accountBalanceErrorText } from './failed.ts'
import { checkCallPayments } from './assets.ts'
import type { Tx } from './tx.ts'

/** ContractLimits: calls, payments and actions of one transaction, all calls together (RIDE V6 and later). */
export const MAX_SYNC_DAPP_CALLS = 100
export const MAX_TOTAL_PAYMENTS = 100
export const MAX_TOTAL_BALANCE_ACTIONS = 100
export const MAX_TOTAL_ASSET_ACTIONS = 30
export const MAX_TOTAL_DATA_ENTRIES = 100
export const MAX_TOTAL_WRITE_SET_BYTES = 15 * 1024

type InvokeTx = Extract<Tx, { type: 16 }>

/** One call as stateChanges.invokes prints it (InvokeScriptResult.Invocation). */
export interface InvocationRecord {
  dApp: string
  call: { function: string; args: unknown[] }
  payment: { assetId: string | null; amount: bigint }[]
  stateChanges: Record<string, unknown>
}

/** A value as the node writes EVALUATED in JSON (utils.evaluatedWrites): `{type, value}`, bytes in base58. */
export function evaluatedJson(value: Value): unknown {
  if (typeof value === 'bigint') return { type: 'Int', value }
  if (typeof value === 'string') return { type: 'String', value }
  if (typeof value === 'boolean') return { type: 'Boolean', value }
  if (value instanceof Uint8Array) return { type: 'ByteVector', value: base58Encode(value) }
  if (Array.isArray(value)) return { type: 'Array', value: value.map(evaluatedJson) }
  if (value instanceof CaseObj) {
    return { type: value.typeName, value: Object.fromEntries([...value.fields].map(([k, v]) => [k, evaluatedJson(v)])) }
  }
  return { type: 'Unit', value: null }
}

/**
 * The calls of a failed transaction as its stateChanges.invokes prints them (InvocationTreeTracker.toInvocationList):
 * no actions, only the calls below and the error of the call that failed (not repeated by the calls above it).
 */
export function failedInvocations(records: readonly InvocationRecord[]): InvocationRecord[] {
  return records.map((record) => {
    const below = record.stateChanges['invokes'] as InvocationRecord[]
    const error = record.stateChanges['error'] as { text: string } | undefined
    const repeated = error !== undefined && below.some((c) => (c.stateChanges['error'] as { text: string } | undefined)?.text === error.text)
    const stateChanges = foldedStateChanges(null, failedInvocations(below))
    if (error !== undefined && !repeated) stateChanges['error'] = error
    return { ...record, stateChanges }
  })
}

/** Where a call runs: the dApp, the addresses it may not call back without reentrantInvoke, and its calls' records. */
interface Frame {
  dApp: string
  called: ReadonlySet<string>
  invokes: InvocationRecord[]
  /** the evaluation log of the call running here, when one is kept (/utils/script/evaluate) */
  log?: LogItem[]
}

/** The dApp-to-dApp calls of one invoke transaction: shared limits, the effects applied so far, the call tree. */
export class DAppCalls {
  private remainingCalls = MAX_SYNC_DAPP_CALLS
  private remainingPayments: number
  private balanceActions = 0
  private assetActions = 0
  private dataEntries = 0
  private dataBytes = 0
  /** how to undo what the called dApps applied, in order (balances, entries, assets and leases as they were) */
  private readonly applied: (() => void)[] = []
  /** the called dApps' effects, for the transaction to apply once */
  readonly effects: Effects = emptyEffects()
  readonly addresses: string[] = []
  /** the top-level call's records */
  readonly invokes: InvocationRecord[] = []

  constructor(
    private readonly ctx: ApplyContext,
    private readonly tx: InvokeTx,
    /** the called dApp's version: its limit is the whole transaction's (MaxTotalInvokeComplexity) */
    private readonly rootVersion: StdlibVersion,
  ) {
    this.remainingPayments = MAX_TOTAL_PAYMENTS - tx.payment.length
  }

  /**
   * The environment of the top-level callable of `dApp`. With `log` (the top-level evaluation's), the calls it makes
   * log as a node logs them: their cost and the complexity left after them, and a failed call's own log.
   */
  environment(dApp: string, log?: LogItem[]): Environment {
    return this.frameEnvironment({ dApp, called: new Set([this.tx.sender]), invokes: this.invokes, ...(log === undefined ? {} : { log }) })
  }

  /** Issue actions of the called dApps, for the fee of the whole transaction */
  readonly issues: Extract<Action, { kind: 'issue' }>[] = []

  /** Counts the top-level call's actions into the transaction's totals; returns the node's text when past a limit. */
  countTopLevel(data: DataWrite[], actions: readonly Action[]): string | undefined {
    return this.count(data, actions)
  }

  /** Undoes what the called dApps applied to the state (their effects stay in `effects`). */
  revert(): void {
    for (let i = this.applied.length - 1; i >= 0; i--) this.applied[i]!()
    this.applied.length = 0
  }

  private frameEnvironment(frame: Frame): Environment {
    return chainEnvironment(this.ctx.state, {
      chainId: this.ctx.chainId,
      thisAddress: frame.dApp,
      txId: this.tx.id,
      invoke: (request) => this.call(frame, request),
    })
  }

  /** Applies `effects` to the state now, remembering how to undo them. */
  private applyNow(effects: Effects): void {
    this.applied.push(applyReversibly(this.ctx.state, effects))
    this.effects.balances.push(...effects.balances)
    this.effects.data.push(...effects.data)
    if (effects.assets?.length) (this.effects.assets ??= []).push(...effects.assets)
    if (effects.leases?.length) (this.effects.leases ??= []).push(...effects.leases)
  }

  private count(data: DataWrite[], actions: readonly Action[]): string | undefined {
    const counts = actionCounts(actions)
    this.balanceActions += counts.balance
    this.assetActions += counts.asset
    this.dataEntries += data.length
    this.dataBytes += dataPayloadSize(data)
    if (this.dataEntries > MAX_TOTAL_DATA_ENTRIES) return 'Stored data count limit is exceeded'
    if (this.dataBytes > MAX_TOTAL_WRITE_SET_BYTES) {
      return `Storing data size should not exceed ${MAX_TOTAL_WRITE_SET_BYTES}, actual: ${this.dataBytes} bytes`
    }
    // by the version of the dApp the transaction calls (BlockRewardDistribution): V6+ counts balance actions and asset
    // actions apart, older dApps every action but data (30 from V5, 10 before)
    if (this.rootVersion >= 6) {
      if (this.balanceActions > MAX_TOTAL_BALANCE_ACTIONS) return 'ScriptTransfer, Lease, LeaseCancel actions count limit is exceeded'
      if (this.assetActions > MAX_TOTAL_ASSET_ACTIONS) return 'Issue, Reissue, Burn, SponsorFee actions count limit is exceeded'
    } else if (this.balanceActions + this.assetActions > (this.rootVersion >= 5 ? 30 : 10)) return 'Actions count limit is exceeded'
    return undefined
  }

  /**
   * One `invoke`/`reentrantInvoke` from the dApp of `frame`: the node's checks in its order, the payments, the callee
   * with what complexity is left, its actions. Errors the chain raises reach the caller as the node words them
   * (`GenericError(...)` for a refused call, the callee's own text for its failure); the callee's spent complexity is
   * counted against the caller through `request.spend`.
   */
  private call(frame: Frame, request: InvokeRequest): Value {
    const state = this.ctx.state
    const dApp = base58Encode(request.dApp)
    const generic = (message: string): never => {
      throw new RideError(`GenericError(${message})`)
    }
    if (dApp !== frame.dApp && frame.called.has(dApp)) {
      generic(`The invocation stack contains multiple invocations of the dApp at address ${dApp} with invocations of another dApp between them`)
    }
    const facts = state.scripts.get(dApp)
    if (facts === undefined) return generic(`No contract at address ${dApp}`)
    const script = this.ctx.scripts.get(facts.base64)
    if (script.kind !== 'dapp') return generic('Trying to call dApp on the account with expression script')
    if (script.version < 5) {
      generic(`DApp ${frame.dApp} invoked DApp ${dApp} that uses RIDE V${script.version}, but dApp-to-dApp invocation requires version 5 or higher`)
    }
    if (this.remainingCalls <= 0) throw new RideError(`ScriptRunsLimitError(DApp calls limit = ${MAX_SYNC_DAPP_CALLS} is exceeded)`)
    if (this.remainingPayments < request.payments.length) generic(`Invoke payments limit = ${MAX_TOTAL_PAYMENTS} is exceeded`)
    for (const p of request.payments) {
      if (p.amount < 0n) {
        generic(`DApp ${frame.dApp} invoked DApp ${dApp} with attached ${p.assetId === null ? 'WAVES' : `token ${base58Encode(p.assetId)}`} amount = ${p.amount}`)
      }
    }
    this.remainingCalls--
    this.remainingPayments -= request.payments.length
    // what the caller is charged for this call: its payments' and actions' asset scripts and the callee
    let spent = 0
    const spend = (complexity: number) => {
      spent += complexity
      request.spend?.(complexity)
    }
    const calleeLog: LogItem[] | undefined = frame.log === undefined ? undefined : []

    const payments = emptyEffects()
    for (const p of request.payments) {
      const asset = p.assetId === null ? WAVES : base58Encode(p.assetId)
      if (p.assetId !== null && !state.assets.has(asset)) generic(`Referenced assetId not found: ${asset}`)
      payments.balances.push([frame.dApp, asset, -p.amount], [dApp, asset, p.amount])
    }
    const judged = checkCallPayments(this.ctx, this.tx, frame.dApp, { dApp, function: request.function, args: request.args, payments: request.payments })
    spend(judged.complexity)
    if (judged.text !== undefined) throw new RideError(judged.text)
    this.checkBalances(payments)
    this.applyNow(payments)

    const record: InvocationRecord = {
      dApp,
      call: { function: request.function, args: request.args.map(evaluatedJson) },
      payment: request.payments.map((p) => ({ assetId: p.assetId === null ? null : base58Encode(p.assetId), amount: p.amount })),
      stateChanges: foldedStateChanges(null, []),
    }
    frame.invokes.push(record)
    const inner: Frame = {
      dApp,
      called: request.reentrant ? frame.called : new Set([...frame.called, frame.dApp]),
      invokes: [],
      ...(calleeLog === undefined ? {} : { log: calleeLog }),
    }
    const callerKey = state.scripts.get(frame.dApp)?.publicKey
    const outcome = runCallable(
      script,
      { function: request.function, args: request.args },
      {
        caller: base58Decode(frame.dApp),
        callerPublicKey: callerKey === undefined ? new Uint8Array(32) : base58Decode(callerKey),
        originCaller: base58Decode(this.tx.sender),
        originCallerPublicKey: base58Decode(this.tx.senderPublicKey),
        payments: request.payments,
        transactionId: base58Decode(this.tx.id),
        fee: this.tx.fee,
        feeAssetId: this.tx.feeAssetId === null ? null : base58Decode(this.tx.feeAssetId),
      },
      {
        env: this.frameEnvironment(inner),
        limit: Math.max(request.remaining - judged.complexity, 0),
        ...(calleeLog === undefined ? {} : { log: calleeLog }),
      },
    )
    spend(outcome.complexity)
    record.stateChanges = foldedStateChanges(null, inner.invokes)
    if (!outcome.ok) {
      const error = outcome.incomplete ? new RideError(`Invoke complexity limit = ${invokeComplexityLimit(this.rootVersion)} is exceeded`) : outcome.error
      record.stateChanges['error'] = { code: 1, text: error.message }
      throw calleeLog === undefined ? error : new NestedInvokeError(error.message, calleeLog)
    }

    const fail = (message: string): never => {
      record.stateChanges['error'] = { code: 1, text: message }
      throw calleeLog === undefined ? new RideError(message) : new NestedInvokeError(message, calleeLog)
    }
    const actions = outcome.result.actions
    const { data, transfers } = readResult(state, actions, fail)
    const limit = this.count(data, actions)
    if (limit !== undefined) fail(limit)
    try {
      checkActions(data, transfers, fail)
    } catch (e) {
      if (e instanceof NodeError) fail(e.message)
      throw e
    }
    // by the version of the dApp the transaction calls (BlockRewardDistribution: limitsByRootVersion)
    checkActionAmounts(actions, this.rootVersion, fail)
    // InvokeDiffsCommon.checkSelfPayments: the calling dApp is this call's sender
    if (dApp === frame.dApp && request.payments.length > 0) fail('DApp self-payment is forbidden since V4')
    if (transfers.some((t) => t.address === dApp)) fail('DApp self-transfer is forbidden since V4')
    const folded = foldActions(this.ctx, this.tx, dApp, actions, (message) => fail(message), spend)
    this.addresses.push(...folded.addresses)
    this.addresses.push(dApp)
    this.issues.push(...actions.flatMap((a) => (a.kind === 'issue' ? [a] : [])))
    this.applyNow(folded.effects)
    record.stateChanges = foldedStateChanges(folded, inner.invokes)
    // WavesEnvironment.callScript's DiffToLogConverter: what the call cost and the complexity left after it (the node
    // logs `<function>.@stateChanges` before them, which a trace leaves out and this log does not keep)
    frame.log?.push({ name: `${request.function}.@complexity`, value: BigInt(spent) }, { name: '@complexityLimit', value: BigInt(request.remaining - spent) })
    return outcome.result.returned
  }

  /** BalanceDiffValidation on what a call changes: a negative balance fails the call with AccountBalanceError's text. */
  private checkBalances(effects: Effects, fail: (message: string) => never = (m) => { throw new RideError(m) }): void {
    try {
      checkBalances(this.ctx.state, {}, netBalances(effects).filter(([, , delta]) => delta < 0))
    } catch (e) {
      const details = e instanceof NodeError ? (e.extra['details'] as Record<string, string> | undefined) : undefined
      if (details === undefined) throw e
      fail(accountBalanceErrorText(details))
    }
  }
}

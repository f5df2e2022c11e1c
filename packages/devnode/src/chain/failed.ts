// Failed transactions (TransactionDiffer.failedTransactionDiff): an invoke whose script, or the checks of its actions,
// fail after the script spent more than ContractLimits.FailFreeInvokeComplexity is stored with applicationStatus
// "script_execution_failed": the fee is charged, nothing else happens, and stateChanges carries the error. The
// sender's verifier complexity counts toward that limit for every failure but the script's own (evaluateV2 weighs
// the call alone): action checks, the fee for actions, asset scripts and the final balances.
import { FAIL_FREE_COMPLEXITY } from '../ride/evaluate/dapp.ts'
import { emptyEffects, type StoredTx } from '../state/state.ts'
import { foldedStateChanges } from './actions.ts'

/** FailedTransactionError.Cause codes, as `stateChanges.error.code` prints them. */
export const FAILURE_CAUSE = { dAppExecution: 1, feeForActions: 2, assetScriptInAction: 3, assetScript: 4 } as const

/** An invoke failed past the fail-free complexity: the chain stores it as failed instead of refusing it. */
export class FailedInvoke extends Error {
  constructor(
    /** the node's text (`stateChanges.error.text`) */
    readonly text: string,
    /** complexity spent, scripts of payments included */
    readonly complexity: number,
    readonly code: number = FAILURE_CAUSE.dAppExecution,
    /** the dApp-to-dApp calls made before the failure, as stateChanges.invokes prints them */
    readonly invokes: readonly unknown[] = [],
  ) {
    super(text)
    this.name = 'FailedInvoke'
  }
}

/** Whether a failure after spending `complexity` is stored as failed (above 1,000) or refused (up to 1,000). */
export const failsAfter = (complexity: number): boolean => complexity > FAIL_FREE_COMPLEXITY

/**
 * AccountBalanceError's text as a failed transaction's error shows it (its Scala toString): the accounts and their
 * balance errors in a `Map(...)`.
 */
export function accountBalanceErrorText(details: Record<string, string>): string {
  return `AccountBalanceError(Map(${Object.entries(details)
    .map(([address, error]) => `${address} -> ${error}`)
    .join(', ')}))`
}

/**
 * The record of a failed invoke: the fee balances only, stateChanges with every list empty and `error` {code, text}
 * (InvokeScriptResult with an ErrorMessage), indexed for the sender and the dApp (NewTransactionInfo.create).
 */
export function failedInvoke(json: Record<string, unknown>, height: number, fee: [string, string, bigint][], addresses: string[], failure: FailedInvoke) {
  const effects = emptyEffects()
  effects.balances.push(...fee)
  const stored: StoredTx = {
    json,
    height,
    applicationStatus: 'script_execution_failed',
    stateChanges: { ...foldedStateChanges(null, failure.invokes), error: { code: failure.code, text: failure.text } },
  }
  return { stored, effects, addresses: [...new Set(addresses)] }
}

// One place that turns any failure into what the user reads: what happened and what to do.
// Library errors are matched by class; wallet (Signer provider) errors arrive as plain Errors whose
// texts are the providers' own, so those are matched by their words.
import {
  AffiliateError,
  CannotPayFeeError,
  ContractError,
  NodeError,
  NodeUnavailableError,
  TransactionChangedError,
  UserRejectedError,
  WrongNetworkError,
} from 'waves-affiliate'
import { amount } from './format.ts'
import { type MessageId, type Params, useI18n } from './i18n.ts'

export interface Problem {
  message: MessageId
  hint: MessageId
  params: Params
}

export interface ProblemContext {
  /** node origin, named when it does not answer */
  node: string
  /** the wallet being used, named when it is missing */
  wallet?: string
}

const problem = (message: MessageId, hint: MessageId, params: Params = {}): Problem => ({ message, hint, params })

export function describeError(error: unknown, context: ProblemContext): Problem {
  if (error instanceof NodeUnavailableError) return problem('error.nodeDown', 'error.nodeDown.hint', { node: context.node })
  if (error instanceof UserRejectedError) return problem('error.rejected', 'error.rejected.hint')
  if (error instanceof WrongNetworkError) {
    return problem('error.wrongNetwork', 'error.wrongNetwork.hint', { expected: error.expected, actual: error.actual, node: context.node })
  }
  if (error instanceof TransactionChangedError) return problem('error.changed', 'error.changed.hint')
  if (error instanceof ContractError) {
    if (error.code === 'paused') return problem('error.paused', 'error.paused.hint')
    return problem('error.contract', 'error.contract.hint', { message: error.contractMessage })
  }
  if (error instanceof CannotPayFeeError) {
    const { locale } = useI18n()
    const params = { needed: amount(error.needed, 8, locale.value), balance: amount(error.balance ?? 0n, 8, locale.value) }
    return error.balance === undefined ? problem('error.fee', 'error.fee.hint', params) : problem('error.feeHeld', 'error.fee.hint', params)
  }
  if (error instanceof NodeError) return problem('error.node', 'error.node.hint', { message: error.nodeMessage })
  const text = messageOf(error)
  if (/not installed|not available|no provider|is not found/i.test(text)) {
    return problem('error.walletMissing', 'error.walletMissing.hint', { wallet: context.wallet ?? 'The wallet' })
  }
  if (/reject|denied|declined|cancel/i.test(text)) return problem('error.rejected', 'error.rejected.hint')
  if (/failed to fetch|networkerror|network error|load failed|network byte/i.test(text)) {
    return problem('error.nodeDown', 'error.nodeDown.hint', { node: context.node })
  }
  return problem('error.unknown', 'error.unknown.hint', { message: text })
}

function messageOf(error: unknown): string {
  if (error instanceof AffiliateError) return error.shortMessage
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message)
  return String(error)
}

/** The wallet logged in with an address of another network. */
export function wrongNetwork(expected: string, actual: string, node: string): Problem {
  return problem('error.wrongNetwork', 'error.wrongNetwork.hint', { expected, actual, node })
}

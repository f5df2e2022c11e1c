// The library's errors, in the manner of viem's BaseError: a short message for people, structured fields
// for code (`instanceof` and `status`, `code` ...), `details`, `metaMessages`, the `cause` chain with
// `walk()`, and the README section that explains each one. Messages are stable: tests assert them whole.
//
// `nodeErrorFrom` is the one place that turns a node's `{error, message}` answer into a class.
// PowAbortedError comes from the miner (`waves-affiliate/pow`), which is usable alone and so extends
// Error, not AffiliateError.
export { PowAbortedError } from './pow/errors.ts'
import { formatAmount } from './amount.ts'

/** The README that ships with the package explains each error under a heading of its name. */
const DOCS = 'waves-affiliate/README.md#'

export interface AffiliateErrorOptions {
  cause?: unknown
  details?: string
  metaMessages?: string[]
  /** the README section (its anchor) that explains this error */
  docs?: string
}

/** Every error the library throws on purpose (besides the miner's) extends this. */
export class AffiliateError extends Error {
  override name = 'AffiliateError'
  /** the first line of `message`, without details: what to show a user */
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: string[] | undefined
  readonly docsPath: string | undefined

  constructor(shortMessage: string, options: AffiliateErrorOptions = {}) {
    const lines = [shortMessage]
    if (options.metaMessages?.length) lines.push('', ...options.metaMessages)
    if (options.details) lines.push('', `Details: ${options.details}`)
    if (options.docs) lines.push(`Docs: ${DOCS}${options.docs}`)
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause })
    this.shortMessage = shortMessage
    this.details = options.details
    this.metaMessages = options.metaMessages
    this.docsPath = options.docs === undefined ? undefined : DOCS + options.docs
  }

  /** The deepest cause, or the first error along the `cause` chain for which `fn` is true. */
  walk(fn?: (error: unknown) => boolean): unknown {
    let error: unknown = this
    for (;;) {
      if (fn?.(error)) return error
      const next = (error as { cause?: unknown } | null)?.cause
      if (next === undefined || next === null) return fn ? null : error
      error = next
    }
  }
}

/** The node answered with an error (HTTP 4xx, or 5xx once retries are spent on a non-transient answer). */
export class NodeError extends AffiliateError {
  override name = 'NodeError'
  constructor(
    /** HTTP status */
    readonly status: number,
    /** the node's error code (`error` in its JSON), or 0 when the answer had none */
    readonly code: number,
    readonly url: string,
    /** the node's `message` */
    readonly nodeMessage: string,
    options: { cause?: unknown; response?: unknown } = {},
  ) {
    super(`The node refused the request: ${nodeMessage}`, {
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      metaMessages: [`Node error ${code}, HTTP ${status}`, `URL: ${url}`],
      docs: 'nodeerror',
    })
    this.response = options.response
  }

  /** the node's whole answer (its JSON, or its text), e.g. with `details` per address for error 112 */
  readonly response: unknown
}

/**
 * The account cannot pay a call's fee. A node takes the fee before the call runs, so the caller must
 * hold it up front; the program refunds it afterwards (from its gas reserve, while the day's budget
 * lasts). Raised for the node's error 112 "Accounts balance errors" on the sender's WAVES.
 */
export class CannotPayFeeError extends AffiliateError {
  override name = 'CannotPayFeeError'
  constructor(
    /** the account that sent the call */
    readonly address: string,
    /** WAVES the account must hold for the call, in wavelets: the fee, plus any payment in WAVES */
    readonly needed: bigint,
    /** WAVES the account holds, in wavelets, when the node said it (its `old:` figure), else undefined */
    readonly balance: bigint | undefined,
    options: { cause?: unknown } = {},
  ) {
    super(`The account cannot pay the fee: it needs ${formatAmount(needed, 8)} WAVES up front${balance === undefined ? '' : `, and holds ${formatAmount(balance, 8)} WAVES`}`, {
      ...options,
      details: 'a node takes the fee before the call runs; the program refunds it afterwards, while its daily refund budget lasts',
      metaMessages: [`Account: ${address}`, `Needed: ${needed} wavelets${balance === undefined ? '' : `, held: ${balance} wavelets`}`],
      docs: 'cannotpayfeeerror',
    })
  }
}

/** The node could not be reached: network error, timeout or 5xx, after every retry. */
export class NodeUnavailableError extends AffiliateError {
  override name = 'NodeUnavailableError'
  constructor(
    readonly url: string,
    /** tries made, the first one included */
    readonly attempts: number,
    /** what the last try met, e.g. `HTTP 503`, `timeout after 10000 ms`, `network error` */
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`The node is unavailable: ${reason} (${attempts} ${attempts === 1 ? 'try' : 'tries'})`, {
      ...options,
      metaMessages: [`URL: ${url}`],
      docs: 'nodeunavailableerror',
    })
  }
}

/** The code words that start every `throw` of the contract (ride/README.md, "Errors"). */
export const CONTRACT_ERROR_CODES = ['pow', 'referrer', 'registered', 'fee', 'payment', 'balance', 'paused', 'admin', 'config', 'host'] as const
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number]

/** The contract refused the call: its `throw` text starts with `code`. */
export class ContractError extends AffiliateError {
  override name = 'ContractError'
  constructor(
    readonly code: ContractErrorCode,
    /** the throw's whole text, e.g. `referrer: not registered` */
    readonly contractMessage: string,
    options: { cause?: unknown } = {},
  ) {
    super(`The affiliate contract refused the call: ${contractMessage}`, { ...options, docs: 'contracterror' })
  }
}

/** The user declined to sign in their wallet. */
export class UserRejectedError extends AffiliateError {
  override name = 'UserRejectedError'
  constructor(options: { cause?: unknown } = {}) {
    super('The user rejected the request in the wallet', { ...options, docs: 'userrejectederror' })
  }
}

/** The wallet works on another chain than the node. */
export class WrongNetworkError extends AffiliateError {
  override name = 'WrongNetworkError'
  constructor(
    /** the node's chain id (one character) */
    readonly expected: string,
    /** the wallet's chain id */
    readonly actual: string,
  ) {
    super(`The wallet is on chain '${actual}', the node on chain '${expected}'`, {
      details: 'switch the wallet to the network of the node',
      docs: 'wrongnetworkerror',
    })
  }
}

/** The wallet signed another transaction than the one it was given (so the mined proof of work is lost). */
export class TransactionChangedError extends AffiliateError {
  override name = 'TransactionChangedError'
  constructor(
    /** the id of the transaction given to the wallet */
    readonly expectedId: string,
    /** the id of the transaction the wallet signed */
    readonly actualId: string,
    /** the fields that differ, e.g. `['timestamp', 'fee']` */
    readonly changed: string[],
  ) {
    super(`The wallet changed the transaction (${changed.length > 0 ? changed.join(', ') : 'its bytes'}), so its id is no longer the mined one; nothing was broadcast`, {
      metaMessages: [`Expected id: ${expectedId}`, `Signed id:   ${actualId}`],
      docs: 'transactionchangederror',
    })
  }
}

/** A parameter is not acceptable; `field` names it. */
export class InvalidInputError extends AffiliateError {
  override name = 'InvalidInputError'
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`, { docs: 'invalidinputerror' })
  }
}

/** A write was called on a client created without `signer`. */
export class MissingSignerError extends AffiliateError {
  override name = 'MissingSignerError'
  constructor(method: string) {
    super(`${method}() needs a signer: pass { signer } to createAffiliate`, { docs: 'missingsignererror' })
  }
}

/** The transaction was broadcast but did not reach a block in time. */
export class ConfirmationTimeoutError extends AffiliateError {
  override name = 'ConfirmationTimeoutError'
  constructor(
    readonly id: string,
    readonly timeoutMs: number,
  ) {
    super(`Transaction ${id} was not confirmed within ${timeoutMs} ms`, {
      details: 'it may still be confirmed later; it was not signed or sent again',
      docs: 'confirmationtimeouterror',
    })
  }
}

export type LoginProofErrorReason = 'malformed' | 'service' | 'chain' | 'address' | 'signature' | 'expired' | 'replayed'

/** A login proof was refused (`verifyLoginProof` of `waves-affiliate/login`); `reason` says which check failed. */
export class LoginProofError extends AffiliateError {
  override name = 'LoginProofError'
  constructor(
    /**
     * `malformed` (not a proof of a challenge), `service` or `chain` (made for another), `address` (the key is
     * not the address's, or the challenge named another), `signature`, `expired`, `replayed` (used before,
     * or never issued by this store)
     */
    readonly reason: LoginProofErrorReason,
    details: string,
  ) {
    super(`The login proof was refused (${reason})`, { details, docs: 'loginprooferror' })
  }
}

const DAPP_ERROR = /^Error while executing dApp: (.*)$/s

/**
 * Turns a node's error answer into a class: a callable's `throw` with a known code word (node error 306)
 * becomes a ContractError, anything else a NodeError.
 */
export function nodeErrorFrom(status: number, url: string, body: unknown): NodeError | ContractError {
  const json = typeof body === 'object' && body !== null ? (body as { error?: unknown; message?: unknown }) : {}
  const code = typeof json.error === 'number' ? json.error : 0
  const message = typeof json.message === 'string' ? json.message : typeof body === 'string' && body !== '' ? body : `HTTP ${status}`
  const nodeError = new NodeError(status, code, url, message, { response: body })
  if (code === 306) {
    const contract = contractErrorFrom(DAPP_ERROR.exec(message)?.[1] ?? '', nodeError)
    if (contract) return contract
  }
  return nodeError
}

/** The ContractError for a `throw` text that starts with a known code word, else `undefined`. */
export function contractErrorFrom(text: string, cause?: unknown): ContractError | undefined {
  const word = /^([a-z]+): /.exec(text)?.[1]
  if (word === undefined || !(CONTRACT_ERROR_CODES as readonly string[]).includes(word)) return undefined
  return new ContractError(word as ContractErrorCode, text, cause === undefined ? {} : { cause })
}

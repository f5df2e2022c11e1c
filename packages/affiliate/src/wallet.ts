// The write path's multi-step helpers: find the user through the signer, ask the wallet to sign, check
// what it signed, broadcast (retrying the SAME signed transaction on transient failures) and wait for a block.
// Nothing here signs or mines again behind the caller's back.
import { chainIdOf } from './address.ts'
import { getChainId } from './actions/getChainId.ts'
import type { Client } from './client.ts'
import {
  AffiliateError,
  CannotPayFeeError,
  ConfirmationTimeoutError,
  MissingSignerError,
  NodeError,
  UserRejectedError,
  WrongNetworkError,
  contractErrorFrom,
} from './errors.ts'
import { broadcastTx, fetchTxInfo, fetchTxStatuses } from './node/chain.ts'
import type { InvokeRequest, SignerLike, WalletUser } from './signer-types.ts'
import type { ConfirmedTx, Submitted } from './types.ts'

/** The fee of an invoke from an ordinary account, in wavelets (0.005 WAVES). */
export const INVOKE_FEE = 500_000

/** A transaction as a wallet returns it, signed. */
export interface SignedTx {
  id: string
  type: number
  timestamp: number
  fee: number | string
  proofs: string[]
  chainId?: number
  [field: string]: unknown
}

/** The wallet could not sign, for another reason than the user's refusal. */
export class WalletError extends AffiliateError {
  override name = 'WalletError'
  constructor(reason: string, options: { cause?: unknown } = {}) {
    super(`The wallet could not sign: ${reason}`, { ...options, docs: 'walleterror' })
  }
}

/** The transaction reached a block but its script failed (a node stores such calls past 1,000 complexity). */
export class TransactionFailedError extends AffiliateError {
  override name = 'TransactionFailedError'
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super(`Transaction ${id} failed in block: ${reason}`, { docs: 'transactionfailederror' })
  }
}

export interface Wallet {
  signer: SignerLike
  user: WalletUser
  chainId: string
}

/** The signer, its user (logging in if the provider has none) and the node's chain, which they must share. */
export async function connectWallet(client: Client, method: string): Promise<Wallet> {
  const signer = client.signer
  if (signer === undefined) throw new MissingSignerError(method)
  const chainId = await getChainId(client)
  let user = signer.currentProvider?.user ?? null
  if (user === null) {
    try {
      user = await signer.login()
    } catch (error) {
      throw walletError(error)
    }
  }
  const walletChain = chainIdOf(user.address)
  if (walletChain !== chainId) throw new WrongNetworkError(chainId, walletChain ?? '?')
  return { signer, user, chainId }
}

/** Asks the wallet to sign one invoke; maps a refusal to UserRejectedError and checks the chain it signed for. */
export async function signInvoke(wallet: Wallet, tx: InvokeRequest): Promise<SignedTx> {
  let signed: SignedTx
  try {
    // Signer types one transaction, but hands the provider (and returns) a list
    const result = (await wallet.signer.invoke(tx).sign()) as SignedTx | SignedTx[]
    signed = Array.isArray(result) ? result[0]! : result
  } catch (error) {
    throw walletError(error)
  }
  if (typeof signed.chainId === 'number' && String.fromCharCode(signed.chainId) !== wallet.chainId) {
    throw new WrongNetworkError(wallet.chainId, String.fromCharCode(signed.chainId))
  }
  return signed
}

/**
 * The id of a transaction's body as the node computes it (never trusting the `id` field a wallet sets).
 * @waves/waves-transactions is loaded here, on the first write: it is most of the library's weight, and
 * pages that only read never need it.
 */
export async function txIdOf(tx: object): Promise<string> {
  const { libs, makeTxBytes } = await import('./tx-builder.ts')
  return libs.crypto.base58Encode(libs.crypto.blake2b(makeTxBytes(tx as Parameters<typeof makeTxBytes>[0])))
}

const REJECTION = /user (rejection|rejected|denied|cancel)/i

/** A wallet's failure as a typed error. Wallets say "no" differently: a string, an Error, a code. */
export function walletError(error: unknown): AffiliateError {
  if (error instanceof AffiliateError) return error
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const text = typeof e === 'string' ? e : e instanceof Error ? e.message : String((e as { message?: unknown }).message ?? '')
    const code = (e as { code?: unknown }).code
    if (REJECTION.test(text) || code === 4001 || code === 10) return new UserRejectedError({ cause: error })
    e = typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined
  }
  const reason = typeof error === 'string' ? error : error instanceof Error ? firstLine(error.message) : String(error)
  return new WalletError(reason, { cause: error })
}

const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text

/**
 * Broadcasts a signed transaction (the transport retries transient failures with the same bytes; the node
 * dedupes by id) and returns its id with a promise of its block.
 */
export async function submit(client: Client, signed: SignedTx): Promise<Submitted> {
  const id = await txIdOf(signed)
  try {
    await broadcastTx(client.transport, signed, id)
  } catch (error) {
    // A try that reached the node but lost its answer makes the retry meet its own transaction.
    if (!(error instanceof NodeError && error.nodeMessage.includes(id) && /already in the state|already in UTX/i.test(error.nodeMessage))) {
      throw (error instanceof NodeError && (await feeError(error, signed))) || error
    }
  }
  const confirmed = waitForConfirmation(client, id, signed.timestamp)
  confirmed.then(
    () => {
      for (const listener of client.state.confirmedListeners) listener(id)
    },
    () => undefined, // a caller who does not await `confirmed` must not get an unhandled rejection
  )
  return { id, confirmed }
}

const BALANCE_ERRORS = 'State check failed. Reason: Accounts balance errors'
/** The node's detail for an address whose WAVES would go negative: `negative waves balance: <a>, old: <n>, new: <n>`. */
const NEGATIVE_WAVES = /^negative waves balance: (\w+), old: (-?\d+), new: (-?\d+)$/

/**
 * A refusal because the sender cannot pay (node error 112, "Accounts balance errors") as a
 * CannotPayFeeError; anything else undefined. The node names the account with its balance before
 * (`old`) and after (`new`) the fee and any WAVES payment: what it needs is `old - new`. Only the sender
 * of an invoke pays anything before its script runs, so a negative WAVES balance there is the sender's.
 * An answer without that detail still means the sender: it needs the fee and its WAVES payments.
 */
export async function feeError(error: NodeError, signed: SignedTx): Promise<CannotPayFeeError | undefined> {
  if (error.code !== 112 || error.nodeMessage !== BALANCE_ERRORS) return undefined
  const details = (error.response as { details?: unknown } | null)?.details
  for (const text of typeof details === 'object' && details !== null ? Object.values(details) : []) {
    const match = typeof text === 'string' ? NEGATIVE_WAVES.exec(text) : null
    if (match === null) continue
    const [, address, old, after] = match as unknown as [string, string, string, string]
    return new CannotPayFeeError(address, BigInt(old) - BigInt(after), BigInt(old), { cause: error })
  }
  const { senderPublicKey, chainId, fee, payment } = signed as SignedTx & { senderPublicKey?: unknown; payment?: unknown }
  if (typeof senderPublicKey !== 'string' || typeof chainId !== 'number') return undefined
  const { libs } = await import('./tx-builder.ts')
  const wavesPaid = (Array.isArray(payment) ? payment : [])
    .filter((p: { assetId?: unknown }) => p.assetId === null || p.assetId === undefined)
    .reduce((sum: bigint, p: { amount?: unknown }) => sum + BigInt(String(p.amount ?? 0)), 0n)
  const address = libs.crypto.address({ publicKey: senderPublicKey }, chainId)
  return new CannotPayFeeError(address, BigInt(String(fee)) + wavesPaid, undefined, { cause: error })
}

async function waitForConfirmation(client: Client, id: string, timestamp: number): Promise<ConfirmedTx> {
  const deadline = Date.now() + client.confirmTimeoutMs
  for (;;) {
    const [status] = await fetchTxStatuses(client.transport, [id])
    if (status?.status === 'confirmed') {
      if (status.applicationStatus === 'script_execution_failed') throw await failure(client, id)
      return { id, height: status.height ?? 0, timestamp }
    }
    if (Date.now() >= deadline) throw new ConfirmationTimeoutError(id, client.confirmTimeoutMs)
    await new Promise((resolve) => setTimeout(resolve, client.pollingIntervalMs))
  }
}

async function failure(client: Client, id: string): Promise<AffiliateError> {
  const info = await fetchTxInfo(client.transport, id)
  const text = (info['stateChanges'] as { error?: { text?: unknown } } | undefined)?.error?.text
  const reason = typeof text === 'string' ? text : 'script execution failed'
  return contractErrorFrom(reason) ?? new TransactionFailedError(id, reason)
}

/** A Long for waves-transactions and wallets: a number while exact, else a decimal string. */
export function toLong(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString()
}

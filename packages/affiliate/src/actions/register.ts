import { checkAddress } from '../address.ts'
import type { Client } from '../client.ts'
import { InvalidInputError, TransactionChangedError } from '../errors.ts'
import type { InvokeScriptTx, MineProgress } from '../pow/index.ts'
import type { Submitted } from '../types.ts'
import { INVOKE_FEE, type SignedTx, connectWallet, signInvoke, submit, txIdOf } from '../wallet.ts'
import { fetchConfig } from './fetchConfig.ts'

export interface RegisterParameters {
  /** the address that invites the user: registered, or the program's root */
  referrer: string
  /** aborting stops the proof of work (PowAbortedError); nothing is signed or sent */
  signal?: AbortSignal
  /** proof-of-work progress, a few times a second */
  onProgress?: (progress: MineProgress) => void
  /** proof-of-work workers; by default one per logical core */
  workers?: number
}
export type RegisterReturnType = Submitted

/** Index of `salt` in `register(referrer: String, salt: Int)`. */
const SALT_ARG = 1

/**
 * Joins the program under `referrer`: builds the `register(referrer, salt)` invoke for the signer's user,
 * mines the salt until the id has the program's `pow_bits` leading zero bits, asks the wallet to sign
 * exactly that transaction, and broadcasts it (POST /transactions/broadcast). A wallet that changes the
 * transaction (timestamp, fee ...) changes its id: that is a TransactionChangedError and nothing is sent.
 *
 * @example
 * const { id, confirmed } = await register(client, { referrer, signal, onProgress: (p) => bar(p.attempts / p.expected) })
 * await confirmed // { id, height, timestamp }
 */
export async function register(client: Client, { referrer, signal, onProgress, workers }: RegisterParameters): Promise<RegisterReturnType> {
  checkAddress('referrer', referrer)
  const wallet = await connectWallet(client, 'register')
  checkAddress('referrer', referrer, wallet.chainId)
  if (referrer === wallet.user.address) throw new InvalidInputError('referrer', 'an address cannot refer itself')
  const { powBits } = await fetchConfig(client)

  // loaded on the first write, like the miner below: pages that only read never download them
  const { invokeScript } = await import('../tx-builder.ts')
  const unsigned = invokeScript({
    dApp: client.dApp,
    call: { function: 'register', args: [{ type: 'string', value: referrer }, { type: 'integer', value: 0 }] },
    payment: [],
    fee: INVOKE_FEE,
    feeAssetId: null,
    senderPublicKey: wallet.user.publicKey,
    chainId: wallet.chainId,
  }) as InvokeScriptTx
  // loaded on demand: the miner (WASM and workers) stays out of the bundle of a page that never registers
  const { mine } = await import('../pow/index.ts')
  const { tx: mined } = await mine(unsigned, {
    saltArg: SALT_ARG,
    bits: powBits,
    ...(workers !== undefined ? { workers } : {}),
    ...(signal !== undefined ? { signal } : {}),
    ...(onProgress !== undefined ? { onProgress } : {}),
  })

  const signed = await signInvoke(wallet, {
    dApp: mined.dApp,
    call: mined.call!,
    payment: [],
    fee: mined.fee,
    feeAssetId: null,
    timestamp: mined.timestamp,
    senderPublicKey: mined.senderPublicKey,
    version: mined.version,
  } as Parameters<typeof signInvoke>[1])
  const signedId = await txIdOf(signed)
  if (signedId !== mined.id) throw new TransactionChangedError(mined.id, signedId, changedFields(mined, signed))
  return submit(client, signed)
}

const FIELDS = ['type', 'version', 'chainId', 'senderPublicKey', 'dApp', 'call', 'payment', 'fee', 'feeAssetId', 'timestamp'] as const

/** The body fields a wallet changed, by name. */
function changedFields(expected: InvokeScriptTx, signed: SignedTx): string[] {
  const canonical = (value: unknown) => JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v))
  return FIELDS.filter((field) => canonical((expected as unknown as Record<string, unknown>)[field]) !== canonical(signed[field]))
}

import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import type { Submitted } from '../types.ts'
import { INVOKE_FEE, connectWallet, signInvoke, submit, toLong } from '../wallet.ts'
import { fetchConfig } from './fetchConfig.ts'

export interface FundParameters {
  /** in the program asset's smallest unit (for WAVES, wavelets) */
  amount: bigint
}
export type FundReturnType = Submitted

/**
 * Pays `amount` of the program's asset into `fund()`: the contract splits it over the payer's three
 * referral levels, the payer's cashback and the root's change. Signs through the signer and broadcasts
 * (POST /transactions/broadcast); the fee (0.005 WAVES) is refunded by the program while its budget lasts.
 *
 * @example
 * const { id, confirmed } = await fund(client, { amount: parseAmount('1.5', 8) })
 * await confirmed
 */
export async function fund(client: Client, { amount }: FundParameters): Promise<FundReturnType> {
  if (typeof amount !== 'bigint' || amount <= 0n) throw new InvalidInputError('amount', `${String(amount)} is not a positive bigint`)
  const wallet = await connectWallet(client, 'fund')
  const { asset } = await fetchConfig(client)
  const signed = await signInvoke(wallet, {
    dApp: client.dApp,
    call: { function: 'fund', args: [] },
    payment: [{ assetId: asset.id, amount: toLong(amount) }],
    fee: INVOKE_FEE,
    feeAssetId: null,
  } as Parameters<typeof signInvoke>[1])
  return submit(client, signed)
}

import type { Client } from '../client.ts'
import type { Submitted } from '../types.ts'
import { INVOKE_FEE, connectWallet, signInvoke, submit } from '../wallet.ts'

export type WithdrawParameters = Record<string, never>
export type WithdrawReturnType = Submitted

/**
 * Withdraws the signer's whole balance (`withdraw()`; at least the program's `minWithdraw`).
 * Signs through the signer and broadcasts (POST /transactions/broadcast).
 *
 * @example
 * const { confirmed } = await withdraw(client)
 * await confirmed
 */
export async function withdraw(client: Client): Promise<WithdrawReturnType> {
  const wallet = await connectWallet(client, 'withdraw')
  const signed = await signInvoke(wallet, {
    dApp: client.dApp,
    call: { function: 'withdraw', args: [] },
    payment: [],
    fee: INVOKE_FEE,
    feeAssetId: null,
  } as Parameters<typeof signInvoke>[1])
  return submit(client, signed)
}

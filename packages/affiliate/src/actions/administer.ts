import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import type { InvokeArgument } from '../signer-types.ts'
import type { Submitted } from '../types.ts'
import { INVOKE_FEE, connectWallet, signInvoke, submit, toLong } from '../wallet.ts'

/**
 * An admin callable of the contract and its arguments (ride/README.md, "Callables"; the bounds are in
 * "Config keys and bounds"). Amounts are bigint in the asset's smallest unit (reserves and budgets in
 * wavelets); `announceUpgrade` takes blake2b256 of the new script's bytes (32 bytes).
 */
export type AdminCall =
  | { function: 'setRates'; args: [l1: number, l2: number, l3: number, cashback: number] }
  | { function: 'setPowBits' | 'setUpgradeDelay'; args: [number] }
  | { function: 'setMinFund' | 'setMinWithdraw' | 'setMinReferrerPaid' | 'reserveGas'; args: [bigint] }
  | { function: 'setRefundBudget'; args: [budget: bigint, share: bigint] }
  | { function: 'setAsset'; args: [asset: string, minFund: bigint, minWithdraw: bigint, minReferrerPaid: bigint] }
  | { function: 'setAdmin' | 'setRoot' | 'addHost' | 'removeHost'; args: [address: string] }
  | { function: 'announceUpgrade'; args: [hash: Uint8Array] }
  | { function: 'pause' | 'unpause' | 'cancelUpgrade'; args: [] }
  | { function: 'topUpGas'; args: []; payment: bigint }

export interface AdministerParameters {
  call: AdminCall
}
export type AdministerReturnType = Submitted

/**
 * Signs one admin call with the signer's account (the program's admin, or the dApp itself) and broadcasts
 * it (POST /transactions/broadcast). The fee is 0.005 WAVES, plus 0.004 when the signer's account has a
 * script (the node's `extraFee` of GET /addresses/scriptInfo/{address}): a dApp administering itself has
 * its verifier. Admin calls
 * are never refunded. The contract refuses a value outside its bounds (`config: ...`, a ContractError);
 * `announceUpgrade` with a hash of another length than 32 bytes is refused here (InvalidInputError).
 *
 * @example
 * const { confirmed } = await administer(client, { call: { function: 'setRates', args: [100, 50, 25, 20] } })
 * await confirmed
 */
export async function administer(client: Client, { call }: AdministerParameters): Promise<AdministerReturnType> {
  if (call.function === 'announceUpgrade' && !(call.args[0] instanceof Uint8Array && call.args[0].length === 32)) {
    throw new InvalidInputError('hash', 'announceUpgrade takes blake2b256 of the script: 32 bytes')
  }
  if ('payment' in call && (typeof call.payment !== 'bigint' || call.payment <= 0n)) {
    throw new InvalidInputError('payment', `${String(call.payment)} is not a positive bigint`)
  }
  const wallet = await connectWallet(client, call.function)
  const { extraFee } = await client.transport.request<{ extraFee?: number }>({
    method: 'GET',
    path: `/addresses/scriptInfo/${encodeURIComponent(wallet.user.address)}`,
  })
  const signed = await signInvoke(wallet, {
    dApp: client.dApp,
    call: { function: call.function, args: call.args.map(argument) },
    payment: 'payment' in call ? [{ assetId: null, amount: toLong(call.payment) }] : [],
    fee: INVOKE_FEE + (extraFee ?? 0),
    feeAssetId: null,
  })
  return submit(client, signed)
}

function argument(value: number | bigint | string | Uint8Array): InvokeArgument {
  if (value instanceof Uint8Array) return { type: 'binary', value: `base64:${btoa(String.fromCharCode(...value))}` }
  if (typeof value === 'string') return { type: 'string', value }
  return { type: 'integer', value: typeof value === 'bigint' ? toLong(value) : value }
}

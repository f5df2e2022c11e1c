import { checkAddress } from '../address.ts'
import type { Client } from '../client.ts'
import { InvalidInputError } from '../errors.ts'
import type { Submitted } from '../types.ts'
import { INVOKE_FEE, connectWallet, signInvoke, submit, toLong } from '../wallet.ts'
import { fetchConfig } from './fetchConfig.ts'

export interface FundForParameters {
  /** the member the payment is for: its referral chain is credited as if it had paid */
  payer: string
  /** in the program asset's smallest unit (for WAVES, wavelets) */
  amount: bigint
}
export type FundForReturnType = Submitted

/**
 * A host's payment for one of its customers: `fundFor(payer)` with `amount` of the program's asset. The
 * contract splits it as `fund` would for `payer` (levels above `payer`, `payer`'s cashback, the root's
 * change). Only accounts in the program's host list may call it (`ContractError` `host: caller is not a
 * host`); a host is never refunded, so it pays the fee itself: 0.005 WAVES plus the node's `extraFee` of
 * its account (GET /addresses/scriptInfo/{address}). Signs through the signer and broadcasts
 * (POST /transactions/broadcast). Throws InvalidInputError for a payer that is not an address of the
 * node's chain or an amount that is not a positive bigint.
 *
 * @example
 * const { confirmed } = await fundFor(client, { payer: customer, amount: parseAmount('2', 8) })
 * await confirmed
 */
export async function fundFor(client: Client, { payer, amount }: FundForParameters): Promise<FundForReturnType> {
  if (typeof amount !== 'bigint' || amount <= 0n) throw new InvalidInputError('amount', `${String(amount)} is not a positive bigint`)
  checkAddress('payer', payer)
  const wallet = await connectWallet(client, 'fundFor')
  checkAddress('payer', payer, wallet.chainId)
  const [{ asset }, { extraFee }] = await Promise.all([
    fetchConfig(client),
    client.transport.request<{ extraFee?: number }>({ method: 'GET', path: `/addresses/scriptInfo/${encodeURIComponent(wallet.user.address)}` }),
  ])
  const signed = await signInvoke(wallet, {
    dApp: client.dApp,
    call: { function: 'fundFor', args: [{ type: 'string', value: payer }] },
    payment: [{ assetId: asset.id, amount: toLong(amount) }],
    fee: INVOKE_FEE + (extraFee ?? 0),
    feeAssetId: null,
  })
  return submit(client, signed)
}

// The wallet's half of account linking (the service's half is `waves-affiliate/login`): sign a service's
// challenge with the user's wallet and make the proof the service checks. No crypto here: the wallet signs.
import { walletError } from './wallet.ts'
import type { SignerLike } from './signer-types.ts'

/**
 * Signs a service's login challenge with Signer's `signMessage` (logging in first if the provider has no
 * user yet) and returns the proof to send back: `{ message, address, publicKey, signature }`. A refusal
 * in the wallet is a UserRejectedError, another wallet failure a WalletError.
 *
 * @example
 * const { message } = await (await fetch('/login/challenge')).json()
 * const proof = await signLoginChallenge(signer, message)
 * await fetch('/login/proof', { method: 'POST', body: JSON.stringify(proof) })
 */
export async function signLoginChallenge(
  signer: SignerLike,
  message: string,
): Promise<{ message: string; address: string; publicKey: string; signature: string }> {
  try {
    const user = signer.currentProvider?.user ?? (await signer.login())
    const signature = await signer.signMessage(message)
    return { message, address: user.address, publicKey: user.publicKey, signature }
  } catch (error) {
    throw walletError(error)
  }
}

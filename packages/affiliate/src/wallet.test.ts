import { describe, expect, test } from 'vitest'
import { CannotPayFeeError, NodeError, UserRejectedError } from './errors.ts'
import { WalletError, feeError, walletError } from './wallet.ts'

describe('walletError: wallets say "no" in many ways', () => {
  test.each([
    ['Signer convention (a string)', 'Error: User rejection!'],
    ['an Error', new Error('User rejection!')],
    ['Keeper Wallet', { code: 10, message: 'User denied message' }],
    ['EIP-1193 (MetaMask)', { code: 4001, message: 'User rejected the request.' }],
    ['wrapped by Signer', Object.assign(new Error('Signer error:\n    Details: Provider internal error: User cancelled. This is not error of signer.'), { code: 1006 })],
    ['a cause', new Error('sign failed', { cause: 'Error: User rejection!' })],
  ])('%s is a UserRejectedError', (_name, error) => {
    const mapped = walletError(error)
    expect(mapped).toBeInstanceOf(UserRejectedError)
    expect(mapped.cause).toBe(error)
  })

  test('anything else is a WalletError with the first line of its message', () => {
    const mapped = walletError(new Error('\n    Title: Provider internal error\n    Details: boom'))
    expect(mapped).toBeInstanceOf(WalletError)
    expect(mapped.message).toBe('The wallet could not sign: Title: Provider internal error\nDocs: waves-affiliate/README.md#walleterror')
  })
})

describe('feeError: the node\'s "Accounts balance errors" as CannotPayFeeError', () => {
  const signed = {
    id: 'x',
    type: 16,
    timestamp: 1_800_000_000_000,
    fee: 500_000,
    proofs: [],
    chainId: 82,
    senderPublicKey: '4KxUVD9NtyRJjU3BCvPgJSttoJX7cb3DMdDTNucLN121',
    payment: [{ assetId: null, amount: 100_000_000 }, { assetId: 'DG2xFkPdDwKUoBkzGAhQtLpSGzfXLiCYPEzeKH2Ad24p', amount: 5 }],
  }
  const refusal = (response: unknown) => new NodeError(400, 112, 'http://n/transactions/broadcast', 'State check failed. Reason: Accounts balance errors', { response })

  test('with the node\'s detail: what the call takes and what the account holds', async () => {
    const error = await feeError(
      refusal({ error: 112, details: { '3M8dQ7VvXz3M5SkSKCnhg8vXkBDkhzsefTv': 'negative waves balance: 3M8dQ7VvXz3M5SkSKCnhg8vXkBDkhzsefTv, old: 200000, new: -100300000' } }),
      signed,
    )
    expect(error).toBeInstanceOf(CannotPayFeeError)
    expect(error).toMatchObject({ address: '3M8dQ7VvXz3M5SkSKCnhg8vXkBDkhzsefTv', needed: 100_500_000n, balance: 200_000n })
    expect(error?.shortMessage).toBe('The account cannot pay the fee: it needs 1.005 WAVES up front, and holds 0.002 WAVES')
  })

  test('without it: the sender (from its public key) needs the fee and its WAVES payments', async () => {
    const error = await feeError(refusal({ error: 112, message: 'State check failed. Reason: Accounts balance errors' }), signed)
    expect(error).toMatchObject({ address: '3M8dQ7VvXz3M5SkSKCnhg8vXkBDkhzsefTv', needed: 100_500_000n, balance: undefined })
    expect(error?.shortMessage).toBe('The account cannot pay the fee: it needs 1.005 WAVES up front')
  })

  test('other refusals stay as they are', async () => {
    expect(await feeError(new NodeError(400, 112, 'u', 'State check failed. Reason: insufficient fee'), signed)).toBeUndefined()
    expect(await feeError(new NodeError(400, 306, 'u', 'Error while executing dApp: balance: too low'), signed)).toBeUndefined()
  })
})

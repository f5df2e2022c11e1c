import { describe, expect, test } from 'vitest'
import { UserRejectedError } from './errors.ts'
import { WalletError, walletError } from './wallet.ts'

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

import { describe, expect, test } from 'vitest'
import { CannotPayFeeError, ContractError, NodeError, NodeUnavailableError, TransactionChangedError, UserRejectedError, WrongNetworkError } from 'waves-affiliate'
import { translate } from './i18n.ts'
import { describeError } from './problems.ts'

const node = 'http://127.0.0.1:6869'
/** What the user reads, in English, message then hint. */
const read = (error: unknown, wallet?: string) => {
  const p = describeError(error, wallet === undefined ? { node } : { node, wallet })
  return [translate('en', p.message, p.params), translate('en', p.hint, p.params)]
}

describe('describeError', () => {
  test('node down', () => {
    expect(read(new NodeUnavailableError(`${node}/blocks/height`, 4, 'network error'))).toEqual([
      'The node http://127.0.0.1:6869 does not answer.',
      'Check your connection. The page picks up again by itself once the node answers.',
    ])
  })
  test('user refused, in the library and in a wallet’s own words', () => {
    const expected = ['You declined the request in your wallet.', 'Try again and confirm in the wallet when it asks.']
    expect(read(new UserRejectedError())).toEqual(expected)
    expect(read('Error: User rejection!')).toEqual(expected)
  })
  test('wrong network', () => {
    expect(read(new WrongNetworkError('R', 'W'))).toEqual([
      'Your wallet is on network W, but this program runs on network R.',
      'Switch the wallet to network R (the node http://127.0.0.1:6869) and log in again.',
    ])
  })
  test('wallet missing names the wallet', () => {
    expect(read(new Error('WavesKeeper is not installed.'), 'Keeper Wallet')).toEqual([
      'Keeper Wallet is not available in this browser.',
      'Install it and reload this page, or choose another wallet.',
    ])
  })
  test('contract refusals: paused has its own words, others quote the contract', () => {
    expect(read(new ContractError('paused', 'paused: the program is paused'))).toEqual(['The program is paused by its operator.', 'Nothing was charged. Try again later.'])
    expect(read(new ContractError('balance', 'balance: 5 is below the minimum 10'))).toEqual([
      'The program refused: balance: 5 is below the minimum 10',
      'Nothing was charged. Read the reason above; try again when it no longer applies.',
    ])
  })
  test('an account that cannot pay the fee is told how much WAVES it needs and why', () => {
    const hint = 'The network takes the fee before the call runs; the program refunds it afterwards, while its daily budget lasts. Add WAVES to this account and try again.'
    expect(read(new CannotPayFeeError('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF', 500_000n, undefined))).toEqual([
      'Your account does not have enough WAVES for this transaction: it needs 0.005 WAVES up front.',
      hint,
    ])
    expect(read(new CannotPayFeeError('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF', 150_500_000n, 1_000n))[0]).toBe(
      'Your account does not have enough WAVES for this transaction: it needs 1.505 WAVES up front and holds 0.00001 WAVES.',
    )
  })
  test('node refusals, a changed transaction, anything else', () => {
    expect(read(new NodeError(400, 199, `${node}/transactions/broadcast`, 'State check failed'))[0]).toBe('The node refused the request: State check failed')
    expect(read(new TransactionChangedError('A', 'B', ['fee']))[0]).toBe(
      'The wallet changed the transaction before signing it, so its proof of work no longer holds.',
    )
    expect(read(new Error('boom'))).toEqual(['Something went wrong: boom', 'Try again. If it keeps happening, reload the page.'])
  })
})

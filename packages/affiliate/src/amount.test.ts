import { describe, expect, test } from 'vitest'
import { formatAmount, parseAmount } from './amount.ts'
import { InvalidInputError } from './errors.ts'

describe('formatAmount', () => {
  test.each([
    [150000000n, 8, '1.5'],
    [1n, 8, '0.00000001'],
    [-200n, 2, '-2'],
    [0n, 8, '0'],
    [100000000n, 8, '1'],
    [-1n, 8, '-0.00000001'],
    [9223372036854775807n, 8, '92233720368.54775807'],
    [123n, 0, '123'],
  ])('%s with %s decimals is %s', (amount, decimals, text) => {
    expect(formatAmount(amount, decimals)).toBe(text)
  })
})

describe('parseAmount', () => {
  test.each([
    ['1.5', 8, 150000000n],
    ['0.00000001', 8, 1n],
    ['-2', 2, -200n],
    [' 12 ', 8, 1200000000n],
    ['.5', 1, 5n],
    ['7.', 2, 700n],
    ['92233720368.54775807', 8, 9223372036854775807n],
  ])('%j with %s decimals is %s', (text, decimals, amount) => {
    expect(parseAmount(text, decimals)).toBe(amount)
  })

  test('round trip of every formatted amount', () => {
    for (const amount of [0n, 1n, 10n, 123456789n, 100000000n, 9223372036854775807n, -5n]) {
      expect(parseAmount(formatAmount(amount, 8), 8)).toBe(amount)
    }
  })

  test.each([
    ['abc', 8, 'Invalid amount: "abc" is not a number'],
    ['', 8, 'Invalid amount: "" is not a number'],
    ['1e5', 8, 'Invalid amount: "1e5" is not a number'],
    ['1,5', 8, 'Invalid amount: "1,5" is not a number'],
    ['.', 8, 'Invalid amount: "." is not a number'],
    ['0.000000001', 8, 'Invalid amount: "0.000000001" has more than 8 decimals'],
    ['1.05', 1, 'Invalid amount: "1.05" has more than 1 decimal'],
    ['92233720368.54775808', 8, 'Invalid amount: "92233720368.54775808" is too large'],
  ])('%j is refused: %s', (text, decimals, message) => {
    const error = (() => {
      try {
        parseAmount(text, decimals)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as InvalidInputError).field).toBe('amount')
    expect((error as InvalidInputError).message).toBe(`${message}\nDocs: waves-affiliate/README.md#invalidinputerror`)
  })
})

import { describe, expect, test } from 'vitest'
import { chainIdOf, validateAddress } from './address.ts'

// The dev node's rich account on chain R, and the same key's address on mainnet (W).
const R_ADDRESS = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'

describe('validateAddress', () => {
  test('accepts an address of this network', () => {
    expect(validateAddress(R_ADDRESS, 'R')).toBe('ok')
    expect(chainIdOf(R_ADDRESS)).toBe('R')
  })
  test('tells another network apart from garbage', () => {
    expect(validateAddress(R_ADDRESS, 'T')).toBe('otherNetwork')
  })
  test('refuses a broken checksum, a wrong length and non-base58 text', () => {
    expect(validateAddress(`${R_ADDRESS.slice(0, -1)}G`, 'R')).toBe('invalid')
    expect(validateAddress(R_ADDRESS.slice(0, -2), 'R')).toBe('invalid')
    expect(validateAddress('not-an-address', 'R')).toBe('invalid')
    expect(validateAddress('', 'R')).toBe('invalid')
    expect(chainIdOf('0OIl')).toBe(undefined)
  })
})

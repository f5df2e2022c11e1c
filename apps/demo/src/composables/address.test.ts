import { describe, expect, test } from 'vitest'
import { chainOf, checkAddress } from './address.ts'

// The dev node's rich account on chain R, and the same key's address on mainnet (W).
const R_ADDRESS = '3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF'

describe('checkAddress', () => {
  test('accepts an address of this network', () => {
    expect(checkAddress(R_ADDRESS, 'R')).toBe('ok')
    expect(chainOf(R_ADDRESS)).toBe('R')
  })
  test('tells another network apart from garbage', () => {
    expect(checkAddress(R_ADDRESS, 'T')).toBe('otherNetwork')
  })
  test('refuses a broken checksum, a wrong length and non-base58 text', () => {
    expect(checkAddress(`${R_ADDRESS.slice(0, -1)}G`, 'R')).toBe('invalid')
    expect(checkAddress(R_ADDRESS.slice(0, -2), 'R')).toBe('invalid')
    expect(checkAddress('not-an-address', 'R')).toBe('invalid')
    expect(checkAddress('', 'R')).toBe('invalid')
    expect(chainOf('0OIl')).toBe(null)
  })
})

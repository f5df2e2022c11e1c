// Amounts as text and back, exactly: bigint in the asset's smallest unit, `decimals` digits after the point.
import { InvalidInputError } from './errors.ts'

const INT64_MAX = 2n ** 63n - 1n

/**
 * Formats an amount in the asset's smallest unit as a decimal string without trailing zeros.
 *
 * @example
 * formatAmount(150000000n, 8) // '1.5'
 * formatAmount(1n, 8)         // '0.00000001'
 * formatAmount(-200n, 2)      // '-2'
 */
export function formatAmount(amount: bigint, decimals: number): string {
  checkDecimals(decimals)
  const sign = amount < 0n ? '-' : ''
  const digits = (amount < 0n ? -amount : amount).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '')
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`
}

/**
 * Parses a decimal amount typed by a person into the asset's smallest unit.
 * Throws InvalidInputError (field `amount`) for anything but a plain decimal number that fits in 64 bits
 * with at most `decimals` digits after the point.
 *
 * @example
 * parseAmount('1.5', 8)  // 150000000n
 * parseAmount('0.00000001', 8) // 1n
 */
export function parseAmount(text: string, decimals: number): bigint {
  checkDecimals(decimals)
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new InvalidInputError('amount', `"${text}" is not a number`)
  const [, sign, whole = '', fraction = ''] = match
  if (fraction.length > decimals) {
    throw new InvalidInputError('amount', `"${text}" has more than ${decimals} ${decimals === 1 ? 'decimal' : 'decimals'}`)
  }
  const magnitude = BigInt((whole || '0') + fraction.padEnd(decimals, '0'))
  if (magnitude > INT64_MAX) throw new InvalidInputError('amount', `"${text}" is too large`)
  return sign === '-' ? -magnitude : magnitude
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 18) {
    throw new InvalidInputError('decimals', `${String(decimals)} is not an integer from 0 to 18`)
  }
}

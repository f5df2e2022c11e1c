// Address checks for reads. Small on purpose: the read path must not pull @waves/waves-transactions
// (CommonJS, not tree-shakeable) into a front end's bundle; the write path checks the checksum with it.
import { InvalidInputError } from './errors.ts'
import { looksLikeAddress } from './parse.ts'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58 to bytes; `undefined` for a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | undefined {
  let n = 0n
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return undefined
    n = n * 58n + BigInt(digit)
  }
  const bytes: number[] = []
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn))
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.unshift(0)
  return Uint8Array.from(bytes)
}

/** The chain id (one character) an address belongs to, or `undefined` if it is not an address. */
export function chainIdOf(address: string): string | undefined {
  if (!looksLikeAddress(address)) return undefined
  const bytes = base58Decode(address)
  return bytes?.length === 26 && bytes[0] === 1 ? String.fromCharCode(bytes[1]!) : undefined
}

/** Throws InvalidInputError unless `value` has the shape of an address (of `chainId`, when given). */
export function checkAddress(field: string, value: unknown, chainId?: string): string {
  if (typeof value !== 'string' || chainIdOf(value) === undefined) {
    throw new InvalidInputError(field, `${JSON.stringify(value)} is not an address`)
  }
  const chain = chainIdOf(value)
  if (chainId !== undefined && chain !== chainId) {
    throw new InvalidInputError(field, `${value} is an address of chain '${chain}', not '${chainId}'`)
  }
  return value
}

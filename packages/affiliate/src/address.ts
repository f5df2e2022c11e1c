// Addresses: the one place that decodes and checks them (version byte, chain byte, checksum). Small on
// purpose: checking an address must not pull @waves/waves-transactions (CommonJS, not tree-shakeable) into
// a front end's bundle; @noble/hashes gives the two hashes of the checksum.
import { blake2b } from '@noble/hashes/blake2.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { InvalidInputError } from './errors.ts'

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

/**
 * The chain id (one character) of an address, or `undefined` when the text is not an address: 26 bytes
 * of base58, version 1, and a checksum (the first 4 bytes of keccak256(blake2b256(the first 22 bytes))).
 * @example chainIdOf('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF') // 'R'
 */
export function chainIdOf(address: string): string | undefined {
  if (address.length > 40) return undefined
  const bytes = base58Decode(address)
  if (bytes?.length !== 26 || bytes[0] !== 1) return undefined
  const checksum = keccak_256(blake2b(bytes.subarray(0, 22), { dkLen: 32 }))
  for (let i = 0; i < 4; i++) if (checksum[i] !== bytes[22 + i]) return undefined
  return String.fromCharCode(bytes[1]!)
}

export type AddressValidity = 'ok' | 'invalid' | 'otherNetwork'

/**
 * Whether `text` is an address of chain `chainId`, an address of another chain, or not an address.
 * @example validateAddress(link.referrer, await affiliate.chainId()) // 'ok'
 */
export function validateAddress(text: string, chainId: string): AddressValidity {
  const chain = chainIdOf(text)
  return chain === undefined ? 'invalid' : chain === chainId ? 'ok' : 'otherNetwork'
}

/** Throws InvalidInputError unless `value` is an address (of `chainId`, when given). */
export function checkAddress(field: string, value: unknown, chainId?: string): string {
  const chain = typeof value === 'string' ? chainIdOf(value) : undefined
  if (chain === undefined) throw new InvalidInputError(field, `${JSON.stringify(value)} is not an address`)
  if (chainId !== undefined && chain !== chainId) {
    throw new InvalidInputError(field, `${String(value)} is an address of chain '${chain}', not '${chainId}'`)
  }
  return value as string
}

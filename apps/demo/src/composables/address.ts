// Is this text an address of this network? Checked in the page (version byte, chain byte, checksum)
// so that a broken referral link is explained before anything asks the node.
import { blake2b } from '@noble/hashes/blake2.js'
import { keccak_256 } from '@noble/hashes/sha3.js'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

export function base58Decode(text: string): Uint8Array | null {
  let value = 0n
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = value * 58n + BigInt(digit)
  }
  const bytes: number[] = []
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn))
    value >>= 8n
  }
  for (const char of text) {
    if (char !== '1') break
    bytes.unshift(0)
  }
  return Uint8Array.from(bytes)
}

export type AddressCheck = 'ok' | 'invalid' | 'otherNetwork'

export function checkAddress(text: string, chainId: string): AddressCheck {
  const bytes = base58Decode(text)
  if (bytes === null || bytes.length !== 26 || bytes[0] !== 1) return 'invalid'
  const checksum = keccak_256(blake2b(bytes.subarray(0, 22), { dkLen: 32 }))
  for (let i = 0; i < 4; i++) if (checksum[i] !== bytes[22 + i]) return 'invalid'
  return bytes[1] === chainId.charCodeAt(0) ? 'ok' : 'otherNetwork'
}

/** The chain id (one character) an address belongs to, or null when it is not an address. */
export function chainOf(text: string): string | null {
  const bytes = base58Decode(text)
  return bytes !== null && bytes.length === 26 && bytes[0] === 1 ? String.fromCharCode(bytes[1]!) : null
}

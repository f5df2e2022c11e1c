// Waves addresses as bytes: derivation from a public key and the node's checks (account/Recipient.scala Address).
import { concatBytes } from '@noble/hashes/utils.js'
import { blake2b256, keccak256 } from './crypto.ts'

const ADDRESS_LENGTH = 26

/** keccak256(blake2b256(bytes)): the node's crypto.secureHash */
export function secureHash(bytes: Uint8Array): Uint8Array {
  return keccak256(blake2b256(bytes))
}

/** The address of a public key on chain `chainId` (Address.fromPublicKey; 64-byte keys are Ethereum keys). */
export function addressFromPublicKey(publicKey: Uint8Array, chainId: number): Uint8Array {
  const hash = publicKey.length === 64 ? keccak256(publicKey).subarray(12) : secureHash(publicKey).subarray(0, 20)
  const body = concatBytes(Uint8Array.of(1, chainId), hash)
  return concatBytes(body, secureHash(body).subarray(0, 4))
}

// Scripts read the same few accounts over and over (`this` above all); the checksum costs two hashes each time, so
// answers are kept, as the node's Address.bytesCache keeps them.
const reasons = new Map<string, string | null>()
const MAX_REMEMBERED = 10_000

/** Why address bytes are not an address (Address.fromBytes), or null; `chainId` null skips the network check. */
export function invalidAddressReason(bytes: Uint8Array, chainId: number | null): string | null {
  if (bytes.length !== ADDRESS_LENGTH) return checkAddress(bytes, chainId)
  const key = `${chainId}:${String.fromCharCode(...bytes)}`
  let reason = reasons.get(key)
  if (reason === undefined) {
    reason = checkAddress(bytes, chainId)
    if (reasons.size >= MAX_REMEMBERED) reasons.clear()
    reasons.set(key, reason)
  }
  return reason
}

function checkAddress(bytes: Uint8Array, chainId: number | null): string | null {
  if (bytes.length !== ADDRESS_LENGTH) return `Wrong addressBytes length: expected: ${ADDRESS_LENGTH}, actual: ${bytes.length}`
  const version = bytes[0]! > 127 ? bytes[0]! - 256 : bytes[0]!
  if (version !== 1) return `Unknown address version: ${version}`
  const network = bytes[1]! > 127 ? bytes[1]! - 256 : bytes[1]!
  if (chainId !== null && network !== chainId) {
    return `Address belongs to another network: expected: ${chainId}(${String.fromCharCode(chainId)}), actual: ${network}(${String.fromCharCode(bytes[1]!)})`
  }
  const checksum = secureHash(bytes.subarray(0, 22)).subarray(0, 4)
  if (!checksum.every((b, i) => b === bytes[22 + i])) return 'Bad address checksum'
  return null
}

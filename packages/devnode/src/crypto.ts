// Cryptography for the dev node. @waves/ts-lib-crypto is loaded through its CommonJS build: its ES module
// build does not load in Node (extensionless imports of node-forge). Signature checks run in node:crypto.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const crypto = require('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')

export const { address, base64Encode, blake2b, stringToBytes, verifyAddress } = crypto

// Base58 costs O(n²) per string, and a transaction's addresses, keys and ids are decoded and encoded again by every
// step that reads them (reading, the RIDE environment, the invocation, the printout). The short strings (up to
// 33 bytes: addresses, keys, ids) are remembered; signatures and attachments are one-off and are not.
const SHORT_BYTES = 33
const SHORT_BASE58 = 46
const CACHE_LIMIT = 20_000
const decoded = new Map<string, Uint8Array>()
const encoded = new Map<string, string>()

/** Bytes of a base58 string (a fresh copy each time); throws ts-lib-crypto's error on a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array {
  const known = decoded.get(text)
  if (known !== undefined) return known.slice()
  const bytes = crypto.base58Decode(text)
  if (text.length <= SHORT_BASE58) {
    if (decoded.size >= CACHE_LIMIT) decoded.clear()
    decoded.set(text, bytes.slice())
  }
  return bytes
}

/** The base58 text of `bytes`. */
export function base58Encode(bytes: Uint8Array): string {
  if (bytes.length > SHORT_BYTES) return crypto.base58Encode(bytes)
  const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
  const known = encoded.get(key)
  if (known !== undefined) return known
  const text = crypto.base58Encode(bytes)
  if (encoded.size >= CACHE_LIMIT) encoded.clear()
  encoded.set(key, text)
  return text
}

const P = 2n ** 255n - 19n
// DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const edwardsKeys = new Map<string, [KeyObject, KeyObject] | null>()

/**
 * Checks a Waves signature (Curve25519 keys, XEdDSA-style signatures as in ts-lib-crypto's axlsign) with
 * node:crypto's Ed25519, about a hundred times faster than the JavaScript implementation.
 * The Montgomery public key u maps to the Edwards y = (u - 1) / (u + 1); the signer puts the sign of x
 * in the top bit of the signature's last byte, which Ed25519 keeps in the key instead.
 */
export function verifySignature(publicKeyBase58: string, message: Uint8Array, signatureBase58: string): boolean {
  const signature = Buffer.from(base58Decode(signatureBase58))
  if (signature.length !== 64) return false
  const keys = edwardsKeysOf(publicKeyBase58)
  if (keys === null) return false
  const signBit = signature[63]! >> 7
  signature[63] = signature[63]! & 0x7f
  try {
    return verify(null, message, keys[signBit]!, signature)
  } catch {
    return false
  }
}

/**
 * A key pair that signs fast: an Ed25519 key of node:crypto, whose public key is published in Waves form
 * (the Montgomery u = (1 + y) / (1 - y)), with the sign of x moved into each signature, so that
 * `verifySignature` and every Waves library accept its signatures. The dev node signs its blocks with it.
 */
export function fastSigner(name: string): { publicKey: string; sign(message: Uint8Array): string } {
  const seed = createHash('sha256').update(name).digest()
  // DER prefix of an Ed25519 PKCS#8 private key; the 32 seed bytes follow.
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' })
  const edwards = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length)
  const signBit = edwards[31]! & 0x80
  const y = littleEndian(edwards) & ((1n << 255n) - 1n)
  const u = (((1n + y) % P) * power((1n - y + P) % P, P - 2n)) % P
  const montgomery = new Uint8Array(32)
  for (let i = 0, v = u; i < 32; i++, v >>= 8n) montgomery[i] = Number(v & 0xffn)
  return {
    publicKey: base58Encode(montgomery),
    sign(message) {
      const signature = sign(null, message, privateKey)
      signature[63] = signature[63]! | signBit
      return base58Encode(signature)
    },
  }
}

function edwardsKeysOf(publicKeyBase58: string): [KeyObject, KeyObject] | null {
  let keys = edwardsKeys.get(publicKeyBase58)
  if (keys !== undefined) return keys
  keys = null
  const montgomery = base58Decode(publicKeyBase58)
  if (montgomery.length === 32) {
    // As the reference code reads u: little-endian, top bit ignored.
    const u = littleEndian(montgomery) & ((1n << 255n) - 1n)
    const y = (((u - 1n + P) % P) * power((u + 1n) % P, P - 2n)) % P
    const bytes = Buffer.alloc(32)
    for (let i = 0, v = y; i < 32; i++, v >>= 8n) bytes[i] = Number(v & 0xffn)
    try {
      keys = [0, 0x80].map((sign) => {
        const key = Buffer.from(bytes)
        key[31] = key[31]! | sign
        return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, key]), format: 'der', type: 'spki' })
      }) as [KeyObject, KeyObject]
    } catch {
      keys = null
    }
  }
  if (edwardsKeys.size > 100_000) edwardsKeys.clear()
  edwardsKeys.set(publicKeyBase58, keys)
  return keys
}

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!)
  return n
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n
  for (let b = base, e = exponent; e > 0n; e >>= 1n, b = (b * b) % P) if (e & 1n) result = (result * b) % P
  return result
}

// CryptoContext: signatures, hashes, RSA, Merkle proofs, ecrecover and the Groth16 verifiers, V1-V8, each with its
// FunctionIds id and its cost per stdlib version (node: lang/v1/evaluator/ctx/impl/CryptoContext.scala, Global.scala).
// Curves and hashes come from @noble/curves and @noble/hashes. RSA alone comes from node:crypto: @noble has no RSA,
// and PKCS#1 v1.5 verification (with the DigestInfo of each digest, as BouncyCastle's `<digest>withRSA` checks it) is
// what OpenSSL's verify does. The base58/base64/base16 codecs the node also keeps in CryptoContext live with the
// other conversions (conversions.ts).
import { constants as cryptoConstants, createPublicKey, publicDecrypt, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import { ed25519 } from '@noble/curves/ed25519.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { blake2b } from '@noble/hashes/blake2.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { concatBytes } from '@noble/hashes/utils.js'
import { base58Encode } from '../../crypto.ts'
import { bls12Groth16Verify, bn256Groth16Verify } from './groth16.ts'
import type { CaseType, CostByVersion, GlobalValue, NativeFunction, StdlibEntry } from './types.ts'
import type { StdlibVersion } from '../versions.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'

// ---------------------------------------------------------------------------------------------------------------------
// Shared helpers of the Waves families (crypto.ts, blockchain.ts)

/** The node's simple class name of an evaluated value, as `notImplemented` prints it. */
function className(v: Value): string {
  if (typeof v === 'bigint') return 'CONST_LONG'
  if (typeof v === 'string') return 'CONST_STRING'
  if (typeof v === 'boolean') return 'CONST_BOOLEAN'
  if (v instanceof Uint8Array) return 'CONST_BYTESTR'
  if (Array.isArray(v)) return 'ARR'
  if (v === UNIT || v instanceof CaseObj) return 'CaseObj'
  return 'CONST_BIGINT'
}

/**
 * The node's error for arguments a function cannot take (ctx/impl/package.scala `notImplemented`): scripts that pass
 * the compiler's type check never reach it, hand-made bytes may.
 */
export function cantApply(signature: string, args: readonly Value[]): RideError {
  return new RideError(`Can't apply (${args.map(className).join(', ')}) to '${signature}'`)
}

/** The same cost for every version from `from` on. */
export function costFrom(from: StdlibVersion, cost: number): CostByVersion {
  const costs: CostByVersion = {}
  for (let v = from; v <= 8; v++) costs[v as StdlibVersion] = cost
  return costs
}

/** Costs that change at given versions: `steps` maps the first version of a cost to that cost. */
export function costSteps(steps: Partial<Record<StdlibVersion, number>>): CostByVersion {
  const costs: CostByVersion = {}
  let current: number | undefined
  for (let v = 1; v <= 8; v++) {
    current = steps[v as StdlibVersion] ?? current
    if (current !== undefined) costs[v as StdlibVersion] = current
  }
  return costs
}

export function native(
  id: number,
  name: string,
  costs: CostByVersion,
  apply: NativeFunction['apply'],
): NativeFunction {
  return { kind: 'native', id, name, costs, apply }
}

export function bytesArg(v: Value | undefined): v is Uint8Array {
  return v instanceof Uint8Array
}

// ---------------------------------------------------------------------------------------------------------------------
// Hashes

export function blake2b256(bytes: Uint8Array): Uint8Array {
  return blake2b(bytes, { dkLen: 32 })
}
export function keccak256(bytes: Uint8Array): Uint8Array {
  return keccak_256(bytes)
}
export { sha256 }

const KB = 1024
/** BaseGlobal.MaxByteStrSizeForVerifyFuncs: the message limit of V3's sigVerify and rsaVerify */
const MAX_VERIFY_MESSAGE = 32 * KB

function sizeError(size: number, limitKb: number): RideError {
  return new RideError(`Invalid message size = ${size} bytes, must be not greater than ${limitKb} KB`)
}

function hashFunction(id: number, name: string, costs: CostByVersion, hash: (b: Uint8Array) => Uint8Array): NativeFunction {
  return native(id, name, costs, (args) => {
    const [bytes] = args
    if (args.length !== 1 || !bytesArg(bytes)) throw cantApply(`${name}(bytes: ByteVector)`, args)
    return hash(bytes)
  })
}

/** The `_16Kb` .. `_128Kb` family of a hash (V4+): ids from `startId`, one per limit. */
function limitedHashFamily(
  startId: number,
  name: string,
  costsV4: readonly number[],
  costsV6: readonly number[],
  hash: (b: Uint8Array) => Uint8Array,
): NativeFunction[] {
  return [16, 32, 64, 128].map((limit, i) => {
    const fullName = `${name}_${limit}Kb`
    return native(startId + i, fullName, costSteps({ 4: costsV4[i]!, 6: costsV6[i]! }), (args) => {
      const [bytes] = args
      if (args.length !== 1 || !bytesArg(bytes)) throw cantApply(`${fullName}(bytes: ByteVector)`, args)
      if (bytes.length > limit * KB) throw sizeError(bytes.length, limit)
      return hash(bytes)
    })
  })
}

// ---------------------------------------------------------------------------------------------------------------------
// Curve25519 signatures

const edwardsFp = ed25519.Point.Fp
const GROUP_ORDER = ed25519.Point.Fn.ORDER
const MASK_255 = (1n << 255n) - 1n

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!)
  return n
}

/**
 * Waves' Curve25519.verify: a Montgomery public key and an XEdDSA-style signature (whispersystems curve25519-java).
 * The key's u maps to the Edwards y = (u - 1) / (u + 1); the signer keeps the sign of x in the top bit of the
 * signature's last byte. Wrong lengths answer false, as the node's Curve25519.verify does.
 */
export function curve25519Verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false
  const u = edwardsFp.create(littleEndian(publicKey) & MASK_255)
  const denominator = edwardsFp.add(u, 1n)
  if (edwardsFp.is0(denominator)) return false
  const y = edwardsFp.div(edwardsFp.sub(u, 1n), denominator)
  const edwardsKey = new Uint8Array(32)
  for (let i = 0, v = y; i < 32; i++, v >>= 8n) edwardsKey[i] = Number(v & 0xffn)
  edwardsKey[31] = edwardsKey[31]! | (signature[63]! & 0x80)
  const sig = Uint8Array.from(signature)
  sig[63] = sig[63]! & 0x7f
  // The node's ref10 code refuses s >= 2^253 but takes any smaller s unreduced, so s + L verifies as s does there;
  // @noble/curves wants s < L: hand it s mod L.
  if ((sig[63]! & 0xe0) !== 0) return false
  const s = littleEndian(sig.subarray(32))
  if (s >= GROUP_ORDER) {
    for (let i = 0, v = s % GROUP_ORDER; i < 32; i++, v >>= 8n) sig[32 + i] = Number(v & 0xffn)
  }
  try {
    return ed25519.verify(sig, message, edwardsKey, { zip215: false })
  } catch {
    return false
  }
}

const SIG_VERIFY_SIGNATURE = 'sigVerify(message: ByteVector, sig: ByteVector, pub: ByteVector)'

const sigVerify = native(500, 'sigVerify', costSteps({ 1: 100, 4: 200, 6: 180 }), (args, ctx) => {
  const [message, signature, publicKey] = args
  if (args.length !== 3 || !bytesArg(message) || !bytesArg(signature) || !bytesArg(publicKey)) {
    throw cantApply(SIG_VERIFY_SIGNATURE, args)
  }
  // only V3 limits the message of plain sigVerify (CryptoContext.sigVerifyF)
  if (ctx.version === 3 && message.length > MAX_VERIFY_MESSAGE) throw sizeError(message.length, MAX_VERIFY_MESSAGE / KB)
  return curve25519Verify(message, signature, publicKey)
})

const sigVerifyLimited: NativeFunction[] = (() => {
  const limits = [8, 16, 32, 64, 128]
  const costsV4 = [47, 57, 70, 102, 172]
  const costsV6 = [43, 50, 64, 93, 150]
  return limits.map((limit, i) => {
    const name = `sigVerify_${limit}Kb`
    return native(2500 + i, name, costSteps({ 4: costsV4[i]!, 6: costsV6[i]! }), (args) => {
      const [message, signature, publicKey] = args
      if (args.length !== 3 || !bytesArg(message) || !bytesArg(signature) || !bytesArg(publicKey)) {
        throw cantApply(`${name}(message: ByteVector, sig: ByteVector, pub: ByteVector)`, args)
      }
      if (message.length > limit * KB) throw sizeError(message.length, limit)
      return curve25519Verify(message, signature, publicKey)
    })
  })
})()

// ---------------------------------------------------------------------------------------------------------------------
// RSA

/**
 * The digest algorithms of rsaVerify: RIDE's case type names (V3 constructors `Sha256()`, V3+ globals `SHA256`) and
 * the digest OpenSSL applies (null: NONEwithRSA, the message is the padded payload itself).
 */
export const DIGEST_ALGORITHMS: readonly { typeName: string; global: string; digest: string | null }[] = [
  { typeName: 'NoAlg', global: 'NOALG', digest: null },
  { typeName: 'Md5', global: 'MD5', digest: 'md5' },
  { typeName: 'Sha1', global: 'SHA1', digest: 'sha1' },
  { typeName: 'Sha224', global: 'SHA224', digest: 'sha224' },
  { typeName: 'Sha256', global: 'SHA256', digest: 'sha256' },
  { typeName: 'Sha384', global: 'SHA384', digest: 'sha384' },
  { typeName: 'Sha512', global: 'SHA512', digest: 'sha512' },
  { typeName: 'Sha3224', global: 'SHA3224', digest: 'sha3-224' },
  { typeName: 'Sha3256', global: 'SHA3256', digest: 'sha3-256' },
  { typeName: 'Sha3384', global: 'SHA3384', digest: 'sha3-384' },
  { typeName: 'Sha3512', global: 'SHA3512', digest: 'sha3-512' },
]

function rsaKey(publicKey: Uint8Array): KeyObject {
  let key: KeyObject | undefined
  let reason = 'not an X.509 RSA public key'
  try {
    key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' })
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e)
  }
  if (key === undefined || key.asymmetricKeyType !== 'rsa') {
    // Global.rsaVerify: an InvalidKeySpecException names the key; the cause after the colon is the JVM's own text
    throw new RideError(`Invalid key base58'${base58Encode(publicKey)}': ${reason}`)
  }
  return key
}

/** RSA PKCS#1 v1.5 verification as the node's RSA.verify (`<digest>withRSA`): a bad signature is false, a bad key an error. */
export function rsaVerify(algorithm: Value, message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  const alg = algorithm instanceof CaseObj ? DIGEST_ALGORITHMS.find((a) => a.typeName === algorithm.typeName) : undefined
  if (alg === undefined) throw new RideError('Unknown digest type')
  const key = rsaKey(publicKey)
  try {
    if (alg.digest !== null) return cryptoVerify(alg.digest, message, key, signature)
    const recovered = publicDecrypt({ key, padding: cryptoConstants.RSA_PKCS1_PADDING }, signature)
    return Buffer.compare(recovered, message) === 0
  } catch {
    return false
  }
}

const RSA_SIGNATURE = 'rsaVerify(digest: DigestAlgorithmType, message: ByteVector, sig: ByteVector, pub: ByteVector)'

function rsaArgs(args: readonly Value[], signature: string): [CaseObj, Uint8Array, Uint8Array, Uint8Array] {
  const [alg, message, sig, pub] = args
  if (args.length !== 4 || !(alg instanceof CaseObj) || !bytesArg(message) || !bytesArg(sig) || !bytesArg(pub)) {
    throw cantApply(signature, args)
  }
  return [alg, message, sig, pub]
}

const rsaVerifyF = native(504, 'rsaVerify', costSteps({ 3: 300, 4: 1000 }), (args, ctx) => {
  const [alg, message, sig, pub] = rsaArgs(args, RSA_SIGNATURE)
  if (ctx.version < 4 && message.length > MAX_VERIFY_MESSAGE) throw sizeError(message.length, MAX_VERIFY_MESSAGE / KB)
  return rsaVerify(alg, message, sig, pub)
})

const rsaVerifyLimited: NativeFunction[] = [16, 32, 64, 128].map((limit, i) => {
  const name = `rsaVerify_${limit}Kb`
  return native(2600 + i, name, costFrom(4, [500, 550, 625, 750][i]!), (args) => {
    const [alg, message, sig, pub] = rsaArgs(
      args,
      `${name}(digest: DigestAlgorithmType, message: ByteVector, sig: ByteVector, pub: ByteVector)`,
    )
    if (message.length > limit * KB) throw sizeError(message.length, limit)
    return rsaVerify(alg, message, sig, pub)
  })
})

/**
 * The digest types from V3. The compiler offers their constructors (`Sha256()`) in V3 only (CryptoContext.rsaHashAlgs
 * hides them later), but the node's evaluator builds any type of its context by name, so bytes may from V4 on too.
 */
const digestTypes: CaseType[] = DIGEST_ALGORITHMS.map((a) => ({ kind: 'type', name: a.typeName, fields: [], versions: [3, 4, 5, 6, 7, 8] }))

const digestGlobals: GlobalValue[] = DIGEST_ALGORITHMS.map((a) => {
  const value = new CaseObj(a.typeName, new Map())
  return { kind: 'global', name: a.global, versions: [3, 4, 5, 6, 7, 8], value: () => value }
})

// ---------------------------------------------------------------------------------------------------------------------
// Merkle

/**
 * checkMerkleProof (V3 only): a scrypto-style proof, a list of (side byte, hash length byte, hash) levels over the
 * leaf `blake2b256(0x00 ++ value)`, inner nodes `blake2b256(0x01 ++ left ++ right)` (common/merkle/ScryptoMerkleProof).
 * Anything unparsable is false.
 */
export function checkMerkleProof(root: Uint8Array, proof: Uint8Array, value: Uint8Array): boolean {
  if (root.length !== 32) return false
  let current = blake2b256(concatBytes(Uint8Array.of(0), value))
  let offset = 0
  while (offset < proof.length) {
    // the node reads past the end as an exception, answered false
    if (offset + 1 >= proof.length) return false
    const side = proof[offset]!
    // a JVM byte: lengths of 128 and more are negative and refused
    const length = proof[offset + 1]!
    if (length >= 128) return false
    const hash = proof.subarray(offset + 2, offset + 2 + length)
    current =
      side === 0
        ? blake2b256(concatBytes(Uint8Array.of(1), concatBytes(current, hash)))
        : blake2b256(concatBytes(Uint8Array.of(1), concatBytes(hash, current)))
    offset += 2 + length
  }
  return current.every((b, i) => b === root[i])
}

/**
 * createMerkleRoot (V4+): the root over a 32-byte leaf digest at `index` and its proofs, bottom first
 * (common/merkle/Merkle.createRoot). Throws the node's ThrownError when the index does not fit the proofs.
 */
export function createMerkleRoot(proofs: readonly Uint8Array[], digest: Uint8Array, index: bigint): Uint8Array {
  if (index > 2147483647n || index < -2147483648n) throw new RideError('integer overflow', true)
  let current = digest
  let idx = index
  for (const proof of proofs) {
    // JVM Int division and remainder: both truncate toward zero
    current = idx % 2n === 0n ? blake2b256(concatBytes(current, proof)) : blake2b256(concatBytes(proof, current))
    idx /= 2n
  }
  if (idx !== 0n) throw new RideError(`Index ${index} out of range allowed by proof list length ${proofs.length}`, true)
  return current
}

const checkMerkleProofF = native(700, 'checkMerkleProof', { 3: 30 }, (args) => {
  const [root, proof, value] = args
  if (args.length !== 3 || !bytesArg(root) || !bytesArg(proof) || !bytesArg(value)) {
    throw cantApply('checkMerkleProof(merkleRoot: ByteVector, merkleProof: ByteVector, valueBytes: ByteVector)', args)
  }
  return checkMerkleProof(root, proof, value)
})

const createMerkleRootF = native(701, 'createMerkleRoot', costFrom(4, 30), (args) => {
  const [proofs, value, index] = args
  const valid =
    args.length === 3 &&
    Array.isArray(proofs) &&
    proofs.length <= 16 &&
    proofs.every((p) => p instanceof Uint8Array && p.length === 32) &&
    bytesArg(value) &&
    value.length === 32 &&
    typeof index === 'bigint'
  if (!valid) throw cantApply('createMerkleRoot(merkleProof: ByteVector, valueBytes: ByteVector, index: Int)', args)
  return createMerkleRoot(proofs as readonly Uint8Array[], value, index)
})

// ---------------------------------------------------------------------------------------------------------------------
// ecrecover

const SECP256K1_ORDER = secp256k1.Point.Fn.ORDER

/** How the node prints a native function when the JVM code under it throws (Contextful.scala toString). */
const ECRECOVER_EV = '<ecrecover(message hash: ByteVector, signature: ByteVector): ByteVector>'

function jvmFailure(exceptionClass: string, message: string): RideError {
  return new RideError(`An error during run ${ECRECOVER_EV}: class ${exceptionClass} ${message}`)
}

/**
 * ecrecover (V4+): the 64-byte uncompressed secp256k1 public key (no 0x04 prefix) that signed a 32-byte hash with a
 * 65-byte r ++ s ++ v signature, as web3j's Sign.signedMessageHashToKey recovers it for the node (Global.ecrecover):
 * v below 27 counts from 0 (a JVM signed byte, so 128..255 are below 27 too), v must then be 27..34.
 * The node prints the key through BigInteger.toString(16), so a key with leading zero bytes comes back shorter,
 * and one whose hex starts with a lone zero digit fails to decode.
 */
export function ecrecover(messageHash: Uint8Array, signature: Uint8Array): Uint8Array {
  const signedV = signature[64]! >= 128 ? signature[64]! - 256 : signature[64]!
  const header = (signedV < 27 ? signedV + 27 : signedV) & 0xff
  if (header < 27 || header > 34) throw jvmFailure('java.security.SignatureException', `Header byte out of range: ${header}`)
  const recovery = header - 27
  const r = signature.subarray(0, 32)
  if (recovery > 3 || r.every((b) => b === 0)) {
    // r + (recovery / 2) * n is beyond the field from recovery 4 on; r = 0 has no inverse
    throw jvmFailure('java.security.SignatureException', 'Could not recover public key from signature')
  }
  // web3j takes s as it comes and works modulo n; @noble/curves wants 0 < s < n
  const rs = Uint8Array.from(signature.subarray(0, 64))
  const s = rs.subarray(32).reduce((n, b) => (n << 8n) | BigInt(b), 0n)
  if (s >= SECP256K1_ORDER) {
    for (let i = 31, v = s % SECP256K1_ORDER; i >= 0; i--, v >>= 8n) rs[32 + i] = Number(v & 0xffn)
  }
  let key: Uint8Array
  try {
    const sig = secp256k1.Signature.fromBytes(rs, 'compact').addRecoveryBit(recovery)
    key = sig.recoverPublicKey(messageHash).toBytes(false).subarray(1)
  } catch {
    throw jvmFailure('java.security.SignatureException', 'Could not recover public key from signature')
  }
  let start = 0
  while (start < key.length && key[start] === 0) start++
  const trimmed = key.subarray(start)
  if (trimmed.length > 0 && trimmed[0]! < 0x10) {
    throw jvmFailure('java.lang.IllegalArgumentException', `Invalid input length ${trimmed.length * 2 - 1}`)
  }
  return Uint8Array.from(trimmed)
}

const ecrecoverF = native(900, 'ecrecover', costFrom(4, 70), (args) => {
  const [hash, signature] = args
  if (args.length !== 2 || !bytesArg(hash) || !bytesArg(signature)) {
    throw cantApply('ecrecover(messageHash:ByteVector, signature:ByteVector)', args)
  }
  if (hash.length !== 32) throw new RideError(`Invalid message hash size ${hash.length} bytes, must be equal to 32 bytes`)
  if (signature.length !== 65) throw new RideError(`Invalid signature size ${signature.length} bytes, must be equal to 65 bytes`)
  return ecrecover(hash, signature)
})

// ---------------------------------------------------------------------------------------------------------------------
// Groth16

interface Groth16Curve {
  name: string
  /** bytes of a G1 point, compressed; G2 takes twice as many */
  g1: number
  proofSize: number
  verify(vk: Uint8Array, proof: Uint8Array, inputs: Uint8Array): boolean
}

const BLS12: Groth16Curve = { name: 'groth16Verify', g1: 48, proofSize: 192, verify: bls12Groth16Verify }
const BN256: Groth16Curve = { name: 'bn256Groth16Verify', g1: 32, proofSize: 128, verify: bn256Groth16Verify }

function groth16Check(curve: Groth16Curve, maxInputs: number, vk: Uint8Array, proof: Uint8Array, inputs: Uint8Array): boolean {
  if (inputs.length > maxInputs * 32) {
    throw new RideError(`Invalid inputs size ${inputs.length} bytes, must be not greater than ${maxInputs * 32} bytes`)
  }
  if (inputs.length % 32 !== 0) throw new RideError(`Invalid inputs size ${inputs.length} bytes, must be a multiple of 32 bytes`)
  if (proof.length !== curve.proofSize) {
    throw new RideError(`Invalid proof size ${proof.length} bytes, must be equal to ${curve.proofSize} bytes`)
  }
  const n = inputs.length / 32
  // alpha (G1), beta, gamma, delta (G2), then n + 1 G1 points of the input commitments
  const vkSize = curve.g1 * (8 + n)
  if (vk.length !== vkSize) {
    throw new RideError(`Invalid vk size ${vk.length} bytes, must be equal to ${vkSize} bytes for ${n} inputs`)
  }
  return curve.verify(vk, proof, inputs)
}

function groth16Function(id: number, name: string, costs: CostByVersion, curve: Groth16Curve, maxInputs: number): NativeFunction {
  return native(id, name, costs, (args) => {
    const [vk, proof, inputs] = args
    if (args.length !== 3 || !bytesArg(vk) || !bytesArg(proof) || !bytesArg(inputs)) {
      throw cantApply(`${name}(vk:ByteVector, proof:ByteVector, inputs:ByteVector)`, args)
    }
    return groth16Check(curve, maxInputs, vk, proof, inputs)
  })
}

const BN256_COSTS = [800, 850, 950, 1000, 1050, 1100, 1150, 1200, 1250, 1300, 1350, 1400, 1450, 1550, 1600]

const groth16Functions: NativeFunction[] = [
  groth16Function(800, 'groth16Verify', costFrom(4, 2700), BLS12, 16),
  groth16Function(801, 'bn256Groth16Verify', costFrom(4, 1650), BN256, 16),
  ...BN256_COSTS.map((_, i) =>
    groth16Function(2400 + i, `groth16Verify_${i + 1}inputs`, costFrom(4, 1200 + 100 * i), BLS12, i + 1),
  ),
  ...BN256_COSTS.map((cost, i) => groth16Function(2450 + i, `bn256Groth16Verify_${i + 1}inputs`, costFrom(4, cost), BN256, i + 1)),
]

// ---------------------------------------------------------------------------------------------------------------------

/** CryptoContext's functions, types and globals for V1-V8, minus the base58/base64/base16 codecs (conversions.ts). */
export const cryptoEntries: readonly StdlibEntry[] = [
  hashFunction(501, 'keccak256', costSteps({ 1: 10, 4: 200, 6: 195 }), keccak256),
  hashFunction(502, 'blake2b256', costSteps({ 1: 10, 4: 200, 6: 136 }), blake2b256),
  hashFunction(503, 'sha256', costSteps({ 1: 10, 4: 200, 6: 118 }), sha256),
  ...limitedHashFamily(2700, 'keccak256', [10, 25, 50, 100], [20, 39, 74, 147], keccak256),
  ...limitedHashFamily(2800, 'blake2b256', [10, 25, 50, 100], [13, 29, 58, 115], blake2b256),
  ...limitedHashFamily(2900, 'sha256', [10, 25, 50, 100], [12, 23, 47, 93], sha256),
  sigVerify,
  ...sigVerifyLimited,
  rsaVerifyF,
  ...rsaVerifyLimited,
  ...digestTypes,
  ...digestGlobals,
  checkMerkleProofF,
  createMerkleRootF,
  ecrecoverF,
  ...groth16Functions,
]

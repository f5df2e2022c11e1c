// CryptoContext against the node's own tests (lang/tests: IntegrationTest, EvaluatorV1V2Test, RSATest, MerkleTest) and
// the standard vectors of each hash. Keys and signatures come from @waves/ts-lib-crypto (Waves' reference signer) and
// node:crypto (RSA signer), so the checks here are not the code under test checking itself.
import { constants, createPrivateKey, createPublicKey, privateEncrypt, sign as rsaSign } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Environment } from '../environment.ts'
import { CaseObj, RideError, type Value } from '../values.ts'
import type { StdlibVersion } from '../versions.ts'
import { blake2b256, cryptoEntries, keccak256 } from './crypto.ts'
import type { GlobalValue, NativeFunction } from './types.ts'
import grothVectors from './groth16.vectors.json' with { type: 'json' }

const wavesCrypto = createRequire(import.meta.url)('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'))
const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'))
const toHex = (v: Value) => Buffer.from(v as Uint8Array).toString('hex')
const utf8 = (s: string) => new TextEncoder().encode(s)

function fn(name: string, version: StdlibVersion): NativeFunction {
  const found = cryptoEntries.filter((e): e is NativeFunction => e.kind === 'native' && e.name === name && e.costs[version] !== undefined)
  if (found.length !== 1) throw new Error(`${found.length} entries for ${name} in V${version}`)
  return found[0]!
}

function call(name: string, version: StdlibVersion, ...args: Value[]): Value {
  return fn(name, version).apply(args, { version, env: {} as Environment, remaining: 1_000_000 })
}

function failure(f: () => unknown): { message: string; thrown: boolean } {
  try {
    f()
  } catch (e) {
    if (e instanceof RideError) return { message: e.message, thrown: e.thrown }
    throw e
  }
  throw new Error('no error')
}

function global(name: string, version: StdlibVersion): Value {
  const g = cryptoEntries.find((e): e is GlobalValue => e.kind === 'global' && e.name === name && e.versions.includes(version))
  if (g === undefined) throw new Error(`no global ${name} in V${version}`)
  return g.value({ version, env: {} as Environment, remaining: 0 })
}

describe('hashes', () => {
  // Standard vectors of the algorithms behind Global.keccak256 / blake2b256 / sha256 (Keccak team, RFC 7693, FIPS 180-4)
  it('hash the empty input and "abc" to the standard digests', () => {
    expect(toHex(call('keccak256', 4, new Uint8Array()))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470')
    expect(toHex(call('blake2b256', 4, new Uint8Array()))).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8')
    expect(toHex(call('sha256', 1, utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(toHex(call('keccak256', 1, utf8('abc')))).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45')
    expect(toHex(call('blake2b256', 1, utf8('abc')))).toBe('bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319')
  })

  // EvaluatorV1V2Test "hash functions (*_NKb)": the limit is inclusive; one byte more fails
  it('limit the _NKb variants to N KB inclusive', () => {
    for (const name of ['keccak256', 'blake2b256', 'sha256']) {
      for (const limit of [16, 32, 64, 128]) {
        const atLimit = new Uint8Array(limit * 1024).fill(0x6d)
        expect(call(`${name}_${limit}Kb`, 6, atLimit)).toEqual(call(name, 6, atLimit))
        expect(failure(() => call(`${name}_${limit}Kb`, 6, new Uint8Array(limit * 1024 + 1)))).toEqual({
          message: `Invalid message size = ${limit * 1024 + 1} bytes, must be not greater than ${limit} KB`,
          thrown: false,
        })
      }
    }
  })

  it('cost as CryptoContext sets per version', () => {
    expect([1, 3, 4, 5, 6, 8].map((v) => fn('blake2b256', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([10, 10, 200, 200, 136, 136])
    expect([1, 4, 6].map((v) => fn('keccak256', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([10, 200, 195])
    expect([1, 4, 6].map((v) => fn('sha256', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([10, 200, 118])
    expect(fn('sha256_128Kb', 5).costs).toEqual({ 4: 100, 5: 100, 6: 93, 7: 93, 8: 93 })
    expect(fn('blake2b256_16Kb', 4).id).toBe(2800)
    expect(() => fn('sha256_16Kb', 3)).toThrow('0 entries for sha256_16Kb in V3')
  })

  it('refuse arguments of the wrong type with the node text', () => {
    expect(failure(() => call('sha256', 4, 'abc'))).toEqual({
      message: "Can't apply (CONST_STRING) to 'sha256(bytes: ByteVector)'",
      thrown: false,
    })
  })
})

describe('sigVerify', () => {
  const seed = 'seed'
  const publicKey = wavesCrypto.base58Decode(wavesCrypto.publicKey(seed))
  const message = utf8('message')
  const signature = wavesCrypto.base58Decode(wavesCrypto.signBytes(seed, message))

  // EvaluatorV1V2Test "returns an success if sigVerify return a success" / "returns correct context"
  it('accepts a Waves signature and refuses an altered one or another key', () => {
    expect(call('sigVerify', 3, message, signature, publicKey)).toBe(true)
    const altered = Uint8Array.from(signature)
    altered[10] = altered[10]! ^ 1
    expect(call('sigVerify', 6, message, altered, publicKey)).toBe(false)
    expect(call('sigVerify', 6, utf8('massage'), signature, publicKey)).toBe(false)
    expect(call('sigVerify', 6, message, signature, wavesCrypto.base58Decode(wavesCrypto.publicKey('seed1')))).toBe(false)
  })

  // curve25519-java (the node's Curve25519.verify) checks only s < 2^253 and uses s unreduced: s + L verifies too
  // (ts-lib-crypto and the official REPL accept it as well)
  it('takes an unreduced s below 2^253 as the node does, and refuses s from 2^253', () => {
    const L = 2n ** 252n + 27742317777372353535851937790883648493n
    const le = (bytes: Uint8Array) => bytes.reduceRight((n, b) => (n << 8n) | BigInt(b), 0n)
    const withS = (s: bigint) => {
      const sig = Uint8Array.from(signature)
      const sign = sig[63]! & 0x80
      for (let i = 0, v = s; i < 32; i++, v >>= 8n) sig[32 + i] = Number(v & 0xffn)
      sig[63] = sig[63]! | sign
      return sig
    }
    const s = le(Uint8Array.from(signature.subarray(32), (b, i) => (i === 31 ? b & 0x7f : b)))
    expect(call('sigVerify', 6, message, withS(s + L), publicKey)).toBe(true)
    expect(wavesCrypto.verifySignature(wavesCrypto.publicKey(seed), message, wavesCrypto.base58Encode(withS(s + L)))).toBe(true)
    expect(call('sigVerify', 6, message, withS(s + 2n ** 253n), publicKey)).toBe(false)
  })

  // EvaluatorV1V2Test "returns an error if sigVerify return an error": a malformed signature is false, not an error
  it('answers false to wrong sizes (Curve25519.verify)', () => {
    expect(call('sigVerify', 4, message, utf8('signature'), publicKey)).toBe(false)
    expect(call('sigVerify', 4, message, signature, publicKey.subarray(1))).toBe(false)
    expect(call('sigVerify', 4, new Uint8Array(), new Uint8Array(), new Uint8Array())).toBe(false)
  })

  // CryptoContext.sigVerifyF: only V3 caps the plain function at 32 KB
  it('caps the message at 32 KB in V3 only', () => {
    const big = new Uint8Array(32 * 1024 + 1)
    expect(failure(() => call('sigVerify', 3, big, signature, publicKey))).toEqual({
      message: 'Invalid message size = 32769 bytes, must be not greater than 32 KB',
      thrown: false,
    })
    expect(call('sigVerify', 4, big, signature, publicKey)).toBe(false)
  })

  // EvaluatorV1V2Test "sigVerify_NKb" success and "limits exhausted"
  it('verifies up to N KB in sigVerify_NKb and fails one byte later', () => {
    for (const [i, limit] of [8, 16, 32, 64, 128].entries()) {
      const body = new Uint8Array(limit * 1024).fill(0x6d)
      const sig = wavesCrypto.base58Decode(wavesCrypto.signBytes(seed, body))
      expect(fn(`sigVerify_${limit}Kb`, 4).id).toBe(2500 + i)
      expect(call(`sigVerify_${limit}Kb`, 4, body, sig, publicKey)).toBe(true)
      expect(failure(() => call(`sigVerify_${limit}Kb`, 4, new Uint8Array(limit * 1024 + 1), sig, publicKey)).message).toBe(
        `Invalid message size = ${limit * 1024 + 1} bytes, must be not greater than ${limit} KB`,
      )
    }
    expect([4, 6].map((v) => fn('sigVerify_8Kb', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([47, 43])
    expect([1, 4, 6].map((v) => fn('sigVerify', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([100, 200, 180])
  })
})

describe('rsaVerify', () => {
  // a fixed 1024-bit test key: the checks do not depend on it, fixing it keeps every run the same
  const privateKey = createPrivateKey(
    [
      '-----BEGIN PRIVATE KEY-----',
      'MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBALzAdO0F62xeVGmU',
      'HdGB5Sx6mj+lsGbvOeKP3QGxtbhdk7RUbt6/ep5U78IkPfq7IXVZd7ZzQmjrRtGf',
      'x3WPeTp8cl+rPiBJ9DFL+NsinhmqB5iY5jmCVNhaQpISwZGxdFnpgINFfAYxwf5A',
      'aO5g67/KI1s4j0WgdpvI2f3AZpgXAgMBAAECgYBBn2PHeDRmY9FTN5S6Xz/PG/z+',
      'vds7nlZwp3W9/gvgwl/05Rn6xXWbEIqe47zMrDywsN9HBoGDOrFPdg6Bl9UcYDza',
      'ouyikal6BG8SYSNOvZ7weoG9enNFsjRSjmEseMVLaugat5JlMTD8NvUJKGwAoGdM',
      'BpLovbrsWrnEgLUNiQJBAOnnkgLS5wP/7OJEfDdFIpVE++NjEAZE9eCJ7a9+3yYh',
      'j6daac4+EoBGsGHGMlvxT2v8Fg0uJBXsjOoeIK/+rhUCQQDOlPkNPin6fCzMBmzq',
      'lkdH1xfg3hc/UJDJzrM17bEM8DVAXiVsiIkbazi/ZfXmP1tRt3M2vTxdQL7pRXYv',
      '1iR7AkEAuohaALaAVMg7+RX0mX8g3TluRyAxH07PZomYa2QaQSZykVuhFUCbMIEv',
      'GEoezwPZ+pvGWix5yqIinnH4T2IjIQJBAJDkL+I37Z2AJrNa9l161bfvhxHy8382',
      '9LZ2wX9bnUij2dWxsrHy+ac/hufHjbbWTSh9cNO92m7VkJFwZLqcia0CQQCigLIh',
      'VXi/WthIBtdPdTIW/Khmh6WIiYsKSzsnPNhRi7wb0QONV6fPYSNB26ZHwc2H15x0',
      'vrDgFP+ygWkctlgZ',
      '-----END PRIVATE KEY-----',
    ].join('\n'),
  )
  const publicKey = Uint8Array.from(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }))
  const message = utf8('a message for RSA')
  const digests = [
    ['MD5', 'md5'],
    ['SHA1', 'sha1'],
    ['SHA224', 'sha224'],
    ['SHA256', 'sha256'],
    ['SHA384', 'sha384'],
    ['SHA512', 'sha512'],
    ['SHA3224', 'sha3-224'],
    ['SHA3256', 'sha3-256'],
    ['SHA3384', 'sha3-384'],
    ['SHA3512', 'sha3-512'],
  ] as const

  // RSATest "true on correct signature" for every digest, both as V3 constructor objects and as globals
  it('verifies <digest>withRSA signatures of every digest', () => {
    for (const [global_, digest] of digests) {
      const signature = Uint8Array.from(rsaSign(digest, message, privateKey))
      expect(call('rsaVerify', 3, global(global_, 3), message, signature, publicKey)).toBe(true)
      expect(call('rsaVerify', 6, global(global_, 6), message, signature, publicKey)).toBe(true)
      expect(call('rsaVerify_16Kb', 4, global(global_, 4), message, signature, publicKey)).toBe(true)
      expect(call('rsaVerify', 6, global(global_, 6), utf8('another message'), signature, publicKey)).toBe(false)
    }
  })

  it('verifies NONEwithRSA over the message itself', () => {
    // BouncyCastle's NONEwithRSA: PKCS#1 v1.5 type 1 padding around the raw message
    const signature = Uint8Array.from(privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, message))
    expect(call('rsaVerify', 4, global('NOALG', 4), message, signature, publicKey)).toBe(true)
    expect(call('rsaVerify', 4, global('NOALG', 4), utf8('other'), signature, publicKey)).toBe(false)
  })

  // RSATest "false on incorrect signature": random bytes are false, not an error
  it('answers false to a signature of random bytes', () => {
    const junk = Uint8Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff)
    expect(call('rsaVerify', 3, global('SHA256', 3), message, junk, publicKey)).toBe(false)
    expect(call('rsaVerify', 3, global('SHA256', 3), message, new Uint8Array(), publicKey)).toBe(false)
  })

  // RSATest "rsaVerify invalid key": the error names the key in base58 (the JVM's cause text after it is its own)
  it('refuses a key that is not an X.509 RSA key', () => {
    expect(failure(() => call('rsaVerify', 3, global('SHA256', 3), message, new Uint8Array(128), Uint8Array.of(1, 2, 3)))).toEqual({
      message: "Invalid key base58'Ldp': error:0680009B:asn1 encoding routines::too long",
      thrown: false,
    })
  })

  // RSATest "rsaVerify fails with max+1 size V3" and "rsaVerify_*Kb fail with max+1 size"
  it('caps the message by version and by family limit', () => {
    const big = new Uint8Array(32 * 1024 + 1)
    expect(failure(() => call('rsaVerify', 3, global('SHA256', 3), big, new Uint8Array(), publicKey)).message).toBe(
      'Invalid message size = 32769 bytes, must be not greater than 32 KB',
    )
    expect(call('rsaVerify', 4, global('SHA256', 4), big, new Uint8Array(), publicKey)).toBe(false)
    expect(failure(() => call('rsaVerify_32Kb', 4, global('SHA256', 4), big, new Uint8Array(), publicKey)).message).toBe(
      'Invalid message size = 32769 bytes, must be not greater than 32 KB',
    )
    expect([3, 4].map((v) => fn('rsaVerify', v as StdlibVersion).costs[v as StdlibVersion])).toEqual([300, 1000])
    expect([16, 32, 64, 128].map((l) => fn(`rsaVerify_${l}Kb`, 8).costs[8])).toEqual([500, 550, 625, 750])
  })

  // RSATest "can't compile instantiating from const": the compiler hides the constructors from V4, the evaluator
  // still builds the types of its context by name (EvaluatorV2.evaluateConstructor)
  it('has digest objects as globals and as case types from V3', () => {
    expect(global('SHA3512', 3)).toEqual(new CaseObj('Sha3512', new Map()))
    const types = cryptoEntries.filter((e) => e.kind === 'type').map((e) => (e.kind === 'type' ? [e.name, e.versions] : []))
    expect(types).toContainEqual(['Md5', [3, 4, 5, 6, 7, 8]])
    expect(types).toHaveLength(11)
    expect(failure(() => call('rsaVerify', 4, new CaseObj('Sha999', new Map()), message, message, publicKey)).message).toBe(
      'Unknown digest type',
    )
  })
})

describe('Merkle proofs', () => {
  const leaves = [17, 2024, 9999, 5, 313, 77, 4096].map((n) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff))
  const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))

  // MerkleTest.mkScryptoLevels: leaves hashed with a 0 prefix, inner nodes with a 1 prefix, a lone node paired with
  // the hash of a zero byte; levels top first
  function scryptoLevels(data: Uint8Array[]): Uint8Array[][] {
    const empty = blake2b256(Uint8Array.of(0))
    let level = data.map((d) => blake2b256(concat(Uint8Array.of(0), d)))
    const levels = [level]
    while (level.length > 1) {
      const next: Uint8Array[] = []
      for (let i = 0; i < level.length; i += 2) next.push(blake2b256(concat(Uint8Array.of(1), level[i]!, level[i + 1] ?? empty)))
      level = next
      levels.unshift(level)
    }
    return levels
  }

  // Merkle.mkProofs: one sibling per level, top first
  function proofsOf(index: number, levels: Uint8Array[][]): Uint8Array[] {
    const empty = blake2b256(Uint8Array.of(0))
    const proofs: Uint8Array[] = []
    let idx = index
    for (const level of levels.slice(1).reverse()) {
      proofs.unshift(idx % 2 === 0 ? (idx + 1 === level.length ? empty : level[idx + 1]!) : level[idx - 1]!)
      idx = Math.trunc(idx / 2)
    }
    return proofs
  }

  // MerkleTest.proofBytes: bottom first, (side, length, hash)
  function proofBytes(index: number, proofs: Uint8Array[]): Uint8Array {
    let idx = index
    const out: number[] = []
    for (const proof of [...proofs].reverse()) {
      out.push(idx % 2, proof.length, ...proof)
      idx = Math.trunc(idx / 2)
    }
    return Uint8Array.from(out)
  }

  // MerkleTest "TRUE on correct proof", "FALSE on incorrect proof", "FALSE on incorrect root", "arbitrary bytes"
  it('checkMerkleProof accepts each leaf with its proof and refuses the rest (V3)', () => {
    const levels = scryptoLevels(leaves)
    const root = levels[0]![0]!
    leaves.forEach((leaf, i) => {
      expect(call('checkMerkleProof', 3, root, proofBytes(i, proofsOf(i, levels)), leaf)).toBe(true)
      expect(call('checkMerkleProof', 3, root, proofBytes(i, proofsOf(i, levels)), leaves[(i + 1) % leaves.length]!)).toBe(false)
      expect(call('checkMerkleProof', 3, root.subarray(1), proofBytes(i, proofsOf(i, levels)), leaf)).toBe(false)
    })
    expect(call('checkMerkleProof', 3, root, Uint8Array.of(0, 200, 1, 2), leaves[0]!)).toBe(false)
    expect(call('checkMerkleProof', 3, root, Uint8Array.of(1), leaves[0]!)).toBe(false)
    expect(() => fn('checkMerkleProof', 4)).toThrow('0 entries')
  })

  // Merkle.mkLevels: leaves hashed plainly, inner nodes hash(left ++ right), a lone node paired with hash(0)
  function plainLevels(data: Uint8Array[]): Uint8Array[][] {
    const empty = blake2b256(Uint8Array.of(0))
    let level = data.map((d) => blake2b256(d))
    const levels = [level]
    while (level.length > 1) {
      const next: Uint8Array[] = []
      for (let i = 0; i < level.length; i += 2) next.push(blake2b256(concat(level[i]!, level[i + 1] ?? empty)))
      level = next
      levels.unshift(level)
    }
    return levels
  }

  // MerkleTest "Create root from proof": proofs bottom first, the leaf's digest, its index; an index past the proofs fails
  it('createMerkleRoot rebuilds the root and refuses an index beyond the proofs (V4+)', () => {
    const levels = plainLevels(leaves)
    leaves.forEach((leaf, i) => {
      const proofs = proofsOf(i, levels).reverse()
      expect(call('createMerkleRoot', 4, proofs, blake2b256(leaf), BigInt(i))).toEqual(levels[0]![0])
      expect(failure(() => call('createMerkleRoot', 8, proofs, blake2b256(leaf), BigInt(i + (1 << proofs.length))))).toEqual({
        message: `Index ${i + (1 << proofs.length)} out of range allowed by proof list length ${proofs.length}`,
        thrown: true,
      })
    })
    expect(failure(() => call('createMerkleRoot', 4, [], new Uint8Array(32), 2n ** 31n))).toEqual({ message: 'integer overflow', thrown: true })
    expect(failure(() => call('createMerkleRoot', 4, [new Uint8Array(31)], new Uint8Array(32), 0n)).message).toBe(
      "Can't apply (ARR, CONST_BYTESTR, CONST_LONG) to 'createMerkleRoot(merkleProof: ByteVector, valueBytes: ByteVector, index: Int)'",
    )
  })
})

describe('ecrecover', () => {
  // IntegrationTest "ecrecover positive cases" (etherscan.io/verifySig/2006 and 2007): the key's Ethereum address
  it('recovers the signer of an Ethereum personal message', () => {
    const hashOf = (m: string) => keccak256(utf8(`\u0019Ethereum Signed Message:\n${m.length}${m}`))
    const address = (key: Value) => toHex(keccak256(key as Uint8Array)).slice(24)
    const sig1 = '3b163bbd90556272b57c35d1185b46824f8e16ca229bdb36f8dfd5eaaee9420723ef7bc3a6c0236568217aa990617cf292b1bef1e7d1d936fb2faef3d846c5751b'
    const sig2 = '848ffb6a07e7ce335a2bfe373f1c17573eac320f658ea8cf07426544f2203e9d52dbba4584b0b6c0ed5333d84074002878082aa938fdf68c43367946b2f615d01b'
    const key1 = call('ecrecover', 4, hashOf("what's up jim"), hex(sig1))
    expect((key1 as Uint8Array).length).toBe(64)
    expect(address(key1)).toBe('85db9634489b76e238368e4a075cc6e5a56a714c')
    expect(address(call('ecrecover', 8, hashOf('i am the owner'), hex(sig2)))).toBe('73f32c743e5928ff800ab8b05a52c73cd485f9c3')
    // v given as 0/1 counts as 27/28 (Global.ecrecover)
    const sig1v0 = hex(sig1)
    sig1v0[64] = 0
    expect(call('ecrecover', 4, hashOf("what's up jim"), sig1v0)).toEqual(key1)
  })

  // web3j's recoverFromSignature works with s modulo n: s + n recovers the key s does
  it('takes s beyond the group order modulo n, as web3j does', () => {
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
    const r = 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n
    const sig = (s: bigint) => hex(r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0') + '1b')
    const hash = keccak256(utf8('message'))
    expect(call('ecrecover', 4, hash, sig(5n + n))).toEqual(call('ecrecover', 4, hash, sig(5n)))
  })

  // IntegrationTest "ecrecover negative cases"
  it('refuses wrong sizes and a header byte out of range', () => {
    expect(failure(() => call('ecrecover', 4, hex('aa'.repeat(30)), hex('bbbb'))).message).toBe(
      'Invalid message hash size 30 bytes, must be equal to 32 bytes',
    )
    expect(failure(() => call('ecrecover', 4, hex('aa'.repeat(32)), hex('aa'.repeat(66)))).message).toBe(
      'Invalid signature size 66 bytes, must be equal to 65 bytes',
    )
    expect(failure(() => call('ecrecover', 4, hex('aa'.repeat(32)), hex('aa'.repeat(65)))).message).toBe(
      'An error during run <ecrecover(message hash: ByteVector, signature: ByteVector): ByteVector>: ' +
        'class java.security.SignatureException Header byte out of range: 197',
    )
    expect(() => fn('ecrecover', 3)).toThrow('0 entries')
    expect(fn('ecrecover', 4).costs[4]).toBe(70)
  })
})

describe('groth16', () => {
  const run = (name: string, v: { vk: string; proof: string; inputs: string }) => call(name, 4, b64(v.vk), b64(v.proof), b64(v.inputs))
  const nameFor = (prefix: string, n: number) => (n === 16 ? prefix : `${prefix}_${Math.max(n, 1)}inputs`)

  // IntegrationTest "groth16Verify", "groth16Verify_*inputs" and "(false)": vectors from grothsOk / grothsFail
  it('verifies BLS12-381 proofs of 0 to 16 inputs', () => {
    for (const v of grothVectors.grothsOk.filter((x) => x.n <= 16)) expect(run(nameFor('groth16Verify', v.n), v)).toBe(true)
    for (const v of grothVectors.grothsFail) expect(run(nameFor('groth16Verify', v.n), v)).toBe(false)
    const v17 = grothVectors.grothsOk.find((x) => x.n === 17)!
    expect(failure(() => run('groth16Verify', v17)).message).toBe('Invalid inputs size 544 bytes, must be not greater than 512 bytes')
  })

  // IntegrationTest "bn256Groth16Verify_*inputs": vectors from bn256GrothsOk; a flipped input is false
  it('verifies BN254 proofs', () => {
    for (const v of grothVectors.bn256GrothsOk) expect(run(nameFor('bn256Groth16Verify', v.n), v)).toBe(true)
    const v2 = grothVectors.bn256GrothsOk.find((x) => x.n === 2)!
    const inputs = b64(v2.inputs)
    inputs[31] = inputs[31]! ^ 1
    expect(call('bn256Groth16Verify_2inputs', 4, b64(v2.vk), b64(v2.proof), inputs)).toBe(false)
  })

  // IntegrationTest "fail if too many inputs", "with invalid vk size", "invalid proof size", "invalid inputs size"
  it('checks the sizes before the proof, with the node texts', () => {
    const v = grothVectors.grothsOk.find((x) => x.n === 1)!
    expect(failure(() => call('groth16Verify_1inputs', 4, b64(v.vk), b64(v.proof), new Uint8Array(64))).message).toBe(
      'Invalid inputs size 64 bytes, must be not greater than 32 bytes',
    )
    expect(failure(() => call('groth16Verify_3inputs', 4, b64(v.vk), b64(v.proof), new Uint8Array(33))).message).toBe(
      'Invalid inputs size 33 bytes, must be a multiple of 32 bytes',
    )
    expect(failure(() => call('groth16Verify', 4, b64(v.vk), new Uint8Array(193), b64(v.inputs))).message).toBe(
      'Invalid proof size 193 bytes, must be equal to 192 bytes',
    )
    expect(failure(() => call('groth16Verify_2inputs', 4, new Uint8Array(48 * 10 + 1), b64(v.proof), new Uint8Array(64))).message).toBe(
      'Invalid vk size 481 bytes, must be equal to 480 bytes for 2 inputs',
    )
    expect(failure(() => call('bn256Groth16Verify', 4, new Uint8Array(256), new Uint8Array(129), new Uint8Array())).message).toBe(
      'Invalid proof size 129 bytes, must be equal to 128 bytes',
    )
    expect(failure(() => call('bn256Groth16Verify_1inputs', 4, new Uint8Array(287), new Uint8Array(128), new Uint8Array(32))).message).toBe(
      'Invalid vk size 287 bytes, must be equal to 288 bytes for 1 inputs',
    )
  })

  it('answers false to keys and proofs that do not decode (zwaves maps every decoding error to false)', () => {
    expect(call('groth16Verify', 4, new Uint8Array(48 * 8), new Uint8Array(192), new Uint8Array())).toBe(false)
    expect(call('bn256Groth16Verify', 4, new Uint8Array(256).fill(1), new Uint8Array(128).fill(1), new Uint8Array())).toBe(false)
  })

  it('has the ids and costs of CryptoContext', () => {
    expect([1, 8, 15].map((n) => [fn(`groth16Verify_${n}inputs`, 4).id, fn(`groth16Verify_${n}inputs`, 4).costs[4]])).toEqual([
      [2400, 1200],
      [2407, 1900],
      [2414, 2600],
    ])
    expect([1, 3, 15].map((n) => [fn(`bn256Groth16Verify_${n}inputs`, 6).id, fn(`bn256Groth16Verify_${n}inputs`, 6).costs[6]])).toEqual([
      [2450, 800],
      [2452, 950],
      [2464, 1600],
    ])
    expect([fn('groth16Verify', 7).costs[7], fn('bn256Groth16Verify', 7).costs[7]]).toEqual([2700, 1650])
  })
})

it('no two entries share an id or a name within one version', () => {
  for (let v = 1; v <= 8; v++) {
    const version = v as StdlibVersion
    const natives = cryptoEntries.filter((e): e is NativeFunction => e.kind === 'native' && e.costs[version] !== undefined)
    expect(new Set(natives.map((n) => n.id)).size).toBe(natives.length)
    const globals = cryptoEntries.filter((e): e is GlobalValue => e.kind === 'global' && e.versions.includes(version))
    expect(new Set(globals.map((g) => g.name)).size).toBe(globals.length)
  }
})

// The dev node's signature code against @waves/ts-lib-crypto, the reference Waves libraries use.
import fc from 'fast-check'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { base58Decode, base58Encode, fastSigner, verifySignature } from './crypto.ts'

const reference = createRequire(import.meta.url)('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')

describe('verifySignature', () => {
  it('agrees with ts-lib-crypto on genuine, altered and misattributed signatures', () => {
    let genuine = 0
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ minLength: 0, maxLength: 600 }), fc.nat(511), (seed, message, flip) => {
        const publicKey = reference.publicKey(seed)
        const signature = reference.signBytes(seed, message)
        const altered = reference.base58Decode(signature)
        altered[flip >> 3] = altered[flip >> 3]! ^ (1 << (flip & 7))
        const cases: [string, Uint8Array, string][] = [
          [publicKey, message, signature],
          [publicKey, message, reference.base58Encode(altered)],
          [publicKey, Uint8Array.from([...message, 0]), signature],
          [reference.publicKey(`${seed} other`), message, signature],
        ]
        for (const [key, bytes, proof] of cases) {
          const expected = reference.verifySignature(key, bytes, proof)
          expect(verifySignature(key, bytes, proof)).toBe(expected)
        }
        expect(verifySignature(publicKey, message, signature)).toBe(true)
        genuine++
      }),
      { numRuns: 150, seed: 20261121 },
    )
    expect(genuine).toBe(150)
  })

  it('refuses keys and signatures of the wrong length', () => {
    const signature = reference.signBytes('seed', Uint8Array.of(1))
    expect(verifySignature(reference.base58Encode(new Uint8Array(31)), Uint8Array.of(1), signature)).toBe(false)
    expect(verifySignature(reference.publicKey('seed'), Uint8Array.of(1), reference.base58Encode(new Uint8Array(63)))).toBe(false)
  })
})

describe('fastSigner', () => {
  it('makes signatures that ts-lib-crypto verifies under its Waves public key', () => {
    const signer = fastSigner('waves-devnode block generator')
    expect(signer.publicKey).toBe(fastSigner('waves-devnode block generator').publicKey)
    for (let n = 0; n < 20; n++) {
      const message = reference.randomBytes(1 + n * 13)
      expect(reference.verifySignature(signer.publicKey, message, signer.sign(message))).toBe(true)
      expect(reference.verifySignature(signer.publicKey, Uint8Array.from([...message, 1]), signer.sign(message))).toBe(false)
    }
  })
})

describe('base58Decode and base58Encode (remembered for short strings)', () => {
  it('agree with ts-lib-crypto on first and repeated use, for short and long inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const text = reference.base58Encode(bytes)
        for (let round = 0; round < 2; round++) {
          expect(base58Encode(bytes)).toBe(text)
          expect(base58Decode(text)).toEqual(reference.base58Decode(text))
        }
      }),
      { seed: 58, numRuns: 300 },
    )
  })

  it('hands out a fresh copy: changing one result leaves the next one whole', () => {
    const first = base58Decode('3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9')
    first.fill(0)
    expect(base58Encode(base58Decode('3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9'))).toBe('3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9')
  })

  it('throws ts-lib-crypto\'s error on a character outside the alphabet, every time', () => {
    for (let round = 0; round < 2; round++) expect(() => base58Decode('3Mt0')).toThrow('There is no character "0" in the Base58 sequence!')
  })
})

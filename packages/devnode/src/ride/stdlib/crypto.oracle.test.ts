// CryptoContext against the official evaluator (the REPL of @waves/ride-js, newest stdlib): generated inputs (fixed
// seed) through both, the same answers expected. The REPL lacks ecrecover and the Groth16 verifiers ("an
// implementation is missing"); those are checked against the node's vectors in crypto.test.ts.
import { createPrivateKey, createPublicKey, sign as rsaSign } from 'node:crypto'
import { createRequire } from 'node:module'
import ride from '@waves/ride-js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Environment } from '../environment.ts'
import { CaseObj, type Value } from '../values.ts'
import { cryptoEntries } from './crypto.ts'
import type { NativeFunction } from './types.ts'

const wavesCrypto = createRequire(import.meta.url)('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')
const SEED = 20261130
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

function call(name: string, ...args: Value[]): Value {
  const f = cryptoEntries.find((e): e is NativeFunction => e.kind === 'native' && e.name === name && e.costs[8] !== undefined)!
  return f.apply(args, { version: 8, env: {} as Environment, remaining: 1_000_000 })
}

/** Evaluates a list of expressions of one type in one REPL call; returns the printed elements. */
async function replList(expressions: string[]): Promise<string[]> {
  const answer = (await ride.repl().evaluate(`[${expressions.join(', ')}]`)) as { result?: string; error?: string }
  if (answer.result === undefined) throw new Error(`REPL: ${answer.error}`)
  const body = answer.result.slice(answer.result.indexOf('= [') + 3, -1)
  return body === '' ? [] : body.split(', ')
}

const printBytes = (v: Value) => `base58'${wavesCrypto.base58Encode(v as Uint8Array)}'`

describe('CryptoContext agrees with the official evaluator', () => {
  it('hashes and their _NKb forms', async () => {
    const inputs = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 300 }), { seed: SEED, numRuns: 60 })
    const names = ['keccak256', 'blake2b256', 'sha256', 'keccak256_16Kb', 'blake2b256_32Kb', 'sha256_128Kb']
    const cases = inputs.map((bytes, i) => ({ name: names[i % names.length]!, bytes }))
    const expected = await replList(cases.map((c) => `${c.name}(base16'${hex(c.bytes)}')`))
    expect(cases.map((c) => printBytes(call(c.name, c.bytes)))).toEqual(expected)
  })

  it('sigVerify on genuine, altered and misattributed signatures', async () => {
    const samples = fc.sample(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.uint8Array({ maxLength: 200 }), fc.nat(511), fc.nat(3)), {
      seed: SEED,
      numRuns: 24,
    })
    const cases = samples.map(([seed, message, flip, kind]) => {
      const signature = wavesCrypto.base58Decode(wavesCrypto.signBytes(seed, message, Uint8Array.from({ length: 64 }, (_, i) => i)))
      if (kind === 1) signature[flip >> 3] = signature[flip >> 3]! ^ (1 << (flip & 7))
      const key = wavesCrypto.base58Decode(wavesCrypto.publicKey(kind === 2 ? `${seed}!` : seed))
      return [kind === 3 ? Uint8Array.from([...message, 1]) : message, signature, key] as const
    })
    const expected = await replList(cases.map(([m, s, k]) => `sigVerify(base16'${hex(m)}', base16'${hex(s)}', base16'${hex(k)}')`))
    expect(cases.map(([m, s, k]) => String(call('sigVerify', m, s, k)))).toEqual(expected)
    expect(expected.filter((r) => r === 'true').length).toBeGreaterThan(5)
  })

  it('createMerkleRoot over generated proofs and indexes', async () => {
    const digest = fc.uint8Array({ minLength: 32, maxLength: 32 })
    const samples = fc.sample(fc.tuple(fc.array(digest, { maxLength: 6 }), digest, fc.integer({ min: 0, max: 63 })), { seed: SEED, numRuns: 40 })
    const fits = samples.filter(([proofs, , index]) => index < 2 ** proofs.length)
    const list = (proofs: Uint8Array[]) => `[${proofs.map((p) => `base16'${hex(p)}'`).join(', ')}]`
    const expected = await replList(fits.map(([proofs, leaf, index]) => `createMerkleRoot(${list(proofs)}, base16'${hex(leaf)}', ${index})`))
    expect(fits.map(([proofs, leaf, index]) => printBytes(call('createMerkleRoot', proofs, leaf, BigInt(index))))).toEqual(expected)
    expect(fits.length).toBeGreaterThan(10)
  })

  // The REPL's JavaScript RSA answers false to SHA224 and SHA3-* signatures that the node's BouncyCastle verifies
  // (RSATest checks every digest on the JVM); the node wins: crypto.test.ts checks those digests, this test the rest.
  it('rsaVerify with the digests the REPL supports', async () => {
    const privateKey = createPrivateKey(RSA_TEST_KEY)
    const publicKey = Uint8Array.from(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }))
    const digests = [
      ['MD5', 'md5'],
      ['SHA1', 'sha1'],
      ['SHA256', 'sha256'],
      ['SHA384', 'sha384'],
      ['SHA512', 'sha512'],
    ] as const
    const messages = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 100 }), { seed: SEED, numRuns: digests.length * 2 })
    const cases = messages.map((message, i) => {
      const [global, digest] = digests[i % digests.length]!
      const signed = i < digests.length ? message : Uint8Array.from([...message, 0])
      return { global, message, signature: Uint8Array.from(rsaSign(digest, signed, privateKey)) }
    })
    const expected = await replList(
      cases.map((c) => `rsaVerify(${c.global}, base16'${hex(c.message)}', base16'${hex(c.signature)}', base16'${hex(publicKey)}')`),
    )
    const ours = cases.map((c) => String(call('rsaVerify', new CaseObj(algType(c.global), new Map()), c.message, c.signature, publicKey)))
    expect(ours).toEqual(expected)
    expect(expected.filter((r) => r === 'true')).toHaveLength(digests.length)
  })
})

const algType = (global: string) => global[0] + global.slice(1).toLowerCase()

const RSA_TEST_KEY = [
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
].join('\n')

// Account linking: a challenge signed by a real Signer with the dev wallet, checked by verifyLoginProof;
// then forged, expired, replayed and mismatched proofs, each refused with its reason.
import { Signer } from '@waves/signer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDevnode, type Devnode } from 'waves-devnode'
import { RICH_SEED, seed, wt } from '../../../test/waves.ts'
import { DevWalletProvider } from './dev-wallet.ts'
import { LoginProofError, type LoginProof, createLoginChallenge, createMemoryChallengeStore, verifyLoginProof } from './login.ts'
import { signLoginChallenge } from './sign-login.ts'

const T0 = Date.UTC(2027, 0, 1, 12, 0, 0)
let node: Devnode
let time = T0
const now = () => time
// fixed nonces: 32 bytes of 1, 2, 3 ... per challenge
let draws = 0
const randomBytes = (length: number) => new Uint8Array(length).fill(++draws)

beforeAll(async () => {
  node = await createDevnode({ chainId: 'T' })
})
afterAll(() => node?.close())

async function walletSigner(seedPhrase: string): Promise<Signer> {
  const signer = new Signer({ NODE_URL: node.url })
  await signer.setProvider(new DevWalletProvider(seedPhrase))
  return signer
}

const service = 'shop.example'
const refusal = async (proof: LoginProof, store = createMemoryChallengeStore({ now }), chainId = 'T') => {
  const error = await verifyLoginProof({ proof, service, chainId, store, now }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(LoginProofError)
  return { reason: (error as LoginProofError).reason, message: (error as LoginProofError).message }
}

describe('a wallet proves its address to a service', () => {
  test('the dev wallet signs through Signer; the proof verifies once', async () => {
    time = T0
    const store = createMemoryChallengeStore({ now })
    const challenge = await createLoginChallenge({ service, chainId: 'T', store, now, randomBytes })
    expect(challenge.message).toBe(
      [
        'shop.example asks you to prove that you control this Waves account. Signing is free and sends no transaction.',
        '',
        'Service: shop.example',
        'Chain: T',
        `Nonce: ${wt.libs.crypto.base58Encode(new Uint8Array(32).fill(1))}`,
        'Expires: 2027-01-01T12:05:00.000Z',
      ].join('\n'),
    )
    expect(challenge.expiresAt).toBe(T0 + 300_000)

    const proof = await signLoginChallenge(await walletSigner(RICH_SEED), challenge.message)
    const address = wt.libs.crypto.address(RICH_SEED, 'T')
    expect(proof).toMatchObject({ message: challenge.message, address, publicKey: wt.libs.crypto.publicKey(RICH_SEED) })

    time = T0 + 299_999
    expect(await verifyLoginProof({ proof, service, chainId: 'T', store, now })).toEqual({
      address,
      publicKey: wt.libs.crypto.publicKey(RICH_SEED),
      nonce: challenge.nonce,
    })
    // replayed: the same proof a second time
    expect(await refusal(proof, store)).toEqual({
      reason: 'replayed',
      message: [
        'The login proof was refused (replayed)',
        '',
        'Details: the challenge was already used, or was not issued here',
        'Docs: waves-affiliate/README.md#loginprooferror',
      ].join('\n'),
    })
  })

  test('the signature is over custom data version 1: [255, 255, 255, 1] and the message bytes', async () => {
    time = T0
    const store = createMemoryChallengeStore({ now })
    const { message } = await createLoginChallenge({ service, chainId: 'T', store, now, randomBytes })
    const proof = await signLoginChallenge(await walletSigner(RICH_SEED), message)
    const bytes = Uint8Array.from([255, 255, 255, 1, ...new TextEncoder().encode(message)])
    expect(wt.libs.crypto.verifySignature(proof.publicKey, bytes, proof.signature)).toBe(true)
    expect(wt.libs.crypto.verifySignature(proof.publicKey, new TextEncoder().encode(message), proof.signature)).toBe(false)
  })
})

describe('refused proofs', () => {
  test('forged: another key signed, or the message was changed after signing; the nonce stays usable', async () => {
    time = T0
    const store = createMemoryChallengeStore({ now })
    const challenge = await createLoginChallenge({ service, chainId: 'T', store, now, randomBytes })
    const victim = wt.libs.crypto.address(RICH_SEED, 'T')
    const attacker = await signLoginChallenge(await walletSigner(seed('attacker')), challenge.message)

    // the attacker's signature presented as the victim's, with the victim's key
    const forged = { ...attacker, address: victim, publicKey: wt.libs.crypto.publicKey(RICH_SEED) }
    expect(await refusal(forged, store)).toEqual({
      reason: 'signature',
      message: [
        'The login proof was refused (signature)',
        '',
        `Details: the signature is not ${victim}'s over the message`,
        'Docs: waves-affiliate/README.md#loginprooferror',
      ].join('\n'),
    })
    // the attacker's key claimed for the victim's address
    expect((await refusal({ ...attacker, address: victim }, store)).message).toContain(
      `Details: the public key is the key of ${attacker.address}, not of ${victim}`,
    )
    // the message changed after signing (a later expiry)
    const honest = await signLoginChallenge(await walletSigner(RICH_SEED), challenge.message)
    const extended = { ...honest, message: honest.message.replace('2027-01-01T12:05:00.000Z', '2030-01-01T12:05:00.000Z') }
    expect((await refusal(extended, store)).reason).toBe('signature')
    // none of that used up the challenge: the honest proof still works
    expect((await verifyLoginProof({ proof: honest, service, chainId: 'T', store, now })).address).toBe(victim)
  })

  test('expired: a valid signature after the challenge ran out', async () => {
    time = T0
    const store = createMemoryChallengeStore({ now })
    const challenge = await createLoginChallenge({ service, chainId: 'T', store, now, randomBytes, ttlMs: 60_000 })
    const proof = await signLoginChallenge(await walletSigner(RICH_SEED), challenge.message)
    time = T0 + 60_001
    expect(await refusal(proof, store)).toEqual({
      reason: 'expired',
      message: [
        'The login proof was refused (expired)',
        '',
        'Details: the challenge expired at 2027-01-01T12:01:00.000Z',
        'Docs: waves-affiliate/README.md#loginprooferror',
      ].join('\n'),
    })
  })

  test('a challenge this store never issued, another service, another chain, another named address, junk', async () => {
    time = T0
    const issuing = createMemoryChallengeStore({ now })
    const challenge = await createLoginChallenge({ service, chainId: 'T', store: issuing, now, randomBytes })
    const proof = await signLoginChallenge(await walletSigner(RICH_SEED), challenge.message)
    expect((await refusal(proof, createMemoryChallengeStore({ now }))).reason).toBe('replayed')
    expect(
      await verifyLoginProof({ proof, service: 'other.example', chainId: 'T', store: issuing, now }).catch((e: LoginProofError) => [e.reason, e.details]),
    ).toEqual(['service', 'the challenge is for "shop.example", not "other.example"'])
    expect((await refusal(proof, issuing, 'W')).message).toContain("Details: the challenge is for chain 'T', not 'W'")

    const named = await createLoginChallenge({ service, chainId: 'T', store: issuing, now, randomBytes, address: wt.libs.crypto.address(seed('bob'), 'T') })
    expect(named.message).toContain(`\nAddress: ${wt.libs.crypto.address(seed('bob'), 'T')}\n`)
    const wrongSigner = await signLoginChallenge(await walletSigner(RICH_SEED), named.message)
    expect((await refusal(wrongSigner, issuing)).message).toContain(
      `Details: the challenge was made for ${wt.libs.crypto.address(seed('bob'), 'T')}, not ${wrongSigner.address}`,
    )

    expect((await refusal({ ...proof, message: `${proof.message}\nExtra: line` }, issuing)).reason).toBe('malformed')
    expect((await refusal({ message: 'hi' } as LoginProof, issuing)).message).toContain(
      'Details: the proof needs message, address, publicKey and signature as strings',
    )
  })

  test('bad challenge parameters are refused before anything is stored', async () => {
    const store = createMemoryChallengeStore({ now })
    await expect(createLoginChallenge({ service: 'shop\nexample', chainId: 'T', store })).rejects.toThrow(
      'Invalid service: "shop\\nexample" is not 1 to 100 printable ASCII characters',
    )
    await expect(createLoginChallenge({ service, chainId: 'TT', store })).rejects.toThrow('Invalid chainId: "TT" is not one character')
  })
})

// waves-affiliate/login: account linking for services. A service proves that a user controls a Waves
// address, and links it to its own account, without a transaction on chain: it makes a challenge
// (`createLoginChallenge`), the user's wallet signs it with Signer's `signMessage` (`signLoginChallenge`
// in the main entry), and the service checks the proof (`verifyLoginProof`): the signature, the address,
// the chain, the expiry and single use.
//
// What `signMessage` signs: Signer hands the text to its provider, and the providers sign it as Waves
// "custom data" version 1, the bytes [255, 255, 255, 1] followed by the message's bytes (ProviderKeeper:
// `signCustomData({ version: 1, binary: 'base64:' + btoa(message) })`; the dev wallet the same). Keeper's
// `btoa` takes one byte per character, so a challenge is plain ASCII: then every provider's bytes agree.
// Node only in practice: it loads @waves/ts-lib-crypto (Curve25519 signatures, as Waves signs).
import { address as addressOf, base58Encode, verifySignature } from '@waves/ts-lib-crypto'
import { chainIdOf } from './address.ts'
import { InvalidInputError, LoginProofError } from './errors.ts'

export { LoginProofError, type LoginProofErrorReason } from './errors.ts'

/**
 * Where a service keeps the nonces of the challenges it issued until they are used or expire. One
 * process: `createMemoryChallengeStore()`. Several: any shared store with an atomic take (e.g. Redis
 * `SET nonce 1 PXAT expiresAt` and `GETDEL nonce`).
 */
export interface ChallengeStore {
  /** remembers an issued nonce until `expiresAt` (ms since the epoch) */
  put(nonce: string, expiresAt: number): void | Promise<void>
  /** forgets the nonce and says whether it was there: true once per issued, unexpired nonce */
  take(nonce: string): boolean | Promise<boolean>
}

/** A ChallengeStore in this process's memory; expired nonces are dropped as new ones are put. */
export function createMemoryChallengeStore(options: { now?: () => number } = {}): ChallengeStore {
  const now = options.now ?? Date.now
  const issued = new Map<string, number>()
  return {
    put(nonce, expiresAt) {
      const time = now()
      for (const [key, expiry] of issued) if (expiry < time) issued.delete(key)
      issued.set(nonce, expiresAt)
    },
    take(nonce) {
      const expiry = issued.get(nonce)
      issued.delete(nonce)
      return expiry !== undefined && expiry >= now()
    },
  }
}

export interface CreateLoginChallengeParameters {
  /** the service's name as the user sees it in the wallet, e.g. `shop.example`: printable ASCII, 1-100 characters */
  service: string
  /** the chain the address must belong to, one character (`W`, `T`, `R` ...) */
  chainId: string
  store: ChallengeStore
  /** the address expected to sign, when the service already knows it */
  address?: string
  /** how long the challenge can be used (default 300,000 ms) */
  ttlMs?: number
  /** default Date.now */
  now?: () => number
  /** default crypto.getRandomValues; 32 bytes make the nonce */
  randomBytes?: (length: number) => Uint8Array
}

export interface LoginChallenge {
  /** what the wallet signs, as is (ASCII, several lines) */
  message: string
  /** base58 of 32 random bytes */
  nonce: string
  chainId: string
  address: string | undefined
  /** ms since the epoch */
  expiresAt: number
}

/** The proof a front end sends back to the service (`signLoginChallenge` makes it). */
export interface LoginProof {
  /** the challenge's message, as signed */
  message: string
  address: string
  /** base58; the address must be this key's */
  publicKey: string
  /** base58, from Signer's `signMessage(message)` */
  signature: string
}

const PRINTABLE = /^[\x20-\x7e]{1,100}$/

/**
 * Makes a challenge for a wallet to sign, and keeps its nonce in `store` until it expires.
 *
 * @example
 * const store = createMemoryChallengeStore()
 * const challenge = await createLoginChallenge({ service: 'shop.example', chainId: 'W', store })
 * // send challenge.message to the page; the page calls signLoginChallenge(signer, challenge.message)
 */
export async function createLoginChallenge(parameters: CreateLoginChallengeParameters): Promise<LoginChallenge> {
  const { service, chainId, store, address } = parameters
  if (typeof service !== 'string' || !PRINTABLE.test(service)) {
    throw new InvalidInputError('service', `${JSON.stringify(service)} is not 1 to 100 printable ASCII characters`)
  }
  if (typeof chainId !== 'string' || chainId.length !== 1) throw new InvalidInputError('chainId', `${JSON.stringify(chainId)} is not one character`)
  if (address !== undefined && chainIdOf(address) !== chainId) throw new InvalidInputError('address', `${JSON.stringify(address)} is not an address of chain '${chainId}'`)
  const ttlMs = parameters.ttlMs ?? 300_000
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new InvalidInputError('ttlMs', `${String(ttlMs)} is not a positive number of ms`)
  const random = parameters.randomBytes ?? ((length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length)))
  const nonce = base58Encode(random(32))
  const expiresAt = (parameters.now ?? Date.now)() + ttlMs
  await store.put(nonce, expiresAt)
  return { message: challengeText({ service, chainId, address, nonce, expiresAt }), nonce, chainId, address, expiresAt }
}

interface ChallengeFields {
  service: string
  chainId: string
  address: string | undefined
  nonce: string
  expiresAt: number
}

const INTRO = 'asks you to prove that you control this Waves account. Signing is free and sends no transaction.'

function challengeText(fields: ChallengeFields): string {
  return [
    `${fields.service} ${INTRO}`,
    '',
    `Service: ${fields.service}`,
    `Chain: ${fields.chainId}`,
    ...(fields.address === undefined ? [] : [`Address: ${fields.address}`]),
    `Nonce: ${fields.nonce}`,
    `Expires: ${new Date(fields.expiresAt).toISOString()}`,
  ].join('\n')
}

/** The fields of a challenge's text, or undefined unless the text is exactly what challengeText makes of them. */
function parseChallenge(message: string): ChallengeFields | undefined {
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(message)?.[1]
  const service = field('Service')
  const chainId = field('Chain')
  const nonce = field('Nonce')
  const expires = field('Expires')
  if (service === undefined || chainId === undefined || nonce === undefined || expires === undefined) return undefined
  const expiresAt = Date.parse(expires)
  if (!Number.isFinite(expiresAt)) return undefined
  const fields = { service, chainId, address: field('Address'), nonce, expiresAt }
  return challengeText(fields) === message ? fields : undefined
}

export interface VerifyLoginProofParameters {
  proof: LoginProof
  /** the service's name, as in its challenges */
  service: string
  /** the chain the address must belong to */
  chainId: string
  store: ChallengeStore
  /** default Date.now */
  now?: () => number
}

export interface VerifiedLogin {
  address: string
  publicKey: string
  /** the challenge's nonce, now used */
  nonce: string
}

/**
 * Checks a login proof, cheapest and non-consuming checks first: the message is a challenge of this
 * service and chain; the address is of this chain and is the public key's (and the challenge's, when it
 * named one); the signature is the key's over the message as `signMessage` signs it; the challenge has not
 * expired; and last, its nonce is taken from `store`, so a proof works once. A forged proof never uses up
 * the nonce. Throws LoginProofError with `reason` for the first check that fails.
 *
 * @example
 * const { address } = await verifyLoginProof({ proof: await request.json(), service: 'shop.example', chainId: 'W', store })
 * await db.link(session.userId, address)
 */
export async function verifyLoginProof(parameters: VerifyLoginProofParameters): Promise<VerifiedLogin> {
  const { proof, service, chainId, store } = parameters
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const message = text(proof?.message)
  const address = text(proof?.address)
  const publicKey = text(proof?.publicKey)
  const signature = text(proof?.signature)
  if (message === undefined || address === undefined || publicKey === undefined || signature === undefined) {
    throw new LoginProofError('malformed', 'the proof needs message, address, publicKey and signature as strings')
  }
  const challenge = parseChallenge(message)
  if (challenge === undefined) throw new LoginProofError('malformed', 'the message is not a login challenge')
  if (challenge.service !== service) throw new LoginProofError('service', `the challenge is for ${JSON.stringify(challenge.service)}, not ${JSON.stringify(service)}`)
  if (challenge.chainId !== chainId) throw new LoginProofError('chain', `the challenge is for chain '${challenge.chainId}', not '${chainId}'`)
  const addressChain = chainIdOf(address)
  if (addressChain !== chainId) {
    throw new LoginProofError('chain', addressChain === undefined ? `${JSON.stringify(address)} is not an address` : `${address} is an address of chain '${addressChain}', not '${chainId}'`)
  }
  if (challenge.address !== undefined && challenge.address !== address) throw new LoginProofError('address', `the challenge was made for ${challenge.address}, not ${address}`)
  let keyAddress: string
  try {
    keyAddress = addressOf({ publicKey }, chainId)
  } catch {
    throw new LoginProofError('malformed', 'publicKey is not a base58 public key')
  }
  if (keyAddress !== address) throw new LoginProofError('address', `the public key is the key of ${keyAddress}, not of ${address}`)
  if (!signatureValid(publicKey, message, signature)) throw new LoginProofError('signature', `the signature is not ${address}'s over the message`)
  if ((parameters.now ?? Date.now)() > challenge.expiresAt) {
    throw new LoginProofError('expired', `the challenge expired at ${new Date(challenge.expiresAt).toISOString()}`)
  }
  if (!(await store.take(challenge.nonce))) throw new LoginProofError('replayed', 'the challenge was already used, or was not issued here')
  return { address, publicKey, nonce: challenge.nonce }
}

/** The custom-data prefix (version 1) that providers put before a message they sign. */
const CUSTOM_DATA_V1 = [255, 255, 255, 1]

function signatureValid(publicKey: string, message: string, signature: string): boolean {
  const bytes = Uint8Array.from([...CUSTOM_DATA_V1, ...Array.from(message, (char) => char.charCodeAt(0))])
  try {
    return verifySignature(publicKey, bytes, signature)
  } catch {
    return false
  }
}

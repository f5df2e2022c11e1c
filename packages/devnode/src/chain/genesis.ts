// The genesis block as a node makes it (Block.genesis): version 1, the genesis reference and generation signature, the
// genesis generator's key, the genesis transactions in its bytes, and its signature as its id.
import { createRequire } from 'node:module'
import { x25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { address, base58Decode, base58Encode } from '../crypto.ts'
import type { Block } from '../state/state.ts'

const require = createRequire(import.meta.url)
const wavesCrypto = require('@waves/ts-lib-crypto') as typeof import('@waves/ts-lib-crypto')

/** Block.GenesisReference: 64 bytes of 0xFF. */
const GENESIS_REFERENCE = new Uint8Array(64).fill(0xff)
/** Block.GenesisGenerationSignature: 32 zero bytes. */
const GENESIS_GENERATION_SIGNATURE = new Uint8Array(32)
/** The base target the dev node's block JSON prints (`nxt-consensus.base-target`). */
export const GENESIS_BASE_TARGET = 60n

/**
 * Block.GenesisGenerator, KeyPair(ByteStr.empty): Curve25519.createKeyPair of an empty seed, the private key being the
 * SHA-256 of the seed, clamped (OpportunisticCurve25519Provider.generatePrivateKey).
 */
function genesisGenerator(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = sha256(new Uint8Array(0))
  privateKey[0]! &= 248
  privateKey[31]! &= 127
  privateKey[31]! |= 64
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) }
}

/** GenesisTxSerializer.toBytes: type, timestamp, recipient and amount (43 bytes). */
function genesisTxBytes(recipient: string, amount: bigint, timestamp: number): Uint8Array {
  const bytes = new Uint8Array(1 + 8 + 26 + 8)
  const view = new DataView(bytes.buffer)
  bytes[0] = 1
  view.setBigInt64(1, BigInt(timestamp))
  bytes.set(base58Decode(recipient), 9)
  view.setBigInt64(35, amount)
  return bytes
}

/**
 * The genesis block of `accounts`, funded at `timestamp` (its transactions are recorded on it afterwards). Its bytes are
 * BlockSerializer's for version 1 and its signature verifies against the genesis generator; a node signs with a random
 * nonce, the dev node with a zero one, so that the same chain has the same genesis id every time.
 */
export function genesisBlock(chainId: string, timestamp: number, accounts: readonly { address: string; amount: bigint }[]): Block {
  const generator = genesisGenerator()
  const txs = accounts.map((a) => genesisTxBytes(a.address, a.amount, timestamp))
  const parts: Uint8Array[] = []
  const long = (n: bigint) => {
    const b = new Uint8Array(8)
    new DataView(b.buffer).setBigInt64(0, n)
    return b
  }
  const int = (n: number) => {
    const b = new Uint8Array(4)
    new DataView(b.buffer).setInt32(0, n)
    return b
  }
  // prefix: version, timestamp, reference, the consensus data (base target, generation signature) with its length
  parts.push(Uint8Array.of(1), long(BigInt(timestamp)), GENESIS_REFERENCE, int(8 + 32), long(GENESIS_BASE_TARGET), GENESIS_GENERATION_SIGNATURE)
  // transactions: their count as one byte (versions 1 and 2), each with its length
  const txData = [Uint8Array.of(txs.length), ...txs.flatMap((tx) => [int(tx.length), tx])]
  parts.push(int(txData.reduce((n, p) => n + p.length, 0)), ...txData)
  // suffix without the signature: the generator
  parts.push(generator.publicKey)
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    body.set(p, at)
    at += p.length
  }
  const signature = wavesCrypto.signBytes({ privateKey: generator.privateKey }, body, new Uint8Array(64))
  const publicKey = base58Encode(generator.publicKey)
  return {
    height: 1,
    timestamp,
    id: signature,
    reference: base58Encode(GENESIS_REFERENCE),
    generator: address({ publicKey }, chainId),
    generatorPublicKey: publicKey,
    generationSignature: base58Encode(GENESIS_GENERATION_SIGNATURE),
    signature,
    txIds: [],
    totalFee: 0n,
  }
}

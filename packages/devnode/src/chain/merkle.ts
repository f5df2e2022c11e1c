// The merkle tree a node builds over a block's transactions (block/package.scala mkMerkleTree, common/merkle/Merkle):
// the leaves are blake2b256 of each signed transaction's protobuf bytes (PBTransactions.toByteArrayMerkle), pairs are
// hashed left then right, and a node without a right partner is paired with blake2b256 of one zero byte. Its top is
// the block header's `transactionsRoot`; /transactions/merkleProof prints a transaction's path to it.
import { concatBytes } from '@noble/hashes/utils.js'
import wavesTransactions from '@waves/waves-transactions'
import { base58Decode, base58Encode, blake2b } from '../crypto.ts'
import type { Block, ChainState } from '../state/state.ts'
import { SUPPORTED_VERSIONS, bodyBytes, printTx, readTransaction } from './tx.ts'

const { protoSerialize } = wavesTransactions

/** Merkle.empty: what a lone node is paired with, and the root of a block without transactions. */
const EMPTY = blake2b(Uint8Array.of(0))

/** The leaves already hashed, by the stored JSON they were read from (a transaction's bytes never change). */
const leaves = new WeakMap<Record<string, unknown>, Uint8Array>()

function varint(n: number): number[] {
  const out: number[] = []
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  out.push(n)
  return out
}

/**
 * PBTransactionSerializer.bytes: the protobuf SignedTransaction of a transaction the chain stores, its body
 * (Transaction, field 1) and each proof (field 2), whatever bytes its version is signed as. Genesis transactions sit
 * in the version 1 genesis block, which has no transactions root, and are not read here.
 */
export function signedTxBytes(json: Record<string, unknown>, chainId: number): Uint8Array {
  const tx = readTransaction(json, chainId, () => true)
  if (tx.version !== SUPPORTED_VERSIONS.get(tx.type)) {
    // an older version's body is not protobuf: the node converts it (PBTransactions.protobuf), as the library does
    const wire = JSON.parse(JSON.stringify(printTx(tx), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
    return protoSerialize.signedTxToProtoBytes(wire)
  }
  // the newest versions are signed as protobuf: their body bytes are the Transaction message
  const body = bodyBytes(tx)
  const parts = [Uint8Array.from([0x0a, ...varint(body.length)]), body]
  for (const proof of tx.proofs) {
    const bytes = base58Decode(proof)
    parts.push(Uint8Array.from([0x12, ...varint(bytes.length)]), bytes)
  }
  return concatBytes(...parts)
}

function leaf(state: ChainState, id: string): Uint8Array {
  const json = state.txs.get(id)!.json
  let hash = leaves.get(json)
  if (hash === undefined) {
    hash = blake2b(signedTxBytes(json, state.chainId.charCodeAt(0)))
    leaves.set(json, hash)
  }
  return hash
}

/** Merkle.mkLevels, bottom level first; the last level is the root alone. */
function levels(bottom: Uint8Array[]): Uint8Array[][] {
  if (bottom.length === 0) return [[EMPTY]]
  const out = [bottom]
  let previous = bottom
  // hashed once even for a single leaf: its root is hash(leaf ++ empty)
  do {
    const next: Uint8Array[] = []
    for (let i = 0; i < previous.length; i += 2) next.push(blake2b(concatBytes(previous[i]!, previous[i + 1] ?? EMPTY)))
    out.push(next)
    previous = next
  } while (previous.length > 1)
  return out
}

/** The base58 `transactionsRoot` of a block of version 5 (ProtoBlockVersion): the top of its transactions' tree. */
export function transactionsRoot(state: ChainState, block: Block): string {
  const tree = levels(block.txIds.map((id) => leaf(state, id)))
  return base58Encode(tree[tree.length - 1]![0]!)
}

/** TransactionsApiRoute.transactionProofWrites: the id, its index in the block, and the digests bottom first. */
export interface TransactionProof {
  id: string
  transactionIndex: number
  merkleProof: string[]
}

/**
 * Block.transactionProof (Merkle.mkProofs, reversed): the siblings on the way from the transaction's leaf to the
 * root, bottom first, a missing right sibling being Merkle.empty. Undefined for a transaction the chain does not have
 * or one in the genesis block (version 1, before ProtoBlockVersion), as CommonTransactionsApi.transactionProofs skips them.
 */
export function transactionProof(state: ChainState, id: string): TransactionProof | undefined {
  const stored = state.txs.get(id)
  if (stored === undefined || stored.height < 2) return undefined
  const block = state.blocks[stored.height - 1]
  const index = block?.txIds.indexOf(id) ?? -1
  if (block === undefined || index < 0) return undefined
  const tree = levels(block.txIds.map((txId) => leaf(state, txId)))
  const digests: string[] = []
  let at = index
  for (const level of tree.slice(0, -1)) {
    const sibling = at % 2 === 0 ? (level[at + 1] ?? EMPTY) : level[at - 1]!
    digests.push(base58Encode(sibling))
    at = Math.floor(at / 2)
  }
  return { id, transactionIndex: index, merkleProof: digests }
}

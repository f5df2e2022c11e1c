// /blocks: headers and blocks by height, id, range and generator, the height of a time, and the average delay
// (BlocksApiRoute). Block JSON is BlockMeta.json (BlockHeaderSerializer.toJson, then height, totalFee, reward,
// rewardShares, VRF) and, for whole blocks, `fee` and `transactions`.
import { base58Decode, base58Encode, blake2b, stringToBytes } from '../crypto.ts'
import { MAX_LONG } from '../constants.ts'
import type { Chain } from '../chain/devnode.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import { type Block, lastBlock } from '../state/state.ts'
import { checkAddress } from '../chain/tx.ts'
import { signedTxBytes, transactionsRoot } from '../chain/merkle.ts'
import type { Router } from './router.ts'
import { txWithStatus } from './tx-json.ts'

/** The reward of every block after the genesis block, in wavelets: a custom chain's `rewards.initial`, never voted on. */
export const BLOCK_REWARD = 600_000_000n
/** `rest-api.blocks-request-limit`: the most heights `seq` and `address` take (to - from < 100). */
const BLOCKS_REQUEST_LIMIT = 100
/** BlocksApiRoute.MaxBlocksForDelay */
const MAX_BLOCKS_FOR_DELAY = 10_000
/** The genesis block is GenesisBlockVersion (1); the dev node makes every later block as ProtoBlockVersion (5). */
const GENESIS_BLOCK_VERSION = 1
const BLOCK_VERSION = 5
/**
 * LightNode (22) is active from height 0: the genesis block carries its state hash, and blocks from
 * 0 + `light-node-block-fields-absence-interval` (1,000) on carry theirs (Blockchain.supportsLightNodeBlockFields).
 */
const LIGHT_NODE_FIELDS_FROM = 1_000
const BASE_TARGET = 60
const INT_MAX = 2_147_483_647

/** The header of a block as BlockMeta.json prints it, in its field order. */
export function blockHeader(chain: Chain, block: Block): Record<string, unknown> {
  const genesis = block.height === 1
  const consensus = { 'base-target': BASE_TARGET, 'generation-signature': block.generationSignature }
  const stateHash = genesis ? genesisStateHash(chain, block) : block.height >= LIGHT_NODE_FIELDS_FROM ? syntheticStateHash(block) : undefined
  // ConsensusImprovements at height 1: the genesis block has no reward (its meta stores 0, its shares are none)
  const reward = genesis ? 0n : BLOCK_REWARD
  const size = { signature: block.signature, blocksize: blockSize(chain, block, stateHash), transactionCount: block.txIds.length }
  const meta = { height: block.height, totalFee: block.totalFee, reward, rewardShares: genesis ? {} : { [block.generator]: reward } }
  if (genesis) {
    return {
      version: GENESIS_BLOCK_VERSION,
      timestamp: block.timestamp,
      reference: block.reference,
      'nxt-consensus': consensus,
      generator: block.generator,
      generatorPublicKey: block.generatorPublicKey,
      ...(stateHash === undefined ? {} : { stateHash }),
      ...size,
      // before ProtoBlockVersion the id is the signature, printed after the size
      id: block.id,
      ...meta,
    }
  }
  return {
    version: BLOCK_VERSION,
    timestamp: block.timestamp,
    reference: block.reference,
    'nxt-consensus': consensus,
    transactionsRoot: transactionsRoot(chain.state, block),
    id: block.id,
    features: [],
    desiredReward: -1,
    generator: block.generator,
    generatorPublicKey: block.generatorPublicKey,
    ...(stateHash === undefined ? {} : { stateHash }),
    ...size,
    ...meta,
    VRF: block.generationSignature,
  }
}

/** A whole block: the header, `fee` (the WAVES fees) and the transactions, with applicationStatus from version 5 on. */
export function fullBlock(chain: Chain, block: Block): Record<string, unknown> {
  return {
    ...blockHeader(chain, block),
    fee: block.totalFee,
    transactions: block.txIds.map((id) => {
      const tx = txWithStatus(chain.tx(id)!, chain.state)
      if (block.height !== 1) return tx
      const { applicationStatus: _status, ...withoutStatus } = tx
      return withoutStatus
    }),
  }
}

/** The block at `height` (1-based), if any. */
function blockAtHeight(chain: Chain, height: number): Block | undefined {
  return height >= 1 ? chain.state.blocks[height - 1] : undefined
}

function blockById(chain: Chain, id: string): Block | undefined {
  const blocks = chain.state.blocks
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]!.id === id) return blocks[i]
  return undefined
}

/** Bytes of a protobuf varint of `n` (an int64 below 0 takes ten). */
function varintSize(n: bigint): number {
  let v = n < 0n ? n + (1n << 64n) : n
  let size = 1
  while (v > 0x7fn) {
    v >>= 7n
    size++
  }
  return size
}

/** A protobuf field of number 1-15 (a one-byte tag) holding `length` bytes, or nothing when empty (proto3). */
const bytesField = (length: number) => (length === 0 ? 0 : 1 + varintSize(BigInt(length)) + length)
const varintField = (value: bigint) => (value === 0n ? 0 : 1 + varintSize(value))

/**
 * The size of a block's bytes (Block.bytes). The genesis block: BlockSerializer's version 1 bytes, 218 and 47 per
 * genesis transaction. Later blocks: the protobuf Block (PBBlocks.protobuf) of the header as printed, the signature
 * and each signed transaction.
 */
function blockSize(chain: Chain, block: Block, stateHash: string | undefined): number {
  if (block.height === 1) return 218 + 47 * block.txIds.length
  const header =
    varintField(BigInt(chain.chainIdByte)) +
    bytesField(base58Decode(block.reference).length) +
    varintField(BigInt(BASE_TARGET)) +
    bytesField(base58Decode(block.generationSignature).length) +
    varintField(BigInt(block.timestamp)) +
    varintField(BigInt(BLOCK_VERSION)) +
    bytesField(base58Decode(block.generatorPublicKey).length) +
    varintField(-1n) +
    bytesField(32) +
    bytesField(stateHash === undefined ? 0 : base58Decode(stateHash).length)
  let size = bytesField(header) + bytesField(base58Decode(block.signature).length)
  for (const id of block.txIds) size += bytesField(signedTxBytes(chain.tx(id)!.json, chain.chainIdByte).length)
  return size
}

/** TxStateSnapshotHashBuilder.createGenesisStateHash: each genesis transfer's recipient and new balance, chained. */
function genesisStateHash(chain: Chain, block: Block): string {
  let hash = blake2b(new Uint8Array(0))
  const balances = new Map<string, bigint>()
  for (const id of block.txIds) {
    const tx = chain.tx(id)!.json
    const recipient = tx['recipient'] as string
    const balance = (balances.get(recipient) ?? 0n) + BigInt(tx['amount'] as bigint)
    balances.set(recipient, balance)
    const entry = new Uint8Array(26 + 8)
    entry.set(base58Decode(recipient))
    new DataView(entry.buffer).setBigInt64(26, balance)
    const next = new Uint8Array(64)
    next.set(hash)
    next.set(blake2b(entry), 32)
    hash = blake2b(next)
  }
  return base58Encode(hash)
}

/** The dev node keeps no state snapshots to hash: its later blocks carry a hash of their id in the field's place. */
function syntheticStateHash(block: Block): string {
  return base58Encode(blake2b(stringToBytes(`state:${block.id}`)))
}

// --- path segments, read as the node's path matchers read them -----------------------------------------------

/** akka-http IntNumber: decimal digits that fit an Int; anything else leaves the path to the next route (404). */
function intSegment(text: string): number {
  if (!/^\d+$/.test(text)) throw nodeErrors.notFound()
  const n = Number(text)
  if (n > INT_MAX) throw nodeErrors.notFound()
  return n
}

/** akka-http LongNumber: decimal digits that fit a Long. */
function longSegment(text: string): bigint {
  if (!/^\d+$/.test(text)) throw nodeErrors.notFound()
  const n = BigInt(text)
  if (n > MAX_LONG) throw nodeErrors.notFound()
  return n
}

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]*$/

/** Base58.tryDecodeWithLimit's failure text for `text`, or undefined if it decodes. */
function base58Failure(text: string): string | undefined {
  if (text.length > 192) return 'requirement failed: base58Decode input exceeds 192'
  if (BASE58.test(text)) return undefined
  const wrong = [...text].find((c) => !BASE58.test(c))!
  return `requirement failed: Wrong char '${wrong}' in Base58 string '${text}'`
}

/** The node's BlockId segment: base58 of 32 bytes (a block id) or 64 (a signature), else 4002 InvalidBlockId. */
function blockIdSegment(text: string): string {
  const failure = base58Failure(text)
  if (failure !== undefined) throw invalidBlockId(failure)
  const length = base58Decode(text).length
  if (length !== 32 && length !== 64) throw invalidBlockId(`${text} has invalid length ${length}. Length can either be 32 or 64`)
  return text
}

function invalidBlockId(message: string): NodeError {
  return new NodeError(4002, message)
}

/** ApiError.TooBigArrayAllocation without a limit: a range of heights the node refuses. */
function tooBigRange(): NodeError {
  return new NodeError(10, 'Too big sequence requested')
}

/** The node's AddrSegment: a base58 failure is GenericError (199), an address of wrong bytes InvalidAddress (102). */
function addressSegment(text: string, chain: Chain): string {
  const failure = base58Failure(text)
  if (failure !== undefined) throw nodeErrors.custom(failure)
  return checkAddress(text, chain.chainIdByte)
}

// --- the reads of CommonBlocksApi --------------------------------------------------------------------------

/** CommonBlocksApi.fixHeight: 0 (the only height below 1 a path can hold) is the current height. */
function fixHeight(chain: Chain, h: number): number {
  return h <= 0 ? chain.height + h : h
}

/** The heights from..to that seq and address read, or TooBigArrayAllocation outside 0 <= from <= to < from + 100. */
function range(chain: Chain, fromText: string, toText: string): number[] {
  const from = intSegment(fromText)
  const to = intSegment(toText)
  if (!(to - from >= 0 && to - from < BLOCKS_REQUEST_LIMIT)) throw tooBigRange()
  const heights: number[] = []
  for (let h = fixHeight(chain, from); h <= fixHeight(chain, to); h++) {
    if (blockAtHeight(chain, h) === undefined) break
    heights.push(h)
  }
  return heights
}

/** CommonBlocksApi.blockDelay: the mean time between the blocks from `height - max(count, 1)` to `height`, in ms. */
function blockDelay(chain: Chain, block: Block, count: number): number {
  const blocks: Block[] = []
  for (let h = block.height - Math.max(count, 1); h <= block.height; h++) {
    const b = blockAtHeight(chain, h)
    if (b) blocks.push(b)
  }
  const total = blocks.length > 1 ? blocks[blocks.length - 1]!.timestamp - blocks[0]!.timestamp : 0
  return Math.trunc(total / Math.max(blocks.length - 1, 1))
}

/**
 * BlocksApiRoute.heightByTimestamp, step for step: an interpolation search in Long arithmetic whose answer is the
 * node's even where it is not the last block at or before the time; a zero average block time fails with Java's
 * "/ by zero", a broken bound with "requirement failed".
 */
function heightByTimestamp(chain: Chain, target: number): number {
  const timestampOf = (height: number, fallback?: number): number => {
    const block = blockAtHeight(chain, height)
    if (block) return block.timestamp
    if (fallback === undefined) throw nodeErrors.custom('State was altered')
    return fallback
  }
  const divide = (a: number, b: number): number => {
    if (b === 0) throw nodeErrors.custom('/ by zero')
    return Math.trunc(a / b)
  }
  let lower = 1
  let upper = chain.height
  for (;;) {
    const lowerTimestamp = timestampOf(lower)
    const upperTimestamp = timestampOf(upper)
    if (!(lowerTimestamp <= target)) throw nodeErrors.custom('requirement failed')
    const averageBlockTime = divide(upperTimestamp - lowerTimestamp, Math.max(upper - lower, 1))
    const offset = Number(BigInt.asIntN(32, BigInt(divide(target - lowerTimestamp, averageBlockTime))))
    const predicted = Math.min(Math.max(lower + offset, lower), upper)
    const leftHit = timestampOf(predicted) <= target
    const rightHit = timestampOf(predicted + 1, Number.MAX_VALUE) <= target
    let newLower: number
    let newUpper: number
    if (!leftHit) [newLower, newUpper] = [lower, Math.max(predicted - 1, lower)]
    else if (rightHit) [newLower, newUpper] = [Math.min(predicted + 1, upper), upper]
    else [newLower, newUpper] = [predicted, predicted]
    if (newLower === newUpper) return predicted
    lower = newLower
    upper = newUpper
  }
}

export function blockRoutes(router: Router): void {
  const at = (chain: Chain, text: string) => {
    const block = blockAtHeight(chain, intSegment(text))
    if (!block) throw nodeErrors.blockNotFound()
    return block
  }
  const byId = (chain: Chain, text: string) => {
    const block = blockById(chain, blockIdSegment(text))
    if (!block) throw nodeErrors.blockNotFound()
    return block
  }
  router
    .on('GET', '/blocks/height', (_req, chain) => ({ height: chain.height }))
    .on('GET', '/blocks/last', (_req, chain) => fullBlock(chain, lastBlock(chain.state)))
    .on('GET', '/blocks/at/{height}', (req, chain) => fullBlock(chain, at(chain, req.params['height']!)))
    .on('GET', '/blocks/seq/{from}/{to}', (req, chain) =>
      range(chain, req.params['from']!, req.params['to']!).map((h) => fullBlock(chain, blockAtHeight(chain, h)!)),
    )
    .on('GET', '/blocks/delay/{id}/{count}', (req, chain) => {
      const id = blockIdSegment(req.params['id']!)
      const count = intSegment(req.params['count']!)
      if (count > MAX_BLOCKS_FOR_DELAY) throw nodeErrors.tooManyKeys(MAX_BLOCKS_FOR_DELAY)
      const block = blockById(chain, id)
      if (!block) throw nodeErrors.blockNotFound()
      return { delay: blockDelay(chain, block, count) }
    })
    .on('GET', '/blocks/height/{id}', (req, chain) => ({ height: byId(chain, req.params['id']!).height }))
    .on('GET', '/blocks/address/{address}/{from}/{to}', (req, chain) => {
      const address = addressSegment(req.params['address']!, chain)
      const from = intSegment(req.params['from']!)
      const to = intSegment(req.params['to']!)
      if (!(to - from >= 0 && to - from < BLOCKS_REQUEST_LIMIT)) throw tooBigRange()
      const blocks: Record<string, unknown>[] = []
      for (let h = fixHeight(chain, from); h <= fixHeight(chain, to); h++) {
        const block = blockAtHeight(chain, h)
        if (block?.generator === address) blocks.push(fullBlock(chain, block))
      }
      return blocks
    })
    .on('GET', '/blocks/headers/at/{height}', (req, chain) => blockHeader(chain, at(chain, req.params['height']!)))
    .on('GET', '/blocks/headers/seq/{from}/{to}', (req, chain) =>
      range(chain, req.params['from']!, req.params['to']!).map((h) => blockHeader(chain, blockAtHeight(chain, h)!)),
    )
    .on('GET', '/blocks/headers/last', (_req, chain) => blockHeader(chain, lastBlock(chain.state)))
    .on('GET', '/blocks/headers/{id}', (req, chain) => blockHeader(chain, byId(chain, req.params['id']!)))
    .on('GET', '/blocks/heightByTimestamp/{timestamp}', (req, chain) => {
      const timestamp = longSegment(req.params['timestamp']!)
      if (timestamp > BigInt(chain.clock.now())) throw nodeErrors.custom('Indicated timestamp belongs to the future')
      if (timestamp < BigInt(chain.state.blocks[0]?.timestamp ?? 0)) {
        throw nodeErrors.custom('Indicated timestamp is before the start of the blockchain')
      }
      return { height: heightByTimestamp(chain, Number(timestamp)) }
    })
    .on('GET', '/blocks/{id}', (req, chain) => fullBlock(chain, byId(chain, req.params['id']!)))
}

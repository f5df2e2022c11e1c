// The dev node as one in-process object: state, the transaction queue, block production, time,
// snapshots and the journal. The REST API (routes/) and the CLI sit on top of it.
import { address, base58Decode, base58Encode, blake2b, fastSigner, stringToBytes } from '../crypto.ts'
import { DEFAULT_CHAIN_ID, GENESIS_BALANCE, GENESIS_SEED, INITIAL_HEIGHT } from '../constants.ts'
import { compileRide, type Compiled, type RideSource } from '../ride/compile.ts'
import {
  type Block,
  type ChainState,
  type StoredTx,
  applyEffects,
  cloneState,
  emptyState,
  lastBlock,
  recordBalances,
  recordTx,
} from '../state/state.ts'
import { applyTransaction } from './apply.ts'
import { DevClock } from './clock.ts'
import { genesisBlock } from './genesis.ts'
import { Journal, type JournalRecord } from './journal.ts'
import { ScriptCache } from './scripts.ts'
import { printTx, readTransaction, type Tx } from './tx.ts'

export interface GenesisAccount {
  address: string
  amount: bigint
}

/**
 * GenesisTransaction.generateSignature: blake2b256 of the type (4 bytes), timestamp, recipient and amount, twice; the
 * signature is the transaction's id, as on a node (mainnet's first is 2DVtfgXj...QwN8).
 */
export function genesisTxId(recipient: string, amount: bigint, timestamp: number): string {
  const payload = new Uint8Array(4 + 8 + 26 + 8)
  const view = new DataView(payload.buffer)
  view.setInt32(0, 1)
  view.setBigInt64(4, BigInt(timestamp))
  payload.set(base58Decode(recipient), 12)
  view.setBigInt64(38, amount)
  const hash = blake2b(payload)
  const signature = new Uint8Array(64)
  signature.set(hash)
  signature.set(hash, 32)
  return base58Encode(signature)
}

/** The dev node's block generator: its own key, not a seed account (JavaScript signing costs milliseconds a block). */
const BLOCK_SIGNER = fastSigner('waves-devnode block generator')

export interface ChainOptions {
  /** one character; `R` by default, as on a Waves private node */
  chainId?: string
  /** milliseconds between blocks; 0 (the default) makes a block for each transaction */
  blockTime?: number
  /** with `false`, blocks are made only by `mine()` (or the block timer) */
  autoMine?: boolean
  /** keep the chain on disk here; it survives restarts and crashes */
  dataDir?: string
  /** more funded accounts at genesis, beside the rich account of `GENESIS_SEED` */
  genesis?: GenesisAccount[]
  /** the time source (milliseconds); `Date.now` by default */
  clock?: () => number
}

interface Snapshot {
  state: ChainState
  journalSize: number
}

export class Chain {
  readonly chainId: string
  readonly chainIdByte: number
  readonly clock: DevClock
  state: ChainState
  private readonly autoMine: boolean
  private readonly journal: Journal | undefined
  private readonly scripts = new ScriptCache()
  private queue: Promise<unknown> = Promise.resolve()
  private readonly pending = new Map<string, Promise<Record<string, unknown>>>()
  /** each pending transaction as read, in the order they came (printed only when asked for) */
  private readonly pendingTxs = new Map<string, Tx>()
  private readonly snapshots: Snapshot[] = []
  private readonly generator: string

  constructor(options: ChainOptions = {}) {
    this.chainId = options.chainId ?? DEFAULT_CHAIN_ID
    if (this.chainId.length !== 1) throw new Error(`chain id must be one character, got '${this.chainId}'`)
    this.generator = address({ publicKey: BLOCK_SIGNER.publicKey }, this.chainId)
    this.chainIdByte = this.chainId.charCodeAt(0)
    this.clock = new DevClock(options.clock)
    this.autoMine = options.autoMine ?? !(options.blockTime && options.blockTime > 0)
    this.state = emptyState(this.chainId)
    if (options.dataDir) {
      const { journal, records } = Journal.open(options.dataDir)
      this.journal = journal
      for (const record of records) this.replay(record)
    }
    if (this.state.blocks.length === 0) this.genesis(options.genesis ?? [])
  }

  get height(): number {
    return this.state.blocks.length
  }

  /** Transactions accepted but not yet applied. */
  get unconfirmedCount(): number {
    return this.pending.size
  }

  isPending(id: string): boolean {
    return this.pending.has(id)
  }

  /** The transactions accepted but not yet applied (the node's UTX pool), as broadcast, oldest first. */
  unconfirmed(): Record<string, unknown>[] {
    return [...this.pendingTxs.values()].map((tx) => printTx(tx))
  }

  /**
   * Validates, evaluates and applies a signed transaction (JSON as broadcast); resolves with the
   * transaction as the node prints it, or rejects with the node's error. The same id twice is applied once.
   */
  broadcast(json: unknown): Promise<Record<string, unknown>> {
    let tx
    try {
      tx = readTransaction(json, this.chainIdByte, (sender) => this.state.scripts.get(sender)?.hasVerifier === true)
    } catch (e) {
      return Promise.reject(e)
    }
    const inFlight = this.pending.get(tx.id)
    if (inFlight) return inFlight
    const id = tx.id
    const applied = this.serially(async () => {
      const journalSize = this.journal?.size()
      const opened = this.autoMine ? this.openBlock() : undefined
      try {
        const result = await applyTransaction(this.applyContext(), tx)
        recordTx(this.state, id, result.stored, result.addresses)
        recordBalances(this.state, result.effects)
        this.journal?.append({ t: 'tx', id, tx: result.stored, effects: result.effects, addresses: result.addresses })
        return result.stored.json
      } catch (e) {
        if (opened) {
          this.state.blocks.pop()
          if (journalSize !== undefined) this.journal?.truncate(journalSize)
        }
        throw e
      }
    })
    this.pending.set(id, applied)
    this.pendingTxs.set(id, tx)
    const forget = () => {
      this.pending.delete(id)
      this.pendingTxs.delete(id)
    }
    applied.then(forget, forget)
    return applied
  }

  /** Closes the current block and opens the next one. */
  mine(): Promise<Block> {
    return this.serially(async () => this.openBlock())
  }

  setTime(ms: number): void {
    this.clock.setTime(ms)
  }

  /** Saves the whole chain; `revert(id)` brings it back (and drops later snapshots). */
  snapshot(): Promise<number> {
    return this.serially(async () => {
      this.snapshots.push({ state: cloneState(this.state), journalSize: this.journal?.size() ?? 0 })
      return this.snapshots.length - 1
    })
  }

  revert(id: number): Promise<void> {
    return this.serially(async () => {
      const snapshot = this.snapshots[id]
      if (!snapshot) throw new Error(`no snapshot ${id}`)
      this.snapshots.length = id
      this.state = cloneState(snapshot.state)
      this.journal?.truncate(snapshot.journalSize)
    })
  }

  /** Compiles RIDE with the official compiler (the compile routes); the runtime needs only the bytes. */
  compile(source: RideSource): Compiled {
    return compileRide(source)
  }

  tx(id: string): StoredTx | undefined {
    return this.state.txs.get(id)
  }

  close(): void {
    this.journal?.close()
  }

  private applyContext() {
    return { state: this.state, chainId: this.chainIdByte, scripts: this.scripts }
  }

  /**
   * Resolves when the transactions and blocks queued so far are done. Readers wait for it, so that nobody
   * sees a transaction half applied (its block opened, its fee taken, its script still running), as on
   * a node, where a block's transactions and its height arrive together.
   */
  settled(): Promise<void> {
    return this.queue.then(() => undefined)
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private openBlock(timestamp = Math.max(this.clock.now(), lastBlock(this.state).timestamp + 1)): Block {
    const block = this.makeBlock(timestamp)
    this.state.blocks.push(block)
    this.journal?.append({ t: 'block', block: withoutTxs(block) })
    return block
  }

  private makeBlock(timestamp: number): Block {
    const height = this.state.blocks.length + 1
    const reference = this.state.blocks[height - 2]?.id ?? base58Encode(new Uint8Array(32))
    const header = stringToBytes(`${reference}:${height}:${timestamp}`)
    const id = base58Encode(blake2b(header))
    return {
      height,
      timestamp,
      id,
      reference,
      generator: this.generator,
      generatorPublicKey: BLOCK_SIGNER.publicKey,
      generationSignature: base58Encode(blake2b(stringToBytes(id))),
      signature: BLOCK_SIGNER.sign(header),
      txIds: [],
      totalFee: 0n,
    }
  }

  private genesis(extra: GenesisAccount[]): void {
    const start = this.clock.now() - INITIAL_HEIGHT * 60_000
    const accounts = [{ address: address(GENESIS_SEED, this.chainId), amount: GENESIS_BALANCE }, ...extra]
    const first = genesisBlock(this.chainId, start, accounts)
    this.state.blocks.push(first)
    this.journal?.append({ t: 'block', block: withoutTxs(first) })
    accounts.forEach((account) => {
      const id = genesisTxId(account.address, account.amount, start)
      const json = { type: 1, id, fee: 0n, timestamp: start, signature: id, recipient: account.address, amount: account.amount }
      const effects = { balances: [[account.address, '', account.amount] as [string, string, bigint]], data: [] }
      const stored: StoredTx = { json, height: 1, applicationStatus: 'succeeded' }
      applyEffects(this.state, effects)
      recordTx(this.state, id, stored, [account.address])
      recordBalances(this.state, effects)
      this.journal?.append({ t: 'tx', id, tx: stored, effects, addresses: [account.address] })
    })
    for (let h = 2; h <= INITIAL_HEIGHT; h++) this.openBlock(start + (h - 1) * 60_000)
  }

  private replay(record: JournalRecord): void {
    switch (record.t) {
      case 'block':
        this.state.blocks.push({ ...record.block, txIds: [], totalFee: 0n })
        break
      case 'tx':
        applyEffects(this.state, record.effects)
        recordTx(this.state, record.id, record.tx, record.addresses)
        recordBalances(this.state, record.effects)
        break
      case 'source':
        // journals written before the engine ran compiled bytes kept sources; nothing needs them now
        break
    }
  }
}

function withoutTxs(block: Block): Omit<Block, 'txIds' | 'totalFee'> {
  const { txIds: _txIds, totalFee: _totalFee, ...rest } = block
  return rest
}

// The chain's state as plain, cloneable data: no HTTP, no clock, no RIDE here.

export type DataType = 'integer' | 'string' | 'boolean' | 'binary'

/** A data entry as the node stores it; binary values are kept as the node prints them, `base64:...`. */
export interface DataEntry {
  key: string
  type: DataType
  value: bigint | string | boolean
}

/** A data write: an entry, or a deletion (`type: null`). */
export type DataWrite = DataEntry | { key: string; type: null; value: null }

/** What SetScript records of a script: read from its bytes and estimated, whoever compiled it. */
export interface ScriptFacts {
  /** base64 of the compiled script, without the `base64:` prefix */
  base64: string
  complexity: number
  verifierComplexity: number
  callableComplexities: Record<string, number>
  isDApp: boolean
  hasVerifier: boolean
  stdLibVersion: number
}

export interface AccountScript extends ScriptFacts {
  publicKey: string
}

export interface Asset {
  assetId: string
  issuer: string
  issuerPublicKey: string
  name: string
  description: string
  decimals: number
  quantity: bigint
  reissuable: boolean
  issueHeight: number
  issueTimestamp: number
  originTransactionId: string
  /** SponsorFee: the asset fee worth 0.001 WAVES; absent or null when not sponsored */
  minSponsoredAssetFee?: bigint | null
  /** the asset's script (Issue with a script, SetAssetScript); absent or null without one */
  script?: AssetScript | null
  /** the height of the last UpdateAssetInfo (the node's AssetInfo.lastUpdatedAt); absent: the issue height */
  lastUpdatedHeight?: number
}

/** An asset script as the chain keeps it: its bytes (base64, no prefix) and its complexity (the estimator's). */
export interface AssetScript {
  base64: string
  complexity: number
}

/** A lease as the node keeps it (LeaseDetails) and prints it (LeaseInfo in the node's OpenAPI). */
export interface Lease {
  id: string
  originTransactionId: string
  sender: string
  recipient: string
  amount: bigint
  height: number
  status: 'active' | 'canceled'
  cancelHeight?: number
  cancelTransactionId?: string
}

export interface Block {
  height: number
  timestamp: number
  id: string
  reference: string
  generator: string
  generatorPublicKey: string
  generationSignature: string
  signature: string
  txIds: string[]
  totalFee: bigint
}

export type ApplicationStatus = 'succeeded' | 'script_execution_failed'

export interface StoredTx {
  /** the transaction as the node prints it (amounts as bigint), without height */
  json: Record<string, unknown>
  height: number
  applicationStatus: ApplicationStatus
  /** complexity its scripts spent (verifier, dApp calls), as the node records it in TxMeta; absent is 0 */
  spentComplexity?: number
  /** invoke results in the node's `stateChanges` shape */
  stateChanges?: Record<string, unknown>
}

/** WAVES is the empty asset id in balance maps. */
export const WAVES = ''

export interface ChainState {
  chainId: string
  /** address -> asset id (WAVES = '') -> balance */
  balances: Map<string, Map<string, bigint>>
  data: Map<string, Map<string, DataEntry>>
  scripts: Map<string, AccountScript>
  assets: Map<string, Asset>
  txs: Map<string, StoredTx>
  /** address -> ids of its transactions, oldest first */
  addressTxs: Map<string, string[]>
  blocks: Block[]
  /** alias name (without `alias:R:`) -> address */
  aliases?: Map<string, string>
  /** lease id -> lease, active or canceled */
  leases?: Map<string, Lease>
  /** address -> its WAVES balance after each block that changed it, oldest first (the node's balance history) */
  wavesHistory?: Map<string, BalanceSnapshot[]>
  /** `address|assetId` -> [height, balance] after each block that changed an asset balance, oldest first */
  assetHistory?: Map<string, [number, bigint][]>
  /**
   * The chain's `min-asset-info-update-interval` (FunctionalitySettings.minAssetInfoUpdateInterval), in blocks: how long
   * after its issue or last update an asset's name and description may change. Absent: 2, as on the Waves private node
   * (chain/update-asset-info.ts).
   */
  minAssetInfoUpdateInterval?: number
  /** order id -> what exchanges have filled of it so far (the node's VolumeAndFee): amount and matcher fee */
  orderFills?: Map<string, { volume: bigint; fee: bigint }>
}

/** An address's WAVES from `height` on, until the next snapshot (the node's BalanceSnapshot), in wavelets. */
export interface BalanceSnapshot {
  height: number
  regular: bigint
  leaseIn: bigint
  leaseOut: bigint
}

export function emptyState(chainId: string): ChainState {
  return {
    chainId,
    balances: new Map(),
    data: new Map(),
    scripts: new Map(),
    assets: new Map(),
    txs: new Map(),
    addressTxs: new Map(),
    blocks: [],
    aliases: new Map(),
    leases: new Map(),
  }
}

export function cloneState(state: ChainState): ChainState {
  return structuredClone(state)
}

export function balanceOf(state: ChainState, address: string, asset: string = WAVES): bigint {
  return state.balances.get(address)?.get(asset) ?? 0n
}

export function height(state: ChainState): number {
  return state.blocks.length
}

export function lastBlock(state: ChainState): Block {
  const block = state.blocks[state.blocks.length - 1]
  if (!block) throw new Error('the chain has no blocks')
  return block
}

/**
 * The changes one transaction makes, applied all at once or not at all.
 * Also the unit of the on-disk log: replaying effects rebuilds the state without re-running scripts.
 */
export interface Effects {
  /** [address, asset, delta] */
  balances: [string, string, bigint][]
  data: [string, DataWrite][]
  script?: [string, AccountScript | null]
  asset?: Asset
  /** CreateAlias: [name, address] */
  alias?: [string, string]
  /** Lease or LeaseCancel: the lease as it is after the transaction */
  lease?: Lease
  /** assets an invoke's actions issued or changed, each as it is after the transaction, in order */
  assets?: Asset[]
  /** leases an invoke's actions created or canceled, each as it is after the transaction, in order */
  leases?: Lease[]
  /** Exchange: the fills of its two orders as they are after the transaction */
  orderFills?: [string, { volume: bigint; fee: bigint }][]
}

export function emptyEffects(): Effects {
  return { balances: [], data: [] }
}

/** Sum of each (address, asset) delta, in first-seen order. */
export function netBalances(effects: Effects): [string, string, bigint][] {
  const sums = new Map<string, [string, string, bigint]>()
  for (const [address, asset, delta] of effects.balances) {
    const key = `${address}|${asset}`
    const prev = sums.get(key)
    sums.set(key, [address, asset, (prev?.[2] ?? 0n) + delta])
  }
  return [...sums.values()]
}

/** Applies effects without checks; callers validate first. */
export function applyEffects(state: ChainState, effects: Effects): void {
  for (const [address, asset, delta] of effects.balances) {
    let account = state.balances.get(address)
    if (!account) state.balances.set(address, (account = new Map()))
    account.set(asset, (account.get(asset) ?? 0n) + delta)
  }
  for (const [address, write] of effects.data) {
    let entries = state.data.get(address)
    if (!entries) state.data.set(address, (entries = new Map()))
    if (write.type === null) entries.delete(write.key)
    else entries.set(write.key, write)
  }
  if (effects.script) {
    const [address, script] = effects.script
    if (script) state.scripts.set(address, script)
    else state.scripts.delete(address)
  }
  if (effects.asset) state.assets.set(effects.asset.assetId, effects.asset)
  if (effects.alias) (state.aliases ??= new Map()).set(effects.alias[0], effects.alias[1])
  if (effects.lease) (state.leases ??= new Map()).set(effects.lease.id, effects.lease)
  for (const asset of effects.assets ?? []) state.assets.set(asset.assetId, asset)
  for (const lease of effects.leases ?? []) (state.leases ??= new Map()).set(lease.id, lease)
  for (const [orderId, fill] of effects.orderFills ?? []) (state.orderFills ??= new Map()).set(orderId, fill)
}

/** Leased in and out of `address` by active leases, in wavelets (the node's LeaseBalance). */
export function leaseBalance(state: ChainState, address: string): { in: bigint; out: bigint } {
  let leaseIn = 0n
  let leaseOut = 0n
  for (const lease of state.leases?.values() ?? []) {
    if (lease.status !== 'active') continue
    if (lease.recipient === address) leaseIn += lease.amount
    if (lease.sender === address) leaseOut += lease.amount
  }
  return { in: leaseIn, out: leaseOut }
}

/**
 * WAVES balance details as wavesBalance() gives them in a script and /addresses/balance/details prints them, in
 * wavelets: available = regular - leased out, effective = regular - leased out + leased in, and generating as
 * GeneratingBalanceProvider.balance reads it with Light Node (WavesEnvironment over the running transaction's
 * snapshot): the least effective balance of the last 1,000 blocks and of the state as it is now. Outside a
 * transaction the latest snapshot is the state.
 */
export function wavesBalanceDetails(state: ChainState, address: string): { regular: bigint; available: bigint; effective: bigint; generating: bigint } {
  const regular = balanceOf(state, address)
  const lease = leaseBalance(state, address)
  const effective = regular - lease.out + lease.in
  const available = regular - lease.out
  const least = effectiveBalanceOver(state, address, GENERATING_BALANCE_DEPTH)
  return { regular, available, effective, generating: effective < least ? effective : least }
}

/** GeneratingBalanceProvider.SecondDepth: the generating balance is the least effective balance of 1,000 blocks. */
export const GENERATING_BALANCE_DEPTH = 1000

const NO_BALANCE: BalanceSnapshot = { height: 0, regular: 0n, leaseIn: 0n, leaseOut: 0n }

/**
 * The snapshots in effect at some height of [from, to] (RocksDBWriter.balanceSnapshots): the one in effect at `from`
 * (zeros before the address's first change) and every later one up to `to`, oldest first. Read from the newest back,
 * so a long history costs only the blocks asked for.
 */
export function balanceSnapshots(state: ChainState, address: string, from: number, to: number): BalanceSnapshot[] {
  const history = state.wavesHistory?.get(address) ?? []
  const later: BalanceSnapshot[] = []
  let i = history.length - 1
  for (; i >= 0 && history[i]!.height > from; i--) if (history[i]!.height <= to) later.push(history[i]!)
  later.push(i >= 0 ? history[i]! : NO_BALANCE)
  return later.reverse()
}

/**
 * Blockchain.effectiveBalance(address, confirmations): the least effective balance (regular + leased in - leased out)
 * of the last `confirmations` blocks, this one included (0 confirmations: this block's), in wavelets.
 */
export function effectiveBalanceOver(state: ChainState, address: string, confirmations: number): bigint {
  const h = height(state)
  const from = Math.min(Math.max(h - confirmations + 1, 1), h)
  let least: bigint | undefined
  for (const s of balanceSnapshots(state, address, from, h)) {
    const effective = s.regular + s.leaseIn - s.leaseOut
    if (least === undefined || effective < least) least = effective
  }
  return least!
}


/** The address an alias name points to, if claimed. */
export function resolveAlias(state: ChainState, name: string): string | undefined {
  return state.aliases?.get(name)
}

export function recordTx(state: ChainState, id: string, tx: StoredTx, addresses: Iterable<string>): void {
  state.txs.set(id, tx)
  const block = lastBlock(state)
  block.txIds.push(id)
  block.totalFee += BigInt(tx.json['fee'] as bigint | number)
  for (const address of new Set(addresses)) {
    let ids = state.addressTxs.get(address)
    if (!ids) state.addressTxs.set(address, (ids = []))
    ids.push(id)
  }
}

/**
 * Keeps the balance history the node keeps (RocksDBWriter's balance and lease-balance nodes): after a transaction's
 * effects apply, one snapshot per block of every address whose WAVES, lease or asset balance they touched.
 */
export function recordBalances(state: ChainState, effects: Effects): void {
  const at = height(state)
  const waves = new Set<string>()
  for (const [address, asset] of effects.balances) {
    if (asset === WAVES) waves.add(address)
    else {
      const key = `${address}|${asset}`
      const history = (state.assetHistory ??= new Map()).get(key) ?? []
      if (history.length === 0) state.assetHistory.set(key, history)
      const last = history[history.length - 1]
      const balance = balanceOf(state, address, asset)
      if (last?.[0] === at) last[1] = balance
      else history.push([at, balance])
    }
  }
  for (const lease of [...(effects.lease ? [effects.lease] : []), ...(effects.leases ?? [])]) {
    waves.add(lease.sender)
    waves.add(lease.recipient)
  }
  for (const address of waves) {
    const history = (state.wavesHistory ??= new Map()).get(address) ?? []
    if (history.length === 0) state.wavesHistory.set(address, history)
    const leased = leaseBalance(state, address)
    const snapshot = { height: at, regular: balanceOf(state, address), leaseIn: leased.in, leaseOut: leased.out }
    if (history[history.length - 1]?.height === at) history[history.length - 1] = snapshot
    else history.push(snapshot)
  }
}

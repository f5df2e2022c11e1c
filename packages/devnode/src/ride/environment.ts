// What a script may read of the chain (the node's lang/v1/traits/Environment.scala), behind one interface. The dev
// node implements it over state/; tests implement it over fixtures. Addresses, ids and keys are raw bytes here, as
// scripts see them; nothing here is async: the chain is in memory.
import type { StdlibVersion } from './versions.ts'
import type { CaseObj, Value } from './values.ts'

export type EntryType = 'integer' | 'string' | 'boolean' | 'binary'
export type EntryValue = bigint | string | boolean | Uint8Array

export interface AssetDescription {
  id: Uint8Array
  quantity: bigint
  decimals: number
  issuer: Uint8Array
  issuerPublicKey: Uint8Array
  reissuable: boolean
  scripted: boolean
  /** the sponsor's minimal fee in asset units, or null when not sponsored */
  minSponsoredFee: bigint | null
  name: string
  description: string
}

export interface BlockDescription {
  timestamp: bigint
  height: number
  baseTarget: bigint
  generationSignature: Uint8Array
  generator: Uint8Array
  generatorPublicKey: Uint8Array
  /** VRF (V4+ scripts see it from block version 5) or null */
  vrf: Uint8Array | null
  /** block reward shares, address bytes and wavelets (V7+ `rewards`); absent = none */
  rewards?: readonly { address: Uint8Array; reward: bigint }[]
}

export interface BalanceDetails {
  available: bigint
  regular: bigint
  generating: bigint
  effective: bigint
}

/** What `invoke`/`reentrantInvoke` asks of the chain; the answer is the callee's result value (V5+). */
export interface InvokeRequest {
  dApp: Uint8Array
  function: string
  args: readonly Value[]
  payments: readonly { assetId: Uint8Array | null; amount: bigint }[]
  reentrant: boolean
  /** complexity left for the callee */
  remaining: number
  /** told what the callee spent, before the call returns or throws: the caller pays it (the node's Extended functions) */
  spend?(complexity: number): void
}

export interface Environment {
  /** the chain id byte ('R' = 82 for the dev node) */
  readonly chainId: number
  readonly height: number
  /** `this`: the account or the asset whose script runs */
  readonly thisAddress: Uint8Array | null
  readonly thisAsset: Uint8Array | null
  /** `tx` for expression scripts and verifiers (the node's Bindings.transactionObject), or null in callables */
  readonly tx: CaseObj | null
  /** `lastBlock` (V3+) */
  lastBlock(): BlockDescription
  /**
   * The id of the transaction being executed (the outer invoke in nested calls): the parent of calculateAssetId and
   * calculateLeaseId (the node's Environment.txId). Absent where no transaction runs.
   */
  readonly txId?: Uint8Array

  data(address: Uint8Array, key: string, type: EntryType): EntryValue | null
  /** whether the account has no data entries at all (isDataStorageUntouched, V5+) */
  isDataStorageUntouched(address: Uint8Array): boolean
  /** balance in wavelets or asset units; assetId null = WAVES */
  balance(address: Uint8Array, assetId: Uint8Array | null): bigint
  wavesBalanceDetails(address: Uint8Array): BalanceDetails
  assetInfo(assetId: Uint8Array): AssetDescription | null
  blockInfoByHeight(height: number): BlockDescription | null
  transactionHeightById(id: Uint8Array): number | null
  /** a TransferTransaction object as a script sees it (Bindings.transferTransactionObject), or null */
  transferTransactionById(id: Uint8Array, version: StdlibVersion): CaseObj | null
  /** the address an alias names, or null when no such alias */
  resolveAlias(alias: string): Uint8Array | null
  /** blake2b-256 of the account's script bytes, or null without a script (scriptHash, V5+) */
  accountScriptHash(address: Uint8Array): Uint8Array | null
  /** a dApp-to-dApp call (V5+); throws RideError with the node's text when the chain refuses it */
  invoke(request: InvokeRequest): Value
  /** any transaction as a V1/V2 script sees it (transactionById, Bindings.transactionObject), or null */
  transactionById?(id: Uint8Array, version: StdlibVersion): CaseObj | null
}

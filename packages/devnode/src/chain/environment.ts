// What a script may read of the dev node's chain: ride/environment.ts over state/ (the node's WavesEnvironment over its
// Blockchain). Reads see the state as it is when the script runs, payments of the running invoke included. Addresses
// and ids arrive as bytes and are looked up by their base58 text, as state/ keys them.
import { base58Decode, base58Encode, blake2b } from '../crypto.ts'
import type { AssetDescription, BalanceDetails, BlockDescription, Environment, EntryType, EntryValue, InvokeRequest } from '../ride/environment.ts'
import type { CaseObj, Value } from '../ride/values.ts'
import { RideError } from '../ride/values.ts'
import type { StdlibVersion } from '../ride/versions.ts'
import { readTransaction } from './tx.ts'
import { txObject } from './verifier.ts'
import { type Block, type ChainState, WAVES, balanceOf, resolveAlias, wavesBalanceDetails } from '../state/state.ts'

/** The base target every dev node block carries (routes/blocks.ts prints the same). */
const BASE_TARGET = 60n

export interface ChainEnvironmentOptions {
  /** the chain id byte ('R' = 82) */
  chainId: number
  /** the account whose script runs (base58), or null for an asset script */
  thisAddress: string | null
  /** the asset whose script runs (base58), or null */
  thisAsset?: string | null
  /** `tx` of verifiers and asset scripts */
  tx?: CaseObj | null
  /** the id (base58) of the transaction being applied: the parent of calculateAssetId and calculateLeaseId */
  txId?: string
  /** dApp-to-dApp calls (chain/invoke.ts); without it `invoke` fails */
  invoke?: (request: InvokeRequest) => Value
}

/** Blocks as scripts see them, decoded once: base58 decoding is most of what reading `lastBlock` costs. */
const described = new WeakMap<Block, BlockDescription>()

function blockDescription(block: Block): BlockDescription {
  let description = described.get(block)
  if (description === undefined) described.set(block, (description = describe(block)))
  return description
}

function describe(block: Block): BlockDescription {
  const signature = base58Decode(block.generationSignature)
  return {
    timestamp: BigInt(block.timestamp),
    height: block.height,
    baseTarget: BASE_TARGET,
    generationSignature: signature,
    generator: base58Decode(block.generator),
    generatorPublicKey: base58Decode(block.generatorPublicKey),
    // blocks are version 5: their VRF is what /blocks prints as VRF
    vrf: signature,
  }
}

function entryValue(stored: { type: string; value: bigint | string | boolean }): EntryValue {
  if (stored.type === 'binary') return Uint8Array.from(Buffer.from((stored.value as string).slice('base64:'.length), 'base64'))
  return stored.value
}

/** An Environment over `state`, read live: what the running transaction already changed is visible. */
export function chainEnvironment(state: ChainState, options: ChainEnvironmentOptions): Environment {
  const self = options.thisAddress === null ? null : base58Decode(options.thisAddress)
  // most reads are of the running script's own account: its text is known
  const text = (bytes: Uint8Array) => (self !== null && options.thisAddress !== null && sameBytes(bytes, self) ? options.thisAddress : base58Encode(bytes))
  return {
    ...(options.txId === undefined ? {} : { txId: base58Decode(options.txId) }),
    chainId: options.chainId,
    get height() {
      return state.blocks.length
    },
    thisAddress: self,
    thisAsset: options.thisAsset ? base58Decode(options.thisAsset) : null,
    tx: options.tx ?? null,
    lastBlock: () => blockDescription(state.blocks[state.blocks.length - 1]!),
    data(address: Uint8Array, key: string, type: EntryType) {
      const entry = state.data.get(text(address))?.get(key)
      // an entry of another type reads as absent (WavesEnvironment.data filters by type)
      return entry === undefined || entry.type !== type ? null : entryValue(entry)
    },
    isDataStorageUntouched: (address: Uint8Array) => (state.data.get(text(address))?.size ?? 0) === 0,
    balance: (address: Uint8Array, assetId: Uint8Array | null) => balanceOf(state, text(address), assetId === null ? WAVES : text(assetId)),
    wavesBalanceDetails(address: Uint8Array): BalanceDetails {
      return wavesBalanceDetails(state, text(address))
    },
    assetInfo(assetId: Uint8Array): AssetDescription | null {
      const asset = state.assets.get(text(assetId))
      if (asset === undefined) return null
      return {
        id: assetId,
        quantity: asset.quantity,
        decimals: asset.decimals,
        issuer: base58Decode(asset.issuer),
        issuerPublicKey: base58Decode(asset.issuerPublicKey),
        reissuable: asset.reissuable,
        scripted: asset.script != null,
        minSponsoredFee: asset.minSponsoredAssetFee ?? null,
        name: asset.name,
        description: asset.description,
      }
    },
    blockInfoByHeight(height: number) {
      const block = state.blocks[height - 1]
      return block === undefined ? null : blockDescription(block)
    },
    transactionHeightById(id: Uint8Array) {
      const tx = state.txs.get(text(id))
      return tx === undefined || tx.applicationStatus !== 'succeeded' ? null : tx.height
    },
    transactionById(id: Uint8Array, version: StdlibVersion) {
      // WavesEnvironment.transactionById (V1/V2 scripts): any succeeded transaction the dev node can describe
      const stored = state.txs.get(text(id))
      if (stored === undefined || stored.applicationStatus !== 'succeeded' || stored.json['type'] === 1) return null
      return txObject(readTransaction(stored.json, options.chainId, () => true), version, options.thisAsset == null)
    },
    transferTransactionById(id: Uint8Array, version: StdlibVersion) {
      // WavesEnvironment.transferTransactionById: a transfer in the state (Functions.transferTxByIdF); asset scripts
      // see it without proofs.
      const stored = state.txs.get(text(id))
      if (stored === undefined || stored.applicationStatus !== 'succeeded' || stored.json['type'] !== 4) return null
      const tx = readTransaction(stored.json, options.chainId, () => true)
      return txObject(tx, version, options.thisAsset == null)
    },
    resolveAlias(alias: string) {
      const address = resolveAlias(state, alias)
      return address === undefined ? null : base58Decode(address)
    },
    accountScriptHash(address: Uint8Array) {
      const script = state.scripts.get(text(address))
      return script === undefined ? null : blake2b(Uint8Array.from(Buffer.from(script.base64, 'base64')))
    },
    invoke(request: InvokeRequest) {
      if (options.invoke === undefined) throw new RideError('dApp-to-dApp invoke runs only in a callable of an invoke transaction')
      return options.invoke(request)
    },
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

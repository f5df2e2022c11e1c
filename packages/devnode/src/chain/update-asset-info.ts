// UpdateAssetInfo (type 17, version 1): the issuer renames an asset and rewrites its description, at most once per
// `min-asset-info-update-interval` blocks (node: UpdateAssetInfoTxValidator, AssetTransactionsDiffs.updateInfo).
import { NodeError, nodeErrors } from '../errors.ts'
import type { Asset, ChainState, Effects } from '../state/state.ts'
import type { Tx } from './tx.ts'

type UpdateAssetInfo = Extract<Tx, { type: 17 }>

/**
 * FunctionalitySettings.minAssetInfoUpdateInterval, in blocks, where no configuration sets
 * `min-asset-info-update-interval` (custom-defaults.conf does not).
 */
export const NODE_MIN_ASSET_INFO_UPDATE_INTERVAL = 100_000
/**
 * The dev node's interval, in blocks: 2, as the Waves private node image (docker/private/waves.custom.conf, chain R, the
 * rich genesis account of GENESIS_SEED) configures it, so that suites written against that node run unchanged.
 */
export const DEFAULT_MIN_ASSET_INFO_UPDATE_INTERVAL = 2
/** IssueTransaction.MinAssetNameLength / MaxAssetNameLength / MaxAssetDescriptionLength, in UTF-8 bytes. */
export const MIN_ASSET_NAME_BYTES = 4
export const MAX_ASSET_NAME_BYTES = 16
export const MAX_ASSET_DESCRIPTION_BYTES = 1_000

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

/**
 * UpdateAssetInfoTxValidator, checked when the transaction is read: the name of 4 to 16 bytes (111 `invalid name`),
 * the description of at most 1,000 bytes (10 `Too big sequence requested`).
 */
export function checkAssetInfo(tx: UpdateAssetInfo): void {
  const name = utf8Length(tx.name)
  if (name < MIN_ASSET_NAME_BYTES || name > MAX_ASSET_NAME_BYTES) throw new NodeError(111, 'invalid name')
  if (utf8Length(tx.description) > MAX_ASSET_DESCRIPTION_BYTES) throw nodeErrors.tooBigSequence()
}

/** The height from which `asset` may be updated again, and the interval that gives it. */
export function nextUpdateHeight(state: ChainState, asset: Asset): { height: number; interval: number } {
  const interval = state.minAssetInfoUpdateInterval ?? DEFAULT_MIN_ASSET_INFO_UPDATE_INTERVAL
  return { height: (asset.lastUpdatedHeight ?? asset.issueHeight) + interval, interval }
}

/**
 * AssetTransactionsDiffs.updateInfo in its order: the asset exists and `tx` comes from its issuer (DiffsCommon
 * .validateAsset), the interval since the issue or the last update has passed, the fee is in WAVES (since RideV6).
 * Each refusal is a GenericError through `fail`. Puts the renamed asset, updated at the current height, in `effects`.
 */
export function applyUpdateAssetInfo(state: ChainState, tx: UpdateAssetInfo, effects: Effects, fail: (reason: string) => never): void {
  const asset = state.assets.get(tx.assetId)
  if (asset === undefined) return fail('Referenced assetId not found')
  if (asset.issuer !== tx.sender) return fail('Asset was issued by other address')
  const current = state.blocks.length
  const next = nextUpdateHeight(state, asset)
  if (current < next.height) {
    fail(
      `Can't update info of asset with id=${tx.assetId} before ${next.height} block, ` +
        `current height=${current}, minUpdateInfoInterval=${next.interval}`,
    )
  }
  if (tx.feeAssetId !== null) {
    fail(`Invalid fee asset: ${tx.feeAssetId}, only Waves can be used to pay fees for UpdateAssetInfoTransaction`)
  }
  effects.asset = { ...asset, name: tx.name, description: tx.description, lastUpdatedHeight: current }
}

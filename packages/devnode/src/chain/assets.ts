// Smart assets (node: Verifier.assets, FeeValidation.feeAfterSmartTokens, Transaction.smartAssets): an asset issued
// with a script runs it for every transaction that names the asset, after the transaction's own checks, on the state
// before it. The script sees `tx` without proofs and `this` as the asset.
import { SCRIPT_EXTRA_FEE } from '../constants.ts'
import { NodeError, nodeErrors } from '../errors.ts'
import { base58Decode, base58Encode } from '../crypto.ts'
import { runVerifier } from '../ride/evaluate/dapp.ts'
import { transactionObject } from '../ride/stdlib/bindings.ts'
import { checkSetScript, ScriptRefused } from '../ride/script/checks.ts'
import type { Asset, AssetScript, ChainState } from '../state/state.ts'
import type { ApplyContext } from './apply.ts'
import { chainEnvironment } from './environment.ts'
import { FAILURE_CAUSE, FailedInvoke, failsAfter } from './failed.ts'
import type { CaseObj, Value } from '../ride/values.ts'
import type { StdlibVersion } from '../ride/versions.ts'
import type { Tx } from './tx.ts'
import { txObject } from './verifier.ts'
import { exchangeAssets, matcherFeeAssets } from './exchange.ts'

const scriptOf = (state: ChainState, assetId: string): AssetScript | null => state.assets.get(assetId)?.script ?? null

/**
 * The assets a transaction names (the node's checkedAssets), in order. An invoke names each payment's asset, so an
 * asset paid twice is judged twice (InvokeScriptLike.checkedAssets keeps repeats).
 */
function checkedAssets(tx: Tx): string[] {
  switch (tx.type) {
    case 4:
    case 11:
      return tx.assetId === null ? [] : [tx.assetId]
    case 5:
    case 6:
    case 14:
    case 15:
    case 17:
      return [tx.assetId]
    case 16:
      return tx.payment.flatMap((p) => (p.assetId === null ? [] : [p.assetId]))
    case 7:
      return exchangeAssets(tx)
    default:
      return []
  }
}

/** The scripted assets of `tx`: their scripts run for it, in order. */
export function smartAssets(state: ChainState, tx: Tx): string[] {
  return checkedAssets(tx).filter((asset) => scriptOf(state, asset) !== null)
}

/**
 * The estimated complexity of the scripts of an invoke's paid assets (InvokeScriptTransactionDiff's
 * paymentsComplexity): a failure of the call's own script counts it on top of what the call spent.
 */
export function paymentsComplexity(state: ChainState, tx: Extract<Tx, { type: 16 }>): number {
  return smartAssets(state, tx).reduce((sum, asset) => sum + scriptOf(state, asset)!.complexity, 0)
}

/**
 * FeeValidation.feeAfterSmartTokens: +0.004 WAVES per scripted asset the transaction names (none for invokes since
 * SynchronousCalls: their scripted payments are paid through the invoke's own fee rule). Returns the extra fee and
 * the node's requirement text, or null.
 */
export function smartAssetsExtraFee(state: ChainState, tx: Tx): { extra: bigint; requirement: string } | null {
  const count = tx.type === 16 ? 0 : smartAssets(state, tx).length
  if (count === 0) return null
  const extra = BigInt(count) * SCRIPT_EXTRA_FEE
  return { extra, requirement: `Transaction involves ${count} scripted assets. Requires ${extra} extra fee` }
}

/** The script an Issue carries, checked as an asset script (the node's texts, as SetScript words them). */
export function issueScript(ctx: ApplyContext, script: string, fail: (reason: string) => never): AssetScript {
  const base64 = script.slice('base64:'.length)
  try {
    const checked = checkSetScript(Uint8Array.from(Buffer.from(base64, 'base64')), 'asset')
    ctx.scripts.remember(base64, checked.script)
    return { base64, complexity: checked.complexity.complexity }
  } catch (e) {
    if (!(e instanceof ScriptRefused)) throw e
    if (e.stage === 'parse') throw nodeErrors.custom(`ScriptParseError(${e.message})`)
    if (e.stage === 'validation') throw nodeErrors.custom(e.message)
    return fail(e.message)
  }
}

/**
 * The header every pseudo transaction of an invoke carries (Bindings.scriptTransfer, mapReissuePseudoTx,
 * mapBurnPseudoTx, mapInvokePseudoTx): the invoke's id and timestamp, fee 0, version 0, sent by `sender`, no body
 * bytes, no proofs.
 */
function pseudoHeader(ctx: ApplyContext, tx: Extract<Tx, { type: 16 }>, sender: string) {
  const key = ctx.state.scripts.get(sender)?.publicKey
  return {
    id: base58Decode(tx.id),
    fee: 0n,
    timestamp: BigInt(tx.timestamp),
    version: 0,
    sender: base58Decode(sender),
    senderPublicKey: key === undefined ? new Uint8Array(32) : base58Decode(key),
    bodyBytes: new Uint8Array(),
    proofs: [],
    feeAssetId: null,
  }
}

/** Runs the script of `assetId` over the transaction `describe` builds for the script's version, `this` the asset. */
function judgeByAsset(ctx: ApplyContext, txId: string, assetId: string, stored: AssetScript, describe: (version: StdlibVersion) => CaseObj) {
  const script = ctx.scripts.get(stored.base64)
  const tx$ = describe(script.version)
  const env = chainEnvironment(ctx.state, { chainId: ctx.chainId, thisAddress: null, thisAsset: assetId, tx: tx$, txId })
  return runVerifier(script, tx$, { env, asset: true })
}

/**
 * An action of a dApp on a scripted asset judged by its script (InvokeDiffsCommon.validatePseudoTxWithSmartAssetScript):
 * the complexity its run spent (evaluated, as the node stores it since SynchronousCalls: storeEvaluatedComplexity) and,
 * when it refuses, the text of FailedTransactionError.notAllowedByAssetInAction / assetExecutionInAction (code 3).
 */
function checkActionOnAsset(
  ctx: ApplyContext,
  tx: Extract<Tx, { type: 16 }>,
  assetId: string,
  describe: (version: StdlibVersion) => CaseObj,
): { complexity: number; text?: string } {
  const stored = scriptOf(ctx.state, assetId)
  if (stored === null) return { complexity: 0 }
  const outcome = judgeByAsset(ctx, tx.id, assetId, stored, describe)
  if (outcome.ok && outcome.allowed) return { complexity: outcome.complexity }
  const reason = outcome.ok ? '' : `: ${outcome.error.message}`
  return { complexity: outcome.complexity, text: `Transaction is not allowed by script of the asset ${assetId}${reason}` }
}

/** A ScriptTransfer of a scripted asset, judged as a pseudo TransferTransaction sent by the dApp. */
export function checkScriptTransfer(
  ctx: ApplyContext,
  tx: Extract<Tx, { type: 16 }>,
  dApp: string,
  transfer: { address: string; asset: string | null; amount: bigint },
): { complexity: number; text?: string } {
  const asset = transfer.asset
  if (asset === null) return { complexity: 0 }
  return checkActionOnAsset(ctx, tx, asset, (version) =>
    transactionObject(
      {
        ...pseudoHeader(ctx, tx, dApp),
        type: 4,
        assetId: base58Decode(asset),
        amount: transfer.amount,
        recipient: { address: base58Decode(transfer.address) },
        attachment: new Uint8Array(),
      },
      version,
      false,
    ),
  )
}

/** A Reissue or Burn action on a scripted asset, judged as a pseudo transaction sent by the dApp. */
export function checkAssetAction(
  ctx: ApplyContext,
  tx: Extract<Tx, { type: 16 }>,
  dApp: string,
  action: { type: 5; assetId: string; quantity: bigint; reissuable: boolean } | { type: 6; assetId: string; quantity: bigint },
): { complexity: number; text?: string } {
  return checkActionOnAsset(ctx, tx, action.assetId, (version) => {
    const header = pseudoHeader(ctx, tx, dApp)
    const assetId = base58Decode(action.assetId)
    return transactionObject(
      action.type === 5
        ? { ...header, type: 5, assetId, quantity: action.quantity, reissuable: action.reissuable }
        : { ...header, type: 6, assetId, quantity: action.quantity },
      version,
      false,
    )
  })
}

/**
 * InvokeScriptDiff's payments of a dApp-to-dApp call in scripted assets: each asset's script judges a pseudo
 * InvokeScriptTransaction (Bindings.mapInvokePseudoTx: the transaction's id and timestamp, fee 0, version 0, sent by
 * the calling dApp, no body bytes, no proofs) before the callee runs. Returns the complexity spent and, on a refusal,
 * the text the calling dApp fails with.
 */
export function checkCallPayments(
  ctx: ApplyContext,
  tx: Extract<Tx, { type: 16 }>,
  caller: string,
  call: { dApp: string; function: string; args: readonly Value[]; payments: readonly { assetId: Uint8Array | null; amount: bigint }[] },
): { complexity: number; text?: string } {
  let complexity = 0
  for (const payment of call.payments) {
    if (payment.assetId === null) continue
    const assetId = base58Encode(payment.assetId)
    const stored = scriptOf(ctx.state, assetId)
    if (stored === null) continue
    const outcome = judgeByAsset(ctx, tx.id, assetId, stored, (version) =>
      transactionObject(
        {
          ...pseudoHeader(ctx, tx, caller),
          type: 16,
          dApp: { address: base58Decode(call.dApp) },
          function: call.function,
          args: call.args,
          payments: call.payments,
        },
        version,
        false,
      ),
    )
    complexity += outcome.complexity
    if (outcome.ok && outcome.allowed) continue
    // the caller reads the failure as Functions.callDAppF passes it on: a script error as its own text, a refusal
    // (an error without a text) as the FailedTransactionError's toString
    if (!outcome.ok) return { complexity, text: outcome.error.message }
    return { complexity, text: `FailedTransactionError(code = ${FAILURE_CAUSE.assetScript}, error = Transaction is not allowed by script of the asset ${assetId})` }
  }
  return { complexity }
}

/** DiffsCommon.processSponsor: after the issuer check, a scripted asset cannot be sponsored. */
export function refuseSmartSponsorship(state: ChainState, assetId: string, fail: (reason: string) => never): void {
  if (scriptOf(state, assetId) !== null) fail('Sponsorship smart assets is disabled.')
}

/**
 * AssetTransactionsDiffs.setAssetScript: the issuer replaces the script of an asset issued with one. The asset's
 * current script still judges the transaction (verifyAssets). Returns the asset with its new script.
 */
export function setAssetScript(ctx: ApplyContext, tx: Extract<Tx, { type: 15 }>, fail: (reason: string) => never): Asset {
  const asset = ctx.state.assets.get(tx.assetId)
  if (asset === undefined) return fail('Referenced assetId not found')
  if (asset.issuer !== tx.sender) return fail('Asset was issued by other address')
  const script = issueScript(ctx, tx.script, fail)
  if (asset.script == null) return fail('Cannot set script on an asset issued without a script')
  return { ...asset, script }
}

/** A refusal of an asset script: the asset, and the script's error or null when it answered false. */
export interface AssetRefusal {
  assetId: string
  error: string | null
}

/**
 * Verifier.assets: the scripts of `assets`, in order, each over the transaction as `describe` builds it for the
 * script's version (without proofs), with `this` as the asset, on the state as it is. Returns the complexity spent:
 * the evaluated complexity of the scripts that allowed, plus the estimate of the one that refused; and that refusal.
 */
export function judgeAssets(
  ctx: ApplyContext,
  assets: readonly string[],
  txId: string,
  describe: (version: StdlibVersion) => CaseObj,
): { complexity: number; refused?: AssetRefusal } {
  let complexity = 0
  for (const assetId of assets) {
    const stored = scriptOf(ctx.state, assetId)
    if (stored === null) continue
    const outcome = judgeByAsset(ctx, txId, assetId, stored, describe)
    if (outcome.ok && outcome.allowed) {
      complexity += outcome.complexity
      continue
    }
    return { complexity: complexity + stored.complexity, refused: { assetId, error: outcome.ok ? null : outcome.error.message } }
  }
  return { complexity }
}

/** The text of FailedTransactionError.notAllowedByAsset / assetExecution (code 4) for a refusal. */
export const assetRefusalText = (refused: AssetRefusal): string =>
  `Transaction is not allowed by script of the asset ${refused.assetId}${refused.error === null ? '' : `: ${refused.error}`}`

/**
 * Verifier.assets for `tx` (judgeAssets). A refusal is 308 "Transaction is not allowed by token-script", a failure 306
 * "Error while executing token-script: ...". An invoke's payments fail the invoke instead
 * (FailedTransactionError.notAllowedByAsset / assetExecution, code 4) with the complexity of the scripts that passed
 * (evaluated), the estimate of the one that refused, and `spent` (the call's) before them: stored as failed when that
 * and the sender's `verifier` complexity pass 1,000 (TransactionDiffer adds the verifier before isFailFree), otherwise
 * refused as a token-script error with that text.
 *
 * What the scripts spend on a transaction that passes is not the transaction's: the node records in TxMeta only
 * what its own diff spent (NewTransactionInfo.create of the transaction's snapshot, without the verifier's and the
 * asset scripts' that TransactionDiffer adds around it), so a transfer of a scripted asset records 0.
 */
export function verifyAssets(ctx: ApplyContext, tx: Tx, json: Record<string, unknown>, spent = 0, verifier = 0): void {
  // an exchange's matcher fee assets are judged after the pair's (Verifier.assets' additional assets)
  const extra = tx.type === 7 ? matcherFeeAssets(tx).filter((asset) => scriptOf(ctx.state, asset) !== null) : []
  const judged = judgeAssets(ctx, [...smartAssets(ctx.state, tx), ...extra], tx.id, (version) => txObject(tx, version, false))
  const refused = judged.refused
  if (refused === undefined) return
  if (tx.type === 16 || tx.type === 7) {
    const text = assetRefusalText(refused)
    const total = spent + judged.complexity
    // an exchange may fail as an invoke does (TransactionDiffer.transactionMayFail)
    if (failsAfter(total + verifier)) throw new FailedInvoke(text, total, FAILURE_CAUSE.assetScript)
    throw new NodeError(306, `Error while executing token-script: ${text}`, 400, { transaction: json })
  }
  if (refused.error === null) throw new NodeError(308, 'Transaction is not allowed by token-script', 400, { transaction: json })
  throw new NodeError(306, `Error while executing token-script: ${refused.error}`, 400, { transaction: json })
}

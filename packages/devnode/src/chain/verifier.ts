// Account scripts where a node runs them (Verifier.apply, ScriptRunner): after the common checks and the fee, before
// the transaction's own effects. The script judges the proofs; an account without one must carry exactly one proof,
// its signature.
import { base58Decode } from '../crypto.ts'
import { nodeErrors, NodeError } from '../errors.ts'
import { runVerifier } from '../ride/evaluate/dapp.ts'
import { transactionObject, type DataEntryDescription, type Recipient, type TransactionDescription } from '../ride/stdlib/bindings.ts'
import type { StdlibVersion } from '../ride/versions.ts'
import type { CaseObj, Value } from '../ride/values.ts'
import type { DataWrite } from '../state/state.ts'
import type { ApplyContext } from './apply.ts'
import { chainEnvironment } from './environment.ts'
import { bodyBytes, isSigned, type CallArg, type Tx } from './tx.ts'
import { describeExchange } from './exchange.ts'

/** A call argument as the value a callable or a script's `tx.args` receives (the node's EVALUATED constants). */
export function callArgValue(arg: CallArg): Value {
  switch (arg.type) {
    case 'integer':
    case 'string':
    case 'boolean':
    case 'binary':
      return arg.value
    case 'list':
      return arg.value.map(callArgValue)
  }
}

const bytes = (base58: string) => base58Decode(base58)
const optionalBytes = (base58: string | null) => (base58 === null ? null : base58Decode(base58))
const scriptBytes = (script: string | null) => (script === null ? null : Uint8Array.from(Buffer.from(script.slice('base64:'.length), 'base64')))

/** `alias:R:name` or an address, as the transaction names it (aliases are not resolved: a script sees the Alias). */
function recipientOf(recipient: string): Recipient {
  return recipient.startsWith('alias:') ? { alias: recipient.slice('alias:R:'.length) } : { address: base58Decode(recipient) }
}

function dataEntry(write: DataWrite): DataEntryDescription {
  if (write.type === null) return { key: write.key, type: null }
  if (write.type === 'binary') return { key: write.key, type: 'binary', value: scriptBytes(write.value as string)! }
  return { key: write.key, type: write.type, value: write.value as bigint | string | boolean }
}

/** The dev node's transaction as ride/stdlib/bindings.ts describes it for `tx` (Bindings.transactionObject's input). */
export function describeTx(tx: Tx): TransactionDescription {
  const proven = {
    id: bytes(tx.id),
    fee: tx.fee,
    timestamp: BigInt(tx.timestamp),
    version: tx.version,
    sender: bytes(tx.sender),
    senderPublicKey: bytes(tx.senderPublicKey),
    bodyBytes: bodyBytes(tx),
    proofs: tx.proofs.map(bytes),
  }
  switch (tx.type) {
    case 3:
      return { ...proven, type: 3, name: tx.name, description: tx.description, quantity: tx.quantity, decimals: tx.decimals, reissuable: tx.reissuable, script: scriptBytes(tx.script) }
    case 4:
      return {
        ...proven,
        type: 4,
        feeAssetId: optionalBytes(tx.feeAssetId),
        assetId: optionalBytes(tx.assetId),
        amount: tx.amount,
        recipient: recipientOf(tx.recipient),
        attachment: base58Decode(tx.attachment),
      }
    case 5:
      return { ...proven, type: 5, assetId: bytes(tx.assetId), quantity: tx.quantity, reissuable: tx.reissuable }
    case 6:
      return { ...proven, type: 6, assetId: bytes(tx.assetId), quantity: tx.amount }
    case 8:
      return { ...proven, type: 8, amount: tx.amount, recipient: recipientOf(tx.recipient) }
    case 9:
      return { ...proven, type: 9, leaseId: bytes(tx.leaseId) }
    case 10:
      return { ...proven, type: 10, alias: tx.alias }
    case 11:
      return {
        ...proven,
        type: 11,
        assetId: optionalBytes(tx.assetId),
        transfers: tx.transfers.map((t) => ({ recipient: recipientOf(t.recipient), amount: t.amount })),
        attachment: base58Decode(tx.attachment),
      }
    case 12:
      return { ...proven, type: 12, data: tx.data.map(dataEntry) }
    case 13:
      return { ...proven, type: 13, script: scriptBytes(tx.script) }
    case 15:
      return { ...proven, type: 15, assetId: bytes(tx.assetId), script: scriptBytes(tx.script) }
    case 14:
      return { ...proven, type: 14, assetId: bytes(tx.assetId), minSponsoredAssetFee: tx.minSponsoredAssetFee }
    case 16:
      return {
        ...proven,
        type: 16,
        dApp: recipientOf(tx.dApp),
        feeAssetId: optionalBytes(tx.feeAssetId),
        function: tx.call?.function ?? 'default',
        args: (tx.call?.args ?? []).map(callArgValue),
        payments: tx.payment.map((p) => ({ assetId: optionalBytes(p.assetId), amount: p.amount })),
      }
    case 17:
      return { ...proven, type: 17, assetId: bytes(tx.assetId), name: tx.name, description: tx.description }
    case 7:
      return { ...proven, ...describeExchange(tx) }
  }
}

/**
 * `tx` as a script of `version` sees it. Scripts of V1 and V2 know no InvokeScriptTransaction, yet a node hands them
 * one (Bindings builds it whatever the version): it is built as V3 shows it.
 */
export function txObject(tx: Tx, version: StdlibVersion, proofs: boolean): CaseObj {
  return transactionObject(describeTx(tx), tx.type === 16 && version < 3 ? 3 : version, proofs)
}

/** The node's text for an account without a verifier and a proof count other than one (Proven.verifyFirstProof). */
const ONE_PROOF = 'Transactions from non-scripted accounts must have exactly 1 proof'

/**
 * Verifier.apply for the sender of `tx`: an account without a script, or a dApp without `@Verifier`, needs exactly one
 * proof that is its signature; an account with a verifier runs it (limit 2,000, ContractLimits
 * .MaxAccountVerifierComplexityByVersion). Throws 307 "Transaction is not allowed by account-script" when the script
 * returns false and 306 "Error while executing account-script: ..." when it fails. Returns the complexity spent.
 */
export function verifySender(ctx: ApplyContext, tx: Tx, json: Record<string, unknown>): number {
  const facts = ctx.state.scripts.get(tx.sender)
  if (facts === undefined || !facts.hasVerifier) {
    if (tx.proofs.length !== 1) {
      // a dApp without a verifier answers through ScriptRunner, as a script error
      if (facts !== undefined) throw nodeErrors.accountScript(json, ONE_PROOF)
      throw nodeErrors.stateCheckFailed(json, ONE_PROOF)
    }
    // the verifier was removed after the transaction was read: its signature was not checked then
    if (!isSigned(tx)) throw nodeErrors.invalidSignature()
    return 0
  }
  const script = ctx.scripts.get(facts.base64)
  const tx$ = txObject(tx, script.version, true)
  const env = chainEnvironment(ctx.state, { chainId: ctx.chainId, thisAddress: tx.sender, tx: tx$, txId: tx.id })
  const outcome = runVerifier(script, tx$, { env })
  if (!outcome.ok) throw nodeErrors.accountScript(json, outcome.error.message)
  if (!outcome.allowed) throw new NodeError(307, 'Transaction is not allowed by account-script', 400, { transaction: json })
  return outcome.complexity
}

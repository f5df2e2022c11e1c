// What a node 1.5.7 (every feature active) checks of a script before SetScript, SetAssetScript or Issue takes it:
// that it reads (ScriptReader), the transaction validators (SetScriptTxValidator, SetAssetScriptTxValidator,
// IssueTxValidator), the activation rules (CommonValidation.disallowBeforeActivationTime), then the diffs
// (SetScriptTransactionDiff, AssetTransactionsDiffs, DiffsCommon.countVerifierComplexity) with the complexity limits
// of ContractLimits. Fees, balances and the asset's issuer are the chain's business, not this module's.
import type { Script } from '../terms.ts'
import { RideError } from '../values.ts'
import type { StdlibVersion } from '../versions.ts'
import { stdlib } from '../stdlib/index.ts'
import { estimateScript, estimateVerifier, stdlibCosts, type FunctionCosts, type ScriptComplexity } from './estimator.ts'
import { readScript } from './reader.ts'

/** ContractLimits.MaxExprSizeInBytes: expression scripts, of accounts and of assets */
export const MAX_EXPR_SIZE = 8 * 1024
/** ContractLimits.MaxContractSizeInBytesV6: dApps once RideV6 is active, whatever their stdlib version */
export const MAX_CONTRACT_SIZE = 160 * 1024
/** ContractLimits.MaxAccountVerifierComplexityByVersion (BlockV5 active: the reduced verifier limit) */
export const MAX_ACCOUNT_VERIFIER_COMPLEXITY = 2000

/** ContractLimits.MaxComplexityByVersion: asset scripts */
export function maxAssetComplexity(version: StdlibVersion): number {
  return version <= 2 ? 2000 : 4000
}

/** ContractLimits.MaxCallableComplexityByVersion: each callable of a dApp */
export function maxCallableComplexity(version: StdlibVersion): number {
  return version <= 4 ? 4000 : version === 5 ? 10000 : 52000
}

/**
 * Where the node refuses, which decides how its REST API words the refusal:
 * - `parse`: the script's bytes (ScriptParseError) — error 199, `ScriptParseError(<message>)`;
 * - `validation`: the transaction's validator (GenericError) — error 199, `<message>`;
 * - `state`: the activation rules and the diff — error 112, `State check failed. Reason: <message>`.
 */
export type RefusalStage = 'parse' | 'validation' | 'state'

/** A script a node would not set; `message` is the node's text, `stage` says how its REST API wraps it. */
export class ScriptRefused extends RideError {
  constructor(
    message: string,
    readonly stage: RefusalStage,
  ) {
    super(message)
    this.name = 'ScriptRefused'
  }
}

export interface CheckSetScriptOptions {
  /** The cost of each built-in per version, for the estimator: the engine's stdlib table unless given. */
  costs?: (version: StdlibVersion) => FunctionCosts
  /**
   * Refuse scripts of stdlib V1-V3, as a node does once the LightNode feature (22) is active: `ActivationError(Script
   * version below V4 is not allowed after Light Node feature activation)`. Off by default: the dev node keeps the old
   * versions settable, as a private node's users (Surfboard suites of V3 dApps) expect.
   */
  refuseBelowV4?: boolean
}

export interface CheckedScript {
  script: Script
  /** what the node stores for the script and prints at /addresses/scriptInfo */
  complexity: ScriptComplexity
}

/**
 * Checks script bytes as a node does before setting them on an account (SetScript) or an asset (SetAssetScript,
 * Issue with a script); returns the script and its complexities.
 *
 * @throws ScriptRefused with the node's text, first failing check first:
 *   - parse: every readScript text (`Invalid checksum`, `Script is too large: N bytes > 163840 bytes` ...);
 *   - validation: `Asset can only be assigned with Expression script, not Contract`; `Union type is not allowed in
 *     callable function arguments of script` (dApps of V6 and later), or the meta's own error;
 *   - state: `ActivationError(Script version below V4 ...)` (with refuseBelowV4); `Script is too large: N bytes >
 *     8192 bytes` (expressions); estimator errors; `Contract function (name) is too complex: N > 52000`; `Contract
 *     verifier is too complex: N > 2000`; `Script is too complex: N > 2000` (account expressions) or `> 4000`
 *     (asset scripts of V3 and later; 2000 for V1-V2).
 */
export function checkSetScript(bytes: Uint8Array, target: 'account' | 'asset', options: CheckSetScriptOptions = {}): CheckedScript {
  let script: Script
  try {
    script = readScript(bytes)
  } catch (e) {
    if (e instanceof RideError) throw new ScriptRefused(e.message, 'parse')
    throw e
  }

  if (target === 'asset' && script.kind === 'dapp') {
    throw new ScriptRefused('Asset can only be assigned with Expression script, not Contract', 'validation')
  }
  if (script.kind === 'dapp' && script.version >= 6) {
    if (script.meta.typesError !== undefined) throw new ScriptRefused(script.meta.typesError, 'validation')
    const hasUnion = script.meta.callableArgTypes.some((types) =>
      types.some((t) => (typeof t !== 'string' && 'list' in t ? typeof t.list !== 'string' : typeof t !== 'string')),
    )
    if (hasUnion) throw new ScriptRefused('Union type is not allowed in callable function arguments of script', 'validation')
  }

  if (options.refuseBelowV4 === true && script.version < 4) {
    throw new ScriptRefused('ActivationError(Script version below V4 is not allowed after Light Node feature activation)', 'state')
  }

  const state = (message: string) => new ScriptRefused(message, 'state')
  const sizeLimit = script.kind === 'expression' ? MAX_EXPR_SIZE : MAX_CONTRACT_SIZE
  // an asset script's size is checked after its complexity (SetAssetScript's order), an account's before
  const checkSize = () => {
    if (bytes.length > sizeLimit) throw state(`Script is too large: ${bytes.length} bytes > ${sizeLimit} bytes`)
  }
  if (target === 'account') checkSize()

  const costs = (options.costs ?? engineCosts)(script.version)
  const estimate = <T>(run: () => T): T => {
    try {
      return run()
    } catch (e) {
      if (e instanceof RideError) throw state(e.message)
      throw e
    }
  }

  let complexity: ScriptComplexity
  if (script.kind === 'dapp') {
    // the callables first, without the verifier (SetScriptTransactionDiff.estimate), then the verifier
    // (DiffsCommon.countVerifierComplexity)
    const dApp = script
    const callables = estimate(() => estimateScript({ ...dApp, verifier: null }, costs)).callableComplexities
    const limit = maxCallableComplexity(script.version)
    const max = Math.max(0, ...Object.values(callables))
    // the node names the first of the most complex callables
    const worst = Object.entries(callables).find(([, c]) => c === max)
    if (worst !== undefined && max > limit) throw state(`Contract function (${worst[0]}) is too complex: ${max} > ${limit}`)
    const verifierComplexity = estimate(() => estimateVerifier(dApp, costs))
    complexity = { complexity: Math.max(max, verifierComplexity), verifierComplexity, callableComplexities: callables }
    if (script.verifier !== null && complexity.verifierComplexity > MAX_ACCOUNT_VERIFIER_COMPLEXITY) {
      throw state(`Contract verifier is too complex: ${complexity.verifierComplexity} > ${MAX_ACCOUNT_VERIFIER_COMPLEXITY}`)
    }
  } else {
    const expression = script
    complexity = estimate(() => estimateScript(expression, costs))
    const limit = target === 'account' ? MAX_ACCOUNT_VERIFIER_COMPLEXITY : maxAssetComplexity(script.version)
    if (complexity.complexity > limit) throw state(`Script is too complex: ${complexity.complexity} > ${limit}`)
  }
  if (target === 'asset') checkSize()
  return { script, complexity }
}

/** The estimator's costs from the engine's stdlib table. */
export function engineCosts(version: StdlibVersion): FunctionCosts {
  return stdlibCosts(stdlib(version))
}

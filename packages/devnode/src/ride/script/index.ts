// ride/script: what a node does with script bytes before anything runs them (see README.md). The engine and the
// chain import from here.
export { base64Decode, readScriptBase64, scriptBytesFromBase64 } from './base64.ts'
export {
  checkSetScript,
  engineCosts,
  maxAssetComplexity,
  maxCallableComplexity,
  MAX_ACCOUNT_VERIFIER_COMPLEXITY,
  MAX_CONTRACT_SIZE,
  MAX_EXPR_SIZE,
  ScriptRefused,
  type CheckedScript,
  type CheckSetScriptOptions,
  type RefusalStage,
} from './checks.ts'
export {
  annotatedFunctionExpr,
  EstimationError,
  estimateExpr,
  estimateScript,
  estimateVerifier,
  NODE_ESTIMATOR,
  stdlibCosts,
  verifierContainsSyncCall,
  type EstimatorFlags,
  type FunctionCosts,
  type ScriptComplexity,
} from './estimator.ts'
export { argTypeName } from './meta.ts'
export { readScript, readScriptHeader, secureHash, type ScriptHeader } from './reader.ts'

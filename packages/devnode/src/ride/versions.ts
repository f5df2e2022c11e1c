// Stdlib versions (the node's StdLibVersion ids) and the limits that depend on them.

export type StdlibVersion = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

export const STDLIB_VERSIONS: readonly StdlibVersion[] = [1, 2, 3, 4, 5, 6, 7, 8]

export function isStdlibVersion(n: number): n is StdlibVersion {
  return Number.isInteger(n) && n >= 1 && n <= 8
}

/**
 * A node 1.5.7 has every feature active, so the flags that features switch on are constant here:
 * EvaluatorV2 runs in `newMode` (RideV6: references, conditions and getters cost nothing; a user function that spends
 * nothing costs 1; a built-in user function costs its table cost, not its body's), with `correctFunctionCallScope`
 * (the estimator-sum-overflow fix), `fixedThrownError`, `fixUnicodeFunctions` and `useNewPowPrecision`, for scripts
 * of every stdlib version (node: EvaluatorFixProvider, ScriptRunner.applyGeneric).
 */
export const EVALUATOR_NEW_MODE = true

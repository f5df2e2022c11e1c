// Test helpers for the PureContext family tests: call an entry of a family by id or name at a stdlib version, and
// read its value or the node's error text. Used only by tests.
import type { Environment } from '../packages/devnode/src/ride/environment.ts'
import type { Expr } from '../packages/devnode/src/ride/terms.ts'
import { type Value, CaseObj, RideBigInt, RideError, caseObj } from '../packages/devnode/src/ride/values.ts'
import type { StdlibVersion } from '../packages/devnode/src/ride/versions.ts'
import type { NativeFunction, StdlibEntry, UserFunction } from '../packages/devnode/src/ride/stdlib/types.ts'

type Callable = NativeFunction | UserFunction

/** The entry of `family` serving `version` under a native id or a user function name. */
export function entry(family: readonly StdlibEntry[], key: number | string, version: StdlibVersion): Callable {
  const found = family.filter(
    (e): e is Callable =>
      (e.kind === 'native' && e.id === key) || (e.kind === 'user' && typeof key === 'string' && e.name === key),
  )
  const serving = found.filter((e) => e.costs[version] !== undefined)
  if (serving.length !== 1) throw new Error(`${serving.length} entries for ${key} at V${version}`)
  return serving[0]!
}

/** Applies the entry; a RideError comes back as `{ error }` with the node's text. */
export function call(
  family: readonly StdlibEntry[],
  key: number | string,
  version: StdlibVersion,
  args: readonly Value[],
  argExprs?: readonly Expr[],
): Value | { error: string } {
  const fn = entry(family, key, version)
  try {
    const ctx = { version, env: {} as Environment, remaining: 1_000_000 }
    if (fn.kind === 'native') return fn.apply(args, ctx)
    if (!('apply' in fn)) throw new Error(`${fn.name} is a body, not an implementation`)
    return fn.apply(args, ctx, argExprs)
  } catch (e) {
    if (e instanceof RideError) return { error: e.message }
    throw e
  }
}

/** The rounding case objects scripts pass (DOWN, HALFUP ...). */
export const round = (name: string): CaseObj => caseObj(name, {})
export const bi = (n: bigint | number): RideBigInt => new RideBigInt(BigInt(n))
export const LONG_MAX = 9223372036854775807n
export const LONG_MIN = -9223372036854775808n

/** What a failing built-in user function reports in ctx.spent: its node body's spend up to the error. */
export function spentOnFailure(
  family: readonly StdlibEntry[],
  key: string,
  version: StdlibVersion,
  args: readonly Value[],
): number | undefined {
  const fn = entry(family, key, version)
  if (fn.kind !== 'user' || !('apply' in fn)) throw new Error(`${key} is no directly implemented user function`)
  const ctx: { version: StdlibVersion; env: Environment; remaining: number; spent?: number } = {
    version,
    env: {} as Environment,
    remaining: 1_000_000,
  }
  try {
    fn.apply(args, ctx)
  } catch (e) {
    if (e instanceof RideError) return ctx.spent
    throw e
  }
  throw new Error(`${key} did not fail`)
}

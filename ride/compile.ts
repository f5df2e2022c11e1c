// Compiles a RIDE file with @waves/ride-js, resolving its `{-# IMPORT ... #-}` libraries from disk.
// Used by the dev node, the deploy command and the tests. Node only: ride-js never enters a browser bundle.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'

// ride-js is CommonJS and assigns `module.exports` as a whole, so ESM named imports cannot see it.
const ride: typeof import('@waves/ride-js') = createRequire(import.meta.url)('@waves/ride-js')

/** The newest estimator ride-js 2.3.0 accepts (4 is refused: "must be not greater than 3"). */
export const ESTIMATOR_VERSION = 3

export interface CompiledRide {
  /** The file's text as read. */
  source: string
  /** Import name as written in the directive (e.g. `../affiliate-lib.ride`) to the library's text. */
  libraries: Record<string, string>
  /** The compiled script, as a SetScript transaction carries it (without the `base64:` prefix). */
  base64: string
  /** Bytes of the compiled script. */
  size: number
  /** The largest complexity over the callables and the verifier. */
  complexity: number
  callableComplexities: Record<string, number>
  /** 0 when the script has no verifier. */
  verifierComplexity: number
}

/** The imports of `code`, by name as written. */
function importsOf(code: string, file: string): string[] {
  const info = ride.scriptInfo(code)
  if ('error' in info) throw new Error(`${file}: ${info.error}`)
  return info.imports
}

/**
 * The dApp `code` without its `@Verifier` function, which must come last (what follows it is dropped). The deploy
 * sets this first, so that the account's key can configure the dApp before the verifier binds it.
 */
export function stripVerifier(code: string): string {
  const at = code.search(/^@Verifier\(/m)
  return at < 0 ? code : code.slice(0, at)
}

/**
 * Reads `file`, loads its libraries (names resolved against the importing file's folder, recursively),
 * and compiles as the node's `/utils/script/compileWithImports` does: estimator 3, unused code kept, so the
 * bytes equal what a node compiles from the same source. `withoutVerifier` compiles it without its `@Verifier`.
 * @throws Error with the compiler's message.
 * @example compileRide('ride/affiliate.ride').callableComplexities.fund
 */
export function compileRide(file: string, options: { withoutVerifier?: boolean } = {}): CompiledRide {
  const text = readFileSync(file, 'utf8')
  const source = options.withoutVerifier ? stripVerifier(text) : text
  const libraries: Record<string, string> = {}
  const pending = importsOf(source, file).map((name) => ({ name, from: file }))
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    if (next.name in libraries) continue
    const path = resolve(dirname(next.from), next.name)
    const text = readFileSync(path, 'utf8')
    libraries[next.name] = text
    pending.push(...importsOf(text, path).map((name) => ({ name, from: path })))
  }
  const compiled = ride.compile(source, ESTIMATOR_VERSION, false, false, libraries)
  if ('error' in compiled) throw new Error(`${file}: ${compiled.error}`)
  const { result } = compiled
  // ride-js 2.3.0 returns `callableComplexities`; its typings still say `callableComplexity`.
  const callableComplexities = (result as { callableComplexities?: Record<string, number> }).callableComplexities ?? {}
  return {
    source,
    libraries,
    base64: result.base64,
    size: result.size,
    complexity: result.complexity,
    callableComplexities,
    verifierComplexity: result.verifierComplexity ?? 0,
  }
}

// Compiling RIDE with @waves/ride-js for the compile routes (/utils/script/compileCode, compileWithImports), which
// stay on the official compiler. The runtime never needs a script's source: it runs the compiled bytes.
import ride from '@waves/ride-js'
import { nodeErrors } from '../errors.ts'

/** A script's source and the libraries its IMPORT directive names. */
export interface RideSource {
  source: string
  libraries: Record<string, string>
}

/** What the compile routes print of a compiled script. */
export interface Compiled {
  /** base64 of the compiled script, without the `base64:` prefix */
  base64: string
  size: number
  complexity: number
  verifierComplexity: number
  callableComplexities: Record<string, number>
}

/** Compiles as the node's compileWithImports does (estimator V3, unused code kept); throws the node's error 305. */
export function compileRide({ source, libraries }: RideSource): Compiled {
  return compileWithPrefix(source, libraries, false, '')
}

/** The version a source without STDLIB_VERSION gets on a node where RIDE V5 is active (UtilsApiRoute.defaultStdlibVersion). */
export const DEFAULT_STDLIB_VERSION = 5

/**
 * Compiles as the node's compile routes do: `compact` renames declarations (compileCode `?compact=true`), and a source
 * that names no STDLIB_VERSION is compiled as V5 (the official compiler alone would take V3). Error positions are the
 * source's own. Throws the node's error 305.
 */
export function compileForNode({ source, libraries }: RideSource, options: { compact?: boolean } = {}): Compiled {
  const named = /\{-#\s*STDLIB_VERSION\b/.test(source)
  return compileWithPrefix(source, libraries, options.compact ?? false, named ? '' : `{-# STDLIB_VERSION ${DEFAULT_STDLIB_VERSION} #-}\n`)
}

/** The official compiler on `prefix + source`, with error positions shifted back to the source's own. */
function compileWithPrefix(source: string, libraries: RideSource['libraries'], compact: boolean, prefix: string): Compiled {
  const shift = (message: string) =>
    prefix === '' ? message : message.replace(/\bin (\d+)-(\d+)/g, (_m, a: string, b: string) => `in ${Math.max(Number(a) - prefix.length, 0)}-${Math.max(Number(b) - prefix.length, 0)}`)
  let result
  try {
    result = ride.compile(prefix + source, 3, compact, false, libraries)
  } catch (e) {
    throw nodeErrors.compilation(shift(e instanceof Error ? e.message : String(e)))
  }
  if ('error' in result) throw nodeErrors.compilation(shift(String(result.error)))
  const info = ride.scriptInfo(prefix + source)
  const isDApp = 'contentType' in info && info.contentType === 2
  const compiled = result.result
  return {
    base64: compiled.base64,
    size: compiled.size,
    complexity: compiled.complexity,
    verifierComplexity: compiled.verifierComplexity ?? (isDApp ? 0 : compiled.complexity),
    callableComplexities: (compiled as { callableComplexities?: Record<string, number> }).callableComplexities ?? {},
  }
}

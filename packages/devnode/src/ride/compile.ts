// Compiling RIDE with @waves/ride-js, and turning a dApp's source into a program the REPL evaluates.
import ride from '@waves/ride-js'
import { nodeErrors } from '../errors.ts'
import type { ScriptFacts } from '../state/state.ts'

/** A script's source as the dev node keeps it: compiled bytes alone cannot be evaluated by the REPL. */
export interface RideSource {
  source: string
  libraries: Record<string, string>
}

export interface Compiled extends ScriptFacts {
  size: number
}

interface ParsedAnnotatedFunc {
  posStart: number
  posEnd: number
  annList: { name: { value: string }; argList: { value: string }[] }[]
  func: {
    posStart: number
    name: { value: string; posEnd: number }
    argList: { argName: { value: string }; type: unknown }[]
  }
}

export function compileRide({ source, libraries }: RideSource): Compiled {
  let result
  try {
    result = ride.compile(source, 3, false, false, libraries)
  } catch (e) {
    throw nodeErrors.compilation(e instanceof Error ? e.message : String(e))
  }
  if ('error' in result) throw nodeErrors.compilation(String(result.error))
  const info = ride.scriptInfo(source)
  const stdLibVersion = 'stdLibVersion' in info ? info.stdLibVersion : 0
  const isDApp = 'contentType' in info && info.contentType === 2
  const compiled = result.result
  const callableArgs: Compiled['callableArgs'] = {}
  let hasVerifier = !isDApp
  if (isDApp) {
    for (const f of annotatedFuncs(source, libraries)) {
      const annotation = f.annList[0]?.name.value
      if (annotation === 'Verifier') hasVerifier = true
      if (annotation === 'Callable') {
        callableArgs[f.func.name.value] = f.func.argList.map((a) => ({ name: a.argName.value, type: typeName(a.type) }))
      }
    }
  }
  return {
    base64: compiled.base64,
    size: compiled.size,
    complexity: compiled.complexity,
    verifierComplexity: compiled.verifierComplexity ?? (isDApp ? 0 : compiled.complexity),
    callableComplexities: (compiled as { callableComplexities?: Record<string, number> }).callableComplexities ?? {},
    callableArgs,
    isDApp,
    hasVerifier,
    stdLibVersion,
  }
}

function annotatedFuncs(source: string, libraries: Record<string, string>): ParsedAnnotatedFunc[] {
  const parsed = ride.parseAndCompile(source, 3, false, false, libraries) as unknown as {
    dAppAst?: { annFuncList: ParsedAnnotatedFunc[] }
    error?: string
  }
  if (!parsed.dAppAst) throw nodeErrors.compilation(parsed.error ?? 'cannot parse the dApp')
  return parsed.dAppAst.annFuncList
}

function typeName(type: unknown): string {
  return (type as { typeName?: { value: string } }).typeName?.value ?? 'Any'
}

/**
 * Callables are renamed in the REPL program: the REPL's standard library is newer than a dApp's, and a
 * callable may bear the name of a newer built-in (`fill`). Nothing in RIDE calls a callable by name.
 */
export function callableName(name: string): string {
  return `callable_${name}`
}

const DIRECTIVE = /\{-#[\s\S]*?#-\}/g

/**
 * The dApp as REPL input: libraries inlined, directives removed, the verifier dropped, and each
 * `@Callable(i) func f(a: T)` turned into `func f(i: Invocation, a: T)`, so that a call is a plain expression.
 */
export function replProgram({ source, libraries }: RideSource): string {
  const edits: { start: number; end: number; text: string }[] = []
  for (const f of annotatedFuncs(source, libraries)) {
    const annotation = f.annList[0]
    if (annotation?.name.value === 'Verifier') {
      edits.push({ start: f.posStart, end: f.posEnd, text: '' })
      continue
    }
    edits.push({ start: f.posStart, end: f.func.posStart, text: '' })
    const name = f.func.name
    edits.push({ start: name.posEnd - name.value.length, end: name.posEnd, text: callableName(name.value) })
    const open = source.indexOf('(', name.posEnd)
    const invocation = annotation?.argList[0]?.value ?? 'i'
    edits.push({ start: open + 1, end: open + 1, text: `${invocation}: Invocation${f.func.argList.length > 0 ? ', ' : ''}` })
  }
  let text = source
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end)
  }
  const imported = [...source.matchAll(/\{-#\s*IMPORT\s+([^#]*?)\s*#-\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()))
  const libs = imported.map((name) => {
    const lib = libraries[name]
    if (lib === undefined) throw nodeErrors.compilation(`library ${name} is not known to this node`)
    return lib.replace(DIRECTIVE, '')
  })
  return [...libs, text.replace(DIRECTIVE, '')].join('\n')
}


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

interface ParsedDApp {
  annFuncList: ParsedAnnotatedFunc[]
  decList: ParsedDeclaration[]
}

interface ParsedDeclaration {
  type: string
  name: { value: string }
  expr?: ParsedExpr
}

interface ParsedExpr {
  type: string
  name?: string | { value: string }
  args?: ParsedExpr[]
  cond?: ParsedExpr
  ifTrue?: ParsedExpr
  ifFalse?: ParsedExpr
  ref?: ParsedExpr
}

function parseDApp(source: string, libraries: Record<string, string>): ParsedDApp {
  const parsed = ride.parseAndCompile(source, 3, false, false, libraries) as unknown as { dAppAst?: ParsedDApp; error?: string }
  if (!parsed.dAppAst) throw nodeErrors.compilation(parsed.error ?? 'cannot parse the dApp')
  return parsed.dAppAst
}

function annotatedFuncs(source: string, libraries: Record<string, string>): ParsedAnnotatedFunc[] {
  return parseDApp(source, libraries).annFuncList
}

/** Built-ins that read the chain; a global `let` that calls one depends on when it is evaluated. */
const CHAIN_READERS = new Set([
  'getInteger', 'getString', 'getBoolean', 'getBinary', 'getIntegerValue', 'getStringValue', 'getBooleanValue', 'getBinaryValue',
  'assetBalance', 'wavesBalance', 'assetInfo', 'blockInfoByHeight', 'transactionHeightById', 'transferTransactionById',
  'addressFromRecipient', 'addressFromRecipientValue', 'scriptHash', 'isDataStorageUntouched', 'invoke', 'reentrantInvoke',
])
const CHAIN_VALUES = new Set(['height', 'lastBlock', 'tx'])

/**
 * Whether every global `let` of the dApp (libraries included) is computed from constants alone: literals,
 * other such lets and built-ins that do not read the chain. Only then may one REPL declaration of the dApp
 * serve many calls: the REPL keeps a global let's value from its first use on, so a let that reads the
 * chain would show every later call the chain as the first call saw it. Conservative: anything it does
 * not recognise counts as reading the chain.
 */
export function globalsAreConstant({ source, libraries }: RideSource): boolean {
  const { decList } = parseDApp(source, libraries)
  const userFunctions = new Set(decList.filter((d) => d.type === 'FUNC').map((d) => d.name.value))
  const globals = new Set(decList.filter((d) => d.type === 'LET').map((d) => d.name.value))
  const constants = new Set<string>()
  const constant = (e: ParsedExpr | undefined): boolean => {
    if (e === undefined) return false
    const name = typeof e.name === 'string' ? e.name : e.name?.value
    switch (e.type) {
      case 'CONST_LONG':
      case 'CONST_STRING':
      case 'CONST_BYTESTR':
      case 'TRUE':
      case 'FALSE':
        return true
      case 'REF':
        return name !== undefined && !CHAIN_VALUES.has(name) && (!globals.has(name) || constants.has(name))
      case 'FUNCTION_CALL':
        return name !== undefined && !userFunctions.has(name) && !CHAIN_READERS.has(name) && (e.args ?? []).every(constant)
      case 'IF':
        return constant(e.cond) && constant(e.ifTrue) && constant(e.ifFalse)
      case 'GETTER':
        return constant(e.ref)
      default:
        return false
    }
  }
  for (const declaration of decList) {
    if (declaration.type !== 'LET') continue
    if (!constant(declaration.expr)) return false
    constants.add(declaration.name.value)
  }
  return true
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


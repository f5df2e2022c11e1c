// A RIDE expression compiled against a dApp's declarations, for /utils/script/evaluate (the node's UtilsEvaluator:
// ExpressionCompiler.compileUntyped with `arbitraryDeclarations`, so that the expression may call the dApp's functions
// and read its global values). The official compiler has no such switch, so the names it does not know are declared
// to it with the types that switch gives them (CompilerContext.resolveVar, resolveFunction): a value as `let name =
// throw()` (Nothing), a function as taking and returning Any; the expression is the body of one more function, whose
// compiled body is what runs. Positions in compiler errors are the expression's.
import ride from '@waves/ride-js'
import { readScript } from './script/reader.ts'
import type { DAppScript, Expr } from './terms.ts'

/** The compiler's refusal of an expression, in its words (`Compilation failed: [...]`, parser texts). */
export class ExpressionCompileError extends Error {}

/**
 * Compiles `expression` for `dApp`'s stdlib version; its references to the dApp's declarations stay names, resolved
 * when it runs inside them. The names of a compacted dApp are its original names, as the node decompacts it first.
 *
 * @throws ExpressionCompileError with the compiler's text.
 */
export function compileExpressionForDApp(expression: string, dApp: DAppScript): Expr {
  // the compiler names what it does not know, which is declared in turn: only those names, so that the expression may
  // bind the others itself (`case i: Int`) as it may on a node. A name the dApp does not declare fails where it runs
  // (`Function or type 'f' not found`, `A definition of 'x' not found`), as there.
  const lets = new Set<string>()
  const funcs = new Map<string, number>()
  for (let round = 0; ; round++) {
    const outcome = compileOnce(expression, dApp, lets, funcs)
    if ('expr' in outcome) return outcome.expr
    const before = lets.size + funcs.size
    for (const m of outcome.error.matchAll(/Can't find a function '([^']+)'\((.*?)\) or it is @Callable/g)) {
      if (!lets.has(m[1]!)) funcs.set(m[1]!, arity(m[2]!))
    }
    for (const m of outcome.error.matchAll(/A definition of '([^']+)' is not found/g)) if (!funcs.has(m[1]!)) lets.add(m[1]!)
    if (lets.size + funcs.size === before || round === 16) throw new ExpressionCompileError(outcome.error)
  }
}

/** How many argument types `Int, (Int, String), List[Int]` lists. */
function arity(types: string): number {
  if (types.trim() === '') return 0
  let depth = 0
  let count = 1
  for (const c of types) {
    if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (c === ',' && depth === 0) count++
  }
  return count
}

function compileOnce(expression: string, dApp: DAppScript, lets: ReadonlySet<string>, funcs: ReadonlyMap<string, number>): { expr: Expr } | { error: string } {
  let name = 'evaluatedExpression'
  for (let i = 1; lets.has(name) || funcs.has(name); i++) name = `evaluatedExpression${i}`
  const lines = [
    `{-# STDLIB_VERSION ${dApp.version} #-}`,
    '{-# CONTENT_TYPE DAPP #-}',
    '{-# SCRIPT_TYPE ACCOUNT #-}',
    ...[...lets].map((l) => `let ${l} = throw()`),
    ...[...funcs].map(([f, n]) => `func ${f}(${Array.from({ length: n }, (_, i) => `a${i}: Any`).join(', ')}) = { func evaluatedAny(x: Any) = x; evaluatedAny(throw()) }`),
    `func ${name}() = {`,
  ]
  const prefix = `${lines.join('\n')}\n`
  const compiled = ride.compile(`${prefix}${expression}\n}`, 3, false, false, {})
  if ('error' in compiled) return { error: shiftPositions(String(compiled.error), prefix.length) }
  const script = readScript(compiled.result.bytes)
  const body = script.kind === 'dapp' ? script.declarations.find((d) => d.kind === 'func' && d.name === name) : undefined
  // an expression that closes the function early and declares it again is refused by the compiler; anything else that
  // leaves no body is refused here
  if (body?.kind !== 'func') return { error: 'Compilation failed: the expression is not one expression' }
  return { expr: renameToCompact(body.body, dApp) }
}

/** Error positions (`in 120-126`) counted from the expression's first character. */
function shiftPositions(message: string, offset: number): string {
  return message.replace(/\bin (\d+)-(\d+)/g, (_m, from: string, to: string) => `in ${Math.max(Number(from) - offset, 0)}-${Math.max(Number(to) - offset, 0)}`)
}

/**
 * A compacted dApp runs under its compact names: the expression's names of the dApp's declarations (and of its
 * callables' invocation arguments) are renamed so, wherever the expression binds or reads them, so that its own
 * bindings of the same names shadow as they did.
 */
function renameToCompact(expr: Expr, dApp: DAppScript): Expr {
  if (dApp.meta.originalNames.size === 0) return expr
  const names = new Set<string>([...dApp.declarations.map((d) => d.name), ...dApp.callables.map((c) => c.annotationArg)])
  const compact = new Map([...dApp.meta.originalNames].filter(([c]) => names.has(c)).map(([c, o]) => [o, c]))
  const rename = (name: string) => compact.get(name) ?? name
  const walk = (e: Expr): Expr => {
    switch (e.kind) {
      case 'ref':
        return { kind: 'ref', name: rename(e.name) }
      case 'getter':
        return { ...e, expr: walk(e.expr) }
      case 'if':
        return { ...e, cond: walk(e.cond), ifTrue: walk(e.ifTrue), ifFalse: walk(e.ifFalse) }
      case 'call': {
        const fn = e.function.kind === 'user' ? { kind: 'user' as const, name: rename(e.function.name) } : e.function
        return { kind: 'call', function: fn, args: e.args.map(walk) }
      }
      case 'block': {
        const d = e.declaration
        const declaration =
          d.kind === 'let' ? { ...d, name: rename(d.name), value: walk(d.value) } : { ...d, name: rename(d.name), args: d.args.map(rename), body: walk(d.body) }
        return { kind: 'block', declaration, body: walk(e.body) }
      }
      default:
        return e
    }
  }
  return walk(expr)
}

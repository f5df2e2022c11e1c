// ScriptEstimatorV3 as a node 1.5.7 runs it, checked against the official estimator: @waves/ride-js' compile
// (estimator 3: the same flags) prints complexity, verifierComplexity and callableComplexities for each script.
import { readFileSync } from 'node:fs'
import ride from '@waves/ride-js'
import { describe, expect, it } from 'vitest'
import { stdlib } from '../stdlib/index.ts'
import type { Expr, FunctionHeader } from '../terms.ts'
import { isStdlibVersion, type StdlibVersion } from '../versions.ts'
import { EstimationError, estimateExpr, estimateScript, NODE_ESTIMATOR, stdlibCosts, verifierContainsSyncCall, type FunctionCosts } from './estimator.ts'
import { readScript } from './reader.ts'
import { CORPUS, pureTestCosts } from './test-corpus.ts'

interface Official {
  bytes: Uint8Array
  complexity: number
  verifierComplexity: number | undefined
  callableComplexities: Record<string, number> | undefined
}

function official(source: string, libraries: Record<string, string> = {}): Official {
  const result = ride.compile(source, 3, false, false, libraries)
  if ('error' in result) throw new Error(String(result.error))
  const r = result.result as unknown as Official
  return { bytes: r.bytes, complexity: r.complexity, verifierComplexity: r.verifierComplexity, callableComplexities: r.callableComplexities }
}

/** the pure costs of the tests over the engine's table (crypto and whatever else has joined it) */
function testCosts(version: StdlibVersion): FunctionCosts {
  const pure = pureTestCosts(version)
  const engine = stdlibCosts(stdlib(version))
  return { native: (id) => pure.native[id] ?? engine.native(id), user: (name) => pure.user[name] ?? engine.user(name) }
}

function expectSameAsOfficial(source: string, costs: (v: StdlibVersion) => FunctionCosts = testCosts, libraries: Record<string, string> = {}) {
  const o = official(source, libraries)
  const script = readScript(o.bytes)
  const mine = estimateScript(script, costs(script.version))
  if (script.kind === 'expression') {
    expect(mine).toEqual({ complexity: o.complexity, verifierComplexity: o.complexity, callableComplexities: {} })
  } else {
    expect(mine).toEqual({ complexity: o.complexity, verifierComplexity: o.verifierComplexity, callableComplexities: o.callableComplexities })
  }
  return mine
}

const expr = (v: number, body: string) => `{-# STDLIB_VERSION ${v} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n${body}`
const dApp = (v: number, body: string) => `{-# STDLIB_VERSION ${v} #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n${body}`
const empty = (v: number) => (v === 3 ? 'WriteSet([])' : '[]')

// Scripts over arithmetic, comparisons, lists, lets and functions only (costs in pureTestCosts), each a rule of the
// estimator: unused lets cost nothing, a let costs once wherever it is used, functions cost their body per call,
// a function that costs nothing costs 1 unless a let it reads costs something, arguments shadow lets (letFixes),
// `if` costs its condition and its dearer branch.
const EXPRESSIONS: readonly ((v: number) => string)[] = [
  (v) => expr(v, 'let a = 1 + 2\nlet b = a * 3\nlet c = if (a > b) then a - b else -b\nc != 7 && !(a == b) && b >= 0'),
  (v) => expr(v, 'let unused = 1 + 2 + 3 + 4\nlet used = 5 * 6\nused + used + used == 90'),
  (v) =>
    v < 3
      ? expr(v, 'let p = 2 * 3\nlet q = p % 4\nq / 2 == 1 && p - q == 4')
      : expr(v, 'let l = [1, 2, 3]\nlet m = 4 :: l\nsize(m) == 4 && m[0] + l[2] == 7'),
  (v) => expr(v, 'let x = 1\nif (x > 0) then if (x > 1) then x + x + x + x > 0 else x == 1 else throw("negative")'),
  (v) =>
    v < 3
      ? expr(v, 'let a = 1\nlet b = a + 1\nlet c = b + 1\nc * c * c == 27')
      : expr(v, 'let x = 1\nlet y = x + 1\nfunc h(x: Int) = x\nfunc k(z: Int) = y\nfunc blank() = 5\nh(2) + k(3) + blank() == 8'),
  (v) =>
    v < 3
      ? expr(v, 'let a = 1 + 1\nlet b = if (a > 1) then a * a else a - 1\nb == 4')
      : expr(v, 'let a = 1 + 2\nfunc f(x: Int) = x + a\nfunc g(y: Int) = f(y) * f(a)\nfunc unusedFn(q: Int) = q * q * q\ng(1) + g(2) == 40'),
  (v) =>
    v < 3
      ? expr(v, 'let z = 0\nz == 0')
      : expr(v, 'func fact3(n: Int) = if (n <= 1) then 1 else n * (if (n - 1 <= 1) then 1 else (n - 1) * (n - 2 + 1))\nfunc twice(n: Int) = fact3(n) + fact3(n)\ntwice(3) == 12'),
]

describe('the estimator against the official one', () => {
  for (const v of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it.each(EXPRESSIONS.map((s, i) => [i, s(v)] as const))(`V${v} expression %i`, (_i, source) => {
      expectSameAsOfficial(source)
    })
  }

  for (const v of [3, 4, 5, 6, 7, 8]) {
    it(`V${v} dApp: callables and verifier, declarations estimated into each`, () => {
      const mine = expectSameAsOfficial(
        dApp(
          v,
          `let base = 10 * 10
let heavy = base * base * base
func weigh(x: Int) = x * base
func free() = 7

@Callable(i)
func light() = ${empty(v)}

@Callable(i)
func usesHeavy(n: Int) = if (heavy + weigh(n) > 0) then ${empty(v)} else throw("no")

@Callable(inv)
func usesFree(n: Int, m: Int) = if (free() + n * m > 0) then ${empty(v)} else throw("no")

@Verifier(tx)
func verify() = weigh(1) + weigh(2) > base`,
        ),
      )
      expect(Object.keys(mine.callableComplexities)).toEqual(['light', 'usesHeavy', 'usesFree'])
    })
  }

  it('agrees on a V6 dApp where an argument hides a let and a function has its own let', () => {
    expectSameAsOfficial(
      dApp(
        6,
        `let a = 1 + 1
let b = a * a
func f(a: Int) = a + 1
func g(x: Int) = { let q = x * 2; q + b }

@Callable(i)
func c(a: Int) = if (f(a) + g(a) > 0) then [] else throw("no")`,
      ),
    )
  })
})

describe('where the node itself gives two answers', () => {
  // The node stores, and /addresses/scriptInfo prints, what SetScriptTransactionDiff estimates: each callable inside
  // the dApp's declarations (ContractScript.estimateComplexity). Its compile routes, and ride-js, print
  // ContractScript.estimateFully: each declaration once, then a callable as its body plus the global lets it reads,
  // which counts a let read through two others twice. Here `a` is read through `r` and `s`.
  const source = dApp(
    6,
    `let a = height + 100
let r = a + 1
let s = a + 2
let d = s - r
@Callable(i)
func f(p: Int) = if (d + s > 0) then [] else []`,
  )

  it('estimates as SetScript does, where the compiler prints one more', () => {
    const o = official(source)
    const script = readScript(o.bytes)
    // > and + in the callable, then d, s, r and a once each
    expect(estimateScript(script, testCosts(6)).callableComplexities).toEqual({ f: 6 })
    expect(o.callableComplexities).toEqual({ f: 7 })
  })
})

describe('rules read from the node source, on terms', () => {
  const costs: FunctionCosts = { native: (id) => ({ 100: 1, 0: 1 })[id], user: () => undefined }
  const call = (f: FunctionHeader, ...args: Expr[]): Expr => ({ kind: 'call', function: f, args })
  const sum = (a: Expr, b: Expr) => call({ kind: 'native', id: 100 }, a, b)
  const one: Expr = { kind: 'long', value: 1n }
  const fn = (name: string, args: string[], body: Expr, next: Expr): Expr => ({ kind: 'block', declaration: { kind: 'func', name, args, body }, body: next })
  const user = (name: string, ...args: Expr[]) => call({ kind: 'user', name }, ...args)

  it('refuses an unknown function, naming its header as the node does', () => {
    expect(() => estimateExpr(user('nope'), costs)).toThrow(new EstimationError("function 'User(nope)' not found"))
    expect(() => estimateExpr(call({ kind: 'native', id: 9999 }), costs)).toThrow(new EstimationError("function 'Native(9999)' not found"))
  })

  it('refuses a function that shadows another (fixOverflow)', () => {
    const twice = fn('f', ['x'], one, fn('f', ['x', 'y'], one, user('f', one, one)))
    expect(() => estimateExpr(twice, costs)).toThrow(new EstimationError("Function 'f(x, y)' shadows preceding declaration"))
  })

  it('refuses a sum past 2^63 - 1 with "Illegal script" (fixOverflow)', () => {
    // f0 costs 1, each f(n+1) calls f(n) twice: f63 costs 2^63
    let body: Expr = user('f63')
    for (let n = 63; n >= 1; n--) body = fn(`f${n}`, [], sum(user(`f${n - 1}`), user(`f${n - 1}`)), body)
    const script = fn('f0', [], sum(one, one), body)
    expect(() => estimateExpr(script, costs)).toThrow(new EstimationError('Illegal script'))
    let small: Expr = user('f62')
    for (let n = 62; n >= 1; n--) small = fn(`f${n}`, [], sum(user(`f${n - 1}`), user(`f${n - 1}`)), small)
    // 2^62 for the calls and 2^62 - 1 for the additions between them
    expect(estimateExpr(fn('f0', [], sum(one, one), small), costs)).toBe(2n ** 63n - 1n)
  })

  it('refuses a tree deeper than the stack with a clear error, never a crash', () => {
    let deep: Expr = one
    for (let n = 0; n < 200_000; n++) deep = { kind: 'getter', expr: deep, field: 'f' }
    expect(() => estimateExpr(deep, costs)).toThrow(new EstimationError('Script is too deeply nested to estimate'))
  })

  it('uses the node 1.5.7 flags', () => {
    expect(NODE_ESTIMATOR).toEqual({ fixOverflow: true, overhead: false, letFixes: true })
  })

  it('finds invoke in a verifier through global lets and functions, not through shadowed names', () => {
    const invoke = call({ kind: 'native', id: 1020 })
    const decls = [{ kind: 'func', name: 'callOut', args: [], body: invoke } as const]
    expect(verifierContainsSyncCall(decls, user('callOut'))).toBe(true)
    expect(verifierContainsSyncCall(decls, fn('callOut', [], one, user('callOut')))).toBe(false)
    expect(verifierContainsSyncCall(decls, { kind: 'ref', name: 'x' })).toBe(false)
  })
})

// Every corpus script and the affiliate contract, with the engine's own table only: each waits for the families its
// functions come from, and names them in its title until they have joined the table.
describe('the corpus against the official estimator, with the engine table', () => {
  const uses = (e: Expr, out: Set<string>): Set<string> => {
    const todo: Expr[] = [e]
    while (todo.length > 0) {
      const x = todo.pop()!
      if (x.kind === 'call') {
        out.add(x.function.kind === 'native' ? `Native(${x.function.id})` : `User(${x.function.name})`)
        todo.push(...x.args)
      } else if (x.kind === 'if') todo.push(x.cond, x.ifTrue, x.ifFalse)
      else if (x.kind === 'getter') todo.push(x.expr)
      else if (x.kind === 'block') todo.push(x.declaration.kind === 'let' ? x.declaration.value : x.declaration.body, x.body)
    }
    return out
  }
  const engine = (v: StdlibVersion) => stdlibCosts(stdlib(v))
  const missing = (bytes: Uint8Array): string[] => {
    const script = readScript(bytes)
    const headers = new Set<string>()
    if (script.kind === 'expression') uses(script.expr, headers)
    else {
      for (const d of script.declarations) uses(d.kind === 'let' ? d.value : d.body, headers)
      for (const c of [...script.callables, ...(script.verifier ? [script.verifier] : [])]) uses(c.func.body, headers)
    }
    const costs = engine(script.version)
    const declared = new Set<string>()
    if (script.kind === 'dapp') for (const d of script.declarations) if (d.kind === 'func') declared.add(`User(${d.name})`)
    const local = (e: Expr, out: Set<string>) => {
      const todo = [e]
      while (todo.length > 0) {
        const x = todo.pop()!
        if (x.kind === 'block') {
          if (x.declaration.kind === 'func') out.add(`User(${x.declaration.name})`)
          todo.push(x.declaration.kind === 'let' ? x.declaration.value : x.declaration.body, x.body)
        } else if (x.kind === 'call') todo.push(...x.args)
        else if (x.kind === 'if') todo.push(x.cond, x.ifTrue, x.ifFalse)
        else if (x.kind === 'getter') todo.push(x.expr)
      }
    }
    if (script.kind === 'expression') local(script.expr, declared)
    else for (const d of script.declarations) if (d.kind === 'func') local(d.body, declared)
    return [...headers].filter((h) => {
      if (declared.has(h)) return false
      const native = /^Native\((\d+)\)$/.exec(h)
      return native ? costs.native(Number(native[1])) === undefined : costs.user(h.slice(5, -1)) === undefined
    })
  }

  const affiliate = (() => {
    try {
      return readFileSync(new URL('../../../../../ride/affiliate.ride', import.meta.url), 'utf8')
    } catch {
      return null
    }
  })()
  const library = (() => {
    try {
      return readFileSync(new URL('../../../../../ride/affiliate-lib.ride', import.meta.url), 'utf8')
    } catch {
      return null
    }
  })()
  const cases: { name: string; source: string; libraries: Record<string, string> }[] = CORPUS.map((c) => ({ ...c, libraries: {} }))
  if (affiliate !== null) cases.push({ name: 'ride/affiliate.ride', source: affiliate, libraries: library === null ? {} : { 'affiliate-lib.ride': library } })

  for (const c of cases) {
    let waiting: string[]
    try {
      waiting = missing(official(c.source, c.libraries).bytes)
    } catch (e) {
      waiting = [`compile: ${(e as Error).message.slice(0, 80)}`]
    }
    const version = Number(/STDLIB_VERSION (\d)/.exec(c.source)?.[1])
    const title = waiting.length === 0 ? c.name : `${c.name} (waits for ${waiting.join(', ')} in the stdlib table)`
    it.skipIf(waiting.length > 0 || !isStdlibVersion(version))(title, () => {
      expectSameAsOfficial(c.source, engine, c.libraries)
    })
  }
})

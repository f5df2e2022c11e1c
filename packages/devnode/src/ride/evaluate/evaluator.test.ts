// The evaluator's rules on hand-built terms, with a small table of built-ins whose costs are the node's for V4.
// Expected values and complexities: the node's EvaluatorV2Test.scala (newMode cases, "evalNew"), unless noted.
import { describe, expect, it } from 'vitest'
import { buildTable } from '../stdlib/index.ts'
import type { StdlibEntry } from '../stdlib/types.ts'
import type { Declaration, Expr } from '../terms.ts'
import type { Environment } from '../environment.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import { evaluate, type Outcome } from './evaluator.ts'

const long = (value: number | bigint): Expr => ({ kind: 'long', value: BigInt(value) })
const TRUE: Expr = { kind: 'boolean', value: true }
const FALSE: Expr = { kind: 'boolean', value: false }
const ref = (name: string): Expr => ({ kind: 'ref', name })
const native = (id: number, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'native', id }, args })
const user = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'user', name }, args })
const cond = (c: Expr, ifTrue: Expr, ifFalse: Expr): Expr => ({ kind: 'if', cond: c, ifTrue, ifFalse })
const letDecl = (name: string, value: Expr): Declaration => ({ kind: 'let', name, value })
const funcDecl = (name: string, args: string[], body: Expr): Declaration => ({ kind: 'func', name, args, body })
/** declarations around a body, outermost first, as a script's blocks nest */
const blocks = (declarations: Declaration[], body: Expr): Expr =>
  declarations.reduceRight<Expr>((inner, declaration) => ({ kind: 'block', declaration, body: inner }), body)

// FunctionIds.scala
const EQ = 0
const THROW = 2
const SUM_LONG = 100
const SUB_LONG = 101
const GT_LONG = 102
const MUL_LONG = 104
const SIG_VERIFY = 500

const plus = (a: Expr, b: Expr) => native(SUM_LONG, a, b)
const minus = (a: Expr, b: Expr) => native(SUB_LONG, a, b)
const times = (a: Expr, b: Expr) => native(MUL_LONG, a, b)
const eq = (a: Expr, b: Expr) => native(EQ, a, b)
const and = (a: Expr, b: Expr) => cond(a, b, FALSE)

const int = (v: Value) => v as bigint
const V4 = { 4: 1 }
// Costs for V4: PureContext (+, -, *, >, ==, throw: 1; the user functions != and !: 1), CryptoContext (sigVerify: 200)
const entries: StdlibEntry[] = [
  { kind: 'native', id: EQ, name: '==', costs: V4, apply: ([a, b]) => a === b },
  { kind: 'native', id: THROW, name: 'throw', costs: V4, apply: ([m]) => { throw new RideError(m as string, true) } },
  { kind: 'native', id: SUM_LONG, name: '+', costs: V4, apply: ([a, b]) => int(a!) + int(b!) },
  { kind: 'native', id: SUB_LONG, name: '-', costs: V4, apply: ([a, b]) => int(a!) - int(b!) },
  { kind: 'native', id: GT_LONG, name: '>', costs: V4, apply: ([a, b]) => int(a!) > int(b!) },
  { kind: 'native', id: MUL_LONG, name: '*', costs: V4, apply: ([a, b]) => int(a!) * int(b!) },
  { kind: 'native', id: SIG_VERIFY, name: 'sigVerify', costs: { 4: 200 }, apply: () => false },
  { kind: 'user', name: '!', costs: V4, args: ['@p'], body: cond(ref('@p'), FALSE, TRUE) },
  { kind: 'user', name: '!=', costs: V4, args: ['@a', '@b'], body: user('!', eq(ref('@a'), ref('@b'))) },
  { kind: 'type', name: 'Address', fields: [{ name: 'bytes', type: 'ByteVector' }], versions: [4] },
  { kind: 'global', name: 'unit', versions: [4], value: () => UNIT },
]
const table = buildTable(entries, 4)
const env = {} as Environment

const run = (expr: Expr, limit: number): Outcome => evaluate(expr, { version: 4, env, table, limit })

describe('evaluate: complexity in newMode (EvaluatorV2Test.scala)', () => {
  it('multiple lets by step: every limit below 7 stops with that much spent', () => {
    const script = blocks(
      [
        letDecl('a', plus(plus(long(1), long(10)), long(100))),
        letDecl('b', plus(plus(long(1000), ref('a')), long(10000))),
        letDecl('c', plus(plus(ref('a'), ref('b')), long(100000))),
      ],
      plus(ref('c'), ref('a')),
    )
    for (let limit = 0; limit < 7; limit++) expect(run(script, limit)).toEqual({ kind: 'incomplete', complexity: limit })
    expect(run(script, 7)).toEqual({ kind: 'value', value: 111333n, complexity: 7 })
    expect(run(script, 1000)).toEqual({ kind: 'value', value: 111333n, complexity: 7 })
  })

  it('user function evaluation by step', () => {
    const script = blocks(
      [funcDecl('f', ['a', 'b'], blocks([letDecl('c', plus(ref('a'), ref('b'))), letDecl('d', minus(ref('a'), ref('b')))], minus(times(ref('c'), ref('d')), long(1))))],
      user('f', long(1), long(2)),
    )
    for (let limit = 0; limit < 4; limit++) expect(run(script, limit)).toEqual({ kind: 'incomplete', complexity: limit })
    expect(run(script, 4)).toEqual({ kind: 'value', value: -4n, complexity: 4 })
  })

  it('multiple user functions and refs: 18', () => {
    const script = blocks(
      [
        letDecl('x', plus(plus(long(1), long(1)), long(1))),
        letDecl('a', plus(long(1), long(1))),
        funcDecl('f', ['a', 'b'], plus(minus(ref('a'), ref('b')), ref('x'))),
        letDecl('b', long(4)),
        funcDecl('g', ['a', 'b'], times(ref('a'), ref('b'))),
        letDecl('expected', times(plus(minus(ref('a'), ref('b')), ref('x')), plus(minus(ref('b'), ref('a')), ref('x')))),
        letDecl('actual', user('g', user('f', ref('a'), ref('b')), user('f', ref('b'), ref('a')))),
      ],
      and(
        eq(ref('actual'), ref('expected')),
        and(eq(ref('actual'), ref('expected')), and(eq(ref('x'), long(3)), and(eq(ref('a'), long(2)), eq(ref('b'), long(4))))),
      ),
    )
    expect(run(script, 18)).toEqual({ kind: 'value', value: true, complexity: 18 })
  })

  it('let overlap through function param: 14', () => {
    const script = blocks(
      [
        letDecl('x', plus(plus(plus(plus(long(1), long(1)), long(1)), long(1)), long(1))),
        letDecl('y', plus(ref('x'), long(1))),
        funcDecl('f', ['x'], plus(ref('x'), long(1))),
        funcDecl('g', ['x'], plus(plus(ref('x'), long(1)), long(1))),
        funcDecl('h', ['x'], plus(plus(plus(ref('x'), long(1)), long(1)), long(1))),
      ],
      eq(user('f', user('g', user('h', ref('y')))), plus(plus(ref('x'), ref('x')), long(2))),
    )
    expect(run(script, 14)).toEqual({ kind: 'value', value: true, complexity: 14 })
  })

  it('let overlap inside let value block: 3', () => {
    const script = blocks(
      [letDecl('x', plus(plus(long(1), long(1)), long(1))), letDecl('y', blocks([letDecl('x', long(1))], ref('x')))],
      plus(ref('y'), ref('x')),
    )
    expect(run(script, 6)).toEqual({ kind: 'value', value: 4n, complexity: 3 })
  })

  it('let ctx: 6', () => {
    const script = blocks(
      [
        letDecl('a', plus(long(1), long(1))),
        letDecl('b', ref('a')),
        funcDecl(
          'g',
          [],
          blocks([letDecl('a', plus(plus(long(2), long(2)), long(2))), letDecl('c', ref('a'))], plus(ref('c'), plus(ref('b'), ref('a')))),
        ),
      ],
      plus(user('g'), ref('a')),
    )
    expect(run(script, 100)).toEqual({ kind: 'value', value: 16n, complexity: 6 })
  })

  it('if block by step', () => {
    const script = cond(native(GT_LONG, long(2), long(1)), plus(plus(long(1), long(2)), long(3)), plus(long(3), long(4)))
    for (let limit = 0; limit < 3; limit++) expect(run(script, limit)).toEqual({ kind: 'incomplete', complexity: limit })
    expect(run(script, 3)).toEqual({ kind: 'value', value: 6n, complexity: 3 })
  })

  it('getter by step: a constructor costs 1, and the getter needs complexity left', () => {
    const bytes = new Uint8Array([1, 2, 3])
    const script = blocks([letDecl('address', user('Address', { kind: 'bytes', value: bytes }))], { kind: 'getter', expr: ref('address'), field: 'bytes' })
    expect(run(script, 1)).toEqual({ kind: 'incomplete', complexity: 1 })
    expect(run(script, 2)).toEqual({ kind: 'value', value: bytes, complexity: 1 })
  })

  it('big function assignment chain: 5000 nested calls cost 3', () => {
    const count = 5000
    const declarations = [funcDecl('a0', [], plus(long(1), long(1)))]
    for (let i = 1; i <= count; i++) declarations.push(funcDecl(`a${i}`, [], user(`a${i - 1}`)))
    const script = blocks(declarations, eq(user(`a${count}`), user(`a${count}`)))
    expect(run(script, 10000)).toEqual({ kind: 'value', value: true, complexity: 3 })
  })

  it('big let assignment chain: 5000 lets cost 5001', () => {
    const count = 5000
    const declarations = [letDecl('a0', long(1))]
    for (let i = 1; i <= count; i++) declarations.push(letDecl(`a${i}`, plus(ref(`a${i - 1}`), long(1))))
    const script = blocks(declarations, eq(ref(`a${count}`), ref(`a${count}`)))
    expect(run(script, 5001)).toEqual({ kind: 'value', value: true, complexity: 5001 })
  })

  it('a built-in user function costs its table cost: 1 != 1 costs 1', () => {
    expect(run(user('!=', long(1), long(1)), 100)).toEqual({ kind: 'value', value: false, complexity: 1 })
    const notEqual = () => user('!=', long(1), long(1))
    const script = blocks(
      [
        letDecl('x', cond(notEqual(), native(THROW, { kind: 'string', value: '' }), notEqual())),
        funcDecl('f', [], cond(notEqual(), native(THROW, { kind: 'string', value: '' }), notEqual())),
      ],
      cond(user('f'), TRUE, ref('x')),
    )
    expect(run(script, 100)).toEqual({ kind: 'value', value: false, complexity: 4 })
  })

  it('a function call is not free', () => {
    expect(run(blocks([funcDecl('f', [], TRUE)], user('f')), 100)).toEqual({ kind: 'value', value: true, complexity: 1 })
    const script = blocks(
      [
        funcDecl('f', [], TRUE),
        funcDecl(
          'g',
          [],
          blocks([funcDecl('g1', [], blocks([letDecl('x', blocks([funcDecl('g2', [], TRUE)], user('g2')))], ref('x')))], user('g1')),
        ),
        funcDecl('h', [], cond(TRUE, user('g'), user('f'))),
      ],
      and(and(user('f'), user('g')), user('h')),
    )
    expect(run(script, 100)).toEqual({ kind: 'value', value: true, complexity: 3 })
  })

  it('estimator global vars problem cases: a let is paid where it is first used', () => {
    const script = blocks([letDecl('a', native(SIG_VERIFY, long(0), long(0), long(0))), funcDecl('f', [], ref('a'))], user('f'))
    expect(run(script, 1000)).toEqual({ kind: 'value', value: false, complexity: 200 })
    const script3 = blocks([funcDecl('f', ['a'], ref('a'))], user('f', plus(plus(long(1), long(2)), long(3))))
    expect(run(script3, 100)).toEqual({ kind: 'value', value: 6n, complexity: 3 })
  })

  it('a function sees the blocks around its declaration, not its caller\'s (correctFunctionCallScope)', () => {
    const script = blocks([letDecl('a', long(4)), funcDecl('g', ['b'], ref('a')), funcDecl('f', ['a'], user('g', ref('a')))], user('f', long(1)))
    expect(run(script, 1000)).toMatchObject({ kind: 'value', value: 4n })
    const script2 = blocks([letDecl('a', long(4)), letDecl('x', ref('a')), funcDecl('f', ['a'], ref('x'))], user('f', long(1)))
    expect(run(script2, 1000)).toMatchObject({ kind: 'value', value: 4n })
  })
})

describe('evaluate: errors', () => {
  it('let recursion: a let sees only the blocks outside it', () => {
    expect(run(blocks([letDecl('a', ref('b')), letDecl('b', ref('a'))], ref('a')), 100)).toEqual({
      kind: 'error',
      error: new RideError("A definition of 'b' not found"),
      complexity: 0,
    })
    const outcome = run(blocks([letDecl('a', user('b')), funcDecl('b', [], ref('a'))], ref('a')), 100)
    expect(outcome).toEqual({ kind: 'error', error: new RideError("Function or type 'b' not found"), complexity: 0 })
  })

  it('function context leak: a function body\'s lets and functions stay inside it', () => {
    const leakLet = blocks([funcDecl('f', [], blocks([letDecl('x', long(1))], ref('x')))], plus(user('f'), ref('x')))
    expect(run(leakLet, 100)).toMatchObject({ kind: 'error', error: new RideError("A definition of 'x' not found") })
    const leakFunc = blocks([funcDecl('f', [], blocks([funcDecl('g', [], long(1))], user('g')))], plus(user('f'), user('g')))
    expect(run(leakFunc, 100)).toMatchObject({ kind: 'error', error: new RideError("Function or type 'g' not found") })
  })

  it('a thrown error keeps its text and reports the complexity spent up to it, its own cost included', () => {
    const script = blocks([letDecl('x', plus(long(1), long(2)))], plus(ref('x'), native(THROW, { kind: 'string', value: 'no' })))
    const outcome = run(script, 100)
    expect(outcome).toEqual({ kind: 'error', error: new RideError('no', true), complexity: 2 })
    expect(outcome.kind === 'error' && outcome.error.thrown).toBe(true)
  })

  it('a built-in user function that fails counts what its body spent up to the error (gowaves TestThrowComplexity)', () => {
    // throw() is a built-in user function of cost 1 whose body calls throw(message), cost 1: a failing call spends 2
    const throwNoMessage: StdlibEntry = {
      kind: 'user',
      name: 'throw',
      costs: V4,
      apply: (_args, ctx) => {
        ctx.spent = 1
        throw new RideError('Explicit script termination', true)
      },
    }
    const withThrow = buildTable([...entries, throwNoMessage], 4)
    const callable = (body: Expr) => blocks([funcDecl('baz', [], body)], user('baz'))
    expect(evaluate(callable(user('throw')), { version: 4, env, table: withThrow, limit: 2000 })).toEqual({
      kind: 'error',
      error: new RideError('Explicit script termination', true),
      complexity: 2,
    })
    expect(evaluate(callable(native(THROW, { kind: 'string', value: 'fail' })), { version: 4, env, table: withThrow, limit: 2000 })).toEqual({
      kind: 'error',
      error: new RideError('fail', true),
      complexity: 1,
    })
  })

  it('a native function unknown to the version, a non-boolean condition, a getter of a non-object', () => {
    expect(run(native(999, long(1)), 100)).toEqual({ kind: 'error', error: new RideError("function 'Native(999)' not found"), complexity: 0 })
    expect(run(cond(long(1), TRUE, FALSE), 100)).toEqual({ kind: 'error', error: new RideError('Non-boolean result in cond'), complexity: 0 })
    expect(run({ kind: 'getter', expr: long(1), field: 'bytes' }, 100)).toEqual({
      kind: 'error',
      error: new RideError("GETTER of non-case-object 1 with field 'bytes"),
      complexity: 0,
    })
  })
})

describe('evaluate: constructors, globals and bindings', () => {
  it('builds a case object in the type\'s field order, without checking its arguments on the runtime path', () => {
    const outcome = run(user('Address', long(7)), 100)
    expect(outcome).toEqual({ kind: 'value', value: new CaseObj('Address', new Map([['bytes', 7n]])), complexity: 1 })
  })

  it('checks constructor arguments when asked, with the node\'s texts', () => {
    const checked = (expr: Expr) => evaluate(expr, { version: 4, env, table, limit: 100, checkConstructorArgsTypes: true })
    expect(checked(user('Address', long(7)))).toMatchObject({
      kind: 'error',
      error: new RideError('Passed args (7) are unsuitable for constructor Address(ByteVector)'),
    })
    expect(checked(user('Address'))).toMatchObject({
      kind: 'error',
      error: new RideError('Constructor Address expected 1 args, but () was passed'),
    })
  })

  it('reads globals and bindings at no cost', () => {
    expect(run(eq(ref('unit'), ref('unit')), 100)).toEqual({ kind: 'value', value: true, complexity: 1 })
    expect(evaluate(plus(ref('i'), long(1)), { version: 4, env, table, limit: 100 }, [{ name: 'i', value: 41n }])).toEqual({
      kind: 'value',
      value: 42n,
      complexity: 1,
    })
  })
})

describe('evaluate: depth', () => {
  it('evaluates 200,000 nested calls without deepening the JavaScript stack', () => {
    let expr: Expr = long(0)
    for (let i = 0; i < 200_000; i++) expr = plus(long(1), expr)
    expect(run(expr, 1_000_000)).toEqual({ kind: 'value', value: 200_000n, complexity: 200_000 })
  })

  it('evaluates 100,000 nested lets, each reading the one before it', () => {
    const declarations = [letDecl('a0', long(0))]
    for (let i = 1; i <= 100_000; i++) declarations.push(letDecl(`a${i}`, ref(`a${i - 1}`)))
    expect(run(blocks(declarations, ref('a100000')), 10)).toEqual({ kind: 'value', value: 0n, complexity: 0 })
  })
})

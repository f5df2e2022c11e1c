// The evaluation log on hand-built terms: what EvaluatorV2 (lang/v1/evaluator/EvaluatorV2.scala, enableExecutionLog)
// records and in which order, and how ErrorWithLogPrinter/TermPrinter print it. Printed texts are cut from the node's
// UtilsRouteEvaluateSpec (1.5.7), whose messages carry whole logs.
import { describe, expect, it } from 'vitest'
import { base58Decode } from '../../crypto.ts'
import type { Environment } from '../environment.ts'
import { buildTable } from '../stdlib/index.ts'
import type { StdlibEntry } from '../stdlib/types.ts'
import type { Declaration, Expr } from '../terms.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import { buildInvocation } from './dapp.ts'
import { evaluate, type Outcome } from './evaluator.ts'
import { type LogItem, NestedInvokeError, logText, logVars, printValue, termString } from './log.ts'

const long = (value: number | bigint): Expr => ({ kind: 'long', value: BigInt(value) })
const str = (value: string): Expr => ({ kind: 'string', value })
const bytes = (value: Uint8Array): Expr => ({ kind: 'bytes', value })
const ref = (name: string): Expr => ({ kind: 'ref', name })
const native = (id: number, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'native', id }, args })
const user = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'user', name }, args })
const or = (a: Expr, b: Expr): Expr => ({ kind: 'if', cond: a, ifTrue: { kind: 'boolean', value: true }, ifFalse: b })
const letDecl = (name: string, value: Expr): Declaration => ({ kind: 'let', name, value })
const funcDecl = (name: string, args: string[], body: Expr): Declaration => ({ kind: 'func', name, args, body })
const blocks = (declarations: Declaration[], body: Expr): Expr =>
  declarations.reduceRight<Expr>((inner, declaration) => ({ kind: 'block', declaration, body: inner }), body)

// FunctionIds.scala; costs of V4 (PureContext, CryptoContext)
const THROW = 2
const SUM_LONG = 100
const SIG_VERIFY = 500
const plus = (a: Expr, b: Expr) => native(SUM_LONG, a, b)
const entries: StdlibEntry[] = [
  { kind: 'native', id: THROW, name: 'throw', costs: { 4: 1 }, apply: ([m]) => { throw new RideError(m as string, true) } },
  { kind: 'native', id: SUM_LONG, name: '+', costs: { 4: 1 }, apply: ([a, b]) => (a as bigint) + (b as bigint) },
  { kind: 'native', id: SIG_VERIFY, name: 'sigVerify', costs: { 4: 200 }, apply: () => false },
  { kind: 'native', id: 1050, name: 'getInteger', costs: { 4: 100 }, apply: () => UNIT },
  // reads what an Extended function is given: the complexity left before its own cost (invoke passes it less 75)
  { kind: 'native', id: 1020, name: 'invoke', costs: { 4: 75 }, apply: (_, ctx) => BigInt(ctx.remaining) },
  { kind: 'user', name: '@extrNative(1050)', costs: { 4: 100 }, apply: () => 7n },
  { kind: 'type', name: 'Address', fields: [{ name: 'bytes', type: 'ByteVector' }], versions: [4] },
]
const table = buildTable(entries, 4)
const env = {} as Environment

const logged = (expr: Expr, limit: number): { outcome: Outcome; log: LogItem[] } => {
  const log: LogItem[] = []
  return { outcome: evaluate(expr, { version: 4, env, table, limit, log }), log }
}
const v = (name: string, value: Value): LogItem => ({ name, value })
/** a built-in's three entries: its arguments, its cost, the complexity left after it (EvaluatorV2.logFunc) */
const call = (name: string, args: Value[], cost: number, left: number): LogItem[] => [
  v(`${name}.@args`, args),
  v(`${name}.@complexity`, BigInt(cost)),
  v('@complexityLimit', BigInt(left)),
]

describe('the evaluation log (EvaluatorV2 with enableExecutionLog)', () => {
  it('logs a let once, when its value is first known, after the calls that computed it', () => {
    const { outcome, log } = logged(blocks([letDecl('x', plus(long(1), long(2)))], plus(ref('x'), ref('x'))), 100)
    expect(outcome).toEqual({ kind: 'value', value: 6n, complexity: 2 })
    expect(log).toEqual([...call('+', [1n, 2n], 1, 99), v('x', 3n), ...call('+', [3n, 3n], 1, 98)])
  })

  it('logs a let that is never referenced not at all', () => {
    const { log } = logged(blocks([letDecl('unused', plus(long(1), long(2)))], long(5)), 100)
    expect(log).toEqual([])
  })

  it('logs a script function by its arguments only, each argument at its first reference, and the 1 it costs when it spent nothing', () => {
    // UtilsRouteEvaluateSpec's trace: `f.@args` with no cost, `arg1` where the body first reads it
    const { outcome, log } = logged(blocks([funcDecl('f', ['a'], ref('a'))], user('f', long(5))), 100)
    expect(outcome).toEqual({ kind: 'value', value: 5n, complexity: 1 })
    expect(log).toEqual([v('f.@args', [5n]), v('a', 5n), v('f.@complexity', 1n), v('@complexityLimit', 99n)])
  })

  it('logs the lets of a function body at every call: the node evaluates a fresh copy of the body each time', () => {
    const body = blocks([letDecl('y', plus(long(1), long(1)))], ref('y'))
    const { log } = logged(blocks([funcDecl('g', [], body)], plus(user('g'), user('g'))), 100)
    expect(log).toEqual([
      v('g.@args', []),
      ...call('+', [1n, 1n], 1, 99),
      v('y', 2n),
      v('g.@args', []),
      ...call('+', [1n, 1n], 1, 98),
      v('y', 2n),
      ...call('+', [2n, 2n], 1, 97),
    ])
  })

  it('logs a constructor by its arguments and the 1 it costs (UtilsRouteEvaluateSpec: Address.@complexity = 1)', () => {
    const address = base58Decode('3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9')
    const { log } = logged(user('Address', bytes(address)), 52_000)
    expect(log).toEqual([v('Address.@args', [address]), v('Address.@complexity', 1n), v('@complexityLimit', 51_999n)])
  })

  it('names a built-in user function as the node does: @extrNative(1050) is getIntegerValue', () => {
    const { log } = logged(user('@extrNative(1050)', str('k')), 500)
    expect(log).toEqual(call('getIntegerValue', ['k'], 100, 400))
  })

  it('logs nothing of a call the complexity left cannot pay for, and stops there', () => {
    // testCompl of the spec: sigVerify || sigVerify || ... until the limit; the last affordable one leaves 100
    const sig = native(SIG_VERIFY, bytes(new Uint8Array()), bytes(new Uint8Array()), bytes(new Uint8Array()))
    const { outcome, log } = logged(or(sig, or(sig, or(sig, { kind: 'boolean', value: true }))), 500)
    // the third sigVerify stays unevaluated and, in newMode, costs 1
    expect(outcome).toEqual({ kind: 'incomplete', complexity: 401 })
    const empty = new Uint8Array()
    expect(log).toEqual([...call('sigVerify', [empty, empty, empty], 200, 300), ...call('sigVerify', [empty, empty, empty], 200, 100)])
  })

  it('logs an error at the innermost let being evaluated only, after the failing call', () => {
    const expr = blocks([letDecl('a', native(THROW, str('boom'))), letDecl('b', ref('a'))], ref('b'))
    const { outcome, log } = logged(expr, 100)
    expect(outcome).toEqual({ kind: 'error', error: new RideError('boom', true), complexity: 1 })
    expect(log).toEqual([...call('throw', ['boom'], 1, 99), { name: 'a', error: new RideError('boom', true) }])
    expect(logText(log)).toBe('\n\tthrow.@args = [\n\t\t"boom"\n\t]\n\tthrow.@complexity = 1\n\t@complexityLimit = 99\n\ta = ThrownError(boom)\n')
  })

  it('gives an Extended function the complexity left before its cost, so a callee gets the budget less 75', () => {
    // EvaluatorV2.doEvaluateNativeFunction: f.evaluate(env, args, limit - cost); the spec's callee after
    // `invoke.@complexityLimit = 122` runs within 122
    const { outcome, log } = logged(native(1020), 200)
    expect(outcome).toEqual({ kind: 'value', value: 200n, complexity: 75 })
    expect(log).toEqual(call('invoke', [], 75, 125))
  })

  it('spends nothing and records nothing without a log', () => {
    const outcome = evaluate(blocks([letDecl('x', plus(long(1), long(2)))], ref('x')), { version: 4, env, table, limit: 100 })
    expect(outcome).toEqual({ kind: 'value', value: 3n, complexity: 1 })
  })
})

describe('the log printed (ErrorWithLogPrinter.logToString, TermPrinter)', () => {
  const dApp = base58Decode('3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9')
  const address = (b: Uint8Array) => new CaseObj('Address', new Map([['bytes', b]]))

  it('prints a call of invoke as the node\'s testSyncCallComplexityExcess message does', () => {
    const log = [...call('invoke', [address(dApp), 'testSyncCallComplexityExcess', [], []], 75, 122)]
    expect(logText(log)).toBe(
      "\n\tinvoke.@args = [\n\t\tAddress(\n\t\t\tbytes = base58'3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9'\n\t\t),\n\t\t\"testSyncCallComplexityExcess\",\n\t\t[],\n\t\t[]\n\t]\n\tinvoke.@complexity = 75\n\t@complexityLimit = 122\n",
    )
  })

  it('prints an Invocation with its fields in Scala HashMap order, two tabs deep in a nested log', () => {
    const caller = base58Decode('3MuPKL2kQz1Gp9t7QwrDZN5F8m3u5Uzzo3e')
    const invocation = buildInvocation(
      {
        caller: dApp,
        callerPublicKey: base58Decode('9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ'),
        originCaller: caller,
        originCallerPublicKey: new Uint8Array(32),
        payments: [],
        transactionId: new Uint8Array(),
        fee: 2_000_000n,
        feeAssetId: null,
      },
      5,
    )
    expect(logText([v('i', invocation)], 1_048_576, 2)).toBe(
      "\n\t\ti = Invocation(\n\t\t\toriginCaller = Address(\n\t\t\t\tbytes = base58'3MuPKL2kQz1Gp9t7QwrDZN5F8m3u5Uzzo3e'\n\t\t\t)\n\t\t\tpayments = []\n\t\t\tcallerPublicKey = base58'9BUoYQYq7K38mkk61q8aMH9kD9fKSVL1Fib7FbH6nUkQ'\n\t\t\tfeeAssetId = Unit\n\t\t\toriginCallerPublicKey = base58'11111111111111111111111111111111'\n\t\t\ttransactionId = base58''\n\t\t\tcaller = Address(\n\t\t\t\tbytes = base58'3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9'\n\t\t\t)\n\t\t\tfee = 2000000\n\t\t)\n",
    )
  })

  it('prints a failed call\'s own log one tab deeper under the let that made it, and cuts it within what is left', () => {
    const nested = new NestedInvokeError('boom', [v('@invokedFuncName', 'g'), { name: 'x', error: new RideError('boom', true) }])
    const log: LogItem[] = [v('a', 1n), { name: 'r', error: nested }]
    expect(logText(log)).toBe(
      '\n\ta = 1\n\tr = FailedTransactionError(code = 1, error = boom, log = \n\t\t@invokedFuncName = "g"\n\t\tx = ThrownError(boom)\n\t)\n',
    )
    // the vars of a trace give the callee's error text only
    expect(logVars(log, (value) => ({ value }))).toEqual([{ name: 'a', value: 1n }, { name: 'r', error: 'boom' }])
    // 7 for `a`, 59 for the line of r: the nested log gets 80 - 1 - 7 - 59 - 2 (its closing) = 11, too few for its
    // first line; an error that does not fit ends a log without `...`
    expect(logText(log, 80)).toBe('\n\ta = 1\n\tr = FailedTransactionError(code = 1, error = boom, log = \n...\n\t)\n')
    expect(logText(log, 100)).toBe('\n\ta = 1\n\tr = FailedTransactionError(code = 1, error = boom, log = \n\t\t@invokedFuncName = "g"\n\t)\n')
  })

  it('escapes strings and writes long bytes in base64, as TermPrinter does', () => {
    expect(printValue('a"b\\c/d\'e\nf\tg', 1)).toBe('"a\\"b\\\\c\\/d\\\'e\\nf\\tg"')
    expect(printValue(new Uint8Array(1025), 1)).toBe(`base64'${Buffer.alloc(1025).toString('base64')}'`)
    expect(printValue([true, UNIT], 0)).toBe('[\n\ttrue,\n\tUnit\n]')
  })

  it('leaves out an entry longer than what is left and ends with ... once the limit is passed', () => {
    const log = [v('a', 1n), v('b', 'x'.repeat(20)), v('c', 2n)]
    // "\n\ta = 1" is 7 characters; the limit counts one for the closing newline
    expect(logText(log.slice(0, 1), 8)).toBe('\n\ta = 1\n')
    expect(logText(log, 8)).toBe('\n\ta = 1\n...\n')
    expect(logText(log, 20)).toBe('\n\ta = 1\n...\n')
    expect(logText(log, 100)).toBe(`\n\ta = 1\n\tb = "${'x'.repeat(20)}"\n\tc = 2\n`)
  })

  it('writes a value into error texts as EVALUATED.toString does (UtilsRouteEvaluateSpec: Passed args (bytes, abc))', () => {
    expect((['bytes', 'abc', 7n, true, UNIT] as Value[]).map((x) => termString(x))).toEqual(['bytes', 'abc', '7', 'true', 'Unit'])
    expect(termString(base58Decode('3yZe7d'))).toBe('3yZe7d')
    expect(termString(['a', 1n])).toBe('["a", 1]')
    expect(termString(address(dApp))).toBe("Address(\n\tbytes = base58'3MtGzgmNa5fMjGCcPi5nqMTdtZkfojyWHL9'\n)")
  })

  it('lists the vars of a trace without the names a trace leaves out, errors by their message', () => {
    const json = (value: Value) => ({ type: typeof value === 'bigint' ? 'Int' : 'other', value })
    const log: LogItem[] = [v('@invokedDApp', 1n), v('x', 2n), v('@invokedFuncName', 3n), { name: 'y', error: new RideError('no', true) }]
    expect(logVars(log, json)).toEqual([
      { name: 'x', type: 'Int', value: 2n },
      { name: 'y', error: 'no' },
    ])
  })
})

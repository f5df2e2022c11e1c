// The evaluator on scripts compiled by the official compiler (@waves/ride-js) and read back from their bytes, with the
// real stdlib. Expected values and complexities: the node's EvaluatorV2Test.scala (newMode), unless noted.
import ride from '@waves/ride-js'
import { describe, expect, it } from 'vitest'
import type { Environment } from '../environment.ts'
import { readScript } from '../script/reader.ts'
import { stdlib } from '../stdlib/index.ts'
import type { Expr } from '../terms.ts'
import type { StdlibVersion } from '../versions.ts'
import { RideError } from '../values.ts'
import { runCallable } from './dapp.ts'
import { evaluate, type Outcome } from './evaluator.ts'

function compiled(source: string, version: StdlibVersion): Expr {
  const result = ride.compile(`{-# STDLIB_VERSION ${version} #-}\n{-# CONTENT_TYPE EXPRESSION #-}\n{-# SCRIPT_TYPE ACCOUNT #-}\n${source}`, 3)
  if ('error' in result) throw new Error(result.error)
  const script = readScript(result.result.bytes)
  if (script.kind !== 'expression') throw new Error('not an expression')
  return script.expr
}

const env = {} as Environment
function run(source: string, limit: number, version: StdlibVersion = 4): Outcome {
  return evaluate(compiled(source, version), { version, env, table: stdlib(version), limit })
}

describe('compiled scripts (EvaluatorV2Test.scala)', () => {
  it('multiple lets by step', () => {
    const source = 'let a = 1 + 10 + 100\nlet b = 1000 + a + 10000\nlet c = a + b + 100000\nc + a == 111333'
    for (let limit = 0; limit < 8; limit++) expect(run(source, limit)).toEqual({ kind: 'incomplete', complexity: limit })
    expect(run(source, 8)).toEqual({ kind: 'value', value: true, complexity: 8 })
  })

  it('multiple user functions and refs: 18', () => {
    const source = `
      let x = 1 + 1 + 1
      let a = 1 + 1
      func f(a: Int, b: Int) = a - b + x
      let b = 4
      func g(a: Int, b: Int) = a * b
      let expected = (a - b + x) * (b - a + x)
      let actual = g(f(a, b), f(b, a))
      actual == expected && actual == expected && x == 3 && a == 2 && b == 4`
    expect(run(source, 18)).toEqual({ kind: 'value', value: true, complexity: 18 })
  })

  it('let overlap through function param: 14', () => {
    const source = `
      let x = 1 + 1 + 1 + 1 + 1
      let y = x + 1
      func f(x: Int) = x + 1
      func g(x: Int) = x + 1 + 1
      func h(x: Int) = x + 1 + 1 + 1
      f(g(h(y))) == x + x + 2`
    expect(run(source, 14)).toEqual({ kind: 'value', value: true, complexity: 14 })
  })

  it('strict evaluation: 2; strict spends even what is not used: 11', () => {
    expect(run('func testFunc() = {\n  strict a = 100500 + 42\n  a\n}\ntestFunc() == 100542', 100)).toEqual({
      kind: 'value',
      value: true,
      complexity: 3, // 2 (EvaluatorV2Test) + 1 for the == the expression script adds
    })
    const strict = 'func testFunc() = {\n  strict a = 1 + 2 + 3 + 4 + 5 + 5 + 6 + 7 + 8 + 9 + 100500\n  let z = "42"\n  z\n}\ntestFunc() == "42"'
    expect(run(strict, 100)).toEqual({ kind: 'value', value: true, complexity: 12 })
  })

  it('strict with throw expression', () => {
    const source = 'func testFunc() = {\n  strict a = throw("Strict executed error")\n  true\n}\ntestFunc()'
    expect(run(source, 100)).toEqual({ kind: 'error', error: new RideError('Strict executed error', true), complexity: 1 })
  })

  it('updated evaluator should use predefined user function complexity: 4', () => {
    const source = `
      let x = if (1 != 1) then throw() else 1 != 1
      func f() = if (1 != 1) then throw() else 1 != 1
      f() || x`
    expect(run(source, 100)).toEqual({ kind: 'value', value: false, complexity: 4 })
  })

  it('estimator global vars problem cases', () => {
    expect(run('let a = sigVerify(base58\'\', base58\'\', base58\'\')\nfunc f() = a\nf()', 1000)).toEqual({
      kind: 'value',
      value: false,
      complexity: 200,
    })
    expect(run('func f(a: Int) = a\nf(1 + 2 + 3) == 6', 100)).toEqual({ kind: 'value', value: true, complexity: 4 })
  })

  it('a dApp with a list literal of 1,000 elements folded by FOLD<1000> runs without deepening the JavaScript stack', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i).join(', ')
    const source = `{-# STDLIB_VERSION 6 #-}\n{-# CONTENT_TYPE DAPP #-}\n{-# SCRIPT_TYPE ACCOUNT #-}
      func add(acc: Int, x: Int) = acc + x
      @Callable(i)
      func sum() = ([IntegerEntry("sum", FOLD<1000>([${items}], 0, add))], unit)`
    const result = ride.compile(source, 3)
    if ('error' in result) throw new Error(result.error)
    const script = readScript(result.result.bytes)
    if (script.kind !== 'dapp') throw new Error('not a dApp')
    const caller = new Uint8Array(26)
    const facts = { caller, callerPublicKey: new Uint8Array(32), originCaller: caller, originCallerPublicKey: new Uint8Array(32), payments: [], transactionId: new Uint8Array(32), fee: 500_000n, feeAssetId: null }
    expect(runCallable(script, { function: 'sum', args: [] }, facts, { env })).toMatchObject({
      ok: true,
      result: { actions: [{ kind: 'data', key: 'sum', type: 'integer', value: 499_500n }] },
    })
  })
})

// Callables and verifiers on hand-built dApps. Texts: lang's ContractEvaluator.scala and ScriptResult.scala, node's
// InvokeScriptTransactionDiff.scala and ScriptRunner.scala; Invocation fields: Bindings.buildInvocation, Types.scala.
import { describe, expect, it } from 'vitest'
import { buildTable } from '../stdlib/index.ts'
import type { StdlibEntry } from '../stdlib/types.ts'
import type { DAppScript, Declaration, Expr, FuncDeclaration } from '../terms.ts'
import type { Environment } from '../environment.ts'
import { STDLIB_VERSIONS, type StdlibVersion } from '../versions.ts'
import { CaseObj, RideError, UNIT, type Value } from '../values.ts'
import { buildInvocation, invokeComplexityLimit, runCallable, runVerifier, type InvocationFacts } from './dapp.ts'

const long = (value: number): Expr => ({ kind: 'long', value: BigInt(value) })
const str = (value: string): Expr => ({ kind: 'string', value })
const ref = (name: string): Expr => ({ kind: 'ref', name })
const get = (expr: Expr, field: string): Expr => ({ kind: 'getter', expr, field })
const native = (id: number, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'native', id }, args })
const user = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', function: { kind: 'user', name }, args })
const func = (name: string, args: string[], body: Expr): FuncDeclaration => ({ kind: 'func', name, args, body })

// FunctionIds: SUM_LONG 100, GT_LONG 102, THROW 2, CREATE_LIST 1100 (cons)
const every = Object.fromEntries(STDLIB_VERSIONS.map((v) => [v, 1]))
const type = (name: string, ...fields: string[]): StdlibEntry => ({
  kind: 'type',
  name,
  fields: fields.map((f) => ({ name: f, type: 'Any' })),
  versions: [...STDLIB_VERSIONS],
})
const entries: StdlibEntry[] = [
  { kind: 'native', id: 100, name: '+', costs: every, apply: ([a, b]) => (a as bigint) + (b as bigint) },
  { kind: 'native', id: 102, name: '>', costs: every, apply: ([a, b]) => (a as bigint) > (b as bigint) },
  { kind: 'native', id: 2, name: 'throw', costs: every, apply: ([m]) => { throw new RideError(m as string, true) } },
  { kind: 'native', id: 1100, name: 'cons', costs: every, apply: ([h, t]) => [h!, ...(t as Value[])] },
  { kind: 'global', name: 'nil', versions: [...STDLIB_VERSIONS], value: () => [] },
  { kind: 'global', name: 'unit', versions: [...STDLIB_VERSIONS], value: () => UNIT },
  type('IntegerEntry', 'key', 'value'),
  type('StringEntry', 'key', 'value'),
  type('DataEntry', 'key', 'value'),
  type('WriteSet', 'data'),
  type('TransferSet', 'transfers'),
  type('ScriptResult', 'writeSet', 'transferSet'),
  type('ScriptTransfer', 'recipient', 'amount', 'asset'),
  type('Address', 'bytes'),
  type('Lease', 'recipient', 'amount', 'nonce'),
]
const tables = new Map(STDLIB_VERSIONS.map((v) => [v, buildTable(entries, v)]))
const env = {} as Environment
const options = (version: StdlibVersion, limit?: number) => ({ env, table: tables.get(version)!, ...(limit === undefined ? {} : { limit }) })
const list = (...items: Expr[]): Expr => items.reduceRight<Expr>((tail, head) => native(1100, head, tail), ref('nil'))

const caller = new Uint8Array(26).fill(1)
const callerPublicKey = new Uint8Array(32).fill(2)
const facts: InvocationFacts = {
  caller,
  callerPublicKey,
  originCaller: caller,
  originCallerPublicKey: callerPublicKey,
  payments: [{ assetId: null, amount: 500n }],
  transactionId: new Uint8Array(32).fill(3),
  fee: 500_000n,
  feeAssetId: null,
}

function dApp(version: StdlibVersion, declarations: Declaration[], callables: FuncDeclaration[], verifier?: FuncDeclaration): DAppScript {
  return {
    kind: 'dapp',
    version,
    meta: { version: 2, callableArgTypes: callables.map((c) => c.args.map(() => 'Int' as const)), originalNames: new Map() },
    declarations,
    callables: callables.map((f) => ({ annotationArg: 'i', func: f })),
    verifier: verifier ? { annotationArg: 'tx', func: verifier } : null,
  }
}

describe('buildInvocation', () => {
  it('gives V3 one payment, V4 a list, V5 and later the origin caller', () => {
    const v3 = buildInvocation(facts, 3)
    expect([...v3.fields.keys()]).toEqual(['payment', 'caller', 'callerPublicKey', 'transactionId', 'fee', 'feeAssetId'])
    expect(v3.get('payment')).toEqual(new CaseObj('AttachedPayment', new Map<string, Value>([['assetId', UNIT], ['amount', 500n]])))
    expect(buildInvocation({ ...facts, payments: [] }, 3).get('payment')).toBe(UNIT)
    const v4 = buildInvocation(facts, 4)
    expect([...v4.fields.keys()]).toEqual(['payments', 'caller', 'callerPublicKey', 'transactionId', 'fee', 'feeAssetId'])
    expect(v4.get('payments')).toHaveLength(1)
    const v5 = buildInvocation(facts, 5)
    expect([...v5.fields.keys()]).toEqual([
      'payments', 'caller', 'callerPublicKey', 'transactionId', 'fee', 'feeAssetId', 'originCaller', 'originCallerPublicKey',
    ])
    expect(v5.get('caller')).toEqual(new CaseObj('Address', new Map([['bytes', caller]])))
  })
})

describe('runCallable', () => {
  const bump = func('bump', ['n'], list(user('IntegerEntry', str('k'), native(100, ref('n'), ref('base')))))
  const script = dApp(6, [{ kind: 'let', name: 'base', value: long(10) }, func('helper', [], long(1))], [bump])

  it('evaluates the callable with the declarations in scope and reads its actions', () => {
    expect(runCallable(script, { function: 'bump', args: [5n] }, facts, options(6))).toEqual({
      ok: true,
      result: { actions: [{ kind: 'data', key: 'k', type: 'integer', value: 15n }], returned: UNIT },
      complexity: 3, // + 1, cons 1, the IntegerEntry constructor 1
    })
  })

  it('refuses an unknown callable, a function not marked @Callable, and a wrong argument count', () => {
    expect(runCallable(script, { function: 'nope', args: [] }, facts, options(6))).toEqual({
      ok: false, error: new RideError("@Callable function 'nope' doesn't exist in the script"), complexity: 0, refused: true,
    })
    expect(runCallable(script, { function: 'helper', args: [] }, facts, options(6))).toEqual({
      ok: false,
      error: new RideError("function 'helper exists in the script but is not marked as @Callable, therefore cannot not be invoked"),
      complexity: 0,
      refused: true,
    })
    expect(runCallable(script, { function: 'bump', args: [] }, facts, options(6))).toEqual({
      ok: false, error: new RideError("function 'bump takes 1 args but 0 were(was) given"), complexity: 0, refused: true,
    })
  })

  it('binds the Invocation to the annotation name', () => {
    const paid = func('paid', [], list(user('IntegerEntry', str('fee'), get(ref('i'), 'fee'))))
    const outcome = runCallable(dApp(5, [], [paid]), { function: 'paid', args: [] }, facts, options(5))
    expect(outcome).toMatchObject({ ok: true, result: { actions: [{ kind: 'data', key: 'fee', type: 'integer', value: 500_000n }] } })
  })

  it('reports a throw with the complexity spent, and the limit as an uncompleted evaluation', () => {
    const fails = func('fails', [], native(2, str('arg: no')))
    expect(runCallable(dApp(6, [], [fails]), { function: 'fails', args: [] }, facts, options(6))).toEqual({
      ok: false, error: new RideError('arg: no', true), complexity: 1, refused: false,
    })
    const costly = func('costly', [], list(user('IntegerEntry', str('k'), native(100, native(100, long(1), long(2)), long(3)))))
    expect(runCallable(dApp(6, [], [costly]), { function: 'costly', args: [] }, facts, options(6, 2))).toEqual({
      ok: false, error: new RideError('Evaluation was uncompleted with unused complexity = 0'), complexity: 2, refused: false, incomplete: true,
    })
  })

  it('reads V3 results: ScriptResult, WriteSet, TransferSet', () => {
    const recipient = user('Address', { kind: 'bytes', value: caller })
    const result = func(
      'f',
      [],
      user(
        'ScriptResult',
        user('WriteSet', list(user('DataEntry', str('a'), str('x')))),
        user('TransferSet', list(user('ScriptTransfer', recipient, long(7), ref('unit')))),
      ),
    )
    expect(runCallable(dApp(3, [], [result]), { function: 'f', args: [] }, facts, options(3))).toMatchObject({
      ok: true,
      result: {
        actions: [
          { kind: 'data', key: 'a', type: 'string', value: 'x' },
          { kind: 'transfer', recipient: { address: caller }, amount: 7n, assetId: null },
        ],
      },
    })
  })

  it('reads a V5 tuple (actions, value)', () => {
    const tuple = func('t', [], user('Tuple2', list(user('StringEntry', str('s'), str('v'))), long(42)))
    const table = buildTable([...entries, type('Tuple2', '_1', '_2')], 5)
    expect(runCallable(dApp(5, [], [tuple]), { function: 't', args: [] }, facts, { env, table })).toMatchObject({
      ok: true,
      result: { actions: [{ kind: 'data', key: 's', type: 'string', value: 'v' }], returned: 42n },
    })
  })

  it('refuses a V4 Lease and a wrongly typed entry with the node\'s texts', () => {
    const lease = func('l', [], list(user('Lease', user('Address', { kind: 'bytes', value: caller }), long(1), long(0))))
    const outcome = runCallable(dApp(4, [], [lease]), { function: 'l', args: [] }, facts, options(4))
    expect(outcome.ok === false && outcome.error.message).toMatch(/^CallableFunction needs to return List\[BinaryEntry\|.*SponsorFee\], but got 'CaseObj\(Lease, /)
    const wrong = func('w', [], list(user('IntegerEntry', str('k'), str('text'))))
    expect(runCallable(dApp(6, [], [wrong]), { function: 'w', args: [] }, facts, options(6))).toMatchObject({
      ok: false,
      error: new RideError(
        "CallableFunction needs to return List[BinaryEntry|BooleanEntry|DeleteEntry|IntegerEntry|StringEntry|ScriptTransfer|Issue|Reissue|Burn|SponsorFee|Lease|LeaseCancel]|(List[BinaryEntry|BooleanEntry|DeleteEntry|IntegerEntry|StringEntry|ScriptTransfer|Issue|Reissue|Burn|SponsorFee|Lease|LeaseCancel], Any), but got 'can't reconstruct IntegerEntry from Map(key -> CONST_STRING(k), value -> CONST_STRING(text))'",
      ),
    })
  })

  it('has the node\'s invoke limits by version', () => {
    expect(STDLIB_VERSIONS.filter((v) => v >= 3).map(invokeComplexityLimit)).toEqual([52_000, 52_000, 26_000, 52_000, 52_000, 52_000])
  })
})

describe('runVerifier', () => {
  const tx = new CaseObj('TransferTransaction', new Map<string, Value>([['fee', 900n]]))

  it('runs a @Verifier with the transaction bound to its name', () => {
    const verifier = func('verify', [], native(102, get(ref('tx'), 'fee'), long(500)))
    expect(runVerifier(dApp(6, [], [], verifier), tx, options(6))).toEqual({ ok: true, allowed: true, complexity: 1 })
    expect(runVerifier(dApp(6, [], []), tx, options(6))).toEqual({ ok: true, allowed: true, complexity: 0 })
  })

  it('runs an expression script, and says when it returns no Boolean or runs past its limit', () => {
    const script = (expr: Expr) => ({ kind: 'expression' as const, version: 6 as const, expr })
    expect(runVerifier(script(native(102, long(2), long(1))), tx, options(6))).toEqual({ ok: true, allowed: true, complexity: 1 })
    expect(runVerifier(script(long(1)), tx, options(6))).toEqual({
      ok: false, error: new RideError('Script returned not a boolean result, but 1'), complexity: 0,
    })
    let deep: Expr = long(0)
    for (let i = 0; i < 2001; i++) deep = native(100, deep, long(1))
    expect(runVerifier(script(native(102, deep, long(0))), tx, options(6))).toEqual({
      ok: false, error: new RideError('Verifier complexity limit = 2000 is exceeded'), complexity: 2000,
    })
  })
})

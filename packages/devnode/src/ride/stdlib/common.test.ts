import { describe, expect, it } from 'vitest'
import type { Expr } from '../terms.ts'
import { CaseObj, RideBigInt, UNIT, caseObj } from '../values.ts'
import { commonFunctions } from './common.ts'
import { call, entry, LONG_MIN, spentOnFailure } from '../../../../../test/ride-stdlib.ts'

type V = Parameters<typeof call>[2]
const c = (key: number | string, v: V, ...args: Parameters<typeof call>[3]) => call(commonFunctions, key, v, args)

describe('equality and operators (PureContext.eq, ne, uNot, uMinus)', () => {
  it('compares by type and content', () => {
    expect(c(0, 6, 1n, 1n)).toBe(true)
    expect(c(0, 6, 1n, new RideBigInt(1n))).toBe(false)
    expect(c(0, 6, Uint8Array.of(1), Uint8Array.of(1))).toBe(true)
    expect(c(0, 6, [1n, 'a'], [1n, 'a'])).toBe(true)
    expect(c(0, 6, UNIT, UNIT)).toBe(true)
    expect(c('!=', 6, 'a', 'b')).toBe(true)
    expect(c('!', 6, true)).toBe(false)
    expect(c('-', 6, 5n)).toBe(-5n)
    expect(c('-', 6, LONG_MIN)).toEqual({ error: 'long overflow' })
  })
  it('refuses to compare two heavy values (MaxCmpWeight 13,000)', () => {
    const heavy = 'a'.repeat(13001)
    expect(c(0, 6, heavy, heavy)).toEqual({ error: 'Comparable value too heavy.' })
    expect(c(0, 6, heavy, 'a')).toBe(false)
  })
})

describe('match support: $isInstanceOf and $getType (Terms getType, TypeCastTest.scala)', () => {
  it('names runtime types as the compiler checks them', () => {
    expect(c(1, 6, 1n, 'Int')).toBe(true)
    expect(c(1, 6, UNIT, 'Unit')).toBe(true)
    expect(c(1, 6, [1n], 'List[Any]')).toBe(true)
    expect(c(1, 6, caseObj('Address', { bytes: new Uint8Array(0) }), 'Address')).toBe(true)
    expect(c(1, 6, new RideBigInt(1n), 'Int')).toBe(false)
    const tuple = c(1301, 6, 1n, 'a', true) as CaseObj
    expect(c(3, 6, tuple)).toBe('(Int, String, Boolean)')
    // field names sort as strings: _1, _10, _2 ...
    const ten = c(1308, 6, ...Array.from({ length: 9 }, () => 1n), 'x') as CaseObj
    expect(c(3, 6, ten)).toBe('(Int, String, Int, Int, Int, Int, Int, Int, Int, Int)')
  })
})

describe('throw, value, valueOrElse, valueOrErrorMessage, extract, isDefined (ValueErrorMessageTest.scala)', () => {
  it('reports what the node body spends up to its error (EvaluatorV2: a failing built-in user function counts its body)', () => {
    expect(spentOnFailure(commonFunctions, 'throw', 6, [])).toBe(1)
    expect(spentOnFailure(commonFunctions, 'value', 6, [UNIT])).toBe(2)
    expect(spentOnFailure(commonFunctions, 'valueOrErrorMessage', 6, [UNIT, 'x'])).toBe(2)
    expect(spentOnFailure(commonFunctions, 'extract', 3, [UNIT])).toBe(2)
    expect(spentOnFailure(commonFunctions, '-', 6, [LONG_MIN])).toBe(1)
    expect(spentOnFailure(commonFunctions, '!=', 6, ['h'.repeat(13001), 'h'.repeat(13001)])).toBe(1)
  })
  it('throws the script message or the default one', () => {
    expect(c(2, 6, 'boom')).toEqual({ error: 'boom' })
    expect(c('throw', 6)).toEqual({ error: 'Explicit script termination' })
  })
  it('words value() by the argument term', () => {
    const v = (arg: Expr) => call(commonFunctions, 'value', 4, [UNIT], [arg])
    expect(v({ kind: 'ref', name: 'a' })).toEqual({ error: "value() called on unit value by reference 'a'" })
    expect(v({ kind: 'getter', expr: { kind: 'ref', name: 'x' }, field: 'minSponsoredAssetFee' })).toEqual({
      error: "value() called on unit value while accessing field 'minSponsoredAssetFee'",
    })
    const unitRef: Expr = { kind: 'ref', name: 'unit' }
    expect(v({ kind: 'if', cond: { kind: 'boolean', value: true }, ifTrue: unitRef, ifFalse: { kind: 'long', value: 7n } })).toEqual({
      error: 'value() called on unit value after condition evaluation',
    })
    expect(v({ kind: 'block', declaration: { kind: 'let', name: 'a', value: { kind: 'long', value: 1n } }, body: unitRef })).toEqual({
      error: 'value() called on unit value after let block evaluation',
    })
    expect(v({ kind: 'call', function: { kind: 'user', name: 'a' }, args: [] })).toEqual({
      error: "value() called on unit value on function 'a' call",
    })
    expect(v({ kind: 'call', function: { kind: 'native', id: 1055 }, args: [{ kind: 'string', value: 'data' }] })).toEqual({
      error: "value by key 'data' not found for the contract address on function '1055Value' call",
    })
    expect(call(commonFunctions, 'value', 4, [3n])).toBe(3n)
  })
  it('handles the rest', () => {
    expect(c('valueOrElse', 6, UNIT, 2n)).toBe(2n)
    expect(c('valueOrElse', 6, 1n, 2n)).toBe(1n)
    expect(c('valueOrErrorMessage', 6, UNIT, 'no')).toEqual({ error: 'no' })
    expect(c('extract', 3, UNIT)).toEqual({ error: 'extract() called on unit value' })
    expect(() => entry(commonFunctions, 'extract', 4)).toThrow('0 entries')
    expect(c('isDefined', 1, UNIT)).toBe(false)
  })
  it('builds tuples from V4 and sizes them from V6', () => {
    const t = c(1300, 4, 1n, 'a') as CaseObj
    expect(t.typeName).toBe('Tuple')
    expect([...t.fields]).toEqual([['_1', 1n], ['_2', 'a']])
    expect(c(1350, 6, t)).toBe(2n)
    expect(() => entry(commonFunctions, 1300, 3)).toThrow('0 entries')
  })
  it('costs per version', () => {
    expect(entry(commonFunctions, 'value', 3).costs).toEqual({ 3: 13, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2 })
    expect(entry(commonFunctions, '!=', 1).costs).toEqual({ 1: 26, 2: 26, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1 })
    expect(entry(commonFunctions, 'isDefined', 1).costs[1]).toBe(35)
  })
})

// `large-significand-format=string` as the node's NumberAsStringSerializer writes it (api/http/CustomJson.scala):
// numbers become strings by field name, nested ones included, whatever their size; other numbers stay numbers.
import { expect, it } from 'vitest'
import { readJson, writeJson } from './json.ts'

it('stringifies numbers in the node fields only, and everything inside them', () => {
  const header = { height: 12, desiredReward: -1, totalFee: 500000n, reward: 600000000n, rewardShares: { '3Mabc': 600000000n }, timestamp: 1_700_000_000_000 }
  expect(writeJson(header, true)).toBe(
    '{"height":12,"desiredReward":"-1","totalFee":"500000","reward":"600000000","rewardShares":{"3Mabc":"600000000"},"timestamp":1700000000000}',
  )
  const scriptInfo = { complexity: 120, verifierComplexity: 0, extraFee: 0n }
  expect(writeJson(scriptInfo, true)).toBe('{"complexity":120,"verifierComplexity":0,"extraFee":0}')
  const invoke = { call: { function: 'f', args: [{ type: 'integer', value: 9223372036854775807n }] }, payment: [{ amount: 1, assetId: null }] }
  expect(writeJson(invoke, true)).toBe('{"call":{"function":"f","args":[{"type":"integer","value":"9223372036854775807"}]},"payment":[{"amount":"1","assetId":null}]}')
  expect(writeJson(header, false)).toBe(
    '{"height":12,"desiredReward":-1,"totalFee":500000,"reward":600000000,"rewardShares":{"3Mabc":600000000},"timestamp":1700000000000}',
  )
})

it('reads a repeated key as Play JSON does: the last value, in the first place; numbers beyond 2^53 exact', () => {
  expect(readJson('{"ids": ["a"], "height": 1, "ids": ["b", "c"]}')).toEqual({ ids: ['b', 'c'], height: 1 })
  expect(Object.keys(readJson('{"a": 1, "b": 2, "a": 3}') as object)).toEqual(['a', 'b'])
  expect(readJson('{"fee": 9223372036854775807, "amount": 9007199254740991}')).toEqual({ fee: 9223372036854775807n, amount: 9007199254740991 })
})

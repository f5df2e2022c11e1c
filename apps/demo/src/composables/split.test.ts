import { expect, test } from 'vitest'
import { expectedPowMs, ratesProblem, splitOf } from './split.ts'

const RATES = { l1: 100, l2: 50, l3: 25, cashback: 10 }

test('the split of a payment adds up to it, unit for unit, as the contract makes it', () => {
  // ride/README.md's worked example: 100,000,000 at 100/50/25/10 per mille
  expect(splitOf(100_000_000n, RATES)).toEqual({ l1: 10_000_000n, l2: 5_000_000n, l3: 2_500_000n, cashback: 1_000_000n, change: 81_500_000n })
  // rounding down leaves the remainder in the change
  expect(splitOf(999n, RATES)).toEqual({ l1: 99n, l2: 49n, l3: 24n, cashback: 9n, change: 818n })
  // a payer with one referrer: levels 2 and 3 go to the change
  expect(splitOf(1000n, RATES, 1)).toEqual({ l1: 100n, l2: 0n, l3: 0n, cashback: 10n, change: 890n })
  for (const amount of [1n, 7n, 123_456_789n, 9_223_372_036_854_775_807n]) {
    const s = splitOf(amount, RATES)
    expect(s.l1 + s.l2 + s.l3 + s.cashback + s.change).toBe(amount)
  }
})

test('rates: each 0..1000 per mille and at most 1000 together', () => {
  expect([ratesProblem(RATES), ratesProblem({ ...RATES, l1: 1001 }), ratesProblem({ ...RATES, l1: -1 }), ratesProblem({ ...RATES, l1: 1.5 }), ratesProblem({ l1: 500, l2: 300, l3: 150, cashback: 51 })]).toEqual([null, 'rate', 'rate', 'rate', 'sum'])
})

test('expected proof-of-work time: 2^bits attempts at the given rate', () => {
  expect([expectedPowMs(16, 65_536), expectedPowMs(20, 1_048_576), expectedPowMs(24, 4_194_304)]).toEqual([1000, 1000, 4000])
})

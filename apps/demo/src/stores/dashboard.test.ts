import { describe, expect, test } from 'vitest'
import { DASHBOARD } from '../fixtures.ts'
import { chartOf, rowsOf } from './dashboard.ts'

describe('rowsOf', () => {
  test('all rows newest first; each filter keeps its kind', () => {
    expect(rowsOf(DASHBOARD, 'all').map((r) => r.txId)).toEqual(['TX4', 'TX3', 'TX2', 'TX1'])
    expect(rowsOf(DASHBOARD, 'referral').map((r) => r.txId)).toEqual(['TX2', 'TX1'])
    expect(rowsOf(DASHBOARD, 'cashback').map((r) => r.txId)).toEqual(['TX3'])
    expect(rowsOf(DASHBOARD, 'withdrawal').map((r) => r.txId)).toEqual(['TX4'])
  })
})

describe('chartOf', () => {
  test('cumulative income, oldest first; credits of one block make one point', () => {
    const t = DASHBOARD.income[2]!.timestamp
    expect(chartOf(DASHBOARD.income)).toEqual([
      { timestamp: t, total: 10_000_000n },
      { timestamp: t + 60_000, total: 12_500_000n },
      { timestamp: t + 120_000, total: 13_500_000n },
    ])
    const sameBlock = DASHBOARD.income.map((r) => ({ ...r, timestamp: t }))
    expect(chartOf(sameBlock)).toEqual([{ timestamp: t, total: 13_500_000n }])
    expect(chartOf([])).toEqual([])
  })
})

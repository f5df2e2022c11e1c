import { describe, expect, test } from 'vitest'
import { DASHBOARD } from '../fixtures.ts'
import { chartOf, rowsOf, solvencyFor } from './dashboard.ts'

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

describe('solvencyFor', () => {
  const WAVES = DASHBOARD.config.asset
  const TOKEN = { id: '8LQW8f7P5d5PZM7GtZEBgaqRPGSzS3DfPuiXrURJ4AJS', name: 'USDN', decimals: 6 }
  const OTHER = { id: 'DG2xFkPdDwKUoBkzGAhQtLpSGzfXLiCYPEzeKH2Ad24p', name: 'USDT', decimals: 6 }
  const books = [
    { asset: TOKEN, held: 5_000_000n, owed: 4_000_000n, reserved: 0n, surplus: 1_000_000n },
    { asset: OTHER, held: 0n, owed: 0n, reserved: 0n, surplus: 0n },
    { asset: WAVES, held: 300_000_000n, owed: 12_500_000n, reserved: 100_000_000n, surplus: 187_500_000n },
  ]
  test('the program’s asset, and the earlier ones the member is still owed in', () => {
    expect(solvencyFor(DASHBOARD, books)).toEqual([books[2]])
    const owedToken = { ...DASHBOARD, balances: [...DASHBOARD.balances, { asset: TOKEN, amount: 1n }, { asset: OTHER, amount: 0n }] }
    expect(solvencyFor(owedToken, books)).toEqual([books[0], books[2]])
    const tokenProgram = { ...DASHBOARD, balances: [], config: { ...DASHBOARD.config, asset: OTHER } }
    expect(solvencyFor(tokenProgram, books)).toEqual([books[1]])
  })
})

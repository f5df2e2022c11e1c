import { expect, test } from 'vitest'
import { ME, PAYER } from '../fixtures.ts'
import { exportRow } from './admin.ts'

const TX = '8SwTNzDg5ZBqpLSQDXGcnqj5H8g4fb4yrspQcUjBRG6S'

test('export rows: a fund credit names its beneficiary and payer, a withdrawal its member and no payer', () => {
  expect(exportRow({ kind: 'fund', n: 3, txId: TX, beneficiary: ME, payer: PAYER, amount: 10_000_000n, level: 'l1', timestamp: 1798956000000, asset: 'WAVES' })).toEqual({
    timestamp: 1798956000000, txId: TX, kind: 'l1', account: ME, payer: PAYER, amount: 10_000_000n, asset: 'WAVES',
  })
  expect(exportRow({ kind: 'withdraw', n: 1, txId: TX, user: ME, amount: 1_100_000n, timestamp: 1798956060000, asset: 'WAVES' })).toEqual({
    timestamp: 1798956060000, txId: TX, kind: 'withdrawal', account: ME, payer: '', amount: 1_100_000n, asset: 'WAVES',
  })
})

import { expect, test } from 'vitest'
import { ME, PAYER } from '../fixtures.ts'
import { parseRecord } from './admin.ts'

const TX = '8SwTNzDg5ZBqpLSQDXGcnqj5H8g4fb4yrspQcUjBRG6S'

test('program records: fund credits and withdrawals in the contract v2 layout; anything else is skipped', () => {
  expect(parseRecord({ key: `fund_${ME}_3`, value: `${PAYER}:10000000:l1:1798956000000:WAVES:${TX}` })).toEqual({
    timestamp: 1798956000000, txId: TX, kind: 'l1', account: ME, payer: PAYER, amount: 10_000_000n, asset: 'WAVES',
  })
  expect(parseRecord({ key: `withdraw_${ME}_1`, value: `1100000:1798956060000:WAVES:${TX}` })).toEqual({
    timestamp: 1798956060000, txId: TX, kind: 'withdrawal', account: ME, payer: '', amount: 1_100_000n, asset: 'WAVES',
  })
  expect(
    [
      { key: `fund_${ME}_3`, value: `${PAYER}:10:l4:1:WAVES:${TX}` }, // no such level
      { key: `fund_${ME}_3`, value: `${PAYER}:-1:l1:1:WAVES:${TX}` }, // negative
      { key: `fund_${ME}_3`, value: `${PAYER}:1:l1:1:WAVES` }, // no transaction id
      { key: `fund_${ME}_3`, value: 5 },
      { key: `withdraw_${ME}_x`, value: `1:1:WAVES:${TX}` }, // not a sequence number
      { key: `${ME}_funds`, value: '3' },
    ].map(parseRecord),
  ).toEqual([null, null, null, null, null, null])
})

import { expect, test } from 'vitest'
import { csvField, toCsv } from './csv.ts'

test('fields are quoted only when they must be, formulas are defused', () => {
  expect(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', '=SUM(A1)', '+1', '-1.5', '-x', '@cmd', 12, 123456789012345678901n].map(csvField)).toEqual([
    'plain',
    '"a,b"',
    '"say ""hi"""',
    '"two\nlines"',
    '" padded"',
    "'=SUM(A1)",
    "'+1",
    '-1.5',
    "'-x",
    "'@cmd",
    '12',
    '123456789012345678901',
  ])
  expect(toCsv(['time', 'amount'], [['2026-11-30T00:00:00.000Z', '0.1'], ['x', '1']])).toBe('time,amount\r\n2026-11-30T00:00:00.000Z,0.1\r\nx,1\r\n')
})

import { describe, expect, test } from 'vitest'
import { amount, count, duration, groupDigits, perMilleToPercent, rate, shortAddress } from './format.ts'
import { interpolate, translate } from './i18n.ts'
import { en } from '../locales/en.ts'
import { ru } from '../locales/ru.ts'

describe('formats', () => {
  test('amounts keep every digit of the bigint, grouped per language', () => {
    expect(amount(123456789012345678n, 8, 'en')).toBe('1,234,567,890.12345678')
    expect(amount(123456789012345678n, 8, 'ru')).toBe('1\u00a0234\u00a0567\u00a0890,12345678')
    expect(amount(150000000n, 8, 'en')).toBe('1.5')
    expect(amount(1n, 8, 'en')).toBe('0.00000001')
    expect(amount(0n, 8, 'en')).toBe('0')
    expect(amount(-2n, 0, 'en')).toBe('-2')
    expect(groupDigits('1000', 'en')).toBe('1,000')
  })
  test('rates, counts, speeds, durations, addresses', () => {
    expect([perMilleToPercent(100), perMilleToPercent(25), perMilleToPercent(0)]).toEqual(['10%', '2.5%', '0%'])
    expect(count(65536, 'en')).toBe('65,536')
    expect([rate(950), rate(812_400), rate(4_430_000)]).toEqual(['950', '812k', '4.4M'])
    expect([duration(200, 'en'), duration(12_300, 'en'), duration(300_000, 'ru'), duration(7_200_000, 'en'), duration(488_400_000, 'en')]).toEqual([
      '< 1 s',
      '13 s',
      '5 мин',
      '2 h',
      '6 d',
    ])
    expect(shortAddress('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF')).toBe('3M4qwD…nWxF')
  })
})

describe('messages', () => {
  test('Russian translates every English id, with the same placeholders', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const id of Object.keys(en) as (keyof typeof en)[]) {
      if (id === 'config.hint') continue // its example JSON has braces of its own
      expect([id, names(ru[id])]).toEqual([id, names(en[id])])
    }
  })
  test('placeholders are filled; a missing one stays visible', () => {
    expect(translate('en', 'join.invites', { referrer: '3M4q…' })).toBe('3M4q… invites you.')
    expect(translate('ru', 'join.invites', { referrer: '3M4q…' })).toBe('3M4q… приглашает вас.')
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })
})

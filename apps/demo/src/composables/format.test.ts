import { beforeAll, describe, expect, test } from 'vitest'
import { amount, count, duration, groupDigits, perMilleToPercent, rate, shortAddress } from './format.ts'
import { type MessageId, interpolate, loadArea, loadLocale, translate } from './i18n.ts'
import consoleEn from '../locales/console.en.ts'
import consoleRu from '../locales/console.ru.ts'
import dashboardEn from '../locales/dashboard.en.ts'
import dashboardRu from '../locales/dashboard.ru.ts'
import joinEn from '../locales/join.en.ts'
import joinRu from '../locales/join.ru.ts'
import en from '../locales/en.ts'
import ru from '../locales/ru.ts'

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
  test('rates, counts, speeds, durations, addresses, through Intl for the language', () => {
    expect([perMilleToPercent(100, 'en'), perMilleToPercent(25, 'en'), perMilleToPercent(0, 'en'), perMilleToPercent(25, 'ru')]).toEqual(['10%', '2.5%', '0%', '2,5\u00a0%'])
    expect([count(65536, 'en'), count(65536, 'ru')]).toEqual(['65,536', '65\u00a0536'])
    expect([rate(950, 'en'), rate(812_400, 'en'), rate(4_430_000, 'en'), rate(4_430_000, 'ru')]).toEqual(['950', '812.4k', '4.4m', '4,4\u00a0млн'])
    expect([duration(200, 'en'), duration(12_300, 'en'), duration(300_000, 'ru'), duration(7_200_000, 'en'), duration(488_400_000, 'en')]).toEqual([
      '< 1 sec',
      '13 secs',
      '5 мин',
      '2 hrs',
      '6 days',
    ])
    expect(shortAddress('3M4qwDomRabJKLZxuXhwfqLApQkU592nWxF')).toBe('3M4qwD…nWxF')
  })
})

/** every text of each language, the first download's and the pages' */
const EN: Record<MessageId, string> = { ...en, ...consoleEn, ...dashboardEn, ...joinEn }
const RU: Record<MessageId, string> = { ...ru, ...consoleRu, ...dashboardRu, ...joinRu }

describe('messages', () => {
  beforeAll(async () => {
    await Promise.all([loadArea('dashboard'), loadArea('join')])
    // a language loaded later loads the areas already asked for
    await loadLocale('ru')
  })
  test('Russian translates every English id, with the same placeholders', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(consoleRu).sort()).toEqual(Object.keys(consoleEn).sort())
    expect(Object.keys(dashboardRu).sort()).toEqual(Object.keys(dashboardEn).sort())
    expect(Object.keys(joinRu).sort()).toEqual(Object.keys(joinEn).sort())
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
    for (const id of Object.keys(EN) as MessageId[]) {
      expect([id, names(RU[id])]).toEqual([id, names(EN[id])])
    }
  })
  test('placeholders are filled; a missing one stays visible', () => {
    expect(translate('en', 'join.invites', { referrer: '3M4q…' })).toBe('3M4q… invites you.')
    expect(translate('ru', 'join.invites', { referrer: '3M4q…' })).toBe('3M4q… приглашает вас.')
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })
  test('plural forms follow each language’s rules: English two, Russian three', () => {
    const members = (lang: 'en' | 'ru', n: number) => translate(lang, 'dashboard.levelCount', { count: n, amount: '1', asset: 'WAVES' }, n)
    expect([1, 2, 5].map((n) => members('en', n))).toEqual(['1 member · 1 WAVES', '2 members · 1 WAVES', '5 members · 1 WAVES'])
    expect([1, 2, 5, 11, 21, 22, 25, 101].map((n) => members('ru', n))).toEqual([
      '1 участник · 1 WAVES',
      '2 участника · 1 WAVES',
      '5 участников · 1 WAVES',
      '11 участников · 1 WAVES',
      '21 участник · 1 WAVES',
      '22 участника · 1 WAVES',
      '25 участников · 1 WAVES',
      '101 участник · 1 WAVES',
    ])
    // a plural message has as many forms as its language has categories
    const forms = { en: 2, ru: 3 }
    for (const id of Object.keys(EN) as MessageId[]) {
      const n = EN[id].split(' | ').length
      if (n === 1) continue
      expect([id, n, RU[id].split(' | ').length]).toEqual([id, forms.en, forms.ru])
    }
  })
})

// Display formats shared by the pages: addresses, rates, durations, dates, attempt counts.
// Amounts are formatted by the library's `formatAmount` (bigint in, decimal string out); only the
// digit grouping is added here, on the string, so no amount ever passes through a float.
import { formatAmount } from 'waves-affiliate'
import type { Locale } from './i18n.ts'

/** `3M4qwD…xF` */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`
}

/** 100 per mille → `10%`, 25 → `2.5%` */
export function perMilleToPercent(perMille: number): string {
  const whole = Math.trunc(perMille / 10)
  const tenth = perMille % 10
  return tenth === 0 ? `${whole}%` : `${whole}.${tenth}%`
}

/** `1234567.5` → `1 234 567.5` (ru) or `1,234,567.5` (en); the fraction is left as it is. */
export function groupDigits(decimal: string, locale: Locale): string {
  const negative = decimal.startsWith('-')
  const [whole = '', fraction] = (negative ? decimal.slice(1) : decimal).split('.')
  const separator = locale === 'ru' ? '\u00a0' : ','
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  const point = locale === 'ru' ? ',' : '.'
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : point + fraction}`
}

export function amount(value: bigint, decimals: number, locale: Locale): string {
  return groupDigits(formatAmount(value, decimals), locale)
}

/** Whole attempts with grouping: `65,536`. */
export function count(value: number, locale: Locale): string {
  return groupDigits(String(Math.round(value)), locale)
}

/** Attempts per second, compact: `812k`, `4.4M`. */
export function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`
  if (perSecond >= 1e3) return `${Math.round(perSecond / 1e3)}k`
  return String(Math.round(perSecond))
}

/** Remaining time for a progress bar: `< 1 s`, `12 s`, `3 min`, `5 h`, `12 d`. */
export function duration(ms: number, locale: Locale): string {
  const seconds = Math.ceil(ms / 1000)
  const [s, min, h, d] = locale === 'ru' ? ['с', 'мин', 'ч', 'дн'] : ['s', 'min', 'h', 'd']
  if (ms < 1000) return `< 1 ${s}`
  if (seconds < 90) return `${seconds} ${s}`
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} ${min}`
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} ${h}`
  return `${groupDigits(String(Math.round(seconds / 86400)), locale)} ${d}`
}

export function dateTime(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(timestamp)
}

export function shortDate(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(timestamp)
}

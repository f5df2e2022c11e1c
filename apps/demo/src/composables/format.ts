// Display formats shared by the pages, all through `Intl` for the language: amounts, counts, rates,
// durations, dates, addresses. Amounts go in as bigint and reach `Intl.NumberFormat` as an exact decimal
// string (the library's `formatAmount`), so no amount ever passes through a float.
import { formatAmount } from 'waves-affiliate'
import { type Locale, intlLocale } from './i18n.ts'

const formats = new Map<string, Intl.NumberFormat>()
/** Formatters are costly to build and the pages format hundreds of numbers per render: one per shape. */
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options)
    formats.set(key, format)
  }
  return format
}

/** `3M4qwD…xF` */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`
}

/** 100 per mille → `10%`, 25 → `2.5%` (en) or `2,5 %` (ru). */
export function perMilleToPercent(perMille: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(perMille / 1000)
}

/** A decimal string (`-1234567.5`) grouped for the language, every digit kept. */
export function groupDigits(decimal: string, locale: Locale): string {
  // Intl reads a string as an exact decimal (ECMA-402 NumberFormat v3); `as never` because the lib typings
  // of TypeScript 5.9 still list only number | bigint
  return numberFormat(locale, { maximumFractionDigits: 20 }).format(decimal as never)
}

/** `value` smallest units of an asset with `decimals` → `1,234.5` (en), `1 234,5` (ru). */
export function amount(value: bigint, decimals: number, locale: Locale): string {
  return groupDigits(formatAmount(value, decimals), locale)
}

/** Whole attempts or members, grouped: `65,536`. */
export function count(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value))
}

/** Attempts per second, compact: `812.4K`, `4.4M` (en), `4,4 млн` (ru). */
export function rate(perSecond: number, locale: Locale): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(Math.round(perSecond))
}

/** Remaining time for a progress bar: `< 1 sec`, `13 sec`, `3 min`, `5 hr`, `12 days`. */
export function duration(ms: number, locale: Locale): string {
  const seconds = Math.ceil(ms / 1000)
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value)
  if (ms < 1000) return `< ${unit(1, 'second')}`
  if (seconds < 90) return unit(seconds, 'second')
  if (seconds < 90 * 60) return unit(Math.round(seconds / 60), 'minute')
  if (seconds < 36 * 3600) return unit(Math.round(seconds / 3600), 'hour')
  return unit(Math.round(seconds / 86400), 'day')
}

export function dateTime(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(timestamp)
}

export function shortDate(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(timestamp)
}

export function dayDate(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', day: 'numeric' }).format(timestamp)
}

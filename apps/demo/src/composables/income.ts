// Income by level over a period, in buckets (a day, or a week over long periods), for the chart. Amounts
// stay bigint; the chart turns them into floats only to place bars, and its tooltip shows these exact sums.
import type { FundRecord, Level } from 'waves-affiliate'

export type Period = 'week' | 'month' | 'all'
export const PERIODS: readonly Period[] = ['week', 'month', 'all']
export const LEVELS: readonly Level[] = ['l1', 'l2', 'l3', 'cashback', 'change']

const DAY = 86_400_000

export interface IncomeBuckets {
  /** each bucket's start (local midnight, ms) */
  starts: number[]
  /** bucket length: 1 or 7 days */
  days: 1 | 7
  /** per level, one sum per bucket */
  byLevel: Record<Level, bigint[]>
  /** income within the period */
  total: bigint
}

const midnight = (time: number) => {
  const d = new Date(time)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** The buckets of `period` ending at `now` (the last 7 or 30 days, or since the first credit). */
export function incomeBuckets(income: readonly FundRecord[], period: Period, now: number): IncomeBuckets {
  const end = midnight(now) + DAY
  const first = income.reduce((min, r) => Math.min(min, r.timestamp), now)
  const start = period === 'week' ? end - 7 * DAY : period === 'month' ? end - 30 * DAY : midnight(first)
  const span = Math.max(1, Math.round((end - start) / DAY))
  const days = span > 90 ? 7 : 1
  const n = Math.ceil(span / days)
  const starts = Array.from({ length: n }, (_, i) => start + i * days * DAY)
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, Array<bigint>(n).fill(0n)])) as Record<Level, bigint[]>
  let total = 0n
  for (const record of income) {
    if (record.timestamp < start || record.timestamp >= end) continue
    // daylight-saving days are 23 or 25 hours long: find the bucket by its start, not by division alone
    let i = Math.min(n - 1, Math.floor((record.timestamp - start) / (days * DAY)))
    while (i > 0 && starts[i]! > record.timestamp) i--
    byLevel[record.level][i]! += record.amount
    total += record.amount
  }
  return { starts, days, byLevel, total }
}

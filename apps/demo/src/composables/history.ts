// A member's history as a CSV file: one line per credit or withdrawal, amounts as exact decimals in the
// asset's unit (a dot, whatever the page's language: spreadsheets and scripts read them alike).
import { type AssetInfo, formatAmount } from 'waves-affiliate'
import type { Row } from '../stores/dashboard.ts'
import { isoTime, toCsv } from './csv.ts'

export const HISTORY_HEADER = ['time', 'transaction', 'kind', 'from', 'amount', 'asset'] as const

export function historyCsv(rows: readonly Row[], asset: AssetInfo): string {
  return toCsv(
    HISTORY_HEADER,
    rows.map((row) => [
      isoTime(row.timestamp),
      row.txId,
      row.kind === 'withdrawal' ? 'withdrawal' : row.level,
      row.kind === 'withdrawal' ? '' : row.payer,
      row.kind === 'withdrawal' ? `-${formatAmount(row.amount, asset.decimals)}` : formatAmount(row.amount, asset.decimals),
      asset.name,
    ]),
  )
}

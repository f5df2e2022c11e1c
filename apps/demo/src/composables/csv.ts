// CSV files for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark (so that Excel
// reads non-ASCII headers right), and a download through a temporary link.

/** One field: quoted when it holds a comma, a quote, a line break or leading/trailing spaces. */
export function csvField(value: string | number | bigint): string {
  const text = String(value)
  // a leading =, +, - or @ makes spreadsheets run the field as a formula: quote it with a leading '
  const safe = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) ? `'${text}` : text
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | bigint)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Saves `text` as a file named `name` (browser only). */
export function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `2026-11-30T05:21:39.000Z`: times in files are UTC and sortable, whatever the viewer's zone. */
export const isoTime = (timestamp: number) => new Date(timestamp).toISOString()

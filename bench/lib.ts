// Shared benchmark helpers: run a case several times, report the median, print tables.
// Benchmarks print figures; they never assert timings.

export interface Sample {
  /** what was measured, e.g. 'invokes/s' */
  unit: string
  /** one figure per run */
  values: number[]
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) throw new Error('median of no values')
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Runs `once` `runs` times (after one warm-up) and returns each run's figure. */
export async function repeat(runs: number, once: () => Promise<number> | number): Promise<number[]> {
  await once()
  const values: number[] = []
  for (let i = 0; i < runs; i++) values.push(await once())
  return values
}

export interface Row {
  case: string
  median: number
  unit: string
  runs: number
  /** median divided by the baseline row's median, when the table has one */
  ratio?: string
  target?: string
}

/** Prints a table; `baseline` names the row that ratios are computed against. */
export function printTable(title: string, rows: Row[], baseline?: string): void {
  const base = baseline === undefined ? undefined : rows.find((r) => r.case === baseline)
  const withRatio = rows.map((r) => (base ? { ...r, ratio: `${(r.median / base.median).toFixed(2)}x` } : r))
  const columns = ['case', 'median', 'unit', 'runs', ...(base ? ['ratio'] : []), 'target'] as const
  const cell = (r: Row, c: (typeof columns)[number]): string => {
    const v = r[c as keyof Row]
    if (v === undefined) return ''
    if (typeof v === 'number') return c === 'median' ? formatNumber(v) : String(v)
    return v
  }
  const widths = columns.map((c) => Math.max(c.length, ...withRatio.map((r) => cell(r, c).length)))
  const line = (cells: string[]) => `| ${cells.map((s, i) => s.padEnd(widths[i]!)).join(' | ')} |`
  console.log(`\n### ${title}\n`)
  console.log(line([...columns]))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const r of withRatio) console.log(line(columns.map((c) => cell(r, c))))
}

function formatNumber(n: number): string {
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US')
  if (Math.abs(n) >= 10) return n.toFixed(1)
  return n.toFixed(3)
}

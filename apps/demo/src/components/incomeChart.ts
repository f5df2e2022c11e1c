// Chart.js, loaded with the chart: a stacked bar chart of income by level. Only the parts used are
// registered, so the download holds bars, two axes, the tooltip and the legend.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

export interface BarSeries {
  label: string
  color: string
  /** bar heights (floats, for drawing only) */
  values: number[]
  /** what the tooltip says for each bar: the exact amount */
  texts: string[]
}

export interface BarChartData {
  labels: string[]
  series: BarSeries[]
  /** the y axis' tick text for a value */
  tick: (value: number) => string
  text: string
  grid: string
}

export function drawBars(canvas: HTMLCanvasElement, data: BarChartData): { update(next: BarChartData): void; destroy(): void } {
  const config = (d: BarChartData) => ({
    type: 'bar' as const,
    data: {
      labels: d.labels,
      datasets: d.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderWidth: 0, stack: 'income' })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      interaction: { mode: 'index' as const, intersect: false },
      scales: {
        x: { stacked: true, ticks: { color: d.text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, ticks: { color: d.text, callback: (value: string | number) => d.tick(Number(value)) }, grid: { color: d.grid } },
      },
      plugins: {
        legend: { position: 'bottom' as const, labels: { color: d.text, boxWidth: 12 } },
        tooltip: {
          filter: (item: { raw: unknown }) => Number(item.raw) > 0,
          callbacks: { label: (item: { datasetIndex: number; dataIndex: number }) => `${d.series[item.datasetIndex]!.label}: ${d.series[item.datasetIndex]!.texts[item.dataIndex]}` },
        },
      },
    },
  })
  const chart = new Chart(canvas, config(data))
  return {
    update(next) {
      const c = config(next)
      chart.data = c.data
      chart.options = c.options as never
      chart.update()
    },
    destroy: () => chart.destroy(),
  }
}

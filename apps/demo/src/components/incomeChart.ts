// Chart.js, loaded with the chart: a stacked bar chart of income by level. Only the parts used are
// registered, so the download holds bars, two axes, the tooltip and the legend. The tooltip is drawn as
// HTML beside the canvas (Chart.js' `external` hook), not painted into it: screen readers hear it (a
// status region), it follows the page's colours, and a test can read it.
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
          enabled: false,
          external: showTooltip,
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

interface TooltipModel {
  opacity: number
  caretX: number
  caretY: number
  title: string[]
  body: { lines: string[] }[]
  labelColors: { backgroundColor: unknown }[]
}

/** The tooltip as an element over the canvas: the day, then one line per level with its exact amount. */
function showTooltip({ chart, tooltip }: { chart: { canvas: HTMLCanvasElement }; tooltip: TooltipModel }): void {
  const box = chart.canvas.parentElement
  if (!box) return
  let tip = box.querySelector<HTMLElement>('.chart-tooltip')
  if (!tip) {
    tip = document.createElement('div')
    tip.className = 'chart-tooltip'
    tip.setAttribute('role', 'status')
    tip.dataset['test'] = 'chart-tooltip'
    box.append(tip)
  }
  if (tooltip.opacity === 0) {
    tip.hidden = true
    return
  }
  const title = document.createElement('strong')
  title.textContent = tooltip.title.join(' ')
  const lines = tooltip.body.flatMap((b, i) =>
    b.lines.map((text) => {
      const line = document.createElement('span')
      const swatch = document.createElement('i')
      swatch.style.background = String(tooltip.labelColors[i]?.backgroundColor ?? 'transparent')
      swatch.setAttribute('aria-hidden', 'true')
      line.append(swatch, text)
      return line
    }),
  )
  tip.replaceChildren(title, ...lines)
  tip.hidden = false
  // centred over the bar, but kept inside the card near either edge
  const width = chart.canvas.clientWidth
  const shift = tooltip.caretX > width * 0.75 ? '-100%' : tooltip.caretX < width * 0.25 ? '0%' : '-50%'
  tip.style.left = `${tooltip.caretX}px`
  tip.style.top = `${tooltip.caretY}px`
  tip.style.transform = `translate(${shift}, calc(-100% - 8px))`
}

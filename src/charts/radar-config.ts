import type { ChartConfiguration } from 'chart.js'
import { NUMBERING_SYSTEM } from '@/i18n/locales'

/** One series on the radar: a value per dimension (`null` = no score), in dimension order. */
export interface RadarSeries {
  label: string
  values: Array<number | null>
  style: 'current' | 'archetype' | 'earlier'
}

export interface RadarInput {
  /** Axis labels, one per dimension; each label is a list of lines. */
  labels: string[][]
  series: RadarSeries[]
  max: number
  /** The interface language, for the numbers Chart.js writes (ticks, tooltips). */
  locale?: string
  /** Right to left (Arabic): dimensions run anticlockwise from the top, as the PDF's radar does, and the legend reads from the right. */
  rtl?: boolean
}

/**
 * The order the axes are drawn in: Chart.js goes clockwise from the top, so right to left keeps the first dimension
 * on top and takes the others in reverse (first, last, …, second), which runs anticlockwise.
 */
export function axisOrder(count: number, rtl: boolean): number[] {
  const order = Array.from({ length: count }, (_, i) => i)
  return rtl && count > 1 ? [0, ...order.slice(1).reverse()] : order
}

const STYLES: Record<RadarSeries['style'], { border: string, fill: string, dash: number[] }> = {
  current: { border: '#1d4e89', fill: 'rgba(29, 78, 137, 0.22)', dash: [] },
  archetype: { border: '#b35c00', fill: 'rgba(179, 92, 0, 0.06)', dash: [6, 4] },
  earlier: { border: '#5a6b7b', fill: 'rgba(90, 107, 123, 0.06)', dash: [2, 3] },
}

/** Splits a long axis label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 16): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    }
    else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** A Chart.js radar configuration for dimension scores (pure: no canvas, no DOM). */
export function buildRadarConfig(input: RadarInput): ChartConfiguration<'radar', Array<number | null>, string[]> {
  const rtl = input.rtl ?? false
  const order = axisOrder(input.labels.length, rtl)
  return {
    type: 'radar',
    data: {
      labels: order.map(i => input.labels[i]!),
      datasets: input.series.map((series) => {
        const style = STYLES[series.style]
        return {
          label: series.label,
          data: order.map(i => series.values[i] ?? null),
          borderColor: style.border,
          backgroundColor: style.fill,
          borderDash: style.dash,
          borderWidth: series.style === 'current' ? 3 : 2,
          pointBackgroundColor: style.border,
          pointRadius: series.style === 'current' ? 4 : 2,
          fill: true,
          spanGaps: true,
        }
      }),
    },
    options: {
      // Western digits whatever the browser's own language, as everywhere else in the app and in the PDF.
      locale: `${input.locale ?? 'en'}-u-nu-${NUMBERING_SYSTEM}`,
      responsive: true,
      maintainAspectRatio: true,
      animation: false,
      scales: {
        r: {
          min: 0,
          max: input.max,
          ticks: { stepSize: 1, backdropColor: 'transparent' },
          // Smaller axis labels on a phone, so that they fit inside the canvas beside a readable chart.
          pointLabels: { font: context => ({ size: context.chart.width < 420 ? 10 : 12 }) },
        },
      },
      // The legend and tooltips are laid out from the right in a right-to-left page; the text direction of every label
      // follows the canvas's own `dir` (the labels' language), so it is not forced here.
      plugins: { legend: { position: 'bottom', rtl }, tooltip: { rtl } },
    },
  }
}

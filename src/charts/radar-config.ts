import type { ChartConfiguration } from 'chart.js'

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
}

const STYLES: Record<RadarSeries['style'], { border: string, fill: string, dash: number[] }> = {
  current: { border: '#1d4e89', fill: 'rgba(29, 78, 137, 0.22)', dash: [] },
  archetype: { border: '#b35c00', fill: 'rgba(179, 92, 0, 0.06)', dash: [6, 4] },
  earlier: { border: '#5a6b7b', fill: 'rgba(90, 107, 123, 0.06)', dash: [2, 3] },
}

/** Splits a long axis label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 22): string[] {
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
  return {
    type: 'radar',
    data: {
      labels: input.labels,
      datasets: input.series.map((series) => {
        const style = STYLES[series.style]
        return {
          label: series.label,
          data: series.values,
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
      responsive: true,
      maintainAspectRatio: true,
      animation: false,
      scales: {
        r: {
          min: 0,
          max: input.max,
          ticks: { stepSize: 1, backdropColor: 'transparent' },
          pointLabels: { font: { size: 12 } },
        },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  }
}

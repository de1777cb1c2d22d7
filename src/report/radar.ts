import type { jsPDF } from 'jspdf'
import { textDirection, type Direction } from './direction'
import { COLORS, FONT } from './palette'

export interface RadarLabelAxis {
  /** Label lines drawn outside the axis end. */
  label: string[]
  value: number | null
}

/**
 * Draws a radar chart with vector lines only (crisp in print, no canvas, works in Node): rings for each level,
 * one axis per dimension, the score polygon (a missing score drawn at 0) and labels.
 */
export function drawRadar(doc: jsPDF, axes: readonly RadarLabelAxis[], max: number, cx: number, cy: number, radius: number, dir: Direction = 'ltr'): void {
  const n = axes.length
  // Dimensions follow the reading direction from the top: clockwise left to right, anticlockwise right to left.
  const turn = dir === 'rtl' ? -1 : 1
  const point = (i: number, value: number): [number, number] => {
    const angle = -Math.PI / 2 + (turn * 2 * Math.PI * i) / n
    const r = (radius * value) / max
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)]
  }
  const polygon = (points: Array<[number, number]>, style: 'S' | 'FD' | 'F') => {
    const [first, ...rest] = points
    if (!first) return
    const deltas: Array<[number, number]> = []
    let [px, py] = first
    for (const [x, y] of rest) {
      deltas.push([x - px, y - py])
      px = x
      py = y
    }
    doc.lines(deltas, first[0], first[1], [1, 1], style, true)
  }

  doc.setLineWidth(0.2).setDrawColor(...COLORS.grid)
  for (let level = 1; level <= max; level++) polygon(axes.map((_, i) => point(i, level)), 'S')
  doc.setFont(FONT, 'normal').setFontSize(7).setTextColor(...COLORS.muted)
  for (let level = 1; level <= max; level++) {
    const [x, y] = point(0, level)
    doc.text(String(level), x + 1, y + 1)
  }
  axes.forEach((_, i) => {
    const [x, y] = point(i, max)
    doc.line(cx, cy, x, y)
  })

  const values = axes.map((axis, i) => point(i, Math.max(0, Math.min(max, axis.value ?? 0))))
  doc.setDrawColor(...COLORS.primary).setFillColor(205, 219, 236).setLineWidth(0.7)
  polygon(values, 'FD')
  doc.setFillColor(...COLORS.primary)
  for (const [x, y] of values) doc.circle(x, y, 0.9, 'F')

  doc.setFontSize(7.5).setTextColor(...COLORS.text)
  axes.forEach((axis, i) => {
    const [x, y] = point(i, max * 1.14)
    const align = Math.abs(x - cx) < 3 ? 'center' : x > cx ? 'left' : 'right'
    const top = y < cy - 3 ? y - (axis.label.length - 1) * 3.1 : y
    axis.label.forEach((line, k) => {
      doc.setFont(FONT, k === axis.label.length - 1 ? 'bold' : 'normal')
      doc.text(line, x, top + k * 3.1, { align, ...textDirection(dir) } as Parameters<jsPDF['text']>[3])
    })
  })
  doc.setFont(FONT, 'normal').setTextColor(...COLORS.text)
}

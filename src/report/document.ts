import { jsPDF } from 'jspdf'
import { __createTable, autoTable, type RowInput, type UserOptions } from 'jspdf-autotable'
import { COLORS, CONTENT_WIDTH_MM, FONT, PAGE } from './palette'
import { flippedAlign, markIsolates, textDirection, textDirectionOf, withoutIsolates, type Align, type Direction } from './direction'
import { breakLines } from './line-break'
import { CELL_PADDING, cellDef, longestWord, mirrorTable, shaped, TABLE_FONT_SIZE, tableStyles } from './pdf-table'
import { drawRadar } from './radar'
import type { CoverSpec, ParagraphOptions, RadarAxis, ReportWriter, TableSpec } from './writer'

export { COLORS, FONT, PAGE } from './palette'
export type { Direction } from './direction'
export const CONTENT_WIDTH = CONTENT_WIDTH_MM

/** Base64 TrueType fonts embedded in the PDF (DejaVu Sans covers Latin and Arabic). */
export interface ReportFonts {
  regular: string
  bold: string
}

export function createDocument(fonts: ReportFonts): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true })
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular)
  doc.addFont('DejaVuSans.ttf', FONT, 'normal')
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold)
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold')
  doc.setFont(FONT, 'normal')
  doc.setTextColor(...COLORS.text)
  useWordBreaks(doc)
  return doc
}

/**
 * Replaces jsPDF's line splitting (used by the writer and by jspdf-autotable's cells) with one that breaks between words
 * only and measures Arabic as drawn, joined. jsPDF's own measures Arabic letter by letter in their unjoined forms and
 * cuts a word that does not fit the rest of a line, so "لا ينطبق" came out as "لا ين" / "طبق" in a narrow column.
 */
function useWordBreaks(doc: jsPDF): void {
  doc.splitTextToSize = (text: string | string[], maxWidth: number, options?: { fontSize?: number }): string[] => {
    const size = options?.fontSize ?? doc.getFontSize()
    const measure = (piece: string) => (doc.getStringUnitWidth(withoutIsolates(piece)) * size) / doc.internal.scaleFactor
    return (Array.isArray(text) ? text : [text]).flatMap(paragraph => breakLines(String(paragraph), maxWidth, measure))
  }
}

/** The PDF: a cursor that writes flowing text top to bottom and starts a new page when the current one is full. */
export class Writer implements ReportWriter {
  y = PAGE.top

  constructor(readonly doc: jsPDF, readonly dir: Direction = 'ltr') {}

  /** Writes text at `x` measured from the left edge as in a left-to-right page; a right-to-left page mirrors `x` and the alignment. */
  private put(text: string | string[], x: number, y: number, options: { align?: Align, lineHeightFactor?: number } = {}): void {
    putText(this.doc, this.dir, text, x, y, options)
  }

  ensure(height: number): void {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage()
  }

  newPage(): void {
    this.doc.addPage()
    this.y = PAGE.top
  }

  cover(spec: CoverSpec): void {
    const { doc } = this
    doc.setFont(FONT, 'bold').setFontSize(24)
    const titleLines = doc.splitTextToSize(spec.title, CONTENT_WIDTH) as string[]
    doc.setFont(FONT, 'normal').setFontSize(12)
    const subtitleLines = doc.splitTextToSize(spec.subtitle, CONTENT_WIDTH) as string[]
    const subtitleY = 26 + titleLines.length * 10
    const bandHeight = Math.max(56, subtitleY + subtitleLines.length * 5.5 + 10)
    doc.setFillColor(...COLORS.primary).rect(0, 0, PAGE.width, bandHeight, 'F')
    doc.setTextColor(255, 255, 255).setFont(FONT, 'bold').setFontSize(24)
    this.put(titleLines, PAGE.margin, 26, { lineHeightFactor: 1.2 })
    doc.setFont(FONT, 'normal').setFontSize(12)
    this.put(subtitleLines, PAGE.margin, subtitleY)
    this.y = bandHeight + 16
    doc.setTextColor(...COLORS.text).setFont(FONT, 'bold').setFontSize(22)
    const countryLines = doc.splitTextToSize(spec.country, CONTENT_WIDTH) as string[]
    this.put(countryLines, PAGE.margin, this.y)
    this.y += countryLines.length * 9 + 4
    const labelWidth = 45
    for (const [label, value] of spec.fields) {
      doc.setFont(FONT, 'bold').setFontSize(9.5).setTextColor(...COLORS.muted)
      const labelLines = doc.splitTextToSize(label, labelWidth - 3) as string[]
      this.put(labelLines, PAGE.margin, this.y)
      doc.setFont(FONT, 'normal').setFontSize(10.5).setTextColor(...COLORS.text)
      const lines = doc.splitTextToSize(value, CONTENT_WIDTH - labelWidth) as string[]
      this.put(lines, PAGE.margin + labelWidth, this.y)
      this.y += Math.max(lines.length, labelLines.length) * 4.6 + 2
    }
    this.y += 4
  }

  heading(text: string, size = 16): void {
    if (this.y > PAGE.top + 1) this.y += size * 0.35 // room above the capitals, except at the top of a page
    this.ensure(size * 0.9 + 6)
    this.doc.setFont(FONT, 'bold').setFontSize(size).setTextColor(...COLORS.primary)
    const lines = this.doc.splitTextToSize(text, CONTENT_WIDTH) as string[]
    this.put(lines, PAGE.margin, this.y)
    this.y += lines.length * size * 0.45 + 3
    this.doc.setTextColor(...COLORS.text).setFont(FONT, 'normal')
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? 10
    const indent = options.indent ?? 0
    this.doc.setFont(FONT, options.bold ? 'bold' : 'normal').setFontSize(size).setTextColor(...(options.color ?? COLORS.text))
    const lines = this.doc.splitTextToSize(text, CONTENT_WIDTH - indent) as string[]
    const lineHeight = size * 0.42
    for (const line of lines) {
      this.ensure(lineHeight)
      this.put(line, PAGE.margin + indent, this.y)
      this.y += lineHeight
    }
    this.y += options.gap ?? 2
    this.doc.setTextColor(...COLORS.text).setFont(FONT, 'normal')
  }

  signOff(heading: string, rows: Array<[string, string]>): void {
    const { doc } = this
    const rowHeight = 9
    const height = 9 + rows.length * rowHeight
    this.ensure(height + 4)
    const top = this.y
    doc.setDrawColor(...COLORS.grid).setLineWidth(0.3).rect(PAGE.margin, top, CONTENT_WIDTH, height)
    doc.setFont(FONT, 'bold').setFontSize(10).setTextColor(...COLORS.primary)
    this.put(heading, PAGE.margin + 3, top + 6)
    const [lineFrom, lineTo] = this.dir === 'rtl' ? [PAGE.margin + 4, PAGE.width - PAGE.margin - 48] : [PAGE.margin + 48, PAGE.width - PAGE.margin - 4]
    rows.forEach(([label, value], i) => {
      const baseline = top + 9 + (i + 1) * rowHeight - 2.5
      doc.setFont(FONT, 'bold').setFontSize(9).setTextColor(...COLORS.muted)
      this.put(label, PAGE.margin + 3, baseline)
      doc.setDrawColor(...COLORS.muted).setLineWidth(0.15).line(lineFrom, baseline + 1, lineTo, baseline + 1)
      if (value) {
        doc.setFont(FONT, 'normal').setFontSize(10).setTextColor(...COLORS.text)
        this.put(doc.splitTextToSize(value, CONTENT_WIDTH - 54)[0] as string, PAGE.margin + 49, baseline)
      }
    })
    doc.setTextColor(...COLORS.text).setFont(FONT, 'normal')
    this.y = top + height + 4
  }

  /**
   * Columns are widened to their longest word, and each group of rows is moved whole to the next page when it does not fit.
   * A right-to-left table is the mirror image: first column on the right, alignments swapped.
   */
  table(given: TableSpec): void {
    const { doc } = this
    const spec = this.dir === 'rtl' ? mirrorTable(given) : given
    const columns = spec.head.length
    const columnTexts = (i: number) => spec.groups.flatMap(g => g.flatMap((row) => {
      const cell = row[i]
      if (cell === undefined || (typeof cell !== 'string' && cell.span)) return []
      return [typeof cell === 'string' ? cell : cell.text]
    }))
    const bold = (i: number) => spec.groups.some(g => g.some(row => typeof row[i] === 'object' && (row[i] as { bold?: boolean }).bold))
    const minimum = spec.head.map((head, i) => Math.max(longestWord(doc, [head], TABLE_FONT_SIZE, true), longestWord(doc, columnTexts(i), TABLE_FONT_SIZE, bold(i))) + 2 * CELL_PADDING + 0.6)
    const fixed = spec.widths.map((w, i) => (w === 'auto' ? null : Math.max(w, minimum[i]!)))
    const rest = CONTENT_WIDTH - fixed.reduce<number>((sum, w) => sum + (w ?? 0), 0)
    const autoCount = fixed.filter(w => w === null).length
    const columnStyles: NonNullable<UserOptions['columnStyles']> = {}
    fixed.forEach((w, i) => {
      columnStyles[i] = { cellWidth: w ?? Math.max(minimum[i]!, rest / Math.max(1, autoCount)), halign: spec.align?.[i] ?? (this.dir === 'rtl' ? 'right' : 'left') }
    })
    const body: RowInput[][] = spec.groups.map((group, g) => {
      const fill = spec.zebra ? (g % 2 === 0 ? [255, 255, 255] : COLORS.shade) : undefined
      return group.map(row => row.map(cell => cellDef(doc, cell, columns, fill, this.dir)))
    })
    const options = (rows: RowInput[], startY: number): UserOptions => ({
      ...tableStyles(this.dir),
      startY,
      head: [spec.head.map(text => shaped(doc, markIsolates(text, this.dir)))],
      body: rows,
      ...(spec.zebra ? { alternateRowStyles: {} } : {}),
      columnStyles,
    })
    const measured = __createTable(doc, options(body.flat(), this.y))
    const headHeight = measured.getHeadHeight(measured.columns)
    const heights: number[] = []
    let row = 0
    for (const group of body) {
      let height = 0
      for (let k = 0; k < group.length; k++) height += measured.body[row++]?.height ?? 0
      heights.push(height)
    }
    const bottom = PAGE.height - PAGE.bottom
    let start = 0
    while (start < body.length) {
      if (this.y + headHeight + heights[start]! > bottom && this.y > PAGE.top + 1) this.newPage()
      let end = start
      let y = this.y + headHeight
      while (end < body.length && (end === start || y + heights[end]! <= bottom)) y += heights[end++]!
      autoTable(doc, options(body.slice(start, end).flat(), this.y))
      this.y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY
      start = end
      if (start < body.length) this.newPage()
    }
    this.y += 6
  }

  radar(axes: readonly RadarAxis[], max: number): void {
    const radius = 46
    this.ensure(2 * radius + 34)
    const { doc } = this
    doc.setFont(FONT, 'normal').setFontSize(7.5)
    const width = Math.max(42, longestWord(doc, axes.map(a => a.title), 7.5, false) + 1)
    drawRadar(doc, axes.map(a => ({ label: [...(doc.splitTextToSize(a.title, width) as string[]), a.stage], value: a.value })), max, PAGE.width / 2, this.y + radius + 14, radius, this.dir)
    this.y += 2 * radius + 32
  }

  space(mm: number): void {
    this.y += mm
  }
}

/** Writes text at `x` as measured on a left-to-right page; on a right-to-left page `x` and the alignment are mirrored and the text set right to left. */
export function putText(doc: jsPDF, dir: Direction, text: string | string[], x: number, y: number, options: { align?: Align, lineHeightFactor?: number, angle?: number, baseline?: 'middle' } = {}): void {
  const align = options.align ?? 'left'
  const lineDir = dir === 'ltr' ? dir : textDirectionOf(text, dir)
  const marked = typeof text === 'string' ? markIsolates(text, lineDir) : text.map(line => markIsolates(line, lineDir))
  if (dir === 'ltr') doc.text(marked, x, y, { ...options, align })
  else doc.text(marked, PAGE.width - x, y, { ...options, align: flippedAlign(align), ...textDirection(lineDir) } as Parameters<jsPDF['text']>[3])
}

/**
 * Writes "Page n of N" and the generation line at the foot of every page, and a large light "DRAFT" across it when asked.
 * `start` is the generation line (left on a left-to-right page, right on a right-to-left one), `end` the page number.
 */
export function addFooters(doc: jsPDF, footer: (page: number, pages: number) => { left: string, right: string }, draftMark?: string, dir: Direction = 'ltr'): void {
  const pages = doc.getNumberOfPages()
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page)
    if (draftMark) {
      doc.saveGraphicsState()
      doc.setGState(new (doc as unknown as { GState: new (o: { opacity: number }) => unknown }).GState({ opacity: 0.12 }) as Parameters<typeof doc.setGState>[0])
      doc.setFont(FONT, 'bold').setFontSize(84).setTextColor(...COLORS.warning)
      // Rotated about its start, so start half the text's length down and left of the page's centre.
      const half = doc.getTextWidth(draftMark) / 2 / Math.SQRT2
      doc.text(draftMark, PAGE.width / 2 - half, PAGE.height / 2 + half, { angle: 45, baseline: 'middle', ...textDirection(dir) } as Parameters<jsPDF['text']>[3])
      doc.restoreGraphicsState()
    }
    const { left, right } = footer(page, pages)
    doc.setFont(FONT, 'normal').setFontSize(8).setTextColor(...COLORS.muted)
    doc.setDrawColor(...COLORS.grid).setLineWidth(0.2)
    doc.line(PAGE.margin, PAGE.height - 14, PAGE.width - PAGE.margin, PAGE.height - 14)
    putText(doc, dir, left, PAGE.margin, PAGE.height - 9)
    putText(doc, dir, right, PAGE.width - PAGE.margin, PAGE.height - 9, { align: 'right' })
  }
  doc.setTextColor(...COLORS.text)
}

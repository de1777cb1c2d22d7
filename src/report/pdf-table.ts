import type { jsPDF } from 'jspdf'
import type { CellDef, UserOptions } from 'jspdf-autotable'
import { flippedAlign, markIsolates, textDirection, textDirectionOf, withoutIsolates, type Direction } from './direction'
import { COLORS, FONT, PAGE } from './palette'
import type { TableCell, TableSpec } from './writer'

/**
 * The report's tables as jspdf-autotable draws them: the shared look, cells (Arabic shaped, direction marked), the
 * narrowest a column may be (its longest word), and a table mirrored for a right-to-left page.
 */

/** Font size of table text in points, and the cell padding in millimetres. */
export const TABLE_FONT_SIZE = 8.5
export const CELL_PADDING = 1.8

/** A link or path longer than this is left to wrap inside its cell rather than widen the column. */
const LONG_TOKEN = 28

/**
 * Arabic letters in the joined forms jsPDF draws them with, so that widths are measured as drawn (autotable wraps
 * cells by the width of the letters it is given; jsPDF leaves letters already joined as they are).
 */
export function shaped(doc: jsPDF, text: string): string {
  return /[\u0600-\u06FF]/.test(text) ? (doc as unknown as { processArabic: (t: string) => string }).processArabic(text) : text
}

/** Width in mm of the longest word of some texts at a size and weight (links and other long tokens aside). */
export function longestWord(doc: jsPDF, texts: readonly string[], size: number, bold: boolean): number {
  doc.setFont(FONT, bold ? 'bold' : 'normal').setFontSize(size)
  let widest = 0
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (word.length > LONG_TOKEN || /^\w+:\/\//.test(word)) continue
      widest = Math.max(widest, doc.getTextWidth(shaped(doc, withoutIsolates(word))))
    }
  }
  doc.setFont(FONT, 'normal')
  return widest
}

/** A cell as jspdf-autotable wants it. */
export function cellDef(doc: jsPDF, cell: TableCell, columns: number, fillColor: readonly number[] | undefined, dir: Direction): CellDef {
  const base = typeof cell === 'string' ? { text: cell } : cell
  const styles: Record<string, unknown> = {}
  // In a right-to-left table, a cell whose text starts in a left-to-right script keeps that direction (still aligned as its column).
  const cellDir = dir === 'rtl' ? textDirectionOf(base.text, dir) : dir
  if (dir === 'rtl') styles.textOptions = { ...textDirection(cellDir) }
  if (fillColor) styles.fillColor = [...fillColor]
  if (base.bold) styles.fontStyle = 'bold'
  if (base.muted) Object.assign(styles, { fontSize: TABLE_FONT_SIZE - 0.7, textColor: [...COLORS.muted] })
  return { content: shaped(doc, markIsolates(base.text, cellDir)), ...(base.span ? { colSpan: columns } : {}), styles } as CellDef
}

/**
 * Table look shared by every table of the report. `textOptions: {}` keeps Arabic cells joined and in order (autotable's
 * own default reverses them); a right-to-left table sets its cells right to left and aligns them to the right.
 */
export function tableStyles(dir: Direction): Partial<UserOptions> {
  return {
    margin: { left: PAGE.margin, right: PAGE.margin, top: PAGE.top, bottom: PAGE.bottom },
    styles: { font: FONT, fontSize: TABLE_FONT_SIZE, cellPadding: CELL_PADDING, textColor: [...COLORS.text], lineColor: [...COLORS.grid], lineWidth: 0.15, valign: 'top', overflow: 'linebreak', halign: dir === 'rtl' ? 'right' : 'left', textOptions: { ...textDirection(dir) } } as UserOptions['styles'],
    headStyles: { fillColor: [...COLORS.primary], textColor: [255, 255, 255], fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [...COLORS.shade] },
    theme: 'grid',
    rowPageBreak: 'avoid',
  }
}

/** A table with its columns in the opposite order and left and right alignments swapped (a span cell stays whole). */
export function mirrorTable(spec: TableSpec): TableSpec {
  return {
    ...spec,
    head: [...spec.head].reverse(),
    groups: spec.groups.map(group => group.map(row => [...row].reverse())),
    widths: [...spec.widths].reverse(),
    ...(spec.align ? { align: [...spec.align].reverse().map(a => flippedAlign(a) as 'left' | 'right') } : {}),
  }
}

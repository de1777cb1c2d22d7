import { jsPDF } from 'jspdf'

/** Page geometry in millimetres (A4 portrait). */
export const PAGE = { width: 210, height: 297, margin: 18, top: 22, bottom: 20 }
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
export const COLORS = { primary: [29, 78, 137] as const, text: [27, 31, 36] as const, muted: [74, 85, 99] as const, grid: [190, 198, 208] as const, accent: [242, 177, 52] as const, warning: [122, 75, 0] as const }
export const FONT = 'DejaVuSans'

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
  return doc
}

/** A cursor that writes flowing text top to bottom and starts a new page when the current one is full. */
export class Writer {
  y = PAGE.top

  constructor(readonly doc: jsPDF) {}

  ensure(height: number): void {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage()
  }

  newPage(): void {
    this.doc.addPage()
    this.y = PAGE.top
  }

  heading(text: string, size = 16): void {
    this.ensure(size * 0.9 + 6)
    this.doc.setFont(FONT, 'bold').setFontSize(size).setTextColor(...COLORS.primary)
    const lines = this.doc.splitTextToSize(text, CONTENT_WIDTH) as string[]
    this.doc.text(lines, PAGE.margin, this.y)
    this.y += lines.length * size * 0.45 + 3
    this.doc.setTextColor(...COLORS.text).setFont(FONT, 'normal')
  }

  paragraph(text: string, options: { size?: number, bold?: boolean, color?: readonly [number, number, number], indent?: number, gap?: number } = {}): void {
    const size = options.size ?? 10
    const indent = options.indent ?? 0
    this.doc.setFont(FONT, options.bold ? 'bold' : 'normal').setFontSize(size).setTextColor(...(options.color ?? COLORS.text))
    const lines = this.doc.splitTextToSize(text, CONTENT_WIDTH - indent) as string[]
    const lineHeight = size * 0.42
    for (const line of lines) {
      this.ensure(lineHeight)
      this.doc.text(line, PAGE.margin + indent, this.y)
      this.y += lineHeight
    }
    this.y += options.gap ?? 2
    this.doc.setTextColor(...COLORS.text).setFont(FONT, 'normal')
  }

  space(mm: number): void {
    this.y += mm
  }
}

/** Writes "Page n of N" and the generation line at the foot of every page. */
export function addFooters(doc: jsPDF, footer: (page: number, pages: number) => { left: string, right: string }): void {
  const pages = doc.getNumberOfPages()
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page)
    const { left, right } = footer(page, pages)
    doc.setFont(FONT, 'normal').setFontSize(8).setTextColor(...COLORS.muted)
    doc.setDrawColor(...COLORS.grid).setLineWidth(0.2)
    doc.line(PAGE.margin, PAGE.height - 14, PAGE.width - PAGE.margin, PAGE.height - 14)
    doc.text(left, PAGE.margin, PAGE.height - 9)
    doc.text(right, PAGE.width - PAGE.margin, PAGE.height - 9, { align: 'right' })
  }
  doc.setTextColor(...COLORS.text)
}

import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild, type ParagraphChild,
} from 'docx'
import { markIsolates, type Direction } from './direction'
import { COLORS_HEX, CONTENT_WIDTH_MM } from './palette'
import type { CoverSpec, ParagraphOptions, RadarAxis, ReportWriter, Rgb, TableCell as Cell, TableSpec } from './writer'

const hex = (rgb: Rgb) => rgb.map(v => v.toString(16).padStart(2, '0')).join('').toUpperCase()
/** Word measures space in twentieths of a point; a millimetre is 56.7 of them. */
const twip = (mm: number) => Math.round(mm * 56.7)
const halfPoints = (pt: number) => Math.round(pt * 2)
const FONT = 'Calibri'

/** The Word document: the report's sections write into a list of paragraphs and tables that stay editable. */
export class DocxWriter implements ReportWriter {
  readonly children: FileChild[] = []
  private breakBefore = false
  /** Right-to-left paragraphs and runs for an Arabic report (Word then mirrors tables, alignments and indents itself). */
  private readonly bidi: { bidirectional?: boolean }
  private readonly rtlRun: { rightToLeft?: boolean }

  constructor(readonly dir: Direction = 'ltr') {
    this.bidi = dir === 'rtl' ? { bidirectional: true } : {}
    this.rtlRun = dir === 'rtl' ? { rightToLeft: true } : {}
  }

  /** A table right to left in an Arabic report: Word draws its first column on the right. */
  private get tableDirection(): { visuallyRightToLeft?: boolean } {
    return this.dir === 'rtl' ? { visuallyRightToLeft: true } : {}
  }

  /** Left and right as the start and end of the line, so that they mirror in a right-to-left paragraph. */
  private alignment(align: 'left' | 'right' | undefined) {
    if (this.dir === 'rtl') return align === 'right' ? AlignmentType.END : AlignmentType.START
    return align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  }

  private push(child: Paragraph | Table): void {
    if (this.breakBefore && child instanceof Paragraph) {
      this.children.push(new Paragraph({ ...this.bidi, children: [new PageBreak()] }))
    }
    this.breakBefore = false
    this.children.push(child)
  }

  cover(spec: CoverSpec): void {
    this.push(new Paragraph({ ...this.bidi, heading: HeadingLevel.TITLE, children: [new TextRun({ ...this.rtlRun, text: spec.title, font: FONT })] }))
    this.push(new Paragraph({ ...this.bidi, spacing: { after: 240 }, children: [new TextRun({ ...this.rtlRun, text: spec.subtitle, font: FONT, size: halfPoints(12), color: COLORS_HEX.muted })] }))
    this.push(new Paragraph({ ...this.bidi, spacing: { after: 200 }, children: [new TextRun({ ...this.rtlRun, text: spec.country, font: FONT, bold: true, size: halfPoints(22) })] }))
    this.push(this.grid(spec.fields.map(([label, value]) => [{ text: label, bold: true }, value]), [45, CONTENT_WIDTH_MM - 45], false))
    this.space(4)
  }

  heading(text: string, size = 16): void {
    const level = size >= 16 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2
    this.push(new Paragraph({ ...this.bidi, heading: level, keepNext: true, children: [new TextRun({ ...this.rtlRun, text, font: FONT })] }))
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    this.push(new Paragraph({ ...this.bidi,
      indent: options.indent ? { start: twip(options.indent) } : undefined,
      spacing: { after: twip(options.gap ?? 2) },
      children: [new TextRun({ ...this.rtlRun, text: markIsolates(text, this.dir), font: FONT, bold: options.bold, size: halfPoints(options.size ?? 10), color: options.color ? hex(options.color) : undefined })],
    }))
  }

  signOff(heading: string, rows: Array<[string, string]>): void {
    this.push(new Paragraph({ ...this.bidi, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ ...this.rtlRun, text: heading, font: FONT, bold: true, color: COLORS_HEX.primary })] }))
    this.push(this.grid(rows.map(([label, value]) => [{ text: label, bold: true }, value || ' ']), [45, CONTENT_WIDTH_MM - 45], false, true))
  }

  table(spec: TableSpec): void {
    const columns = spec.head.length
    const fixed = spec.widths.reduce<number>((sum, w) => sum + (w === 'auto' ? 0 : w), 0)
    const autoCount = spec.widths.filter(w => w === 'auto').length
    const widths = spec.widths.map(w => (w === 'auto' ? Math.max(30, (CONTENT_WIDTH_MM - fixed) / Math.max(1, autoCount)) : w))
    const headRow = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: spec.head.map((text, i) => this.cell({ text, bold: true }, widths[i]!, { fill: COLORS_HEX.primary, color: 'FFFFFF', align: spec.align?.[i] })),
    })
    const rows = spec.groups.flatMap((group, g) => group.map((row, r) => new TableRow({
      cantSplit: true,
      children: row.map((cell, i) => {
        const span = typeof cell === 'object' && cell.span
        return this.cell(cell, span ? CONTENT_WIDTH_MM : widths[i]!, {
          fill: spec.zebra && g % 2 === 1 ? COLORS_HEX.shade : undefined,
          align: spec.align?.[i],
          columnSpan: span ? columns : undefined,
          // An action's title row is kept on the page of its description.
          keepNext: r < group.length - 1,
        })
      }),
    })))
    this.push(new Table({ ...this.tableDirection, width: { size: twip(CONTENT_WIDTH_MM), type: WidthType.DXA }, columnWidths: widths.map(twip), rows: [headRow, ...rows] }))
    this.space(3)
  }

  /** Word has no vector radar here: the same figures as a table (dimension, stage, score). */
  radar(axes: readonly RadarAxis[], max: number): void {
    this.push(this.grid(axes.map(a => [a.title, a.stage, a.value === null ? a.score : `${a.score} / ${max}`]), [90, 54, CONTENT_WIDTH_MM - 144], true))
    this.space(3)
  }

  space(mm: number): void {
    this.children.push(new Paragraph({ ...this.bidi, spacing: { after: twip(mm) }, children: [] }))
  }

  ensure(): void {
    // Word paginates as the reader edits; headings are kept with what follows instead.
  }

  newPage(): void {
    this.breakBefore = true
  }

  private grid(rows: Cell[][], widths: number[], borders: boolean, tall = false): Table {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
    return new Table({
      ...this.tableDirection,
      width: { size: twip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
      columnWidths: widths.map(twip),
      borders: borders ? undefined : { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: rows.map(row => new TableRow({
        cantSplit: true,
        height: tall ? { value: twip(9), rule: 'atLeast' } : undefined,
        children: row.map((cell, i) => this.cell(cell, widths[i]!, { underline: tall && i > 0 })),
      })),
    })
  }

  private cell(cell: Cell, width: number, options: { fill?: string, color?: string, align?: 'left' | 'right', columnSpan?: number, keepNext?: boolean, underline?: boolean }): TableCell {
    const c = typeof cell === 'string' ? { text: cell } : cell
    const runs: ParagraphChild[] = [new TextRun({ ...this.rtlRun, text: markIsolates(c.text, this.dir), font: FONT, bold: c.bold, size: halfPoints(c.muted ? 8 : 9), color: options.color ?? (c.muted ? COLORS_HEX.muted : undefined) })]
    return new TableCell({
      width: { size: twip(width), type: WidthType.DXA },
      columnSpan: options.columnSpan,
      shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
      borders: options.underline ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLORS_HEX.muted } } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ ...this.bidi, keepNext: options.keepNext, keepLines: true, alignment: this.alignment(options.align), children: runs })],
    })
  }
}

/** The document around the sections: A4, margins, the footer line with page numbers and, for a draft, "DRAFT" in the header. */
export function docxDocument(w: DocxWriter, meta: { title: string, subject: string, author: string, language: string, footer: string, pageWord: string, ofWord: string, draftMark?: string, dir?: Direction }): Document {
  const rtl = meta.dir === 'rtl' ? { rightToLeft: true } : {}
  const run = (text: string) => new TextRun({ ...rtl, text, font: FONT, size: 16, color: COLORS_HEX.muted })
  return new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author || 'Tech Diplomacy Maturity Assessment',
    description: meta.subject,
    styles: {
      default: { document: { run: { font: FONT, size: 20 } } },
      paragraphStyles: [],
    },
    sections: [{
      properties: { page: { size: { width: twip(210), height: twip(297) }, margin: { top: twip(20), bottom: twip(20), left: twip(18), right: twip(18) } } },
      headers: meta.draftMark ? { default: new Header({ children: [new Paragraph({ ...(meta.dir === 'rtl' ? { bidirectional: true } : {}), alignment: AlignmentType.END, children: [new TextRun({ text: meta.draftMark, font: FONT, bold: true, size: 28, color: COLORS_HEX.warning })] })] }) } : undefined,
      footers: {
        default: new Footer({
          children: [new Paragraph({
            ...(meta.dir === 'rtl' ? { bidirectional: true } : {}),
            children: [run(`${meta.footer} · ${meta.pageWord} `), new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16, color: COLORS_HEX.muted }), run(` ${meta.ofWord} `), new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 16, color: COLORS_HEX.muted })],
          })],
        }),
      },
      children: w.children,
    }],
  })
}

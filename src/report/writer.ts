/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number]

export interface ParagraphOptions {
  /** Font size in points (10 by default). */
  size?: number
  bold?: boolean
  color?: Rgb
  /** Left indent in millimetres. */
  indent?: number
  /** Space after, in millimetres. */
  gap?: number
}

/** A table cell: plain text, or text with a style; `span` makes it run across every column (an action's description). */
export type TableCell = string | { text: string, bold?: boolean, muted?: boolean, span?: boolean }

export interface TableSpec {
  head: string[]
  /** Rows in groups: the rows of one group are kept on one page (an action's title row and its description). */
  groups: TableCell[][][]
  /** Column widths in millimetres, or 'auto' for the column that takes the rest; a column is widened when its longest word would not fit. */
  widths: Array<number | 'auto'>
  align?: Array<'left' | 'right'>
  /** Shade every other group (rows of a group share the shade). */
  zebra?: boolean
}

/** One axis of the radar chart: the dimension's title, its stage in words, its score (null: not scored) and that score as written in the report's language. */
export interface RadarAxis {
  title: string
  stage: string
  value: number | null
  score: string
}

export interface CoverSpec {
  title: string
  subtitle: string
  country: string
  /** Label and value pairs (ministry, unit, date…). */
  fields: Array<[string, string]>
}

/**
 * Where the report's sections write: the PDF and the Word document each implement it, so both are made from the
 * same section code, the same texts and the same domain data.
 */
export interface ReportWriter {
  cover(spec: CoverSpec): void
  heading(text: string, size?: number): void
  paragraph(text: string, options?: ParagraphOptions): void
  /** A framed block of label/value lines with space to sign (prepared by, approved by, date). */
  signOff(heading: string, rows: Array<[string, string]>): void
  table(spec: TableSpec): void
  radar(axes: readonly RadarAxis[], max: number): void
  /** Vertical space in millimetres (the Word document converts it). */
  space(mm: number): void
  /** Starts a new page unless `mm` millimetres still fit on this one (the Word document lets its reader's pagination decide). */
  ensure(mm: number): void
  newPage(): void
}

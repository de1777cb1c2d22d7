/** Writing direction of a report: a right-to-left report is mirrored (text from the right margin, table columns reversed). */
export type Direction = 'ltr' | 'rtl'

/**
 * jsPDF's bidi options for right-to-left text: logical input in a right-to-left paragraph, laid out visually for the
 * page, brackets mirrored. (jsPDF shapes and joins Arabic itself; `isInputRtl` alone, with jsPDF's default visual
 * input, reverses correct text.) Left-to-right text keeps jsPDF's defaults.
 */
export const RTL_TEXT = { isInputVisual: false, isInputRtl: true, isOutputVisual: true, isOutputRtl: false, isSymmetricSwapping: true } as const

/** The options to add to jsPDF's `text()` for a direction. */
export function textDirection(dir: Direction): Partial<typeof RTL_TEXT> {
  return dir === 'rtl' ? RTL_TEXT : {}
}

/** A run set apart by first-strong isolate … pop-directional-isolate (see `isolate` in domain/list-text). */
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g
const STRAY_ISOLATE = /[\u2066-\u2069]/g

/**
 * Text with its isolated runs made into what jsPDF's bidi understands (it has no isolates, and draws the isolate
 * characters as wide gaps): each run between two marks of the line's direction, which hold the run together and keep a list
 * of codes in the sentence's order ("I2.2، I2.3" read from the right in Arabic). A line break that cut a run leaves
 * stray isolate characters: they are dropped.
 */
export function markIsolates(text: string, dir: Direction): string {
  const mark = dir === 'rtl' ? '\u200F' : '\u200E'
  return text.replace(ISOLATED, (_, run: string) => `${mark}${run}${mark}`).replace(STRAY_ISOLATE, '')
}

/** Text without its isolate characters (to measure it as drawn). */
export function withoutIsolates(text: string): string {
  return text.replace(STRAY_ISOLATE, '')
}

const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u052F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

/**
 * The direction a text sets itself in on a page of direction `dir`, as HTML's dir="auto" does: that of its first
 * strong letter (a ministry's name typed in English stays left to right in an Arabic report, its brackets in place),
 * the page's own when it has none (numbers, dates, dashes).
 */
export function textDirectionOf(text: string | readonly string[], dir: Direction): Direction {
  const outside = (typeof text === 'string' ? text : text.join(' ')).replace(ISOLATED, '')
  const first = FIRST_STRONG.exec(outside)?.[0]
  if (first === undefined) return dir
  return /[A-Za-z\u00C0-\u024F\u0370-\u052F]/.test(first) ? 'ltr' : 'rtl'
}

/** Where text is aligned on a page. */
export type Align = 'left' | 'center' | 'right'

/** The alignment mirrored for a right-to-left page: left and right swap, centre stays. */
export function flippedAlign(align: Align): Align {
  return align === 'left' ? 'right' : align === 'right' ? 'left' : 'center'
}

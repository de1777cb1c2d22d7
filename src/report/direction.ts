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

const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u052F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

/**
 * The direction a text sets itself in on a page of direction `dir`, as HTML's dir="auto" does: that of its first
 * strong letter (a ministry's name typed in English stays left to right in an Arabic report, its brackets in place),
 * the page's own when it has none (numbers, dates, dashes).
 */
export function textDirectionOf(text: string | readonly string[], dir: Direction): Direction {
  const first = FIRST_STRONG.exec(typeof text === 'string' ? text : text.join(' '))?.[0]
  if (first === undefined) return dir
  return /[A-Za-z\u00C0-\u024F\u0370-\u052F]/.test(first) ? 'ltr' : 'rtl'
}

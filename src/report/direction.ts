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

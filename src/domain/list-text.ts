/** Unicode's first-strong isolate and pop-directional-isolate: what they enclose is laid out as a run of its own. */
export const ISOLATE_START = '\u2068'
export const ISOLATE_END = '\u2069'

const RIGHT_TO_LEFT = /^(ar|fa|he|iw|ur|ps|yi|dv|ckb)(-|_|$)/i
const FRENCH = /^fr(-|_|$)/i

/** Whether a language is written right to left (Arabic among this app's languages; a regional tag such as ar-EG too). */
export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.test(locale)
}

/**
 * A code or name set apart inside text of a right-to-left language, so that "I2.2" or "Ana Costa" reads as one
 * left-to-right run and the list around it keeps the sentence's order; unchanged in a left-to-right language.
 */
export function isolate(text: string, locale: string): string {
  return isRightToLeft(locale) ? `${ISOLATE_START}${text}${ISOLATE_END}` : text
}

/** What separates the items of a list of codes: the Arabic comma "، " in a right-to-left language, ", " otherwise. */
export function listSeparator(locale: string): string {
  return isRightToLeft(locale) ? '، ' : ', '
}

/**
 * What separates clauses that already hold commas (a dimension and its score, one difference and the next): the Arabic
 * semicolon "؛ " in a right-to-left language, " ; " in French (a no-break space before it, as French typesets it),
 * "; " otherwise.
 */
export function clauseSeparator(locale: string): string {
  if (isRightToLeft(locale)) return '؛ '
  return FRENCH.test(locale) ? '\u00a0; ' : '; '
}

/**
 * Names joined for a plain-text field that should hold no direction marks, such as a document's author in its
 * metadata (shown by file managers and PDF readers, which may print the marks as boxes): "Ministry, Unit" or, in
 * Arabic, "الوزارة، الوحدة". Blank names are left out; none gives ''.
 */
export function listNames(names: readonly string[], locale: string): string {
  return names.filter(name => name.trim() !== '').join(listSeparator(locale))
}

/**
 * Codes listed for display (indicator ids "I2.2", source ids, participant numbers "P3", language codes, stages):
 * "I2.2, I2.3" in English, "I2.2، I2.3" in Arabic with each code isolated. An empty list gives ''.
 */
export function listCodes(codes: ReadonlyArray<string | number>, locale: string): string {
  return codes.map(code => isolate(String(code), locale)).join(listSeparator(locale))
}

/**
 * Words or names listed as the language lists them (`Intl.ListFormat`): "A, B and C" ('conjunction') or "A, B, C"
 * ('unit'); in Arabic "أ وب وج" / "أ، وب، وج", each item isolated. An empty list gives ''.
 */
export function listWords(items: readonly string[], locale: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(locale, { type, style: 'long' }).format(items.map(item => isolate(item, locale)))
}

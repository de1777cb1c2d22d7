/** The field separator of a CSV file: a comma, or a semicolon where spreadsheets use the comma as the decimal mark. */
export type CsvSeparator = ',' | ';'

/** How a CSV file is written for a reader: the separator and, for timestamps, the reader's time zone (IANA name). */
export interface CsvFormat {
  separator: CsvSeparator
  /** Timestamps are written in this zone with its UTC offset; absent: left as written (ISO 8601, UTC). */
  timeZone?: string
}

/** A byte-order mark: spreadsheet programs then read the file as UTF-8 (accents, Arabic) instead of a legacy code page. */
export const CSV_BOM = '\uFEFF'

/**
 * The separator a spreadsheet expects in a language: ";" where the decimal mark is a comma (French, Spanish,
 * Portuguese, German…), since Excel there splits columns on its list separator ";"; "," elsewhere.
 */
export function csvSeparatorFor(locale: string): CsvSeparator {
  let decimal = '.'
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find(p => p.type === 'decimal')?.value ?? '.'
  }
  catch {
    // an unknown locale tag: keep the comma-separated default
  }
  return decimal === ',' ? ';' : ','
}

/** A number with `digits` decimals and the decimal mark that goes with the separator ("1.5" with ",", "1,5" with ";"). */
export function csvDecimal(value: number, digits: number, separator: CsvSeparator): string {
  const text = value.toFixed(digits)
  return separator === ';' ? text.replace('.', ',') : text
}

/**
 * An ISO 8601 timestamp as local time in a zone, with the zone's offset: "2026-11-23 11:00 UTC+01:00".
 * Text that is not a timestamp comes back unchanged; so does everything when the zone is unknown.
 */
export function localTimestamp(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (iso === '' || Number.isNaN(date.getTime())) return iso
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
    }).formatToParts(date)
  }
  catch {
    return iso
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find(p => p.type === type)?.value ?? ''
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00'
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} UTC${offset}`
}

/**
 * CSV for spreadsheets: CRLF line ends, every field quoted when needed (it holds the separator, a quote or a line
 * break). A cell that a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, separator: CsvSeparator = ','): string {
  return `${rows.map(row => row.map(value => csvCell(value, separator)).join(separator)).join('\r\n')}\r\n`
}

function csvCell(value: string | number, separator: CsvSeparator): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  const special = separator === ';' ? /[";\r\n]/ : /[",\r\n]/
  return special.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * CSV for spreadsheets: comma-separated, CRLF line ends, every field quoted when needed. A cell that a
 * spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${rows.map(row => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

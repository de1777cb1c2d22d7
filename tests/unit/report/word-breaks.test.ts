import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readReportFonts } from '@/cli/report-node'
import { CONTENT_WIDTH, createDocument, Writer } from '@/report/document'
import { pdfLines } from '../../pdf-text'

const fonts = readReportFonts()

/** A one-page PDF with one paragraph of `width` mm at 8.5 pt, in a right-to-left or left-to-right page. */
function narrowParagraph(text: string, width: number, dir: 'ltr' | 'rtl'): Uint8Array {
  const doc = createDocument(fonts)
  new Writer(doc, dir).paragraph(text, { size: 8.5, indent: CONTENT_WIDTH - width })
  return new Uint8Array(doc.output('arraybuffer'))
}

describe('lines of the PDF break between words', () => {
  it('"لا ينطبق" in a 9 mm column: "لا" on one line, "ينطبق" whole on the next (not "لا ين" / "طبق")', async () => {
    // drawn joined at 8.5 pt: لا 1.7 mm, ينطبق 7.6 mm, both with the space 10.3 mm
    const bytes = narrowParagraph('لا ينطبق', 9, 'rtl')
    expect((await pdfLines(bytes))[0]).toEqual(['لا', 'ينطبق'])
    const dir = mkdtempSync(join(tmpdir(), 'tda-breaks-'))
    writeFileSync(join(dir, 'p.pdf'), bytes)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', join(dir, 'p.pdf'), join(dir, 'page')])
  })

  it('keeps "لا ينطبق" on one line when the column holds both words', async () => {
    expect((await pdfLines(narrowParagraph('لا ينطبق', 11, 'rtl')))[0]).toEqual(['لا ينطبق'])
  })

  it('moves a Latin word whole to the next line', async () => {
    // "Not applicable" at 8.5 pt is about 21 mm, "applicable" alone about 14 mm
    expect((await pdfLines(narrowParagraph('Not applicable', 16, 'ltr')))[0]).toEqual(['Not', 'applicable'])
  })

  it('cuts a word only when it is wider than the column on its own', async () => {
    const lines = (await pdfLines(narrowParagraph('https://example.org/a-very-long-path-to-a-document', 30, 'ltr')))[0]!
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join('')).toBe('https://example.org/a-very-long-path-to-a-document')
  })
})

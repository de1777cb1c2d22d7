import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Assessment } from '@/domain/assessment'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome } from '@/domain/outcome'
import type { Questionnaire } from '@/domain/questionnaire'
import { buildReportDocx } from '@/report/build-docx'
import { buildReportPdf } from '@/report/build-report'
import { textDirectionOf } from '@/report/direction'
import { PAGE } from '@/report/document'
import { mirrorTable } from '@/report/pdf-table'
import { pdfPages, pdfPlacedText } from '../../pdf-text'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const q: Questionnaire = checked.questionnaire
// The shipped Arabic names of the dimensions (the translation memory applied to the questionnaire).
const ARABIC_TITLES = q.dimensions.map(d => d.title.ar ?? '')

function input(locale: string) {
  const parsed = parseAssessmentFile(readFileSync('tests/fixtures/emerging-mid.tda.json', 'utf8'), () => q)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const assessment: Assessment = { ...assessmentFromImport(parsed.value, { id: 'a', questionnaireKey: 'tech-diplomacy@1.0.0', position: { view: 'results' } }), locale }
  const outcome = assessmentOutcome(q, assessment)
  return { questionnaire: q, assessment, ...outcome, labels: readReportLabels(locale), countryName: countryNameNode(assessment.profile.country, locale), generatedAt: new Date('2026-11-23T12:00:00Z') }
}

const report = (locale: string) => buildReportPdf({ ...input(locale), fonts: readReportFonts() })

/** The body of a .docx (word/document.xml), unzipped with the system's unzip. */
async function docxXml(locale: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'tda-docx-')), 'report.docx')
  writeFileSync(file, await buildReportDocx(input(locale)))
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 50 * 1024 * 1024 })
}

describe('a PDF report in Arabic', () => {
  const bytes = report('ar')
  let text = ''
  let placed: Awaited<ReturnType<typeof pdfPlacedText>> = []
  beforeAll(async () => {
    text = (await pdfPages(bytes)).join(' ').replace(/\s+/g, ' ')
    placed = await pdfPlacedText(bytes)
  }, 30_000)

  it('reads back every Arabic dimension name, letters in logical order', () => {
    expect(ARABIC_TITLES.length).toBe(8)
    for (const title of ARABIC_TITLES) {
      expect(title).toMatch(/^[\u0600-\u06FF]/)
      expect(text).toContain(title)
    }
    expect(text).not.toContain('\uFFFD')
  })

  it('writes the country\'s Arabic name, and a name typed in English left to right with its brackets in place', () => {
    expect(text).toContain('غانا')
    expect(text).toContain('Ministry of Foreign Affairs (fictional demonstration data)')
  })

  it('sets the dimension table right to left: the name column on the right, the scores to its left', () => {
    const page = placed.find(items => items.some(i => i.text === ARABIC_TITLES[0]) && items.some(i => i.text === '4/4'))
    if (!page) throw new Error('no page with the dimension table')
    const name = page.find(i => i.text === ARABIC_TITLES[0])!
    const answered = page.find(i => i.text === '4/4')!
    expect(name.x).toBeGreaterThan(answered.x)
    // Right-aligned in its cell: the name ends near the right margin (18 mm, 51 pt, plus the cell's padding).
    expect(PAGE.width * 72 / 25.4 - (name.x + name.width)).toBeLessThan(60)
  })

  it('lists indicator ids with the Arabic comma, first id on the right, each id drawn left to right', () => {
    // pdftotext -bbox: the words of page 2 with their boxes (the headline's "… ويحدّ منها I5.1، I5.2، I5.3")
    const dir = mkdtempSync(join(tmpdir(), 'tda-rtl-'))
    writeFileSync(join(dir, 'r.pdf'), bytes)
    const xml = execFileSync('pdftotext', ['-bbox', join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 20 * 1024 * 1024 })
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(m => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/[\u200E\u200F]/g, '') }))
    const ids = words.filter(w => /^،?I5\.[123]$/.test(w.text)).slice(0, 3) // the headline's, the first on the page
    expect(ids.map(w => w.text)).toEqual(['I5.3', '،I5.2', '،I5.1']) // drawn left to right on the page: the list read from the right
    expect(new Set(ids.map(w => w.y)).size).toBe(1)
    expect(ids[0]!.x).toBeLessThan(ids[1]!.x)
    expect(ids[1]!.x).toBeLessThan(ids[2]!.x)
    expect(text).not.toMatch(/I\d\.\d,/)
  })

  it('writes the scores with Western digits, as the app does', () => {
    expect(text).toMatch(/53\.8/)
    expect(text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/)
  })
})

describe('a PDF report in English', () => {
  it('keeps the dimension table left to right', async () => {
    const placed = await pdfPlacedText(report('en'))
    const page = placed.find(items => items.some(i => i.text === 'Mandate & institutional anchoring') && items.some(i => i.text === '4/4'))!
    expect(page.find(i => i.text === 'Mandate & institutional anchoring')!.x).toBeLessThan(page.find(i => i.text === '4/4')!.x)
  }, 30_000)
})

describe('the Word report', () => {
  it('in Arabic has right-to-left paragraphs, runs and tables', async () => {
    const xml = await docxXml('ar')
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(m => m[0])
    expect(paragraphs.length).toBeGreaterThan(50)
    expect(paragraphs.filter(p => !p.includes('<w:bidi/>'))).toEqual([])
    expect(xml).toContain('<w:rtl/>')
    expect(xml).toContain('<w:bidiVisual/>')
    expect(xml).toContain(ARABIC_TITLES[0])
  }, 30_000)

  it('in English has none of them', async () => {
    const xml = await docxXml('en')
    expect(xml).not.toMatch(/<w:bidi\/>|<w:rtl\/>|<w:bidiVisual\/>/)
  }, 30_000)
})

describe('mirrorTable', () => {
  it('reverses the columns, their widths and swaps left and right alignment', () => {
    const mirrored = mirrorTable({ head: ['A', 'B', 'C'], widths: ['auto', 16, 30], align: ['left', 'right', 'left'], groups: [[['a', 'b', 'c'], [{ text: 'all', span: true }]]] })
    expect(mirrored.head).toEqual(['C', 'B', 'A'])
    expect(mirrored.widths).toEqual([30, 16, 'auto'])
    expect(mirrored.align).toEqual(['right', 'left', 'right'])
    expect(mirrored.groups).toEqual([[['c', 'b', 'a'], [{ text: 'all', span: true }]]])
  })
})

describe('textDirectionOf', () => {
  it('takes the direction of the first letter, as dir="auto" does', () => {
    expect(textDirectionOf('Ministry of Foreign Affairs (العربية)', 'rtl')).toBe('ltr')
    expect(textDirectionOf('(وزارة) Ministry', 'ltr')).toBe('rtl')
    expect(textDirectionOf(['12 ', 'نوفمبر'], 'ltr')).toBe('rtl')
    expect(textDirectionOf('Ñandú', 'rtl')).toBe('ltr')
  })

  it('keeps the page\'s direction for text with no letter', () => {
    expect(textDirectionOf('4/4 — 3.0', 'rtl')).toBe('rtl')
    expect(textDirectionOf('', 'ltr')).toBe('ltr')
  })
})

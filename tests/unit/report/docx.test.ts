import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Assessment } from '@/domain/assessment'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome } from '@/domain/outcome'
import type { Questionnaire } from '@/domain/questionnaire'
import { buildReportDocx } from '@/report/build-docx'
import { buildReportPdf } from '@/report/build-report'
import { itemTitle } from '@/report/item-text'
import { pdfPages } from '../../pdf-text'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const q: Questionnaire = checked.questionnaire
const GENERATED = new Date('2026-11-23T12:00:00Z')

function loadFixture(path: string, locale: string): Assessment {
  const parsed = parseAssessmentFile(readFileSync(path, 'utf8'), () => q)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const v = parsed.value
  return { id: path, questionnaireKey: 'tech-diplomacy@1.0.0', questionnaireId: q.id, questionnaireVersion: q.version, locale, profile: v.profile, answers: v.answers, roadmap: v.roadmap, position: { view: 'results' }, createdAt: v.createdAt, updatedAt: v.updatedAt }
}

interface DocxParagraph { style: string, text: string }

/** The paragraphs of a .docx read back from its word/document.xml (unzipped with the system's unzip), with their style. */
function docxParagraphs(bytes: Uint8Array, part = 'word/document.xml'): DocxParagraph[] {
  const file = join(mkdtempSync(join(tmpdir(), 'tda-docx-')), 'report.docx')
  writeFileSync(file, bytes)
  const xml = execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 50 * 1024 * 1024 })
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('')),
  }))
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe.each([
  ['tests/fixtures/ldc-island-early.tda.json', 'fr'],
  ['tests/fixtures/emerging-mid.tda.json', 'en'],
  ['tests/fixtures/pioneer.tda.json', 'fr'],
] as const)('Word report of %s in %s', (path, locale) => {
  const assessment = loadFixture(path, locale)
  const outcome = assessmentOutcome(q, assessment)
  const labels = readReportLabels(locale)
  const input = { questionnaire: q, assessment, ...outcome, labels, countryName: countryNameNode(assessment.profile.country, locale), generatedAt: GENERATED }
  let paragraphs: DocxParagraph[] = []
  let pdf = ''
  beforeAll(async () => {
    paragraphs = docxParagraphs(await buildReportDocx(input))
    pdf = squash((await pdfPages(buildReportPdf({ ...input, fonts: readReportFonts() }))).join(' '))
  })

  it('opens as a Word document whose headings are the PDF\'s headings, in the same order', () => {
    const headings = paragraphs.filter(p => /^Heading\d$|^Title$/.test(p.style)).map(p => p.text)
    expect(headings.slice(0, 4)).toEqual([labels.title, labels.keyMessageHeading, labels.summaryHeading, labels.chartHeading])
    for (const heading of [labels.dimensionTableHeading, labels.roadmapHeading, labels.horizon['0-6m'], labels.findingsHeading, labels.gapsHeading, labels.methodHeading, labels.sourcesHeading]) expect(headings).toContain(heading)
    const missingInPdf = headings.filter(h => !pdf.includes(squash(h)))
    expect(missingInPdf).toEqual([])
    let last = -1
    for (const h of headings) {
      const at = pdf.indexOf(squash(h), h === labels.title ? 0 : last)
      expect(at, h).toBeGreaterThanOrEqual(last)
      last = at
    }
  })

  it('holds every action title of the plan, as the PDF does', () => {
    const text = { questionnaire: q, locale, labels }
    const titles = [...outcome.roadmap.horizons['0-6m'], ...outcome.roadmap.horizons['6-18m'], ...outcome.roadmap.horizons['18-36m'], ...outcome.roadmap.later].map(item => squash(itemTitle(text, item)))
    expect(titles.length).toBeGreaterThan(5)
    const docx = new Set(paragraphs.map(p => squash(p.text)))
    expect(titles.filter(t => !docx.has(t))).toEqual([])
    expect(titles.filter(t => !pdf.includes(t))).toEqual([])
  })

  it('carries the country, the overall stage line and every evidence note', () => {
    const all = paragraphs.map(p => p.text).join('\n')
    expect(all).toContain(input.countryName)
    expect(all).toContain(`${labels.overallStage}${labels.colon}${outcome.result.overallStage} ·`)
    const notes = Object.values(assessment.answers).map(a => a.evidence).filter(Boolean)
    expect(notes.filter(note => !all.includes(note))).toEqual([])
  })
})

describe('Word report sign-off', () => {
  it('puts the names on the cover and "DRAFT" in the page header of a draft', async () => {
    const base = loadFixture('tests/fixtures/emerging-mid.tda.json', 'en')
    const assessment = { ...base, signOff: { draft: true, preparedBy: 'Ama Mensah', approvedBy: 'Kofi Boateng', date: '2026-12-03' } }
    const bytes = await buildReportDocx({ questionnaire: q, assessment, ...assessmentOutcome(q, assessment), labels: readReportLabels('en'), countryName: 'Ghana', generatedAt: GENERATED })
    const text = docxParagraphs(bytes).map(p => p.text)
    expect(text).toContain('Ama Mensah')
    expect(text).toContain('Kofi Boateng')
    expect(text).toContain('December 3, 2026')
    expect(docxParagraphs(bytes, 'word/header1.xml').map(p => p.text)).toContain('DRAFT')
  })
})

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Assessment } from '@/domain/assessment'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome } from '@/domain/outcome'
import type { Questionnaire } from '@/domain/questionnaire'
import { buildReportDocx } from '@/report/build-docx'
import { buildReportPdf } from '@/report/build-report'
import { pdfInfo } from '../../pdf-text'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const q: Questionnaire = checked.questionnaire

/** The fixture's assessment in `locale`, with the ministry and unit given. */
function input(locale: string, ministry: string, unit: string) {
  const parsed = parseAssessmentFile(readFileSync('tests/fixtures/emerging-mid.tda.json', 'utf8'), () => q)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const imported = assessmentFromImport(parsed.value, { id: 'a', questionnaireKey: 'tech-diplomacy@1.0.0', position: { view: 'results' } })
  const assessment: Assessment = { ...imported, locale, profile: { ...imported.profile, ministry, unit } }
  return { questionnaire: q, assessment, ...assessmentOutcome(q, assessment), labels: readReportLabels(locale), countryName: countryNameNode(assessment.profile.country, locale), generatedAt: new Date('2026-11-23T12:00:00Z') }
}

/** The author of a .docx (dc:creator in docProps/core.xml), unzipped with the system's unzip. */
async function docxAuthor(locale: string, ministry: string, unit: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'tda-author-')), 'report.docx')
  writeFileSync(file, await buildReportDocx(input(locale, ministry, unit)))
  const core = execFileSync('unzip', ['-p', file, 'docProps/core.xml'], { encoding: 'utf8' })
  return /<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1] ?? ''
}

const pdfAuthor = async (locale: string, ministry: string, unit: string) => (await pdfInfo(buildReportPdf({ ...input(locale, ministry, unit), fonts: readReportFonts() }))).Author

// The author field is a document's plain metadata: the ministry, then the unit, joined by the comma of the report's
// language and without direction marks (readers show the field as it is, and may draw the marks as boxes).
describe('the author of the report\'s PDF and Word files', () => {
  it('in English is "ministry, unit"', async () => {
    expect(await pdfAuthor('en', 'Ministry of Foreign Affairs', 'Digital Unit')).toBe('Ministry of Foreign Affairs, Digital Unit')
    expect(await docxAuthor('en', 'Ministry of Foreign Affairs', 'Digital Unit')).toBe('Ministry of Foreign Affairs, Digital Unit')
  }, 30_000)

  it('in French keeps the plain comma', async () => {
    expect(await pdfAuthor('fr', 'Ministère des affaires étrangères', 'Cellule numérique')).toBe('Ministère des affaires étrangères, Cellule numérique')
  }, 30_000)

  it('in Arabic joins them with the Arabic comma', async () => {
    expect(await pdfAuthor('ar', 'وزارة الخارجية', 'وحدة التكنولوجيا')).toBe('وزارة الخارجية، وحدة التكنولوجيا')
    expect(await docxAuthor('ar', 'وزارة الخارجية', 'وحدة التكنولوجيا')).toBe('وزارة الخارجية، وحدة التكنولوجيا')
  }, 30_000)

  it('is the ministry alone when no unit is given', async () => {
    expect(await pdfAuthor('ar', 'وزارة الخارجية', '')).toBe('وزارة الخارجية')
    expect(await docxAuthor('en', 'Ministry of Foreign Affairs', ' ')).toBe('Ministry of Foreign Affairs')
  }, 30_000)
})

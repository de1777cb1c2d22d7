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
import { localize, type Questionnaire } from '@/domain/questionnaire'
import { buildReportPdf } from '@/report/build-report'
import { pdfInfo, pdfPages } from '../../pdf-text'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const q: Questionnaire = checked.questionnaire
const fonts = readReportFonts()
const GENERATED = new Date('2026-11-23T12:00:00Z')

function loadFixture(path: string, locale?: string): Assessment {
  const parsed = parseAssessmentFile(readFileSync(path, 'utf8'), () => q)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const assessment = assessmentFromImport(parsed.value, { id: path, questionnaireKey: 'tech-diplomacy@1.0.0', position: { view: 'results' } })
  return locale ? { ...assessment, locale } : assessment
}

function build(assessment: Assessment) {
  const outcome = assessmentOutcome(q, assessment)
  const labels = readReportLabels(assessment.locale)
  const bytes = buildReportPdf({ questionnaire: q, assessment, ...outcome, labels, countryName: countryNameNode(assessment.profile.country, assessment.locale), generatedAt: GENERATED, fonts })
  return { bytes, outcome, labels }
}

const squash = (text: string) => text.replace(/\s+/g, ' ')

describe.each([
  ['tests/fixtures/emerging-mid.tda.json', 'Ghana'],
  ['tests/fixtures/pioneer.tda.json', 'Netherlands'],
])('PDF report of %s', (path, country) => {
  const assessment = loadFixture(path)
  const { bytes, outcome } = build(assessment)
  let pages: string[] = []
  let all = ''
  beforeAll(async () => {
    pages = await pdfPages(bytes)
    all = squash(pages.join(' '))
  })

  it('names the country and the ministry on the cover', () => {
    expect(pages[0]).toContain(country)
    expect(squash(pages[0]!)).toContain(assessment.profile.ministry)
  })

  it('lists every action of the plan by the title the questionnaire gives it', () => {
    const items = [...outcome.roadmap.horizons['0-6m'], ...outcome.roadmap.horizons['6-18m'], ...outcome.roadmap.horizons['18-36m'], ...outcome.roadmap.later]
    expect(items.length).toBeGreaterThan(5)
    // Titles read from the data (and the plain "Find out: <question>" pattern), not from the code that writes the PDF.
    const question = (id: string) => localize(q.indicators.find(i => i.id === id)!.question, 'en')
    const titles = items.map(item => squash(item.action ? localize(item.action.title, 'en') : item.findOut ? `Find out: ${item.findOut.indicatorId} ${question(item.findOut.indicatorId)}` : item.custom!.title))
    expect(titles.filter(title => !all.includes(title))).toEqual([])
  })

  it('numbers every page "Page n of N"', () => {
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))
  })

  it('carries every evidence note in the findings', () => {
    // Table cells wrap lines anywhere (also after hyphens), so compare without any whitespace.
    const bare = (text: string) => text.replace(/\s+/g, '')
    const notes = Object.values(assessment.answers).map(a => bare(a.evidence)).filter(Boolean)
    expect(notes.filter(note => !bare(all).includes(note))).toEqual([])
  })

  it('has title, author, subject and language metadata', async () => {
    const info = await pdfInfo(bytes)
    expect(info.Title).toBe(`Tech diplomacy roadmap — ${country}`)
    expect(info.Author).toContain(assessment.profile.ministry)
    expect(info.Subject).toContain(country)
    expect(info.Language).toBe('en')
  })
})

/**
 * tests/fixtures/answers/known-results.tda.json, worked by hand (every weight 1; the same figures as tests/e2e/results.spec.ts):
 * mandate 2,2,3,2 → 2.25, stage 2 · strategy 1,2,2,don't know → 1.25, stage 1 unconfirmed · people 3,3,3,3 → 3.0, stage 3 ·
 * coordination 0,1,1,1 → 0.75, stage 0 · engagement 2,3,4,2 → 2.75, stage 2 · multilateral 4,4,5,4 → 4.25, stage 4 ·
 * investment 1,1,2,1 → 1.25, stage 1 · resources 2,2,2,2 → 2.0, stage 2. Stages sorted 0,1,1,2,2,2,3,4 → median 2; the
 * mandate cap (2 + 1 = 3) does not bind. Index (2.25 + 1.25 + 3 + 0.75 + 2.75 + 4.25 + 1.25 + 2) / 8 × 20 = 43.75 → 43.8.
 * Targets are stage + 1, so the plan holds the 0→1 coordination actions, the 1→2 strategy actions, the 4→5 multilateral
 * actions, and a "find out" item for I2.4.
 */
describe('PDF report of a hand-worked answer set', () => {
  const { bytes } = build(loadFixture('tests/fixtures/answers/known-results.tda.json'))
  let all = ''
  beforeAll(async () => {
    all = squash((await pdfPages(bytes)).join(' '))
  })

  it('states the overall stage, its name and the index', () => {
    expect(all).toContain('Overall stage: 2 · Emerging')
    expect(all).toContain('Index: 43.8 out of 100')
  })

  it('gives each dimension its score and stage', () => {
    for (const cells of ['2.3 2 · Emerging', '1.3 1 · Ad hoc (unconfirmed)', '3.0 3 · Established', '0.8 0 · Absent', '2.8 2 · Emerging', '4.3 4 · Strategic', '2.0 2 · Emerging']) {
      expect(all, cells).toContain(cells)
    }
  })

  it('lists the actions the targets call for, and a "find out" item for the gap', () => {
    for (const title of [
      'List the ministries and agencies that hold international tech files',
      'Write a 3–4 page priority note covering 5–7 tech issues',
      'Lead a resolution, chair a process or host a meeting on a tech issue',
      'Find out: I2.4 How is your tech diplomacy strategy or priority document reviewed and adapted over time?',
    ]) expect(all, title).toContain(title)
  })

  it('says the mandate rule did not lower the stage', () => {
    expect(all).toContain('In this assessment no gating rule lowered the overall stage.')
    expect(all).not.toContain('was capped at')
  })
})

describe('French PDF report (LDC small island state)', () => {
  const assessment = loadFixture('tests/fixtures/ldc-island-early.tda.json')
  const { bytes, outcome } = build(assessment)
  let all = ''
  beforeAll(async () => {
    all = squash((await pdfPages(bytes)).join(' '))
  })

  it('keeps French accents intact', () => {
    expect(assessment.locale).toBe('fr')
    for (const word of ['Îles Salomon', 'Mandat et ancrage institutionnel', 'Ministère des Affaires étrangères', 'Présence multilatérale', 'Émergent']) {
      expect(all, word).toContain(word)
    }
    expect(all).toMatch(/[éèàçô]/)
    expect(all).not.toContain('\uFFFD')
  })

  it('uses the adapted actions for least developed countries', () => {
    const adapted = [...outcome.roadmap.horizons['0-6m'], ...outcome.roadmap.horizons['6-18m'], ...outcome.roadmap.horizons['18-36m']].filter(i => i.action?.variant === 'ldc')
    expect(adapted.length).toBeGreaterThan(0)
    expect(all).toContain(squash(localize(adapted[0]!.action!.title, 'fr')))
  })
})

describe('every page renders', () => {
  it('pdftoppm renders every page of a report without error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tda-pdf-'))
    const file = join(dir, 'report.pdf')
    writeFileSync(file, build(loadFixture('tests/fixtures/ldc-island-early.tda.json')).bytes)
    let output = ''
    try {
      output = execFileSync('pdftoppm', ['-png', '-r', '30', file, join(dir, 'page')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    }
    catch (error) {
      throw new Error(`pdftoppm failed (is poppler-utils installed? apt-get install poppler-utils): ${(error as Error).message}`)
    }
    expect(output).toBe('')
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(5)
  })
})

describe('non-Latin and accented text in the PDF', () => {
  it('renders Arabic, ñ, ç and ã from the user\'s own words without losing a glyph', async () => {
    const base = loadFixture('tests/fixtures/pioneer.tda.json')
    const arabic = 'الدبلوماسية التقنية'
    const assessment: Assessment = {
      ...base,
      profile: { ...base.profile, ministry: 'Ministerio de Relações Exteriores — Cooperação y Señales' },
      roadmap: { ...base.roadmap, custom: [{ id: 'ar', dimensionId: 'mandate', title: `تعيين منسق ${arabic}`, description: 'Coordinación con la Dirección de Cooperação', horizon: '0-6m' }] },
    }
    const all = (await pdfPages(build(assessment).bytes)).join(' ').replace(/\s+/g, ' ')
    expect(all).toContain('Relações Exteriores')
    expect(all).toContain('Señales')
    expect(all).toContain('Coordinación con la Dirección de Cooperação')
    expect(all).toContain(arabic)
    expect(all).not.toContain('\uFFFD')
  })
})

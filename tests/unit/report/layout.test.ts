import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Assessment } from '@/domain/assessment'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome } from '@/domain/outcome'
import { localize, type Questionnaire } from '@/domain/questionnaire'
import { buildReportPdf } from '@/report/build-report'
import { itemDetail, itemTitle } from '@/report/item-text'
import { brokenWords, pdfLines, pdfPages } from '../../pdf-text'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const q: Questionnaire = checked.questionnaire
const fonts = readReportFonts()
const FIXTURES = ['tests/fixtures/ldc-island-early.tda.json', 'tests/fixtures/emerging-mid.tda.json', 'tests/fixtures/pioneer.tda.json']

function loadFixture(path: string, locale: string): Assessment {
  const parsed = parseAssessmentFile(readFileSync(path, 'utf8'), () => q)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const v = parsed.value
  return { id: path, questionnaireKey: 'tech-diplomacy@1.0.0', questionnaireId: q.id, questionnaireVersion: q.version, locale, profile: v.profile, answers: v.answers, roadmap: v.roadmap, position: { view: 'results' }, createdAt: v.createdAt, updatedAt: v.updatedAt }
}

function build(assessment: Assessment) {
  const outcome = assessmentOutcome(q, assessment)
  const labels = readReportLabels(assessment.locale)
  const bytes = buildReportPdf({ questionnaire: q, assessment, ...outcome, labels, countryName: countryNameNode(assessment.profile.country, assessment.locale), generatedAt: new Date('2026-11-23T12:00:00Z'), fonts })
  return { bytes, outcome, labels }
}

const squash = (text: string) => text.replace(/\s+/g, ' ')
const wordsOf = (...texts: string[]) => texts.flatMap(t => t.split(/[\s'’]+/)).map(w => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter(w => w.length > 2)

describe.each(FIXTURES.flatMap(path => ['en', 'fr'].map(locale => [path, locale] as const)))('PDF layout of %s in %s', (path, locale) => {
  const assessment = loadFixture(path, locale)
  const { bytes, outcome, labels } = build(assessment)
  let lines: string[][] = []
  let pages: string[] = []
  beforeAll(async () => {
    lines = await pdfLines(bytes)
    pages = (await pdfPages(bytes)).map(squash)
  })

  it('breaks no dimension name and no table header inside a word', () => {
    const headers = [labels.dimension, labels.score, labels.stage, labels.target, labels.answered, labels.gaps, labels.action, labels.owner, labels.targetDate, labels.sources, labels.indicator, labels.answer, labels.confidence, labels.evidence]
    const targets = wordsOf(...q.dimensions.map(d => localize(d.title, locale)), ...headers)
    expect(targets).toContain(locale === 'fr' ? 'Objectif' : 'Target')
    expect(lines.flatMap(page => brokenWords(page, targets))).toEqual([])
  })

  it('keeps each action\'s title on the same page as its description', () => {
    const text = { questionnaire: q, locale, labels }
    const items = [...outcome.roadmap.horizons['0-6m'], ...outcome.roadmap.horizons['6-18m'], ...outcome.roadmap.horizons['18-36m'], ...outcome.roadmap.later].filter(i => i.kind === 'library')
    expect(items.length).toBeGreaterThan(3)
    const apart = items.filter((item) => {
      const title = squash(itemTitle(text, item))
      const page = pages.findLastIndex(p => p.includes(title))
      const detail = squash(itemDetail(text, item)).slice(0, 40)
      return page < 0 || !pages[page]!.includes(detail)
    }).map(item => itemTitle(text, item))
    expect(apart).toEqual([])
  })

  it('never writes "Stage no stage" and puts the key message on the cover', () => {
    const all = pages.join(' ')
    expect(all).not.toMatch(locale === 'fr' ? /Stade aucun stade/i : /Stage no stage/i)
    expect(pages[0]).toContain(labels.keyMessageHeading)
    expect(pages[0]).toContain(`${labels.overallStage}${labels.colon}${outcome.result.overallStage} ·`)
    expect(pages[0]).toContain(labels.prioritiesHeading)
    expect(pages[0]).toContain(labels.preparedBy)
    expect(pages[0]).toContain(labels.approvedBy)
  })
})

describe('draft mark and sign-off', () => {
  it('prints the names and date on the cover and "DRAFT" on every page when the report is a draft', async () => {
    const base = loadFixture('tests/fixtures/emerging-mid.tda.json', 'en')
    const pages = (await pdfPages(build({ ...base, signOff: { draft: true, preparedBy: 'Ama Mensah, Policy Officer', approvedBy: 'Kofi Boateng, Director', date: '2026-12-03' } }).bytes)).map(squash)
    expect(pages[0]).toContain('Ama Mensah, Policy Officer')
    expect(pages[0]).toContain('Kofi Boateng, Director')
    expect(pages[0]).toContain('December 3, 2026')
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('DRAFT'))
  })

  it('has no draft mark when the report is final, in French "PROJET" when a draft', async () => {
    const base = loadFixture('tests/fixtures/ldc-island-early.tda.json', 'fr')
    const final = (await pdfPages(build({ ...base, signOff: { draft: false, preparedBy: '', approvedBy: '', date: '' } }).bytes)).join(' ')
    expect(final).not.toContain('PROJET')
    const draft = (await pdfPages(build({ ...base, signOff: { draft: true, preparedBy: '', approvedBy: '', date: '' } }).bytes))
    draft.forEach(page => expect(page).toContain('PROJET'))
  })
})

describe('a dimension without a stage', () => {
  it('says so in a sentence rather than "Stage no stage"', async () => {
    const base = loadFixture('tests/fixtures/emerging-mid.tda.json', 'fr')
    const answers = Object.fromEntries(Object.entries(base.answers).map(([id, a]) => [id, id.startsWith('I1.') ? { kind: 'dont_know' as const, evidence: '', updatedAt: a.updatedAt } : a]))
    const all = squash((await pdfPages(build({ ...base, answers }).bytes)).join(' '))
    expect(all).toContain('Pas encore de stade (aucun indicateur renseigné par un niveau)')
    expect(all).not.toMatch(/Stade aucun stade/i)
  })
})

describe('a long link in an evidence note', () => {
  it('wraps inside its cell: every drawn piece of it fits the page', async () => {
    const base = loadFixture('tests/fixtures/pioneer.tda.json', 'en')
    const url = 'https://www.government.example.org/documents/foreign-affairs/technology-diplomacy/2026/strategy-annex-on-standards-bodies-and-digital-public-infrastructure.pdf'
    const first = Object.keys(base.answers)[0]!
    const answers = { ...base.answers, [first]: { ...base.answers[first]!, evidence: `Strategy annex: ${url}` } }
    const lines = (await pdfLines(build({ ...base, answers }).bytes)).flat()
    expect(lines.join('').replace(/\s+/g, '')).toContain(url)
    // The evidence column is about 60 mm wide: no piece of the link may run longer than that.
    expect(Math.max(...lines.filter(l => /government\.example|strategy-annex|digital-public/.test(l)).map(l => l.length))).toBeLessThan(50)
  })
})

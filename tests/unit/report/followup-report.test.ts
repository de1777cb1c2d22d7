import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readFollowUpLabels, readReportFonts, readReportLabels } from '@/cli/report-node'
import type { Answer, Assessment } from '@/domain/assessment'
import { baselineOf, createFollowUp } from '@/domain/followup'
import { assessmentOutcome } from '@/domain/outcome'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import { buildReportDocx } from '@/report/build-docx'
import { buildReportPdf } from '@/report/build-report'
import { followUpReportInput } from '@/report/followup-section'
import { pdfPages } from '../../pdf-text'
import { mini } from '../domain/questionnaire-fixtures'

const T = '2026-01-15T09:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: level >= 3 ? 'Decree 12/2025' : '', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const fonts = readReportFonts()

/* The worked example of tests/unit/domain/followup.test.ts: alpha 1.25 (stage 1) → 2.25 (stage 2), beta 0.25 → 0.5 (stage 0),
   index 18.3 → 33.3, overall stage 0 → 1; alpha-12 done, beta-01 not yet, find-out:b3 done, the own action not yet. */
const earlier: Assessment = {
  id: 'e', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en',
  profile: { ...emptyProfile('2026-01-15'), country: 'FJI', ministry: 'Ministry of Foreign Affairs', unit: 'Policy' },
  answers: { a1: L(1), a2: L(2), a3: L(1), b1: L(0), b2: L(1), b3: DK },
  position: { view: 'results' },
  roadmap: {
    ...emptyRoadmapEdits(),
    details: { 'alpha-12': { owner: 'Policy planning', targetDate: '2026-09-30' } },
    custom: [{ id: 'c1', dimensionId: 'beta', title: 'Roundtable with companies', description: '', horizon: '6-18m' }],
  },
  createdAt: T, updatedAt: T,
}

function followUp(locale: string): Assessment {
  const f = createFollowUp({ id: 'f', questionnaireKey: 'mini@1.0.0', questionnaire: mini, source: { baseline: baselineOf(earlier), questionnaire: mini }, answers: 'carry', locale, today: '2027-01-20', now: '2027-01-20T08:00:00.000Z' })
  return { ...f, answers: { ...f.answers, a1: L(2), a3: L(3), b3: L(1) } }
}

function input(assessment: Assessment) {
  const followUp = followUpReportInput(assessment, mini, () => undefined, readFollowUpLabels(assessment.locale))!
  return { questionnaire: mini, assessment, ...assessmentOutcome(mini, assessment), labels: readReportLabels(assessment.locale), countryName: 'Fiji', generatedAt: new Date('2027-01-20T12:00:00Z'), followUp }
}
const squash = (text: string) => text.replace(/\s+/g, ' ')

describe('the PDF of a follow-up', () => {
  let text = ''
  beforeAll(async () => {
    text = squash((await pdfPages(buildReportPdf({ ...input(followUp('en')), fonts }))).join(' '))
  })

  it('has a "Since <earlier date>" section with the overall change in words', () => {
    expect(text).toContain('Since January 15, 2026')
    expect(text).toContain('Overall stage: 0 · Absent → 1 · Ad hoc (up)')
    expect(text).toContain('Index (0–100): 18.3 → 33.3 (up)')
  })

  it('gives each dimension\'s stage and score then and now, and the direction', () => {
    expect(text).toContain('Alpha mandate 1 · Ad hoc 2 · Emerging 1.3 2.3 stage up, score up')
    expect(text).toMatch(/Beta [^ ]+ 0 · Absent 0 · Absent 0.3 0.5 stage same, score up/)
  })

  it('lists the earlier roadmap\'s items with the earlier owner and date, the levels and what became of them', () => {
    expect(text).toContain('4 items in the earlier roadmap: 2 done, 0 progressing, 2 not yet, 0 not compared.')
    expect(text).toMatch(/Move alpha from 1 to 2 \(Alpha mandate\) Policy planning September 30, 2026 2 · Emerging 2 · Emerging Done/)
    expect(text).toMatch(/Move beta from 0 to 1 \(Beta [^)]+\) Permanent Secretary — 1 · Ad hoc 0 · Absent Not yet/)
    expect(text).toMatch(/Roundtable with companies \(Beta [^)]+\) — — 1 · Ad hoc 0 · Absent Not yet/)
    expect(text).toContain('Judged by the dimension\'s stage: the action names no indicator.')
  })

  it('says when every indicator could be compared', () => {
    expect(text).toContain('Indicators that could not be compared')
    expect(text).toContain('Every indicator could be compared.')
  })
})

describe('the PDF of an assessment that is not a follow-up', () => {
  it('has no "Since" section', async () => {
    const plain = { ...input(followUp('en')) }
    delete (plain as { followUp?: unknown }).followUp
    const text = squash((await pdfPages(buildReportPdf({ ...plain, fonts }))).join(' '))
    expect(text).not.toContain('Since January 15, 2026')
    expect(followUpReportInput(earlier, mini, () => undefined, readFollowUpLabels('en'))).toBeUndefined()
  })
})

describe('the French PDF and the Word version of a follow-up', () => {
  it('are in French, with the same section', async () => {
    const text = squash((await pdfPages(buildReportPdf({ ...input(followUp('fr')), fonts }))).join(' '))
    expect(text).toContain('Depuis le 15 janvier 2026')
    expect(text).toContain('Stade global : 0 · Inexistant → 1 · Ponctuel (en hausse)')
    expect(text).toContain('Réalisé')
  })

  it('carries the section into the .docx', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tda-followup-')), 'report.docx')
    writeFileSync(file, await buildReportDocx(input(followUp('en'))))
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 50 * 1024 * 1024 })
    expect(xml).toContain('Since January 15, 2026')
    expect(xml).toContain('Policy planning')
    expect(xml).toContain('Roundtable with companies')
  })
})

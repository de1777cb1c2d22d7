import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runReports } from '@/cli/report'
import { parseAssessmentFile, serializeAssessmentFile, buildAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { baselineOf, createFollowUp } from '@/domain/followup'
import { pdfPages } from '../../pdf-text'

const load = (path: string) => {
  const checked = checkQuestionnaireText(readFileSync(path, 'utf8'))
  if (!checked.ok) throw new Error('questionnaire invalid')
  return checked.questionnaire
}
const v100 = load('questionnaires/tech-diplomacy-1.0.0.json')
const v110 = load('questionnaires/tech-diplomacy.json')

describe('npm run report on a follow-up\'s answers file', () => {
  it('prints the "Since <earlier date>" section, the earlier questionnaire version found among the shipped ones', async () => {
    const parsed = parseAssessmentFile(readFileSync('tests/fixtures/emerging-mid.tda.json', 'utf8'), () => v100)
    if (!parsed.ok) throw new Error('fixture invalid')
    const earlier = assessmentFromImport(parsed.value, { id: 'e', questionnaireKey: 'tech-diplomacy@1.0.0', position: { view: 'results' } })
    const followUp = createFollowUp({
      id: 'f', questionnaireKey: 'tech-diplomacy@1.1.0', questionnaire: v110, source: { baseline: baselineOf(earlier), questionnaire: v100 },
      answers: 'carry', locale: 'en', today: '2027-11-18', now: '2027-11-18T09:00:00.000Z',
    })
    const input = mkdtempSync(join(tmpdir(), 'tda-followup-'))
    writeFileSync(join(input, 'ghana-2027.tda.json'), serializeAssessmentFile(buildAssessmentFile(followUp, '2027-11-18T10:00:00.000Z')))
    const out = mkdtempSync(join(tmpdir(), 'tda-followup-out-'))
    const run = await runReports({ inputs: [input], out, generatedAt: new Date('2027-11-18T12:00:00Z') })
    expect(run.failed).toEqual([])
    const text = (await pdfPages(new Uint8Array(readFileSync(run.written[0]!)))).join(' ').replace(/\s+/g, ' ')
    // the same answers carried over: every dimension the same, nothing of the earlier plan done that was not already
    expect(text).toContain('Since November 18, 2026')
    expect(text).toContain('Compared with the assessment of November 18, 2026 (questionnaire version 1.0.0).')
    expect(text).toMatch(/Overall stage: (\d · [A-Za-z ]+) → \1 \(same\)/)
    expect(text).toContain('Every indicator could be compared.')
  }, 60_000)
})

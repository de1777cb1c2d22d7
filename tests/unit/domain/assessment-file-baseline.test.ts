import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment, type Baseline } from '@/domain/assessment'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini = checked.questionnaire
const find = (id: string, version: string) => (id === mini.id && version === mini.version ? mini : undefined)
const NOW = '2027-01-20T10:00:00.000Z'
const T = '2026-01-15T09:00:00.000Z'
const level = (n: number) => ({ kind: 'level' as const, level: n, confidence: 'self-declared' as const, evidence: n >= 3 ? 'Decree' : '', updatedAt: T })

const baseline: Baseline = {
  source: 'assessment',
  questionnaireId: 'mini',
  questionnaireVersion: '1.0.0',
  profile: { ...emptyProfile('2026-01-15'), country: 'FJI', ministry: 'MFA' },
  answers: { a1: level(1), b1: level(0) },
  roadmap: { ...emptyRoadmapEdits(), details: { 'alpha-12': { owner: 'Policy planning', targetDate: '2026-09-30' } } },
  createdAt: T,
  updatedAt: T,
}
function followUp(b: Baseline | undefined): Assessment {
  const a = createAssessment({ id: 'f', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'en', profile: emptyProfile('2027-01-20'), now: NOW })
  return b ? { ...a, baseline: b } : a
}
const roundTrip = (a: Assessment) => parseAssessmentFile(serializeAssessmentFile(buildAssessmentFile(a, NOW)), find)

describe('a follow-up\'s earlier assessment in the answers file', () => {
  it('travels with the export and comes back on import, owners and dates included', () => {
    const parsed = roundTrip(followUp(baseline))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.baseline).toEqual(baseline)
    expect(parsed.notes).toEqual([])
    expect(assessmentFromImport(parsed.value, { id: 'g', questionnaireKey: 'mini@1.0.0', position: { view: 'results' } }).baseline).toEqual(baseline)
  })

  it('is absent from the file of an assessment that is not a follow-up, and such files still import', () => {
    expect('baseline' in buildAssessmentFile(followUp(undefined), NOW).assessment).toBe(false)
    const parsed = roundTrip(followUp(undefined))
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && 'baseline' in parsed.value).toBe(false)
  })

  it('has its answers checked against its own questionnaire version', () => {
    const parsed = roundTrip(followUp({ ...baseline, answers: { zz: level(1), a1: level(9), a1x: level(1) } }))
    expect(parsed.ok ? [] : parsed.errors.map(e => `${e.code} ${e.path}`)).toEqual([
      'answers.unknownIndicator assessment.baseline.answers.zz',
      'answers.levelAboveTop assessment.baseline.answers.a1.level',
      'answers.unknownIndicator assessment.baseline.answers.a1x',
    ])
  })

  it('has its roadmap edits checked against its own questionnaire version', () => {
    const roadmap = { ...emptyRoadmapEdits(), targets: { nope: 2, alpha: 7 }, custom: [{ id: 'c', dimensionId: 'gone', title: 'Own', description: '', horizon: '0-6m' as const }] }
    const parsed = roundTrip(followUp({ ...baseline, roadmap }))
    expect(parsed.ok ? [] : parsed.errors.map(e => `${e.code} ${e.path}`)).toEqual([
      'dimension.unknown assessment.baseline.roadmap.targets.nope',
      'roadmap.targetAboveTop assessment.baseline.roadmap.targets.alpha',
      'dimension.unknown assessment.baseline.roadmap.custom[0].dimensionId',
    ])
  })

  it('is kept, with a note, when its questionnaire version is not available here', () => {
    const parsed = roundTrip(followUp({ ...baseline, questionnaireVersion: '0.9.0', answers: { old1: level(2) } }))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.baseline?.answers).toEqual({ old1: level(2) })
    expect(parsed.notes).toEqual([{ code: 'answers.baselineQuestionnaireUnavailable', path: 'assessment.baseline', params: { id: 'mini', version: '0.9.0' } }])
  })

  it('is refused when it is not a well-formed earlier assessment', () => {
    const file = JSON.parse(serializeAssessmentFile(buildAssessmentFile(followUp(baseline), NOW))) as { assessment: { baseline: Record<string, unknown> } }
    file.assessment.baseline.source = 'rumour'
    delete file.assessment.baseline.profile
    const parsed = parseAssessmentFile(JSON.stringify(file), find)
    expect(parsed.ok ? [] : parsed.errors.map(e => e.path).sort()).toEqual(['assessment.baseline.profile', 'assessment.baseline.source'])
  })
})

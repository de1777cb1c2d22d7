import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini = checked.questionnaire
const find = (id: string, version: string) => (id === mini.id && version === mini.version ? mini : undefined)
const NOW = '2026-11-23T10:00:00.000Z'
const previous = { kind: 'level' as const, level: 2, confidence: 'self-declared' as const, evidence: 'note', updatedAt: NOW }

function marked(freshLook: Assessment['freshLook']): Assessment {
  return { ...createAssessment({ id: 'a', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'en', profile: emptyProfile('2026-11-20'), now: NOW }), freshLook }
}

describe('answers marked for a fresh look in the answers file', () => {
  it('travel with the export and come back on import, the answer not carried included', () => {
    const marks = { a1: { reason: 'reanswer' as const, from: '0.9.0', previousId: 'a1', previous }, b2: { reason: 'fresh-look' as const, from: '0.9.0', previousId: 'b2' } }
    const parsed = parseAssessmentFile(serializeAssessmentFile(buildAssessmentFile(marked(marks), NOW)), find)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.freshLook).toEqual(marks)
    expect(assessmentFromImport(parsed.value, { id: 'b', questionnaireKey: 'mini@1.0.0', position: { view: 'review' } }).freshLook).toEqual(marks)
  })

  it('are left out of the file when there are none', () => {
    expect('freshLook' in buildAssessmentFile(marked(undefined), NOW).assessment).toBe(false)
    expect('freshLook' in buildAssessmentFile(marked({}), NOW).assessment).toBe(false)
  })

  it('must name indicators of the questionnaire', () => {
    const parsed = parseAssessmentFile(serializeAssessmentFile(buildAssessmentFile(marked({ zz: { reason: 'fresh-look', from: '0.9.0', previousId: 'zz' } }), NOW)), find)
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ path: 'assessment.freshLook.zz', code: 'answers.unknownIndicator', params: { id: 'zz', questionnaire: 'mini', version: '1.0.0' } }])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { emptySignOff, signOffSchema } from '@/domain/sign-off'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const find = (id: string, version: string) => (id === mini.id && version === mini.version ? mini : undefined)
const NOW = '2026-11-23T10:00:00.000Z'
const base: Assessment = createAssessment({ id: 'a1', questionnaireKey: `${mini.id}@${mini.version}`, questionnaire: mini, locale: 'en', profile: { ...emptyProfile('2026-11-23'), country: 'GHA', ministry: 'MFA', unit: 'Policy' }, now: NOW })

describe('sign-off in the answers file', () => {
  it('travels with the file: draft flag, names and date come back as written', () => {
    const signOff = { draft: true, preparedBy: 'Ama Mensah', approvedBy: 'Kofi Boateng', date: '2026-12-03' }
    const parsed = parseAssessmentFile(serializeAssessmentFile(buildAssessmentFile({ ...base, signOff }, NOW)), find)
    expect(parsed.ok && parsed.value.signOff).toEqual(signOff)
  })

  it('is kept when the file becomes a saved assessment', () => {
    const signOff = { draft: false, preparedBy: 'Ama Mensah', approvedBy: '', date: '' }
    const parsed = parseAssessmentFile(serializeAssessmentFile(buildAssessmentFile({ ...base, signOff }, NOW)), find)
    if (!parsed.ok) throw new Error('should parse')
    expect(assessmentFromImport(parsed.value, { id: 'b', questionnaireKey: 'k', position: { view: 'results' } }).signOff).toEqual(signOff)
  })

  it('is left out of the file when the assessment has none, and such a file still opens', () => {
    const file = buildAssessmentFile(base, NOW)
    expect('signOff' in file.assessment).toBe(false)
    const parsed = parseAssessmentFile(serializeAssessmentFile(file), find)
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.value.signOff).toBeUndefined()
  })

  it('refuses a date that is not YYYY-MM-DD, with the path to it', () => {
    const file = buildAssessmentFile({ ...base, signOff: { ...emptySignOff(), date: '3/12/2026' } }, NOW)
    const parsed = parseAssessmentFile(serializeAssessmentFile(file), find)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors[0]!.path).toBe('assessment.signOff.date')
  })

  it('accepts an empty date and starts as not a draft with nothing filled in', () => {
    expect(emptySignOff()).toEqual({ draft: false, preparedBy: '', approvedBy: '', date: '' })
    expect(signOffSchema.safeParse(emptySignOff()).success).toBe(true)
    expect(signOffSchema.safeParse({ ...emptySignOff(), extra: 1 }).success).toBe(false)
  })
})

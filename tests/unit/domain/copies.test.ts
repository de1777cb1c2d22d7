import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { sameAssessments } from '@/domain/copies'
import { emptyProfile } from '@/domain/profile'

function saved(id: string, questionnaireId: string, createdAt: string): Assessment {
  return createAssessment({ id, questionnaireKey: `${questionnaireId}@1`, questionnaire: { id: questionnaireId, version: '1' }, locale: 'en', profile: emptyProfile('2026-11-20'), now: createdAt })
}

describe('sameAssessments', () => {
  const list = [
    saved('a', 'tech-diplomacy', '2026-11-20T10:00:00.000Z'),
    saved('b', 'tech-diplomacy', '2026-11-20T10:00:00.001Z'),
    saved('c', 'other', '2026-11-20T10:00:00.000Z'),
    saved('d', 'tech-diplomacy', '2026-11-20T10:00:00.000Z'),
  ]

  it('finds every saved assessment with the same questionnaire and creation time', () => {
    expect(sameAssessments(list, { questionnaire: { id: 'tech-diplomacy' }, createdAt: '2026-11-20T10:00:00.000Z' })).toEqual(['a', 'd'])
  })

  it('tells apart a creation one millisecond later and another questionnaire', () => {
    expect(sameAssessments(list, { questionnaire: { id: 'tech-diplomacy' }, createdAt: '2026-11-20T10:00:00.001Z' })).toEqual(['b'])
    expect(sameAssessments(list, { questionnaire: { id: 'other' }, createdAt: '2026-11-20T10:00:00.001Z' })).toEqual([])
  })

  it('finds nothing on an empty device', () => {
    expect(sameAssessments([], { questionnaire: { id: 'tech-diplomacy' }, createdAt: '2026-11-20T10:00:00.000Z' })).toEqual([])
  })
})

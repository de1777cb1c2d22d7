import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { comparableAssessments } from '@/domain/comparison'
import { emptyProfile } from '@/domain/profile'

const NOW = '2026-11-23T10:00:00.000Z'
function make(id: string, country: string, date: string, questionnaireId = 'tech-diplomacy'): Assessment {
  return createAssessment({ id, questionnaireKey: `${questionnaireId}@1.0.0`, questionnaire: { id: questionnaireId, version: '1.0.0' }, locale: 'en', profile: { ...emptyProfile(date), country }, now: NOW })
}

describe('which earlier assessments can be compared', () => {
  const current = make('now', 'GHA', '2026-11-20')
  const saved = [
    current,
    make('older', 'GHA', '2025-03-01'),
    make('newest-earlier', 'GHA', '2026-06-30'),
    make('same-day', 'GHA', '2026-11-20'),
    make('later', 'GHA', '2027-01-01'),
    make('other-country', 'KEN', '2025-01-01'),
    make('other-questionnaire', 'GHA', '2025-01-01', 'cyber'),
  ]

  it('keeps the same country and questionnaire, strictly earlier, newest first, never itself', () => {
    expect(comparableAssessments(current, saved).map(a => a.id)).toEqual(['newest-earlier', 'older'])
  })

  it('offers nothing when no country is set', () => {
    const blank = make('blank', '', '2026-11-20')
    expect(comparableAssessments(blank, [blank, make('b2', '', '2020-01-01')])).toEqual([])
  })
})

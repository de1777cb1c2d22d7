import { describe, expect, it } from 'vitest'
import { answersSchema, clearFreshLook, isEvidenceRequired, needsEvidence, type Answer, type FreshLookMarks } from '@/domain/assessment'

const T = '2026-11-23T10:00:00.000Z'
const L = (level: number, evidence = ''): Answer => ({ kind: 'level', level, confidence: 'self-declared', evidence, updatedAt: T })
const from3 = { evidenceRequiredFrom: 3 }

describe('evidence required', () => {
  it('from the indicator\'s threshold on, whether or not a note is there', () => {
    expect(isEvidenceRequired(from3, L(3, 'Decree 4/2025'))).toBe(true)
  })

  it('not below the threshold', () => {
    expect(isEvidenceRequired(from3, L(2))).toBe(false)
  })

  it('never for "don\'t know" or "not applicable", nor without an answer', () => {
    expect(isEvidenceRequired({ evidenceRequiredFrom: 0 }, { kind: 'dont_know', evidence: '', updatedAt: T })).toBe(false)
    expect(isEvidenceRequired({ evidenceRequiredFrom: 0 }, { kind: 'not_applicable', evidence: '', updatedAt: T })).toBe(false)
    expect(isEvidenceRequired({ evidenceRequiredFrom: 0 }, undefined)).toBe(false)
  })

  it('a note of spaces only is still missing', () => {
    expect(needsEvidence(from3, L(4, '   '))).toBe(true)
  })

  it('a note with text is enough', () => {
    expect(needsEvidence(from3, L(4, ' x '))).toBe(false)
  })
})

describe('fresh-look marks', () => {
  const marks: FreshLookMarks = {
    a1: { reason: 'fresh-look', from: '1.0.0', previousId: 'a1' },
    a2: { reason: 'reanswer', from: '1.0.0', previousId: 'old-a2', previous: L(2) },
  }

  it('clearing one mark keeps the others', () => {
    expect(clearFreshLook(marks, 'a1')).toEqual({ a2: marks.a2 })
  })

  it('clearing leaves the marks given untouched', () => {
    clearFreshLook(marks, 'a1')
    expect(Object.keys(marks)).toEqual(['a1', 'a2'])
  })

  it('clearing with no marks gives no marks', () => {
    expect(clearFreshLook(undefined, 'a1')).toEqual({})
  })
})

describe('answers in a file', () => {
  it('hold at most one answer per indicator a questionnaire may have (500)', () => {
    const answer: Answer = { kind: 'dont_know', evidence: '', updatedAt: '2026-11-23T10:00:00.000Z' }
    const answers = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, answer]))
    expect(answersSchema.safeParse(answers(500)).success).toBe(true)
    const over = answersSchema.safeParse(answers(501))
    expect(over.success ? [] : over.error.issues.map(i => i.message)).toEqual(['value.tooMany'])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyAnswerChange, createAssessment, indicatorsToLookAt, informationGaps, isAnswered, isEvidenceRequired, needsEvidence, pendingIndicators, progressOf, type Answer, type Answers } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import type { Indicator, Questionnaire } from '@/domain/questionnaire'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const a1 = mini.indicators[0]!
const NOW = '2026-11-23T10:00:00.000Z'
const LATER = '2026-11-23T10:05:00.000Z'

describe('answers', () => {
  it('a level answer starts self-declared with an empty note', () => {
    expect(applyAnswerChange({}, 'a1', { kind: 'level', level: 2 }, NOW)).toEqual({ a1: { kind: 'level', level: 2, confidence: 'self-declared', evidence: '', updatedAt: NOW } })
  })

  it('changing the level keeps the confidence and the evidence note', () => {
    let answers = applyAnswerChange({}, 'a1', { kind: 'level', level: 2 }, NOW)
    answers = applyAnswerChange(answers, 'a1', { confidence: 'document-backed' }, NOW)
    answers = applyAnswerChange(answers, 'a1', { evidence: 'Decision 12/2025' }, NOW)
    answers = applyAnswerChange(answers, 'a1', { kind: 'level', level: 4 }, LATER)
    expect(answers.a1).toEqual({ kind: 'level', level: 4, confidence: 'document-backed', evidence: 'Decision 12/2025', updatedAt: LATER })
  })

  it('switching to "don\'t know" keeps the note, and back to a level restarts as self-declared', () => {
    let answers = applyAnswerChange({}, 'a1', { kind: 'level', level: 3 }, NOW)
    answers = applyAnswerChange(answers, 'a1', { evidence: 'Memo' }, NOW)
    answers = applyAnswerChange(answers, 'a1', { kind: 'dont_know' }, NOW)
    expect(answers.a1).toEqual({ kind: 'dont_know', evidence: 'Memo', updatedAt: NOW })
    expect(applyAnswerChange(answers, 'a1', { kind: 'level', level: 1 }, NOW).a1).toMatchObject({ confidence: 'self-declared', evidence: 'Memo' })
  })

  it('clearing removes the answer', () => {
    const answers = applyAnswerChange({}, 'a1', { kind: 'not_applicable' }, NOW)
    expect(applyAnswerChange(answers, 'a1', null, NOW)).toEqual({})
  })

  it('a note or confidence on an unanswered indicator changes nothing', () => {
    const answers: Answers = {}
    expect(applyAnswerChange(answers, 'a1', { evidence: 'x' }, NOW)).toBe(answers)
    expect(applyAnswerChange(answers, 'a1', { confidence: 'document-backed' }, NOW)).toBe(answers)
  })

  it('confidence applies only to level answers', () => {
    const answers = applyAnswerChange({}, 'a1', { kind: 'dont_know' }, NOW)
    expect(applyAnswerChange(answers, 'a1', { confidence: 'document-backed' }, NOW)).toBe(answers)
  })

  it('does not change the answers it was given', () => {
    const answers: Answers = {}
    applyAnswerChange(answers, 'a1', { kind: 'level', level: 1 }, NOW)
    expect(answers).toEqual({})
  })
})

describe('the evidence rule', () => {
  const level = (n: number, evidence = '') => ({ kind: 'level' as const, level: n, confidence: 'self-declared' as const, evidence, updatedAt: NOW })

  it('asks for a note from the indicator\'s evidence level (3) on', () => {
    expect(needsEvidence(a1, level(2))).toBe(false)
    expect(needsEvidence(a1, level(3))).toBe(true)
    expect(needsEvidence(a1, level(3, '   '))).toBe(true)
    expect(needsEvidence(a1, level(3, 'Ministerial decision 4/2024'))).toBe(false)
  })

  it('an answer missing its required note does not count as answered', () => {
    expect(isAnswered(a1, level(5))).toBe(false)
    expect(isAnswered(a1, level(5, 'White paper 2025'))).toBe(true)
  })

  it('"don\'t know" and "not applicable" never need a note', () => {
    expect(needsEvidence(a1, { kind: 'dont_know', evidence: '', updatedAt: NOW })).toBe(false)
    expect(needsEvidence(a1, { kind: 'not_applicable', evidence: '', updatedAt: NOW })).toBe(false)
  })
})

describe('progress', () => {
  const answers: Answers = {
    a1: { kind: 'level', level: 4, confidence: 'self-declared', evidence: '', updatedAt: NOW },
    a2: { kind: 'dont_know', evidence: '', updatedAt: NOW },
    b3: { kind: 'not_applicable', evidence: '', updatedAt: NOW },
  }

  it('counts answers that pass the evidence rule, "don\'t know" and "not applicable" included', () => {
    expect(progressOf(mini.indicators, answers)).toEqual({ answered: 2, total: 6, ratio: 2 / 6 })
  })

  it('lists pending indicators in questionnaire order with the reason', () => {
    expect(pendingIndicators(mini, answers).map(p => [p.indicator.id, p.reason])).toEqual([
      ['a1', 'evidence'], ['a3', 'unanswered'], ['b1', 'unanswered'], ['b2', 'unanswered'],
    ])
  })

  it('an empty set of indicators is complete', () => {
    expect(progressOf([], {}).ratio).toBe(1)
  })
})

describe('a new assessment', () => {
  it('starts on the profile with no answers and records the questionnaire it uses', () => {
    const assessment = createAssessment({ id: 'x', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'fr', profile: emptyProfile('2026-11-23'), now: NOW })
    expect(assessment).toMatchObject({ questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'fr', answers: {}, position: { view: 'profile' }, createdAt: NOW, updatedAt: NOW })
  })
})

describe('evidence threshold', () => {
  const indicator = { evidenceRequiredFrom: 3 }
  const level = (n: number, evidence = ''): Answer => ({ kind: 'level', level: n, confidence: 'self-declared', evidence, updatedAt: '2026-11-23T10:00:00.000Z' })

  it('requires a note from the threshold level up, whether or not one is written', () => {
    expect(isEvidenceRequired(indicator, level(2))).toBe(false)
    expect(isEvidenceRequired(indicator, level(3))).toBe(true)
    expect(isEvidenceRequired(indicator, level(3, 'Decree 4/2026'))).toBe(true)
    expect(isEvidenceRequired(indicator, { kind: 'dont_know', evidence: '', updatedAt: '' })).toBe(false)
    expect(isEvidenceRequired(indicator, undefined)).toBe(false)
  })

  it('needs a note only while the required one is empty or blank', () => {
    expect(needsEvidence(indicator, level(3, '  '))).toBe(true)
    expect(needsEvidence(indicator, level(3, 'Decree 4/2026'))).toBe(false)
    expect(needsEvidence(indicator, level(2))).toBe(false)
  })
})

describe('information gaps and fresh-look marks', () => {
  const q = { indicators: [{ id: 'x1' }, { id: 'x2' }, { id: 'x3' }] as Indicator[] }
  const T = '2026-11-23T10:00:00.000Z'

  it('lists the indicators answered "don\'t know", in questionnaire order, and nothing else', () => {
    const answers: Answers = {
      x3: { kind: 'dont_know', evidence: '', updatedAt: T },
      x2: { kind: 'not_applicable', evidence: '', updatedAt: T },
      x1: { kind: 'dont_know', evidence: '', updatedAt: T },
    }
    expect(informationGaps(q, answers).map(i => i.id)).toEqual(['x1', 'x3'])
    expect(informationGaps(q, {})).toEqual([])
  })

  it('lists the indicators an upgrade marked, in questionnaire order', () => {
    const mark = { reason: 'fresh-look' as const, from: '1.0.0', previousId: 'x' }
    expect(indicatorsToLookAt(q, { x3: mark, x1: { ...mark, reason: 'reanswer' } }).map(i => i.id)).toEqual(['x1', 'x3'])
    expect(indicatorsToLookAt(q, undefined)).toEqual([])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyAnswerChange, needsEvidence, type Answer, type Answers } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import type { GatingRule, Questionnaire } from '@/domain/questionnaire'
import { scoreAssessment } from '@/domain/scoring'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
/** mini: alpha (weight 2) = a1 (weight 2), a2, a3; beta (weight 1) = b1 (weight 2), b2, b3; levels 0–5; evidence from 3; overall ≤ alpha + 1. */
const mini: Questionnaire = checked.questionnaire
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number, evidence = 'Decision 1/2026'): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence, updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NA: Answer = { kind: 'not_applicable', evidence: '', updatedAt: T }
const all = (answer: Answer, ids: string[]): Answers => Object.fromEntries(ids.map(id => [id, answer]))
const withRules = (gatingRules: GatingRule[]): Questionnaire => ({ ...mini, scoring: { ...mini.scoring, gatingRules } })
const rule = (dimension: string, maxAbove: number): GatingRule => ({ id: `${dimension}-cap`, dimension, maxAbove, explanation: { en: 'cap' } })

describe('scoring: each indicator\'s status in the results', () => {
  // scored inside each test: StrykerJS activates a mutant only while tests run, not while they are collected
  const score = () => scoreAssessment(mini, { a1: L(2), a2: DK, a3: NA, b1: L(4, ''), b3: L(1) })

  it('a level, "don\'t know" and "not applicable" keep their kind; only a level has a level', () => {
    expect(score().dimensions[0]!.indicators).toEqual([
      { indicatorId: 'a1', level: 2, status: 'level' },
      { indicatorId: 'a2', level: null, status: 'dont_know' },
      { indicatorId: 'a3', level: null, status: 'not_applicable' },
    ])
  })

  it('a level missing its required note is "evidence missing"; no answer is "unanswered"', () => {
    expect(score().dimensions[1]!.indicators).toEqual([
      { indicatorId: 'b1', level: null, status: 'evidence_missing' },
      { indicatorId: 'b2', level: null, status: 'unanswered' },
      { indicatorId: 'b3', level: 1, status: 'level' },
    ])
  })
})

describe('scoring: a dimension without a level answer', () => {
  it('has no stage and nothing holding it back', () => {
    const alpha = scoreAssessment(mini, all(DK, ['a1', 'a2', 'a3'])).dimensions[0]!
    expect(alpha).toMatchObject({ stage: null, holdingBack: [], strengths: [], score: 0 })
  })
})

describe('scoring: gating rules', () => {
  it('a rule on the second dimension caps with that dimension\'s stage', () => {
    // alpha all 4 → stage 4; beta all 2 → stage 2; median (4 + 2) / 2 = 3; beta-cap: 2 + 0 = 2 < 3 → overall 2
    const r = scoreAssessment(withRules([rule('beta', 0)]), { ...all(L(4), ['a1', 'a2', 'a3']), ...all(L(2), ['b1', 'b2', 'b3']) })
    expect(r).toMatchObject({ medianStage: 3, overallStage: 2, cap: { rule: { id: 'beta-cap' }, dimensionStage: 2, limit: 2 } })
  })

  it('a rule naming no dimension of the questionnaire counts that stage as 0', () => {
    // all 3 → median 3; ghost-cap: 0 + 1 = 1 → overall 1
    const r = scoreAssessment(withRules([rule('ghost', 1)]), all(L(3), ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']))
    expect(r).toMatchObject({ overallStage: 1, cap: { dimensionStage: 0, limit: 1 } })
  })

  it('a limit equal to the median stage lowers nothing, so no cap is reported', () => {
    // alpha stage 2, beta stage 4 → median 3; alpha-cap: 2 + 1 = 3, not below 3
    const r = scoreAssessment(mini, { ...all(L(2), ['a1', 'a2', 'a3']), ...all(L(4), ['b1', 'b2', 'b3']) })
    expect(r).toMatchObject({ medianStage: 3, overallStage: 3, cap: null })
  })

  it('of two binding rules, the lower limit wins and is the one reported', () => {
    // alpha 3, beta 1 → median 2; beta-cap 1 + 0 = 1; alpha-cap 3 + 1 = 4 does not bind
    const r = scoreAssessment(withRules([rule('beta', 0), rule('alpha', 1)]), { ...all(L(3), ['a1', 'a2', 'a3']), ...all(L(1), ['b1', 'b2', 'b3']) })
    expect(r).toMatchObject({ overallStage: 1, cap: { rule: { id: 'beta-cap' }, limit: 1 } })
  })
})

describe('scoring: a questionnaire with no indicators', () => {
  it('is complete, not provisional, with no index and no confidence', () => {
    const r = scoreAssessment({ ...mini, indicators: [] }, {})
    expect(r).toMatchObject({ completeness: 1, provisional: false, index: null, confidence: null, answered: 0, total: 0, overallStage: 0 })
  })
})

describe('evidence rule', () => {
  it('no answer needs no evidence note', () => {
    expect(needsEvidence({ evidenceRequiredFrom: 3 }, undefined)).toBe(false)
  })

  it('a "don\'t know" above the threshold needs no note', () => {
    expect(needsEvidence({ evidenceRequiredFrom: 0 }, DK)).toBe(false)
  })

  it('a note longer than 5000 characters is cut at 5000', () => {
    const answers = applyAnswerChange({ a1: L(1) }, 'a1', { evidence: 'x'.repeat(5001) }, T)
    expect(answers.a1!.evidence).toHaveLength(5000)
  })
})

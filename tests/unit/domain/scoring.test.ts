import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'
import { dimensionResult, indexBreakdown, medianStage, scoreAssessment } from '@/domain/scoring'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
/**
 * The mini questionnaire: dimension alpha (weight 2) has a1 (weight 2), a2, a3; beta (weight 1) has b1 (weight 2),
 * b2, b3. Levels 0–5, evidence required from 3, gating rule: overall stage ≤ alpha stage + 1.
 */
const mini: Questionnaire = checked.questionnaire
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number, confidence: 'self-declared' | 'document-backed' = 'document-backed'): Answer => ({ kind: 'level', level, confidence, evidence: 'Decision 1/2026', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NA: Answer = { kind: 'not_applicable', evidence: '', updatedAt: T }
const dim = (result: ReturnType<typeof scoreAssessment>, id: string) => result.dimensions.find(d => d.dimensionId === id)!

describe('worked examples (numbers checkable by hand)', () => {
  it('1. everything answered: weighted means, weakest-link stages, median of two stages rounded down', () => {
    const r = scoreAssessment(mini, { a1: L(3), a2: L(2), a3: L(4), b1: L(1), b2: L(3), b3: L(2) })
    // alpha: (3×2 + 2 + 4) / 4 = 3.0, stage = min(3, 2, 4) = 2; beta: (1×2 + 3 + 2) / 4 = 1.75, stage 1
    expect(dim(r, 'alpha')).toMatchObject({ score: 3, stage: 2, unconfirmed: false, holdingBack: ['a2'], strengths: ['a3', 'a1'] }) // strengths: only answers above the stage
    expect(dim(r, 'beta')).toMatchObject({ score: 1.75, stage: 1, holdingBack: ['b1'], strengths: ['b2', 'b3'] })
    // index: (3.0×2 + 1.75×1) / 3 × 20 = 51.67; median of [2, 1] = 1.5 → 1; cap alpha 2 + 1 = 3 does not bind
    expect(r.index).toBeCloseTo(51.667, 2)
    expect(r).toMatchObject({ medianStage: 1, overallStage: 1, cap: null, completeness: 1, provisional: false, confidence: 1 })
  })

  it('2. a weak mandate caps the overall stage, and the result names the rule', () => {
    const r = scoreAssessment(mini, { a1: L(0), a2: L(1), a3: L(1), b1: L(4), b2: L(4), b3: L(4) })
    // alpha: (0×2 + 1 + 1) / 4 = 0.5, stage 0; beta: 4.0, stage 4; median (0 + 4) / 2 = 2; cap: 0 + 1 = 1
    expect(r.medianStage).toBe(2)
    expect(r.overallStage).toBe(1)
    expect(r.cap).toMatchObject({ rule: { id: 'alpha-cap' }, dimensionStage: 0, limit: 1 })
    // index: (0.5×2 + 4×1) / 3 × 20 = 33.33
    expect(r.index).toBeCloseTo(33.333, 2)
  })

  it('3. "don\'t know" scores 0, does not set the stage, and marks it unconfirmed', () => {
    const r = scoreAssessment(mini, { a1: L(3), a2: DK, a3: L(4) })
    // alpha: (3×2 + 0 + 4) / 4 = 2.5; stage = min(3, 4) = 3, unconfirmed by one gap
    expect(dim(r, 'alpha')).toMatchObject({ score: 2.5, stage: 3, unconfirmed: true, gaps: ['a2'] })
    expect(r.gaps).toEqual(['a2'])
  })

  it('4. a dimension answered "not applicable" throughout has no score and no stage, and drops out of the index', () => {
    const r = scoreAssessment(mini, { a1: L(2), a2: L(2), a3: L(2), b1: NA, b2: NA, b3: NA })
    expect(dim(r, 'beta')).toMatchObject({ score: null, stage: null, answered: 3 })
    // index uses alpha alone: 2.0 × 20 = 40; median of [2, 0 (no stage)] = 1
    expect(r.index).toBe(40)
    expect(r.overallStage).toBe(1)
    expect(r.provisional).toBe(false)
  })

  it('5. all "don\'t know": every score 0, no stage, every indicator an information gap', () => {
    const answers = Object.fromEntries(mini.indicators.map(i => [i.id, DK]))
    const r = scoreAssessment(mini, answers)
    expect(r.dimensions.map(d => [d.score, d.stage, d.unconfirmed])).toEqual([[0, null, true], [0, null, true]])
    expect(r).toMatchObject({ index: 0, overallStage: 0, gaps: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'], confidence: null, provisional: false })
  })

  it('6. unanswered indicators are left out and make the result provisional', () => {
    const r = scoreAssessment(mini, { a1: L(2, 'self-declared') })
    // alpha: 2×2 / 2 = 2.0, stage 2; beta: nothing → no score; index 2.0 × 20 = 40; median of [2, 0] = 1
    expect(dim(r, 'alpha')).toMatchObject({ score: 2, stage: 2, answered: 1, total: 3 })
    expect(r).toMatchObject({ index: 40, medianStage: 1, overallStage: 1, answered: 1, total: 6, provisional: true, confidence: 0 })
    expect(r.completeness).toBeCloseTo(1 / 6)
  })

  it('7. a level of 3 or more without its evidence note does not count yet', () => {
    const noNote: Answer = { kind: 'level', level: 4, confidence: 'self-declared', evidence: '', updatedAt: T }
    const r = scoreAssessment(mini, { a1: noNote, a2: L(1) })
    expect(dim(r, 'alpha')).toMatchObject({ score: 1, stage: 1, answered: 1 })
    expect(dim(r, 'alpha').indicators[0]).toEqual({ indicatorId: 'a1', level: null, status: 'evidence_missing' })
  })

  it('8. nothing answered: no index, stage 0, provisional', () => {
    expect(scoreAssessment(mini, {})).toMatchObject({ index: null, medianStage: 0, overallStage: 0, completeness: 0, provisional: true })
  })
})

describe('median of stages', () => {
  it('takes the middle stage of an odd count', () => {
    expect(medianStage([4, 0, 2])).toBe(2)
  })

  it('averages the two middle stages of an even count and rounds down', () => {
    expect(medianStage([1, 2, 3, 4])).toBe(2)
    expect(medianStage([3, 3, 4, 5])).toBe(3)
    expect(medianStage([0, 5])).toBe(2)
  })

  it('is 0 with no stage at all', () => {
    expect(medianStage([])).toBe(0)
  })
})

const answerArb = (allowNA: boolean): fc.Arbitrary<Answer | undefined> => fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 5 }).map(level => L(level)),
  fc.constant(DK),
  ...(allowNA ? [fc.constant(NA)] : []),
)
const answersArb: fc.Arbitrary<Answers> = fc.tuple(...mini.indicators.map(i => answerArb(true).map(a => [i.id, a] as const)))
  .map(entries => Object.fromEntries(entries.filter((e): e is readonly [string, Answer] => e[1] !== undefined)))

describe('properties', () => {
  it('scores, stages and the index stay within bounds', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const r = scoreAssessment(mini, answers)
      const within = (value: number | null, max: number) => {
        if (value === null) return
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(max)
      }
      for (const d of r.dimensions) {
        within(d.score, 5)
        within(d.stage, 5)
      }
      within(r.index, 100)
      expect(r.overallStage).toBeGreaterThanOrEqual(0)
      expect(r.overallStage).toBeLessThanOrEqual(r.medianStage)
      expect(r.completeness).toBeGreaterThanOrEqual(0)
      expect(r.completeness).toBeLessThanOrEqual(1)
    }), { numRuns: 500 })
  })

  it('raising one level answer never lowers any score or stage', () => {
    fc.assert(fc.property(answersArb, fc.nat(), fc.integer({ min: 1, max: 5 }), (answers, pick, raise) => {
      const raisable = Object.entries(answers).filter(([, a]) => a.kind === 'level' && a.level < 5)
      fc.pre(raisable.length > 0)
      const [id, answer] = raisable[pick % raisable.length]!
      const level = Math.min(5, (answer as Extract<Answer, { kind: 'level' }>).level + raise)
      const before = scoreAssessment(mini, answers)
      const after = scoreAssessment(mini, { ...answers, [id]: L(level) })
      before.dimensions.forEach((d, i) => {
        const a = after.dimensions[i]!
        expect(a.score ?? -1).toBeGreaterThanOrEqual(d.score ?? -1)
        expect(a.stage ?? -1).toBeGreaterThanOrEqual(d.stage ?? -1)
      })
      expect(after.index ?? -1).toBeGreaterThanOrEqual(before.index ?? -1)
      expect(after.overallStage).toBeGreaterThanOrEqual(before.overallStage)
    }), { numRuns: 500 })
  })

  it('"not applicable" on an indicator equals removing it from the questionnaire', () => {
    fc.assert(fc.property(answersArb, fc.integer({ min: 0, max: mini.indicators.length - 1 }), (answers, index) => {
      const removed = mini.indicators[index]!
      const withNA = scoreAssessment(mini, { ...answers, [removed.id]: NA })
      const rest = { ...answers }
      delete rest[removed.id]
      const without = scoreAssessment({ ...mini, indicators: mini.indicators.filter(i => i.id !== removed.id) }, rest)
      expect(withNA.dimensions.map(d => [d.score, d.stage, d.unconfirmed, d.gaps])).toEqual(without.dimensions.map(d => [d.score, d.stage, d.unconfirmed, d.gaps]))
      expect(withNA.index).toBe(without.index)
      expect(withNA.overallStage).toBe(without.overallStage)
      expect(withNA.cap?.rule.id).toBe(without.cap?.rule.id)
    }), { numRuns: 500 })
  })
})

describe('index breakdown and results by id', () => {
  it('shows the sum behind the index: scored dimensions only, their weights, and 100 ÷ top level', () => {
    // alpha (weight 2): (3×2 + 2 + 4) / 4 = 3.0; beta answered "not applicable" throughout: no score, left out
    const r = scoreAssessment(mini, { a1: L(3), a2: L(2), a3: L(4), b1: NA, b2: NA, b3: NA })
    const b = indexBreakdown(mini, r.dimensions)
    expect(b.terms).toEqual([{ dimensionId: 'alpha', score: 3, weight: 2 }])
    expect(b.weightSum).toBe(2)
    expect(b.factor).toBe(20)
    // (3.0 × 2) ÷ 2 × 20 = 60
    expect(b.index).toBe(60)
    expect(r.index).toBe(60)
  })

  it('has no index when no dimension has a score', () => {
    expect(indexBreakdown(mini, scoreAssessment(mini, {}).dimensions)).toEqual({ terms: [], weightSum: 0, factor: 20, index: null })
  })

  it('matches results to dimensions by id, whatever their order in the list', () => {
    const r = scoreAssessment(mini, { a1: L(3), a2: L(3), a3: L(3), b1: L(1), b2: L(1), b3: L(1) })
    const reversed = { dimensions: [...r.dimensions].reverse() }
    expect(dimensionResult(reversed, 'alpha')?.score).toBe(3)
    expect(dimensionResult(reversed, 'beta')?.score).toBe(1)
    expect(dimensionResult(reversed, 'gamma')).toBeUndefined()
    // (3×2 + 1×1) / 3 × 20 = 46.67, the same with the list reversed
    expect(indexBreakdown(mini, reversed.dimensions).index).toBeCloseTo(46.667, 2)
    // a list without beta: alpha alone, (3×2) / 2 × 20 = 60
    expect(indexBreakdown(mini, r.dimensions.filter(d => d.dimensionId === 'alpha')).index).toBe(60)
  })
})

import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'
import { buildRoadmap, emptyRoadmapEdits, type Roadmap, type RoadmapContext, type RoadmapEdits } from '@/domain/roadmap'
import { scoreAssessment } from '@/domain/scoring'

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(new URL(`../../fixtures/questionnaires/${name}`, import.meta.url), 'utf8'))
  if (!result.ok) throw new Error(`${name} is invalid`)
  return result.questionnaire
}
/** alpha (weight 2: a1 weight 2, a2, a3) and beta (weight 1, depends on alpha); gating rule: overall ≤ alpha stage + 1. */
const mini = load('mini.json')
/**
 * base (weight 1), then right (weight 1) and left (weight 3), both depending on base only: the same dependency
 * depth, right listed first. Two low-effort 0–6 month actions per step ("<dim>-<from><to>a", "…b"); 20 per horizon.
 */
const sameDepth = load('same-depth.json')
const T = '2026-11-23T10:00:00.000Z'
const NONE: RoadmapContext = { ldc: false, sids: false, smallService: false }
const L = (level: number, evidence = 'Decision 1/2026', confidence: 'self-declared' | 'document-backed' = 'document-backed'): Answer => ({ kind: 'level', level, confidence, evidence, updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(DK),
  fc.record({ level: fc.integer({ min: 0, max: 5 }), evidence: fc.constantFrom('', 'Note') }).map(x => L(x.level, x.evidence)),
)
const answersArb = (q: Questionnaire): fc.Arbitrary<Answers> =>
  fc.tuple(...q.indicators.map(() => answerArb)).map((list) => {
    const answers: Answers = {}
    list.forEach((answer, i) => { if (answer) answers[q.indicators[i]!.id] = answer })
    return answers
  })

function plan(q: Questionnaire, answers: Answers, edits: Partial<RoadmapEdits> = {}): Roadmap {
  return buildRoadmap(q, scoreAssessment(q, answers), NONE, { ...emptyRoadmapEdits(), ...edits })
}
const placed = (r: Roadmap) => [...r.horizons['0-6m'], ...r.horizons['6-18m'], ...r.horizons['18-36m'], ...r.later]

describe('the overall stage and its cap', () => {
  it('reports a cap exactly when the rule lowered the stage, and the capped stage is the rule\'s limit', () => {
    fc.assert(fc.property(answersArb(mini), (answers) => {
      const r = scoreAssessment(mini, answers)
      expect(r.cap !== null).toBe(r.overallStage < r.medianStage)
      if (r.cap) {
        expect(r.overallStage).toBe(r.cap.limit)
        expect(r.cap.limit).toBe(r.cap.dimensionStage + r.cap.rule.maxAbove)
      }
      else expect(r.overallStage).toBe(r.medianStage)
    }), { numRuns: 300 })
  })

  it('does not report a cap when the limit equals the median stage', () => {
    // alpha: min(1, 1, 1) = 1, limit 1 + 1 = 2; beta stage 3; median of [1, 3] = 2 = limit: nothing lowered
    const r = scoreAssessment(mini, { a1: L(1), a2: L(1), a3: L(1), b1: L(3), b2: L(3), b3: L(3) })
    expect(r).toMatchObject({ medianStage: 2, overallStage: 2, cap: null })
  })

  it('caps with a mandate dimension that has no stage, counting it as 0', () => {
    // alpha all "don't know": no stage, counted 0; beta stage 4; median (0 + 4) / 2 = 2; limit 0 + 1 = 1
    const r = scoreAssessment(mini, { a1: DK, a2: DK, a3: DK, b1: L(4), b2: L(4), b3: L(4) })
    expect(r.dimensions[0]!.stage).toBeNull()
    expect(r).toMatchObject({ medianStage: 2, overallStage: 1, cap: { dimensionStage: 0, limit: 1 } })
  })

  it('caps when the mandate dimension is not answered at all', () => {
    const r = scoreAssessment(mini, { b1: L(5), b2: L(5), b3: L(5) })
    // stages [0 (none), 5] → median 2; limit 1
    expect(r).toMatchObject({ medianStage: 2, overallStage: 1, cap: { dimensionStage: 0, limit: 1 } })
  })
})

describe('confidence', () => {
  it('leaves out level answers still missing their required evidence note', () => {
    // a1 at 3, document-backed but without its note: not counted; a2 at 2, self-declared: 0 of 1 backed
    const r = scoreAssessment(mini, { a1: L(3, '', 'document-backed'), a2: L(2, '', 'self-declared') })
    expect(r.confidence).toBe(0)
    // with the note written, a1 counts: 1 of 2 backed
    expect(scoreAssessment(mini, { a1: L(3, 'Decree', 'document-backed'), a2: L(2, '', 'self-declared') }).confidence).toBe(0.5)
  })
})

describe('the roadmap', () => {
  it('never places a dropped item in a horizon or in "later", and lists each one as dropped', () => {
    fc.assert(fc.property(answersArb(mini), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (answers, picks) => {
      const keys = placed(plan(mini, answers)).map(i => i.key)
      const dropped = keys.filter((_, i) => picks[i % picks.length])
      const r = plan(mini, answers, { dropped })
      expect(placed(r).filter(i => dropped.includes(i.key))).toEqual([])
      expect(r.dropped.map(i => i.key).sort()).toEqual([...dropped].sort())
    }), { numRuns: 200 })
  })

  it('matches results to dimensions by id: the same plan whatever the order of the results', () => {
    fc.assert(fc.property(answersArb(mini), (answers) => {
      const result = scoreAssessment(mini, answers)
      const reversed = { ...result, dimensions: [...result.dimensions].reverse() }
      expect(buildRoadmap(mini, reversed, NONE, emptyRoadmapEdits())).toEqual(buildRoadmap(mini, result, NONE, emptyRoadmapEdits()))
    }), { numRuns: 100 })
  })

  it('draws both actions of every step between the stage and the target', () => {
    // base stage 1 → target 3 (raised): steps 1→2 and 2→3, two actions each
    const answers = { b1: L(1), b2: L(1), b3: L(1), r1: L(5), r2: L(5), r3: L(5), l1: L(5), l2: L(5), l3: L(5) }
    const keys = placed(plan(sameDepth, answers, { targets: { base: 3 } })).map(i => i.key)
    expect(keys).toEqual(['base-12a', 'base-12b', 'base-23a', 'base-23b'])
  })

  it('orders dimensions at the same depth by (target − score) × weight, highest first, whatever the file order', () => {
    // base 5 (no action); right: score 1, target 2, weight 1 → priority 1; left: score 1, target 2, weight 3 → 3
    const answers = { b1: L(5), b2: L(5), b3: L(5), r1: L(1), r2: L(1), r3: L(1), l1: L(1), l2: L(1), l3: L(1) }
    const keys = plan(sameDepth, answers).horizons['0-6m'].map(i => i.key)
    expect(keys).toEqual(['left-12a', 'left-12b', 'right-12a', 'right-12b'])
    const priorities = Object.fromEntries(plan(sameDepth, answers).horizons['0-6m'].map(i => [i.key, i.priority]))
    expect(priorities).toEqual({ 'left-12a': 3, 'left-12b': 3, 'right-12a': 1, 'right-12b': 1 })
  })

  it('puts the larger gap first when the weights are equal', () => {
    // right: score 0, target 1 → 1 × 1 = 1; left raised: score 1, target 3 → (3 − 1) × 3 = 6, steps 1→2 then 2→3
    const answers = { b1: L(5), b2: L(5), b3: L(5), r1: L(0), r2: L(0), r3: L(0), l1: L(1), l2: L(1), l3: L(1) }
    const keys = plan(sameDepth, answers, { targets: { left: 3 } }).horizons['0-6m'].map(i => i.key)
    expect(keys).toEqual(['left-12a', 'left-12b', 'left-23a', 'left-23b', 'right-01a', 'right-01b'])
  })

  it('puts a foundation before the dimensions that depend on it, even when their priority is higher', () => {
    // base: score 0, target 1, weight 1 → 1; left: score 0, target 1, weight 3 → 3; right → 1
    const zero = { b1: L(0), b2: L(0), b3: L(0), r1: L(0), r2: L(0), r3: L(0), l1: L(0), l2: L(0), l3: L(0) }
    const keys = plan(sameDepth, zero).horizons['0-6m'].map(i => i.key)
    expect(keys).toEqual(['base-01a', 'base-01b', 'left-01a', 'left-01b', 'right-01a', 'right-01b'])
  })
})

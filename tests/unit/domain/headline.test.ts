import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { explainHeadline, shortestPath } from '@/domain/headline'
import type { Questionnaire } from '@/domain/questionnaire'
import { scoreAssessment } from '@/domain/scoring'
import { mini, tech } from './questionnaire-fixtures'

const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Note', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NA: Answer = { kind: 'not_applicable', evidence: '', updatedAt: T }
const text = { en: 'x' }

/** A questionnaire of `sizes.length` dimensions d1, d2… with `sizes[i]` indicators each (d1.1, d1.2…), levels 0–top. */
function synthetic(sizes: number[], top: number, gate?: { dimension: string, maxAbove: number }): Questionnaire {
  return {
    schemaVersion: 1, id: 'synthetic', version: '1.0.0', title: text, description: text, instructions: [], migrations: [], locales: ['en'], sources: [],
    levels: Array.from({ length: top + 1 }, (_, level) => ({ level, label: { en: `L${level}` }, descriptor: text })),
    dimensions: sizes.map((_, d) => ({ id: `d${d + 1}`, title: text, description: text, weight: 1, sources: [], dependsOn: [] })),
    indicators: sizes.flatMap((size, d) => Array.from({ length: size }, (_, i) => ({
      id: `d${d + 1}.${i + 1}`, dimension: `d${d + 1}`, question: text, guidance: text, descriptors: [], weight: 1,
      evidenceRequiredFrom: top + 1, allowNotApplicable: true, sources: [],
    }))),
    actions: [],
    scoring: { gatingRules: gate ? [{ id: 'cap', ...gate, explanation: text }] : [], smallServiceMissionThreshold: 30, maxActionsPerHorizon: 10 },
    archetypes: [],
  }
}
const headline = (q: Questionnaire, answers: Answers) => explainHeadline(q, scoreAssessment(q, answers))

describe('worked examples', () => {
  // The case from issue 9: a named focal point, a mandate note, a cabinet-decided committee, pooled Geneva coverage.
  const realistic: Answers = {
    ...Object.fromEntries(tech.indicators.map(i => [i.id, L(0)])),
    'I1.1': L(2), 'I1.2': L(2), 'I1.3': L(1), 'I1.4': L(1), 'I2.1': L(1), 'I4.1': L(3), 'I8.3': L(3),
  }

  it('names the facts that set stage 0: seven of eight dimensions still have an element at level 0', () => {
    // Stages: mandate min(2, 2, 1, 1) = 1, every other dimension 0 → median of 0,0,0,0,0,0,0,1 = 0; cap 1 + 1 = 2 does not bind.
    const h = headline(tech, realistic)
    expect(h.stage).toBe(0)
    expect(h.facts).toHaveLength(1)
    const fact = h.facts[0]!
    expect(fact.code).toBe('heldAt')
    if (fact.code !== 'heldAt') return
    expect(fact.params).toMatchObject({ count: 7, total: 8, stage: 0 })
    expect(fact.params.dimensions.map(d => d.dimensionId)).toEqual(['strategy', 'people', 'coordination', 'engagement', 'multilateral', 'investment', 'resources'])
    expect(fact.params.dimensions.find(d => d.dimensionId === 'coordination')!.indicators).toEqual(['I4.2', 'I4.3', 'I4.4'])
  })

  it('never presents "No one is in charge" as a finding when a focal point is named: the answers above stage 0 contradict it', () => {
    const h = headline(tech, realistic)
    expect(tech.levels[0]!.descriptor.en).toMatch(/No one is in charge/)
    expect(h.meaning).toEqual({ level: 0, contradictedBy: ['I1.1', 'I1.2', 'I1.3', 'I1.4', 'I2.1', 'I4.1', 'I8.3'] })
  })

  it('calls strengths only the answers above their dimension\'s stage', () => {
    // mandate stage 1: I1.1 and I1.2 (2) are above it, I1.3 and I1.4 (1) are not; I4.1 and I8.3 (3) are 3 above stage 0.
    const h = headline(tech, realistic)
    expect(h.strengths.map(s => [s.indicatorId, s.level, s.dimensionStage])).toEqual([
      ['I4.1', 3, 0], ['I8.3', 3, 0], ['I1.1', 2, 1], ['I1.2', 2, 1], ['I2.1', 1, 0],
    ])
  })

  it('finds the shortest path for the realistic case: 12 indicators to level 2 in four dimensions', () => {
    // Median of 8 ≥ 1 needs the two middle stages to sum to 2: five dimensions at 1 (mandate + 4 more: 3+3+3+4 = 13
    // changes) or four at 2 (mandate 2: I1.3, I1.4; coordination 3; resources 3; strategy 4 = 12 changes).
    const h = headline(tech, realistic)
    expect(h.pathStatus).toBe('found')
    expect(h.path!.stage).toBe(1)
    expect(h.path!.changes).toHaveLength(12)
    expect(h.path!.changes.every(c => c.to === 2)).toBe(true)
    expect([...new Set(h.path!.changes.map(c => c.dimensionId))]).toEqual(['mandate', 'strategy', 'coordination', 'resources'])
    expect(h.path!.changes.filter(c => c.dimensionId === 'mandate')).toEqual([
      { indicatorId: 'I1.3', dimensionId: 'mandate', from: 1, to: 2 },
      { indicatorId: 'I1.4', dimensionId: 'mandate', from: 1, to: 2 },
    ])
  })

  it('stages 0,0,0,0,5,5,5,5: the median is 2, and one indicator from 0 to 1 makes it 3', () => {
    const q = synthetic([2, 2, 2, 2, 2, 2, 2, 2], 5)
    const answers: Answers = {}
    for (let d = 1; d <= 8; d++) {
      answers[`d${d}.1`] = L(d <= 4 ? 0 : 5)
      answers[`d${d}.2`] = L(d <= 4 ? 3 : 5)
    }
    const h = headline(q, answers)
    expect(h.stage).toBe(2) // (0 + 5) / 2 = 2.5, rounded down
    // the two middle stages must sum to 6: 0 + 5 → 1 + 5, one change
    expect(h.path).toEqual({ changes: [{ indicatorId: 'd1.1', dimensionId: 'd1', from: 0, to: 1 }], stage: 3 })
    expect(h.facts[0]).toMatchObject({ code: 'heldAt', params: { count: 4, total: 8, stage: 2 } })
  })

  it('stages 0,0,0,0,5,5,5,5 with a cap on d1: says which rule capped it and raises the capping dimension', () => {
    const q = synthetic([2, 2, 2, 2, 2, 2, 2, 2], 5, { dimension: 'd1', maxAbove: 1 })
    const answers: Answers = {}
    for (let d = 1; d <= 8; d++) {
      answers[`d${d}.1`] = L(d <= 4 ? 0 : 5)
      answers[`d${d}.2`] = L(d <= 4 ? 3 : 5)
    }
    const h = headline(q, answers)
    expect(h.stage).toBe(1)
    expect(h.facts[1]).toEqual({ code: 'capped', params: { ruleId: 'cap', dimensionId: 'd1', dimensionStage: 0, median: 2, limit: 1 } })
    // d1 to 1 lifts the cap to 2 and the median to (1 + 5) / 2 = 3: overall 2.
    expect(h.path).toEqual({ changes: [{ indicatorId: 'd1.1', dimensionId: 'd1', from: 0, to: 1 }], stage: 2 })
  })

  it('counts a "don\'t know" as an answer to give: a dimension without a level needs one indicator answered', () => {
    // stages: d1 none (counts 0), d2 2, d3 4 → median of 0, 2, 4 = 2. Goal 3 needs two dimensions at 3: d3 is, d2.1 2 → 3.
    const q = synthetic([2, 1, 1], 5)
    const h = headline(q, { 'd1.1': DK, 'd1.2': NA, 'd2.1': L(2), 'd3.1': L(4) })
    expect(h.stage).toBe(2)
    expect(h.path).toEqual({ changes: [{ indicatorId: 'd2.1', dimensionId: 'd2', from: 2, to: 3 }], stage: 3 })
    const none = headline(q, { 'd1.1': DK, 'd2.1': L(0), 'd3.1': L(0) })
    // 0, 0, 0 → goal 1: two dimensions at 1; d1 costs one answer (d1.1, "don't know" → 1), d2 and d3 one raise each.
    expect(none.path!.changes).toEqual([
      { indicatorId: 'd1.1', dimensionId: 'd1', from: null, to: 1 },
      { indicatorId: 'd2.1', dimensionId: 'd2', from: 0, to: 1 },
    ])
  })

  it('prefers the smaller rise among paths of the same length', () => {
    // 0, 0, 3 (odd): goal 1 needs two dimensions at 1. d1 = [0], d2 = [0] → one change each, from 0 to 1.
    const q = synthetic([1, 1, 1], 5)
    expect(shortestPath(q, scoreAssessment(q, { 'd1.1': L(0), 'd2.1': L(0), 'd3.1': L(3) }))).toEqual({
      changes: [{ indicatorId: 'd1.1', dimensionId: 'd1', from: 0, to: 1 }], stage: 1,
    })
  })

  it('has no path at the top stage, and none when nothing can be answered', () => {
    const all5 = headline(mini, Object.fromEntries(mini.indicators.map(i => [i.id, L(5)])))
    expect(all5).toMatchObject({ stage: 5, pathStatus: 'top', path: null, strengths: [] })
    expect(all5.meaning.contradictedBy).toEqual([])
    const allNA = headline(mini, Object.fromEntries(mini.indicators.map(i => [i.id, NA])))
    expect(allNA).toMatchObject({ stage: 0, pathStatus: 'unreachable', path: null })
  })

  it('has no strengths when every answer sits at its dimension\'s stage', () => {
    const h = headline(mini, { a1: L(2), a2: L(2), a3: L(2), b1: L(1), b2: L(1), b3: L(1) })
    expect(h.strengths).toEqual([])
    expect(h.meaning.contradictedBy).toEqual(['a1', 'a2', 'a3']) // overall 1 (median 1.5): alpha's 2s are above it
  })
})

describe('worked examples at the edges', () => {
  it('has no path at the top stage with an odd number of dimensions either', () => {
    // Three dimensions at 5: one more stage would be 6, above the scale.
    const q = synthetic([1, 1, 1], 5)
    expect(headline(q, { 'd1.1': L(5), 'd2.1': L(5), 'd3.1': L(5) })).toMatchObject({ stage: 5, pathStatus: 'top', path: null })
  })

  it('applies a gating rule on any dimension, not only the first, to the stage the path reaches', () => {
    // Stages 5, 1, 5; d2 caps the overall stage at its stage + 1: median 5, capped at 2. Goal 3 needs d2 at 2
    // (d2.1 from 1 to 2); d1 and d3 already stand above 3. The stage reached: median 5, capped at 2 + 1 = 3.
    const q = synthetic([1, 1, 1], 5, { dimension: 'd2', maxAbove: 1 })
    expect(shortestPath(q, scoreAssessment(q, { 'd1.1': L(5), 'd2.1': L(1), 'd3.1': L(5) }))).toEqual({
      changes: [{ indicatorId: 'd2.1', dimensionId: 'd2', from: 1, to: 2 }], stage: 3,
    })
  })

  it('orders strengths by margin above the stage, then by level', () => {
    // d1 at stage 0: d1.2 at 3 (margin 3), d1.3 at 2 (margin 2). d2 at stage 1: d2.2 at 4 (margin 3), d2.3 at 3 (margin 2).
    const q = synthetic([3, 3], 5)
    const h = headline(q, { 'd1.1': L(0), 'd1.2': L(3), 'd1.3': L(2), 'd2.1': L(1), 'd2.2': L(4), 'd2.3': L(3) })
    expect(h.strengths.map(s => [s.indicatorId, s.level, s.dimensionStage])).toEqual([
      ['d2.2', 4, 1], ['d1.2', 3, 0], ['d2.3', 3, 1], ['d1.3', 2, 0],
    ])
  })

  it('puts the larger margin first even when its level is lower', () => {
    // d1 at stage 3: d1.2 at 4 (margin 1). d2 at stage 0: d2.2 at 2 (margin 2).
    const q = synthetic([2, 2], 5)
    const h = headline(q, { 'd1.1': L(3), 'd1.2': L(4), 'd2.1': L(0), 'd2.2': L(2) })
    expect(h.strengths.map(s => [s.indicatorId, s.level, s.dimensionStage])).toEqual([['d2.2', 2, 0], ['d1.2', 4, 3]])
  })

  it('orders strengths of the same margin and level in the questionnaire\'s order of indicators', () => {
    // The file lists d2's indicators before d1's; d1.2 and d2.2 are both at 2 over a stage of 0.
    const base = synthetic([2, 2], 5)
    const q = { ...base, indicators: [...base.indicators.slice(2), ...base.indicators.slice(0, 2)] }
    const h = headline(q, { 'd1.1': L(0), 'd1.2': L(2), 'd2.1': L(0), 'd2.2': L(2) })
    expect(h.strengths.map(s => s.indicatorId)).toEqual(['d2.2', 'd1.2'])
  })
})

// ---- proof by brute force on small random questionnaires ----

type Slot = { kind: 'level', level: number } | { kind: 'dk' } | { kind: 'na' } | { kind: 'none' }
const TOP = 3
const slotArb: fc.Arbitrary<Slot> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: TOP }).map(level => ({ kind: 'level' as const, level })), weight: 5 },
  { arbitrary: fc.constant({ kind: 'dk' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'na' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
)
const caseArb = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 4 }),
  gate: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  slots: fc.array(slotArb, { minLength: 8, maxLength: 8 }),
}).map(({ sizes, gate, slots }) => {
  const q = synthetic(sizes, TOP, gate === undefined ? undefined : { dimension: 'd1', maxAbove: gate })
  const answers: Answers = {}
  q.indicators.forEach((indicator, i) => {
    const slot = slots[i]!
    if (slot.kind === 'level') answers[indicator.id] = L(slot.level)
    else if (slot.kind === 'dk') answers[indicator.id] = DK
    else if (slot.kind === 'na') answers[indicator.id] = NA
  })
  return { q, answers }
})

/** The fewest rises (a level raised, or a "don't know"/unanswered indicator given a level) that lift the overall stage. */
function bruteForce(q: Questionnaire, answers: Answers): number {
  const goal = scoreAssessment(q, answers).overallStage + 1
  const choices = q.indicators.map((indicator) => {
    const a = answers[indicator.id]
    if (a?.kind === 'not_applicable') return [null]
    const from = a?.kind === 'level' ? a.level + 1 : 0
    return [null, ...Array.from({ length: TOP + 1 - from }, (_, i) => from + i)]
  })
  let best = Number.POSITIVE_INFINITY
  const walk = (i: number, changed: Answers, count: number) => {
    if (count >= best) return
    if (i === choices.length) {
      if (scoreAssessment(q, changed).overallStage >= goal) best = count
      return
    }
    for (const level of choices[i]!) {
      if (level === null) walk(i + 1, changed, count)
      else walk(i + 1, { ...changed, [q.indicators[i]!.id]: L(level) }, count + 1)
    }
  }
  walk(0, answers, 0)
  return best
}

describe('shortest path: properties', () => {
  it('applying the path raises the overall stage by at least one, to the stage it announces', () => {
    fc.assert(fc.property(caseArb, ({ q, answers }) => {
      const before = scoreAssessment(q, answers)
      const path = shortestPath(q, before)
      fc.pre(path !== null)
      const after = scoreAssessment(q, { ...answers, ...Object.fromEntries(path!.changes.map(c => [c.indicatorId, L(c.to)])) })
      expect(after.overallStage).toBeGreaterThanOrEqual(before.overallStage + 1)
      expect(after.overallStage).toBe(path!.stage)
      for (const c of path!.changes) {
        const a = answers[c.indicatorId]
        expect(c.from).toBe(a?.kind === 'level' ? a.level : null)
        expect(c.to).toBeGreaterThan(c.from ?? -1)
      }
    }), { numRuns: 300 })
  })

  it('no smaller set of changes raises it (brute force), and no path means none exists', () => {
    fc.assert(fc.property(caseArb, ({ q, answers }) => {
      const result = scoreAssessment(q, answers)
      fc.pre(result.overallStage < TOP)
      const path = shortestPath(q, result)
      const best = bruteForce(q, answers)
      expect(path === null ? Number.POSITIVE_INFINITY : path.changes.length).toBe(best)
    }), { numRuns: 200 })
  })
})

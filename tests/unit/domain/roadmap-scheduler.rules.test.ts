import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { HORIZONS, type Action, type Effort, type Horizon, type Questionnaire } from '@/domain/questionnaire'
import { buildRoadmap, emptyRoadmapEdits, roadmapEditsSchema, whoToAsk, type Roadmap, type RoadmapEdits, type RoadmapItem } from '@/domain/roadmap'
import { firstStep, previousStepItems, scheduleItems } from '@/domain/roadmap-schedule'
import { scoreAssessment } from '@/domain/scoring'
import { LIMITS } from '@/domain/input-rules'
import { mini } from './questionnaire-fixtures'

/**
 * The scheduling rules of docs/method.md ("Horizons and scheduling") on hand-made plan items, then the plan's
 * content and order on small variants of the mini questionnaire (dimensions alpha and beta, levels 0–5, every
 * action of low effort, owned by the Permanent Secretary).
 */

// ---- scheduleItems on hand-made items; display order by key, so the expected lists read alphabetically ----

function library(key: string, from: number, effort: Effort = 'low'): RoadmapItem {
  return {
    key,
    kind: 'library',
    dimensionId: key.split('-')[0]!,
    reasons: ['target'],
    horizon: '0-6m',
    effort,
    action: { id: key, variant: null, steps: [{ from, to: from + 1 }], title: { en: key }, description: { en: key }, owner: { en: 'Permanent Secretary' } },
    sources: [],
    priority: 1,
    depth: 0,
  }
}
function findOut(indicatorId: string, dimensionId: string): RoadmapItem {
  return { key: `find-out:${indicatorId}`, kind: 'find-out', dimensionId, reasons: ['gap'], horizon: '0-6m', effort: 'low', findOut: { indicatorId, ask: null }, sources: [], priority: Number.POSITIVE_INFINITY, depth: 0 }
}
function own(id: string, horizon: Horizon): RoadmapItem {
  return { key: `custom:${id}`, kind: 'custom', dimensionId: 'own', reasons: ['custom'], horizon, effort: null, custom: { id, dimensionId: 'own', title: id, description: '', horizon }, sources: [], priority: 0, depth: 0 }
}
const places = (first: number, second = 5, third = 5): Record<Horizon, number> => ({ '0-6m': first, '6-18m': second, '18-36m': third })
const byKey = (a: RoadmapItem, b: RoadmapItem) => a.key.localeCompare(b.key)
/** The user's placements: their own actions where they are, library items as listed. */
const userPlaced = (placed: Record<string, Horizon> = {}) => (item: RoadmapItem) => (item.kind === 'custom' ? item.horizon : placed[item.key])
const schedule = (items: RoadmapItem[], capacity: Record<Horizon, number>, placed: Record<string, Horizon> = {}) => scheduleItems(items, userPlaced(placed), capacity, byKey)
const keysIn = (r: Pick<Roadmap, 'horizons' | 'later'>) => ({ ...Object.fromEntries(HORIZONS.map(h => [h, r.horizons[h].map(i => i.key)])), later: r.later.map(i => i.key) })

describe('scheduling: the order items are placed in', () => {
  it('places "find out" items before low-effort actions, so a full first horizon moves the action, not the question', () => {
    // Four places in 0–6 months: three kept for library actions (a-01, b-01, c-01), the fourth goes to find-out:x,
    // placed before d-01 although d-01 comes first in display order.
    const r = schedule([library('a-01', 0), library('b-01', 0), library('c-01', 0), library('d-01', 0), findOut('x', 'x')], places(4))
    expect(keysIn(r)).toEqual({ '0-6m': ['a-01', 'b-01', 'c-01', 'find-out:x'], '6-18m': ['d-01'], '18-36m': [], 'later': [] })
    expect(r.horizons['6-18m'][0]!.deferredFrom).toBe('0-6m')
  })

  it('places medium-effort actions before high-effort ones', () => {
    // One place in 6–18 months and one in 18–36 months; 0–6 months is full with the three kept low-effort actions.
    // m-01 (medium) may start at once: 0–6 months is full, so 6–18 months. h-01 (high) may start from 6–18 months,
    // which m-01 has just filled: 18–36 months. Placed the other way round, h-01 would take 6–18 months.
    const r = schedule([library('a-01', 0), library('b-01', 0), library('c-01', 0), library('h-01', 0, 'high'), library('m-01', 0, 'medium')], places(3, 1, 1))
    expect(keysIn(r)).toEqual({ '0-6m': ['a-01', 'b-01', 'c-01'], '6-18m': ['m-01'], '18-36m': ['h-01'], 'later': [] })
    expect(r.horizons['6-18m'][0]!.deferredFrom).toBe('0-6m')
    expect(r.horizons['18-36m'][0]!.deferredFrom).toBe('6-18m')
  })
})

describe('scheduling: the three places kept for library actions in 0–6 months', () => {
  it('counts library actions the user put in 0–6 months among the three, but not the user\'s own actions', () => {
    // The user put a-01, b-01 and their own action in 0–6 months (four places): one place is left to keep, for c-01;
    // d-01 and e-01 find 0–6 months full.
    const r = schedule([library('a-01', 0), library('b-01', 0), own('brief', '0-6m'), library('c-01', 0), library('d-01', 0), library('e-01', 0)], places(4), { 'a-01': '0-6m', 'b-01': '0-6m' })
    expect(keysIn(r)).toEqual({ '0-6m': ['a-01', 'b-01', 'c-01', 'custom:brief'], '6-18m': ['d-01', 'e-01'], '18-36m': [], 'later': [] })
  })

  it('lets a step take a kept place when the user put the step it builds on in 0–6 months, even beyond capacity', () => {
    // Two places in 0–6 months. The user put a-01 there; two places are kept: a-12 (its previous step a-01 is in
    // 0–6 months) and z-01. Three items for two places: the kept places may exceed the capacity.
    const r = schedule([library('a-01', 0), library('a-12', 1), library('z-01', 0)], places(2), { 'a-01': '0-6m' })
    expect(keysIn(r)).toEqual({ '0-6m': ['a-01', 'a-12', 'z-01'], '6-18m': [], '18-36m': [], 'later': [] })
  })

  it('leaves a kept place empty rather than start a step before the one it builds on', () => {
    // The user put a-01 in 6–18 months: a-12 cannot start before it, so no library action is in 0–6 months.
    const r = schedule([library('a-01', 0), library('a-12', 1)], places(5), { 'a-01': '6-18m' })
    expect(keysIn(r)).toEqual({ '0-6m': [], '6-18m': ['a-01', 'a-12'], '18-36m': [], 'later': [] })
    expect(r.horizons['6-18m'][1]).not.toHaveProperty('deferredFrom')
    expect(r.horizons['6-18m'][1]).not.toHaveProperty('broughtForward')
  })
})

describe('scheduling: "later"', () => {
  it('lists the items with no room anywhere in display order, each with a real horizon', () => {
    const r = schedule([findOut('y', 'y'), findOut('x', 'x')], places(0, 0, 0))
    expect(r.later.map(i => i.key)).toEqual(['find-out:x', 'find-out:y'])
    for (const item of r.later) expect(HORIZONS).toContain(item.horizon)
  })
})

describe('steps', () => {
  it('an action\'s first step is the lowest level it starts from; other items start from 0', () => {
    const twoSteps = { ...library('a-23', 2), action: { ...library('a-23', 2).action!, steps: [{ from: 2, to: 3 }, { from: 1, to: 2 }] } }
    expect(firstStep(twoSteps)).toBe(1)
    expect(firstStep(findOut('a1', 'a'))).toBe(0)
    expect(firstStep(own('brief', '0-6m'))).toBe(0)
  })

  it('a step builds on the library actions of the step below, not on a "find out" item of its dimension', () => {
    const items = [findOut('a1', 'a'), library('a-01', 0), library('a-12', 1)]
    expect(previousStepItems(items[2]!, items).map(i => i.key)).toEqual(['a-01'])
  })
})

// ---- buildRoadmap on the mini questionnaire ----

const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NONE = { ldc: false, sids: false, smallService: false }
const zeros: Answers = { a1: L(0), a2: L(0), a3: L(0), b1: L(0), b2: L(0), b3: L(0) }
const plan = (q: Questionnaire, answers: Answers, edits: Partial<RoadmapEdits> = {}) =>
  buildRoadmap(q, scoreAssessment(q, answers), NONE, { ...emptyRoadmapEdits(), ...edits })
const everything = (r: Roadmap) => [...HORIZONS.flatMap(h => r.horizons[h]), ...r.later]
const actionOf = (id: string): Action => mini.actions.find(a => a.id === id)!

describe('the plan\'s content', () => {
  it('plans nothing for a dimension the result does not hold, and gives it the default target', () => {
    const result = scoreAssessment(mini, zeros)
    const r = buildRoadmap(mini, { ...result, dimensions: result.dimensions.filter(d => d.dimensionId !== 'beta') }, NONE, emptyRoadmapEdits())
    expect(r.targets[1]).toEqual({ dimensionId: 'beta', stage: null, score: null, target: 1, adjusted: false })
    expect(everything(r).map(i => i.key)).toEqual(['alpha-01'])
  })

  it('proposes the next step of the weakest indicator, at its own level', () => {
    // alpha: a1 at 3, a2 at 1, a3 at 2: stage 1, held back by a2. Target 2: alpha-12, which is also a2's next step.
    // beta is at the top level: nothing to plan.
    const r = plan(mini, { a1: L(3), a2: L(1), a3: L(2), b1: L(5), b2: L(5), b3: L(5) })
    expect(everything(r).map(i => [i.key, i.reasons])).toEqual([['alpha-12', ['target', 'weakest']]])
  })

  it('proposes the weakest indicator\'s next step through the action linked to that indicator', () => {
    // A second 1→2 action, linked to a2. With the target at the stage (1), only the weakest indicator's step is planned.
    const q = { ...mini, actions: [...mini.actions, { ...actionOf('alpha-12'), id: 'alpha-12-a2', indicators: ['a2'] }] }
    const r = plan(q, { a1: L(3), a2: L(1), a3: L(2), b1: L(5), b2: L(5), b3: L(5) }, { targets: { alpha: 1 } })
    expect(everything(r).map(i => [i.key, i.reasons])).toEqual([['alpha-12-a2', ['weakest']]])
  })

  it('makes a "find out" item for each gap: cheap, for the gap, asking the owner of the action linked to that indicator', () => {
    const q = { ...mini, actions: mini.actions.map(a => (a.id === 'alpha-23' ? { ...a, indicators: ['a2'], owner: { en: 'Director of Planning' } } : a)) }
    const r = plan(q, { ...zeros, a2: DK })
    expect(everything(r).find(i => i.key === 'find-out:a2')).toMatchObject({
      kind: 'find-out', dimensionId: 'alpha', reasons: ['gap'], effort: 'low', sources: [], findOut: { indicatorId: 'a2', ask: { en: 'Director of Planning' } },
    })
  })

  it('keeps an own action in the horizon its placement says', () => {
    const r = plan(mini, zeros, {
      custom: [{ id: 'c1', dimensionId: 'beta', title: 'Brief the minister', description: '', horizon: '0-6m' }],
      placements: { 'custom:c1': '18-36m' },
    })
    expect(r.horizons['18-36m']).toEqual([expect.objectContaining({ key: 'custom:c1', horizon: '18-36m', placed: true })])
  })

  it('lists dropped items in display order ("find out" first), each with a real horizon', () => {
    const r = plan(mini, { ...zeros, a1: DK }, { dropped: ['alpha-01', 'find-out:a1'] })
    expect(r.dropped.map(i => i.key)).toEqual(['find-out:a1', 'alpha-01'])
    for (const item of r.dropped) expect(HORIZONS).toContain(item.horizon)
  })
})

describe('who is likely to know', () => {
  // a1's gap: ask the planning unit if a2 shows it exists (answered at level 0 or more), else the Permanent Secretary.
  const q: Questionnaire = {
    ...mini,
    indicators: mini.indicators.map(i => (i.id === 'a1'
      ? { ...i, whoKnows: [{ who: { en: 'the planning unit' }, onlyIf: { indicator: 'a2', minLevel: 0 } }, { who: { en: 'the Permanent Secretary' } }] }
      : i)),
  }
  const a1 = q.indicators[0]!

  it('names a post when the answers show it exists, even at level 0', () => {
    expect(whoToAsk(a1, scoreAssessment(q, { ...zeros, a1: DK }))).toEqual({ en: 'the planning unit' })
  })

  it('does not take "don\'t know" or no answer as showing that the post exists', () => {
    expect(whoToAsk(a1, scoreAssessment(q, { ...zeros, a1: DK, a2: DK }))).toEqual({ en: 'the Permanent Secretary' })
    const a2Unanswered: Answers = { a1: DK, a3: L(0), b1: L(0), b2: L(0), b3: L(0) }
    expect(whoToAsk(a1, scoreAssessment(q, a2Unanswered))).toEqual({ en: 'the Permanent Secretary' })
  })
})

describe('the plan\'s display order within a horizon', () => {
  it('"find out" first, then by dependency depth, then step by step', () => {
    // beta depends on alpha (depth 1). Targets 2: alpha-01, alpha-12, beta-01, beta-12; b3 "don't know".
    const r = plan(mini, { ...zeros, b3: DK }, { targets: { alpha: 2, beta: 2 } })
    expect(r.horizons['0-6m'].map(i => i.key)).toEqual(['find-out:b3', 'alpha-01', 'alpha-12', 'beta-01', 'beta-12'])
  })

  it('at the same depth, the higher priority first: (target − score) × weight', () => {
    // beta made independent. alpha (weight 2) to 1: priority 2. beta (weight 1) to 3: priority 3.
    const q = { ...mini, dimensions: mini.dimensions.map(d => ({ ...d, dependsOn: [] })) }
    const r = plan(q, zeros, { targets: { alpha: 1, beta: 3 } })
    expect(r.horizons['0-6m'].map(i => [i.key, i.priority])).toEqual([['beta-01', 3], ['beta-12', 3], ['beta-23', 3], ['alpha-01', 2]])
  })

  it('the higher priority first even when its dimension comes first in the questionnaire', () => {
    // beta made independent. alpha (weight 2) to 3: priority 6. beta (weight 1) to 1: priority 1.
    const q = { ...mini, dimensions: mini.dimensions.map(d => ({ ...d, dependsOn: [] })) }
    const r = plan(q, zeros, { targets: { alpha: 3, beta: 1 } })
    expect(r.horizons['0-6m'].map(i => [i.key, i.priority])).toEqual([['alpha-01', 6], ['alpha-12', 6], ['alpha-23', 6], ['beta-01', 1]])
  })

  it('lists an own action with the actions of its dimension, by step', () => {
    // beta made independent. alpha (weight 2) to 2 and beta (weight 1) to 4: priority 4 each. The own action on alpha
    // (priority (2 − 0) × 2 = 4, step 0) comes with alpha's 0→1 action, before alpha's 1→2 and before beta.
    const q = { ...mini, dimensions: mini.dimensions.map(d => ({ ...d, dependsOn: [] })) }
    const r = plan(q, zeros, {
      targets: { alpha: 2, beta: 4 },
      custom: [{ id: 'c1', dimensionId: 'alpha', title: 'Draft the mandate note', description: '', horizon: '0-6m' }],
    })
    expect(r.horizons['0-6m'].map(i => [i.key, i.priority])).toEqual([
      ['alpha-01', 4], ['custom:c1', 4], ['alpha-12', 4], ['beta-01', 4], ['beta-12', 4], ['beta-23', 4], ['beta-34', 4],
    ])
  })

  it('at the same priority, in the questionnaire\'s order of dimensions', () => {
    // beta listed first and independent. alpha (weight 2) to 1 and beta (weight 1) to 2: priority 2 each.
    const q = { ...mini, dimensions: [{ ...mini.dimensions[1]!, dependsOn: [] }, mini.dimensions[0]!] }
    const r = plan(q, zeros, { targets: { alpha: 1, beta: 2 } })
    expect(r.horizons['0-6m'].map(i => [i.key, i.priority])).toEqual([['beta-01', 2], ['beta-12', 2], ['alpha-01', 2]])
  })

  it('for the same step, in the questionnaire\'s order of actions', () => {
    // A second 0→1 action of alpha listed after alpha-12 and before alpha-01: it comes before alpha-01.
    const [first, second, ...rest] = mini.actions
    const q = { ...mini, actions: [second!, { ...first!, id: 'alpha-01-second' }, first!, ...rest] }
    const r = plan(q, { ...zeros, b1: L(5), b2: L(5), b3: L(5) }, { targets: { alpha: 1 } })
    expect(r.horizons['0-6m'].map(i => i.key)).toEqual(['alpha-01-second', 'alpha-01'])
  })
})

describe('the saved plan edits', () => {
  it('accept horizons for as many items as the limit, and no more', () => {
    const placements = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`item-${i}`, '0-6m']))
    expect(roadmapEditsSchema.safeParse({ placements: placements(LIMITS.roadmapDetails) }).success).toBe(true)
    const over = roadmapEditsSchema.safeParse({ placements: placements(LIMITS.roadmapDetails + 1) })
    expect(over.success ? [] : over.error.issues.map(i => [i.path.join('.'), i.message])).toEqual([['placements', 'value.tooMany']])
  })
})

import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import type { Action, Dimension, Indicator, Questionnaire } from '@/domain/questionnaire'
import { buildRoadmap, chooseVariant, dependencyDepths, emptyRoadmapEdits, type RoadmapContext, type RoadmapEdits, type RoadmapItem } from '@/domain/roadmap'
import { scoreAssessment } from '@/domain/scoring'

const en = (text: string) => ({ en: text })
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const NONE: RoadmapContext = { ldc: false, sids: false, smallService: false }

const dimension = (id: string, dependsOn: string[] = [], weight = 1): Dimension => ({ id, title: en(id), description: en(id), weight, sources: [], dependsOn })
const indicator = (id: string, dim: string): Indicator => ({
  id, dimension: dim, question: en(id), guidance: en(id), descriptors: [en('0'), en('1'), en('2'), en('3')], weight: 1, evidenceRequiredFrom: 3, allowNotApplicable: false, sources: [],
})
const action = (id: string, dim: string, from: number, extra: Partial<Action> = {}): Action => ({
  id, dimension: dim, steps: [{ from, to: from + 1 }], indicators: [], title: en(`title ${id}`), description: en(`description ${id}`),
  horizon: '0-6m', effort: 'medium', owner: en(`owner ${id}`), sources: [`src-${id}`], variants: {}, ...extra,
})

/** Levels 0–3; dimensions m (weight 2) and p (weight 1) with one indicator each; actions chosen per test. */
function questionnaire(actions: Action[], dimensions: Dimension[] = [dimension('m', [], 2), dimension('p')]): Questionnaire {
  return {
    schemaVersion: 1, id: 'rm', version: '1.0.0', title: en('rm'), description: en('rm'), locales: ['en'], sources: [],
    levels: [0, 1, 2, 3].map(level => ({ level, label: en(`L${level}`), descriptor: en(`L${level}`) })),
    dimensions,
    indicators: dimensions.map(d => indicator(`${d.id}1`, d.id)),
    actions,
    scoring: { gatingRules: [], smallServiceMissionThreshold: 30, maxActionsPerHorizon: 10 },
    archetypes: [],
  }
}
function plan(q: Questionnaire, answers: Answers, context = NONE, edits: Partial<RoadmapEdits> = {}) {
  return buildRoadmap(q, scoreAssessment(q, answers), context, { ...emptyRoadmapEdits(), ...edits })
}
const items = (r: ReturnType<typeof plan>): RoadmapItem[] => [...r.horizons['0-6m'], ...r.horizons['6-18m'], ...r.horizons['18-36m'], ...r.later]
const item = (r: ReturnType<typeof plan>, key: string) => items(r).find(i => i.key === key)

describe('chooseVariant', () => {
  const withSidsAndSmall = action('a', 'm', 0, { variants: { 'sids': { description: en('sids') }, 'small-service': { description: en('small') } } })

  it('does not give the SIDS variant to a country that is not a SIDS', () => {
    expect(chooseVariant(withSidsAndSmall, { ldc: false, sids: false, smallService: true })).toBe('small-service')
  })

  it('gives no variant when no flag is set, whatever variants exist', () => {
    expect(chooseVariant(withSidsAndSmall, NONE)).toBeNull()
  })

  it('gives no LDC variant when the action has none, falling to the next flag set', () => {
    expect(chooseVariant(withSidsAndSmall, { ldc: true, sids: true, smallService: true })).toBe('sids')
  })
})

describe('dependencyDepths', () => {
  it('counts a dependency on an unknown dimension as one level of depth', () => {
    // p depends on "ghost", which has no dependencies of its own: depth(ghost) = 0, depth(p) = 1
    const depths = dependencyDepths(questionnaire([], [dimension('m'), dimension('p', ['ghost'])]))
    expect(depths.get('p')).toBe(1)
    expect(depths.get('m')).toBe(0)
  })

  it('stays finite on a cycle', () => {
    // from a: a → b → a (already on the path: 0), so b = 1 and a = 1 + 1 = 2
    const depths = dependencyDepths(questionnaire([], [dimension('a', ['b']), dimension('b', ['a'])]))
    expect([depths.get('a'), depths.get('b')]).toEqual([2, 1])
  })

  it('takes the deepest of several dependencies', () => {
    // m = 0; p → m = 1; q → m and p = 1 + max(0, 1) = 2
    const depths = dependencyDepths(questionnaire([], [dimension('m'), dimension('p', ['m']), dimension('q', ['m', 'p'])]))
    expect(depths.get('q')).toBe(2)
  })
})

describe('roadmap items: variant texts and their fallbacks', () => {
  const full = action('m-full', 'm', 1, {
    variants: { ldc: { title: en('LDC title'), description: en('LDC description'), horizon: '6-18m', effort: 'low', owner: en('LDC owner'), sources: ['ldc-src'] } },
  })
  const partial = action('m-partial', 'm', 1, { variants: { ldc: { description: en('LDC description only') } } })
  // planned inside each test: StrykerJS activates a mutant only while tests run, not while they are collected
  const planned = () => plan(questionnaire([full, partial]), { m1: L(1), p1: L(3) }, { ldc: true, sids: false, smallService: false })

  it('a variant replaces every field it sets (its horizon is the scheduler\'s to choose)', () => {
    expect(item(planned(), 'm-full')).toMatchObject({
      effort: 'low', sources: ['ldc-src'],
      action: { variant: 'ldc', title: en('LDC title'), description: en('LDC description'), owner: en('LDC owner') },
    })
  })

  it('a variant that sets only a description keeps the action\'s other fields', () => {
    expect(item(planned(), 'm-partial')).toMatchObject({
      kind: 'library', effort: 'medium', sources: ['src-m-partial'],
      action: { variant: 'ldc', title: en('title m-partial'), description: en('LDC description only'), owner: en('owner m-partial') },
    })
  })
})

describe('roadmap targets', () => {
  const q = questionnaire([action('m-12', 'm', 1), action('m-23', 'm', 2)])

  it('a target set to the default is not "adjusted"', () => {
    // m stage 1 → default target 2
    expect(plan(q, { m1: L(1), p1: L(1) }, NONE, { targets: { m: 2 } }).targets[0]).toMatchObject({ target: 2, adjusted: false })
  })

  it('a target different from the default is "adjusted"', () => {
    expect(plan(q, { m1: L(1), p1: L(1) }, NONE, { targets: { m: 3 } }).targets[0]).toMatchObject({ target: 3, adjusted: true })
  })

  it('no target chosen is not "adjusted"', () => {
    expect(plan(q, { m1: L(1), p1: L(1) }).targets[0]).toMatchObject({ target: 2, adjusted: false })
  })

  it('a target above the top level is brought down to it, and counts as adjusted', () => {
    // top = 3; m stage 1 → default 2; chosen 9 → 3
    expect(plan(q, { m1: L(1), p1: L(1) }, NONE, { targets: { m: 9 } }).targets[0]).toMatchObject({ target: 3, adjusted: true })
  })

  it('draws every step from the stage up to a raised target', () => {
    const r = plan(q, { m1: L(1), p1: L(3) }, NONE, { targets: { m: 3 } })
    expect(items(r).map(i => i.key).sort()).toEqual(['m-12', 'm-23'])
  })

  it('an action is drawn for a step only when it serves that step', () => {
    // m stage 0, target 1: only the 0→1 step is needed, and no action serves it
    const r = plan(q, { m1: L(0), p1: L(3) })
    expect(items(r).filter(i => i.dimensionId === 'm')).toEqual([])
  })
})

describe('roadmap priority: (target − score) × dimension weight', () => {
  it('a library item carries its dimension\'s priority and dependency depth (and both its reasons, once each)', () => {
    // m weight 2, score 1, target 2 → (2 − 1) × 2 = 2; p depends on m → depth 1, weight 1, score 0, target 1 → 1.
    // Each action is both the step to the target and the weakest indicator's next step.
    const q = questionnaire([action('m-12', 'm', 1), action('p-01', 'p', 0)], [dimension('m', [], 2), dimension('p', ['m'])])
    const r = plan(q, { m1: L(1), p1: L(0) })
    expect(item(r, 'm-12')).toMatchObject({ priority: 2, depth: 0, reasons: ['target', 'weakest'] })
    expect(item(r, 'p-01')).toMatchObject({ priority: 1, depth: 1, reasons: ['target', 'weakest'] })
  })

  it('an own action takes its dimension\'s priority and depth', () => {
    const q = questionnaire([], [dimension('m', [], 2), dimension('p', ['m'], 3)])
    // p weight 3, score 1, target 2 → (2 − 1) × 3 = 3; depth 1
    const r = plan(q, { m1: L(1), p1: L(1) }, NONE, { custom: [{ id: 'c1', dimensionId: 'p', title: 'Mine', description: '', horizon: '6-18m' }] })
    expect(item(r, 'custom:c1')).toMatchObject({ kind: 'custom', priority: 3, depth: 1, reasons: ['custom'], horizon: '6-18m', effort: null, sources: [] })
  })

  it('an own action for an unknown dimension has priority 0 and depth 0', () => {
    const r = plan(questionnaire([]), { m1: L(1), p1: L(1) }, NONE, { custom: [{ id: 'c2', dimensionId: 'ghost', title: 'Mine', description: '', horizon: '0-6m' }] })
    expect(item(r, 'custom:c2')).toMatchObject({ priority: 0, depth: 0 })
  })
})

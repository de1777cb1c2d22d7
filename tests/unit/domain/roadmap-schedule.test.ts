import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { HORIZONS, type Effort, type Horizon, type Questionnaire } from '@/domain/questionnaire'
import { buildRoadmap, emptyRoadmapEdits, type Roadmap, type RoadmapContext, type RoadmapEdits, type RoadmapItem } from '@/domain/roadmap'
import { effortStart, horizonCapacity, previousStepItems } from '@/domain/roadmap-schedule'
import { placeItem } from '@/domain/roadmap-edits'
import { scoreAssessment } from '@/domain/scoring'
import { mini, tech } from './questionnaire-fixtures'

const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NONE: RoadmapContext = { ldc: false, sids: false, smallService: false }
const SMALL: RoadmapContext = { ldc: false, sids: false, smallService: true }

/** Mini with some actions' effort changed and, optionally, its own horizon capacities. */
function variant(efforts: Record<string, Effort>, capacity?: { standard: Record<Horizon, number>, smallService: Record<Horizon, number> }, max?: number): Questionnaire {
  return {
    ...mini,
    actions: mini.actions.map(a => (efforts[a.id] ? { ...a, effort: efforts[a.id]! } : a)),
    scoring: { ...mini.scoring, ...(capacity ? { horizonCapacity: capacity } : {}), ...(max ? { maxActionsPerHorizon: max } : {}) },
  }
}
const same = (n: number): Record<Horizon, number> => ({ '0-6m': n, '6-18m': n, '18-36m': n })
function plan(q: Questionnaire, answers: Answers, context = NONE, edits: Partial<RoadmapEdits> = {}) {
  return buildRoadmap(q, scoreAssessment(q, answers), context, { ...emptyRoadmapEdits(), ...edits })
}
const keys = (items: ReadonlyArray<{ key: string }>) => items.map(i => i.key).sort()
const zeros = { a1: L(0), a2: L(0), a3: L(0), b1: L(0), b2: L(0), b3: L(0) }

describe('rule 1: the user\'s choices are never overridden', () => {
  it('keeps the user\'s own action and a moved item in 0–6 months beyond capacity, and says so', () => {
    // Capacity 1 everywhere. Placed: custom c1 and beta-01 in 0–6 months; alpha-01 is the one library action left,
    // kept in 0–6 months by rule 4 (three places for library actions): 3 items for 1 place, nothing moved out.
    const r = plan(variant({}, undefined, 1), zeros, NONE, {
      placements: { 'beta-01': '0-6m' },
      custom: [{ id: 'c1', dimensionId: 'beta', title: 'Brief the minister', description: '', horizon: '0-6m' }],
    })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-01', 'beta-01', 'custom:c1'])
    expect(r.horizons['0-6m'].filter(i => i.placed).map(i => i.key).sort()).toEqual(['beta-01', 'custom:c1'])
    expect(r.horizons['0-6m'].some(i => i.deferredFrom)).toBe(false)
    expect(r.capacity['0-6m']).toBe(1)
    expect(r.horizons['6-18m']).toEqual([])
  })

  it('keeps an item the user moved to a later horizon there, even with room earlier', () => {
    const r = plan(mini, zeros, NONE, { placements: { 'alpha-01': '18-36m' } })
    expect(keys(r.horizons['18-36m'])).toEqual(['alpha-01'])
    expect(r.horizons['18-36m'][0]).toMatchObject({ horizon: '18-36m', placed: true })
    expect(keys(r.horizons['0-6m'])).toEqual(['beta-01'])
  })

  it('moves an item with placeItem, and hands it back to the plan with null', () => {
    const edits = { ...emptyRoadmapEdits(), custom: [{ id: 'c1', dimensionId: 'beta', title: 'Own', description: '', horizon: '0-6m' as const }] }
    const moved = placeItem(edits, 'alpha-01', '6-18m')
    expect(moved.placements).toEqual({ 'alpha-01': '6-18m' })
    expect(edits.placements).toEqual({})
    expect(placeItem(moved, 'alpha-01', null).placements).toEqual({})
    expect(placeItem(edits, 'custom:c1', '18-36m').custom[0]!.horizon).toBe('18-36m')
    expect(placeItem(edits, 'custom:c1', '18-36m').placements).toEqual({})
    expect(placeItem(edits, 'custom:c1', null)).toBe(edits)
  })
})

describe('rule 2: earliest sensible start by effort and step order', () => {
  it('starts high effort from 6–18 months and never puts a step before the step it builds on', () => {
    // alpha at 1 → 3: alpha-12 (made high effort) and alpha-23 (low); beta at 0 → 3: beta-01, -12, -23 (low).
    // Three low beta actions fill the three kept places of 0–6 months. alpha-12 is high: from 6–18 months.
    // alpha-23 is low (could start at once) but builds on alpha-12: 6–18 months too, and not marked as moved.
    const r = plan(variant({ 'alpha-12': 'high' }), { a1: L(1), a2: L(1), a3: L(1), b1: L(0), b2: L(0), b3: L(0) }, NONE, { targets: { alpha: 3, beta: 3 } })
    expect(keys(r.horizons['0-6m'])).toEqual(['beta-01', 'beta-12', 'beta-23'])
    expect(keys(r.horizons['6-18m'])).toEqual(['alpha-12', 'alpha-23'])
    expect(r.horizons['6-18m'].some(i => i.deferredFrom || i.broughtForward)).toBe(false)
  })

  it('reads the effort rule: only library actions of high effort wait for 6–18 months', () => {
    expect(effortStart({ kind: 'library', effort: 'high' })).toBe(1)
    expect(effortStart({ kind: 'library', effort: 'medium' })).toBe(0)
    expect(effortStart({ kind: 'library', effort: 'low' })).toBe(0)
    expect(effortStart({ kind: 'find-out', effort: 'low' })).toBe(0)
    expect(effortStart({ kind: 'custom', effort: null })).toBe(0)
  })

  it('finds the previous step at the nearest lower level of the same dimension', () => {
    const r = plan(mini, zeros, NONE, { targets: { alpha: 3, beta: 1 } })
    const items = [...HORIZONS.flatMap(h => r.horizons[h]), ...r.later]
    const byKey = (k: string) => items.find(i => i.key === k)!
    expect(keys(previousStepItems(byKey('alpha-23'), items))).toEqual(['alpha-12'])
    expect(keys(previousStepItems(byKey('alpha-12'), items))).toEqual(['alpha-01'])
    expect(previousStepItems(byKey('alpha-01'), items)).toEqual([])
    expect(previousStepItems(byKey('beta-01'), items)).toEqual([])
  })
})

describe('rule 3: capacity follows the context', () => {
  // Items: find-out:a1 (a1 "don't know"), alpha-01 (low), alpha-12 (medium), beta-01 and beta-12 (low).
  const q = variant({ 'alpha-12': 'medium' }, { standard: { '0-6m': 5, '6-18m': 5, '18-36m': 5 }, smallService: same(4) })
  const answers = { a1: DK, a2: L(0), a3: L(0), b1: L(0), b2: L(0), b3: L(0) }
  const targets = { alpha: 2, beta: 2 }

  it('reads the capacity for the context from the data, else maxActionsPerHorizon', () => {
    expect(horizonCapacity(q, false)).toEqual({ '0-6m': 5, '6-18m': 5, '18-36m': 5 })
    expect(horizonCapacity(q, true)).toEqual(same(4))
    expect(horizonCapacity(mini, true)).toEqual(same(10))
    expect(horizonCapacity(tech, false)).toEqual({ '0-6m': 10, '6-18m': 12, '18-36m': 12 })
    expect(horizonCapacity(tech, true)).toEqual({ '0-6m': 6, '6-18m': 8, '18-36m': 8 })
  })

  it('fits all five in 0–6 months for a ministry with five places', () => {
    const r = plan(q, answers, NONE, { targets })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-01', 'alpha-12', 'beta-01', 'beta-12', 'find-out:a1'])
  })

  it('moves the medium-effort action, not the "find out" or low-effort ones, when a small service has four places', () => {
    const r = plan(q, answers, SMALL, { targets })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-01', 'beta-01', 'beta-12', 'find-out:a1'])
    expect(r.horizons['6-18m']).toEqual([expect.objectContaining({ key: 'alpha-12', horizon: '6-18m', deferredFrom: '0-6m' })])
  })

  it('goes to "later" only when no horizon from its earliest on has room', () => {
    const tiny = variant({}, undefined, 1)
    // alpha 0 → 3 and beta 0 → 3, one place per horizon: the three kept places take alpha-01, -12, -23 (rule 4),
    // then beta-01 finds 0–6 months full and takes 6–18 months, beta-12 takes 18–36 months, beta-23 waits in "later".
    const r = plan(tiny, zeros, NONE, { targets: { alpha: 3, beta: 3 } })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-01', 'alpha-12', 'alpha-23'])
    expect(r.horizons['6-18m']).toEqual([expect.objectContaining({ key: 'beta-01', deferredFrom: '0-6m' })])
    expect(r.horizons['18-36m']).toEqual([expect.objectContaining({ key: 'beta-12', deferredFrom: '6-18m' })])
    expect(r.later).toEqual([expect.objectContaining({ key: 'beta-23', deferredFrom: '18-36m' })])
  })
})

describe('rule 4: no empty early horizons', () => {
  it('brings high-effort actions forward when fewer than three could start in 0–6 months', () => {
    // alpha at 2 → 5, every step made high effort; beta already at 5. Three library actions, none may start
    // before 6–18 months by effort: the three are started in 0–6 months, in step order, and marked so.
    const q = variant({ 'alpha-23': 'high', 'alpha-34': 'high', 'alpha-45': 'high' })
    const r = plan(q, { a1: L(2), a2: L(2), a3: L(2), b1: L(5), b2: L(5), b3: L(5) }, NONE, { targets: { alpha: 5 } })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-23', 'alpha-34', 'alpha-45'])
    expect(r.horizons['0-6m'].every(i => i.broughtForward)).toBe(true)
  })

  it('brings forward only what is missing: two medium actions and one high one', () => {
    const q = variant({ 'alpha-23': 'medium', 'alpha-34': 'high', 'beta-45': 'medium' })
    const r = plan(q, { a1: L(2), a2: L(2), a3: L(2), b1: L(4), b2: L(4), b3: L(4) }, NONE, { targets: { alpha: 4 } })
    // alpha-23 (medium), beta-45 (medium) may start at once; alpha-34 (high) builds on alpha-23, which is in 0–6 months.
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-23', 'alpha-34', 'beta-45'])
    expect(r.horizons['0-6m'].filter(i => i.broughtForward).map(i => i.key)).toEqual(['alpha-34'])
  })

  it('gives an advanced country a full first horizon and nothing in "later"', () => {
    const answers = Object.fromEntries(tech.indicators.map(i => [i.id, L(4)]))
    const r = plan(tech, answers)
    expect(r.horizons['0-6m'].filter(i => i.kind === 'library').length).toBeGreaterThanOrEqual(3)
    expect(r.horizons['0-6m'].length).toBe(10)
    expect(r.later).toEqual([])
  })
})

describe('find out: who is likely to know, from the data', () => {
  it('names the finance directorate for the budget line and the regulator for standards memberships', () => {
    const answers = Object.fromEntries(tech.indicators.map(i => [i.id, L(1)]))
    const r = plan(tech, { ...answers, 'I8.1': DK, 'I6.2': DK })
    const ask = (id: string) => r.horizons['0-6m'].find(i => i.key === `find-out:${id}`)?.findOut?.ask?.en
    expect(ask('I8.1')).toBe('the finance and budget directorate of the foreign ministry (the budget line)')
    expect(ask('I6.2')).toBe('the ICT ministry or the telecommunications regulator (ITU and standards memberships)')
  })

  it('never names a focal point the answers say the country lacks, and names one that exists', () => {
    const base = Object.fromEntries(tech.indicators.map(i => [i.id, L(1)]))
    const ask = (accountable: number) => {
      const r = plan(tech, { ...base, 'I1.1': L(accountable), 'I1.4': DK, 'I3.2': DK, 'I5.1': DK, 'I2.2': DK })
      return ['I1.4', 'I3.2', 'I5.1', 'I2.2'].map(id => [...HORIZONS.flatMap(h => r.horizons[h]), ...r.later].find(i => i.key === `find-out:${id}`)!.findOut!.ask!.en)
    }
    for (const who of ask(1)) expect(who).not.toMatch(/focal point/i)
    expect(ask(2)).toEqual(Array(4).fill('the tech diplomacy focal point'))
  })
})

// ---- properties over random assessments of the shipped questionnaire ----

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }).map(L), weight: 6 },
  { arbitrary: fc.constant(DK), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
)
const answersArb: fc.Arbitrary<Answers> = fc.tuple(...tech.indicators.map(i => answerArb.map(a => [i.id, a] as const)))
  .map(entries => Object.fromEntries(entries.filter((e): e is readonly [string, Answer] => e[1] !== undefined)))
const contextArb: fc.Arbitrary<RoadmapContext> = fc.record({ ldc: fc.boolean(), sids: fc.boolean(), smallService: fc.boolean() })
const targetsArb = fc.dictionary(fc.constantFrom(...tech.dimensions.map(d => d.id)), fc.integer({ min: 0, max: 5 }), { maxKeys: 4 })
const horizonArb = fc.constantFrom(...HORIZONS)

/** Random user placements: picks among the keys of the plan built without them. */
function withPlacements(answers: Answers, context: RoadmapContext, targets: Record<string, number>, picks: Array<[number, Horizon]>, customs: Horizon[]): RoadmapEdits {
  const base = plan(tech, answers, context, { targets })
  const all = [...HORIZONS.flatMap(h => base.horizons[h]), ...base.later]
  const placements: Record<string, Horizon> = {}
  if (all.length > 0) for (const [pick, horizon] of picks) placements[all[pick % all.length]!.key] = horizon
  const custom = customs.map((horizon, i) => ({ id: `own${i}`, dimensionId: 'people', title: `Own ${i}`, description: '', horizon }))
  return { ...emptyRoadmapEdits(), targets, placements, custom }
}
const everything = (r: Roadmap): RoadmapItem[] => [...HORIZONS.flatMap(h => r.horizons[h]), ...r.later]
const rankOf = (r: Roadmap, key: string) => {
  const index = HORIZONS.findIndex(h => r.horizons[h].some(i => i.key === key))
  return index === -1 ? HORIZONS.length : index
}
const scenario: fc.Arbitrary<Scenario> = fc.record({
  answers: answersArb,
  context: contextArb,
  targets: targetsArb,
  picks: fc.array(fc.tuple(fc.nat(), horizonArb), { maxLength: 8 }),
  customs: fc.array(horizonArb, { maxLength: 4 }),
})
interface Scenario { answers: Answers, context: RoadmapContext, targets: Record<string, number>, picks: Array<[number, Horizon]>, customs: Horizon[] }
const build = ({ answers, context, targets, picks, customs }: Scenario) => {
  const edits = withPlacements(answers, context, targets, picks, customs)
  return { edits, roadmap: buildRoadmap(tech, scoreAssessment(tech, answers), context, edits) }
}

describe('scheduling properties over random assessments', () => {
  it('rule 1: every placed item is exactly where the user put it', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { edits, roadmap } = build(s)
      for (const [key, horizon] of Object.entries(edits.placements)) {
        expect(roadmap.horizons[horizon].map(i => i.key)).toContain(key)
        expect(roadmap.horizons[horizon].find(i => i.key === key)!.placed).toBe(true)
      }
      for (const c of edits.custom) expect(roadmap.horizons[c.horizon].map(i => i.key)).toContain(`custom:${c.id}`)
    }), { numRuns: 150 })
  })

  it('rules 2 and 4: no item waits later than needed while an earlier horizon it may start in has room', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { roadmap } = build(s)
      const items = everything(roadmap)
      for (const item of items) {
        if (item.placed || item.broughtForward) continue
        const earliest = Math.max(effortStart(item), ...previousStepItems(item, items).map(p => rankOf(roadmap, p.key)))
        for (let rank = earliest; rank < rankOf(roadmap, item.key); rank++) {
          const h = HORIZONS[rank]!
          expect(roadmap.horizons[h].length).toBeGreaterThanOrEqual(roadmap.capacity[h])
        }
        if (rankOf(roadmap, item.key) > earliest && earliest < HORIZONS.length) expect(item.deferredFrom).toBe(HORIZONS[earliest])
        else expect(item.deferredFrom).toBeUndefined()
      }
    }), { numRuns: 150 })
  })

  it('rule 2: a step never starts before the previous step of its dimension (items the user did not place)', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { roadmap } = build(s)
      const items = everything(roadmap)
      for (const item of items) {
        if (item.placed) continue
        for (const previous of previousStepItems(item, items)) expect(rankOf(roadmap, item.key)).toBeGreaterThanOrEqual(rankOf(roadmap, previous.key))
        if (!item.broughtForward) expect(rankOf(roadmap, item.key)).toBeGreaterThanOrEqual(effortStart(item))
      }
    }), { numRuns: 150 })
  })

  it('rule 3: only user placements and the three kept places make a horizon exceed its capacity', () => {
    fc.assert(fc.property(scenario, (s) => {
      const { roadmap } = build(s)
      for (const h of HORIZONS) {
        const items = roadmap.horizons[h]
        const forced = items.filter(i => i.placed).length + (h === '0-6m' ? 3 : 0)
        expect(items.length).toBeLessThanOrEqual(Math.max(roadmap.capacity[h], forced))
      }
    }), { numRuns: 150 })
  })

  it('rule 4: a plan with at least three library actions (none placed by the user) has at least three in 0–6 months', () => {
    fc.assert(fc.property(scenario.map(s => ({ ...s, picks: [] })), (s) => {
      const { roadmap } = build(s)
      const library = everything(roadmap).filter(i => i.kind === 'library')
      const first = roadmap.horizons['0-6m'].filter(i => i.kind === 'library')
      expect(first.length).toBeGreaterThanOrEqual(Math.min(3, library.length))
    }), { numRuns: 200 })
  })
})

import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import type { Questionnaire } from '@/domain/questionnaire'
import { buildRoadmap, chooseVariant, dependencyDepths, emptyRoadmapEdits, type RoadmapContext, type RoadmapEdits } from '@/domain/roadmap'
import { scoreAssessment } from '@/domain/scoring'
import { mini, tech } from './questionnaire-fixtures'

const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NONE: RoadmapContext = { ldc: false, sids: false, smallService: false }
const LDC: RoadmapContext = { ldc: true, sids: false, smallService: true }

function plan(q: Questionnaire, answers: Answers, context = NONE, edits: Partial<RoadmapEdits> = {}) {
  return buildRoadmap(q, scoreAssessment(q, answers), context, { ...emptyRoadmapEdits(), ...edits })
}
const keys = (items: Array<{ key: string }>) => items.map(i => i.key)
const all = (r: ReturnType<typeof plan>) => [...r.horizons['0-6m'], ...r.horizons['6-18m'], ...r.horizons['18-36m'], ...r.later]

describe('roadmap', () => {
  it('targets stage + 1 by default and draws the actions of that step', () => {
    const r = plan(mini, { a1: L(1), a2: L(2), a3: L(3), b1: L(2), b2: L(2), b3: L(2) })
    expect(r.targets.map(t => [t.dimensionId, t.stage, t.target])).toEqual([['alpha', 1, 2], ['beta', 2, 3]])
    expect(keys(all(r))).toEqual(['alpha-12', 'beta-23'])
  })

  it('gives an LDC profile the adapted variant', () => {
    const r = plan(mini, { a1: L(1), a2: L(1), a3: L(1) }, LDC)
    const item = all(r).find(i => i.key === 'alpha-12')!
    expect(item.action).toMatchObject({ variant: 'ldc', description: { en: 'Shared-envoy version of alpha step 1→2.' } })
    expect(plan(mini, { a1: L(1), a2: L(1), a3: L(1) }).horizons['0-6m'].find(i => i.key === 'alpha-12')!.action!.variant).toBeNull()
  })

  it('gives a dimension at the top stage no actions', () => {
    const r = plan(mini, { a1: L(5), a2: L(5), a3: L(5), b1: L(4), b2: L(4), b3: L(4) })
    expect(r.targets[0]).toMatchObject({ stage: 5, target: 5 })
    expect(all(r).filter(i => i.dimensionId === 'alpha')).toEqual([])
    expect(keys(all(r))).toEqual(['beta-45'])
  })

  it('turns each information gap into a "find out" item in 0–6 months, naming who is likely to know', () => {
    const r = plan(mini, { a1: L(2), a2: DK, a3: L(2), b1: L(2), b2: L(2), b3: DK })
    const findOuts = r.horizons['0-6m'].filter(i => i.kind === 'find-out')
    expect(findOuts.map(i => [i.key, i.horizon])).toEqual([['find-out:a2', '0-6m'], ['find-out:b3', '0-6m']])
    expect(findOuts[0]!.findOut!.ask).toEqual({ en: 'Permanent Secretary', fr: 'Secrétaire général' })
    expect(keys(r.horizons['0-6m']).slice(0, 2)).toEqual(['find-out:a2', 'find-out:b3'])
  })

  it('puts a dimension before the dimensions that depend on it, within a horizon', () => {
    const r = plan(mini, { a1: L(0), a2: L(0), a3: L(0), b1: L(0), b2: L(0), b3: L(0) })
    expect(keys(r.horizons['0-6m'])).toEqual(['alpha-01', 'beta-01'])
    expect(dependencyDepths(mini)).toEqual(new Map([['alpha', 0], ['beta', 1]]))
  })

  it('orders the real questionnaire foundations first: mandate, then the rest by dependency depth', () => {
    const depths = dependencyDepths(tech)
    expect(depths.get('mandate')).toBe(0)
    expect(depths.get('strategy')).toBe(1)
    expect(depths.get('coordination')).toBe(2)
    const r = plan(tech, Object.fromEntries(tech.indicators.map(i => [i.id, L(0)])))
    const firstDimensions = [...new Set(r.horizons['0-6m'].map(i => i.dimensionId))]
    expect(firstDimensions[0]).toBe('mandate')
    const depthSeq = r.horizons['0-6m'].map(i => depths.get(i.dimensionId)!)
    expect(depthSeq).toEqual([...depthSeq].sort((a, b) => a - b))
  })

  it('always includes the next step of the weakest indicator, even below a lowered target', () => {
    const r = plan(mini, { a1: L(2), a2: L(3), a3: L(3) }, NONE, { targets: { alpha: 2, beta: 0 } })
    expect(keys(all(r))).toEqual(['alpha-23'])
    expect(all(r)[0]!.reasons).toEqual(['weakest'])
  })

  it('follows a raised target through every step', () => {
    const r = plan(mini, { a1: L(1), a2: L(1), a3: L(1) }, NONE, { targets: { alpha: 4 } })
    expect(keys(all(r)).filter(k => k.startsWith('alpha'))).toEqual(['alpha-12', 'alpha-23', 'alpha-34'])
    expect(r.targets[0]).toMatchObject({ target: 4, adjusted: true })
  })

  it('moves dropped items aside, applies owners and dates, and adds the user\'s own actions', () => {
    const r = plan(mini, { a1: L(0), a2: L(0), a3: L(0), b1: L(0), b2: L(0), b3: L(0) }, NONE, {
      dropped: ['beta-01'],
      details: { 'alpha-01': { owner: 'Director, Multilateral Affairs', targetDate: '2027-03-31' } },
      custom: [{ id: 'c1', dimensionId: 'beta', title: 'Brief the minister', description: '', horizon: '0-6m' }],
    })
    expect(keys(r.dropped)).toEqual(['beta-01'])
    expect(r.horizons['0-6m'][0]).toMatchObject({ key: 'alpha-01', owner: 'Director, Multilateral Affairs', targetDate: '2027-03-31' })
    expect(keys(r.horizons['0-6m'])).toContain('custom:c1')
  })

  it('picks the most specific variant: LDC, then SIDS, then small foreign service', () => {
    const action = tech.actions.find(a => a.variants.ldc && a.variants.sids)!
    expect(chooseVariant(action, { ldc: true, sids: true, smallService: true })).toBe('ldc')
    expect(chooseVariant(action, { ldc: false, sids: true, smallService: true })).toBe('sids')
    const small = tech.actions.find(a => a.variants['small-service'])!
    expect(chooseVariant(small, { ldc: false, sids: false, smallService: true })).toBe('small-service')
    expect(chooseVariant(small, NONE)).toBeNull()
  })

  it('points an LDC at the start of the investment dimension to a UN Technology Bank needs assessment', () => {
    const answers = Object.fromEntries(tech.indicators.map(i => [i.id, L(i.dimension === 'investment' ? 1 : 2)]))
    const r = plan(tech, answers, LDC)
    const investment = all(r).filter(i => i.dimensionId === 'investment')
    expect(investment.some(i => /Technology Bank/.test(i.action?.title.en ?? '') || /Technology Bank/.test(i.action?.description.en ?? ''))).toBe(true)
  })
})

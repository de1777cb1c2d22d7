// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import ResultsMethod from '@/components/results/ResultsMethod.vue'
import ResultsTable from '@/components/results/ResultsTable.vue'
import type { Answer } from '@/domain/assessment'
import { scoreAssessment } from '@/domain/scoring'
import { loadMini, mountWithI18n } from './setup'

const mini = loadMini()
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }

// alpha: (3×2 + 2 + 4) / 4 = 3.0, stage 2; beta: (1×2 + 0 + 2) / 4 = 1.0, stage min(1, 2) = 1, one gap
const now = scoreAssessment(mini, { a1: L(3), a2: L(2), a3: L(4), b1: L(1), b2: DK, b3: L(2) })
// earlier: alpha (2×2 + 2 + 2) / 4 = 2.0; beta (1×2 + 1 + 1) / 4 = 1.0
const before = scoreAssessment(mini, { a1: L(2), a2: L(2), a3: L(2), b1: L(1), b2: L(1), b3: L(1) })
const shuffled = <R extends { dimensions: unknown[] }>(r: R): R => ({ ...r, dimensions: [...r.dimensions].reverse() })

describe('ResultsTable', () => {
  it('gives each dimension its own score and stage, found by id whatever the order of the results', () => {
    const wrapper = mountWithI18n(ResultsTable, { props: { result: shuffled(now), questionnaire: mini, locale: 'en' } })
    const alpha = wrapper.get('tr[data-dimension="alpha"]')
    const beta = wrapper.get('tr[data-dimension="beta"]')
    expect(alpha.get('[data-col="score"]').text()).toBe('3.0')
    expect(alpha.get('[data-col="stage"]').text()).toBe('2 · Emerging')
    expect(beta.get('[data-col="score"]').text()).toBe('1.0')
    expect(beta.get('[data-col="stage"]').text()).toContain('1 · Ad hoc')
    expect(beta.get('[data-col="stage"]').text()).toContain('unconfirmed: 1 gap')
  })

  it('shows an earlier assessment and the change, signed', () => {
    const wrapper = mountWithI18n(ResultsTable, { props: { result: now, questionnaire: mini, locale: 'en', earlier: { label: 'Jan 2025', result: shuffled(before) } } })
    const cells = (id: string) => wrapper.get(`tr[data-dimension="${id}"]`).findAll('td').map(c => c.text())
    expect(cells('alpha').slice(-2)).toEqual(['2.0', '+1.0'])
    expect(cells('beta').slice(-2)).toEqual(['1.0', '±0.0'])
  })
})

describe('ResultsMethod', () => {
  it('writes out the index sum of this assessment from the domain\'s breakdown', () => {
    const wrapper = mountWithI18n(ResultsMethod, { props: { result: now, questionnaire: mini, locale: 'en' } })
    // (3 × 2 + 1 × 1) ÷ 3 × 20 = 46.67
    expect(wrapper.text()).toContain('(3 × 2 + 1 × 1) ÷ 3 × 20 = 46.67')
  })

  it('leaves a dimension without a score out of the sum', () => {
    const r = scoreAssessment(mini, { a1: L(3), a2: L(2), a3: L(4), b3: { kind: 'not_applicable', evidence: '', updatedAt: T } })
    const wrapper = mountWithI18n(ResultsMethod, { props: { result: r, questionnaire: mini, locale: 'en' } })
    expect(wrapper.text()).toContain('(3 × 2) ÷ 2 × 20 = 60')
  })
})

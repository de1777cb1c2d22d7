// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import AssessmentAnswerDetails from '@/components/assessment/AssessmentAnswerDetails.vue'
import AssessmentIndicator from '@/components/assessment/AssessmentIndicator.vue'
import type { Answer } from '@/domain/assessment'
import { loadMini, mountWithI18n } from './setup'

const mini = loadMini()
const a1 = mini.indicators.find(i => i.id === 'a1')!
const T = '2026-11-23T10:00:00.000Z'
const level = (n: number, evidence = ''): Answer => ({ kind: 'level', level: n, confidence: 'self-declared', evidence, updatedAt: T })

describe('AssessmentAnswerDetails', () => {
  it('marks the evidence note optional below the threshold, with no error', () => {
    const wrapper = mountWithI18n(AssessmentAnswerDetails, { props: { id: 'x', indicator: a1, answer: level(2) } })
    expect(wrapper.find('.required').exists()).toBe(false)
    expect(wrapper.find('.optional').exists()).toBe(true)
    expect(wrapper.find('#x-evidence-error').exists()).toBe(false)
    expect(wrapper.get('#x-evidence').attributes('aria-invalid')).toBe('false')
  })

  it('requires the note from the threshold level, and says so until one is written', () => {
    const missing = mountWithI18n(AssessmentAnswerDetails, { props: { id: 'x', indicator: a1, answer: level(3) } })
    expect(missing.find('.required').exists()).toBe(true)
    expect(missing.get('#x-evidence').attributes('aria-invalid')).toBe('true')
    expect(missing.get('#x-evidence').attributes('aria-describedby')).toBe('x-evidence-help x-evidence-error')
    const written = mountWithI18n(AssessmentAnswerDetails, { props: { id: 'x', indicator: a1, answer: level(3, 'Decree 4/2026') } })
    expect(written.find('.required').exists()).toBe(true)
    expect(written.find('#x-evidence-error').exists()).toBe(false)
  })

  it('emits a confidence change, an evidence change and a clear', async () => {
    const wrapper = mountWithI18n(AssessmentAnswerDetails, { props: { id: 'x', indicator: a1, answer: level(3) } })
    await wrapper.get('input[value="document-backed"]').setValue(true)
    await wrapper.get('#x-evidence').setValue('Decree')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('change')).toEqual([[{ confidence: 'document-backed' }], [{ evidence: 'Decree' }], [null]])
  })

  it('offers no confidence for "don\'t know"', () => {
    const wrapper = mountWithI18n(AssessmentAnswerDetails, { props: { id: 'x', indicator: a1, answer: { kind: 'dont_know', evidence: '', updatedAt: T } } })
    expect(wrapper.find('fieldset').exists()).toBe(false)
  })
})

describe('AssessmentIndicator', () => {
  it('shows one card per level as "n · name" and emits the level chosen', async () => {
    const wrapper = mountWithI18n(AssessmentIndicator, { props: { indicator: a1, levels: mini.levels, answer: undefined, locale: 'fr' } })
    expect(wrapper.findAll('.level-head').slice(0, 6).map(h => h.text())).toEqual(['0 · Inexistant', '1 · Ponctuel', '2 · Émergent', '3 · Établi', '4 · Stratégique', '5 · Moteur'])
    await wrapper.get('input[value="level-4"]').setValue(true)
    await wrapper.get('input[value="dont_know"]').setValue(true)
    expect(wrapper.emitted('change')).toEqual([[{ kind: 'level', level: 4 }], [{ kind: 'dont_know' }]])
  })

  it('offers "not applicable" only where the indicator allows it', () => {
    const b3 = mini.indicators.find(i => i.allowNotApplicable)!
    expect(mountWithI18n(AssessmentIndicator, { props: { indicator: b3, levels: mini.levels, answer: undefined, locale: 'en' } }).find('input[value="not_applicable"]').exists()).toBe(true)
    expect(mountWithI18n(AssessmentIndicator, { props: { indicator: a1, levels: mini.levels, answer: undefined, locale: 'en' } }).find('input[value="not_applicable"]').exists()).toBe(false)
  })
})

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import RoadmapCustomForm from '@/components/roadmap/RoadmapCustomForm.vue'
import RoadmapItemCard from '@/components/roadmap/RoadmapItemCard.vue'
import RoadmapTargets from '@/components/roadmap/RoadmapTargets.vue'
import type { DimensionTarget, RoadmapItem } from '@/domain/roadmap'
import { loadMini, mountWithI18n } from './setup'

const mini = loadMini()

describe('RoadmapTargets', () => {
  const targets: DimensionTarget[] = [
    { dimensionId: 'alpha', stage: 1, score: 1.5, target: 2, adjusted: false },
    { dimensionId: 'beta', stage: null, score: null, target: 4, adjusted: true },
  ]

  it('shows each stage as "n · name", a dash for none, and offers every level as a target', () => {
    const wrapper = mountWithI18n(RoadmapTargets, { props: { targets, questionnaire: mini, locale: 'en' } })
    const rows = wrapper.findAll('tbody tr')
    expect(rows[0]!.findAll('td')[0]!.text()).toBe('1 · Ad hoc')
    expect(rows[1]!.findAll('td')[0]!.text()).toBe('—')
    expect(rows[0]!.findAll('option').map(o => o.text())).toEqual(['0 · Absent', '1 · Ad hoc', '2 · Emerging', '3 · Established', '4 · Strategic', '5 · Leading'])
  })

  it('emits the chosen target, and null to go back to the default', async () => {
    const wrapper = mountWithI18n(RoadmapTargets, { props: { targets, questionnaire: mini, locale: 'en' } })
    await wrapper.get('#target-alpha').setValue('4')
    expect(wrapper.emitted('change')).toEqual([['alpha', 4]])
    // Only an adjusted target offers the reset.
    const resets = wrapper.findAll('button')
    expect(resets).toHaveLength(1)
    await resets[0]!.trigger('click')
    expect(wrapper.emitted('change')![1]).toEqual(['beta', null])
  })
})

describe('RoadmapCustomForm', () => {
  it('refuses an empty title with a message tied to the field, and emits nothing', async () => {
    const wrapper = mountWithI18n(RoadmapCustomForm, { props: { questionnaire: mini, locale: 'en' } })
    await wrapper.get('#custom-title').setValue('   ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toBeUndefined()
    expect(wrapper.get('#custom-title').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#custom-title-error').text()).not.toBe('')
  })

  it('emits the action with the chosen dimension and horizon, then clears the fields', async () => {
    const wrapper = mountWithI18n(RoadmapCustomForm, { props: { questionnaire: mini, locale: 'en' } })
    await wrapper.get('#custom-title').setValue('Hold a retreat')
    await wrapper.get('#custom-description').setValue('Two days')
    await wrapper.get('#custom-dimension').setValue('beta')
    await wrapper.get('#custom-horizon').setValue('6-18m')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('add')).toEqual([[{ dimensionId: 'beta', title: 'Hold a retreat', description: 'Two days', horizon: '6-18m' }]])
    expect((wrapper.get('#custom-title').element as HTMLInputElement).value).toBe('')
  })
})

describe('RoadmapItemCard', () => {
  const text = {
    questionnaire: mini,
    locale: 'en',
    labels: { findOutTitle: 'Find out: {question}', findOutAsk: 'Ask: {owner}', adaptedFor: 'adapted for {name}', customAction: 'your own action', variants: { 'ldc': 'LDCs', 'sids': 'SIDS', 'small-service': 'small foreign services' } },
  }
  const item: RoadmapItem = {
    key: 'alpha-12', kind: 'library', dimensionId: 'alpha', reasons: ['target'], horizon: '6-18m', effort: 'low',
    action: { id: 'alpha-12', variant: null, steps: [{ from: 1, to: 2 }], title: { en: 'Move alpha from 1 to 2' }, description: { en: 'Do the alpha step 1→2.' }, owner: { en: 'Permanent Secretary' } },
    sources: ['R1'], priority: 2, depth: 0, owner: 'Policy unit', targetDate: '2027-03-31', deferredFrom: '0-6m',
  }

  it('keeps the date when the owner changes, and the owner when the date changes', async () => {
    const wrapper = mountWithI18n(RoadmapItemCard, { props: { item, questionnaire: mini, text } })
    expect(wrapper.get('h4').text()).toBe('Move alpha from 1 to 2')
    await wrapper.get('#item-alpha-12-owner').setValue('Legal adviser')
    await wrapper.get('#item-alpha-12-date').setValue('2027-06-30')
    expect(wrapper.emitted('details')).toEqual([['Legal adviser', '2027-03-31'], ['Policy unit', '2027-06-30']])
  })

  it('says when an item moved because its horizon was full, and drops or restores it', async () => {
    const wrapper = mountWithI18n(RoadmapItemCard, { props: { item, questionnaire: mini, text } })
    expect(wrapper.find('.badge-warning').text()).toContain('0–6 months')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('drop')).toHaveLength(1)
    const dropped = mountWithI18n(RoadmapItemCard, { props: { item, questionnaire: mini, text, dropped: true } })
    expect(dropped.find('input').exists()).toBe(false)
    await dropped.get('button').trigger('click')
    expect(dropped.emitted('restore')).toHaveLength(1)
  })
})

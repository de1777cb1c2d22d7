// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LiveDelegationChoice from '@/components/live/LiveDelegationChoice.vue'
import { mountWithI18n } from './setup'

const delegations = [
  { id: 'd-npl', country: 'NPL', ministry: 'Ministry of Foreign Affairs' },
  { id: 'd-btn', country: 'BTN', ministry: '' },
  { id: 'd-x', country: '', ministry: 'Regional secretariat' },
  { id: 'd-y', country: '', ministry: '' },
]

async function mounted(props: { modelValue: string | null, error?: string }) {
  const wrapper = mountWithI18n(LiveDelegationChoice, { props: { delegations, ...props } })
  await flushPromises()
  await new Promise(wake => setTimeout(wake, 50)) // the country names load lazily
  await flushPromises()
  return wrapper
}

describe('LiveDelegationChoice', () => {
  it('names each delegation by its country and ministry, whichever of them it has', async () => {
    const wrapper = await mounted({ modelValue: null })
    expect(wrapper.get('legend').text()).toBe('Your delegation (required)')
    expect(wrapper.findAll('label').map(label => label.text())).toEqual(['Nepal — Ministry of Foreign Affairs', 'Bhutan', 'Regional secretariat', 'Delegation 4'])
  })

  it('emits the id of the delegation chosen', async () => {
    const wrapper = await mounted({ modelValue: null })
    await wrapper.findAll('input[type="radio"]')[1]!.setValue(true)
    expect(wrapper.emitted('update:modelValue')).toEqual([['d-btn']])
  })

  it('ties the error to the group', async () => {
    const wrapper = await mounted({ modelValue: null, error: 'Choose your delegation to join this workshop.' })
    const group = wrapper.get('fieldset')
    expect(group.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${group.attributes('aria-describedby')}`).text()).toContain('Choose your delegation to join this workshop.')
  })
})

// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProfileCountryField from '@/components/profile/ProfileCountryField.vue'
import ProfileIdentityFields from '@/components/profile/ProfileIdentityFields.vue'
import WorkshopProfileFields from '@/components/workshop/WorkshopProfileFields.vue'
import { missionsNumber } from '@/composables/useProfileForm'
import { loadCountryGroups } from '@/data/countries'
import { emptyProfile, type Profile } from '@/domain/profile'
import { mountWithI18n } from './setup'

/** The delegation form, its model kept like a parent's `v-model` does; `current()` is the profile the parent holds. */
async function mountDelegationForm(showErrors = false) {
  let profile: Profile = emptyProfile('2026-11-29')
  const wrapper = mountWithI18n(WorkshopProfileFields, {
    props: {
      threshold: 30,
      showErrors,
      modelValue: profile,
      'onUpdate:modelValue': async (value: Profile) => {
        profile = value
        await wrapper.setProps({ modelValue: value })
      },
    },
  })
  await loadCountryGroups() // loaded on mount: once it is here, the form has it after the next flush
  await flushPromises()
  return { wrapper, current: () => profile }
}

describe('the missions count as typed', () => {
  it('is a whole number from 0 to 1000, spaces around it allowed', () => {
    expect(missionsNumber(' 0 ')).toBe(0)
    expect(missionsNumber('1000')).toBe(1000)
    expect(missionsNumber(12)).toBe(12)
  })

  it('is nothing for an empty, negative, decimal, larger or worded count', () => {
    expect(missionsNumber('')).toBeNull()
    expect(missionsNumber(undefined)).toBeNull()
    expect(missionsNumber('-1')).toBeNull()
    expect(missionsNumber('2.5')).toBeNull()
    expect(missionsNumber('1001')).toBeNull()
    expect(missionsNumber('twelve')).toBeNull()
  })
})

describe('a profile form', () => {
  it('pre-fills the UN group flags of the country chosen: Chad is an LDC and landlocked, Fiji a small island state', async () => {
    const { wrapper, current } = await mountDelegationForm()
    wrapper.findComponent(ProfileCountryField).vm.$emit('update:modelValue', 'TCD')
    await flushPromises()
    expect([current().ldc, current().lldc, current().sids]).toEqual([true, true, false])
    wrapper.findComponent(ProfileCountryField).vm.$emit('update:modelValue', 'FJI')
    await flushPromises()
    expect([current().ldc, current().lldc, current().sids]).toEqual([false, false, true])
  })

  it('keeps the typed missions count as a number, and none while it is not one', async () => {
    const { wrapper, current } = await mountDelegationForm()
    await wrapper.get('#missions').setValue('12')
    expect(current().missionsAbroad).toBe(12)
    await wrapper.get('#missions').setValue('a dozen')
    expect(current().missionsAbroad).toBeNull()
  })

  it('shows the errors, tied to their fields, only once asked to', async () => {
    const quiet = await mountDelegationForm(false)
    expect(quiet.wrapper.get('#ministry').attributes('aria-invalid')).toBe('false')
    const { wrapper } = await mountDelegationForm(true)
    expect(wrapper.get('#ministry').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#ministry').attributes('aria-describedby')).toBe('ministry-error')
    expect(wrapper.get('#ministry-error').text()).toContain('Enter the ministry.')
    await wrapper.get('#ministry').setValue('Ministry of Foreign Affairs')
    expect(wrapper.get('#ministry').attributes('aria-invalid')).toBe('false')
  })

  it('tells the page whether the profile passes, the missions count checked as typed ("abc" does not pass)', async () => {
    const { wrapper } = await mountDelegationForm()
    const valid = () => wrapper.emitted<[boolean]>('update:valid')?.at(-1)?.[0]
    expect(valid()).not.toBe(true) // no country, ministry or unit yet (the page starts from false)
    wrapper.findComponent(ProfileCountryField).vm.$emit('update:modelValue', 'NPL')
    await flushPromises()
    await wrapper.get('#ministry').setValue('Ministry of Foreign Affairs')
    await wrapper.get('#unit').setValue('Policy Planning')
    await flushPromises()
    expect(valid()).toBe(true)
    await wrapper.get('#missions').setValue('abc')
    await flushPromises()
    expect(valid()).toBe(false)
    await wrapper.get('#missions').setValue('12')
    await flushPromises()
    expect(valid()).toBe(true)
  })

  it('stops the ministry and unit of a delegation at 200 characters', async () => {
    const { wrapper } = await mountDelegationForm()
    expect(wrapper.get('#ministry').attributes('maxlength')).toBe('200')
    expect(wrapper.get('#unit').attributes('maxlength')).toBe('200')
  })
})

describe('the ministry, unit, date and missions fields', () => {
  it('pass the form library\'s listeners to their inputs, and put what the slot holds between the unit and the date', async () => {
    const blurred: string[] = []
    const wrapper = mountWithI18n(ProfileIdentityFields, {
      props: {
        ministry: '', unit: '', date: '', missions: '', errors: {}, dateLabel: 'Date', today: '2026-11-29',
        fieldAttrs: { unit: { onBlur: () => blurred.push('unit') } },
      },
      slots: { default: '<input id="role" />' },
    })
    await wrapper.get('#unit').trigger('blur')
    await wrapper.get('#ministry').trigger('blur')
    expect(blurred).toEqual(['unit'])
    expect(wrapper.findAll('input').map(i => i.attributes('id'))).toEqual(['ministry', 'unit', 'role', 'date', 'missions'])
    expect(wrapper.get('#date').attributes('max')).toBe('2026-11-29')
    expect(wrapper.get('#ministry').attributes('maxlength')).toBeUndefined()
  })
})

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ProfileCountryField from '@/components/profile/ProfileCountryField.vue'
import type { Country } from '@/data/countries'
import { mountWithI18n } from './setup'

const nepal: Country = { iso3: 'NPL', name: 'Nepal', aliases: [] }
const niger: Country = { iso3: 'NER', name: 'Niger', aliases: [] }
const nigeria: Country = { iso3: 'NGA', name: 'Nigeria', aliases: [] }

describe('ProfileCountryField', () => {
  it('typing a unique match chooses it', async () => {
    const wrapper = mountWithI18n(ProfileCountryField, { props: { countries: [nepal, niger, nigeria], modelValue: undefined } })
    await wrapper.get('#country-search').setValue('nep')
    expect(wrapper.emitted('update:modelValue')).toEqual([['NPL']])
  })

  it('two matches choose nothing', async () => {
    const wrapper = mountWithI18n(ProfileCountryField, { props: { countries: [nepal, niger, nigeria], modelValue: undefined } })
    await wrapper.get('#country-search').setValue('nige')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })

  it('a search typed before the country names have loaded is applied when they arrive', async () => {
    const wrapper = mountWithI18n(ProfileCountryField, { props: { countries: [], modelValue: undefined } })
    await wrapper.get('#country-search').setValue('Nepal')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    await wrapper.setProps({ countries: [nepal, niger, nigeria] })
    await nextTick()
    expect(wrapper.emitted('update:modelValue')).toEqual([['NPL']])
  })
})

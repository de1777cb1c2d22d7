import { useI18n } from 'vue-i18n'
import { useCountries } from '@/composables/useCountryName'
import { countryName } from '@/domain/labels'
import type { Profile } from '@/domain/profile'

/** How a delegation is named on screen: "Country — ministry", or the ministry alone, or "Delegation n" while both are empty. */
export function useDelegationName() {
  const { t, locale } = useI18n()
  const countries = useCountries(locale)
  return (profile: Profile, index: number): string => {
    const country = profile.country ? countryName(profile.country, countries.value) : ''
    const ministry = profile.ministry.trim()
    if (country && ministry) return `${country} — ${ministry}`
    return country || ministry || t('workshop.delegation.unnamed', { n: index + 1 })
  }
}

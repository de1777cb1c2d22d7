import { computed, onMounted, ref, watch } from 'vue'
import { loadCountryGroups } from '@/data/countries'
import { countryGroupFlags, countryGroupsAsOf, type CountryGroups, type GroupFlags, type GroupNote } from '@/domain/country-groups'
import { isSmallService } from '@/domain/profile'

/** The number of missions as typed, while the form is being filled in: a whole number up to 1000, else `null` (the form says why). */
export function missionsNumber(value: unknown): number | null {
  const text = String(value ?? '').trim()
  return /^\d+$/.test(text) && Number(text) <= 1000 ? Number(text) : null
}

/** What a profile form reads of the values being entered. */
export interface ProfileFormFields {
  country: () => string | undefined
  date: () => string | undefined
  /** The missions count as typed. */
  missions: () => unknown
  threshold: () => number
  /** Sets the UN group flags of a country just chosen; the user can still change them afterwards. */
  setFlags: (flags: Pick<GroupFlags, 'ldc' | 'lldc' | 'sids'>) => void
}

/**
 * What the profile forms (an assessment's, a workshop delegation's) share: the UN country groups, read on the profile
 * date (or today while that date is missing or not valid yet), pre-filling the flags when a country is chosen; and
 * whether the missions count makes a small foreign service.
 */
export function useProfileForm(fields: ProfileFormFields, today: string) {
  const groups = ref<CountryGroups | null>(null)
  onMounted(async () => { groups.value = await loadCountryGroups() })
  const onDate = computed(() => {
    const date = fields.date() ?? ''
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= today ? date : today
  })
  const notes = computed<GroupNote[]>(() => {
    const country = fields.country()
    return groups.value && country ? countryGroupFlags(groups.value, country, onDate.value).notes : []
  })
  watch(fields.country, (iso3, previous) => {
    if (!groups.value || !iso3 || iso3 === previous || previous === undefined) return
    const { ldc, lldc, sids } = countryGroupFlags(groups.value, iso3, onDate.value)
    fields.setFlags({ ldc, lldc, sids })
  })
  const asOf = computed(() => (groups.value ? countryGroupsAsOf(groups.value) : ''))
  const derivedSmall = computed(() => isSmallService({ missionsAbroad: missionsNumber(fields.missions()), smallServiceOverride: null }, fields.threshold()))
  return { notes, asOf, derivedSmall }
}

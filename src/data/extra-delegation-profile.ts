import { countryGroupFlags } from '@/domain/country-groups'
import { emptyProfile, type Profile } from '@/domain/profile'
import { loadCountryGroups } from './countries'

/**
 * The profile of a delegation added to a workshop by its country and ministry only (the rest is filled in later):
 * the first delegation's date, and the UN groups (LDC, LLDC, SIDS) the country belongs to on that date.
 */
export async function extraDelegationProfile(row: { country: string, ministry: string }, date: string): Promise<Profile> {
  const groups = row.country ? await loadCountryGroups() : undefined
  const flags = groups ? countryGroupFlags(groups, row.country, date) : { ldc: false, lldc: false, sids: false }
  return { ...emptyProfile(date), country: row.country, ministry: row.ministry.trim(), ldc: flags.ldc, lldc: flags.lldc, sids: flags.sids }
}

import countries, { type LocaleData } from 'i18n-iso-countries'
import type { CountryGroups } from '@/domain/country-groups'
import { countryGroupsSchema } from '@/domain/country-groups'
import { countryNameList, type Country } from './country-names'

export type { Country } from './country-names'

const nameLoaders: Record<string, () => Promise<LocaleData>> = {
  en: () => import('i18n-iso-countries/langs/en.json').then(m => m.default as LocaleData),
  fr: () => import('i18n-iso-countries/langs/fr.json').then(m => m.default as LocaleData),
  es: () => import('i18n-iso-countries/langs/es.json').then(m => m.default as LocaleData),
  pt: () => import('i18n-iso-countries/langs/pt.json').then(m => m.default as LocaleData),
  ar: () => import('i18n-iso-countries/langs/ar.json').then(m => m.default as LocaleData),
}

const cache = new Map<string, Promise<Country[]>>()

/** Every ISO 3166-1 country, named in `locale` (English when that language has no list), sorted for that language. */
export function loadCountries(locale: string): Promise<Country[]> {
  const lang = nameLoaders[locale] ? locale : 'en'
  let list = cache.get(lang)
  if (!list) {
    list = nameLoaders[lang]!().then((data) => {
      countries.registerLocale(data)
      return countryNameList(data.countries, countries.getAlpha3Codes(), lang)
    })
    cache.set(lang, list)
  }
  return list
}

let groups: Promise<CountryGroups> | undefined

/** The bundled UN lists of LDCs, LLDCs and SIDS (where they come from and how to update them: reference/README.md). */
export function loadCountryGroups(): Promise<CountryGroups> {
  groups ??= import('./reference/un-country-groups.json').then(m => countryGroupsSchema.parse(m.default))
  return groups
}

/** A country or territory of ISO 3166-1, named in the user's language, with the other names it goes by (for search). */
export interface Country {
  iso3: string
  name: string
  aliases: string[]
}

/**
 * The common short name where the name list's first entry is a formal one ("Islamic Republic of Iran",
 * "République unie de Tanzanie"), so each country sorts where a reader looks for it.
 */
const SHORT_NAMES: Record<string, Record<string, string>> = {
  en: {
    CN: 'China', CG: 'Congo', CI: 'Côte d\'Ivoire', CZ: 'Czechia', GM: 'Gambia', IR: 'Iran', FM: 'Micronesia', MD: 'Moldova',
    MK: 'North Macedonia', PS: 'Palestine', RU: 'Russia', TW: 'Taiwan', TZ: 'Tanzania', US: 'United States', VA: 'Holy See',
    VG: 'British Virgin Islands', VI: 'United States Virgin Islands', LA: 'Laos', FK: 'Falkland Islands', CC: 'Cocos (Keeling) Islands',
  },
  fr: {
    CF: 'République centrafricaine', CG: 'Congo', CZ: 'Tchéquie', DO: 'République dominicaine', TZ: 'Tanzanie', US: 'États-Unis',
    VA: 'Saint-Siège', VG: 'Îles Vierges britanniques',
  },
}

/**
 * Every country of a name list (ISO alpha-2 → name or names) under its common short name, sorted for the language
 * with its collation rules (accents and case as a reader of that language expects: "Îles Salomon" among the I's).
 */
export function countryNameList(names: Readonly<Record<string, string | readonly string[]>>, alpha3ToAlpha2: Readonly<Record<string, string>>, lang: string): Country[] {
  const short = SHORT_NAMES[lang] ?? {}
  const collator = new Intl.Collator(lang, { sensitivity: 'base', ignorePunctuation: true })
  return Object.entries(alpha3ToAlpha2)
    .map(([iso3, alpha2]) => {
      const raw = names[alpha2]
      const all = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw]
      const name = short[alpha2] ?? all[0] ?? iso3
      return { iso3, name, aliases: all.filter(n => n !== name) }
    })
    .sort((a, b) => collator.compare(a.name, b.name))
}

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
  // United Nations short names where the list has a formal or a regional form ("Congo (República Democrática del)").
  es: {
    CD: 'República Democrática del Congo', CZ: 'Chequia', GW: 'Guinea-Bissau', KE: 'Kenya', LA: 'República Democrática Popular Lao',
    RW: 'Rwanda',
  },
  // The Portuguese list swaps the two Congos (CG is Brazzaville, CD is Kinshasa).
  pt: {
    CG: 'Congo', CD: 'República Democrática do Congo', MM: 'Mianmar', PS: 'Palestina',
  },
}

/**
 * Every country of a name list (ISO alpha-2 → name or names) under its common short name, sorted for the language
 * with its collation rules (accents and case as a reader of that language expects: "Îles Salomon" among the I's).
 */
export function countryNameList(names: Readonly<Record<string, string | readonly string[]>>, alpha3ToAlpha2: Readonly<Record<string, string>>, lang: string): Country[] {
  const short = SHORT_NAMES[lang] ?? {}
  const collator = new Intl.Collator(lang, { sensitivity: 'base', ignorePunctuation: true })
  const listed = Object.entries(alpha3ToAlpha2).map(([iso3, alpha2]) => {
    const raw = names[alpha2]
    const all = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw]
    return { iso3, name: short[alpha2] ?? all[0] ?? iso3, all }
  })
  // A name that is another country's name is never kept as an alias, so a search for it finds that country only.
  const shown = new Set(listed.map(c => c.name))
  return listed
    .map(({ iso3, name, all }) => ({ iso3, name, aliases: all.filter(n => n !== name && !shown.has(n)) }))
    .sort((a, b) => collator.compare(a.name, b.name))
}

import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import { describe, expect, it } from 'vitest'
import { countryNameList } from '@/data/country-names'

const require = createRequire(import.meta.url)
const list = (lang: string) => countryNameList((require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> }).countries, countries.getAlpha3Codes(), lang)
const names = (lang: string) => list(lang).map(c => c.name)
const between = (all: string[], before: string, name: string, after: string) => all.indexOf(before) < all.indexOf(name) && all.indexOf(name) < all.indexOf(after)

describe('country list in English', () => {
  const en = names('en')
  it('uses common short names, not formal ones', () => {
    for (const name of ['China', 'Iran', 'Tanzania', 'United States', 'Congo', 'Democratic Republic of the Congo', 'Gambia', 'Moldova', 'Côte d\'Ivoire', 'Laos']) expect(en, name).toContain(name)
    for (const formal of ['People\'s Republic of China', 'Islamic Republic of Iran', 'United Republic of Tanzania', 'United States of America', 'Republic of The Gambia']) expect(en).not.toContain(formal)
  })
  it('sorts each where a reader looks for it', () => {
    expect(between(en, 'Chile', 'China', 'Christmas Island')).toBe(true)
    expect(between(en, 'Indonesia', 'Iran', 'Iraq')).toBe(true)
    expect(between(en, 'Tajikistan', 'Tanzania', 'Thailand')).toBe(true)
    expect(between(en, 'United Kingdom', 'United States', 'Uruguay')).toBe(true)
    expect(between(en, 'Costa Rica', 'Côte d\'Ivoire', 'Croatia')).toBe(true)
  })
  it('keeps the other names for search', () => {
    expect(list('en').find(c => c.iso3 === 'CIV')!.aliases).toContain('Ivory Coast')
    expect(list('en').find(c => c.iso3 === 'USA')!.aliases).toContain('United States of America')
  })
  it('lists every ISO 3166-1 code once', () => {
    const codes = list('en').map(c => c.iso3)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.length).toBe(Object.keys(countries.getAlpha3Codes()).length)
  })
})

describe('country list in French', () => {
  const fr = names('fr')
  it('sorts accented names with the unaccented letter (French collation)', () => {
    expect(between(fr, 'Île Norfolk', 'Îles Salomon', 'Inde')).toBe(true)
    expect(between(fr, 'Estonie', 'États-Unis', 'Éthiopie')).toBe(true)
    expect(between(fr, 'Taïwan', 'Tanzanie', 'Tchad')).toBe(true)
    expect(fr).toContain('République centrafricaine')
  })
})

describe('country lists in Spanish and Portuguese', () => {
  it('use the United Nations short names an official looks for', () => {
    const es = names('es')
    for (const name of ['República Democrática del Congo', 'Congo', 'Chequia', 'Guinea-Bissau', 'Kenya', 'Rwanda', 'República Democrática Popular Lao']) expect(es, name).toContain(name)
    for (const formal of ['Congo (República Democrática del)', 'Guinea Bissau', 'República Democrática Popular de Lao']) expect(es).not.toContain(formal)
  })
  it('keep the other spelling for search (Kenia finds Kenya)', () => {
    expect(list('es').find(c => c.iso3 === 'KEN')!.aliases).toContain('Kenia')
  })
  it('name each Congo correctly in Portuguese, although the source list swaps them', () => {
    const pt = list('pt')
    expect(pt.find(c => c.iso3 === 'COG')!.name).toBe('Congo')
    expect(pt.find(c => c.iso3 === 'COD')!.name).toBe('República Democrática do Congo')
  })
  it('never keep another country\'s name as an alias, so a search finds the right country only', () => {
    const pt = list('pt')
    expect(pt.find(c => c.iso3 === 'COG')!.aliases).not.toContain('República Democrática do Congo')
    expect(pt.filter(c => [c.name, ...c.aliases].includes('República Democrática do Congo')).map(c => c.iso3)).toEqual(['COD'])
  })
})

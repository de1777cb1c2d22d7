import { describe, expect, it } from 'vitest'
import { countryName, levelName, levelText, stageText, withEnglishFallback } from '@/domain/labels'

const scale = {
  levels: [
    { level: 0, label: { en: 'Absent', fr: 'Inexistant' }, descriptor: { en: '' } },
    { level: 1, label: { en: 'Ad hoc', fr: '' }, descriptor: { en: '' } },
    { level: 2, label: { en: 'Emerging', fr: 'Émergent' }, descriptor: { en: '' } },
  ],
}

describe('level and stage texts', () => {
  it('writes a level as "n · name" in the language asked, English when the translation is empty', () => {
    expect(levelText(scale, 2, 'fr')).toBe('2 · Émergent')
    expect(levelText(scale, 1, 'fr')).toBe('1 · Ad hoc')
    expect(levelText(scale, 0, 'en')).toBe('0 · Absent')
    expect(levelName(scale, 2, 'fr')).toBe('Émergent')
  })

  it('writes just the number for a level the scale does not name', () => {
    expect(levelText(scale, 7, 'en')).toBe('7')
    expect(levelName(scale, 7, 'en')).toBe('')
  })

  it('writes a missing stage with the word given, a dash by default', () => {
    expect(stageText(scale, null, 'en')).toBe('—')
    expect(stageText(scale, null, 'fr', 'aucun stade')).toBe('aucun stade')
    expect(stageText(scale, 0, 'fr')).toBe('0 · Inexistant')
  })
})

describe('country names', () => {
  const fr = [{ iso3: 'CIV', name: 'Côte d’Ivoire' }]
  const en = [{ iso3: 'CIV', name: 'Côte d\'Ivoire' }, { iso3: 'GHA', name: 'Ghana' }]

  it('takes the first list that names the country, then falls back to the code', () => {
    expect(countryName('CIV', fr, en)).toBe('Côte d’Ivoire')
    expect(countryName('GHA', fr, en)).toBe('Ghana')
    expect(countryName('XKX', fr, en)).toBe('XKX')
  })

  it('is empty when no country is set', () => {
    expect(countryName('', fr, en)).toBe('')
  })
})

describe('English fallback for labels', () => {
  const english = { title: 'Report', page: 'Page {page}', report: { none: 'none', caveats: ['One', 'Two'], horizon: { '0-6m': '0–6 months', 'later': 'Later' } } }

  it('fills missing and empty strings from English at any depth, and keeps what is translated', () => {
    const merged = withEnglishFallback(english, { title: 'Rapport', page: '', report: { horizon: { '0-6m': '0–6 mois' } } })
    expect(merged).toEqual({ title: 'Rapport', page: 'Page {page}', report: { none: 'none', caveats: ['One', 'Two'], horizon: { '0-6m': '0–6 mois', 'later': 'Later' } } })
  })

  it('takes a translated list whole, and English alone when there is no translation', () => {
    expect(withEnglishFallback(english, { report: { caveats: ['Un'] } }).report.caveats).toEqual(['Un'])
    expect(withEnglishFallback(english, undefined)).toBe(english)
  })

  it('leaves the English words untouched', () => {
    withEnglishFallback(english, { title: 'Rapport', report: { none: 'aucun' } })
    expect(english.title).toBe('Report')
    expect(english.report.none).toBe('none')
  })

  it('keeps the English word for a key the translation leaves undefined', () => {
    expect(withEnglishFallback(english, { title: undefined, report: { none: undefined } })).toEqual(english)
  })
})

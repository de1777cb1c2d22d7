import { describe, expect, it } from 'vitest'
import { localize } from '@/domain/questionnaire'

describe('localize with a locale read from storage', () => {
  const text = { en: 'Mandate', fr: 'Mandat', 'pt-BR': 'Mandato' }

  it('uses the exact locale, then its base language, then English', () => {
    expect(localize(text, 'fr')).toBe('Mandat')
    expect(localize(text, 'pt-BR')).toBe('Mandato')
    expect(localize(text, 'fr-CA')).toBe('Mandat')
    expect(localize(text, 'de')).toBe('Mandate')
  })

  it('never reaches Object.prototype: "toString", "constructor" or "__proto__" fall back to English', () => {
    for (const locale of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty-x']) expect(localize(text, locale)).toBe('Mandate')
  })

  it('skips an empty translation', () => {
    expect(localize({ en: 'Mandate', fr: '  ' }, 'fr')).toBe('Mandate')
    expect(localize({ en: 'Mandate', fr: '' }, 'fr-CA')).toBe('Mandate')
  })
})

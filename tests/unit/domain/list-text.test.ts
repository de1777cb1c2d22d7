import { describe, expect, it } from 'vitest'
import { clauseSeparator, isolate, isRightToLeft, listCodes, listNames, listSeparator, listWords } from '@/domain/list-text'

const FSI = '\u2068'
const PDI = '\u2069'

describe('isRightToLeft', () => {
  it('is true for Arabic, with or without a region, and other right-to-left languages', () => {
    expect(isRightToLeft('ar')).toBe(true)
    expect(isRightToLeft('ar-EG')).toBe(true)
    expect(isRightToLeft('AR')).toBe(true)
    expect(isRightToLeft('he')).toBe(true)
    expect(isRightToLeft('ur_PK')).toBe(true)
  })

  it('is false for left-to-right languages, including codes that only start like one', () => {
    for (const locale of ['en', 'fr', 'es', 'pt', 'arn', 'heb-x', '']) expect(isRightToLeft(locale)).toBe(false)
  })
})

describe('listCodes', () => {
  it('joins indicator ids with ", " in English, French, Spanish and Portuguese', () => {
    for (const locale of ['en', 'fr', 'es', 'pt']) expect(listCodes(['I2.2', 'I2.3'], locale)).toBe('I2.2, I2.3')
  })

  it('joins them with the Arabic comma in Arabic, each id isolated as a left-to-right run', () => {
    expect(listCodes(['I2.2', 'I2.3', 'I2.4'], 'ar')).toBe(`${FSI}I2.2${PDI}، ${FSI}I2.3${PDI}، ${FSI}I2.4${PDI}`)
  })

  it('lists numbers too, and gives nothing for an empty list', () => {
    expect(listCodes([0, 1, 1, 2], 'en')).toBe('0, 1, 1, 2')
    expect(listCodes([0, 2], 'ar')).toBe(`${FSI}0${PDI}، ${FSI}2${PDI}`)
    expect(listCodes([], 'ar')).toBe('')
    expect(listCodes(['I1.1'], 'ar')).toBe(`${FSI}I1.1${PDI}`)
  })
})

describe('listWords', () => {
  it('lists words as each language does', () => {
    expect(listWords(['Mandate', 'Strategy', 'People'], 'en')).toBe('Mandate, Strategy, and People')
    expect(listWords(['Mandat', 'Stratégie', 'Personnel'], 'fr')).toBe('Mandat, Stratégie et Personnel')
    expect(listWords(['a', 'b', 'c'], 'es')).toBe('a, b y c')
    expect(listWords(['a', 'b', 'c'], 'pt')).toBe('a, b e c')
    expect(listWords(['a', 'b', 'c'], 'en', 'unit')).toBe('a, b, c')
  })

  it('in Arabic joins with "و", each item isolated', () => {
    expect(listWords(['الولاية', 'الاستراتيجية'], 'ar')).toBe(`${FSI}الولاية${PDI} و${FSI}الاستراتيجية${PDI}`)
    expect(listWords(['أ', 'ب', 'ج'], 'ar', 'unit')).toBe(`${FSI}أ${PDI}، و${FSI}ب${PDI}، و${FSI}ج${PDI}`)
  })

  it('gives nothing for an empty list and the item for one', () => {
    expect(listWords([], 'en')).toBe('')
    expect(listWords(['Ana Costa'], 'ar')).toBe(`${FSI}Ana Costa${PDI}`)
  })
})

describe('isolate and listSeparator', () => {
  it('isolate leaves left-to-right text unchanged', () => {
    expect(isolate('I2.2', 'fr')).toBe('I2.2')
    expect(isolate('I2.2', 'ar')).toBe(`${FSI}I2.2${PDI}`)
  })

  it('the separator is the Arabic comma only in a right-to-left language', () => {
    expect(listSeparator('ar')).toBe('، ')
    expect(listSeparator('en')).toBe(', ')
  })
})

describe('clauseSeparator', () => {
  it('is "; " in English, Spanish and Portuguese', () => {
    for (const locale of ['en', 'es', 'pt', 'pt-BR']) expect(clauseSeparator(locale)).toBe('; ')
  })

  it('has a no-break space before the semicolon in French, regional French included', () => {
    expect(clauseSeparator('fr')).toBe('\u00a0; ')
    expect(clauseSeparator('fr-CA')).toBe('\u00a0; ')
    expect(clauseSeparator('fra')).toBe('; ')
  })

  it('is the Arabic semicolon in Arabic', () => {
    expect(clauseSeparator('ar')).toBe('؛ ')
  })
})

describe('listNames: names in a plain-text field (a document\'s author)', () => {
  it('joins a ministry and its unit with ", " in English and the Arabic comma in Arabic, with no direction marks', () => {
    expect(listNames(['Ministry of Foreign Affairs', 'Digital Unit'], 'en')).toBe('Ministry of Foreign Affairs, Digital Unit')
    expect(listNames(['وزارة الخارجية', 'وحدة التكنولوجيا'], 'ar')).toBe('وزارة الخارجية، وحدة التكنولوجيا')
  })

  it('leaves out blank names, so one name has no separator and none gives an empty text', () => {
    expect(listNames(['Ministère des affaires étrangères', '  '], 'fr')).toBe('Ministère des affaires étrangères')
    expect(listNames(['', 'وحدة'], 'ar')).toBe('وحدة')
    expect(listNames(['', ''], 'en')).toBe('')
  })
})

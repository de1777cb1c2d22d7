import { describe, expect, it } from 'vitest'
import { nodeTranslator, problemLine } from '@/cli/messages-node'
import { problem } from '@/domain/problem'
import { describeProblem } from '@/i18n/problems'

const FSI = '\u2068'
const PDI = '\u2069'
const describeIn = (locale: string, item: ReturnType<typeof problem>) => describeProblem(item, nodeTranslator(locale), locale)

/** The refusal of an answers file whose questionnaire version is missing, as the domain reports it: the list stays a list. */
const unavailable = (available: string[]) => problem('answers.questionnaireUnavailable', 'questionnaire', { id: 'mini', version: '9.9.9', available })

describe('a list inside a problem is joined in the reader\'s language', () => {
  it('English, French, Spanish and Portuguese join the available questionnaires with ", "', () => {
    const item = unavailable(['mini 1.0.0', 'tech-diplomacy 1.1.0'])
    expect(describeIn('en', item)).toBe('These answers were made with the questionnaire “mini” version 9.9.9, which is not available here (available: mini 1.0.0, tech-diplomacy 1.1.0). Open that questionnaire file first, then import again.')
    expect(describeIn('fr', item)).toContain('(disponibles : mini 1.0.0, tech-diplomacy 1.1.0)')
    expect(describeIn('es', item)).toContain('(disponibles: mini 1.0.0, tech-diplomacy 1.1.0)')
    expect(describeIn('pt', item)).toContain('(disponíveis: mini 1.0.0, tech-diplomacy 1.1.0)')
  })

  it('Arabic joins them with the Arabic comma, each name and version kept as one left-to-right run', () => {
    expect(describeIn('ar', unavailable(['mini 1.0.0', 'tech-diplomacy 1.1.0']))).toBe(
      `أُعدّت هذه الإجابات بالاستبيان «mini» الإصدار 9.9.9، وهو غير متاح هنا (المتاح: ${FSI}mini 1.0.0${PDI}، ${FSI}tech-diplomacy 1.1.0${PDI}). افتحوا ملف ذلك الاستبيان أولا، ثم أعيدوا الاستيراد.`,
    )
  })

  it('an empty list reads as a dash in every language', () => {
    expect(describeIn('en', unavailable([]))).toContain('(available: —)')
    expect(describeIn('ar', unavailable([]))).toContain('(المتاح: —)')
  })

  it('a single item is written alone, with no separator', () => {
    expect(describeIn('en', unavailable(['mini 1.0.0']))).toContain('(available: mini 1.0.0)')
    expect(describeIn('ar', unavailable(['mini 1.0.0']))).toContain(`(المتاح: ${FSI}mini 1.0.0${PDI})`)
  })

  it('unknown field names, quoted and cut with "…", follow the same rule', () => {
    const item = problem('value.unknownFields', 'assessment', { fields: ['"a"', '"b"', '…'], count: 9 })
    expect(describeIn('en', item)).toBe('Unknown field name(s): "a", "b", ….')
    expect(describeIn('ar', item)).toBe(`اسم حقل (أو أسماء حقول) غير معروف: ${FSI}"a"${PDI}، ${FSI}"b"${PDI}، ${FSI}…${PDI}.`)
  })
})

describe('the command line', () => {
  it('writes a problem line in the language it was asked for, the list joined in that language', () => {
    const item = unavailable(['mini 1.0.0', 'tech-diplomacy 1.1.0'])
    expect(problemLine('a.tda.json', item, nodeTranslator('en'))).toBe('a.tda.json › questionnaire: These answers were made with the questionnaire “mini” version 9.9.9, which is not available here (available: mini 1.0.0, tech-diplomacy 1.1.0). Open that questionnaire file first, then import again.')
    expect(problemLine('a.tda.json', item, nodeTranslator('ar'))).toContain(`(المتاح: ${FSI}mini 1.0.0${PDI}، ${FSI}tech-diplomacy 1.1.0${PDI})`)
  })

  it('a translator knows its language: the one asked for, or English for one the interface does not have', () => {
    expect(nodeTranslator('ar').locale).toBe('ar')
    expect(nodeTranslator('de').locale).toBe('en')
  })
})

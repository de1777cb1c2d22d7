import { describe, expect, it } from 'vitest'
import { createAssessment } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { createContext, type ReportInput } from '@/report/context'

function context(locale: string) {
  const assessment = createAssessment({ id: 'a', questionnaireKey: 'q@1', questionnaire: { id: 'q', version: '1' }, locale, profile: emptyProfile('2026-11-20'), now: '2026-11-20T10:00:00.000Z' })
  const input = { assessment, questionnaire: { levels: [] } as unknown as Questionnaire } as unknown as ReportInput
  return createContext(input)
}

describe('report formatting of stored values', () => {
  it('prints a real date in the report language', () => {
    expect(context('en').date('2026-11-20')).toBe('November 20, 2026')
    expect(context('fr').date('2026-11-20')).toBe('20 novembre 2026')
  })

  it('prints "—" for a date that is not a real one instead of failing the PDF', () => {
    const c = context('en')
    for (const bad of ['2026-13-45', 'abcdefghij', '2026-1-1', '2026-02-30']) expect(c.date(bad)).toBe('—')
  })

  it('formats with English rules when the stored locale is not a language tag, and keeps a clean /Lang', () => {
    for (const bad of ['en_US', '<script>', '../../package']) {
      const c = context(bad)
      expect(c.languageTag).toBe('en')
      expect(c.date('2026-11-20')).toBe('November 20, 2026')
      expect(c.number(2.25, 1)).toBe('2.3')
      expect(c.percent(0.5)).toBe('50%')
    }
  })
})

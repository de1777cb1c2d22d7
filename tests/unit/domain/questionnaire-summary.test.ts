import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuestionnaireText } from '@/domain/check'
import { summarizeQuestionnaire } from '@/domain/questionnaire-summary'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini = checked.questionnaire

describe('questionnaire summary (the home page index)', () => {
  it('keeps the identity, title, languages and counts of the mini fixture (2 dimensions, 6 indicators, 10 actions)', () => {
    const summary = summarizeQuestionnaire(mini)
    expect(summary.id).toBe('mini')
    expect(summary.version).toBe('1.0.0')
    expect(summary.title).toEqual({ en: 'Mini test questionnaire', fr: 'Mini-questionnaire de test' })
    expect(summary.locales).toEqual(['en', 'fr'])
    expect(summary.dimensionCount).toBe(2)
    expect(summary.actionCount).toBe(10)
  })

  it('keeps of each indicator only its id and evidence threshold, in questionnaire order', () => {
    expect(summarizeQuestionnaire(mini).indicators).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map(id => ({ id, evidenceRequiredFrom: 3 })))
  })

  it('is much smaller than the shipped questionnaire it summarizes', () => {
    const text = readFileSync(new URL('../../../questionnaires/tech-diplomacy.json', import.meta.url), 'utf8')
    const full = checkQuestionnaireText(text)
    if (!full.ok) throw new Error('shipped questionnaire invalid')
    expect(JSON.stringify(summarizeQuestionnaire(full.questionnaire)).length).toBeLessThan(text.length / 20)
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuestionnaireText } from '@/domain/check'

const checked = checkQuestionnaireText(readFileSync('questionnaires/tech-diplomacy.json', 'utf8'))
if (!checked.ok) throw new Error('questionnaire invalid')
const { archetypes } = checked.questionnaire

describe('illustrative profiles of the shipped questionnaire', () => {
  it.each(['en', 'fr'])('are named by what they describe in %s, with no lettering a reader would look for gaps in (A, C, E, F…)', (lang) => {
    expect(archetypes.length).toBeGreaterThan(2)
    const titles = archetypes.map(a => (a.title as Record<string, string>)[lang]!)
    for (const title of titles) expect(title, title).not.toMatch(/\b(profile|profil illustratif)\s+[A-Z]\b/i)
    expect(new Set(titles).size).toBe(titles.length)
  })
})

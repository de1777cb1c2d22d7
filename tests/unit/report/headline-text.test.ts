import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { explainHeadline } from '@/domain/headline'
import { fillTemplate } from '@/domain/template'
import type { Questionnaire } from '@/domain/questionnaire'
import { scoreAssessment } from '@/domain/scoring'
import { headlineText, type HeadlineTranslate } from '@/report/headline-text'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
// Read as plain JSON: an imported module object may be shared with (and compiled in place by) vue-i18n in other tests.
const messages = (lang: string) => (JSON.parse(readFileSync(new URL(`../../../src/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as { report: { headline: Record<string, unknown> } }).report.headline
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Note', updatedAt: T })

function translator(messages: Record<string, unknown>): HeadlineTranslate {
  return (key, params) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages)
    if (typeof text !== 'string') throw new Error(`missing ${key}`)
    return fillTemplate(text, params ?? {})
  }
}
const words = (answers: Answers, locale: 'en' | 'fr' = 'en') => headlineText(
  { questionnaire: mini, locale, tr: translator(messages(locale)) },
  explainHeadline(mini, scoreAssessment(mini, answers)),
)

describe('the headline in words', () => {
  it('names the held dimensions, the cap with its rule, and the path, in English', () => {
    // alpha 0 (a1 holds it), beta 4 → median 2, capped at alpha 0 + 1 = 1
    const h = words({ a1: L(0), a2: L(1), a3: L(1), b1: L(4), b2: L(4), b3: L(4) })
    expect(h.stage).toBe('1 · Ad hoc')
    expect(h.facts[0]).toEqual({ text: '1 of 2 dimensions has not passed stage 2:', items: ['Alpha mandate: stage 0, held down by a1'] })
    expect(h.facts[1]!.text).toBe('The median, 2, is capped at 1 because Alpha mandate is at stage 0. Overall stage ≤ Alpha stage + 1.')
    // a1 0 → 1: alpha 1, median (1 + 4) / 2 = 2, cap 1 + 1 = 2 → overall 2 with one change
    expect(h.pathIntro).toBe('Raise this indicator to reach stage 2 · Emerging:')
    expect(h.pathItems[0]).toMatch(/^a1, from level 0 to level 1: /)
  })

  it('says plainly that there is no strength, and adds no caveat when no answer is above the stage', () => {
    const h = words({ a1: L(1), a2: L(1), a3: L(1), b1: L(1), b2: L(1), b3: L(1) })
    expect(h.strengths).toEqual([])
    expect(h.noStrengths).toBe('None: no answer is above its dimension\'s stage yet.')
    expect(h.meaningCaveat).toBeNull()
    expect(h.meaningLabel).toBe('What stage 1 · Ad hoc means in general')
  })

  it('labels the general description as such when answers contradict it, with French plurals', () => {
    // alpha 2 (a2 = 2, a1 and a3 above), beta 0 → median 1 → overall 1; answers above 1: a1, a3 (and a2 at 2).
    const h = words({ a1: L(3), a2: L(2), a3: L(3), b1: L(0), b2: L(0), b3: L(0) }, 'fr')
    expect(h.meaningCaveat).toBe('Il s\'agit de la description générale du stade, non d\'un constat sur votre ministère : 3 de vos réponses se situent au-dessus de ce stade.')
    expect(h.strengths).toHaveLength(2)
    expect(h.strengths[0]).toMatch(/^a1, niveau 3, au-dessus du stade 2 de sa dimension : /)
  })

  it('says when the top stage is reached', () => {
    const h = words(Object.fromEntries(mini.indicators.map(i => [i.id, L(5)])))
    expect(h.pathIntro).toBe('This is the top stage: there is no higher stage to reach.')
    expect(h.pathItems).toEqual([])
  })
})

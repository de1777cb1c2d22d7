import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateHandbooks, handbookPath } from '@/cli/handbook'
import { checkQuestionnaireText } from '@/domain/check'
import { indicatorsOf, VARIANT_KEYS, type Questionnaire } from '@/domain/questionnaire'

function load(): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(new URL('../../questionnaires/tech-diplomacy.json', import.meta.url), 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.questionnaire
}

const q = load()
const LOCALES = ['en', 'fr', 'es', 'pt', 'ar'] as const

describe('the tech diplomacy questionnaire: minimum content', () => {
  it('has the 8 dimensions of the maturity model', () => {
    expect(q.dimensions.map(d => d.id)).toEqual(['mandate', 'strategy', 'people', 'coordination', 'engagement', 'multilateral', 'investment', 'resources'])
  })

  it.each(q.dimensions.map(d => d.id))('dimension %s has at least 4 indicators', (id) => {
    expect(indicatorsOf(q, id).length).toBeGreaterThanOrEqual(4)
  })

  it('has at least 32 indicators with stable ids I<d>.<n>', () => {
    expect(q.indicators.length).toBeGreaterThanOrEqual(32)
    for (const indicator of q.indicators) expect(indicator.id).toMatch(/^I[1-8]\.\d+$/)
  })

  it.each(q.dimensions.flatMap(d => [0, 1, 2, 3, 4].map(from => [d.id, from] as const)))('dimension %s has at least 2 actions for the step from level %i', (id, from) => {
    const actions = q.actions.filter(a => a.dimension === id && a.steps.some(s => s.from === from))
    expect(actions.length).toBeGreaterThanOrEqual(2)
  })

  it('has at least 80 actions, with adapted variants for every kind of context', () => {
    expect(q.actions.length).toBeGreaterThanOrEqual(80)
    for (const key of VARIANT_KEYS) {
      expect(q.actions.filter(a => a.variants[key] !== undefined).length, key).toBeGreaterThanOrEqual(10)
    }
  })

  it.each(q.dimensions.map(d => d.id))('dimension %s offers adapted variants on at least 3 actions', (id) => {
    expect(q.actions.filter(a => a.dimension === id && Object.keys(a.variants).length > 0).length).toBeGreaterThanOrEqual(3)
  })

  it('has 3 to 4 archetypes, all illustrative, none named after a country', () => {
    expect(q.archetypes.length).toBeGreaterThanOrEqual(3)
    expect(q.archetypes.length).toBeLessThanOrEqual(4)
    const countries = /Denmark|France|Kenya|Brazil|India|Australia|Singapore|Estonia|Switzerland|Rwanda|Germany|Netherlands/i
    for (const archetype of q.archetypes) {
      expect(archetype.illustrative).toBe(true)
      expect(archetype.title.en).not.toMatch(countries)
      expect(archetype.description.en).toMatch(/illustrative/i)
    }
  })

  it('cites a report recommendation or op-ed lesson on every dimension', () => {
    for (const dimension of q.dimensions) expect(dimension.sources.some(id => /^[RM]\d$/.test(id)), dimension.id).toBe(true)
  })

  it('uses the mandate gating rule (overall ≤ mandate + 1)', () => {
    expect(q.scoring.gatingRules).toEqual([expect.objectContaining({ dimension: 'mandate', maxAbove: 1 })])
  })
})

describe('the tech diplomacy questionnaire: every indicator', () => {
  it.each(q.indicators.map(i => i.id))('%s has six distinct, non-empty descriptors in every shipped language, and a question and guidance in each', (id) => {
    const indicator = q.indicators.find(i => i.id === id)!
    expect(indicator.descriptors).toHaveLength(6)
    for (const locale of LOCALES) {
      const texts = indicator.descriptors.map(d => (d[locale] ?? '').trim())
      expect(texts.every(text => text.length > 0), locale).toBe(true)
      expect(new Set(texts.map(text => text.toLowerCase())).size, locale).toBe(6)
      expect(indicator.question[locale]?.trim(), locale).toBeTruthy()
      expect(indicator.guidance[locale]?.trim(), locale).toBeTruthy()
    }
  })
})

describe('the tech diplomacy questionnaire: every action', () => {
  const sourceIds = new Set(q.sources.map(s => s.id))
  it.each(q.actions.map(a => a.id))('%s has sources that resolve, and title, description and owner in every shipped language', (id) => {
    const action = q.actions.find(a => a.id === id)!
    expect(action.sources.length).toBeGreaterThan(0)
    for (const source of [...action.sources, ...Object.values(action.variants).flatMap(v => v.sources ?? [])]) expect(sourceIds.has(source), source).toBe(true)
    for (const locale of LOCALES) {
      for (const text of [action.title, action.description, action.owner, ...Object.values(action.variants).map(v => v.description)]) {
        expect(text[locale]?.trim(), locale).toBeTruthy()
      }
    }
  })

  it('states no figure that could not be verified (docs/method.md, "What the tool claims")', () => {
    const all = readFileSync(new URL('../../questionnaires/tech-diplomacy.json', import.meta.url), 'utf8')
    expect(all).not.toMatch(/70\+|more than 70|plus de 70|14 TNAs|14 EBT/i)
  })
})

describe('the facilitator handbooks', () => {
  it.each([...generateHandbooks()])('docs/handbook.%s.md is up to date (run `npm run questionnaires:handbook`)', (locale, text) => {
    expect(readFileSync(handbookPath(locale), 'utf8')).toBe(text)
  })
})

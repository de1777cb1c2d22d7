import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuestionnaire, checkQuestionnaireText, parseJson } from '@/domain/check'
import { problem } from '@/domain/problem'
import type { QuestionnaireInput } from '@/domain/questionnaire'
import { inEnglish } from '../../problem-text'

/**
 * The questionnaire checker's rules at their edges: the limits of the JSON reader, every collection's duplicate ids,
 * references, cycles, level bounds, translation coverage. The fixture has two dimensions (alpha, beta), levels 0–5,
 * texts in English and French.
 */
const miniText = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
type Editable = QuestionnaireInput & Record<string, unknown>
const mini = (): Editable => JSON.parse(miniText) as Editable

function errorsAfter(breakIt: (q: Editable) => void): string[] {
  const q = mini()
  breakIt(q)
  const result = checkQuestionnaire(q)
  return result.ok ? [] : result.errors.map(inEnglish)
}

/** A third dimension, gamma, made like beta: three indicators (g1–g3) and one action per step (gamma-01 … gamma-45). */
function addGamma(q: Editable, dependsOn: string[]): void {
  q.dimensions.push({ ...structuredClone(q.dimensions[1]!), id: 'gamma', title: { en: 'Gamma' }, dependsOn })
  for (const n of [1, 2, 3]) {
    q.indicators.push({ ...structuredClone(q.indicators.find(i => i.id === `b${n}`)!), id: `g${n}`, dimension: 'gamma' })
  }
  for (const action of q.actions!.filter(a => a.dimension === 'beta')) {
    q.actions!.push({ ...structuredClone(action), id: action.id.replace('beta', 'gamma'), dimension: 'gamma', indicators: ['g1'] })
  }
  q.archetypes![0]!.scores.gamma = 1
}

describe('reading questionnaire text', () => {
  it('accepts a file of exactly the size limit and refuses one byte more', () => {
    // "abc" in quotes: 5 characters, 5 bytes
    expect(parseJson('"abc"', 5, 'questionnaire')).toEqual({ ok: true, value: 'abc' })
    expect(parseJson('"abcd"', 5, 'questionnaire')).toMatchObject({ ok: false, error: { code: 'file.tooLarge' } })
  })

  it('counts bytes, not characters: "é" takes two bytes', () => {
    // "éé" in quotes: 4 characters, 1 + 2 + 2 + 1 = 6 bytes
    expect(parseJson('"éé"', 6, 'questionnaire')).toEqual({ ok: true, value: 'éé' })
    expect(parseJson('"éé"', 5, 'questionnaire')).toMatchObject({ ok: false, error: { code: 'file.tooLarge' } })
  })

  it('skips a byte order mark at the start of the file, and only there', () => {
    expect(parseJson('\uFEFF{"t":"x"}', 100, 'questionnaire')).toEqual({ ok: true, value: { t: 'x' } })
    expect(parseJson('{"t":"a\uFEFFb"}', 100, 'questionnaire')).toEqual({ ok: true, value: { t: 'a\uFEFFb' } })
  })

  it('says a PDF is not a questionnaire file', () => {
    expect(checkQuestionnaireText('%PDF-1.7\n1 0 obj')).toEqual({ ok: false, errors: [problem('file.isPdf', '(file)', { expected: 'questionnaire' })] })
  })
})

describe('checkQuestionnaire, before the schema', () => {
  it('refuses data nested deeper than 16 levels, and says only that', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 17; i++) deep = [deep]
    expect(checkQuestionnaire({ ...mini(), description: deep })).toEqual({ ok: false, errors: [problem('file.tooDeep', '(file)', { max: 16 })] })
  })

  it('refuses a forbidden field name, and says only that', () => {
    const q = mini()
    Object.defineProperty(q.dimensions[0]!, 'constructor', { value: 'x', enumerable: true })
    expect(checkQuestionnaire(q)).toEqual({ ok: false, errors: [problem('key.forbidden', 'dimensions[0].constructor', { key: 'constructor' })] })
  })

  it('says what is wrong with data that is not an object at all', () => {
    for (const data of [null, [], 'text']) {
      const result = checkQuestionnaire(data)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.errors.map(e => e.code)).not.toContain('file.isAnswers')
    }
  })
})

describe('checkQuestionnaire: duplicate and colliding ids, in every collection', () => {
  it.each([
    ['sources', (q: Editable) => { q.sources!.push(structuredClone(q.sources![0]!)) }, 'sources[2].id: The id “R1” is used twice (first at sources[0]).'],
    ['dimensions', (q: Editable) => { q.dimensions.push(structuredClone(q.dimensions[1]!)) }, 'dimensions[2].id: The id “beta” is used twice (first at dimensions[1]).'],
    ['actions', (q: Editable) => { q.actions!.push(structuredClone(q.actions![0]!)) }, 'actions[10].id: The id “alpha-01” is used twice (first at actions[0]).'],
    ['archetypes', (q: Editable) => { q.archetypes!.push(structuredClone(q.archetypes![0]!)) }, 'archetypes[1].id: The id “example” is used twice (first at archetypes[0]).'],
    ['gating rules', (q: Editable) => { q.scoring!.gatingRules!.push(structuredClone(q.scoring!.gatingRules![0]!)) }, 'scoring.gatingRules[1].id: The id “alpha-cap” is used twice (first at scoring.gatingRules[0]).'],
  ])('a repeated id in %s', (_, breakIt, message) => {
    expect(errorsAfter(breakIt)).toContain(message)
  })

  it('names both ids that would become the same on the page, and where the first is', () => {
    expect(errorsAfter((q) => {
      q.sources!.push({ id: 'X.1', title: { en: 'X dot one' } }, { id: 'X-1', title: { en: 'X dash one' } })
    })).toEqual(['sources[3].id: The ids “X-1” and “X.1” (sources[2]) would become the same on the page; rename one of them.'])
  })

  it('a language listed twice', () => {
    expect(errorsAfter((q) => { q.locales = ['en', 'fr', 'fr'] })).toEqual(['locales[2]: The language “fr” is listed twice.'])
  })
})

describe('checkQuestionnaire: what a text and a link may be', () => {
  it('accepts a text in as many languages as the limit (20), and refuses one more', () => {
    // en, fr (the fixture's) and 18 more: xb, xc … xs
    const codes = ['en', 'fr', ...Array.from({ length: 18 }, (_, i) => `x${String.fromCharCode(98 + i)}`)]
    const inAll = (languages: string[]) => Object.fromEntries(languages.map(l => [l, 'Title']))
    expect(errorsAfter((q) => { q.locales = codes; q.title = inAll(codes) as { en: string } })).toEqual([])
    expect(errorsAfter((q) => { q.locales = codes; q.title = inAll([...codes, 'zz']) as { en: string } })).toEqual(['title: Too many entries (at most 20).'])
  })

  it('refuses a link that does not start with https:// or http://, even one that holds such an address further on', () => {
    expect(errorsAfter((q) => { q.sources![0]!.url = 'ftp://example.org/https://example.org' })).toEqual(['sources[0].url: A link must be a full web address starting with https:// or http://.'])
  })
})

describe('checkQuestionnaire: references', () => {
  it('an unknown source cited by a dimension or by an indicator', () => {
    expect(errorsAfter((q) => {
      q.dimensions[0]!.sources = ['R1', 'X9']
      q.indicators[0]!.sources = ['Y9']
    })).toEqual([
      'dimensions[0].sources[1]: Unknown source “X9”: add it to “sources” or correct the id.',
      'indicators[0].sources[0]: Unknown source “Y9”: add it to “sources” or correct the id.',
    ])
  })

  it('an action linked to an indicator that does not exist', () => {
    expect(errorsAfter((q) => { q.actions![0]!.indicators = ['a1', 'zz'] })).toEqual(['actions[0].indicators[1]: Unknown indicator “zz”.'])
  })

  it('an archetype scoring a dimension that does not exist', () => {
    expect(errorsAfter((q) => { q.archetypes![0]!.scores = { alpha: 3, beta: 2, gamma: 1 } })).toEqual(['archetypes[0].scores.gamma: Unknown dimension “gamma”.'])
  })
})

describe('checkQuestionnaire: level bounds (the fixture\'s top level is 5)', () => {
  it('accepts an archetype score at the top level and refuses one above it', () => {
    expect(errorsAfter((q) => { q.archetypes![0]!.scores = { alpha: 5, beta: 2 } })).toEqual([])
    expect(errorsAfter((q) => { q.archetypes![0]!.scores = { alpha: 6, beta: 2 } })).toEqual(['archetypes[0].scores.alpha: The score 6 is above the top level 5.'])
  })

  it('accepts evidence required from 6 (never required) and refuses 7', () => {
    expect(errorsAfter((q) => { q.indicators[0]!.evidenceRequiredFrom = 6 })).toEqual([])
    expect(errorsAfter((q) => { q.indicators[0]!.evidenceRequiredFrom = 7 })).toEqual(['indicators[0].evidenceRequiredFrom: Must be between 0 and 6 (6 means an evidence note is never required).'])
  })

  it('accepts "who knows" only from the top level and refuses a level above it', () => {
    const whoKnows = (minLevel: number) => [{ who: { en: 'the planning unit' }, onlyIf: { indicator: 'a2', minLevel } }]
    expect(errorsAfter((q) => { q.indicators[0]!.whoKnows = whoKnows(5) })).toEqual([])
    expect(errorsAfter((q) => { q.indicators[0]!.whoKnows = whoKnows(6) })).toEqual(['indicators[0].whoKnows[0].onlyIf.minLevel: Level 6 is above the top level 5.'])
  })
})

describe('checkQuestionnaire: every level step needs an action of its own dimension', () => {
  it('an action covering two steps serves both', () => {
    expect(errorsAfter((q) => {
      q.actions![0]!.steps = [{ from: 0, to: 1 }, { from: 1, to: 2 }]
      q.actions = q.actions!.filter(a => a.id !== 'alpha-12')
    })).toEqual([])
  })

  it('a step going down serves no step', () => {
    expect(errorsAfter((q) => { q.actions![0]!.steps = [{ from: 2, to: 1 }] })).toEqual([
      'dimensions[0]: The dimension “alpha” has no action for the step from level 0 to level 1.',
      'actions[0].steps[0]: A step goes up one level within 0–5, e.g. from 2 to 3; found 2 to 1.',
    ])
  })
})

describe('checkQuestionnaire: dependency cycles', () => {
  it('the fixture with a third dimension is valid', () => {
    expect(errorsAfter(q => addGamma(q, ['alpha']))).toEqual([])
  })

  it('finds a cycle that does not go through the first dimension, and points at the dimension where it starts', () => {
    // alpha depends on nothing; beta on alpha and gamma; gamma on beta
    expect(errorsAfter((q) => {
      addGamma(q, ['beta'])
      q.dimensions[1]!.dependsOn = ['alpha', 'gamma']
    })).toEqual(['dimensions[1].dependsOn: The dependencies between dimensions go round in a circle: beta → gamma → beta.'])
  })

  it('names only the dimensions on the cycle, not one that leads into it', () => {
    // alpha depends on beta (it leads into the cycle); beta on gamma; gamma on beta
    expect(errorsAfter((q) => {
      addGamma(q, ['beta'])
      q.dimensions[0]!.dependsOn = ['beta']
      q.dimensions[1]!.dependsOn = ['gamma']
    })).toEqual(['dimensions[1].dependsOn: The dependencies between dimensions go round in a circle: beta → gamma → beta.'])
  })
})

describe('checkQuestionnaire: texts and languages', () => {
  it('finds a text in an undeclared language inside a list, with its index in the path', () => {
    expect(errorsAfter((q) => { q.indicators[1]!.descriptors[2] = { en: 'level 2', de: 'Stufe 2' } })).toEqual(['indicators[1].descriptors[2].de: The language “de” is not listed in “locales”.'])
  })

  it('does not take a migration\'s renamed actions for a text, even when an old action id is "en"', () => {
    // Old action "en" became alpha-01, old action "retired" was removed (null): ids, not a text in English.
    expect(errorsAfter((q) => { q.migrations = [{ from: '0.9.0', indicators: [], actions: { en: 'alpha-01', retired: null } }] })).toEqual([])
  })

  it('measures translation coverage per language: missing and blank texts are untranslated', () => {
    const q = mini()
    q.locales = ['en', 'fr', 'es']
    q.title = { en: 'Mini' } // no French
    q.description = { en: 'About', fr: '  ' } // blank French
    q.dimensions[0]!.title = { en: 'Alpha', fr: 'Alpha', es: 'Alfa' }
    const result = checkQuestionnaire(q)
    if (!result.ok) throw new Error(result.errors.map(inEnglish).join('\n'))
    // Every text of the fixture has an English version: the total is the number of "en" keys in the file.
    const total = miniText.match(/"en":/g)!.length
    expect(result.coverage).toEqual([
      { locale: 'en', translated: total, total, ratio: 1 },
      { locale: 'fr', translated: total - 2, total, ratio: (total - 2) / total },
      { locale: 'es', translated: 1, total, ratio: 1 / total },
    ])
  })
})

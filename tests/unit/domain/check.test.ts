import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkQuestionnaire, checkQuestionnaireText, formatPath, translationCoverage } from '@/domain/check'
import type { QuestionnaireInput } from '@/domain/questionnaire'
import { inEnglish } from '../../problem-text'

const miniText = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
const mini = (): QuestionnaireInput => JSON.parse(miniText) as QuestionnaireInput

/** Breaks a copy of the fixture and returns the checker's problems as English `path: message` lines. */
function errorsAfter(breakIt: (q: QuestionnaireInput & Record<string, unknown>) => void): string[] {
  const q = mini() as QuestionnaireInput & Record<string, unknown>
  breakIt(q)
  const result = checkQuestionnaire(q)
  if (result.ok) return []
  return result.errors.map(inEnglish)
}

function first<T>(items: T[] | undefined): T {
  const item = items?.[0]
  if (item === undefined) throw new Error('fixture is missing an item')
  return item
}

describe('checkQuestionnaire accepts', () => {
  it('the mini fixture', () => {
    const result = checkQuestionnaireText(miniText)
    expect(result.ok).toBe(true)
  })

  it('reports full coverage for both locales of the fixture', () => {
    const result = checkQuestionnaireText(miniText)
    if (!result.ok) throw new Error('fixture invalid')
    expect(translationCoverage(result.questionnaire).map(c => [c.locale, c.ratio])).toEqual([['en', 1], ['fr', 1]])
  })
})

describe('checkQuestionnaire rejects, with the JSON path of the problem,', () => {
  it('text that is not JSON, giving line and column', () => {
    const result = checkQuestionnaireText('{\n  "id": "x",\n  oops\n}')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]).toEqual({ code: 'file.notJson', path: '(file)', params: { line: 3, column: 3 } })
  })

  it('an empty file', () => {
    const result = checkQuestionnaireText('   ')
    expect(!result.ok && result.errors[0]).toEqual({ code: 'file.empty', path: '(file)', params: {} })
  })

  it('a missing required field', () => {
    expect(errorsAfter((q) => { delete (q as Partial<QuestionnaireInput>).title })).toEqual(['title: A required value is missing.'])
  })

  it('an unknown schemaVersion', () => {
    expect(errorsAfter((q) => { (q as Record<string, unknown>).schemaVersion = 7 })).toEqual(['schemaVersion: This questionnaire format is not supported: this tool reads “schemaVersion”: 1.'])
  })

  it('a version that is not semver', () => {
    expect(errorsAfter((q) => { q.version = 'v1' })).toEqual(['version: A version looks like 1.0.0.'])
  })

  it('a misspelt field name', () => {
    expect(errorsAfter((q) => { (first(q.dimensions) as Record<string, unknown>).weigth = 2 })).toEqual(['dimensions[0]: Unknown field name(s): "weigth".'])
  })

  it('a weight of zero', () => {
    expect(errorsAfter((q) => { first(q.indicators).weight = 0 })).toEqual(['indicators[0].weight: A weight must be greater than 0.'])
  })

  it('an empty English text', () => {
    expect(errorsAfter((q) => { first(q.indicators).question = { en: ' ', fr: 'x' } })).toEqual(['indicators[0].question.en: The English text (“en”) must not be empty.'])
  })

  it('a horizon outside the list', () => {
    expect(errorsAfter((q) => { (first(q.actions) as Record<string, unknown>).horizon = '0-3m' })).toEqual(['actions[0].horizon: “0-3m” is not one of the allowed values: "0-6m", "6-18m", "18-36m".'])
  })

  it('a duplicate indicator id', () => {
    expect(errorsAfter((q) => { q.indicators[1]!.id = q.indicators[0]!.id })).toEqual(['indicators[1].id: The id “a1” is used twice (first at indicators[0]).'])
  })

  it('an indicator pointing to an unknown dimension', () => {
    // The indicator also leaves alpha with two indicators and alpha's actions pointing outside their dimension.
    expect(errorsAfter((q) => { first(q.indicators).dimension = 'gamma' })).toEqual([
      'dimensions[0]: The dimension “alpha” has 2 indicator(s); at least 3 are needed.',
      'indicators[0].dimension: Unknown dimension “gamma”.',
      ...[0, 1, 2, 3, 4].map(i => `actions[${i}].indicators[0]: The indicator “a1” belongs to the dimension “gamma”, not “alpha”.`),
    ])
  })

  it('an action pointing to an unknown dimension', () => {
    // alpha then has no action for 0→1, and the moved action's indicator belongs to alpha.
    expect(errorsAfter((q) => { first(q.actions).dimension = 'gamma' })).toEqual([
      'dimensions[0]: The dimension “alpha” has no action for the step from level 0 to level 1.',
      'actions[0].dimension: Unknown dimension “gamma”.',
      'actions[0].indicators[0]: The indicator “a1” belongs to the dimension “alpha”, not “gamma”.',
    ])
  })

  it('an action step that skips a level', () => {
    expect(errorsAfter((q) => { first(q.actions).steps = [{ from: 0, to: 2 }] })).toEqual([
      'dimensions[0]: The dimension “alpha” has no action for the step from level 0 to level 1.',
      'actions[0].steps[0]: A step goes up one level within 0–5, e.g. from 2 to 3; found 0 to 2.',
    ])
  })

  it('an action step above the top level', () => {
    expect(errorsAfter((q) => { q.actions!.push({ ...first(q.actions), id: 'extra', steps: [{ from: 5, to: 6 }] }) })).toEqual(['actions[10].steps[0]: A step goes up one level within 0–5, e.g. from 2 to 3; found 5 to 6.'])
  })

  it('an action linked to an indicator of another dimension', () => {
    expect(errorsAfter((q) => { first(q.actions).indicators = ['b1'] })).toEqual(['actions[0].indicators[0]: The indicator “b1” belongs to the dimension “beta”, not “alpha”.'])
  })

  it('an unknown source id', () => {
    expect(errorsAfter((q) => { first(q.actions).sources = ['S99'] })).toEqual(['actions[0].sources[0]: Unknown source “S99”: add it to “sources” or correct the id.'])
  })

  it('an unknown source id inside an adapted variant', () => {
    expect(errorsAfter((q) => { q.actions![1]!.variants!.ldc!.sources = ['M9'] })).toEqual(['actions[1].variants.ldc.sources[0]: Unknown source “M9”: add it to “sources” or correct the id.'])
  })

  it('a dependency on an unknown dimension', () => {
    expect(errorsAfter((q) => { q.dimensions[1]!.dependsOn = ['gamma'] })).toEqual(['dimensions[1].dependsOn[0]: Unknown dimension “gamma”.'])
  })

  it('a dimension depending on itself', () => {
    expect(errorsAfter((q) => { q.dimensions[1]!.dependsOn = ['beta'] })).toEqual(['dimensions[1].dependsOn[0]: The dimension “beta” cannot depend on itself.'])
  })

  it('a dependency cycle', () => {
    expect(errorsAfter((q) => { q.dimensions[0]!.dependsOn = ['beta'] })).toEqual(['dimensions[0].dependsOn: The dependencies between dimensions go round in a circle: alpha → beta → alpha.'])
  })

  it('an indicator missing a level descriptor', () => {
    expect(errorsAfter((q) => { first(q.indicators).descriptors.pop() })).toEqual(['indicators[0].descriptors: The indicator a1 needs one description per level (6); found 5.'])
  })

  it('a dimension with fewer than three indicators', () => {
    expect(errorsAfter((q) => { q.indicators = q.indicators.filter(i => i.id !== 'b3') })).toEqual(['dimensions[1]: The dimension “beta” has 2 indicator(s); at least 3 are needed.'])
  })

  it('a level step without any action', () => {
    expect(errorsAfter((q) => { q.actions = q.actions!.filter(a => a.id !== 'beta-23') })).toEqual(['dimensions[1]: The dimension “beta” has no action for the step from level 2 to level 3.'])
  })

  it('levels out of order', () => {
    expect(errorsAfter((q) => { q.levels[2]!.level = 7 })).toEqual(['levels[2].level: Levels are numbered 0, 1, 2… in order: expected 2, found 7.'])
  })

  it('a text in a locale the file does not declare', () => {
    expect(errorsAfter((q) => { q.title = { en: 'T', de: 'T' } })).toEqual(['title.de: The language “de” is not listed in “locales”.'])
  })

  it('a locale list without English', () => {
    const errors = errorsAfter((q) => { q.locales = ['fr'] })
    expect(errors).toContain('locales: “en” must be listed: English is the fallback language.')
    // Every other message is the same finding, text by text: an English text in an undeclared locale.
    expect(errors.filter(e => !e.endsWith(': The language “en” is not listed in “locales”.'))).toEqual(['locales: “en” must be listed: English is the fallback language.'])
  })

  it('a gating rule on an unknown dimension', () => {
    expect(errorsAfter((q) => { q.scoring!.gatingRules![0]!.dimension = 'mandate' })).toEqual(['scoring.gatingRules[0].dimension: Unknown dimension “mandate”.'])
  })

  it('an archetype that is not flagged illustrative', () => {
    expect(errorsAfter((q) => { (first(q.archetypes) as Record<string, unknown>).illustrative = false })).toEqual(['archetypes[0].illustrative: An archetype must be marked “illustrative”: true.'])
  })

  it('an archetype missing a dimension score', () => {
    expect(errorsAfter((q) => { first(q.archetypes).scores = { alpha: 2 } })).toEqual(['archetypes[0].scores: No score for the dimension “beta”.'])
  })

  it('an evidence threshold above the scale', () => {
    expect(errorsAfter((q) => { first(q.indicators).evidenceRequiredFrom = 9 })).toEqual(['indicators[0].evidenceRequiredFrom: Must be between 0 and 6 (6 means an evidence note is never required).'])
  })

  it('several problems at once, all reported', () => {
    const errors = errorsAfter((q) => {
      first(q.actions).sources = ['S99']
      q.dimensions[1]!.dependsOn = ['delta']
      q.scoring!.gatingRules![0]!.dimension = 'omega'
    })
    expect(errors).toEqual([
      'dimensions[1].dependsOn[0]: Unknown dimension “delta”.',
      'actions[0].sources[0]: Unknown source “S99”: add it to “sources” or correct the id.',
      'scoring.gatingRules[0].dimension: Unknown dimension “omega”.',
    ])
  })
})

describe('formatting', () => {
  it('writes paths with indexes and dots', () => {
    expect(formatPath(['dimensions', 2, 'dependsOn', 0])).toBe('dimensions[2].dependsOn[0]')
    expect(formatPath([])).toBe('(top level)')
  })

  it('makes keys from the input safe to show', () => {
    expect(formatPath(['answers', 'a\u202Eb'])).toBe('answers.a\uFFFDb')
  })
})

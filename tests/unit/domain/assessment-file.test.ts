import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyAnswerChange, createAssessment, type Assessment } from '@/domain/assessment'
import { assessmentFileName, buildAssessmentFile, MAX_ASSESSMENT_FILE_BYTES, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { inEnglish } from '../../problem-text'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const find = (id: string, version: string) => (id === mini.id && version === mini.version ? mini : undefined)
const NOW = '2026-11-23T10:00:00.000Z'

function sample(): Assessment {
  const base = createAssessment({
    id: 'a-1', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'fr', now: NOW,
    profile: { ...emptyProfile('2026-11-20'), country: 'CIV', ministry: 'Ministère des Affaires étrangères', unit: 'Direction des affaires économiques', missionsAbroad: 55, geneva: 'own', regionalOrganisations: ['ECOWAS', 'OIF', 'Réseau « numérique »'] },
  })
  let answers = applyAnswerChange({}, 'a1', { kind: 'level', level: 3 }, NOW)
  answers = applyAnswerChange(answers, 'a1', { evidence: 'Arrêté n° 12/2025 — « mission numérique »' }, NOW)
  answers = applyAnswerChange(answers, 'a1', { confidence: 'document-backed' }, NOW)
  answers = applyAnswerChange(answers, 'a2', { kind: 'dont_know' }, NOW)
  answers = applyAnswerChange(answers, 'b3', { kind: 'not_applicable' }, NOW)
  return {
    ...base,
    answers,
    updatedAt: '2026-11-24T16:45:12.345Z', // later than createdAt: an import must keep both as written
    roadmap: {
      targets: { alpha: 4, beta: 0 },
      dropped: ['alpha-12', 'find-out:a2'],
      details: { 'alpha-23': { owner: 'Direction des affaires économiques', targetDate: '2027-06-30' }, 'beta-01': { targetDate: '2027-01-15' } },
      placements: { 'alpha-23': '18-36m', 'beta-12': '0-6m' },
      custom: [{ id: 'c-1', dimensionId: 'beta', title: 'Atelier « numérique »', description: 'Deux jours', horizon: '6-18m' }],
    },
  }
}

function parse(text: string) {
  return parseAssessmentFile(text, find, [{ id: 'mini', version: '1.0.0' }])
}

function errorsOf(text: string): string[] {
  const result = parse(text)
  return result.ok ? [] : result.errors.map(inEnglish)
}

function mutated(change: (file: Record<string, any>) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const file = JSON.parse(serializeAssessmentFile(buildAssessmentFile(sample(), NOW)))
  change(file)
  return JSON.stringify(file)
}

describe('assessment file round trip', () => {
  it('exports and imports the same profile and answers', () => {
    const assessment = sample()
    const result = parse(serializeAssessmentFile(buildAssessmentFile(assessment, NOW)))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.profile).toEqual(assessment.profile)
    expect(result.value.answers).toEqual(assessment.answers)
    expect(result.value.locale).toBe('fr')
    expect(result.value.questionnaire).toBe(mini)
    expect(result.value.createdAt).toBe(assessment.createdAt)
  })

  it('returns real roadmap edits and both timestamps unchanged, through the same function the app, the CLI and the tests use', () => {
    const assessment = sample()
    const file = buildAssessmentFile(assessment, NOW)
    const result = parse(serializeAssessmentFile(file))
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.value.roadmap).toEqual(assessment.roadmap)
    expect(result.value.updatedAt).toBe('2026-11-24T16:45:12.345Z')
    const imported = assessmentFromImport(result.value, { id: 'b-2', questionnaireKey: 'mini@1.0.0', position: { view: 'questionnaire' } })
    expect(imported).toEqual({ ...assessment, id: 'b-2', position: { view: 'questionnaire' } })
    expect(buildAssessmentFile(imported, NOW)).toEqual(file)
  })

  it('writes the questionnaire id and version and the format version', () => {
    const file = buildAssessmentFile(sample(), NOW)
    expect(file).toMatchObject({ format: 'tech-diplomacy-assessment', schemaVersion: 1, exportedAt: NOW, questionnaire: { id: 'mini', version: '1.0.0' } })
  })

  it('names the file after the country and date, in plain ASCII', () => {
    expect(assessmentFileName('Côte d\'Ivoire', '2026-11-20')).toBe('cote-d-ivoire-2026-11-20.tda.json')
    expect(assessmentFileName('', '')).toBe('assessment-undated.tda.json')
  })
})

describe('assessment file import refuses, with the path of the problem,', () => {
  it('a truncated file', () => {
    const text = serializeAssessmentFile(buildAssessmentFile(sample(), NOW))
    expect(errorsOf(text.slice(0, 200))[0]).toMatch(/^\(file\): The file is not valid JSON: the text goes wrong near line \d+, column \d+\.$/)
  })

  it('a JSON file of another kind', () => {
    expect(errorsOf('{"schemaVersion": 1, "id": "tech-diplomacy"}')).toEqual(['format: This is not an answers file of this tool (it should say “format”: “tech-diplomacy-assessment”).'])
    expect(errorsOf('[1, 2]')).toEqual(['(top level): The file holds JSON, but it is not an answers file.'])
  })

  it('a file from a newer version of the tool', () => {
    expect(errorsOf(mutated((f) => { f.schemaVersion = 2 }))[0]).toBe('schemaVersion: The file was made by a newer version of this tool (file format 2; this version reads 1). Update the tool to open it.')
  })

  it('a file made with a questionnaire version that is not available', () => {
    expect(errorsOf(mutated((f) => { f.questionnaire.version = '2.0.0' }))).toEqual([
      'questionnaire: These answers were made with the questionnaire “mini” version 2.0.0, which is not available here (available: mini 1.0.0). Open that questionnaire file first, then import again.',
    ])
  })

  it('a missing field', () => {
    expect(errorsOf(mutated((f) => { delete f.assessment.profile.ministry }))).toContain('assessment.profile.ministry: A required value is missing.')
  })

  it('an answer with an unknown kind', () => {
    expect(errorsOf(mutated((f) => { f.assessment.answers.a1.kind = 'maybe' }))[0]).toMatch(/^assessment\.answers\.a1\.kind: /)
  })

  it('an answer to an indicator the questionnaire does not have', () => {
    expect(errorsOf(mutated((f) => { f.assessment.answers.zz = f.assessment.answers.a2 }))).toEqual(['assessment.answers.zz: Unknown indicator “zz” for the questionnaire mini 1.0.0.'])
  })

  it('a level above the top of the scale', () => {
    expect(errorsOf(mutated((f) => { f.assessment.answers.a1.level = 6 }))).toEqual(['assessment.answers.a1.level: Level 6 is above the top level 5.'])
  })

  it('a roadmap target above the top of the scale (the top itself is accepted)', () => {
    expect(errorsOf(mutated((f) => { f.assessment.roadmap.targets.alpha = 6 }))).toEqual(['assessment.roadmap.targets.alpha: The target 6 is above the top level 5.'])
    expect(errorsOf(mutated((f) => { f.assessment.roadmap.targets.alpha = 5 }))).toEqual([])
  })

  it('a roadmap target for a dimension the questionnaire does not have', () => {
    expect(errorsOf(mutated((f) => { f.assessment.roadmap.targets.gamma = 2 }))).toEqual(['assessment.roadmap.targets.gamma: Unknown dimension “gamma”.'])
  })

  it('an own action for a dimension the questionnaire does not have', () => {
    expect(errorsOf(mutated((f) => { f.assessment.roadmap.custom[0].dimensionId = 'gamma' }))).toEqual(['assessment.roadmap.custom[0].dimensionId: Unknown dimension “gamma”.'])
  })

  it('"not applicable" where the indicator does not allow it', () => {
    expect(errorsOf(mutated((f) => { f.assessment.answers.a1 = { kind: 'not_applicable', evidence: '', updatedAt: NOW } }))).toEqual(['assessment.answers.a1.kind: “Not applicable” is not allowed for the indicator a1.'])
  })

  it('keys that would change object prototypes', () => {
    const text = mutated(() => undefined).replace('"answers":{', '"answers":{"__proto__":{"polluted":true},')
    expect(errorsOf(text)).toEqual(['assessment.answers.__proto__: The field name “__proto__” is not allowed.'])
  })

  it('a "__proto__" key whose content is a valid answer (copied as is, it would become the answers\' prototype)', () => {
    const text = mutated(() => undefined).replace('"answers":{', `"answers":{"__proto__":{"kind":"dont_know","evidence":"","updatedAt":"${NOW}"},`)
    expect(errorsOf(text)).toEqual(['assessment.answers.__proto__: The field name “__proto__” is not allowed.'])
  })

  it('a "constructor" key deep inside the roadmap edits', () => {
    const text = mutated((f) => { f.assessment.roadmap.details.constructor = { owner: 'x' } })
    expect(errorsOf(text)).toEqual(['assessment.roadmap.details.constructor: The field name “constructor” is not allowed.'])
  })

  it('unknown extra fields', () => {
    expect(errorsOf(mutated((f) => { f.assessment.script = '<script>' }))[0]).toBe('assessment: Unknown field name(s): "script".')
  })

  it('a file that is too large', () => {
    expect(errorsOf(' '.repeat(MAX_ASSESSMENT_FILE_BYTES + 1))[0]).toBe('(file): The file is too large (5 MB); the limit is 5 MB.')
  })

  it('an over-long evidence note', () => {
    expect(errorsOf(mutated((f) => { f.assessment.answers.a1.evidence = 'x'.repeat(5001) }))[0]).toBe('assessment.answers.a1.evidence: The text is too long (at most 5,000 characters).')
  })
})

describe('answers file edges', () => {
  it('names files with one dash between words, whatever punctuation the country name holds', () => {
    expect(assessmentFileName('Korea, Republic of', '2026-11-20')).toBe('korea-republic-of-2026-11-20.tda.json')
    expect(assessmentFileName('Korea (Democratic People\'s Republic of)', '2026-11-20')).toBe('korea-democratic-people-s-republic-of-2026-11-20.tda.json')
  })

  it('says a file holding JSON that is not an object is not an answers file', () => {
    for (const text of ['null', '"answers"', '42']) {
      expect(parse(text)).toEqual({ ok: false, errors: [{ code: 'file.notObject', path: '(top level)', params: { expected: 'answers' } }] })
    }
  })

  it('reads a schemaVersion that is not a number as a wrong value, not as a newer file', () => {
    const result = parse(mutated((f) => { f.schemaVersion = '9' }))
    expect(!result.ok && result.errors.map(e => [e.path, e.code])).toEqual([['schemaVersion', 'value.mustBe']])
  })

  it('names the questionnaires that are available when the file\'s one is not, as a list the reader\'s language joins', () => {
    const text = mutated((f) => { f.questionnaire.version = '9.9.9' })
    const named = parseAssessmentFile(text, find, [{ id: 'mini', version: '1.0.0' }, { id: 'tech-diplomacy', version: '1.2.0' }])
    expect(!named.ok && named.errors[0]!.params.available).toEqual(['mini 1.0.0', 'tech-diplomacy 1.2.0'])
    const none = parseAssessmentFile(text, find)
    expect(!none.ok && none.errors[0]!.params.available).toEqual([])
  })

  it('falls back to English for a language the questionnaire does not offer, and says so', () => {
    const result = parse(mutated((f) => { f.assessment.locale = 'de' }))
    expect(result.ok && [result.value.locale, result.notes]).toEqual(['en', [{ code: 'locale.fallback', path: 'assessment.locale', params: { locale: 'de', fallback: 'en' } }]])
  })

  it('falls back to English even when the questionnaire lists another language first', () => {
    const frenchFirst: Questionnaire = { ...mini, locales: ['fr', 'en'] }
    const result = parseAssessmentFile(mutated((f) => { f.assessment.locale = 'de' }), (id, version) => (find(id, version) ? frenchFirst : undefined))
    expect(result.ok && result.value.locale).toBe('en')
  })

  it('accepts fresh-look marks for as many indicators as the limit, and no more', () => {
    const marks = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, { reason: 'fresh-look', from: '0.9.0', previousId: `x${i}` }]))
    const codes = (n: number) => {
      const result = parse(mutated((f) => { f.assessment.freshLook = marks(n) }))
      return result.ok ? [] : [...new Set(result.errors.map(e => e.code))]
    }
    // 500 marks pass the file's shape; each then names an indicator the questionnaire does not have.
    expect(codes(500)).toEqual(['answers.unknownIndicator'])
    expect(codes(501)).toEqual(['value.tooMany'])
  })
})

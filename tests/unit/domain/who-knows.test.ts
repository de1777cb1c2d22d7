import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { checkQuestionnaire, checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire, QuestionnaireInput } from '@/domain/questionnaire'
import { whoToAsk } from '@/domain/roadmap'
import { scoreAssessment } from '@/domain/scoring'
import { inEnglish } from '../../problem-text'

const miniText = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const focal = { who: { en: 'the focal point' }, onlyIf: { indicator: 'a1', minLevel: 2 } }
const hr = { who: { en: 'HR' } }

function withWhoKnows(list: unknown): QuestionnaireInput {
  const q = JSON.parse(miniText) as QuestionnaireInput
  ;(q.indicators[1] as Record<string, unknown>).whoKnows = list
  return q
}
function parsed(list: unknown): Questionnaire {
  const result = checkQuestionnaire(withWhoKnows(list))
  if (!result.ok) throw new Error(result.errors.map(inEnglish).join('; '))
  return result.questionnaire
}

describe('whoKnows in the questionnaire', () => {
  it('is optional: a questionnaire without it still loads', () => {
    expect(checkQuestionnaireText(miniText).ok).toBe(true)
  })

  it('rejects a condition on an unknown indicator, and a level above the scale, with their paths', () => {
    const result = checkQuestionnaire(withWhoKnows([{ who: { en: 'X' }, onlyIf: { indicator: 'zz', minLevel: 9 } }]))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map(inEnglish)).toEqual([
      'indicators[1].whoKnows[0].onlyIf.indicator: Unknown indicator “zz”.',
      'indicators[1].whoKnows[0].onlyIf.minLevel: Level 9 is above the top level 5.',
    ])
  })
})

describe('whoToAsk', () => {
  const q = parsed([focal, hr])
  const ask = (answers: Record<string, Answer>) => whoToAsk(q.indicators[1]!, scoreAssessment(q, answers))

  it('names the focal point when the answers show one exists (a1 at level 2 or more)', () => {
    expect(ask({ a1: L(2), a2: DK })).toEqual({ en: 'the focal point' })
    expect(ask({ a1: L(5), a2: DK })).toEqual({ en: 'the focal point' })
  })

  it('skips it when the answers say there is none, or do not say', () => {
    expect(ask({ a1: L(1), a2: DK })).toEqual({ en: 'HR' })
    expect(ask({ a1: DK, a2: DK })).toEqual({ en: 'HR' })
    expect(ask({ a2: DK })).toEqual({ en: 'HR' })
  })

  it('names nobody when no entry qualifies, and leaves the choice to the caller without a list', () => {
    expect(whoToAsk(parsed([focal]).indicators[1]!, scoreAssessment(q, { a1: L(0) }))).toBeNull()
    expect(whoToAsk(parsed([hr]).indicators[0]!, scoreAssessment(q, {}))).toBeUndefined()
  })
})

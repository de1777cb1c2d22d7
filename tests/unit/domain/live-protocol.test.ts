import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import {
  answerChangeSchema, checkAnswerChanges, chooseDelegation, clientIdSchema, consensusRequestSchema, createWorkshopRequestSchema, delegationIdSchema, joinCodeSchema, joinRequestSchema, normalizeJoinCode, participantState, putAnswersRequestSchema, workshopSettingsRequestSchema,
} from '@/domain/live-protocol'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire // levels 0–5; a3 and b3 allow "not applicable"
const AT = '2026-11-29T10:00:00.000Z'
const level = (n: number): Answer => ({ kind: 'level', level: n, confidence: 'self-declared', evidence: '', updatedAt: AT })
const dontKnow: Answer = { kind: 'dont_know', evidence: '', updatedAt: AT }
const notApplicable: Answer = { kind: 'not_applicable', evidence: '', updatedAt: AT }

describe('join codes', () => {
  it('accepts 8 characters of the code alphabet and nothing else', () => {
    expect(joinCodeSchema.safeParse('ABCDEFGH').success).toBe(true)
    expect(joinCodeSchema.safeParse('23456789').success).toBe(true)
    expect(joinCodeSchema.safeParse('ABCDEFG').success).toBe(false) // 7
    expect(joinCodeSchema.safeParse('ABCDEFGHJ').success).toBe(false) // 9
    for (const lookAlike of ['ABCDEFG0', 'ABCDEFG1', 'ABCDEFGI', 'ABCDEFGL', 'ABCDEFGO', 'abcdefgh']) expect(joinCodeSchema.safeParse(lookAlike).success, lookAlike).toBe(false)
  })

  it('reads a typed code without spaces or dashes, in capitals', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH')
    expect(normalizeJoinCode('ab cd\tef-gh')).toBe('ABCDEFGH')
  })
})

describe('requests', () => {
  it('a participant id is 8–64 safe characters', () => {
    expect(clientIdSchema.safeParse('a1b2c3d4').success).toBe(true)
    expect(clientIdSchema.safeParse('a1b2c3d').success).toBe(false)
    expect(clientIdSchema.safeParse('x'.repeat(64)).success).toBe(true)
    expect(clientIdSchema.safeParse('x'.repeat(65)).success).toBe(false)
    expect(clientIdSchema.safeParse('abcdefgh/').success).toBe(false)
  })

  it('a join gives an empty role by default and refuses other fields', () => {
    expect(joinRequestSchema.parse({ participantId: 'participant-1' })).toEqual({ participantId: 'participant-1', role: '' })
    expect(joinRequestSchema.safeParse({ participantId: 'participant-1', admin: true }).success).toBe(false)
    expect(joinRequestSchema.safeParse({ participantId: 'participant-1', role: 'r'.repeat(201) }).success).toBe(false)
  })

  it('a join may name a delegation: 1 to 100 safe characters', () => {
    expect(joinRequestSchema.parse({ participantId: 'participant-1', delegationId: 'dA_1-x' })).toEqual({ participantId: 'participant-1', delegationId: 'dA_1-x', role: '' })
    expect(delegationIdSchema.safeParse('d').success).toBe(true)
    expect(delegationIdSchema.safeParse('').success).toBe(false)
    expect(delegationIdSchema.safeParse('d'.repeat(100)).success).toBe(true)
    expect(delegationIdSchema.safeParse('d'.repeat(101)).success).toBe(false)
    expect(delegationIdSchema.safeParse('a/b').success).toBe(false)
  })

  it('a consensus names its delegation', () => {
    const entry = { note: '', discussed: true, updatedAt: AT }
    expect(consensusRequestSchema.safeParse({ delegationId: 'live', indicatorId: 'a1', entry }).success).toBe(true)
    expect(consensusRequestSchema.safeParse({ indicatorId: 'a1', entry }).success).toBe(false)
  })

  it('a change has a version from 1 and an answer or null', () => {
    expect(answerChangeSchema.safeParse({ indicatorId: 'a1', version: 1, answer: null }).success).toBe(true)
    expect(answerChangeSchema.safeParse({ indicatorId: 'a1', version: 0, answer: null }).success).toBe(false)
    expect(answerChangeSchema.safeParse({ indicatorId: 'a1', version: 1.5, answer: null }).success).toBe(false)
    expect(answerChangeSchema.safeParse({ indicatorId: '__proto__', version: 1, answer: null }).success).toBe(false)
    expect(answerChangeSchema.safeParse({ indicatorId: 'a1', version: 1, answer: { ...level(2), level: 11 } }).success).toBe(false)
  })

  it('a request holds 1 to 500 changes', () => {
    const one = { indicatorId: 'a1', version: 1, answer: null }
    expect(putAnswersRequestSchema.safeParse({ changes: [] }).success).toBe(false)
    expect(putAnswersRequestSchema.safeParse({ changes: Array.from({ length: 500 }, () => one) }).success).toBe(true)
    expect(putAnswersRequestSchema.safeParse({ changes: Array.from({ length: 501 }, () => one) }).success).toBe(false)
  })

  it('a new workshop needs a title and 1 to 50 delegations with a valid profile each; settings take booleans only', () => {
    const profile = emptyProfile('2026-11-29')
    const base = { title: 'Workshop', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en', delegations: [{ profile }] }
    expect(createWorkshopRequestSchema.safeParse(base).success).toBe(true)
    expect(createWorkshopRequestSchema.safeParse({ ...base, title: '   ' }).success).toBe(false)
    expect(createWorkshopRequestSchema.safeParse({ ...base, delegations: [{ profile: { ...profile, country: 'France' } }] }).success).toBe(false)
    expect(createWorkshopRequestSchema.safeParse({ ...base, delegations: [] }).success).toBe(false)
    expect(createWorkshopRequestSchema.safeParse({ ...base, delegations: Array.from({ length: 50 }, () => ({ profile })) }).success).toBe(true)
    expect(createWorkshopRequestSchema.safeParse({ ...base, delegations: Array.from({ length: 51 }, () => ({ profile })) }).success).toBe(false)
    // The server draws the delegations' ids: a client cannot choose them.
    expect(createWorkshopRequestSchema.safeParse({ ...base, delegations: [{ id: 'mine', profile }] }).success).toBe(false)
    expect(createWorkshopRequestSchema.safeParse({ title: 'Workshop', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en', profile }).success).toBe(false)
    expect(workshopSettingsRequestSchema.safeParse({ closed: true }).success).toBe(true)
    expect(workshopSettingsRequestSchema.safeParse({ closed: 'yes' }).success).toBe(false)
  })
})

describe('choosing the delegation a participant joins', () => {
  it('takes the only delegation when none is named', () => {
    expect(chooseDelegation(['live'], undefined)).toEqual({ ok: true, delegationId: 'live' })
  })

  it('requires a name when there are several', () => {
    expect(chooseDelegation(['npl', 'btn'], undefined)).toEqual({ ok: false, code: 'delegationRequired' })
  })

  it('takes the one named when the workshop has it, with one delegation or several', () => {
    expect(chooseDelegation(['npl', 'btn'], 'btn')).toEqual({ ok: true, delegationId: 'btn' })
    expect(chooseDelegation(['live'], 'live')).toEqual({ ok: true, delegationId: 'live' })
  })

  it('refuses a name the workshop does not have, even when it has one delegation', () => {
    expect(chooseDelegation(['npl', 'btn'], 'bgd')).toEqual({ ok: false, code: 'delegationUnknown' })
    expect(chooseDelegation(['live'], 'other')).toEqual({ ok: false, code: 'delegationUnknown' })
  })
})

describe('checking changes against the questionnaire', () => {
  it('accepts known indicators, levels up to the top, clearing, and "not applicable" where allowed', () => {
    expect(checkAnswerChanges(mini, [
      { indicatorId: 'a1', version: 1, answer: level(5) },
      { indicatorId: 'a2', version: 1, answer: null },
      { indicatorId: 'a3', version: 1, answer: notApplicable },
      { indicatorId: 'b1', version: 1, answer: dontKnow },
    ])).toEqual([])
  })

  it('refuses an unknown indicator, a level above the top and "not applicable" where not allowed, with their paths', () => {
    expect(checkAnswerChanges(mini, [
      { indicatorId: 'z9', version: 1, answer: level(1) },
      { indicatorId: 'a1', version: 1, answer: level(6) },
      { indicatorId: 'a2', version: 1, answer: notApplicable },
    ])).toEqual([
      { code: 'answers.unknownIndicator', path: 'changes[0].indicatorId', params: { id: 'z9', questionnaire: 'mini', version: '1.0.0' } },
      { code: 'answers.levelAboveTop', path: 'changes[1].answer.level', params: { level: 6, top: 5 } },
      { code: 'answers.notApplicable', path: 'changes[2].answer.kind', params: { id: 'a2' } },
    ])
  })

  it('checks clearing an unknown indicator too', () => {
    expect(checkAnswerChanges(mini, [{ indicatorId: 'toString', version: 1, answer: null }]).map(p => p.code)).toEqual(['answers.unknownIndicator'])
  })
})

describe('participant state', () => {
  it('is joined with no answer, answering with one, submitted once done', () => {
    expect(participantState(0, false)).toBe('joined')
    expect(participantState(1, false)).toBe('answering')
    expect(participantState(0, true)).toBe('submitted')
    expect(participantState(3, true)).toBe('submitted')
  })
})

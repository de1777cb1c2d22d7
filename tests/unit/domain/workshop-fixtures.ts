import type { Answer, Answers } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import { createWorkshop } from '@/domain/workshop'
import type { Delegation, Participant, Workshop } from '@/domain/workshop-model'
import { mini } from './questionnaire-fixtures'

/**
 * Worked examples on the mini questionnaire: alpha (weight 2) has a1 (weight 2), a2, a3 (n/a allowed); beta (weight 1)
 * has b1 (weight 2), b2, b3 (n/a allowed). Levels 0–5, evidence note required from level 3.
 */
export const T0 = '2026-11-20T09:00:00.000Z'
export const T1 = '2026-11-20T10:00:00.000Z'
export const T2 = '2026-11-20T11:00:00.000Z'
export const NOW = '2026-11-29T16:00:00.000Z'
export const L = (level: number, evidence = '', confidence: 'self-declared' | 'document-backed' | 'externally-validated' = 'self-declared', updatedAt = T0): Answer =>
  ({ kind: 'level', level, confidence, evidence, updatedAt })
export const DK = (evidence = '', updatedAt = T0): Answer => ({ kind: 'dont_know', evidence, updatedAt })
export const NA = (evidence = '', updatedAt = T0): Answer => ({ kind: 'not_applicable', evidence, updatedAt })

export function person(number: number, answers: Answers, extra: Partial<Participant> = {}): Participant {
  return { id: `p${number}`, number, role: '', source: 'file', answers, submitted: true, addedAt: T0, updatedAt: T0, ...extra }
}
export const on = (id: string, ...answers: Array<Answer | undefined>): Array<Pick<Participant, 'answers'>> =>
  answers.map(a => ({ answers: a === undefined ? {} : { [id]: a } }))

export function workshopWith(participants: Participant[], consensus: Delegation['consensus'] = {}): Workshop {
  const base = createWorkshop({
    id: 'w1', title: 'Regional workshop', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'en',
    delegations: [{ id: 'npl', profile: { ...emptyProfile('2026-11-20'), country: 'NPL', ministry: 'MoFA', unit: 'Tech', ldc: true } }], now: T0,
  })
  return { ...base, delegations: [{ ...base.delegations[0]!, participants, consensus }] }
}

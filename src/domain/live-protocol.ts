import { z } from 'zod'
import { answerSchema } from './assessment'
import { idSchema, LIMITS, localeSchema, versionSchema } from './input-rules'
import { formatPath, problem, type Problem } from './problem'
import { profileSchema } from './profile'
import { maxLevel, type Questionnaire } from './questionnaire'
import { consensusEntrySchema, WORKSHOP_LIMITS, type ConsensusEntry, type Participant, type Workshop } from './workshop-model'

/**
 * What a live workshop's participants and facilitator send to the workshop server (`src/server/`), and what it
 * answers: one copy of each shape, used by the server to validate and by the app to build requests. Every text
 * and count is bounded here, so a request the schema accepts is one the server can store.
 */

/** Bytes of one request body the server reads; a whole questionnaire's answers with long notes fit well under it. */
export const LIVE_BODY_BYTES = 512 * 1024

/** Answer changes in one request: a whole questionnaire at most. */
export const LIVE_MAX_CHANGES = LIMITS.indicators

/** A join code: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read aloud and type. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 8
export const joinCodeSchema = z.string().length(JOIN_CODE_LENGTH, 'value.format').regex(/^[2-9A-HJKMNP-Z]+$/, 'value.format')

/** A join code as typed: spaces and dashes dropped, letters upper-cased ("abcd-efgh" → "ABCDEFGH"). */
export function normalizeJoinCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase()
}

/** A client-generated id (a participant's): 8–64 letters, digits, "-" or "_". */
export const clientIdSchema = z.string().min(8, 'value.tooShort').max(64, 'value.tooLong').regex(/^[A-Za-z0-9_-]+$/, 'value.format')

export const createWorkshopRequestSchema = z.object({
  title: z.string().trim().min(1, 'value.required').max(WORKSHOP_LIMITS.titleLength, 'value.tooLong'),
  /** A questionnaire shipped with the app and the server (`id@version`). */
  questionnaireId: idSchema,
  questionnaireVersion: versionSchema,
  locale: localeSchema,
  /** The delegations in the room, in order (one context profile each); the server gives each its id. */
  delegations: z.array(z.object({ profile: profileSchema }).strict()).min(1, 'value.tooFew').max(WORKSHOP_LIMITS.delegations, 'value.tooMany'),
}).strict()
export type CreateWorkshopRequest = z.infer<typeof createWorkshopRequestSchema>

/** A delegation's id, as the server generated it when the workshop was created. */
export const delegationIdSchema = z.string().min(1, 'value.required').max(100, 'value.tooLong').regex(/^[A-Za-z0-9_-]+$/, 'value.format')

export const joinRequestSchema = z.object({
  participantId: clientIdSchema,
  /** The participant's delegation; may be left out only when the workshop has one delegation. */
  delegationId: delegationIdSchema.optional(),
  role: z.string().trim().max(WORKSHOP_LIMITS.roleLength, 'value.tooLong').default(''),
}).strict()
export type JoinRequest = z.infer<typeof joinRequestSchema>

/**
 * One answer change. `version` counts the participant's changes to this indicator (1, 2, 3 …); the server keeps
 * the highest version it has seen, so a replay or a late, older change is acknowledged but not applied twice.
 * `answer: null` clears the answer.
 */
export const answerChangeSchema = z.object({
  indicatorId: idSchema,
  version: z.number().int('value.notInteger').min(1).max(Number.MAX_SAFE_INTEGER),
  answer: answerSchema.nullable(),
}).strict()
export type LiveAnswerChange = z.infer<typeof answerChangeSchema>

export const putAnswersRequestSchema = z.object({
  changes: z.array(answerChangeSchema).min(1, 'value.tooFew').max(LIVE_MAX_CHANGES, 'value.tooMany'),
}).strict()
export type PutAnswersRequest = z.infer<typeof putAnswersRequestSchema>

/**
 * The rules of meaning an answers file obeys, applied to answer changes: each indicator exists in the workshop's
 * questionnaire, a level is not above its top level, and "not applicable" only where the indicator allows it.
 */
export function checkAnswerChanges(questionnaire: Pick<Questionnaire, 'id' | 'version' | 'levels' | 'indicators'>, changes: readonly LiveAnswerChange[]): Problem[] {
  const indicators = new Map(questionnaire.indicators.map(indicator => [indicator.id, indicator]))
  const top = maxLevel(questionnaire)
  const problems: Problem[] = []
  changes.forEach((change, index) => {
    const path = formatPath(['changes', index])
    const indicator = indicators.get(change.indicatorId)
    const answer = change.answer
    if (!indicator) problems.push(problem('answers.unknownIndicator', `${path}.indicatorId`, { id: change.indicatorId, questionnaire: questionnaire.id, version: questionnaire.version }))
    else if (answer?.kind === 'level' && answer.level > top) problems.push(problem('answers.levelAboveTop', `${path}.answer.level`, { level: answer.level, top }))
    else if (answer?.kind === 'not_applicable' && !indicator.allowNotApplicable) problems.push(problem('answers.notApplicable', `${path}.answer.kind`, { id: change.indicatorId }))
  })
  return problems
}

/** What the facilitator may change on a workshop: open or closed to answers, and whether participants see the spread. */
export const workshopSettingsRequestSchema = z.object({
  closed: z.boolean().optional(),
  spreadAllowed: z.boolean().optional(),
}).strict()
export type WorkshopSettingsRequest = z.infer<typeof workshopSettingsRequestSchema>

export const consensusRequestSchema = z.object({
  delegationId: delegationIdSchema,
  indicatorId: idSchema,
  entry: consensusEntrySchema,
}).strict()
export type ConsensusRequest = z.infer<typeof consensusRequestSchema>

/** The problems the server itself reports (beyond the validation problems of `problem.ts`); each is translated under `live.errors`. */
export const LIVE_ERROR_CODES = [
  'notFound', 'closed', 'unauthorized', 'forbidden', 'rateLimited', 'participantExists', 'tooLarge',
  'invalid', 'questionnaireUnknown', 'spreadNotAllowed', 'notSubmitted', 'unsupportedMediaType', 'internal',
  'delegationRequired', 'delegationUnknown', 'full',
] as const
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number]

/**
 * Which delegation a participant joins: the one named, or the only one when the workshop has a single delegation.
 * `delegationRequired` when several exist and none is named; `delegationUnknown` when the name is not one of them.
 */
export function chooseDelegation(delegationIds: readonly string[], requested: string | undefined): { ok: true, delegationId: string } | { ok: false, code: 'delegationRequired' | 'delegationUnknown' } {
  if (requested === undefined) {
    return delegationIds.length === 1 ? { ok: true, delegationId: delegationIds[0]! } : { ok: false, code: 'delegationRequired' }
  }
  return delegationIds.includes(requested) ? { ok: true, delegationId: requested } : { ok: false, code: 'delegationUnknown' }
}

/** A participant's progress as the facilitator sees it. */
export type LiveParticipantState = 'joined' | 'answering' | 'submitted'

/** The state of a participant: joined with no answer yet, answering, or done. */
export function participantState(answerCount: number, submitted: boolean): LiveParticipantState {
  if (submitted) return 'submitted'
  return answerCount > 0 ? 'answering' : 'joined'
}

/** What only a live workshop has beside the model: its join code, whether it is closed, and each participant's progress. */
export interface LiveStatus {
  /** Addresses participants reach the server at (`http://192.168.1.20:8080`), when it knows them; else the page's own. */
  joinBases: string[]
  joinCode: string
  closed: boolean
  spreadAllowed: boolean
  /** Participant id → progress, every delegation's participants together. */
  states: Record<string, LiveParticipantState>
}

/** The facilitator's view of a live workshop: every delegation with its participants and consensus, and the live status. */
export interface FacilitatorSnapshot {
  workshop: Workshop
  live: LiveStatus
}

/** Participants of one delegation that changed (joined, answered, submitted), with their progress. */
export interface ParticipantsChanged {
  delegationId: string
  participants: Participant[]
  states: Record<string, LiveParticipantState>
}

/** The workshop's settings and every delegation's consensus (delegation id → indicator id → entry), after a change. */
export interface WorkshopChanged {
  closed: boolean
  spreadAllowed: boolean
  consensus: Record<string, Record<string, ConsensusEntry>>
}

/** A delegation as a participant choosing theirs sees it: the country (ISO 3166-1 alpha-3, '' when not set) and ministry only. */
export interface JoinDelegation {
  id: string
  country: string
  ministry: string
}

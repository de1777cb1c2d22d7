import { z } from 'zod'
import { answerSchema } from './assessment'
import { idSchema, LIMITS, localeSchema, versionSchema } from './input-rules'
import { formatPath, problem, type Problem } from './problem'
import { profileSchema } from './profile'
import { maxLevel, type Questionnaire } from './questionnaire'
import { consensusEntrySchema, WORKSHOP_LIMITS } from './workshop-model'

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
  profile: profileSchema,
}).strict()
export type CreateWorkshopRequest = z.infer<typeof createWorkshopRequestSchema>

export const joinRequestSchema = z.object({
  participantId: clientIdSchema,
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
  indicatorId: idSchema,
  entry: consensusEntrySchema,
}).strict()
export type ConsensusRequest = z.infer<typeof consensusRequestSchema>

/** The problems the server itself reports (beyond the validation problems of `problem.ts`); each is translated under `live.errors`. */
export const LIVE_ERROR_CODES = [
  'notFound', 'closed', 'unauthorized', 'forbidden', 'rateLimited', 'participantExists', 'tooLarge',
  'invalid', 'questionnaireUnknown', 'spreadNotAllowed', 'notSubmitted', 'unsupportedMediaType', 'internal',
] as const
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number]

/** A participant's progress as the facilitator sees it. */
export type LiveParticipantState = 'joined' | 'answering' | 'submitted'

/** The state of a participant: joined with no answer yet, answering, or done. */
export function participantState(answerCount: number, submitted: boolean): LiveParticipantState {
  if (submitted) return 'submitted'
  return answerCount > 0 ? 'answering' : 'joined'
}

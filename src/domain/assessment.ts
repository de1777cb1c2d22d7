import { z } from 'zod'
import { idSchema, LIMITS, levelNumberSchema, localeSchema, timestampSchema, versionSchema } from './input-rules'
import { profileSchema, type Profile } from './profile'
import { emptyRoadmapEdits, roadmapEditsSchema } from './roadmap'
import { signOffSchema } from './sign-off'
import type { Indicator, Questionnaire } from './questionnaire'

export const CONFIDENCES = ['self-declared', 'document-backed', 'externally-validated'] as const
export type Confidence = (typeof CONFIDENCES)[number]

const timestamp = timestampSchema
const evidence = z.string().max(5000, 'value.tooLong')

/**
 * One indicator's answer. `level` is the highest level fully met; "don't know" is an information gap
 * (scored 0); "not applicable" removes the indicator from scoring. An answer with no `kind` does not exist:
 * unanswered indicators are simply absent from `answers`.
 */
export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), level: levelNumberSchema, confidence: z.enum(CONFIDENCES), evidence, updatedAt: timestamp }).strict(),
  z.object({ kind: z.literal('dont_know'), evidence, updatedAt: timestamp }).strict(),
  z.object({ kind: z.literal('not_applicable'), evidence, updatedAt: timestamp }).strict(),
])
export type Answer = z.infer<typeof answerSchema>

/** Answers by indicator id: ids follow the shared id rule, at most one per indicator a questionnaire may have. */
export const answersSchema = z.record(idSchema, answerSchema)
  .refine(value => Object.keys(value).length <= LIMITS.indicators, { message: 'value.tooMany', params: { max: LIMITS.indicators } })
export type Answers = Record<string, Answer>

/**
 * An answer to look at again after an upgrade to a newer questionnaire version: `fresh-look` when the wording
 * changed (the answer was carried), `reanswer` when the question changed too much (the answer was not carried;
 * `previous` keeps it, evidence note included, so nothing is lost); or, in a follow-up, `carried-over` when the
 * answer was copied from the earlier assessment ("carried over — confirm or change"). Removed once the user answers
 * or confirms it.
 */
export const freshLookSchema = z.object({
  reason: z.enum(['fresh-look', 'reanswer', 'carried-over']),
  /** The questionnaire version the answer was made with, e.g. "1.0.0". */
  from: versionSchema,
  /** The indicator's id in that version. */
  previousId: idSchema,
  previous: answerSchema.optional(),
}).strict()
export type FreshLook = z.infer<typeof freshLookSchema>
/** Indicator id (in the current version) → why it needs a fresh look. */
export type FreshLookMarks = Record<string, FreshLook>

/** The marks without the one on `indicatorId` (the user answered it again, or confirmed the answer still holds). */
export function clearFreshLook(marks: FreshLookMarks | undefined, indicatorId: string): FreshLookMarks {
  const next = { ...marks }
  delete next[indicatorId]
  return next
}

/** Where the user was, so a reload brings them back to the same place. */
export const positionSchema = z.object({
  view: z.enum(['profile', 'questionnaire', 'review', 'results', 'roadmap']),
  dimensionId: idSchema.optional(),
  indicatorId: idSchema.optional(),
}).strict()
export type Position = z.infer<typeof positionSchema>

/**
 * The earlier assessment a follow-up was started from, kept whole inside the follow-up (the earlier one may be
 * deleted later): its questionnaire version, profile (its `date` is the earlier date), answers and roadmap edits.
 * `source` says whether it was a single assessment or a workshop's consensus (`title` then names the workshop and
 * delegation).
 */
export const baselineSchema = z.object({
  source: z.enum(['assessment', 'workshop']),
  title: z.string().max(400, 'value.tooLong').optional(),
  questionnaireId: idSchema,
  questionnaireVersion: versionSchema,
  profile: profileSchema,
  answers: answersSchema,
  roadmap: roadmapEditsSchema.default({}),
  createdAt: timestamp,
  updatedAt: timestamp,
}).strict()
export type Baseline = z.infer<typeof baselineSchema>

export const assessmentSchema = z.object({
  id: z.string().min(1).max(100),
  /** Key of the questionnaire in the app (`id@version` or `file:id@version`). */
  questionnaireKey: z.string().max(LIMITS.idLength + LIMITS.versionLength + 10),
  questionnaireId: idSchema,
  questionnaireVersion: versionSchema,
  /** Language of the questionnaire texts and the PDF. */
  locale: localeSchema,
  profile: profileSchema,
  answers: answersSchema,
  position: positionSchema,
  /** The user's changes to the generated roadmap (targets, dropped, owners and dates, own actions). */
  roadmap: roadmapEditsSchema.default({}),
  /** Set on a duplicate, and on an import of a file whose assessment is already on the device: the list labels it "(copy)". */
  isCopy: z.boolean().optional(),
  /** Draft mark and sign-off block of the report; absent in assessments saved before it existed. */
  signOff: signOffSchema.optional(),
  /** Answers to look at again after an upgrade (none for an assessment never upgraded). */
  freshLook: z.record(idSchema, freshLookSchema).optional(),
  /** A follow-up's earlier assessment (absent on an assessment that is not a follow-up). */
  baseline: baselineSchema.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
}).strict()
export type Assessment = z.infer<typeof assessmentSchema>

/** Whether the answer must carry an evidence note: a level at or above the indicator's threshold (3 by default). */
export function isEvidenceRequired(indicator: Pick<Indicator, 'evidenceRequiredFrom'>, answer: Answer | undefined): boolean {
  return answer?.kind === 'level' && answer.level >= indicator.evidenceRequiredFrom
}

/** Whether the answer still needs an evidence note: one is required and the note is empty. */
export function needsEvidence(indicator: Pick<Indicator, 'evidenceRequiredFrom'>, answer: Answer | undefined): boolean {
  return answer !== undefined && isEvidenceRequired(indicator, answer) && answer.evidence.trim() === ''
}

/** An indicator counts as answered when it has an answer that passes the evidence rule. */
export function isAnswered(indicator: Pick<Indicator, 'evidenceRequiredFrom'>, answer: Answer | undefined): boolean {
  return answer !== undefined && !needsEvidence(indicator, answer)
}

/** Progress through a set of indicators: `answered` of `total`, and the ratio 0–1 (1 when there are none). */
export interface Progress {
  answered: number
  total: number
  ratio: number
}

export function progressOf(indicators: ReadonlyArray<Pick<Indicator, 'id' | 'evidenceRequiredFrom'>>, answers: Answers): Progress {
  const answered = indicators.filter(indicator => isAnswered(indicator, answers[indicator.id])).length
  return { answered, total: indicators.length, ratio: indicators.length === 0 ? 1 : answered / indicators.length }
}

/** Indicators still to do, in questionnaire order: unanswered ones and answers missing a required evidence note. */
export interface PendingIndicator {
  indicator: Indicator
  reason: 'unanswered' | 'evidence'
}

export function pendingIndicators(questionnaire: Questionnaire, answers: Answers): PendingIndicator[] {
  return questionnaire.indicators.flatMap((indicator): PendingIndicator[] => {
    const answer = answers[indicator.id]
    if (answer === undefined) return [{ indicator, reason: 'unanswered' }]
    if (needsEvidence(indicator, answer)) return [{ indicator, reason: 'evidence' }]
    return []
  })
}

export interface NewAssessmentInput {
  id: string
  questionnaireKey: string
  questionnaire: Pick<Questionnaire, 'id' | 'version'>
  locale: string
  profile: Profile
  now: string
}

export function createAssessment(input: NewAssessmentInput): Assessment {
  return {
    id: input.id,
    questionnaireKey: input.questionnaireKey,
    questionnaireId: input.questionnaire.id,
    questionnaireVersion: input.questionnaire.version,
    locale: input.locale,
    profile: input.profile,
    answers: {},
    position: { view: 'profile' },
    roadmap: emptyRoadmapEdits(),
    createdAt: input.now,
    updatedAt: input.now,
  }
}

/** The change a user makes to one answer; `null` clears it. */
export type AnswerChange =
  | { kind: 'level', level: number }
  | { kind: 'dont_know' }
  | { kind: 'not_applicable' }
  | { confidence: Confidence }
  | { evidence: string }
  | null

/**
 * Applies one change to an indicator's answer. Choosing another answer keeps the evidence note and the
 * confidence already entered (a note is never thrown away). Confidence and evidence changes need an existing
 * answer to belong to; on an unanswered indicator they change nothing (the form shows those fields only once
 * an answer is chosen).
 */
export function applyAnswerChange(answers: Answers, indicatorId: string, change: AnswerChange, now: string): Answers {
  const next: Answers = { ...answers }
  const current = answers[indicatorId]
  if (change === null) {
    delete next[indicatorId]
    return next
  }
  const keptEvidence = current?.evidence ?? ''
  if ('kind' in change) {
    if (change.kind === 'level') {
      const confidence = current?.kind === 'level' ? current.confidence : 'self-declared'
      next[indicatorId] = { kind: 'level', level: change.level, confidence, evidence: keptEvidence, updatedAt: now }
    }
    else next[indicatorId] = { kind: change.kind, evidence: keptEvidence, updatedAt: now }
    return next
  }
  if (current === undefined) return answers
  if ('confidence' in change) {
    if (current.kind !== 'level') return answers
    next[indicatorId] = { ...current, confidence: change.confidence, updatedAt: now }
    return next
  }
  next[indicatorId] = { ...current, evidence: change.evidence.slice(0, 5000), updatedAt: now }
  return next
}

/** Indicators answered "don't know" (the information gaps), in questionnaire order. */
export function informationGaps(questionnaire: Pick<Questionnaire, 'indicators'>, answers: Answers): Indicator[] {
  return questionnaire.indicators.filter(indicator => answers[indicator.id]?.kind === 'dont_know')
}

/** Indicators an upgrade marked for a fresh look, in questionnaire order; none without marks. */
export function indicatorsToLookAt(questionnaire: Pick<Questionnaire, 'indicators'>, marks: FreshLookMarks | undefined): Indicator[] {
  return questionnaire.indicators.filter(indicator => marks?.[indicator.id] !== undefined)
}

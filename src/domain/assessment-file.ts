import { z } from 'zod'
import { answersSchema, baselineSchema, freshLookSchema, type Assessment, type Answers, type Baseline, type FreshLookMarks } from './assessment'
import { parseJson } from './check'
import { findForbiddenKeys, idSchema, LIMITS, looksLikeQuestionnaire, resolveLocale, timestampSchema, versionSchema } from './input-rules'
import { formatPath, problem, shown, type Problem } from './problem'
import { problemFromZodIssue } from './zod-problems'
import { profileSchema, type Profile } from './profile'
import { emptyRoadmapEdits, roadmapEditsSchema, type RoadmapEdits } from './roadmap'
import { signOffSchema, type SignOff } from './sign-off'
import { maxLevel, type Questionnaire } from './questionnaire'
import { WORKSHOP_FILE_FORMAT } from './workshop-model'

/** What an exported answers file (`*.tda.json`) says it is. */
export const ASSESSMENT_FILE_FORMAT = 'tech-diplomacy-assessment'
/** The version of the answers-file format this code writes and reads. */
export const ASSESSMENT_FILE_SCHEMA_VERSION = 1
/** Larger files are refused before reading: a real one is a few hundred KB at most. */
export const MAX_ASSESSMENT_FILE_BYTES = LIMITS.answersFileBytes

const timestamp = timestampSchema

export const assessmentFileSchema = z.object({
  format: z.literal(ASSESSMENT_FILE_FORMAT),
  schemaVersion: z.literal(ASSESSMENT_FILE_SCHEMA_VERSION),
  exportedAt: timestamp,
  questionnaire: z.object({ id: idSchema, version: versionSchema }).strict(),
  assessment: z.object({
    /** Checked against the questionnaire's languages on import: an unknown one falls back with a note. */
    locale: z.string().max(100, 'value.tooLong'),
    profile: profileSchema,
    answers: answersSchema,
    /** Optional: files from before the roadmap existed have none. */
    roadmap: roadmapEditsSchema.optional(),
    /** Optional: the report's draft mark and sign-off block (files from before it existed have none). */
    signOff: signOffSchema.optional(),
    /** Optional: answers still to look at again after an upgrade to a newer questionnaire version. */
    freshLook: z.record(idSchema, freshLookSchema)
      .refine(value => Object.keys(value).length <= LIMITS.indicators, { message: 'value.tooMany', params: { max: LIMITS.indicators } })
      .optional(),
    /** Optional: a follow-up's earlier assessment, kept whole (files of assessments that are not follow-ups have none). */
    baseline: baselineSchema.optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }).strict(),
}).strict()

export type AssessmentFile = z.infer<typeof assessmentFileSchema>

/** The content of a valid answers file, ready to become a new saved assessment. */
export interface ImportedAssessment {
  questionnaire: Questionnaire
  locale: string
  profile: Profile
  answers: Answers
  roadmap: RoadmapEdits
  /** Absent when the file has none. */
  signOff?: SignOff
  /** Answers marked for a fresh look after an upgrade (absent when there are none). */
  freshLook?: FreshLookMarks
  /** A follow-up's earlier assessment (absent when the file is not a follow-up). */
  baseline?: Baseline
  createdAt: string
  updatedAt: string
}

/** A valid file (with notes such as a language fallback, to show but not to refuse), or every problem found. */
export type ImportResult = { ok: true, value: ImportedAssessment, notes: Problem[] } | { ok: false, errors: Problem[] }

/** Builds the exported file for an assessment. */
export function buildAssessmentFile(assessment: Assessment, exportedAt: string): AssessmentFile {
  return {
    format: ASSESSMENT_FILE_FORMAT,
    schemaVersion: ASSESSMENT_FILE_SCHEMA_VERSION,
    exportedAt,
    questionnaire: { id: assessment.questionnaireId, version: assessment.questionnaireVersion },
    assessment: {
      locale: assessment.locale,
      profile: assessment.profile,
      answers: assessment.answers,
      roadmap: assessment.roadmap,
      ...(assessment.signOff ? { signOff: assessment.signOff } : {}),
      ...(assessment.freshLook && Object.keys(assessment.freshLook).length > 0 ? { freshLook: assessment.freshLook } : {}),
      ...(assessment.baseline ? { baseline: assessment.baseline } : {}),
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
    },
  }
}

export function serializeAssessmentFile(file: AssessmentFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

/**
 * `<country>-<date>.<extension>`, ASCII only, e.g. `cote-d-ivoire-2026-11-23.tda.json`; the same stem names
 * every file made from one assessment (answers, CSV, PDF).
 */
export function assessmentFileName(countryName: string, date: string, extension = 'tda.json'): string {
  const slug = countryName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return `${slug || 'assessment'}-${date || 'undated'}.${extension}`
}

/**
 * Checks an answers file and resolves its questionnaire with `findQuestionnaire(id, version)`.
 * Every problem is reported as a code with its JSON path; nothing is returned unless the whole file is valid.
 * A locale the questionnaire does not offer falls back to English with a note in `notes`.
 */
export function parseAssessmentFile(
  text: string,
  findQuestionnaire: (id: string, version: string) => Questionnaire | undefined,
  availableQuestionnaires: ReadonlyArray<{ id: string, version: string }> = [],
): ImportResult {
  const json = parseJson(text, LIMITS.answersFileBytes, 'answers')
  if (!json.ok) return { ok: false, errors: [json.error] }
  const data = json.value
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [problem('file.notObject', '(top level)', { expected: 'answers' })] }
  }
  const head = data as Record<string, unknown>
  if (head.format !== ASSESSMENT_FILE_FORMAT) {
    if (looksLikeQuestionnaire(head)) return { ok: false, errors: [problem('file.isQuestionnaire', '(top level)')] }
    if (head.format === WORKSHOP_FILE_FORMAT) return { ok: false, errors: [problem('file.isWorkshop', '(top level)')] }
    return { ok: false, errors: [problem('answers.format', 'format', { expected: ASSESSMENT_FILE_FORMAT })] }
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > ASSESSMENT_FILE_SCHEMA_VERSION) {
    return { ok: false, errors: [problem('answers.newerVersion', 'schemaVersion', { version: shown(head.schemaVersion), supported: ASSESSMENT_FILE_SCHEMA_VERSION })] }
  }
  const forbidden = findForbiddenKeys(data)
  if (forbidden.length > 0) return { ok: false, errors: forbidden }

  const parsed = assessmentFileSchema.safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(problemFromZodIssue) }
  const file = parsed.data
  const questionnaire = findQuestionnaire(file.questionnaire.id, file.questionnaire.version)
  if (!questionnaire) {
    const available = availableQuestionnaires.map(q => `${q.id} ${q.version}`)
    return { ok: false, errors: [problem('answers.questionnaireUnavailable', 'questionnaire', { id: file.questionnaire.id, version: file.questionnaire.version, available })] }
  }

  const errors: Problem[] = [
    ...answerProblems(questionnaire, file.assessment.answers, ['assessment', 'answers']),
    ...roadmapProblems(questionnaire, file.assessment.roadmap ?? emptyRoadmapEdits(), ['assessment', 'roadmap']),
  ]
  const indicatorIds = new Set(questionnaire.indicators.map(i => i.id))
  for (const id of Object.keys(file.assessment.freshLook ?? {})) {
    if (!indicatorIds.has(id)) errors.push(problem('answers.unknownIndicator', formatPath(['assessment', 'freshLook', id]), { id, questionnaire: questionnaire.id, version: questionnaire.version }))
  }
  // A follow-up's earlier assessment is checked against its own questionnaire version, when this app has it.
  const baseline = file.assessment.baseline
  const notes: Problem[] = []
  if (baseline) {
    const earlier = findQuestionnaire(baseline.questionnaireId, baseline.questionnaireVersion)
    if (earlier) {
      errors.push(...answerProblems(earlier, baseline.answers, ['assessment', 'baseline', 'answers']), ...roadmapProblems(earlier, baseline.roadmap, ['assessment', 'baseline', 'roadmap']))
    }
    else notes.push(problem('answers.baselineQuestionnaireUnavailable', 'assessment.baseline', { id: baseline.questionnaireId, version: baseline.questionnaireVersion }))
  }

  if (errors.length > 0) return { ok: false, errors }

  const roadmap = file.assessment.roadmap ?? emptyRoadmapEdits()
  const { locale, note } = resolveLocale(file.assessment.locale, questionnaire.locales, questionnaire.locales.includes('en') ? 'en' : questionnaire.locales[0]!, 'assessment.locale')
  return {
    ok: true,
    value: {
      questionnaire,
      locale,
      profile: file.assessment.profile,
      answers: file.assessment.answers,
      roadmap,
      ...(file.assessment.signOff ? { signOff: file.assessment.signOff } : {}),
      ...(file.assessment.freshLook ? { freshLook: file.assessment.freshLook } : {}),
      ...(baseline ? { baseline } : {}),
      createdAt: file.assessment.createdAt,
      updatedAt: file.assessment.updatedAt,
    },
    notes: [...(note ? [note] : []), ...notes],
  }
}

/**
 * What is wrong with answers against their questionnaire: unknown indicators, levels above the top of the scale,
 * "not applicable" where the indicator does not allow it. `at` is the path of the answers in the file.
 */
export function answerProblems(questionnaire: Questionnaire, answers: Answers, at: ReadonlyArray<string | number>): Problem[] {
  const errors: Problem[] = []
  const indicators = new Map(questionnaire.indicators.map(i => [i.id, i]))
  const top = maxLevel(questionnaire)
  for (const [id, answer] of Object.entries(answers)) {
    const path = formatPath([...at, id])
    const indicator = indicators.get(id)
    if (!indicator) errors.push(problem('answers.unknownIndicator', path, { id, questionnaire: questionnaire.id, version: questionnaire.version }))
    else if (answer.kind === 'level' && answer.level > top) errors.push(problem('answers.levelAboveTop', `${path}.level`, { level: answer.level, top }))
    else if (answer.kind === 'not_applicable' && !indicator.allowNotApplicable) errors.push(problem('answers.notApplicable', `${path}.kind`, { id }))
  }
  return errors
}

/** What is wrong with roadmap edits against their questionnaire: unknown dimensions, targets above the top of the scale. */
export function roadmapProblems(questionnaire: Questionnaire, roadmap: RoadmapEdits, at: ReadonlyArray<string | number>): Problem[] {
  const errors: Problem[] = []
  const top = maxLevel(questionnaire)
  const dimensionIds = new Set(questionnaire.dimensions.map(d => d.id))
  for (const [id, target] of Object.entries(roadmap.targets)) {
    const path = formatPath([...at, 'targets', id])
    if (!dimensionIds.has(id)) errors.push(problem('dimension.unknown', path, { id }))
    else if (target > top) errors.push(problem('roadmap.targetAboveTop', path, { target, top }))
  }
  roadmap.custom.forEach((action, i) => {
    if (!dimensionIds.has(action.dimensionId)) errors.push(problem('dimension.unknown', formatPath([...at, 'custom', i, 'dimensionId']), { id: action.dimensionId }))
  })
  return errors
}

import { z } from 'zod'
import { answerSchema, freshLookSchema, type Assessment, type Answers, type FreshLookMarks } from './assessment'
import { formatPath, parseJson, type CheckIssue } from './check'
import { profileSchema, type Profile } from './profile'
import { emptyRoadmapEdits, roadmapEditsSchema, type RoadmapEdits } from './roadmap'
import { signOffSchema, type SignOff } from './sign-off'
import { maxLevel, type Questionnaire } from './questionnaire'

/** What an exported answers file (`*.tda.json`) says it is. */
export const ASSESSMENT_FILE_FORMAT = 'tech-diplomacy-assessment'
/** The version of the answers-file format this code writes and reads. */
export const ASSESSMENT_FILE_SCHEMA_VERSION = 1
/** Larger files are refused before parsing: a real one is a few hundred KB at most. */
export const MAX_ASSESSMENT_FILE_BYTES = 5 * 1024 * 1024

const timestamp = z.string().max(40)

export const assessmentFileSchema = z.object({
  format: z.literal(ASSESSMENT_FILE_FORMAT),
  schemaVersion: z.literal(ASSESSMENT_FILE_SCHEMA_VERSION),
  exportedAt: timestamp,
  questionnaire: z.object({ id: z.string().min(1).max(200), version: z.string().min(1).max(50) }).strict(),
  assessment: z.object({
    locale: z.string().min(1).max(20),
    profile: profileSchema,
    answers: z.record(answerSchema),
    /** Optional: files from before the roadmap existed have none. */
    roadmap: roadmapEditsSchema.optional(),
    /** Optional: the report's draft mark and sign-off block (files from before it existed have none). */
    signOff: signOffSchema.optional(),
    /** Optional: answers still to look at again after an upgrade to a newer questionnaire version. */
    freshLook: z.record(freshLookSchema).optional(),
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
  createdAt: string
  updatedAt: string
}

export type ImportResult = { ok: true, value: ImportedAssessment } | { ok: false, errors: CheckIssue[] }

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Keys that would change an object's prototype if copied: refused wherever they appear. */
function findForbiddenKeys(value: unknown, path: Array<string | number>, out: CheckIssue[]): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    value.forEach((item, index) => findForbiddenKeys(item, [...path, index], out))
    return
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) out.push({ path: formatPath([...path, key]), message: `the key "${key}" is not allowed` })
    else findForbiddenKeys((value as Record<string, unknown>)[key], [...path, key], out)
  }
}

/**
 * Checks an answers file and resolves its questionnaire with `findQuestionnaire(id, version)`.
 * Every problem is reported with its JSON path; nothing is returned unless the whole file is valid.
 */
export function parseAssessmentFile(
  text: string,
  findQuestionnaire: (id: string, version: string) => Questionnaire | undefined,
  availableQuestionnaires: ReadonlyArray<{ id: string, version: string }> = [],
): ImportResult {
  if (text.length > MAX_ASSESSMENT_FILE_BYTES) {
    return { ok: false, errors: [{ path: '(file)', message: `the file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB; an answers file is at most ${MAX_ASSESSMENT_FILE_BYTES / 1024 / 1024} MB)` }] }
  }
  const json = parseJson(text)
  if (!json.ok) return { ok: false, errors: [json.error] }
  const data = json.value
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [{ path: '(top level)', message: 'not an answers file: expected a JSON object' }] }
  }
  const head = data as Record<string, unknown>
  if (head.format !== ASSESSMENT_FILE_FORMAT) {
    return { ok: false, errors: [{ path: 'format', message: `not an answers file of this tool (expected "format": "${ASSESSMENT_FILE_FORMAT}")` }] }
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > ASSESSMENT_FILE_SCHEMA_VERSION) {
    return { ok: false, errors: [{ path: 'schemaVersion', message: `the file was made by a newer version of this tool (file format ${head.schemaVersion}; this version reads ${ASSESSMENT_FILE_SCHEMA_VERSION}). Update the tool to open it.` }] }
  }
  const forbidden: CheckIssue[] = []
  findForbiddenKeys(data, [], forbidden)
  if (forbidden.length > 0) return { ok: false, errors: forbidden }

  const parsed = assessmentFileSchema.safeParse(data)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(issue => ({
        path: formatPath(issue.path),
        message: issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message,
      })),
    }
  }
  const file = parsed.data
  const questionnaire = findQuestionnaire(file.questionnaire.id, file.questionnaire.version)
  if (!questionnaire) {
    const available = availableQuestionnaires.map(q => `${q.id} ${q.version}`).join(', ') || 'none'
    return {
      ok: false,
      errors: [{
        path: 'questionnaire',
        message: `the answers were made with questionnaire "${file.questionnaire.id}" version ${file.questionnaire.version}, which is not available here (available: ${available}). Open that questionnaire file first, then import again.`,
      }],
    }
  }

  const errors: CheckIssue[] = []
  const indicators = new Map(questionnaire.indicators.map(i => [i.id, i]))
  const top = maxLevel(questionnaire)
  for (const [id, answer] of Object.entries(file.assessment.answers)) {
    const path = formatPath(['assessment', 'answers', id])
    const indicator = indicators.get(id)
    if (!indicator) errors.push({ path, message: `unknown indicator "${id}" for questionnaire ${questionnaire.id} ${questionnaire.version}` })
    else if (answer.kind === 'level' && answer.level > top) errors.push({ path: `${path}.level`, message: `level ${answer.level} is above the top level ${top}` })
    else if (answer.kind === 'not_applicable' && !indicator.allowNotApplicable) errors.push({ path: `${path}.kind`, message: `"not applicable" is not allowed for indicator ${id}` })
  }
  const dimensionIds = new Set(questionnaire.dimensions.map(d => d.id))
  const roadmap = file.assessment.roadmap ?? emptyRoadmapEdits()
  for (const [id, target] of Object.entries(roadmap.targets)) {
    if (!dimensionIds.has(id)) errors.push({ path: formatPath(['assessment', 'roadmap', 'targets', id]), message: `unknown dimension "${id}"` })
    else if (target > top) errors.push({ path: formatPath(['assessment', 'roadmap', 'targets', id]), message: `target ${target} is above the top level ${top}` })
  }
  for (const id of Object.keys(file.assessment.freshLook ?? {})) {
    if (!indicators.has(id)) errors.push({ path: formatPath(['assessment', 'freshLook', id]), message: `unknown indicator "${id}" for questionnaire ${questionnaire.id} ${questionnaire.version}` })
  }
  roadmap.custom.forEach((action, i) => {
    if (!dimensionIds.has(action.dimensionId)) errors.push({ path: formatPath(['assessment', 'roadmap', 'custom', i, 'dimensionId']), message: `unknown dimension "${action.dimensionId}"` })
  })
  if (errors.length > 0) return { ok: false, errors }

  return {
    ok: true,
    value: {
      questionnaire,
      locale: file.assessment.locale,
      profile: file.assessment.profile,
      answers: file.assessment.answers,
      roadmap,
      ...(file.assessment.signOff ? { signOff: file.assessment.signOff } : {}),
      ...(file.assessment.freshLook ? { freshLook: file.assessment.freshLook } : {}),
      createdAt: file.assessment.createdAt,
      updatedAt: file.assessment.updatedAt,
    },
  }
}

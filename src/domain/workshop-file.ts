import { z } from 'zod'
import { answerProblems, roadmapProblems } from './assessment-file'
import { parseJson } from './check'
import { findForbiddenKeys, idSchema, looksLikeQuestionnaire, resolveLocale, timestampSchema, versionSchema } from './input-rules'
import { formatPath, problem, shown, type Problem } from './problem'
import { maxLevel, type Questionnaire } from './questionnaire'
import { WORKSHOP_FILE_FORMAT, workshopSchema, type Workshop } from './workshop-model'
import { problemFromZodIssue } from './zod-problems'

export { WORKSHOP_FILE_FORMAT } from './workshop-model'

/** The version of the workshop-file format this code writes and reads. */
export const WORKSHOP_FILE_SCHEMA_VERSION = 1
/**
 * Larger files are refused before reading. A 40-participant workshop with notes is well under 1 MB; 20 MB leaves room
 * for a full live room (500 participants × a 500-indicator questionnaire would not fit, and cannot be read usefully).
 */
export const MAX_WORKSHOP_FILE_BYTES = 20 * 1024 * 1024

/** The workshop as the file carries it: the questionnaire is named once, in the file's header, and the app's key is the importer's. */
// A file never carries the live marker (`live`): an imported workshop is never followed from a server.
const workshopBodySchema = workshopSchema.omit({ questionnaireKey: true, questionnaireId: true, questionnaireVersion: true, locale: true, live: true }).extend({
  /** Checked against the questionnaire's languages on import: an unknown one falls back with a note. */
  locale: z.string().max(100, 'value.tooLong'),
})

export const workshopFileSchema = z.object({
  format: z.literal(WORKSHOP_FILE_FORMAT),
  schemaVersion: z.literal(WORKSHOP_FILE_SCHEMA_VERSION),
  exportedAt: timestampSchema,
  questionnaire: z.object({ id: idSchema, version: versionSchema }).strict(),
  workshop: workshopBodySchema,
}).strict()
export type WorkshopFile = z.infer<typeof workshopFileSchema>

/** The content of a valid workshop file: the workshop (its id and questionnaire key as written, for the importer to replace) and its questionnaire. */
export interface ImportedWorkshop {
  questionnaire: Questionnaire
  workshop: Omit<Workshop, 'questionnaireKey' | 'live'>
}

export type WorkshopImportResult = { ok: true, value: ImportedWorkshop, notes: Problem[] } | { ok: false, errors: Problem[] }

/** Builds the exported file for a workshop. */
export function buildWorkshopFile(workshop: Workshop, exportedAt: string): WorkshopFile {
  const { id, title, locale, showNames, delegations, createdAt, updatedAt } = workshop
  return {
    format: WORKSHOP_FILE_FORMAT,
    schemaVersion: WORKSHOP_FILE_SCHEMA_VERSION,
    exportedAt,
    questionnaire: { id: workshop.questionnaireId, version: workshop.questionnaireVersion },
    workshop: { id, title, locale, showNames, delegations, createdAt, updatedAt },
  }
}

export function serializeWorkshopFile(file: WorkshopFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}

/** `<title>-<date>.tdw.json`, ASCII only, e.g. `regional-workshop-dakar-2026-11-29.tdw.json`. */
export function workshopFileName(title: string, date: string, extension = 'tdw.json'): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '')
  return `${slug || 'workshop'}-${date || 'undated'}.${extension}`
}

/** Problems of meaning the schema cannot see: duplicate ids and numbers, answers and consensus against the questionnaire. */
function workshopProblems(questionnaire: Questionnaire, workshop: WorkshopFile['workshop']): Problem[] {
  const errors: Problem[] = []
  const top = maxLevel(questionnaire)
  const indicators = new Map(questionnaire.indicators.map(i => [i.id, i]))
  const delegationIds = new Map<string, number>()
  workshop.delegations.forEach((delegation, d) => {
    const at = ['workshop', 'delegations', d]
    const first = delegationIds.get(delegation.id)
    if (first !== undefined) errors.push(problem('id.duplicate', formatPath([...at, 'id']), { id: delegation.id, other: formatPath(['workshop', 'delegations', first]) }))
    else delegationIds.set(delegation.id, d)
    const participantIds = new Map<string, number>()
    const numbers = new Map<number, number>()
    delegation.participants.forEach((participant, p) => {
      const where = [...at, 'participants', p]
      const sameId = participantIds.get(participant.id)
      if (sameId !== undefined) errors.push(problem('id.duplicate', formatPath([...where, 'id']), { id: participant.id, other: formatPath([...at, 'participants', sameId]) }))
      else participantIds.set(participant.id, p)
      const sameNumber = numbers.get(participant.number)
      if (sameNumber !== undefined) errors.push(problem('workshop.duplicateNumber', formatPath([...where, 'number']), { number: participant.number, other: formatPath([...at, 'participants', sameNumber]) }))
      else numbers.set(participant.number, p)
      errors.push(...answerProblems(questionnaire, participant.answers, [...where, 'answers']))
    })
    for (const [id, entry] of Object.entries(delegation.consensus)) {
      const path = formatPath([...at, 'consensus', id])
      const indicator = indicators.get(id)
      const choice = entry.choice
      if (!indicator) errors.push(problem('answers.unknownIndicator', path, { id, questionnaire: questionnaire.id, version: questionnaire.version }))
      else if (choice?.kind === 'level' && choice.level > top) errors.push(problem('answers.levelAboveTop', `${path}.choice.level`, { level: choice.level, top }))
      else if (choice?.kind === 'not_applicable' && !indicator.allowNotApplicable) errors.push(problem('answers.notApplicable', `${path}.choice.kind`, { id }))
    }
    errors.push(...roadmapProblems(questionnaire, delegation.roadmap, [...at, 'roadmap']))
  })
  return errors
}

/**
 * Checks a workshop file (`*.tdw.json`) and resolves its questionnaire with `findQuestionnaire(id, version)`. The size
 * is checked before reading, the nesting before parsing, forbidden keys before validation; every problem is a code
 * with its JSON path, and nothing is returned unless the whole file is valid. Pure: what is stored is never touched,
 * the caller stores `value` only when `ok`. A language the questionnaire does not offer falls back with a note.
 */
export function parseWorkshopFile(
  text: string,
  findQuestionnaire: (id: string, version: string) => Questionnaire | undefined,
  availableQuestionnaires: ReadonlyArray<{ id: string, version: string }> = [],
): WorkshopImportResult {
  const json = parseJson(text, MAX_WORKSHOP_FILE_BYTES, 'workshop')
  if (!json.ok) return { ok: false, errors: [json.error] }
  const data = json.value
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: [problem('file.notObject', '(top level)', { expected: 'workshop' })] }
  }
  const head = data as Record<string, unknown>
  if (head.format !== WORKSHOP_FILE_FORMAT) {
    if (looksLikeQuestionnaire(head)) return { ok: false, errors: [problem('workshopFile.isQuestionnaire', '(top level)')] }
    if (typeof head.assessment === 'object') return { ok: false, errors: [problem('workshopFile.isAnswers', '(top level)')] }
    return { ok: false, errors: [problem('workshopFile.format', 'format', { expected: WORKSHOP_FILE_FORMAT })] }
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > WORKSHOP_FILE_SCHEMA_VERSION) {
    return { ok: false, errors: [problem('workshopFile.newerVersion', 'schemaVersion', { version: shown(head.schemaVersion), supported: WORKSHOP_FILE_SCHEMA_VERSION })] }
  }
  const forbidden = findForbiddenKeys(data)
  if (forbidden.length > 0) return { ok: false, errors: forbidden }

  const parsed = workshopFileSchema.safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(problemFromZodIssue) }
  const file = parsed.data
  const questionnaire = findQuestionnaire(file.questionnaire.id, file.questionnaire.version)
  if (!questionnaire) {
    const available = availableQuestionnaires.map(q => `${q.id} ${q.version}`)
    return { ok: false, errors: [problem('workshopFile.questionnaireUnavailable', 'questionnaire', { id: file.questionnaire.id, version: file.questionnaire.version, available })] }
  }
  const errors = workshopProblems(questionnaire, file.workshop)
  if (errors.length > 0) return { ok: false, errors }

  // Every questionnaire has English (the checker requires it), so English is the fallback.
  const { locale, note } = resolveLocale(file.workshop.locale, questionnaire.locales, 'en', 'workshop.locale')
  return {
    ok: true,
    value: { questionnaire, workshop: { ...file.workshop, locale, questionnaireId: questionnaire.id, questionnaireVersion: questionnaire.version } },
    notes: note ? [note] : [],
  }
}

/** Turns the content of a valid workshop file into a workshop; only the id and the app's questionnaire key are the caller's. */
export function workshopFromImport(imported: ImportedWorkshop, placement: { id: string, questionnaireKey: string }): Workshop {
  return { ...imported.workshop, id: placement.id, questionnaireKey: placement.questionnaireKey }
}

import type { CheckIssue } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'
import { summarizeQuestionnaire, type QuestionnaireSummary } from '@/domain/questionnaire-summary'
import questionnaireIndex from 'virtual:questionnaire-index'
import { getStorage, type StorageResult } from './storage'

/** Where a questionnaire came from: shipped with the app, or opened by the user from a file. */
export type QuestionnaireOrigin = { kind: 'bundled', file: string } | { kind: 'file', file: string, openedAt: string }

export interface QuestionnaireEntry {
  /** Unique key: `id@version` for bundled ones, `file:id@version` for opened ones. */
  key: string
  origin: QuestionnaireOrigin
  questionnaire: Questionnaire
}

/** A questionnaire file that failed the checker, with every problem found. */
export interface QuestionnaireLoadError {
  file: string
  errors: CheckIssue[]
}

export type LoadResult<T> = { ok: true, value: T } | { ok: false, error: QuestionnaireLoadError }

/** A questionnaire as the home page lists it: its key, where it came from and its summary (not its content). */
export interface QuestionnaireListing {
  key: string
  origin: QuestionnaireOrigin
  summary: QuestionnaireSummary
}

export type QuestionnaireIndexEntry = LoadResult<QuestionnaireListing>

/** The shipped questionnaires, checked and summarized at build time (see scripts/vite/questionnaire-index.ts). */
export function bundledQuestionnaireIndex(): QuestionnaireIndexEntry[] {
  return questionnaireIndex
}

export function listingOf(entry: QuestionnaireEntry): QuestionnaireListing {
  return { key: entry.key, origin: entry.origin, summary: summarizeQuestionnaire(entry.questionnaire) }
}

// The checker (zod schemas and integrity rules) loads only when a questionnaire's content is needed.
const loadChecker = () => import('@/domain/check')

/** A shipped questionnaire as checked at build time (scripts/vite/questionnaire-index.ts). */
type CheckedFile = { ok: true, questionnaire: Questionnaire } | { ok: false, errors: CheckIssue[] }
const bundled = import.meta.glob<CheckedFile>(['/questionnaires/*.json', '!/questionnaires/schema.json'], { import: 'default', query: '?checked' })

function entryOf(file: string, checked: CheckedFile): LoadResult<QuestionnaireEntry> {
  if (!checked.ok) return { ok: false, error: { file, errors: checked.errors } }
  const q = checked.questionnaire
  return { ok: true, value: { key: `${q.id}@${q.version}`, origin: { kind: 'bundled', file }, questionnaire: q } }
}

function fileName(path: string): string {
  return path.split('/').pop() ?? path
}

/** One shipped questionnaire file (e.g. `tech-diplomacy.json`) as checked at build time; undefined when there is no such file. */
export async function loadBundledQuestionnaire(file: string): Promise<LoadResult<QuestionnaireEntry> | undefined> {
  const load = bundled[`/questionnaires/${file}`]
  return load ? entryOf(file, await load()) : undefined
}

/** Every questionnaire shipped in `questionnaires/`, as checked at build time. Broken files come back as errors, never throw. */
export async function loadBundledQuestionnaires(): Promise<Array<LoadResult<QuestionnaireEntry>>> {
  return Promise.all(Object.entries(bundled).map(async ([path, load]) => entryOf(fileName(path), await load())))
}

/** Checks a questionnaire file opened by the user; a valid one becomes an entry (not yet saved). */
export async function readQuestionnaireFile(file: string, text: string, openedAt: string): Promise<LoadResult<QuestionnaireEntry>> {
  const { checkQuestionnaireText } = await loadChecker()
  const result = checkQuestionnaireText(text)
  if (!result.ok) return { ok: false, error: { file, errors: result.errors } }
  const q = result.questionnaire
  return { ok: true, value: { key: `file:${q.id}@${q.version}`, origin: { kind: 'file', file, openedAt }, questionnaire: q } }
}

interface StoredQuestionnaire {
  key: string
  origin: QuestionnaireOrigin
  data: unknown
}

/** Keeps an opened questionnaire so assessments made with it still open after a reload. */
export async function saveOpenedQuestionnaire(entry: QuestionnaireEntry): Promise<StorageResult> {
  const storage = await getStorage()
  const record: StoredQuestionnaire = { key: entry.key, origin: entry.origin, data: entry.questionnaire }
  return storage.put('questionnaires', entry.key, record)
}

/** Questionnaires the user opened earlier, re-checked on the way in. */
export async function loadOpenedQuestionnaires(): Promise<Array<LoadResult<QuestionnaireEntry>>> {
  const storage = await getStorage()
  const records = await storage.getAll<StoredQuestionnaire>('questionnaires')
  if (records.length === 0) return []
  const { checkQuestionnaire } = await loadChecker()
  return records.map((record) => {
    const result = checkQuestionnaire(record.data)
    if (!result.ok) return { ok: false, error: { file: record.origin.file, errors: result.errors } }
    return { ok: true, value: { key: record.key, origin: record.origin, questionnaire: result.questionnaire } }
  })
}

import { assessmentSchema, type Assessment } from '@/domain/assessment'
import { decideWrite, revisionOf, type BaseRevision } from '@/domain/revision'
import { getStorage, readError, type StorageBackend, type StorageError, type StorageResult } from './storage'

/** A saved assessment and the revision it was read or written at. */
export interface StoredAssessment {
  assessment: Assessment
  revision: number
}

/** A stored record that no longer passes the schema: kept, listed with what can still be read of it, never dropped. */
export interface UnreadableRecord {
  key: string
  /** The country code, ministry and date, when the record still holds them as text. */
  hints: { country?: string, ministry?: string, date?: string }
  /** The record exactly as stored, for the user to save before deciding to delete it. */
  raw: unknown
}

/** Saved assessments, as read back from storage. */
export interface LoadedAssessments {
  assessments: StoredAssessment[]
  unreadable: UnreadableRecord[]
  backend: StorageBackend
}

function textAt(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const field = (value as Record<string, unknown>)[key]
  return typeof field === 'string' && field.trim() !== '' ? field.slice(0, 200) : undefined
}

/** Reads one stored record: a valid assessment with its revision, or `null` when it does not pass the schema. */
export function readStoredAssessment(record: unknown): StoredAssessment | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null
  const rest: Record<string, unknown> = { ...(record as Record<string, unknown>) }
  delete rest.revision // storage's bookkeeping, not part of the assessment
  const parsed = assessmentSchema.safeParse(rest)
  return parsed.success ? { assessment: parsed.data, revision: revisionOf(record) ?? 0 } : null
}

function unreadableRecord(key: string, raw: unknown): UnreadableRecord {
  const profile = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).profile : undefined
  const hints = { country: textAt(profile, 'country'), ministry: textAt(profile, 'ministry'), date: textAt(profile, 'date') }
  return { key, hints: Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)), raw }
}

export async function loadAssessments(): Promise<LoadedAssessments> {
  const storage = await getStorage()
  const entries = await storage.entries('assessments').catch((error: unknown) => {
    throw readError(error) // the browser's text, with its error's name, so the reason can be told (see readFailureCode)
  })
  const assessments: StoredAssessment[] = []
  const unreadable: UnreadableRecord[] = []
  for (const { key, value } of entries) {
    const stored = readStoredAssessment(value)
    if (stored) assessments.push(stored)
    else unreadable.push(unreadableRecord(key, value))
  }
  return { assessments, unreadable, backend: storage.backend }
}

/** One assessment as stored now: `undefined` when there is none, `null` when the record cannot be read. */
export async function loadAssessment(id: string): Promise<StoredAssessment | null | undefined> {
  const storage = await getStorage()
  const record = await storage.get<unknown>('assessments', id)
  return record === undefined ? undefined : readStoredAssessment(record)
}

/** Why a save was refused: another tab changed or deleted the record (`theirs` is what storage holds now, if readable). */
export interface SaveConflict {
  reason: 'changed' | 'deleted' | 'exists'
  theirs: StoredAssessment | null
}

export type SaveResult = { ok: true, revision: number } | { ok: false, error: StorageError, conflict?: SaveConflict }

/**
 * Saves an assessment only if storage still holds the revision this tab started from (`null`: a new record), so a
 * save never overwrites another tab's work or brings back a deleted assessment.
 */
export async function saveAssessment(assessment: Assessment, base: BaseRevision): Promise<SaveResult> {
  const storage = await getStorage()
  const decision = (current: unknown) => decideWrite(base, revisionOf(current))
  const next = base === null ? 1 : base + 1
  const result = await storage.putIf('assessments', assessment.id, { ...assessment, revision: next }, current => decision(current).ok)
  if (result.ok) return { ok: true, revision: next }
  if (result.error.kind !== 'conflict') return { ok: false, error: result.error }
  const refused = decision(result.current)
  const reason = refused.ok ? 'changed' : refused.reason
  return { ok: false, error: result.error, conflict: { reason, theirs: result.current === undefined ? null : readStoredAssessment(result.current) } }
}

export async function deleteAssessment(id: string): Promise<StorageResult> {
  const storage = await getStorage()
  return storage.delete('assessments', id)
}

/** A new random id for an assessment. */
export function newAssessmentId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

import { assessmentSchema, type Assessment } from '@/domain/assessment'
import { createRecordStorage, type RecordSaveConflict, type RecordSaveResult, type StoredRecord } from './record-storage'

/** A saved assessment and the revision it was read or written at. */
export type StoredAssessment = StoredRecord<'assessment', Assessment>

/** A stored record that no longer passes the schema: kept, listed with what can still be read of it, never dropped. */
export interface UnreadableRecord {
  key: string
  /** The country code, ministry and date, when the record still holds them as text. */
  hints: { country?: string, ministry?: string, date?: string }
  /** The record exactly as stored, for the user to save before deciding to delete it. */
  raw: unknown
}

function textAt(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const field = (value as Record<string, unknown>)[key]
  return typeof field === 'string' && field.trim() !== '' ? field.slice(0, 200) : undefined
}

function unreadableRecord(key: string, raw: unknown): UnreadableRecord {
  const profile = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).profile : undefined
  const hints = { country: textAt(profile, 'country'), ministry: textAt(profile, 'ministry'), date: textAt(profile, 'date') }
  return { key, hints: Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)), raw }
}

/** Saved assessments: read back against the schema, written only over the revision this tab last saw. */
export const assessmentStorage = createRecordStorage({ store: 'assessments', field: 'assessment', schema: assessmentSchema, unreadable: unreadableRecord })

/** Why a save was refused: another tab changed or deleted the record (`theirs` is what storage holds now, if readable). */
export type SaveConflict = RecordSaveConflict<StoredAssessment>

export type SaveResult = RecordSaveResult<StoredAssessment>

/** A new random id for an assessment. */
export function newAssessmentId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

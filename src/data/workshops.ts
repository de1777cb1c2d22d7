import { workshopSchema, type Workshop } from '@/domain/workshop-model'
import { createRecordStorage, type RecordSaveConflict, type RecordSaveResult, type StoredRecord } from './record-storage'

/** A saved workshop and the revision it was read or written at (the same revision rule as assessments). */
export type StoredWorkshop = StoredRecord<'workshop', Workshop>

/** A stored workshop record that no longer passes the schema: kept and listed with its title when readable, never dropped. */
export interface UnreadableWorkshop {
  key: string
  title?: string
  /** The record exactly as stored, for the user to save before deciding to delete it. */
  raw: unknown
}

function unreadableWorkshop(key: string, raw: unknown): UnreadableWorkshop {
  const title = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).title : undefined
  return typeof title === 'string' && title.trim() !== '' ? { key, title: title.slice(0, 200), raw } : { key, raw }
}

/** Saved workshops: read back against the schema, written only over the revision this tab last saw. */
export const workshopStorage = createRecordStorage({ store: 'workshops', field: 'workshop', schema: workshopSchema, unreadable: unreadableWorkshop })

/** Why a save was refused: another tab changed, deleted or created the record (`theirs`: what storage holds now, if readable). */
export type WorkshopSaveConflict = RecordSaveConflict<StoredWorkshop>

export type WorkshopSaveResult = RecordSaveResult<StoredWorkshop>

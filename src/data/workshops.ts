import { decideWrite, revisionOf, type BaseRevision } from '@/domain/revision'
import { workshopSchema, type Workshop } from '@/domain/workshop-model'
import { getStorage, readError, type StorageBackend, type StorageError, type StorageResult } from './storage'

/** A saved workshop and the revision it was read or written at (the same revision rule as assessments). */
export interface StoredWorkshop {
  workshop: Workshop
  revision: number
}

/** A stored workshop record that no longer passes the schema: kept and listed with its title when readable, never dropped. */
export interface UnreadableWorkshop {
  key: string
  title?: string
  /** The record exactly as stored, for the user to save before deciding to delete it. */
  raw: unknown
}

export interface LoadedWorkshops {
  workshops: StoredWorkshop[]
  unreadable: UnreadableWorkshop[]
  backend: StorageBackend
}

/** Reads one stored record: a valid workshop with its revision, or `null` when it does not pass the schema. */
export function readStoredWorkshop(record: unknown): StoredWorkshop | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null
  const rest: Record<string, unknown> = { ...(record as Record<string, unknown>) }
  delete rest.revision // storage's bookkeeping, not part of the workshop
  const parsed = workshopSchema.safeParse(rest)
  return parsed.success ? { workshop: parsed.data, revision: revisionOf(record) ?? 0 } : null
}

function unreadableWorkshop(key: string, raw: unknown): UnreadableWorkshop {
  const title = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).title : undefined
  return typeof title === 'string' && title.trim() !== '' ? { key, title: title.slice(0, 200), raw } : { key, raw }
}

export async function loadWorkshops(): Promise<LoadedWorkshops> {
  const storage = await getStorage()
  const entries = await storage.entries('workshops').catch((error: unknown) => {
    throw readError(error) // the browser's text, with its error's name, so the reason can be told (see readFailureCode)
  })
  const workshops: StoredWorkshop[] = []
  const unreadable: UnreadableWorkshop[] = []
  for (const { key, value } of entries) {
    const stored = readStoredWorkshop(value)
    if (stored) workshops.push(stored)
    else unreadable.push(unreadableWorkshop(key, value))
  }
  return { workshops, unreadable, backend: storage.backend }
}

/** One workshop as stored now: `undefined` when there is none, `null` when the record cannot be read. */
export async function loadWorkshop(id: string): Promise<StoredWorkshop | null | undefined> {
  const storage = await getStorage()
  const record = await storage.get<unknown>('workshops', id)
  return record === undefined ? undefined : readStoredWorkshop(record)
}

/** Why a save was refused: another tab changed, deleted or created the record (`theirs`: what storage holds now, if readable). */
export interface WorkshopSaveConflict {
  reason: 'changed' | 'deleted' | 'exists'
  theirs: StoredWorkshop | null
}

export type WorkshopSaveResult = { ok: true, revision: number } | { ok: false, error: StorageError, conflict?: WorkshopSaveConflict }

/** Saves a workshop only if storage still holds the revision this tab started from (`null`: a new record). */
export async function saveWorkshop(workshop: Workshop, base: BaseRevision): Promise<WorkshopSaveResult> {
  const storage = await getStorage()
  const decision = (current: unknown) => decideWrite(base, revisionOf(current))
  const next = base === null ? 1 : base + 1
  const result = await storage.putIf('workshops', workshop.id, { ...workshop, revision: next }, current => decision(current).ok)
  if (result.ok) return { ok: true, revision: next }
  if (result.error.kind !== 'conflict') return { ok: false, error: result.error }
  const refused = decision(result.current)
  const reason = refused.ok ? 'changed' : refused.reason
  return { ok: false, error: result.error, conflict: { reason, theirs: result.current === undefined ? null : readStoredWorkshop(result.current) } }
}

export async function deleteWorkshop(id: string): Promise<StorageResult> {
  const storage = await getStorage()
  return storage.delete('workshops', id)
}

import type { ZodType, ZodTypeDef } from 'zod'
import { decideWrite, revisionOf, type BaseRevision } from '@/domain/revision'
import { getStorage, readError, type StorageBackend, type StorageError, type StorageResult, type StoreName } from './storage'

/** A saved record under its own name (`{ assessment, revision }`, `{ workshop, revision }`) and the revision it was read or written at. */
export type StoredRecord<F extends string, T> = { [K in F]: T } & { revision: number }

/** Why a save was refused: another tab changed, deleted or created the record (`theirs`: what storage holds now, if readable). */
export interface RecordSaveConflict<S> {
  reason: 'changed' | 'deleted' | 'exists'
  theirs: S | null
}

export type RecordSaveResult<S> = { ok: true, revision: number } | { ok: false, error: StorageError, conflict?: RecordSaveConflict<S> }

/** The records of one kind as read back from storage: the readable ones with their revisions, and those that no longer pass the schema. */
export interface LoadedRecords<S, U> {
  stored: S[]
  unreadable: U[]
  backend: StorageBackend
}

/** Reading and writing one kind of record (`T`), kept as `S` with its revision; records that fail the schema are listed as `U`. */
export interface RecordStorage<T extends { id: string }, S, U> {
  /** Reads one stored record: a valid one with its revision, or `null` when it does not pass the schema. */
  read(record: unknown): S | null
  /** The record inside what `read` returned. */
  valueOf(stored: S): T
  loadAll(): Promise<LoadedRecords<S, U>>
  /** One record as stored now: `undefined` when there is none, `null` when it cannot be read. */
  loadOne(id: string): Promise<S | null | undefined>
  /**
   * Saves only if storage still holds the revision this tab started from (`null`: a new record), so a save never
   * overwrites another tab's work or brings back a deleted record.
   */
  save(value: T, base: BaseRevision): Promise<RecordSaveResult<S>>
  remove(id: string): Promise<StorageResult>
}

export interface RecordKind<F extends string, T, U> {
  /** The storage area the records live in. */
  store: StoreName
  /** The name the record goes by beside its revision once read (`assessment`). */
  field: F
  schema: ZodType<T, ZodTypeDef, unknown>
  /** What can still be shown of a record that fails the schema; `raw` is kept for the user to save. */
  unreadable(key: string, raw: unknown): U
}

/** The storage of one kind of record, with the revision rule every saved record follows (see `decideWrite`). */
export function createRecordStorage<F extends string, T extends { id: string }, U>(kind: RecordKind<F, T, U>): RecordStorage<T, StoredRecord<F, T>, U> {
  type S = StoredRecord<F, T>

  function read(record: unknown): S | null {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return null
    const rest: Record<string, unknown> = { ...(record as Record<string, unknown>) }
    delete rest.revision // storage's bookkeeping, not part of the record
    const parsed = kind.schema.safeParse(rest)
    return parsed.success ? ({ [kind.field]: parsed.data, revision: revisionOf(record) ?? 0 } as S) : null
  }

  async function loadAll(): Promise<LoadedRecords<S, U>> {
    const storage = await getStorage()
    const entries = await storage.entries(kind.store).catch((error: unknown) => {
      throw readError(error) // the browser's text, with its error's name, so the reason can be told (see readFailureCode)
    })
    const stored: S[] = []
    const unreadable: U[] = []
    for (const { key, value } of entries) {
      const readable = read(value)
      if (readable) stored.push(readable)
      else unreadable.push(kind.unreadable(key, value))
    }
    return { stored, unreadable, backend: storage.backend }
  }

  async function loadOne(id: string): Promise<S | null | undefined> {
    const storage = await getStorage()
    const record = await storage.get<unknown>(kind.store, id)
    return record === undefined ? undefined : read(record)
  }

  async function save(value: T, base: BaseRevision): Promise<RecordSaveResult<S>> {
    const storage = await getStorage()
    const decision = (current: unknown) => decideWrite(base, revisionOf(current))
    const next = base === null ? 1 : base + 1
    const result = await storage.putIf(kind.store, value.id, { ...value, revision: next }, current => decision(current).ok)
    if (result.ok) return { ok: true, revision: next }
    if (result.error.kind !== 'conflict') return { ok: false, error: result.error }
    const refused = decision(result.current)
    const reason = refused.ok ? 'changed' : refused.reason
    return { ok: false, error: result.error, conflict: { reason, theirs: result.current === undefined ? null : read(result.current) } }
  }

  async function remove(id: string): Promise<StorageResult> {
    const storage = await getStorage()
    return storage.delete(kind.store, id)
  }

  return { read, valueOf: stored => stored[kind.field], loadAll, loadOne, save, remove }
}

/**
 * The one place that knows where bytes live in the browser. Everything the app keeps goes through
 * a `StorageAdapter`: IndexedDB when the browser offers it, localStorage otherwise, memory as a last resort
 * (then nothing survives a reload, and the UI says so). When this device already keeps data in IndexedDB but the
 * database cannot be opened, the app gets a locked adapter that refuses every write, rather than saving elsewhere.
 */

export type StoreName = 'assessments' | 'questionnaires' | 'settings' | 'workshops'
export const STORE_NAMES: readonly StoreName[] = ['assessments', 'questionnaires', 'settings', 'workshops']

import type { ProblemCode } from '@/domain/problem'

/** `conflict`: a conditional write found a record it was not allowed to replace (see `putIf`). */
export type StorageErrorKind = 'quota' | 'unavailable' | 'conflict' | 'unknown'

/** A failed write: `code` is what a person is told (translated at the edge); `message` is the browser's text, for logs only. */
export interface StorageError {
  kind: StorageErrorKind
  code: ProblemCode & `storage.${string}`
  message: string
}

const STORAGE_CODES = { quota: 'storage.quota', unavailable: 'storage.unavailable', unknown: 'storage.failed', conflict: 'storage.conflict', locked: 'storage.locked' } as const

export type StorageResult = { ok: true } | { ok: false, error: StorageError }

/** The result of `putIf`: on a conflict, `current` is what storage holds now (`undefined` when there is no record). */
export type ConditionalPutResult = { ok: true } | { ok: false, error: StorageError, current?: unknown }

export type StorageBackend = 'indexeddb' | 'localstorage' | 'memory' | 'locked'

/** One stored record with its key. `value` is whatever was read: a record that is not valid JSON comes back as its raw text. */
export interface StoredEntry {
  key: string
  value: unknown
}

export interface StorageAdapter {
  readonly backend: StorageBackend
  get<T>(store: StoreName, key: string): Promise<T | undefined>
  getAll<T>(store: StoreName): Promise<T[]>
  entries(store: StoreName): Promise<StoredEntry[]>
  put(store: StoreName, key: string, value: unknown): Promise<StorageResult>
  /** Writes only when `accept(current)` says so, in one step that no other tab can interleave with (IndexedDB: one transaction). */
  putIf(store: StoreName, key: string, value: unknown, accept: (current: unknown) => boolean): Promise<ConditionalPutResult>
  delete(store: StoreName, key: string): Promise<StorageResult>
}

function toStorageError(error: unknown): StorageError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : error === null || error === undefined ? 'the browser gave no reason' : String(error)
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return { kind: 'quota', code: STORAGE_CODES.quota, message }
  if (name === 'InvalidStateError' || name === 'SecurityError') return { kind: 'unavailable', code: STORAGE_CODES.unavailable, message }
  return { kind: 'unknown', code: STORAGE_CODES.unknown, message }
}

/** Why saved data could not be read, as a problem code a person is told (translated at the edge). */
export type ReadFailureCode = 'storage.quota' | 'storage.version' | 'storage.readRefused' | 'storage.readAborted' | 'storage.readFailed'

/**
 * A failed read of saved data as an `Error` whose message is the browser's own text with the error's name in front
 * ("AbortError: The transaction was aborted."), so that the reason can still be told from the text alone (the stores
 * keep only a load error's message). A plain `Error` keeps its message as it is.
 */
export function readError(error: unknown): Error {
  if (error instanceof Error || error instanceof DOMException) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : ''
    return new Error(`${name}${error.message || 'the browser gave no reason'}`)
  }
  return new Error(error === null || error === undefined ? 'the browser gave no reason' : String(error))
}

const READ_FAILURES: Readonly<Record<string, ReadFailureCode>> = {
  QuotaExceededError: 'storage.quota',
  VersionError: 'storage.version',
  SecurityError: 'storage.readRefused',
  NotAllowedError: 'storage.readRefused',
  AbortError: 'storage.readAborted',
  TimeoutError: 'storage.readAborted',
  InvalidStateError: 'storage.readAborted',
  TransactionInactiveError: 'storage.readAborted',
}

/**
 * What a person is told about a failed read, from the technical text kept of it (see `readError`): by the browser's
 * error name (a full quota, a database of a newer version, access refused by the browser, a read cut short), and
 * "could not read" for anything else. The text itself is only shown as a technical detail.
 */
export function readFailureCode(detail: string): ReadFailureCode {
  const name = /^([A-Za-z]+Error):/.exec(detail)?.[1]
  if (name !== undefined && READ_FAILURES[name] !== undefined) return READ_FAILURES[name]
  return /quota/i.test(detail) ? 'storage.quota' : 'storage.readFailed'
}

const CONFLICT: StorageError = { kind: 'conflict', code: STORAGE_CODES.conflict, message: 'the stored record changed since it was read' }

/** Values go in and out as plain JSON, so a stored record never holds a live reactive proxy. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

/** Parses stored JSON text; text that is not JSON is returned as it is, so it can still be shown and saved by the user. */
function readJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown
  }
  catch {
    return raw
  }
}

export function createMemoryAdapter(): StorageAdapter {
  const data = new Map<string, Map<string, string>>(STORE_NAMES.map(name => [name, new Map()]))
  const bucket = (store: StoreName) => data.get(store)!
  return {
    backend: 'memory',
    async get<T>(store: StoreName, key: string) {
      const raw = bucket(store).get(key)
      return raw === undefined ? undefined : (readJson(raw) as T)
    },
    async getAll<T>(store: StoreName) {
      return [...bucket(store).values()].map(raw => readJson(raw) as T)
    },
    async entries(store) {
      return [...bucket(store)].map(([key, raw]) => ({ key, value: readJson(raw) }))
    },
    async put(store, key, value) {
      bucket(store).set(key, JSON.stringify(value))
      return { ok: true }
    },
    async putIf(store, key, value, accept) {
      const raw = bucket(store).get(key)
      const current = raw === undefined ? undefined : readJson(raw)
      if (!accept(current)) return { ok: false, error: CONFLICT, current }
      bucket(store).set(key, JSON.stringify(value))
      return { ok: true }
    },
    async delete(store, key) {
      bucket(store).delete(key)
      return { ok: true }
    },
  }
}

export function createLocalStorageAdapter(storage: Storage, prefix = 'tda'): StorageAdapter {
  const keyOf = (store: StoreName, key: string) => `${prefix}:${store}:${key}`
  const read = (fullKey: string): unknown => {
    const raw = storage.getItem(fullKey)
    return raw === null ? undefined : readJson(raw)
  }
  const write = (store: StoreName, key: string, value: unknown): StorageResult => {
    try {
      storage.setItem(keyOf(store, key), JSON.stringify(value))
      return { ok: true }
    }
    catch (error) {
      return { ok: false, error: toStorageError(error) }
    }
  }
  const entries = (store: StoreName): StoredEntry[] => {
    const start = `${prefix}:${store}:`
    const out: StoredEntry[] = []
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(start)) out.push({ key: key.slice(start.length), value: read(key) })
    }
    return out
  }
  return {
    backend: 'localstorage',
    async get<T>(store: StoreName, key: string) {
      return read(keyOf(store, key)) as T | undefined
    },
    async getAll<T>(store: StoreName) {
      return entries(store).map(entry => entry.value as T)
    },
    async entries(store) {
      return entries(store)
    },
    async put(store, key, value) {
      return write(store, key, value)
    },
    // localStorage is synchronous: nothing can run between this read and this write.
    async putIf(store, key, value, accept) {
      const current = read(keyOf(store, key))
      if (!accept(current)) return { ok: false, error: CONFLICT, current }
      return write(store, key, value)
    },
    async delete(store, key) {
      storage.removeItem(keyOf(store, key))
      return { ok: true }
    },
  }
}

/** An adapter that keeps nothing and refuses every write, for a device whose saved data cannot be reached now. */
export function createLockedAdapter(reason: string): StorageAdapter {
  const refused: StorageResult = { ok: false, error: { kind: 'unavailable', code: STORAGE_CODES.locked, message: reason } }
  return {
    backend: 'locked',
    async get() { return undefined },
    async getAll() { return [] },
    async entries() { return [] },
    async put() { return refused },
    async putIf() { return refused },
    async delete() { return refused },
  }
}

export const DB_NAME = 'tech-diplomacy-assessment'
// Version 2 added the `workshops` store; opening an older database only adds the stores it lacks.
const DB_VERSION = 2

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION)
    req.onupgradeneeded = () => {
      for (const name of STORE_NAMES) {
        if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name)
      }
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('The browser refused to open the database.'))
    req.onblocked = () => reject(new Error('The database is blocked by another tab.'))
  })
}

export async function createIndexedDbAdapter(factory: IDBFactory): Promise<StorageAdapter> {
  const db = await openDatabase(factory)
  // A newer version of the app opening the database in another tab must not be blocked by this one; later writes here then fail visibly.
  db.onversionchange = () => db.close()
  const transact = <R>(store: StoreName, run: (s: IDBObjectStore, tx: IDBTransaction, settle: (result: R) => void) => void, done: R): Promise<R | StorageResult> =>
    new Promise((resolve) => {
      let outcome: R = done
      try {
        const tx = db.transaction(store, 'readwrite')
        run(tx.objectStore(store), tx, (result) => { outcome = result })
        tx.oncomplete = () => resolve(outcome)
        tx.onerror = () => resolve({ ok: false, error: toStorageError(tx.error) })
        tx.onabort = () => resolve(outcome === done ? { ok: false, error: toStorageError(tx.error ?? new Error('The save was aborted.')) } : outcome)
      }
      catch (error) {
        resolve({ ok: false, error: toStorageError(error) })
      }
    })
  const ok: StorageResult = { ok: true }
  return {
    backend: 'indexeddb',
    async get<T>(store: StoreName, key: string) {
      return (await request(db.transaction(store).objectStore(store).get(key))) as T | undefined
    },
    async getAll<T>(store: StoreName) {
      return (await request(db.transaction(store).objectStore(store).getAll())) as T[]
    },
    async entries(store) {
      const objects = db.transaction(store).objectStore(store)
      const [keys, values] = await Promise.all([request(objects.getAllKeys()), request(objects.getAll())])
      return keys.map((key, i) => ({ key: String(key), value: values[i] as unknown }))
    },
    put: (store, key, value) => transact<StorageResult>(store, s => s.put(plain(value), key), ok),
    putIf: (store, key, value, accept) => transact<ConditionalPutResult>(store, (s, tx, settle) => {
      const read = s.get(key)
      read.onsuccess = () => {
        const current = read.result as unknown
        if (accept(current)) s.put(plain(value), key)
        else {
          settle({ ok: false, error: CONFLICT, current })
          tx.abort()
        }
      }
    }, ok),
    delete: (store, key) => transact<StorageResult>(store, s => s.delete(key), ok),
  }
}

/** Where this device keeps its data, remembered outside IndexedDB so that a later failure to open it can be told apart from a first visit. */
const BACKEND_MARK = 'tda:backend'

export interface StorageEnvironment {
  indexedDB?: IDBFactory
  localStorage?: Storage
}

/**
 * IndexedDB, else localStorage, else memory. When IndexedDB held this device's data before (its mark is in
 * localStorage, or the browser lists the database) but cannot be opened now, the result is a locked adapter:
 * writing elsewhere would split the user's work in two places.
 */
export async function openStorage(env: StorageEnvironment): Promise<StorageAdapter> {
  const local = env.localStorage
  let reason = 'this browser offers no database to this page'
  if (env.indexedDB) {
    try {
      const adapter = await createIndexedDbAdapter(env.indexedDB)
      try {
        local?.setItem(BACKEND_MARK, 'indexeddb')
      }
      catch {
        // The mark only helps to explain a later failure; without it, the app still works.
      }
      return adapter
    }
    catch (error) {
      reason = toStorageError(error).message
      // Private modes and locked-down profiles may refuse IndexedDB; localStorage often still works.
    }
    if (await hadDatabase(env)) return createLockedAdapter(reason)
  }
  try {
    if (!local) throw new Error('no localStorage')
    const probe = '__tda_probe__'
    local.setItem(probe, '1')
    local.removeItem(probe)
    return createLocalStorageAdapter(local)
  }
  catch {
    return createMemoryAdapter()
  }
}

async function hadDatabase(env: StorageEnvironment): Promise<boolean> {
  try {
    if (env.localStorage?.getItem(BACKEND_MARK) === 'indexeddb') return true
  }
  catch {
    // unreadable localStorage: fall through to the browser's list of databases
  }
  try {
    const list = await env.indexedDB?.databases?.()
    return list?.some(db => db.name === DB_NAME) ?? false
  }
  catch {
    return false
  }
}

let shared: Promise<StorageAdapter> | undefined

/** The app's storage, opened once per page. */
export function getStorage(): Promise<StorageAdapter> {
  shared ??= (async () => {
    // Ask the browser not to evict this site's data under storage pressure (a no-op where unsupported).
    void globalThis.navigator?.storage?.persist?.().catch(() => false)
    let local: Storage | undefined
    try {
      local = globalThis.localStorage
    }
    catch {
      local = undefined // some browsers throw on merely reading localStorage when it is disabled
    }
    return openStorage({ indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB, localStorage: local })
  })()
  return shared
}

/** Forgets the opened storage so the next `getStorage()` tries again (after the user closed a blocking tab, say). */
export function resetStorage(): void {
  shared = undefined
}

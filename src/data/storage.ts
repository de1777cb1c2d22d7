/**
 * The one place that knows where bytes live in the browser. Everything the app keeps goes through
 * a `StorageAdapter`: IndexedDB when the browser offers it, localStorage otherwise, memory as a last resort
 * (then nothing survives a reload, and the UI says so).
 */

export type StoreName = 'assessments' | 'questionnaires' | 'settings'
export const STORE_NAMES: readonly StoreName[] = ['assessments', 'questionnaires', 'settings']

import type { ProblemCode } from '@/domain/problem'

export type StorageErrorKind = 'quota' | 'unavailable' | 'unknown'

/** A failed write: `code` is what a person is told (translated at the edge); `message` is the browser's text, for logs only. */
export interface StorageError {
  kind: StorageErrorKind
  code: ProblemCode & `storage.${string}`
  message: string
}

const STORAGE_CODES = { quota: 'storage.quota', unavailable: 'storage.unavailable', unknown: 'storage.failed' } as const

export type StorageResult = { ok: true } | { ok: false, error: StorageError }

export type StorageBackend = 'indexeddb' | 'localstorage' | 'memory'

export interface StorageAdapter {
  readonly backend: StorageBackend
  get<T>(store: StoreName, key: string): Promise<T | undefined>
  getAll<T>(store: StoreName): Promise<T[]>
  put(store: StoreName, key: string, value: unknown): Promise<StorageResult>
  delete(store: StoreName, key: string): Promise<StorageResult>
}

function toStorageError(error: unknown): StorageError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return { kind: 'quota', code: STORAGE_CODES.quota, message }
  if (name === 'InvalidStateError' || name === 'SecurityError') return { kind: 'unavailable', code: STORAGE_CODES.unavailable, message }
  return { kind: 'unknown', code: STORAGE_CODES.unknown, message }
}

/** Values go in and out as plain JSON, so a stored record never holds a live reactive proxy. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

export function createMemoryAdapter(): StorageAdapter {
  const data = new Map<string, Map<string, string>>(STORE_NAMES.map(name => [name, new Map()]))
  const bucket = (store: StoreName) => data.get(store)!
  return {
    backend: 'memory',
    async get<T>(store: StoreName, key: string) {
      const raw = bucket(store).get(key)
      return raw === undefined ? undefined : (JSON.parse(raw) as T)
    },
    async getAll<T>(store: StoreName) {
      return [...bucket(store).values()].map(raw => JSON.parse(raw) as T)
    },
    async put(store, key, value) {
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
  return {
    backend: 'localstorage',
    async get<T>(store: StoreName, key: string) {
      const raw = storage.getItem(keyOf(store, key))
      return raw === null ? undefined : (JSON.parse(raw) as T)
    },
    async getAll<T>(store: StoreName) {
      const start = `${prefix}:${store}:`
      const out: T[] = []
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        if (key?.startsWith(start)) out.push(JSON.parse(storage.getItem(key) ?? 'null') as T)
      }
      return out
    },
    async put(store, key, value) {
      try {
        storage.setItem(keyOf(store, key), JSON.stringify(value))
        return { ok: true }
      }
      catch (error) {
        return { ok: false, error: toStorageError(error) }
      }
    },
    async delete(store, key) {
      storage.removeItem(keyOf(store, key))
      return { ok: true }
    },
  }
}

const DB_NAME = 'tech-diplomacy-assessment'
const DB_VERSION = 1

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
    req.onerror = () => reject(req.error)
    req.onblocked = () => reject(new Error('The database is blocked by another tab.'))
  })
}

export async function createIndexedDbAdapter(factory: IDBFactory): Promise<StorageAdapter> {
  const db = await openDatabase(factory)
  const write = (store: StoreName, run: (s: IDBObjectStore) => void): Promise<StorageResult> =>
    new Promise((resolve) => {
      try {
        const tx = db.transaction(store, 'readwrite')
        run(tx.objectStore(store))
        tx.oncomplete = () => resolve({ ok: true })
        tx.onerror = () => resolve({ ok: false, error: toStorageError(tx.error) })
        tx.onabort = () => resolve({ ok: false, error: toStorageError(tx.error ?? new Error('The save was aborted.')) })
      }
      catch (error) {
        resolve({ ok: false, error: toStorageError(error) })
      }
    })
  return {
    backend: 'indexeddb',
    async get<T>(store: StoreName, key: string) {
      return (await request(db.transaction(store).objectStore(store).get(key))) as T | undefined
    },
    async getAll<T>(store: StoreName) {
      return (await request(db.transaction(store).objectStore(store).getAll())) as T[]
    },
    put: (store, key, value) => write(store, s => s.put(plain(value), key)),
    delete: (store, key) => write(store, s => s.delete(key)),
  }
}

let shared: Promise<StorageAdapter> | undefined

/** The app's storage: IndexedDB, else localStorage, else memory. Opened once. */
export function getStorage(): Promise<StorageAdapter> {
  shared ??= (async () => {
    // Ask the browser not to evict this site's data under storage pressure (a no-op where unsupported).
    void globalThis.navigator?.storage?.persist?.().catch(() => false)
    if (typeof indexedDB !== 'undefined') {
      try {
        return await createIndexedDbAdapter(indexedDB)
      }
      catch {
        // Private modes and locked-down profiles may refuse IndexedDB; localStorage often still works.
      }
    }
    try {
      const probe = '__tda_probe__'
      localStorage.setItem(probe, '1')
      localStorage.removeItem(probe)
      return createLocalStorageAdapter(localStorage)
    }
    catch {
      return createMemoryAdapter()
    }
  })()
  return shared
}

import { describe, expect, it } from 'vitest'
import { createLocalStorageAdapter, createLockedAdapter, createMemoryAdapter, DB_NAME, openStorage, type StorageAdapter } from '@/data/storage'

/** A Storage (localStorage) in memory; `quotaAfter` makes writes fail once that many keys are held. */
class FakeStorage implements Storage {
  private data = new Map<string, string>()
  constructor(private quotaAfter = Infinity) {}
  get length() { return this.data.size }
  key(index: number) { return [...this.data.keys()][index] ?? null }
  getItem(key: string) { return this.data.get(key) ?? null }
  setItem(key: string, value: string) {
    if (!this.data.has(key) && this.data.size >= this.quotaAfter) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.data.set(key, String(value))
  }
  removeItem(key: string) { this.data.delete(key) }
  clear() { this.data.clear() }
}

/** An IDBFactory whose open() fails as a locked-down or broken profile does; `databases()` lists what it is told. */
function failingIndexedDb(names: string[] = []): IDBFactory {
  return {
    open() {
      const request = { error: new DOMException('Internal error opening backing store', 'UnknownError') } as unknown as IDBOpenDBRequest
      setTimeout(() => request.onerror?.(new Event('error')), 0)
      return request
    },
    databases: async () => names.map(name => ({ name, version: 1 })),
  } as unknown as IDBFactory
}

describe.each<[string, () => StorageAdapter]>([
  ['memory', () => createMemoryAdapter()],
  ['localStorage', () => createLocalStorageAdapter(new FakeStorage())],
])('%s adapter', (_name, make) => {
  it('stores plain JSON copies and lists every record with its key', async () => {
    const storage = make()
    const value = { id: 'a', nested: { list: [1, 2] } }
    await storage.put('assessments', 'a', value)
    value.nested.list.push(3)
    await storage.put('assessments', 'b', { id: 'b' })
    await storage.put('settings', 'uiLocale', 'fr')
    expect(await storage.get('assessments', 'a')).toEqual({ id: 'a', nested: { list: [1, 2] } })
    expect((await storage.entries('assessments')).sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: 'a', value: { id: 'a', nested: { list: [1, 2] } } },
      { key: 'b', value: { id: 'b' } },
    ])
    expect(await storage.getAll('settings')).toEqual(['fr'])
  })

  it('putIf writes only when the check accepts what is stored, and returns what is stored when it refuses', async () => {
    const storage = make()
    await storage.put('assessments', 'a', { revision: 2 })
    const seen: unknown[] = []
    const refused = await storage.putIf('assessments', 'a', { revision: 2 }, (current) => { seen.push(current); return false })
    expect(refused).toEqual({ ok: false, error: { kind: 'conflict', code: 'storage.conflict', message: expect.any(String) }, current: { revision: 2 } })
    expect(seen).toEqual([{ revision: 2 }])
    expect(await storage.putIf('assessments', 'a', { revision: 3 }, () => true)).toEqual({ ok: true })
    expect(await storage.get('assessments', 'a')).toEqual({ revision: 3 })
  })

  it('putIf shows an absent record as undefined', async () => {
    const storage = make()
    const result = await storage.putIf('assessments', 'new', { revision: 1 }, current => current === undefined)
    expect(result).toEqual({ ok: true })
    const again = await storage.putIf('assessments', 'new', { revision: 1 }, current => current === undefined)
    expect(again.ok).toBe(false)
  })

  it('deletes one record and leaves the others', async () => {
    const storage = make()
    await storage.put('assessments', 'a', 1)
    await storage.put('assessments', 'b', 2)
    await storage.delete('assessments', 'a')
    expect(await storage.entries('assessments')).toEqual([{ key: 'b', value: 2 }])
  })
})

describe('localStorage adapter with damaged data', () => {
  it('returns a record that is not JSON as its raw text instead of failing the whole list', async () => {
    const backing = new FakeStorage()
    const storage = createLocalStorageAdapter(backing)
    await storage.put('assessments', 'good', { id: 'good' })
    backing.setItem('tda:assessments:cut', '{"id":"cut","profile":{"country":"GHA"')
    expect(await storage.entries('assessments')).toEqual([
      { key: 'good', value: { id: 'good' } },
      { key: 'cut', value: '{"id":"cut","profile":{"country":"GHA"' },
    ])
  })

  it('reports a full device as a quota error, with nothing written', async () => {
    const storage = createLocalStorageAdapter(new FakeStorage(0))
    const result = await storage.put('assessments', 'a', { id: 'a' })
    expect(result).toEqual({ ok: false, error: { kind: 'quota', code: 'storage.quota', message: 'The quota has been exceeded.' } })
    expect(await storage.entries('assessments')).toEqual([])
  })
})

describe('locked adapter', () => {
  it('shows nothing and refuses every write with the reason', async () => {
    const storage = createLockedAdapter('database blocked')
    const refused = { ok: false, error: { kind: 'unavailable', code: 'storage.locked', message: 'database blocked' } }
    expect(await storage.entries('assessments')).toEqual([])
    expect(await storage.put('assessments', 'a', {})).toEqual(refused)
    expect(await storage.putIf('assessments', 'a', {}, () => true)).toEqual(refused)
    expect(await storage.delete('assessments', 'a')).toEqual(refused)
  })
})

describe('openStorage', () => {
  it('falls back to localStorage on a first visit when IndexedDB cannot be opened', async () => {
    const storage = await openStorage({ indexedDB: failingIndexedDb(), localStorage: new FakeStorage() })
    expect(storage.backend).toBe('localstorage')
  })

  it('locks instead of writing elsewhere when this device kept its data in IndexedDB before', async () => {
    const local = new FakeStorage()
    local.setItem('tda:backend', 'indexeddb')
    const storage = await openStorage({ indexedDB: failingIndexedDb(), localStorage: local })
    expect(storage.backend).toBe('locked')
    const result = await storage.put('assessments', 'a', {})
    expect(result).toEqual({ ok: false, error: { kind: 'unavailable', code: 'storage.locked', message: 'Internal error opening backing store' } })
    expect(local.getItem('tda:assessments:a')).toBeNull()
  })

  it('locks too when the browser still lists the database, even without the mark', async () => {
    const storage = await openStorage({ indexedDB: failingIndexedDb([DB_NAME]), localStorage: new FakeStorage() })
    expect(storage.backend).toBe('locked')
  })

  it('is not fooled by another database of the same origin', async () => {
    const storage = await openStorage({ indexedDB: failingIndexedDb(['something-else']), localStorage: new FakeStorage() })
    expect(storage.backend).toBe('localstorage')
  })

  it('keeps data in memory when neither IndexedDB nor localStorage is usable', async () => {
    expect((await openStorage({})).backend).toBe('memory')
    expect((await openStorage({ localStorage: new FakeStorage(0) })).backend).toBe('memory')
  })
})

import { describe, expect, it } from 'vitest'
import { createLocalStorageAdapter, createMemoryAdapter, type StorageAdapter } from '@/data/storage'

/** A stand-in for the browser's localStorage: a map with the Storage interface, which can be told to run out of room. */
class FakeStorage implements Storage {
  private items = new Map<string, string>()
  full = false
  get length() { return this.items.size }
  key(index: number) { return [...this.items.keys()][index] ?? null }
  getItem(key: string) { return this.items.get(key) ?? null }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, value)
  }
  removeItem(key: string) { this.items.delete(key) }
  clear() { this.items.clear() }
}

/** What every adapter must do, whatever holds the bytes. */
function behavesAsStorage(make: () => StorageAdapter) {
  it('gives back what was put, as a copy', async () => {
    const storage = make()
    const record = { id: 'a', answers: { x: 1 } }
    expect(await storage.put('assessments', 'a', record)).toEqual({ ok: true })
    record.answers.x = 2
    expect(await storage.get('assessments', 'a')).toEqual({ id: 'a', answers: { x: 1 } })
  })

  it('keeps stores apart and lists one store\'s records', async () => {
    const storage = make()
    await storage.put('assessments', 'a', { n: 1 })
    await storage.put('assessments', 'b', { n: 2 })
    await storage.put('settings', 'a', 'fr')
    expect((await storage.getAll<{ n: number }>('assessments')).map(r => r.n).sort()).toEqual([1, 2])
    expect(await storage.getAll('settings')).toEqual(['fr'])
    expect(await storage.getAll('questionnaires')).toEqual([])
  })

  it('replaces a record put twice under the same key', async () => {
    const storage = make()
    await storage.put('assessments', 'a', { n: 1 })
    await storage.put('assessments', 'a', { n: 2 })
    expect(await storage.getAll('assessments')).toEqual([{ n: 2 }])
  })

  it('deletes one record and answers undefined for it afterwards', async () => {
    const storage = make()
    await storage.put('assessments', 'a', { n: 1 })
    await storage.put('assessments', 'b', { n: 2 })
    expect(await storage.delete('assessments', 'a')).toEqual({ ok: true })
    expect(await storage.get('assessments', 'a')).toBeUndefined()
    expect(await storage.getAll('assessments')).toEqual([{ n: 2 }])
  })
}

describe('memory storage', () => {
  behavesAsStorage(createMemoryAdapter)

  it('says it is memory, so the interface can warn that nothing survives a reload', () => {
    expect(createMemoryAdapter().backend).toBe('memory')
  })
})

describe('localStorage storage', () => {
  behavesAsStorage(() => createLocalStorageAdapter(new FakeStorage()))

  it('writes under "<prefix>:<store>:<key>" and ignores other keys of the same origin', async () => {
    const raw = new FakeStorage()
    raw.setItem('other-app', '{"n":9}')
    raw.setItem('tda:assessmentsX:z', '{"n":8}')
    const storage = createLocalStorageAdapter(raw)
    await storage.put('assessments', 'a', { n: 1 })
    expect(raw.getItem('tda:assessments:a')).toBe('{"n":1}')
    expect(await storage.getAll('assessments')).toEqual([{ n: 1 }])
    expect(storage.backend).toBe('localstorage')
  })

  it('reports a full storage as a quota error and keeps what was saved before', async () => {
    const raw = new FakeStorage()
    const storage = createLocalStorageAdapter(raw)
    await storage.put('assessments', 'a', { n: 1 })
    raw.full = true
    const result = await storage.put('assessments', 'a', { n: 2 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } })
    expect(await storage.get('assessments', 'a')).toEqual({ n: 1 })
  })
})

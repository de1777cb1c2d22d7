import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter } from '@/data/storage'

const fake = vi.hoisted(() => ({ storage: undefined as unknown as StorageAdapter }))

vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return { ...actual, getStorage: async () => fake.storage }
})

const { createMemoryAdapter } = await import('@/data/storage')
const { createRecordStorage } = await import('@/data/record-storage')
const { isRecordChangeMessage, isRecordDeletedMessage, isRecordSavedMessage } = await import('@/data/record-changes')

const noteSchema = z.object({ id: z.string(), text: z.string() }).strict()
const notes = createRecordStorage({ store: 'settings', field: 'note', schema: noteSchema, unreadable: (key: string, raw: unknown) => ({ key, raw }) })

beforeEach(() => {
  fake.storage = createMemoryAdapter()
})

describe('one kind of stored record', () => {
  it('reads a record under its own name with its revision, the revision left out of the record', () => {
    expect(notes.read({ id: 'n1', text: 'one', revision: 3 })).toEqual({ note: { id: 'n1', text: 'one' }, revision: 3 })
  })

  it('reads a record saved before revisions existed as revision 0', () => {
    expect(notes.read({ id: 'n1', text: 'one' })).toEqual({ note: { id: 'n1', text: 'one' }, revision: 0 })
  })

  it('cannot read a list, text or a record that fails the schema', () => {
    expect(notes.read([{ id: 'n1', text: 'one' }])).toBeNull()
    expect(notes.read('{"id":"n1"}')).toBeNull()
    expect(notes.read({ id: 'n1', text: 'one', extra: true })).toBeNull()
  })

  it('numbers a new record 1 and each save over the revision it read one higher', async () => {
    expect(await notes.save({ id: 'n1', text: 'one' }, null)).toEqual({ ok: true, revision: 1 })
    expect(await notes.save({ id: 'n1', text: 'two' }, 1)).toEqual({ ok: true, revision: 2 })
    expect(await notes.loadOne('n1')).toEqual({ note: { id: 'n1', text: 'two' }, revision: 2 })
  })

  it('refuses a save over another revision, a deleted record or an existing id, and says what storage holds', async () => {
    await notes.save({ id: 'n1', text: 'theirs' }, null)
    await notes.save({ id: 'n1', text: 'theirs again' }, 1)
    expect(await notes.save({ id: 'n1', text: 'mine' }, 1)).toMatchObject({ ok: false, conflict: { reason: 'changed', theirs: { note: { text: 'theirs again' }, revision: 2 } } })
    expect(await notes.save({ id: 'n1', text: 'mine' }, null)).toMatchObject({ ok: false, conflict: { reason: 'exists', theirs: { revision: 2 } } })
    await notes.remove('n1')
    expect(await notes.save({ id: 'n1', text: 'mine' }, 2)).toMatchObject({ ok: false, conflict: { reason: 'deleted', theirs: null } })
    expect(await notes.loadOne('n1')).toBeUndefined()
  })

  it('passes on a storage error other than a conflict without a conflict', async () => {
    const error = { kind: 'quota' as const, code: 'storage.quota' as const, message: 'full' }
    fake.storage = { ...fake.storage, putIf: async () => ({ ok: false, error }) }
    expect(await notes.save({ id: 'n1', text: 'one' }, null)).toEqual({ ok: false, error })
  })

  it('lists every readable record and keeps the others apart as they are', async () => {
    await notes.save({ id: 'n1', text: 'one' }, null)
    await fake.storage.put('settings', 'broken', { id: 'broken', text: 7 })
    const loaded = await notes.loadAll()
    expect(loaded.stored).toEqual([{ note: { id: 'n1', text: 'one' }, revision: 1 }])
    expect(loaded.unreadable).toEqual([{ key: 'broken', raw: { id: 'broken', text: 7 } }])
    expect(loaded.backend).toBe('memory')
    expect(await notes.loadOne('broken')).toBeNull()
  })
})

describe('change messages between tabs', () => {
  it('knows a save message of its kind only with an id and a numeric revision', () => {
    expect(isRecordSavedMessage({ kind: 'note-saved', id: 'n1', revision: 2 }, 'note')).toBe(true)
    expect(isRecordSavedMessage({ kind: 'note-saved', id: 'n1', revision: '2' }, 'note')).toBe(false)
    expect(isRecordSavedMessage({ kind: 'note-saved', revision: 2 }, 'note')).toBe(false)
    expect(isRecordSavedMessage({ kind: 'other-saved', id: 'n1', revision: 2 }, 'note')).toBe(false)
  })

  it('knows a deletion message of its kind only with an id', () => {
    expect(isRecordDeletedMessage({ kind: 'note-deleted', id: 'n1' }, 'note')).toBe(true)
    expect(isRecordDeletedMessage({ kind: 'note-deleted', id: 1 }, 'note')).toBe(false)
    expect(isRecordDeletedMessage({ kind: 'note-saved', id: 'n1', revision: 1 }, 'note')).toBe(false)
  })

  it('takes nothing that is not an object for a change', () => {
    expect(isRecordChangeMessage(null, 'note')).toBe(false)
    expect(isRecordChangeMessage('note-deleted', 'note')).toBe(false)
    expect(isRecordChangeMessage({ kind: 'note-deleted', id: 'n1' }, 'note')).toBe(true)
    expect(isRecordChangeMessage({ kind: 'note-saved', id: 'n1', revision: 0 }, 'note')).toBe(true)
  })
})

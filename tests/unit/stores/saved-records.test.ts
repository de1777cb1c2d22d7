import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type * as StorageModule from '@/data/storage'
import type { ConditionalPutResult, StorageAdapter } from '@/data/storage'

/**
 * The shared machinery on a record kind of its own (a note), so these tests hold whatever assessments and workshops
 * add. Every "tab" is one `createSavedRecords` over the same storage and a change bus that, like BroadcastChannel,
 * delivers later and never to the sender.
 */
const fake = vi.hoisted(() => ({
  storage: undefined as unknown as StorageAdapter,
  failNextOpen: false,
  resets: 0,
  listeners: [] as Array<(message: unknown) => void>,
}))

vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return {
    ...actual,
    getStorage: async () => {
      if (fake.failNextOpen) {
        fake.failNextOpen = false
        throw new Error('The database is blocked by another tab...')
      }
      return fake.storage
    },
    resetStorage: () => { fake.resets++ },
  }
})

const { createMemoryAdapter } = await import('@/data/storage')
const { createRecordStorage } = await import('@/data/record-storage')
const { createSavedRecords } = await import('@/stores/saved-records')

const noteSchema = z.object({ id: z.string(), text: z.string(), updatedAt: z.string() }).strict()
type Note = z.infer<typeof noteSchema>
const noteStorage = createRecordStorage({
  store: 'settings',
  field: 'note',
  schema: noteSchema,
  unreadable: (key: string, raw: unknown) => ({ key, raw }),
})

function openBus(onMessage: (message: unknown) => void) {
  fake.listeners.push(onMessage)
  return {
    post: (message: unknown) => {
      for (const listener of fake.listeners) if (listener !== onMessage) setTimeout(() => listener(message), 0)
    },
  }
}

/** A new tab over the shared storage; `options` changes the two behaviours the kinds differ in. */
async function openTab(options: { laterSaveEndsError?: boolean, skipsWriteInConflict?: boolean } = {}) {
  const tab = createSavedRecords({
    storage: noteStorage,
    messagePrefix: 'note',
    openChannel: openBus,
    copyOf: (note: Note) => ({ ...note, id: `${note.id}-copy`, updatedAt: '2026-11-29T12:00:00.000Z' }),
    laterSaveEndsError: options.laterSaveEndsError ?? false,
    skipsWriteInConflict: options.skipsWriteInConflict ?? false,
  })
  await tab.load()
  return tab
}

const note = (id: string, text: string): Note => ({ id, text, updatedAt: '2026-11-29T09:00:00.000Z' })
const withText = (text: string) => (n: Note): Note => ({ ...n, text })
/** Lets queued change messages arrive. */
const settle = () => new Promise(resolve => setTimeout(resolve, 5))
const stored = (id: string) => fake.storage.get<Record<string, unknown>>('settings', id)
const quota = { kind: 'quota' as const, code: 'storage.quota' as const, message: 'QuotaExceededError' }

/** Storage whose conditional writes wait until the test opens the gate; `calls` counts them. */
function gatedWrites() {
  const real = fake.storage
  let open!: () => void
  const gate = new Promise<void>((resolve) => { open = resolve })
  const counter = { calls: 0, open }
  fake.storage = {
    ...real,
    putIf: async (...args: Parameters<StorageAdapter['putIf']>): Promise<ConditionalPutResult> => {
      counter.calls++
      await gate
      return real.putIf(...args)
    },
  }
  return counter
}

beforeEach(() => {
  fake.storage = createMemoryAdapter()
  fake.failNextOpen = false
  fake.resets = 0
  fake.listeners = []
})

describe('saving', () => {
  it('stores a new record at revision 1 and each later change one revision higher, then says "saved"', async () => {
    const tab = await openTab()
    expect(await tab.put(note('n1', 'one'))).toBe(true)
    expect(await stored('n1')).toEqual({ id: 'n1', text: 'one', updatedAt: '2026-11-29T09:00:00.000Z', revision: 1 })
    expect(await tab.update('n1', withText('two'))).toBe(true)
    expect(await tab.update('n1', withText('three'))).toBe(true)
    expect(await stored('n1')).toMatchObject({ text: 'three', revision: 3 })
    expect(tab.saveState.value.status).toBe('saved')
  })

  it('stamps `updatedAt` on a change unless told not to', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    await tab.update('n1', withText('quiet'), false)
    expect(tab.find('n1')?.updatedAt).toBe('2026-11-29T09:00:00.000Z')
    await tab.update('n1', withText('stamped'))
    expect(tab.find('n1')?.updatedAt).not.toBe('2026-11-29T09:00:00.000Z')
  })

  it('answers `false` for a change to a record it does not have, and writes nothing', async () => {
    const tab = await openTab()
    expect(await tab.update('missing', withText('x'))).toBe(false)
    expect(await fake.storage.entries('settings')).toEqual([])
  })

  it('folds changes made while a write waits into one write of the newest content', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    const gate = gatedWrites()
    const saves = [tab.update('n1', withText('two')), tab.update('n1', withText('three')), tab.update('n1', withText('four'))]
    await settle()
    gate.open()
    expect(await Promise.all(saves)).toEqual([true, true, true])
    // three changes, one write: revision 1 + 1 = 2
    expect(gate.calls).toBe(1)
    expect(await stored('n1')).toMatchObject({ text: 'four', revision: 2 })
  })

  it('lists a new record only once its write has ended, so a reload the moment it shows loses nothing', async () => {
    const tab = await openTab()
    const gate = gatedWrites()
    const saving = tab.put(note('n1', 'one'))
    await settle()
    expect(tab.find('n1')).toBeUndefined()
    expect(tab.records.value).toEqual([])
    gate.open()
    expect(await saving).toBe(true)
    expect(tab.records.value).toEqual([note('n1', 'one')])
  })

  it('shows a change to a listed record at once, before its write ends', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    const gate = gatedWrites()
    const saving = tab.update('n1', withText('two'), false)
    expect(tab.find('n1')?.text).toBe('two')
    expect(tab.records.value).toHaveLength(1)
    gate.open()
    expect(await saving).toBe(true)
  })

  it('lists the newest content of a new record changed again while its first write waited', async () => {
    const tab = await openTab()
    const gate = gatedWrites()
    const first = tab.put(note('n1', 'one'))
    const second = tab.put(note('n1', 'two'))
    await settle()
    gate.open()
    expect(await Promise.all([first, second])).toEqual([true, true])
    expect(tab.records.value).toEqual([note('n1', 'two')])
    expect(await stored('n1')).toMatchObject({ text: 'two', revision: 1 })
  })

  it('does not list a new record forgotten while its first write waited', async () => {
    const tab = await openTab()
    const gate = gatedWrites()
    const saving = tab.put(note('n1', 'one'))
    await settle()
    tab.forget('n1')
    gate.open()
    await saving
    expect(tab.records.value).toEqual([])
  })

  it('lists a new record whose write failed, with the error shown', async () => {
    const tab = await openTab()
    fake.storage = { ...fake.storage, putIf: async () => ({ ok: false, error: quota }) }
    expect(await tab.put(note('n1', 'one'))).toBe(false)
    expect(tab.records.value).toEqual([note('n1', 'one')])
    expect(tab.saveState.value).toEqual({ status: 'error', error: quota })
  })

  it('reports a failed write, keeps the change on screen, and saves it with the next change', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    const real = fake.storage
    fake.storage = { ...real, putIf: async () => ({ ok: false, error: quota }) }
    expect(await tab.update('n1', withText('not stored'))).toBe(false)
    expect(tab.saveState.value).toEqual({ status: 'error', error: quota })
    expect(tab.find('n1')?.text).toBe('not stored')
    fake.storage = real
    expect(await tab.update('n1', withText('stored'))).toBe(true)
    expect(tab.saveState.value.status).toBe('saved')
    // the failed write took no revision: 1 + 1 = 2
    expect(await stored('n1')).toMatchObject({ text: 'stored', revision: 2 })
  })
})

describe('two tabs on one record', () => {
  async function twoTabsInConflict(options: { skipsWriteInConflict?: boolean } = {}) {
    const first = await openTab()
    await first.put(note('n1', 'original'))
    const second = await openTab(options)
    expect(await first.update('n1', withText('first'))).toBe(true)
    expect(await second.update('n1', withText('second'))).toBe(false)
    return { first, second }
  }

  it('stops a save over the other tab\'s newer revision and keeps both versions', async () => {
    const { second } = await twoTabsInConflict()
    expect(second.saveState.value).toEqual({ status: 'conflict', id: 'n1' })
    expect(second.conflicts.value.n1).toEqual({ reason: 'changed', theirs: { note: { ...note('n1', 'first'), updatedAt: expect.any(String) }, revision: 2 } })
    expect(second.find('n1')?.text).toBe('second')
    expect(await stored('n1')).toMatchObject({ text: 'first', revision: 2 })
  })

  it('writes nothing more for a record in conflict until the user chooses', async () => {
    const { second } = await twoTabsInConflict()
    expect(await second.update('n1', withText('again'))).toBe(false)
    expect(await stored('n1')).toMatchObject({ text: 'first', revision: 2 })
    expect(second.saveState.value).toEqual({ status: 'conflict', id: 'n1' })
  })

  it('"take theirs" shows the other tab\'s version and saves over its revision afterwards', async () => {
    const { second } = await twoTabsInConflict()
    second.takeTheirs('n1')
    expect(second.find('n1')?.text).toBe('first')
    expect(second.conflicts.value).toEqual({})
    expect(second.saveState.value.status).toBe('saved')
    expect(await second.update('n1', withText('after'))).toBe(true)
    expect(await stored('n1')).toMatchObject({ text: 'after', revision: 3 })
  })

  it('"keep mine as a copy" stores this tab\'s version under the new id and shows theirs under the original', async () => {
    const { second } = await twoTabsInConflict()
    expect(await second.keepMineAsCopy('n1')).toBe('n1-copy')
    expect(await stored('n1-copy')).toMatchObject({ text: 'second', revision: 1 })
    expect(second.find('n1')?.text).toBe('first')
    expect(second.conflicts.value).toEqual({})
  })

  it('"keep mine as a copy" does nothing for a record not in conflict', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    expect(await tab.keepMineAsCopy('n1')).toBeUndefined()
    expect(await stored('n1-copy')).toBeUndefined()
  })

  it('"replace theirs" writes this tab\'s version one revision above theirs', async () => {
    const { second } = await twoTabsInConflict()
    expect(await second.overwriteWithMine('n1')).toBe(true)
    // theirs was revision 2: 2 + 1 = 3
    expect(await stored('n1')).toMatchObject({ text: 'second', revision: 3 })
  })

  it('never lets a tab bring back a record the other tab deleted, not even by "replace theirs"', async () => {
    const first = await openTab()
    await first.put(note('n1', 'original'))
    const second = await openTab()
    expect(await first.remove('n1')).toBe(true)
    expect(await second.update('n1', withText('too late'))).toBe(false)
    expect(second.conflicts.value.n1).toEqual({ reason: 'deleted', theirs: null })
    expect(await second.overwriteWithMine('n1')).toBe(false)
    expect(await stored('n1')).toBeUndefined()
    second.takeTheirs('n1')
    expect(second.find('n1')).toBeUndefined()
    expect(second.deletedElsewhere.value).toEqual(['n1'])
  })

  it('refuses to create a record under an id another tab already stored', async () => {
    const first = await openTab()
    const second = await openTab()
    await first.put(note('n1', 'first'))
    expect(await second.put(note('n1', 'second'))).toBe(false)
    expect(second.conflicts.value.n1?.reason).toBe('exists')
    second.takeTheirs('n1')
    expect(second.find('n1')?.text).toBe('first')
  })

  it('does not call a record "deleted elsewhere" when the one in the way could not be read', async () => {
    const tab = await openTab()
    await fake.storage.put('settings', 'n1', 'not json at all')
    expect(await tab.put(note('n1', 'mine'))).toBe(false)
    expect(tab.conflicts.value.n1).toEqual({ reason: 'exists', theirs: null })
    tab.takeTheirs('n1')
    expect(tab.find('n1')).toBeUndefined()
    expect(tab.deletedElsewhere.value).toEqual([])
    expect(await stored('n1')).toBe('not json at all')
  })
})

describe('a write that reaches its turn after its record went into conflict', () => {
  /** The second tab starts a write (held at the gate), then changes the record again: a second write waits its turn. */
  async function secondWriteAfterConflict(skipsWriteInConflict: boolean) {
    const first = await openTab()
    await first.put(note('n1', 'original'))
    const second = await openTab({ skipsWriteInConflict })
    await first.update('n1', withText('first'))
    const gate = gatedWrites()
    const one = second.update('n1', withText('second'))
    await settle()
    const two = second.update('n1', withText('second, again'))
    gate.open()
    expect(await one).toBe(false)
    expect(await two).toBe(false)
    return { second, calls: gate.calls }
  }

  it('is dropped without asking storage when the kind says so', async () => {
    const { second, calls } = await secondWriteAfterConflict(true)
    expect(calls).toBe(1)
    expect(second.conflicts.value.n1?.reason).toBe('changed')
  })

  it('is otherwise refused by storage, which tells the conflict again', async () => {
    const { second, calls } = await secondWriteAfterConflict(false)
    expect(calls).toBe(2)
    expect(second.conflicts.value.n1?.reason).toBe('changed')
    expect(await stored('n1')).toMatchObject({ text: 'first', revision: 2 })
  })
})

describe('an error followed by a write that goes through', () => {
  /** Two records wait their turn; the first write fails on a full disk, the second goes through. */
  async function errorThenSave(laterSaveEndsError: boolean) {
    const tab = await openTab({ laterSaveEndsError })
    await tab.put(note('n1', 'one'))
    await tab.put(note('n2', 'two'))
    const real = fake.storage
    fake.storage = { ...real, putIf: async (store, key, value, accept) => (key === 'n1' ? { ok: false, error: quota } : real.putIf(store, key, value, accept)) }
    const saves = await Promise.all([tab.update('n1', withText('lost')), tab.update('n2', withText('kept'))])
    expect(saves).toEqual([false, true])
    return tab
  }

  it('ends the error when the kind says so', async () => {
    const tab = await errorThenSave(true)
    expect(tab.saveState.value.status).toBe('saved')
  })

  it('otherwise keeps showing the error', async () => {
    const tab = await errorThenSave(false)
    expect(tab.saveState.value).toEqual({ status: 'error', error: quota })
  })
})

describe('news from the other tab', () => {
  it('refreshes an idle tab\'s copy when the other tab saves', async () => {
    const first = await openTab()
    await first.put(note('n1', 'one'))
    const second = await openTab()
    await first.update('n1', withText('changed elsewhere'))
    await settle()
    expect(second.find('n1')?.text).toBe('changed elsewhere')
    expect(await second.update('n1', withText('and here'))).toBe(true)
    expect(await stored('n1')).toMatchObject({ text: 'and here', revision: 3 })
  })

  it('closes a record the other tab deleted, and shows it again when that tab undoes the deletion', async () => {
    const first = await openTab()
    await first.put(note('n1', 'one'))
    const second = await openTab()
    await first.remove('n1')
    await settle()
    expect(second.find('n1')).toBeUndefined()
    expect(second.deletedElsewhere.value).toEqual(['n1'])
    await first.undoRemove()
    await settle()
    expect(second.find('n1')?.text).toBe('one')
    expect(second.deletedElsewhere.value).toEqual([])
  })

  it('leaves a tab that is writing the record alone: the revision check decides when the write arrives', async () => {
    const first = await openTab()
    await first.put(note('n1', 'one'))
    const second = await openTab()
    const gate = gatedWrites()
    const mine = second.update('n1', withText('mine'))
    await settle()
    await first.remove('n1')
    await settle()
    expect(second.find('n1')?.text).toBe('mine')
    expect(second.deletedElsewhere.value).toEqual([])
    gate.open()
    expect(await mine).toBe(false)
    expect(second.conflicts.value.n1).toEqual({ reason: 'deleted', theirs: null })
  })

  it('ignores messages about other kinds of record', async () => {
    const first = await openTab()
    await first.put(note('n1', 'one'))
    const second = await openTab()
    await fake.storage.put('settings', 'n1', { ...note('n1', 'changed behind its back'), revision: 7 })
    for (const listener of fake.listeners) listener({ kind: 'other-saved', id: 'n1', revision: 7 })
    await settle()
    expect(second.find('n1')?.text).toBe('one')
    for (const listener of fake.listeners) listener({ kind: 'note-saved', id: 'n1', revision: 7 })
    await settle()
    expect(second.find('n1')?.text).toBe('changed behind its back')
  })
})

describe('deleting and undo', () => {
  it('deletes a record, offers it back, and writes it again as a new record on undo', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    await tab.update('n1', withText('two'))
    expect(await tab.remove('n1')).toBe(true)
    expect(await stored('n1')).toBeUndefined()
    expect(tab.find('n1')).toBeUndefined()
    expect(tab.recentlyDeleted.value?.text).toBe('two')
    expect(await tab.undoRemove()).toEqual({ id: 'n1', saved: true })
    expect(tab.recentlyDeleted.value).toBeNull()
    // a new record again: revision 1, not 3
    expect(await stored('n1')).toMatchObject({ text: 'two', revision: 1 })
  })

  it('says when the undo could not be written', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    await tab.remove('n1')
    fake.storage = { ...fake.storage, putIf: async () => ({ ok: false, error: quota }) }
    expect(await tab.undoRemove()).toEqual({ id: 'n1', saved: false })
    expect(await tab.undoRemove()).toBeUndefined()
  })

  it('forgets the deleted record once the offer is dismissed', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    await tab.remove('n1')
    tab.dismissUndo()
    expect(await tab.undoRemove()).toBeUndefined()
  })

  it('writes nothing for a record deleted while its write waited its turn, and the state moves on to "saved"', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    await tab.put(note('n2', 'two'))
    const gate = gatedWrites()
    const first = tab.update('n1', withText('one changed'))
    const second = tab.update('n2', withText('two changed'))
    expect(await tab.remove('n2')).toBe(true)
    gate.open()
    expect(await first).toBe(true)
    expect(await second).toBe(false)
    expect(gate.calls).toBe(1)
    expect(await stored('n2')).toBeUndefined()
    expect(tab.saveState.value.status).toBe('saved')
  })

  it('keeps the record and reports the error when storage refuses the deletion', async () => {
    const tab = await openTab()
    await tab.put(note('n1', 'one'))
    fake.storage = { ...fake.storage, delete: async () => ({ ok: false, error: quota }) }
    expect(await tab.remove('n1')).toBe(false)
    expect(tab.find('n1')?.text).toBe('one')
    expect(tab.recentlyDeleted.value).toBeNull()
    expect(tab.saveState.value).toEqual({ status: 'error', error: quota })
  })
})

describe('loading', () => {
  it('lists the records newest first and those that do not pass the schema apart, untouched', async () => {
    await fake.storage.put('settings', 'old', { ...note('old', 'old'), updatedAt: '2026-01-01T00:00:00.000Z', revision: 4 })
    await fake.storage.put('settings', 'new', { ...note('new', 'new'), updatedAt: '2026-06-01T00:00:00.000Z', revision: 1 })
    await fake.storage.put('settings', 'broken', { id: 'broken', text: 42 })
    const tab = await openTab()
    expect(tab.sorted.value.map(n => n.id)).toEqual(['new', 'old'])
    expect(tab.unreadable.value).toEqual([{ key: 'broken', raw: { id: 'broken', text: 42 } }])
    expect(tab.isLoaded.value).toBe(true)
    expect(tab.backend.value).toBe('memory')
    // the revision read is the one saved over: 4 + 1 = 5
    await tab.update('old', withText('older'))
    expect(await stored('old')).toMatchObject({ revision: 5 })
  })

  it('deletes an unreadable record on request, and the other tab drops it from its list', async () => {
    await fake.storage.put('settings', 'broken', 'not json at all')
    const first = await openTab()
    const second = await openTab()
    expect(second.unreadable.value.map(r => r.key)).toEqual(['broken'])
    expect(await first.removeUnreadable('broken')).toBe(true)
    expect(first.unreadable.value).toEqual([])
    expect(await stored('broken')).toBeUndefined()
    await settle()
    expect(second.unreadable.value).toEqual([])
  })

  it('lists a record the other tab saved that this tab cannot read', async () => {
    const first = await openTab()
    await first.put(note('n1', 'one'))
    const second = await openTab()
    await fake.storage.put('settings', 'n1', { id: 'n1', text: null, revision: 2 })
    for (const listener of fake.listeners) listener({ kind: 'note-saved', id: 'n1', revision: 2 })
    await settle()
    expect(second.unreadable.value.map(r => r.key)).toEqual(['n1'])
  })

  it('says why a first load failed, without its full stop, and loads on "try again" after reopening storage', async () => {
    fake.failNextOpen = true
    const tab = await openTab()
    expect(tab.isLoaded.value).toBe(false)
    expect(tab.loadError.value).toBe('The database is blocked by another tab')
    await tab.retryLoad()
    expect(fake.resets).toBe(1)
    expect(tab.isLoaded.value).toBe(true)
    expect(tab.loadError.value).toBeNull()
    await tab.retryLoad()
    expect(fake.resets).toBe(1) // loaded: nothing to retry
  })
})

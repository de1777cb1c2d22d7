import { computed, ref, type Ref } from 'vue'
import { isRecordDeletedMessage, isRecordSavedMessage, type RecordChangeMessage } from '@/data/record-changes'
import type { RecordSaveConflict, RecordStorage } from '@/data/record-storage'
import { resetStorage, type StorageBackend, type StorageError } from '@/data/storage'
import { nowIso } from '@/composables/clock'

/** The honest state of saving: what the user sees next to the record being worked on. */
export type RecordSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved', at: string }
  | { status: 'error', error: StorageError }
  | { status: 'conflict', id: string }

/** What the shared machinery needs of a saved record. */
export interface SavedRecord {
  id: string
  /** ISO time of the last change; the newest comes first in `sorted`. */
  updatedAt: string
}

export interface SavedRecordsOptions<T extends SavedRecord, S extends { revision: number }, U extends { key: string }, P extends string, M> {
  /** How this kind of record is read and written (`src/data`). */
  storage: RecordStorage<T, S, U>
  /** The kind named in change messages: `assessment` posts `assessment-saved` and `assessment-deleted`. */
  messagePrefix: P
  /** Opens the channel to the other tabs; messages about other kinds on it are ignored. */
  openChannel(onMessage: (message: M) => void): { post(message: RecordChangeMessage<P>): void }
  /** This tab's version under a new id, for "keep mine as a copy". */
  copyOf(record: T): T
  /**
   * Whether a write that goes through ends the error of an earlier write that failed while it waited its turn
   * (workshops). Without it, that error is shown until the next change starts saving (assessments).
   */
  laterSaveEndsError: boolean
  /** Whether a write that reaches its turn after its record went into conflict is dropped without asking storage (assessments). */
  skipsWriteInConflict: boolean
  /**
   * The rule that merges this tab's version with another tab's newer one, when the two need no choice from the user
   * (`undefined` from it: they do). Loaded when first needed. Without it, every such save stops for the user's choice.
   */
  loadMerge?: () => Promise<(mine: T, theirs: T) => T | undefined>
}

/**
 * The state and operations every kind of saved record shares, for use inside a Pinia setup store: every change is
 * written to storage at once, in order, and only over the revision this tab last saw. A save that finds another tab's
 * newer revision stops, keeps this tab's version in memory and waits for the user's choice (take theirs, keep mine as a
 * copy, or replace theirs after seeing what differs). Records that cannot be read are listed, never dropped. Other
 * tabs' saves and deletions arrive through a change channel and refresh this tab's copies.
 */
export function createSavedRecords<T extends SavedRecord, S extends { revision: number }, U extends { key: string }, P extends string, M>(options: SavedRecordsOptions<T, S, U, P, M>) {
  const { storage } = options
  // Cast: `ref` unwraps nested refs in its type, which a generic record cannot express; records never hold refs.
  const records = ref<T[]>([]) as Ref<T[]>
  const isLoaded = ref(false)
  const loadError = ref<string | null>(null)
  const unreadable = ref<U[]>([]) as Ref<U[]>
  const backend = ref<StorageBackend | null>(null)
  const saveState = ref<RecordSaveState>({ status: 'idle' })
  const recentlyDeleted = ref<T | null>(null) as Ref<T | null>
  const conflicts = ref<Record<string, RecordSaveConflict<S>>>({}) as Ref<Record<string, RecordSaveConflict<S>>>
  /** Ids deleted in another tab while this tab had them open. */
  const deletedElsewhere = ref<string[]>([])
  let loading: Promise<void> | undefined
  let queue: Promise<void> = Promise.resolve()
  /** The revision this tab last read or wrote per record; absent: not yet stored (a new record). */
  const revisions = new Map<string, number>()
  /** The newest content of each record waiting for its turn to be written. */
  const latest = new Map<string, T>()
  const writing = new Set<string>()
  /** Records new to this tab whose first write has not ended yet: listed once it has (`put`). */
  const creating = new Map<string, T>()
  let pending = 0

  const byId = computed(() => new Map(records.value.map(r => [r.id, r])))
  const sorted = computed(() => [...records.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)))

  const savedKind = `${options.messagePrefix}-saved` as const
  const deletedKind = `${options.messagePrefix}-deleted` as const
  const channel = options.openChannel(message => void receive(message))

  /** Loads the saved records. A failed load is not kept: the next call (the user's "Try again") reads again. */
  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const stored = await storage.loadAll()
        records.value = stored.stored.map(storage.valueOf)
        for (const s of stored.stored) revisions.set(storage.valueOf(s).id, s.revision)
        unreadable.value = stored.unreadable
        backend.value = stored.backend
        loadError.value = null
        isLoaded.value = true
      }
      catch (error) {
        loading = undefined
        // The message goes inside a sentence of ours: no full stop of its own.
        loadError.value = (error instanceof Error && error.message ? error.message : String(error)).replace(/\.+$/, '')
      }
    })()
    return loading
  }

  /** Tries again after a failed load, reopening storage (another tab may have released the database). */
  function retryLoad(): Promise<void> {
    if (isLoaded.value) return Promise.resolve()
    resetStorage()
    loading = undefined
    return load()
  }

  function find(id: string): T | undefined {
    return byId.value.get(id)
  }

  const hasUnsaved = (id: string) => latest.has(id) || writing.has(id)

  function settleState(): void {
    const firstConflict = Object.keys(conflicts.value)[0]
    if (firstConflict !== undefined) saveState.value = { status: 'conflict', id: firstConflict }
    else if (pending === 0 && saveState.value.status !== 'error') saveState.value = { status: 'saved', at: nowIso() }
  }

  /**
   * Writes a record after every earlier write has finished, so saves never overtake each other. While a write for the
   * same record waits its turn, newer changes replace its content instead of queueing another write. "Saved" is shown
   * only once nothing is left to write. Nothing is written for a record in conflict.
   */
  function persist(record: T): Promise<boolean> {
    if (conflicts.value[record.id]) {
      settleState()
      return Promise.resolve(false)
    }
    const waiting = latest.has(record.id)
    latest.set(record.id, record)
    saveState.value = { status: 'saving' }
    if (waiting) return queue.then(() => saveState.value.status !== 'error' && !conflicts.value[record.id])
    pending++
    const done = queue.then(async () => {
      const snapshot = latest.get(record.id)
      if (!snapshot) {
        // Forgotten (deleted, or its conflict resolved) while it waited its turn: nothing to write, and the save state moves on.
        pending--
        settleState()
        return false
      }
      latest.delete(record.id)
      writing.add(record.id)
      let result = options.skipsWriteInConflict && conflicts.value[snapshot.id]
        ? undefined
        : await storage.save(snapshot, revisions.get(snapshot.id) ?? null)
      let isRevisionKnown = true
      const theirs = result && !result.ok ? result.conflict?.theirs : undefined
      if (theirs && options.loadMerge) {
        const merge = await options.loadMerge()
        const merged = merge(snapshot, storage.valueOf(theirs))
        const again = merged && await storage.save(merged, theirs.revision)
        if (merged && again) result = again
        if (merged && again?.ok) isRevisionKnown = showMerged(merged, merge)
      }
      writing.delete(record.id)
      pending--
      if (result?.ok) {
        if (isRevisionKnown) revisions.set(snapshot.id, result.revision)
        if (options.laterSaveEndsError && saveState.value.status === 'error') saveState.value = { status: 'saving' }
        channel.post({ kind: savedKind, id: snapshot.id, revision: result.revision })
      }
      else if (result?.conflict) conflicts.value = { ...conflicts.value, [snapshot.id]: result.conflict }
      else if (result && result.error.kind !== 'conflict') saveState.value = { status: 'error', error: result.error }
      settleState()
      return result?.ok ?? false
    })
    queue = done.then(() => undefined, () => undefined)
    return done
  }

  /**
   * After this tab's version and another tab's were merged and written: this tab shows the merged record, and a newer
   * change of its own still waiting to be written is merged with it too. When that newer change cannot be merged, the
   * revision written is not taken as known, so that change meets the revision check and the user chooses; `false` then.
   */
  function showMerged(merged: T, merge: (mine: T, theirs: T) => T | undefined): boolean {
    const newer = latest.get(merged.id)
    const shown = newer ? merge(newer, merged) : merged
    if (!shown) return false
    if (newer) latest.set(merged.id, shown)
    if (creating.has(merged.id)) creating.set(merged.id, shown)
    records.value = records.value.map(r => (r.id === merged.id ? shown : r))
    return true
  }

  /**
   * Shows and saves a record. A change to a listed record shows at once and is written next. A record new to this tab
   * is listed only once its write has ended: a row on screen is a row in storage, so a reload or a closed tab the
   * moment it appears loses nothing. (A failed write still lists it, with the error shown, unless it was forgotten.)
   */
  async function put(record: T): Promise<boolean> {
    if (find(record.id)) {
      records.value = records.value.map(r => (r.id === record.id ? record : r))
      return persist(record)
    }
    creating.set(record.id, record)
    const saved = await persist(record)
    const newest = creating.get(record.id)
    if (newest && !find(record.id)) {
      creating.delete(record.id)
      records.value = [...records.value, newest]
    }
    return saved
  }

  /** Applies a change to a record and saves it, stamping `updatedAt` unless `touch` is false; `false` when there is no such record or the save failed. */
  function update(id: string, change: (record: T) => T, touch = true): Promise<boolean> {
    const current = find(id)
    if (!current) return Promise.resolve(false)
    const next = change(current)
    return put(touch ? { ...next, updatedAt: nowIso() } : next)
  }

  /** Deletes a record; it is offered back (`undoRemove`) until `dismissUndo`. */
  async function remove(id: string): Promise<boolean> {
    const target = find(id)
    if (!target) return false
    const result = await storage.remove(id)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    forget(id)
    recentlyDeleted.value = target
    channel.post({ kind: deletedKind, id })
    return true
  }

  /** Drops a record from this tab's memory only, with anything of it still waiting to be written. */
  function forget(id: string): void {
    records.value = records.value.filter(r => r.id !== id)
    creating.delete(id)
    revisions.delete(id)
    latest.delete(id)
    dropConflict(id)
  }

  function dropConflict(id: string): void {
    if (!(id in conflicts.value)) return
    const rest = { ...conflicts.value }
    delete rest[id]
    conflicts.value = rest
  }

  /** Writes the record deleted last again, as a new record (which the revision rule allows); `undefined` when there is none. */
  async function undoRemove(): Promise<{ id: string, saved: boolean } | undefined> {
    const restored = recentlyDeleted.value
    if (!restored) return undefined
    recentlyDeleted.value = null
    return { id: restored.id, saved: await put(restored) }
  }

  function dismissUndo(): void {
    recentlyDeleted.value = null
  }

  /** Deletes a stored record that cannot be read (after the user was offered to save what is left of it). */
  async function removeUnreadable(key: string): Promise<boolean> {
    const result = await storage.remove(key)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    unreadable.value = unreadable.value.filter(r => r.key !== key)
    channel.post({ kind: deletedKind, id: key })
    return true
  }

  /** Conflict resolution: take the other tab's version (this tab's unsaved changes to it are dropped, as the user chose). */
  function takeTheirs(id: string): void {
    const conflict = conflicts.value[id]
    if (!conflict) return
    const theirs = conflict.theirs
    forget(id)
    if (theirs) {
      records.value = [...records.value, storage.valueOf(theirs)]
      revisions.set(id, theirs.revision)
    }
    else if (conflict.reason !== 'exists') deletedElsewhere.value = [...deletedElsewhere.value, id]
    settleState()
  }

  /** Conflict resolution: keep this tab's version as a new record (`copyOf`), and show the other tab's under the original id. */
  async function keepMineAsCopy(id: string): Promise<string | undefined> {
    const mine = find(id)
    if (!mine || !conflicts.value[id]) return undefined
    const copy = options.copyOf(mine)
    takeTheirs(id)
    return (await put(copy)) ? copy.id : undefined
  }

  /** Conflict resolution, after the differences were shown: write this tab's version over the other tab's. Never over a deletion. */
  function overwriteWithMine(id: string): Promise<boolean> {
    const conflict = conflicts.value[id]
    const mine = find(id)
    if (!conflict || !mine || !conflict.theirs) return Promise.resolve(false)
    revisions.set(id, conflict.theirs.revision)
    dropConflict(id)
    return put({ ...mine, updatedAt: nowIso() })
  }

  /** Another tab saved or deleted: refresh this tab's copy unless it holds unsaved changes (those meet the revision check when saved). */
  async function receive(message: M): Promise<void> {
    if (!isLoaded.value) return
    if (isRecordDeletedMessage(message, options.messagePrefix)) {
      const id = message.id
      if (hasUnsaved(id) || conflicts.value[id]) return
      unreadable.value = unreadable.value.filter(r => r.key !== id)
      if (!find(id)) return
      forget(id)
      deletedElsewhere.value = [...deletedElsewhere.value, id]
      return
    }
    if (!isRecordSavedMessage(message, options.messagePrefix)) return
    const id = message.id
    if (revisions.get(id) === message.revision || hasUnsaved(id) || conflicts.value[id]) return
    const stored = await storage.loadOne(id)
    if (stored === undefined || hasUnsaved(id)) return
    if (stored === null) {
      unreadable.value = (await storage.loadAll()).unreadable
      return
    }
    records.value = [...records.value.filter(r => r.id !== id), storage.valueOf(stored)]
    revisions.set(id, stored.revision)
    deletedElsewhere.value = deletedElsewhere.value.filter(d => d !== id)
  }

  return {
    records, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere,
    load, retryLoad, find, put, update, remove, forget, undoRemove, dismissUndo, removeUnreadable, takeTheirs, keepMineAsCopy, overwriteWithMine,
  }
}

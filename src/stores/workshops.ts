import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { newAssessmentId } from '@/data/assessments'
import { resetStorage, type StorageBackend, type StorageError } from '@/data/storage'
import { openWorkshopChannel, type WorkshopChangeMessage } from '@/data/workshop-changes'
import {
  workshopStorage,
  type StoredWorkshop, type UnreadableWorkshop, type WorkshopSaveConflict,
} from '@/data/workshops'
import type { Delegation, Workshop } from '@/domain/workshop-model'
import { nowIso } from '@/composables/clock'

/** The honest state of saving workshops, shown beside the workshop being worked on. */
export type WorkshopSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved', at: string }
  | { status: 'error', error: StorageError }
  | { status: 'conflict', id: string }

/**
 * Saved workshops, with the same guarantees as assessments: every change is written at once, in order, and only over
 * the revision this tab last saw; a save that finds another tab's newer revision stops, keeps this tab's version in
 * memory and waits for the user's choice (take theirs, or keep mine as a copy). Records that cannot be read are
 * listed, never dropped. Other tabs' saves and deletions arrive through a change channel.
 *
 * This store only keeps workshops; the facilitator's edits (new workshop, imports, consensus …) are in
 * `useWorkshopActions`, which applies the domain rules and saves through `update` / `put`, so the home page's list
 * does not download the workshop rules.
 */
export const useWorkshopsStore = defineStore('workshops', () => {
  const workshops = ref<Workshop[]>([])
  const isLoaded = ref(false)
  const loadError = ref<string | null>(null)
  const unreadable = ref<UnreadableWorkshop[]>([])
  const backend = ref<StorageBackend | null>(null)
  const saveState = ref<WorkshopSaveState>({ status: 'idle' })
  const recentlyDeleted = ref<Workshop | null>(null)
  const conflicts = ref<Record<string, WorkshopSaveConflict>>({})
  /** Ids deleted in another tab while this tab had them open. */
  const deletedElsewhere = ref<string[]>([])
  let loading: Promise<void> | undefined
  let queue: Promise<void> = Promise.resolve()
  const revisions = new Map<string, number>()
  const latest = new Map<string, Workshop>()
  const writing = new Set<string>()
  let pending = 0

  const byId = computed(() => new Map(workshops.value.map(w => [w.id, w])))
  const sorted = computed(() => [...workshops.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)))
  const channel = openWorkshopChannel(message => void receive(message))

  /** Loads the saved workshops. A failed load is not kept: the next call (the user's "Try again") reads again. */
  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const stored = await workshopStorage.loadAll()
        workshops.value = stored.stored.map(s => s.workshop)
        for (const s of stored.stored) revisions.set(s.workshop.id, s.revision)
        unreadable.value = stored.unreadable
        backend.value = stored.backend
        loadError.value = null
        isLoaded.value = true
      }
      catch (error) {
        loading = undefined
        loadError.value = (error instanceof Error && error.message ? error.message : String(error)).replace(/\.+$/, '')
      }
    })()
    return loading
  }

  function retryLoad(): Promise<void> {
    if (isLoaded.value) return Promise.resolve()
    resetStorage()
    loading = undefined
    return load()
  }

  function find(id: string): Workshop | undefined {
    return byId.value.get(id)
  }

  function findDelegation(workshopId: string, delegationId: string): Delegation | undefined {
    return find(workshopId)?.delegations.find(d => d.id === delegationId)
  }

  const hasUnsaved = (id: string) => latest.has(id) || writing.has(id)

  function settleState(): void {
    const firstConflict = Object.keys(conflicts.value)[0]
    if (firstConflict !== undefined) saveState.value = { status: 'conflict', id: firstConflict }
    else if (pending === 0 && saveState.value.status !== 'error') saveState.value = { status: 'saved', at: nowIso() }
  }

  /** Writes after every earlier write; newer changes to a workshop waiting its turn replace its content. Nothing is written in conflict. */
  function persist(workshop: Workshop): Promise<boolean> {
    if (conflicts.value[workshop.id]) {
      settleState()
      return Promise.resolve(false)
    }
    const waiting = latest.has(workshop.id)
    latest.set(workshop.id, workshop)
    saveState.value = { status: 'saving' }
    if (waiting) return queue.then(() => saveState.value.status !== 'error' && !conflicts.value[workshop.id])
    pending++
    const done = queue.then(async () => {
      const snapshot = latest.get(workshop.id)!
      latest.delete(workshop.id)
      writing.add(workshop.id)
      const result = await workshopStorage.save(snapshot, revisions.get(snapshot.id) ?? null)
      writing.delete(workshop.id)
      pending--
      if (result.ok) {
        revisions.set(snapshot.id, result.revision)
        if (saveState.value.status === 'error') saveState.value = { status: 'saving' } // a later save went through: the error is over
        channel.post({ kind: 'workshop-saved', id: snapshot.id, revision: result.revision })
      }
      else if (result.conflict) conflicts.value = { ...conflicts.value, [snapshot.id]: result.conflict }
      else saveState.value = { status: 'error', error: result.error }
      settleState()
      return result.ok
    })
    queue = done.then(() => undefined, () => undefined)
    return done
  }

  function put(workshop: Workshop): Promise<boolean> {
    workshops.value = [...workshops.value.filter(w => w.id !== workshop.id), workshop]
    return persist(workshop)
  }

  /** Applies a change to a workshop and saves it (stamping `updatedAt`); `false` when there is no such workshop or the save failed. */
  function update(id: string, change: (workshop: Workshop) => Workshop): Promise<boolean> {
    const current = find(id)
    if (!current) return Promise.resolve(false)
    return put({ ...change(current), updatedAt: nowIso() })
  }

  async function remove(id: string): Promise<boolean> {
    const target = find(id)
    if (!target) return false
    const result = await workshopStorage.remove(id)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    forget(id)
    recentlyDeleted.value = target
    channel.post({ kind: 'workshop-deleted', id })
    return true
  }

  async function undoRemove(): Promise<string | undefined> {
    const restored = recentlyDeleted.value
    if (!restored) return undefined
    recentlyDeleted.value = null
    return (await put(restored)) ? restored.id : undefined
  }

  function dismissUndo(): void {
    recentlyDeleted.value = null
  }

  /** Deletes a stored record that cannot be read (after the user was offered to save what is left of it). */
  async function removeUnreadable(key: string): Promise<boolean> {
    const result = await workshopStorage.remove(key)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    unreadable.value = unreadable.value.filter(r => r.key !== key)
    channel.post({ kind: 'workshop-deleted', id: key })
    return true
  }

  function forget(id: string): void {
    workshops.value = workshops.value.filter(w => w.id !== id)
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

  /** Conflict resolution: take the other tab's version (this tab's unsaved changes to it are dropped, as the user chose). */
  function takeTheirs(id: string): void {
    const conflict = conflicts.value[id]
    if (!conflict) return
    forget(id)
    if (conflict.theirs) {
      workshops.value = [...workshops.value, conflict.theirs.workshop]
      revisions.set(id, conflict.theirs.revision)
    }
    else if (conflict.reason !== 'exists') deletedElsewhere.value = [...deletedElsewhere.value, id]
    settleState()
  }

  /** Conflict resolution: keep this tab's version as a new workshop under a new id, and show the other tab's under the original id. */
  async function keepMineAsCopy(id: string): Promise<string | undefined> {
    const mine = find(id)
    if (!mine || !conflicts.value[id]) return undefined
    const now = nowIso()
    const copy: Workshop = { ...(JSON.parse(JSON.stringify(mine)) as Workshop), id: newAssessmentId(), createdAt: now, updatedAt: now }
    takeTheirs(id)
    return (await put(copy)) ? copy.id : undefined
  }

  /** Another tab saved or deleted: refresh this tab's copy unless it holds unsaved changes (those meet the revision check). */
  async function receive(message: WorkshopChangeMessage): Promise<void> {
    if (!isLoaded.value) return
    const id = message.id
    if (message.kind === 'workshop-deleted') {
      if (hasUnsaved(id) || conflicts.value[id]) return
      unreadable.value = unreadable.value.filter(r => r.key !== id)
      if (!find(id)) return
      forget(id)
      deletedElsewhere.value = [...deletedElsewhere.value, id]
      return
    }
    if (revisions.get(id) === message.revision || hasUnsaved(id) || conflicts.value[id]) return
    const stored: StoredWorkshop | null | undefined = await workshopStorage.loadOne(id)
    if (stored === undefined || hasUnsaved(id)) return
    if (stored === null) {
      unreadable.value = (await workshopStorage.loadAll()).unreadable
      return
    }
    workshops.value = [...workshops.value.filter(w => w.id !== id), stored.workshop]
    revisions.set(id, stored.revision)
    deletedElsewhere.value = deletedElsewhere.value.filter(d => d !== id)
  }

  return {
    workshops, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere,
    load, retryLoad, find, findDelegation, update, put, forget,
    remove, undoRemove, dismissUndo, removeUnreadable, takeTheirs, keepMineAsCopy,
  }
})

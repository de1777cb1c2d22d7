import { defineStore } from 'pinia'
import { newAssessmentId } from '@/data/assessments'
import { openWorkshopChannel } from '@/data/workshop-changes'
import { workshopStorage } from '@/data/workshops'
import type { Delegation, Workshop } from '@/domain/workshop-model'
import { nowIso } from '@/composables/clock'
import { createSavedRecords, type RecordSaveState } from './saved-records'

/** The honest state of saving workshops, shown beside the workshop being worked on. */
export type WorkshopSaveState = RecordSaveState

/** A copy of a workshop under a new id (for "keep mine as a copy"). */
function copyOf(source: Workshop): Workshop {
  const now = nowIso()
  return { ...(JSON.parse(JSON.stringify(source)) as Workshop), id: newAssessmentId(), createdAt: now, updatedAt: now }
}

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
  const records = createSavedRecords({
    storage: workshopStorage,
    messagePrefix: 'workshop',
    openChannel: openWorkshopChannel,
    copyOf,
    laterSaveEndsError: true,
    skipsWriteInConflict: false,
    // Two tabs of one live workshop (one following the server, one where a consensus is typed) save at the same moment
    // as a matter of course: their copies merge. Loaded only then, so the home page does not download the live rules.
    loadMerge: async () => (await import('@/domain/live-mirror')).mergeLiveCopies,
  })
  const { records: workshops, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere } = records
  const { load, retryLoad, find, put, forget, remove, dismissUndo, removeUnreadable, takeTheirs, keepMineAsCopy } = records

  function findDelegation(workshopId: string, delegationId: string): Delegation | undefined {
    return find(workshopId)?.delegations.find(d => d.id === delegationId)
  }

  /** Applies a change to a workshop and saves it (stamping `updatedAt`); `false` when there is no such workshop or the save failed. */
  function update(id: string, change: (workshop: Workshop) => Workshop): Promise<boolean> {
    return records.update(id, change)
  }

  /** Writes the workshop deleted last again; its id once written, `undefined` when there is none or the write failed. */
  async function undoRemove(): Promise<string | undefined> {
    const restored = await records.undoRemove()
    return restored?.saved ? restored.id : undefined
  }

  return {
    workshops, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere,
    load, retryLoad, find, findDelegation, update, put, forget,
    remove, undoRemove, dismissUndo, removeUnreadable, takeTheirs, keepMineAsCopy,
  }
})

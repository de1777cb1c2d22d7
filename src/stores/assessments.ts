import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  assessmentStorage, newAssessmentId,
  type SaveConflict, type StoredAssessment, type UnreadableRecord,
} from '@/data/assessments'
import { openChangeChannel, type ChangeMessage } from '@/data/changes'
import { resetStorage, type StorageBackend, type StorageError } from '@/data/storage'
import { applyAnswerChange, clearFreshLook, createAssessment, type AnswerChange, type Assessment, type Position } from '@/domain/assessment'
import { assessmentFromImport } from '@/domain/assessment-import'
import { sameAssessments } from '@/domain/copies'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile, type ImportResult } from '@/domain/assessment-file'
import { problem } from '@/domain/problem'
import { emptyProfile, type Profile } from '@/domain/profile'
import type { RoadmapEdits } from '@/domain/roadmap'
import { createFollowUp, type FollowUpSource } from '@/domain/followup'
import { migrateAssessment, upgradedAssessment, type MigrationOutcome } from '@/domain/migration'
import type { Questionnaire } from '@/domain/questionnaire'
import type { SignOff } from '@/domain/sign-off'
import { nowIso, todayIso } from '@/composables/clock'

/** The honest state of saving: what the user sees next to their answers. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved', at: string }
  | { status: 'error', error: StorageError }
  | { status: 'conflict', id: string }

/** A save this tab stopped because another tab changed or deleted the same assessment; `theirs` is the stored version. */
export interface Conflict {
  reason: SaveConflict['reason']
  theirs: StoredAssessment | null
}

/**
 * All saved assessments; every change is written to storage at once, in order, and only over the revision this tab
 * last saw. A save that finds another tab's newer revision stops, keeps this tab's version in memory and waits for
 * the user's choice. Other tabs' saves and deletions arrive through a change channel and refresh this tab's copies.
 */
export const useAssessmentsStore = defineStore('assessments', () => {
  const assessments = ref<Assessment[]>([])
  const isLoaded = ref(false)
  const loadError = ref<string | null>(null)
  const unreadable = ref<UnreadableRecord[]>([])
  const backend = ref<StorageBackend | null>(null)
  const saveState = ref<SaveState>({ status: 'idle' })
  const recentlyDeleted = ref<Assessment | null>(null)
  const conflicts = ref<Record<string, Conflict>>({})
  /** Ids deleted in another tab while this tab had them open. */
  const deletedElsewhere = ref<string[]>([])
  let loading: Promise<void> | undefined
  let queue: Promise<void> = Promise.resolve()
  /** The revision this tab last read or wrote per assessment; absent: not yet stored (a new record). */
  const revisions = new Map<string, number>()

  const byId = computed(() => new Map(assessments.value.map(a => [a.id, a])))
  const sorted = computed(() => [...assessments.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)))

  const channel = openChangeChannel(message => void receive(message))

  /** Loads the saved assessments. A failed load is not kept: the next call (the user's "Try again") reads again. */
  function load(): Promise<void> {
    loading ??= (async () => {
      try {
        const stored = await assessmentStorage.loadAll()
        assessments.value = stored.stored.map(s => s.assessment)
        for (const s of stored.stored) revisions.set(s.assessment.id, s.revision)
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

  function find(id: string): Assessment | undefined {
    return byId.value.get(id)
  }

  const latest = new Map<string, Assessment>()
  const writing = new Set<string>()
  let pending = 0

  const hasUnsaved = (id: string) => latest.has(id) || writing.has(id)

  function settleState(): void {
    const firstConflict = Object.keys(conflicts.value)[0]
    if (firstConflict !== undefined) saveState.value = { status: 'conflict', id: firstConflict }
    else if (pending === 0 && saveState.value.status !== 'error') saveState.value = { status: 'saved', at: nowIso() }
  }

  /**
   * Writes an assessment after every earlier write has finished, so saves never overtake each other. While a write
   * for the same assessment waits its turn, newer changes replace its content instead of queueing another write.
   * "Saved" is shown only once nothing is left to write. Nothing is written for an assessment in conflict.
   */
  function persist(assessment: Assessment): Promise<boolean> {
    if (conflicts.value[assessment.id]) {
      settleState()
      return Promise.resolve(false)
    }
    const waiting = latest.has(assessment.id)
    latest.set(assessment.id, assessment)
    saveState.value = { status: 'saving' }
    if (waiting) return queue.then(() => saveState.value.status !== 'error' && !conflicts.value[assessment.id])
    pending++
    const done = queue.then(async () => {
      const snapshot = latest.get(assessment.id)!
      latest.delete(assessment.id)
      writing.add(assessment.id)
      const result = conflicts.value[snapshot.id]
        ? { ok: false as const, error: { kind: 'conflict' as const, code: 'storage.conflict' as const, message: '' } }
        : await assessmentStorage.save(snapshot, revisions.get(snapshot.id) ?? null)
      writing.delete(assessment.id)
      pending--
      if (result.ok) {
        revisions.set(snapshot.id, result.revision)
        channel.post({ kind: 'assessment-saved', id: snapshot.id, revision: result.revision })
      }
      else if ('conflict' in result && result.conflict) conflicts.value = { ...conflicts.value, [snapshot.id]: result.conflict }
      else if (result.error.kind !== 'conflict') saveState.value = { status: 'error', error: result.error }
      settleState()
      return result.ok
    })
    queue = done.then(() => undefined, () => undefined)
    return done
  }

  function put(assessment: Assessment): Promise<boolean> {
    assessments.value = [...assessments.value.filter(a => a.id !== assessment.id), assessment]
    return persist(assessment)
  }

  function update(id: string, change: (assessment: Assessment) => Assessment, touch = true): Promise<boolean> {
    const current = find(id)
    if (!current) return Promise.resolve(false)
    const next = change(current)
    return put(touch ? { ...next, updatedAt: nowIso() } : next)
  }

  async function create(questionnaireKey: string, questionnaire: Questionnaire, locale: string): Promise<string> {
    const now = nowIso()
    const assessment = createAssessment({ id: newAssessmentId(), questionnaireKey, questionnaire, locale, profile: emptyProfile(todayIso()), now })
    await put(assessment)
    return assessment.id
  }

  /**
   * Starts a follow-up of an earlier assessment (or a workshop's consensus) on `target`: profile copied and dated
   * today, answers carried over and marked to confirm, or blank; the earlier one is kept inside it.
   */
  async function startFollowUp(source: FollowUpSource, target: { key: string, questionnaire: Questionnaire }, answers: 'carry' | 'blank', locale: string): Promise<string | undefined> {
    const assessment = createFollowUp({ id: newAssessmentId(), questionnaireKey: target.key, questionnaire: target.questionnaire, source, answers, locale, today: todayIso(), now: nowIso() })
    return (await put(assessment)) ? assessment.id : undefined
  }

  /** Choosing an answer (a level, "don't know", "not applicable") also settles a fresh-look mark on that indicator. */
  function setAnswer(id: string, indicatorId: string, change: AnswerChange): Promise<boolean> {
    const settles = change !== null && 'kind' in change
    return update(id, a => ({
      ...a,
      answers: applyAnswerChange(a.answers, indicatorId, change, nowIso()),
      ...(settles && a.freshLook?.[indicatorId] ? { freshLook: clearFreshLook(a.freshLook, indicatorId) } : {}),
    }))
  }

  /** The user looked at a marked answer again and it still holds. */
  function confirmAnswer(id: string, indicatorId: string): Promise<boolean> {
    return update(id, a => ({ ...a, freshLook: clearFreshLook(a.freshLook, indicatorId) }))
  }

  /** Moves an assessment to a newer questionnaire version through its migration; `undefined` when there is none. */
  async function upgrade(id: string, source: Questionnaire, target: { key: string, questionnaire: Questionnaire }): Promise<MigrationOutcome | undefined> {
    const current = find(id)
    const outcome = current ? migrateAssessment(current, source, target.questionnaire) : undefined
    if (!outcome) return undefined
    const saved = await update(id, a => upgradedAssessment(a, outcome, target))
    return saved ? outcome : undefined
  }

  function setProfile(id: string, profile: Profile): Promise<boolean> {
    return update(id, a => ({ ...a, profile }))
  }

  function setRoadmap(id: string, roadmap: RoadmapEdits): Promise<boolean> {
    return update(id, a => ({ ...a, roadmap }))
  }

  function setSignOff(id: string, signOff: SignOff): Promise<boolean> {
    return update(id, a => ({ ...a, signOff }))
  }

  function setPosition(id: string, position: Position): Promise<boolean> {
    const current = find(id)
    if (!current || JSON.stringify(current.position) === JSON.stringify(position)) return Promise.resolve(true)
    return update(id, a => ({ ...a, position }), false)
  }

  /** A copy of an assessment under a new id, labelled "(copy)". */
  function copyOf(source: Assessment): Assessment {
    const now = nowIso()
    return { ...(JSON.parse(JSON.stringify(source)) as Assessment), id: newAssessmentId(), isCopy: true, createdAt: now, updatedAt: now }
  }

  async function duplicate(id: string): Promise<string | undefined> {
    const source = find(id)
    if (!source) return undefined
    const copy = copyOf(source)
    await put(copy)
    return copy.id
  }

  async function remove(id: string): Promise<boolean> {
    const target = find(id)
    if (!target) return false
    const result = await assessmentStorage.remove(id)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    forget(id)
    recentlyDeleted.value = target
    channel.post({ kind: 'assessment-deleted', id })
    return true
  }

  function forget(id: string): void {
    assessments.value = assessments.value.filter(a => a.id !== id)
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

  async function undoRemove(): Promise<string | undefined> {
    const restored = recentlyDeleted.value
    if (!restored) return undefined
    recentlyDeleted.value = null
    await put(restored)
    return restored.id
  }

  function dismissUndo(): void {
    recentlyDeleted.value = null
  }

  /** Deletes a stored record that cannot be read (after the user was offered to save what is left of it). */
  async function removeUnreadable(key: string): Promise<boolean> {
    const result = await assessmentStorage.remove(key)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    unreadable.value = unreadable.value.filter(r => r.key !== key)
    channel.post({ kind: 'assessment-deleted', id: key })
    return true
  }

  /** Conflict resolution: take the other tab's version (this tab's unsaved changes to it are dropped, as the user chose). */
  function takeTheirs(id: string): void {
    const conflict = conflicts.value[id]
    if (!conflict) return
    const theirs = conflict.theirs
    forget(id)
    if (theirs) {
      assessments.value = [...assessments.value, theirs.assessment]
      revisions.set(id, theirs.revision)
    }
    else if (conflict.reason !== 'exists') deletedElsewhere.value = [...deletedElsewhere.value, id]
    settleState()
  }

  /** Conflict resolution: keep this tab's version as a new assessment labelled "(copy)", and show the other tab's under the original id. */
  async function keepMineAsCopy(id: string): Promise<string | undefined> {
    const mine = find(id)
    if (!mine || !conflicts.value[id]) return undefined
    const copy = copyOf(mine)
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
  async function receive(message: ChangeMessage): Promise<void> {
    if (message.kind === 'questionnaire-saved' || !isLoaded.value) return
    const id = message.id
    if (message.kind === 'assessment-deleted') {
      if (hasUnsaved(id) || conflicts.value[id]) return
      unreadable.value = unreadable.value.filter(r => r.key !== id)
      if (!find(id)) return
      forget(id)
      deletedElsewhere.value = [...deletedElsewhere.value, id]
      return
    }
    if (revisions.get(id) === message.revision || hasUnsaved(id) || conflicts.value[id]) return
    const stored = await assessmentStorage.loadOne(id)
    if (stored === undefined || hasUnsaved(id)) return
    if (stored === null) {
      const reread = await assessmentStorage.loadAll()
      unreadable.value = reread.unreadable
      return
    }
    assessments.value = [...assessments.value.filter(a => a.id !== id), stored.assessment]
    revisions.set(id, stored.revision)
    deletedElsewhere.value = deletedElsewhere.value.filter(d => d !== id)
  }

  /**
   * Checks an answers file; a valid one becomes a NEW assessment (never overwrites one). An invalid one changes nothing.
   * `alreadyHere` names the saved assessments the file was made from (same questionnaire, same creation time): the
   * new one is then labelled "(copy)" and the user is told.
   */
  async function importText(
    text: string,
    findQuestionnaire: (id: string, version: string) => { key: string, questionnaire: Questionnaire } | undefined,
    available: ReadonlyArray<{ id: string, version: string }>,
  ): Promise<{ result: ImportResult, id?: string, alreadyHere?: string[] }> {
    const result = parseAssessmentFile(text, (qid, version) => findQuestionnaire(qid, version)?.questionnaire, available)
    if (!result.ok) return { result }
    const entry = findQuestionnaire(result.value.questionnaire.id, result.value.questionnaire.version)!
    const alreadyHere = sameAssessments(assessments.value, result.value)
    const imported = assessmentFromImport(result.value, { id: newAssessmentId(), questionnaireKey: entry.key, position: { view: 'questionnaire' } })
    const assessment: Assessment = alreadyHere.length > 0 ? { ...imported, isCopy: true } : imported
    const saved = await put(assessment)
    if (!saved) {
      forget(assessment.id)
      const code = saveState.value.status === 'error' ? saveState.value.error.code : 'storage.failed'
      return { result: { ok: false, errors: [problem(code, '(file)')] } }
    }
    return { result, id: assessment.id, alreadyHere }
  }

  function exportText(id: string): string | undefined {
    const assessment = find(id)
    return assessment ? serializeAssessmentFile(buildAssessmentFile(assessment, nowIso())) : undefined
  }

  return {
    assessments, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere,
    load, retryLoad, find, create, startFollowUp, setAnswer, confirmAnswer, upgrade, setProfile, setRoadmap, setSignOff, setPosition, duplicate, remove, undoRemove, dismissUndo,
    removeUnreadable, takeTheirs, keepMineAsCopy, overwriteWithMine, importText, exportText,
  }
})

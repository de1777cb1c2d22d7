import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { deleteAssessment, loadAssessments, newAssessmentId, saveAssessment } from '@/data/assessments'
import type { StorageBackend, StorageError } from '@/data/storage'
import { applyAnswerChange, clearFreshLook, createAssessment, type AnswerChange, type Assessment, type Position } from '@/domain/assessment'
import { assessmentFromImport } from '@/domain/assessment-import'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile, type ImportResult } from '@/domain/assessment-file'
import { emptyProfile, type Profile } from '@/domain/profile'
import type { RoadmapEdits } from '@/domain/roadmap'
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

/** All saved assessments; every change is written to storage at once, in order. */
export const useAssessmentsStore = defineStore('assessments', () => {
  const assessments = ref<Assessment[]>([])
  const isLoaded = ref(false)
  const unreadable = ref(0)
  const backend = ref<StorageBackend | null>(null)
  const saveState = ref<SaveState>({ status: 'idle' })
  const recentlyDeleted = ref<Assessment | null>(null)
  let loading: Promise<void> | undefined
  let queue: Promise<void> = Promise.resolve()

  const byId = computed(() => new Map(assessments.value.map(a => [a.id, a])))
  const sorted = computed(() => [...assessments.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)))

  function load(): Promise<void> {
    loading ??= (async () => {
      const stored = await loadAssessments()
      assessments.value = stored.assessments
      unreadable.value = stored.unreadable
      backend.value = stored.backend
      isLoaded.value = true
    })()
    return loading
  }

  function find(id: string): Assessment | undefined {
    return byId.value.get(id)
  }

  const latest = new Map<string, Assessment>()
  let pending = 0

  /**
   * Writes an assessment after every earlier write has finished, so saves never overtake each other. While a write
   * for the same assessment waits its turn, newer changes replace its content instead of queueing another write.
   * "Saved" is shown only once nothing is left to write.
   */
  function persist(assessment: Assessment): Promise<boolean> {
    const waiting = latest.has(assessment.id)
    latest.set(assessment.id, assessment)
    saveState.value = { status: 'saving' }
    if (waiting) return queue.then(() => saveState.value.status !== 'error')
    pending++
    const done = queue.then(async () => {
      const snapshot = latest.get(assessment.id)!
      latest.delete(assessment.id)
      const result = await saveAssessment(snapshot)
      pending--
      if (!result.ok) saveState.value = { status: 'error', error: result.error }
      else if (pending === 0) saveState.value = { status: 'saved', at: nowIso() }
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

  async function duplicate(id: string): Promise<string | undefined> {
    const source = find(id)
    if (!source) return undefined
    const now = nowIso()
    const copy: Assessment = { ...(JSON.parse(JSON.stringify(source)) as Assessment), id: newAssessmentId(), createdAt: now, updatedAt: now }
    await put(copy)
    return copy.id
  }

  async function remove(id: string): Promise<boolean> {
    const target = find(id)
    if (!target) return false
    const result = await deleteAssessment(id)
    if (!result.ok) {
      saveState.value = { status: 'error', error: result.error }
      return false
    }
    assessments.value = assessments.value.filter(a => a.id !== id)
    recentlyDeleted.value = target
    return true
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

  /** Checks an answers file; a valid one becomes a NEW assessment (never overwrites one). An invalid one changes nothing. */
  async function importText(
    text: string,
    findQuestionnaire: (id: string, version: string) => { key: string, questionnaire: Questionnaire } | undefined,
    available: ReadonlyArray<{ id: string, version: string }>,
  ): Promise<{ result: ImportResult, id?: string }> {
    const result = parseAssessmentFile(text, (qid, version) => findQuestionnaire(qid, version)?.questionnaire, available)
    if (!result.ok) return { result }
    const entry = findQuestionnaire(result.value.questionnaire.id, result.value.questionnaire.version)!
    const assessment = assessmentFromImport(result.value, { id: newAssessmentId(), questionnaireKey: entry.key, position: { view: 'questionnaire' } })
    const saved = await put(assessment)
    if (!saved) {
      assessments.value = assessments.value.filter(a => a.id !== assessment.id)
      const error = saveState.value.status === 'error' ? saveState.value.error.message : 'storage refused the save'
      return { result: { ok: false, errors: [{ path: '(file)', message: `the answers are valid but could not be saved: ${error}` }] } }
    }
    return { result, id: assessment.id }
  }

  function exportText(id: string): string | undefined {
    const assessment = find(id)
    return assessment ? serializeAssessmentFile(buildAssessmentFile(assessment, nowIso())) : undefined
  }

  return {
    assessments, sorted, isLoaded, unreadable, backend, saveState, recentlyDeleted,
    load, find, create, setAnswer, confirmAnswer, upgrade, setProfile, setRoadmap, setSignOff, setPosition, duplicate, remove, undoRemove, dismissUndo, importText, exportText,
  }
})

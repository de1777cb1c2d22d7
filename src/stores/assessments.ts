import { defineStore } from 'pinia'
import { assessmentStorage, newAssessmentId, type SaveConflict } from '@/data/assessments'
import { openChangeChannel } from '@/data/changes'
import { applyAnswerChange, clearFreshLook, createAssessment, type AnswerChange, type Answers, type Assessment, type Position } from '@/domain/assessment'
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
import { createSavedRecords, type RecordSaveState } from './saved-records'

/** The honest state of saving: what the user sees next to their answers. */
export type SaveState = RecordSaveState

/** A save this tab stopped because another tab changed or deleted the same assessment; `theirs` is the stored version. */
export type Conflict = SaveConflict

/** A copy of an assessment under a new id, labelled "(copy)". */
function copyOf(source: Assessment): Assessment {
  const now = nowIso()
  return { ...(JSON.parse(JSON.stringify(source)) as Assessment), id: newAssessmentId(), isCopy: true, createdAt: now, updatedAt: now }
}

/**
 * All saved assessments; every change is written to storage at once, in order, and only over the revision this tab
 * last saw. A save that finds another tab's newer revision stops, keeps this tab's version in memory and waits for
 * the user's choice. Other tabs' saves and deletions arrive through a change channel and refresh this tab's copies.
 */
export const useAssessmentsStore = defineStore('assessments', () => {
  const records = createSavedRecords({
    storage: assessmentStorage,
    messagePrefix: 'assessment',
    openChannel: openChangeChannel,
    copyOf,
    laterSaveEndsError: false,
    skipsWriteInConflict: true,
  })
  const { records: assessments, saveState, find, put, update, forget } = records

  /** Writes the assessment deleted last again; its id even when that write failed (the error is shown beside it). */
  async function undoRemove(): Promise<string | undefined> {
    return (await records.undoRemove())?.id
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

  /** Puts back answers kept elsewhere on the device that are newer than the stored ones (a live participant's, `useLiveParticipant`). */
  function restoreAnswers(id: string, answers: Answers): Promise<boolean> {
    return update(id, a => ({ ...a, answers }))
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
    const copy = copyOf(source)
    await put(copy)
    return copy.id
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

  const { sorted, isLoaded, loadError, unreadable, backend, recentlyDeleted, conflicts, deletedElsewhere } = records
  const { load, retryLoad, remove, dismissUndo, removeUnreadable, takeTheirs, keepMineAsCopy, overwriteWithMine } = records
  return {
    assessments, sorted, isLoaded, loadError, unreadable, backend, saveState, recentlyDeleted, conflicts, deletedElsewhere,
    load, retryLoad, find, create, startFollowUp, setAnswer, restoreAnswers, confirmAnswer, upgrade, setProfile, setRoadmap, setSignOff, setPosition, duplicate, remove, undoRemove, dismissUndo,
    removeUnreadable, takeTheirs, keepMineAsCopy, overwriteWithMine, importText, exportText,
  }
})

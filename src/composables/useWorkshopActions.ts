import { nowIso } from '@/composables/clock'
import { newAssessmentId } from '@/data/assessments'
import type { Answers } from '@/domain/assessment'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkFileSize, LIMITS } from '@/domain/input-rules'
import type { Problem } from '@/domain/problem'
import type { Profile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import type { RoadmapEdits } from '@/domain/roadmap'
import type { SignOff } from '@/domain/sign-off'
import { addImportedParticipant, addParticipant, createWorkshop, removeParticipant, setConsensus, type ConsensusChange } from '@/domain/workshop'
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile, workshopFileName, workshopFromImport, type WorkshopImportResult } from '@/domain/workshop-file'
import { problem } from '@/domain/problem'
import { appendDelegation, removeDelegation, setDelegationProfile, setDelegationRoadmap, setDelegationSignOff, updateDelegation } from '@/domain/workshop-edits'
import type { Delegation, Workshop } from '@/domain/workshop-model'
import { useWorkshopsStore } from '@/stores/workshops'

/** What a new workshop starts from (ids and dates are made here). */
export interface NewWorkshop {
  title: string
  questionnaireKey: string
  questionnaire: { id: string, version: string }
  locale: string
  showNames: boolean
  /** One context profile per delegation, the first one first (at least one). */
  profiles: Profile[]
}

/** One answers file given to `importFiles`: its name (to report on), its size in bytes (checked before reading) and its text. */
export interface AnswersFileInput {
  name: string
  size: number
  text: () => Promise<string>
}

/** What became of one file of an import: a new participant (its number, "P4"), or why it was refused. */
export type FileOutcome = { file: string, ok: true, participantNumber: number } | { file: string, ok: false, problems: Problem[] }

/** Finds a questionnaire the app has, for reading answers files (as the home page's import does). */
export type FindQuestionnaire = (id: string, version: string) => Questionnaire | undefined

/**
 * The facilitator's edits to saved workshops: each applies a rule of `src/domain/workshop.ts` (or `workshop-edits.ts`)
 * to the workshop as the store holds it now and saves it through the store, with the store's guarantees (order,
 * revisions, conflicts, errors in `saveState`). Every edit resolves to `false` when nothing was saved.
 */
export function useWorkshopActions(store = useWorkshopsStore()) {
  const onDelegation = (id: string, delegationId: string, change: (delegation: Delegation) => Delegation) =>
    store.update(id, w => updateDelegation(w, delegationId, change))

  /** Creates and saves a workshop; its id, or `undefined` when it could not be saved (then nothing is kept). */
  async function create(input: NewWorkshop): Promise<string | undefined> {
    const workshop: Workshop = {
      ...createWorkshop({
        id: newAssessmentId(), title: input.title.trim(), questionnaireKey: input.questionnaireKey, questionnaire: input.questionnaire,
        locale: input.locale, delegations: input.profiles.map(profile => ({ id: newAssessmentId(), profile })), now: nowIso(),
      }),
      showNames: input.showNames,
    }
    if (await store.put(workshop)) return workshop.id
    store.forget(workshop.id)
    return undefined
  }

  /**
   * Adds one participant per answers file, in the order given, in one save. A file is refused, with its problems, when
   * it is too large, broken, for another questionnaire or version, or already imported (also twice in the same batch);
   * refused files change nothing. `saved` is false when the save failed: the participants are then on screen but not
   * stored, and the store's save state says why.
   */
  async function importFiles(id: string, delegationId: string, files: readonly AnswersFileInput[], findQuestionnaire: FindQuestionnaire, available: ReadonlyArray<{ id: string, version: string }>): Promise<{ outcomes: FileOutcome[], saved: boolean }> {
    // Every file is read first; the participants are then added to the workshop as it is at that moment, with no wait
    // in between, so a change made meanwhile is never overwritten.
    const texts = await Promise.all(files.map(async (file) => {
      const tooLarge = checkFileSize(file.size, LIMITS.answersFileBytes)
      return tooLarge ? { file: file.name, problem: tooLarge } : { file: file.name, text: await file.text() }
    }))
    const current = store.find(id)
    if (!current) return { outcomes: [], saved: false }
    const outcomes: FileOutcome[] = []
    let next = current
    for (const read of texts) {
      if (read.text === undefined) {
        outcomes.push({ file: read.file, ok: false, problems: [read.problem] })
        continue
      }
      const parsed = parseAssessmentFile(read.text, findQuestionnaire, available)
      if (!parsed.ok) {
        outcomes.push({ file: read.file, ok: false, problems: parsed.errors })
        continue
      }
      const added = addImportedParticipant(next, delegationId, parsed.value, { id: newAssessmentId(), now: nowIso() })
      if (!added.ok) {
        outcomes.push({ file: read.file, ok: false, problems: [added.problem] })
        continue
      }
      next = added.workshop
      outcomes.push({ file: read.file, ok: true, participantNumber: added.participant.number })
    }
    if (next === current) return { outcomes, saved: true }
    return { outcomes, saved: await store.put({ ...next, updatedAt: nowIso() }) }
  }

  /** One participant who answered on this device ("hand the device round"), with an optional role and name. */
  function addDeviceParticipant(id: string, delegationId: string, answers: Answers, role: string, name = ''): Promise<boolean> {
    const current = store.find(id)
    if (!current) return Promise.resolve(false)
    const added = addParticipant(current, delegationId, { id: newAssessmentId(), answers, source: 'device', role, name, now: nowIso() })
    return added.ok ? store.update(id, () => added.workshop) : Promise.resolve(false)
  }

  /** The workshop as a `*.tdw.json` file (participants, consensus, notes): its name and text; `undefined` for an unknown workshop. */
  function exportFile(id: string): { name: string, text: string } | undefined {
    const workshop = store.find(id)
    if (!workshop) return undefined
    const now = nowIso()
    return { name: workshopFileName(workshop.title, now.slice(0, 10)), text: serializeWorkshopFile(buildWorkshopFile(workshop, now)) }
  }

  /**
   * Checks a workshop file; a valid one becomes a NEW workshop (it never overwrites one, even one it was exported
   * from); an invalid one, or one that cannot be saved, changes nothing.
   */
  async function importWorkshopText(
    text: string,
    findQuestionnaire: (id: string, version: string) => { key: string, questionnaire: Questionnaire } | undefined,
    available: ReadonlyArray<{ id: string, version: string }>,
  ): Promise<{ result: WorkshopImportResult, id?: string }> {
    const result = parseWorkshopFile(text, (qid, version) => findQuestionnaire(qid, version)?.questionnaire, available)
    if (!result.ok) return { result }
    const entry = findQuestionnaire(result.value.questionnaire.id, result.value.questionnaire.version)!
    const workshop = workshopFromImport(result.value, { id: newAssessmentId(), questionnaireKey: entry.key })
    if (await store.put(workshop)) return { result, id: workshop.id }
    store.forget(workshop.id)
    const code = store.saveState.status === 'error' ? store.saveState.error.code : 'storage.failed'
    return { result: { ok: false, errors: [problem(code, '(file)')] } }
  }

  return {
    create,
    exportFile,
    importWorkshopText,
    importFiles,
    addDeviceParticipant,
    /** Sets one indicator's consensus (choice, note, discussed); see `setConsensus` in the domain for what marks it discussed. */
    setConsensus: (id: string, delegationId: string, indicatorId: string, change: ConsensusChange) =>
      store.update(id, w => setConsensus(w, delegationId, indicatorId, change, nowIso())),
    dropParticipant: (id: string, delegationId: string, participantId: string) => store.update(id, w => removeParticipant(w, delegationId, participantId, nowIso())),
    setTitle: (id: string, title: string) => store.update(id, w => ({ ...w, title })),
    setShowNames: (id: string, showNames: boolean) => store.update(id, w => ({ ...w, showNames })),
    addDelegation: (id: string, profile: Profile) => store.update(id, w => appendDelegation(w, newAssessmentId(), profile)),
    dropDelegation: (id: string, delegationId: string) => store.update(id, w => removeDelegation(w, delegationId)),
    setProfile: (id: string, delegationId: string, profile: Profile) => onDelegation(id, delegationId, d => setDelegationProfile(d, profile)),
    setRoadmap: (id: string, delegationId: string, roadmap: RoadmapEdits) => onDelegation(id, delegationId, d => setDelegationRoadmap(d, roadmap)),
    setSignOff: (id: string, delegationId: string, signOff: SignOff) => onDelegation(id, delegationId, d => setDelegationSignOff(d, signOff)),
  }
}

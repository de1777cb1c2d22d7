import { storeToRefs } from 'pinia'
import { ref } from 'vue'
import { checkFileSize, LIMITS } from '@/domain/input-rules'
import type { Problem } from '@/domain/problem'
import { useAssessmentsStore } from '@/stores/assessments'
import { useQuestionnairesStore } from '@/stores/questionnaires'

export type ImportState = { ok: true, id: string, file: string, notes: Problem[], alreadyHere: number } | { ok: false, file: string, errors: Problem[] } | null

/**
 * Importing an answers file on the home page: the file is checked (its size in bytes before it is read, then its
 * content) and becomes a new assessment, or is refused with the problems found; `importState` says which, for the
 * message shown. Nothing stored changes on a refusal.
 */
export function useAnswersImport() {
  const questionnaires = useQuestionnairesStore()
  const assessments = useAssessmentsStore()
  const { entries } = storeToRefs(questionnaires)
  const importState = ref<ImportState>(null)

  async function importAnswers(file: File): Promise<void> {
    // The size is checked in bytes before anything is read: a 30 MB file is refused at once.
    const tooLarge = checkFileSize(file.size, LIMITS.answersFileBytes)
    if (tooLarge) {
      importState.value = { ok: false, file: file.name, errors: [tooLarge] }
      return
    }
    await questionnaires.load() // a file chosen right after the page opens must not race the questionnaire list
    const text = await file.text()
    const find = (id: string, version: string) =>
      entries.value.find(e => e.questionnaire.id === id && e.questionnaire.version === version && e.origin.kind === 'bundled')
      ?? entries.value.find(e => e.questionnaire.id === id && e.questionnaire.version === version)
    const available = entries.value.map(e => ({ id: e.questionnaire.id, version: e.questionnaire.version }))
    const { result, id, alreadyHere } = await assessments.importText(text, find, available)
    importState.value = result.ok && id
      ? { ok: true, id, file: file.name, notes: result.notes, alreadyHere: alreadyHere?.length ?? 0 }
      : { ok: false, file: file.name, errors: result.ok ? [] : result.errors }
  }

  return { importState, importAnswers }
}

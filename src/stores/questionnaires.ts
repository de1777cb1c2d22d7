import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  loadBundledQuestionnaires,
  loadOpenedQuestionnaires,
  readQuestionnaireFile,
  saveOpenedQuestionnaire,
  type LoadResult,
  type QuestionnaireEntry,
  type QuestionnaireLoadError,
} from '@/data/questionnaires'
import { checkFileSize, LIMITS } from '@/domain/input-rules'
import { problem } from '@/domain/problem'

/** The questionnaires the app can use: shipped ones and those opened from disk, plus files that failed the checker. */
export const useQuestionnairesStore = defineStore('questionnaires', () => {
  const entries = ref<QuestionnaireEntry[]>([])
  const loadErrors = ref<QuestionnaireLoadError[]>([])
  const lastOpened = ref<{ ok: true, key: string } | { ok: false, error: QuestionnaireLoadError } | null>(null)
  const isLoaded = ref(false)
  let loading: Promise<void> | undefined

  const byKey = computed(() => new Map(entries.value.map(entry => [entry.key, entry])))

  function absorb(results: Array<LoadResult<QuestionnaireEntry>>) {
    for (const result of results) {
      if (result.ok) entries.value = [...entries.value.filter(e => e.key !== result.value.key), result.value]
      else loadErrors.value = [...loadErrors.value, result.error]
    }
  }

  function load(): Promise<void> {
    loading ??= (async () => {
      absorb(await loadBundledQuestionnaires())
      absorb(await loadOpenedQuestionnaires())
      isLoaded.value = true
    })()
    return loading
  }

  /** Checks a file chosen by the user; keeps it when valid, reports every problem when not. Existing entries are never touched by a bad file. */
  async function openFile(file: File): Promise<void> {
    // The size is checked in bytes before anything is read: a 30 MB file is refused at once.
    const tooLarge = checkFileSize(file.size, LIMITS.questionnaireFileBytes)
    if (tooLarge) {
      lastOpened.value = { ok: false, error: { file: file.name, errors: [tooLarge] } }
      return
    }
    const text = await file.text()
    const result = readQuestionnaireFile(file.name, text, new Date().toISOString())
    if (!result.ok) {
      lastOpened.value = { ok: false, error: result.error }
      return
    }
    const saved = await saveOpenedQuestionnaire(result.value)
    if (!saved.ok) {
      lastOpened.value = { ok: false, error: { file: file.name, errors: [problem(saved.error.code, '(file)')] } }
      return
    }
    absorb([result])
    lastOpened.value = { ok: true, key: result.value.key }
  }

  function find(key: string): QuestionnaireEntry | undefined {
    return byKey.value.get(key)
  }

  return { entries, loadErrors, lastOpened, isLoaded, load, openFile, find }
})

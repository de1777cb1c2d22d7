import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { openChangeChannel } from '@/data/changes'
import { isSameJson } from '@/domain/revision'
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
  const lastOpened = ref<{ ok: true, key: string, unchanged?: boolean } | { ok: false, error: QuestionnaireLoadError } | null>(null)
  /** A valid file with the same id and version as a questionnaire already here but different content: waits for the user's choice. */
  const pendingReplace = ref<{ entry: QuestionnaireEntry, existing: QuestionnaireEntry } | null>(null)
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

  const channel = openChangeChannel((message) => {
    if (message.kind === 'questionnaire-saved' && isLoaded.value) void loadOpenedQuestionnaires().then(results => absorb(results.filter(r => r.ok)))
  })

  /**
   * Checks a file chosen by the user; keeps it when valid, reports every problem when not. Existing entries are never
   * touched by a bad file, and never replaced without asking: a file with the same id and version as one already here
   * but different content waits in `pendingReplace`; the same content again changes nothing.
   */
  async function openFile(file: File): Promise<void> {
    // The size is checked in bytes before anything is read: a 30 MB file is refused at once.
    const tooLarge = checkFileSize(file.size, LIMITS.questionnaireFileBytes)
    if (tooLarge) {
      lastOpened.value = { ok: false, error: { file: file.name, errors: [tooLarge] } }
      return
    }
    await load()
    const text = await file.text()
    const result = readQuestionnaireFile(file.name, text, new Date().toISOString())
    pendingReplace.value = null
    if (!result.ok) {
      lastOpened.value = { ok: false, error: result.error }
      return
    }
    const q = result.value.questionnaire
    const same = entries.value.filter(e => e.questionnaire.id === q.id && e.questionnaire.version === q.version)
    const identical = same.find(e => isSameJson(e.questionnaire, q))
    if (identical) {
      lastOpened.value = { ok: true, key: identical.key, unchanged: true }
      return
    }
    if (same.length > 0) {
      lastOpened.value = null
      pendingReplace.value = { entry: result.value, existing: same.find(e => e.key === result.value.key) ?? same[0]! }
      return
    }
    await keep(result.value)
  }

  async function keep(entry: QuestionnaireEntry): Promise<void> {
    const saved = await saveOpenedQuestionnaire(entry)
    if (!saved.ok) {
      lastOpened.value = { ok: false, error: { file: entry.origin.file, errors: [problem(saved.error.code, '(file)')] } }
      return
    }
    absorb([{ ok: true, value: entry }])
    lastOpened.value = { ok: true, key: entry.key }
    channel.post({ kind: 'questionnaire-saved', key: entry.key })
  }

  /** The user chose to replace the earlier opened file (a shipped questionnaire is never replaced). */
  async function replaceExisting(): Promise<void> {
    const pending = pendingReplace.value
    pendingReplace.value = null
    if (!pending || pending.existing.origin.kind !== 'file') return
    await keep({ ...pending.entry, key: pending.existing.key })
  }

  /** The user chose to keep both: the new file gets its own key, so assessments made with the earlier one keep their questions. */
  async function keepBoth(): Promise<void> {
    const pending = pendingReplace.value
    pendingReplace.value = null
    if (!pending) return
    if (!byKey.value.has(pending.entry.key)) {
      await keep(pending.entry) // the earlier one is a shipped questionnaire: the file's own key is free
      return
    }
    let n = 2
    while (byKey.value.has(`${pending.entry.key}~${n}`)) n++
    await keep({ ...pending.entry, key: `${pending.entry.key}~${n}` })
  }

  function cancelReplace(): void {
    pendingReplace.value = null
  }

  function find(key: string): QuestionnaireEntry | undefined {
    return byKey.value.get(key)
  }

  return { entries, loadErrors, lastOpened, pendingReplace, isLoaded, load, openFile, replaceExisting, keepBoth, cancelReplace, find }
})

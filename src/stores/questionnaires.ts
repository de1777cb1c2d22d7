import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { openChangeChannel } from '@/data/changes'
import { isSameJson } from '@/domain/revision'
import {
  bundledQuestionnaireIndex,
  listingOf,
  loadBundledQuestionnaire,
  loadBundledQuestionnaires,
  loadOpenedQuestionnaires,
  readQuestionnaireFile,
  saveOpenedQuestionnaire,
  type LoadResult,
  type QuestionnaireEntry,
  type QuestionnaireListing,
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
  const bundledListings = ref<QuestionnaireListing[]>([])
  const areListingsLoaded = ref(false)
  let loading: Promise<void> | undefined
  let listing: Promise<void> | undefined
  let opening: Promise<void> | undefined

  const byKey = computed(() => new Map(entries.value.map(entry => [entry.key, entry])))
  /** Every usable questionnaire as the home page lists it: shipped ones from the build-time index, then opened ones. */
  const listings = computed<QuestionnaireListing[]>(() => [
    ...bundledListings.value,
    ...entries.value.filter(entry => entry.origin.kind === 'file').map(listingOf),
  ])
  const listingsByKey = computed(() => new Map(listings.value.map(l => [l.key, l])))

  function absorb(results: Array<LoadResult<QuestionnaireEntry>>) {
    for (const result of results) {
      if (result.ok) entries.value = [...entries.value.filter(e => e.key !== result.value.key), result.value]
      else absorbError(result.error)
    }
  }

  function absorbError(error: QuestionnaireLoadError) {
    if (!loadErrors.value.some(e => e.file === error.file)) loadErrors.value = [...loadErrors.value, error]
  }

  function loadOpened(): Promise<void> {
    opening ??= loadOpenedQuestionnaires().then(absorb)
    return opening
  }

  /** What the home page needs: the build-time index of shipped questionnaires and the opened ones, without loading shipped content. */
  function loadListings(): Promise<void> {
    listing ??= (async () => {
      for (const entry of bundledQuestionnaireIndex()) {
        if (entry.ok) bundledListings.value = [...bundledListings.value.filter(l => l.key !== entry.value.key), entry.value]
        else absorbError(entry.error)
      }
      await loadOpened()
      areListingsLoaded.value = true
    })()
    return listing
  }

  function load(): Promise<void> {
    loading ??= (async () => {
      absorb(await loadBundledQuestionnaires())
      await loadOpened()
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
    const result = await readQuestionnaireFile(file.name, text, new Date().toISOString())
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

  /** Makes sure one questionnaire is loaded, fetching only its own file when it is a shipped one (a page showing one assessment needs no other). */
  async function loadFor(key: string): Promise<void> {
    if (byKey.value.has(key) || isLoaded.value) return
    const indexed = bundledQuestionnaireIndex().find(entry => entry.ok && entry.value.key === key)
    const one = indexed?.ok ? await loadBundledQuestionnaire(indexed.value.origin.file) : undefined
    if (one?.ok && one.value.key === key) absorb([one])
    else await load()
  }

  function findListing(key: string): QuestionnaireListing | undefined {
    return listingsByKey.value.get(key)
  }

  return { entries, loadErrors, lastOpened, pendingReplace, isLoaded, listings, areListingsLoaded, load, loadFor, loadListings, openFile, replaceExisting, keepBoth, cancelReplace, find, findListing }
})

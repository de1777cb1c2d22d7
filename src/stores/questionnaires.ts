import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
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
  const lastOpened = ref<{ ok: true, key: string } | { ok: false, error: QuestionnaireLoadError } | null>(null)
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

  /** Checks a file chosen by the user; keeps it when valid, reports every problem when not. Existing entries are never touched by a bad file. */
  async function openFile(file: File): Promise<void> {
    // The size is checked in bytes before anything is read: a 30 MB file is refused at once.
    const tooLarge = checkFileSize(file.size, LIMITS.questionnaireFileBytes)
    if (tooLarge) {
      lastOpened.value = { ok: false, error: { file: file.name, errors: [tooLarge] } }
      return
    }
    const text = await file.text()
    const result = await readQuestionnaireFile(file.name, text, new Date().toISOString())
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

  return { entries, loadErrors, lastOpened, isLoaded, listings, areListingsLoaded, load, loadFor, loadListings, openFile, find, findListing }
})

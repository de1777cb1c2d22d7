import { computed, onMounted, ref } from 'vue'
import { useQuestionnairesStore } from '@/stores/questionnaires'
import { useWorkshopsStore } from '@/stores/workshops'

/**
 * A saved workshop and its questionnaire for a screen that shows one (the shell of the workshop pages, presentation
 * mode, the QR scanner): loads the saved workshops, then the workshop's questionnaire; `isReady` once both were tried.
 */
export function useWorkshopRecord(workshopId: () => string) {
  const workshops = useWorkshopsStore()
  const questionnaires = useQuestionnairesStore()
  const isReady = ref(false)
  onMounted(async () => {
    await workshops.load()
    const key = workshops.find(workshopId())?.questionnaireKey
    await (key ? questionnaires.loadFor(key) : questionnaires.load())
    isReady.value = true
  })
  const workshop = computed(() => workshops.find(workshopId()))
  const entry = computed(() => (workshop.value ? questionnaires.find(workshop.value.questionnaireKey) : undefined))
  return { isReady, workshop, entry }
}

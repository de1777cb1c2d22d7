import { computed } from 'vue'
import { provideAssessmentContext } from '@/composables/useAssessmentContext'
import { useWorkshopContext } from '@/composables/useWorkshopContext'
import type { Assessment } from '@/domain/assessment'
import { consensusAssessment } from '@/domain/workshop-consensus'
import { useWorkshopActions } from '@/composables/useWorkshopActions'

/**
 * Offers a delegation's consensus to the assessment pages (results, roadmap) as an ordinary assessment, so they run on
 * it unchanged; roadmap edits and the sign-off go back into the delegation. `assessment` is `undefined` for an
 * unknown delegation.
 */
export function useConsensusContext(delegationId: () => string) {
  const { workshop, entry } = useWorkshopContext()
  const actions = useWorkshopActions()
  const assessment = computed(() => consensusAssessment(workshop.value, delegationId(), entry.value.questionnaire))
  provideAssessmentContext({
    assessment: computed(() => assessment.value as Assessment),
    entry,
    save: {
      roadmap: edits => void actions.setRoadmap(workshop.value.id, delegationId(), edits),
      signOff: signOff => void actions.setSignOff(workshop.value.id, delegationId(), signOff),
    },
  })
  return { assessment, workshop, entry }
}

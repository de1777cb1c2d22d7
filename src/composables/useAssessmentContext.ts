import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import type { Assessment } from '@/domain/assessment'
import type { RoadmapEdits } from '@/domain/roadmap'
import type { SignOff } from '@/domain/sign-off'

/** The assessment being worked on and its questionnaire, shared by the pages under /assessments/:id. */
export interface AssessmentContext {
  assessment: ComputedRef<Assessment>
  entry: ComputedRef<QuestionnaireEntry>
  /**
   * Where roadmap edits and the sign-off are kept when the assessment is not a saved one (a workshop delegation's
   * consensus keeps them in its workshop); absent: in the saved assessment.
   */
  save?: { roadmap: (edits: RoadmapEdits) => void, signOff: (signOff: SignOff) => void }
}

const KEY: InjectionKey<AssessmentContext> = Symbol('assessment-context')

export function provideAssessmentContext(context: AssessmentContext): void {
  provide(KEY, context)
}

export function useAssessmentContext(): AssessmentContext {
  const context = inject(KEY)
  if (!context) throw new Error('useAssessmentContext() outside an assessment page')
  return { assessment: computed(() => context.assessment.value), entry: computed(() => context.entry.value), ...(context.save ? { save: context.save } : {}) }
}

import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import type { Assessment } from '@/domain/assessment'

/** The assessment being worked on and its questionnaire, shared by the pages under /assessments/:id. */
export interface AssessmentContext {
  assessment: ComputedRef<Assessment>
  entry: ComputedRef<QuestionnaireEntry>
}

const KEY: InjectionKey<AssessmentContext> = Symbol('assessment-context')

export function provideAssessmentContext(context: AssessmentContext): void {
  provide(KEY, context)
}

export function useAssessmentContext(): AssessmentContext {
  const context = inject(KEY)
  if (!context) throw new Error('useAssessmentContext() outside an assessment page')
  return { assessment: computed(() => context.assessment.value), entry: computed(() => context.entry.value) }
}

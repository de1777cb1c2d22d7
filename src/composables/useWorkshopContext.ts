import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import type { Workshop } from '@/domain/workshop-model'

/** The workshop being run and its questionnaire, shared by the pages under /workshops/:workshopId. */
export interface WorkshopContext {
  workshop: ComputedRef<Workshop>
  entry: ComputedRef<QuestionnaireEntry>
}

const KEY: InjectionKey<WorkshopContext> = Symbol('workshop-context')

export function provideWorkshopContext(context: WorkshopContext): void {
  provide(KEY, context)
}

export function useWorkshopContext(): WorkshopContext {
  const context = inject(KEY)
  if (!context) throw new Error('useWorkshopContext() outside a workshop page')
  return { workshop: computed(() => context.workshop.value), entry: computed(() => context.entry.value) }
}

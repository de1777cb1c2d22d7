/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module 'virtual:questionnaire-index' {
  import type { QuestionnaireIndexEntry } from '@/data/questionnaires'
  const index: QuestionnaireIndexEntry[]
  export default index
}

declare module 'virtual:ui-messages/*' {
  const messages: Record<string, unknown>
  export default messages
}

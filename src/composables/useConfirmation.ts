import { computed, reactive, ref, type Ref } from 'vue'

/**
 * The state of a question asked before an action that cannot be undone, for `BaseConfirmDialog`:
 * `ask(subject)` opens it about `subject` (an id, or `true` when there is only one thing to ask about); `confirm`
 * closes it first, then runs `action(subject)` once; `cancel` (its button, or Escape) closes it and does nothing.
 * Bind it as `:open="x.isOpen" @confirm="x.confirm" @cancel="x.cancel"`; the dialog gives focus back to the button
 * that asked when it closes.
 */
export interface Confirmation<T> {
  /** What the open question is about; `null` while no question is open. */
  readonly subject: T | null
  readonly isOpen: boolean
  ask: (subject: T) => void
  confirm: () => Promise<void>
  cancel: () => void
}

export function useConfirmation<T = true>(action: (subject: T) => unknown): Confirmation<T> {
  const subject = ref(null) as Ref<T | null>
  return reactive({
    subject,
    isOpen: computed(() => subject.value !== null),
    ask(about: T) {
      subject.value = about
    },
    async confirm() {
      const about = subject.value
      subject.value = null
      if (about !== null) await action(about)
    },
    cancel() {
      subject.value = null
    },
  }) as Confirmation<T>
}

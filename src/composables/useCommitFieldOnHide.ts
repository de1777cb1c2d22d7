import { onBeforeUnmount, onMounted } from 'vue'

/** Fields whose value is saved on `change` (when the field is left), not on each keystroke. */
function isTypedField(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(element.type))
}

/**
 * While a screen whose fields save on `change` is shown (the roadmap's owners, the sign-off names), what is typed in
 * the field that has the focus is saved when the page is hidden (another tab or app, the phone locked: often the last
 * moment before the browser discards the page), not only when the field is left, since the browser sends no `change`
 * then. Sent as the browser would: once, and only when the value differs from what it was when the field got the focus
 * (or was last sent). A reload at that very moment still cuts the write short, as it would any write in progress.
 */
export function useCommitFieldOnHide(): void {
  let field: HTMLInputElement | HTMLTextAreaElement | null = null
  let sent = ''
  const onFocus = (event: FocusEvent) => {
    field = isTypedField(event.target as Element | null) ? event.target as HTMLInputElement | HTMLTextAreaElement : null
    sent = field?.value ?? ''
  }
  const commit = () => {
    if (!field || field !== document.activeElement || field.value === sent) return
    sent = field.value
    field.dispatchEvent(new Event('change', { bubbles: true }))
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') commit()
  }
  onMounted(() => {
    document.addEventListener('focusin', onFocus)
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('focusin', onFocus)
    document.removeEventListener('visibilitychange', onVisibility)
  })
}

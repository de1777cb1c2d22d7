// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useCommitFieldOnHide } from '@/composables/useCommitFieldOnHide'

/** A screen with a field saved on `change`, as the roadmap's owner field is. */
function mountScreen() {
  const saved = ref<string[]>([])
  const Screen = defineComponent(() => {
    useCommitFieldOnHide()
    return () => h('div', [
      h('input', { id: 'owner', type: 'text', onChange: (e: Event) => saved.value.push((e.target as HTMLInputElement).value) }),
      h('input', { id: 'draft', type: 'checkbox', onChange: () => saved.value.push('checkbox') }),
    ])
  })
  const wrapper = mount(Screen, { attachTo: document.body })
  return { wrapper, saved }
}

/** The user types in a field without leaving it. */
function typeIn(element: HTMLInputElement, text: string) {
  element.focus()
  element.value = text
  element.dispatchEvent(new Event('input', { bubbles: true }))
}

function hidePage() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
}

let unmount: (() => void) | undefined
afterEach(() => unmount?.())

describe('useCommitFieldOnHide', () => {
  it('saves what is typed in the focused field when the page is hidden (another tab or app), once', () => {
    const { wrapper, saved } = mountScreen()
    unmount = () => wrapper.unmount()
    typeIn(wrapper.get<HTMLInputElement>('#owner').element, 'Policy Planning Directorate')
    expect(saved.value).toEqual([])
    hidePage()
    expect(saved.value).toEqual(['Policy Planning Directorate'])
    hidePage()
    expect(saved.value).toEqual(['Policy Planning Directorate'])
  })

  it('sends nothing for a field left unchanged, a checkbox, or once the screen is gone', () => {
    const { wrapper, saved } = mountScreen()
    wrapper.get<HTMLInputElement>('#owner').element.focus()
    hidePage()
    wrapper.get<HTMLInputElement>('#draft').element.focus()
    hidePage()
    expect(saved.value).toEqual([])
    const owner = wrapper.get<HTMLInputElement>('#owner').element
    typeIn(owner, 'Typed after the screen closed')
    wrapper.unmount()
    owner.focus()
    hidePage()
    expect(saved.value).toEqual([])
  })
})

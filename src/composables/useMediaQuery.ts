import { onScopeDispose, ref, type Ref } from 'vue'

/** Whether a CSS media query matches now, kept up to date (false where there is no window, e.g. in Node). */
export function useMediaQuery(query: string): Ref<boolean> {
  if (typeof window === 'undefined' || !window.matchMedia) return ref(false)
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const update = (event: MediaQueryListEvent) => { matches.value = event.matches }
  list.addEventListener('change', update)
  onScopeDispose(() => list.removeEventListener('change', update))
  return matches
}

/** The layout switches to one column below this width; the questionnaire shows one indicator at a time there. */
export const NARROW_SCREEN = '(max-width: 800px)'

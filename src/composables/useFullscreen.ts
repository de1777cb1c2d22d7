import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * Full screen for one element (presentation mode): whether the browser allows it, whether it is on, a toggle, and a
 * way out. Leaving the page leaves full screen too. A refusal by the browser (no user gesture, a policy) changes nothing.
 */
export function useFullscreen(element: Ref<HTMLElement | null>) {
  const isFullscreen = ref(false)
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled === true
  const sync = () => { isFullscreen.value = document.fullscreenElement !== null }
  const exitFullscreen = () => (document.fullscreenElement ? document.exitFullscreen().catch(() => undefined) : Promise.resolve())

  async function toggleFullscreen(): Promise<void> {
    if (document.fullscreenElement) await exitFullscreen()
    else await element.value?.requestFullscreen().catch(() => undefined)
  }

  onMounted(() => document.addEventListener('fullscreenchange', sync))
  onBeforeUnmount(() => {
    document.removeEventListener('fullscreenchange', sync)
    void exitFullscreen()
  })
  return { isFullscreen, canFullscreen, toggleFullscreen, exitFullscreen }
}

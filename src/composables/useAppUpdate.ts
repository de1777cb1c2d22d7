import { readonly, ref } from 'vue'

const isUpdateReady = ref(false)
let activateUpdate: (() => void) | undefined

/** How often a long-open page (a workshop day) asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000

/**
 * Registers the service worker that keeps the app usable offline (production builds only). A new version
 * installs in the background and waits: the page reloads only when the person chooses "Reload to update",
 * never by itself, so nobody loses what they are typing.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const start = async () => {
    const { Workbox } = await import('workbox-window')
    const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`)
    workbox.addEventListener('waiting', () => {
      activateUpdate = () => {
        workbox.addEventListener('controlling', () => window.location.reload())
        workbox.messageSkipWaiting()
      }
      isUpdateReady.value = true
    })
    const registration = await workbox.register()
    if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS)
  }
  if (document.readyState === 'complete') void start()
  else window.addEventListener('load', () => void start(), { once: true })
}

/** Whether a new version is waiting, and the action that switches to it (one reload). */
export function useAppUpdate() {
  return {
    isUpdateReady: readonly(isUpdateReady),
    reloadToUpdate: () => activateUpdate?.(),
    dismiss: () => { isUpdateReady.value = false },
  }
}

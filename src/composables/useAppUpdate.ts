import { readonly, ref } from 'vue'

const isUpdateReady = ref(false)
let activateUpdate: (() => void) | undefined

/** How often a long-open page (a workshop day) asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000

/** Offers the new version: `switchTo` is what "Reload to update" does. */
function offer(switchTo: () => void): void {
  activateUpdate = switchTo
  isUpdateReady.value = true
}

/**
 * Registers the service worker that keeps the app usable offline (production builds only). A new version is offered
 * on the visit where it is found, and the page reloads only when the person chooses "Reload to update", never by
 * itself, so nobody loses what they are typing.
 *
 * Two cases: a page the service worker controls (a returning visit) sees the new version wait, and switching tells it
 * to take over and reloads once it has; a page it does not control yet (the first visit after install, which loaded
 * from the network) sees the new version become active at once, because nothing it controls holds it back, while the
 * page still runs the code it loaded: switching is then a plain reload.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const start = async () => {
    const { Workbox } = await import('workbox-window')
    const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`)
    workbox.addEventListener('waiting', (event) => {
      offer(() => {
        let reloading = false
        const reloadOnce = () => {
          if (reloading) return
          reloading = true
          window.location.reload()
        }
        // A controlled page hears "controlling"; an uncontrolled one (first visit, another tab holding the old
        // version) never does, but the waiting worker still reports its activation.
        workbox.addEventListener('controlling', reloadOnce)
        event.sw?.addEventListener('statechange', () => { if (event.sw?.state === 'activated') reloadOnce() })
        workbox.messageSkipWaiting()
      })
    })
    workbox.addEventListener('activated', (event) => {
      if ((event.isUpdate || event.isExternal) && navigator.serviceWorker.controller === null) offer(() => window.location.reload())
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

import { computed, effectScope, inject, onScopeDispose, provide, ref, watch, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import { nowIso } from './clock'
import { facilitatorKey } from '@/data/live-facilitator-key'
import { followWorkshop, liveApi, type StreamMessage } from '@/data/live-api'
import {
  applyLiveParticipants, applyLiveSnapshot, applyLiveWorkshopChange, consensusByDelegation, isFollowedLive, markLiveDeleted,
  pendingConsensus, type DelegationConsensus,
} from '@/domain/live-mirror'
import type { LiveErrorCode } from '@/domain/live-protocol'
import type { Workshop } from '@/domain/workshop-model'
import { useWorkshopsStore } from '@/stores/workshops'

/**
 * How this tab is connected to the workshop server: `connecting` until the first snapshot, `live` while the stream
 * flows, `reconnecting` after a cut, `elsewhere` while another tab of this browser follows it (and writes what it
 * receives to the saved workshop, which reaches this tab through the store), `refused` when the server refused the key.
 */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'elsewhere' | 'refused'

export interface LiveMirror {
  /** The workshop is the copy of a live workshop still on its server, and this browser has its facilitator's key. */
  isLive: ComputedRef<boolean>
  /** The facilitator's key, when this browser has it. */
  key: ComputedRef<string | undefined>
  connection: Ref<LiveConnection>
  /** Consensus entries set here that the server has not acknowledged yet (kept in the saved workshop and sent again). */
  unsent: Ref<number>
  /** Why the last consensus could not be sent; `null` once everything went through. */
  sendError: Ref<LiveErrorCode | 'network' | null>
}

/** What the following tab tells the other tabs of this browser about the connection. */
interface StatusMessage { kind: 'status', connection: LiveConnection, unsent: number, sendError: LiveErrorCode | 'network' | null }
type TabMessage = StatusMessage | { kind: 'ask' }

const RETRY_MS = 3000
const KEY: InjectionKey<LiveMirror> = Symbol('live-mirror')

/**
 * Keeps the facilitator's copy of a live workshop in step with the server while a workshop screen is open: follows the
 * server's stream and applies each message to the saved workshop through the workshops store, and sends the consensus
 * set here until the server acknowledges it. In a browser with several tabs of the workshop open, one tab follows (a
 * Web Lock decides which); the others see the changes through the store's channel between tabs.
 */
export function useLiveMirror(workshopId: () => string): LiveMirror {
  const store = useWorkshopsStore()
  const connection = ref<LiveConnection>('connecting')
  const unsent = ref(0)
  const sendError = ref<LiveErrorCode | 'network' | null>(null)
  const key = computed(() => facilitatorKey(workshopId()))
  const isLive = computed(() => key.value !== undefined && isFollowedLive(store.find(workshopId())))
  let stop: (() => void) | undefined

  function start(id: string, secret: string): () => void {
    const tabs = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`tdma-live-status-${id}`)
    let leading = false
    const tell = () => {
      if (leading) tabs?.postMessage({ kind: 'status', connection: connection.value, unsent: unsent.value, sendError: sendError.value } satisfies TabMessage)
    }
    if (tabs) {
      tabs.onmessage = (event: MessageEvent<TabMessage>) => {
        if (event.data.kind === 'ask') tell()
        else if (!leading) {
          connection.value = event.data.connection === 'live' || event.data.connection === 'reconnecting' ? event.data.connection : 'elsewhere'
          unsent.value = event.data.unsent
          sendError.value = event.data.sendError
        }
      }
    }
    const abort = new AbortController()
    const lead = () => new Promise<void>((released) => {
      leading = true
      connection.value = 'connecting'
      const scope = effectScope(true)
      const stopFollowing = follow(id, secret)
      scope.run(() => watch([connection, unsent, sendError], tell))
      abort.signal.addEventListener('abort', () => {
        stopFollowing()
        scope.stop()
        leading = false
        released()
      })
    })
    if (typeof navigator !== 'undefined' && navigator.locks) {
      connection.value = 'elsewhere'
      tabs?.postMessage({ kind: 'ask' } satisfies TabMessage)
      navigator.locks.request(`tdma-live-${id}`, { signal: abort.signal }, lead).catch(() => undefined)
    }
    else void lead()
    return () => {
      abort.abort()
      tabs?.close()
    }
  }

  /** Follows the stream and sends pending consensus; returns what stops both. */
  function follow(id: string, secret: string): () => void {
    let server: DelegationConsensus | null = null
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false

    const save = (next: Workshop, current: Workshop | undefined) => {
      if (current === undefined || JSON.stringify(next) !== JSON.stringify(current)) void store.put(next)
    }

    /** Sends what the server lacks, one entry at a time and in order; a failure stops the round and tries again later. */
    async function sendPending(): Promise<void> {
      const current = store.find(id)
      if (!server || !current || !isFollowedLive(current)) return
      const pending = pendingConsensus(current, server)
      unsent.value = pending.length
      for (const item of pending) {
        const result = await liveApi.consensus(id, secret, item.delegationId, item.indicatorId, item.entry)
        if (stopped) return
        if (!result.ok) {
          sendError.value = result.code
          clearTimeout(retry)
          retry = setTimeout(() => void flush(), RETRY_MS)
          return
        }
        const known: DelegationConsensus = server ?? {}
        if ((known[item.delegationId]?.[item.indicatorId]?.updatedAt ?? '') < item.entry.updatedAt) {
          server = { ...known, [item.delegationId]: { ...known[item.delegationId], [item.indicatorId]: item.entry } }
        }
        unsent.value = pendingConsensus(store.find(id) ?? current, server).length
      }
      sendError.value = null
    }

    // One round at a time: a note typed letter by letter is sent as it stands when the previous send is acknowledged.
    let running = false
    let again = false
    async function flush(): Promise<void> {
      if (running) {
        again = true
        return
      }
      running = true
      try {
        do {
          again = false
          await sendPending()
        } while (again && !stopped)
      }
      finally {
        running = false
      }
    }

    function onMessage(message: StreamMessage): void {
      const current = store.find(id)
      if (message.event === 'snapshot') {
        server = consensusByDelegation(message.data.workshop)
        save(applyLiveSnapshot(current, message.data), current)
      }
      else if (!current) return
      else if (message.event === 'participants') save(applyLiveParticipants(current, message.data, nowIso()), current)
      else if (message.event === 'workshop') {
        server = message.data.consensus
        save(applyLiveWorkshopChange(current, message.data), current)
      }
      else if (message.event === 'deleted') save(markLiveDeleted(current, nowIso()), current)
      void flush()
    }

    const stopStream = followWorkshop(id, secret, onMessage, (connected) => {
      connection.value = connected ? 'live' : 'reconnecting'
    }, '', (code) => {
      const current = store.find(id)
      if (code === 'notFound' && current) save(markLiveDeleted(current, nowIso()), current)
      else connection.value = 'refused'
    })
    // A consensus set in this tab or another one (the store hears of it) is sent at once.
    const scope = effectScope(true)
    scope.run(() => watch(() => store.find(id), () => void flush()))
    return () => {
      stopped = true
      clearTimeout(retry)
      scope.stop()
      stopStream()
    }
  }

  watch([() => workshopId(), isLive], ([id, live]) => {
    stop?.()
    stop = undefined
    const secret = key.value
    if (live && secret) stop = start(id, secret)
  }, { immediate: true })
  onScopeDispose(() => stop?.())

  return { isLive, key, connection, unsent, sendError }
}

/** Makes the shell's live mirror available to the workshop pages under it (the header, the live page). */
export function provideLiveMirror(mirror: LiveMirror): void {
  provide(KEY, mirror)
}

/** The live mirror of the workshop being shown; a mirror that is never live outside a workshop shell. */
export function useLiveMirrorState(): LiveMirror {
  return inject(KEY, () => ({
    isLive: computed(() => false),
    key: computed(() => undefined),
    connection: ref<LiveConnection>('connecting'),
    unsent: ref(0),
    sendError: ref(null),
  }), true)
}

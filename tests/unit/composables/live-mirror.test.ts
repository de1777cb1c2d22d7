// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, type EffectScope } from 'vue'
import type * as StorageModule from '@/data/storage'
import type { StreamMessage } from '@/data/live-api'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import type { ConsensusEntry, Participant, Workshop } from '@/domain/workshop-model'

/** The workshop server as the composable sees it: a stream it follows, and the consensus requests it answers. */
const server = vi.hoisted(() => ({
  onMessage: undefined as undefined | ((message: StreamMessage) => void),
  onConnection: undefined as undefined | ((connected: boolean) => void),
  onRefused: undefined as undefined | ((code: 'forbidden' | 'notFound') => void),
  stopped: 0,
  consensus: [] as Array<{ delegationId: string, indicatorId: string, note: string }>,
  answers: [] as Array<{ ok: true, value: { ok: true } } | { ok: false, code: 'network' }>,
  storage: undefined as unknown,
}))

vi.mock('@/data/live-api', () => ({
  followWorkshop(_id: string, _key: string, onMessage: (message: StreamMessage) => void, onConnection: (connected: boolean) => void, _base: string, onRefused: (code: 'forbidden' | 'notFound') => void) {
    Object.assign(server, { onMessage, onConnection, onRefused })
    return () => { server.stopped++ }
  },
  liveApi: {
    consensus: async (_id: string, _key: string, delegationId: string, indicatorId: string, entry: ConsensusEntry) => {
      server.consensus.push({ delegationId, indicatorId, note: entry.note })
      return server.answers.shift() ?? { ok: true, value: { ok: true } }
    },
  },
}))
vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return { ...actual, getStorage: async () => server.storage, resetStorage: () => undefined }
})
vi.mock('@/data/workshop-changes', () => ({ openWorkshopChannel: () => ({ post: () => undefined, close: () => undefined }) }))

const { createMemoryAdapter } = await import('@/data/storage')
const { useWorkshopsStore } = await import('@/stores/workshops')
const { useLiveMirror } = await import('@/composables/useLiveMirror')
const { setConsensus } = await import('@/domain/workshop')

const T0 = '2026-11-29T09:00:00.000Z'
const T1 = '2026-11-29T09:05:00.000Z'
const room = { joinBases: [], joinCode: 'ABCD2345', closed: false, spreadAllowed: false }
const person = (id: string, number: number, level: number): Participant => ({
  id, number, role: '', source: 'live', submitted: false, addedAt: T0, updatedAt: T0,
  answers: { a1: { kind: 'level', level, confidence: 'self-declared', evidence: '', updatedAt: T0 } },
})
function onServer(participants: Participant[], consensus: Record<string, ConsensusEntry> = {}): Workshop {
  return {
    id: 'w1', title: 'Suva', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en', showNames: false,
    delegations: [{ id: 'd1', profile: emptyProfile('2026-11-29'), participants, consensus, roadmap: emptyRoadmapEdits() }],
    createdAt: T0, updatedAt: T0,
  }
}
const settle = () => new Promise(resolve => setTimeout(resolve, 10))

let scope: EffectScope
let store: ReturnType<typeof useWorkshopsStore>
async function follow(local: Workshop) {
  store = useWorkshopsStore()
  await store.load()
  await store.put(local)
  scope = effectScope()
  const mirror = scope.run(() => useLiveMirror(() => 'w1'))!
  await settle()
  return mirror
}

beforeEach(() => {
  setActivePinia(createPinia())
  server.storage = createMemoryAdapter()
  Object.assign(server, { onMessage: undefined, onConnection: undefined, onRefused: undefined, stopped: 0, consensus: [], answers: [] })
  localStorage.setItem('tdma.live.facilitator.w1', 'k'.repeat(43))
})
afterEach(() => {
  scope?.stop()
  localStorage.clear()
})

describe('useLiveMirror', () => {
  it('follows nothing for a workshop that is not live, or whose key this browser does not have', async () => {
    await follow(onServer([]))
    expect(server.onMessage).toBeUndefined()
    scope.stop()
    localStorage.clear()
    await follow({ ...onServer([]), live: room })
    expect(server.onMessage).toBeUndefined()
  })

  it('applies the stream to the saved workshop and says when it is live or reconnecting', async () => {
    const mirror = await follow({ ...onServer([]), live: room })
    expect(mirror.isLive.value).toBe(true)
    server.onConnection!(true)
    expect(mirror.connection.value).toBe('live')
    server.onMessage!({ event: 'snapshot', data: { workshop: onServer([person('s1', 1, 2)]), live: { ...room, states: {} } } })
    server.onMessage!({ event: 'participants', data: { delegationId: 'd1', participants: [person('s2', 2, 4)], states: {} } })
    await settle()
    expect(store.find('w1')!.delegations[0]!.participants.map(p => p.id)).toEqual(['s1', 's2'])
    server.onConnection!(false)
    expect(mirror.connection.value).toBe('reconnecting')
  })

  it('sends a consensus set here, keeps it when the send fails, and sends it again after reconnecting until acknowledged', async () => {
    const mirror = await follow({ ...onServer([]), live: room })
    server.onMessage!({ event: 'snapshot', data: { workshop: onServer([person('s1', 1, 2)]), live: { ...room, states: {} } } })
    await settle()
    server.answers.push({ ok: false, code: 'network' })
    await store.put(setConsensus(store.find('w1')!, 'd1', 'a1', { choice: { kind: 'level', level: 3 }, note: 'Agreed' }, T1))
    await settle()
    expect(server.consensus).toEqual([{ delegationId: 'd1', indicatorId: 'a1', note: 'Agreed' }])
    expect(mirror.sendError.value).toBe('network')
    expect(mirror.unsent.value).toBe(1)
    expect(store.find('w1')!.delegations[0]!.consensus.a1!.note).toBe('Agreed')

    // The stream comes back: its snapshot lacks the entry, so it is sent again, and acknowledged this time.
    server.onMessage!({ event: 'snapshot', data: { workshop: onServer([person('s1', 1, 2)]), live: { ...room, states: {} } } })
    await settle()
    expect(server.consensus).toHaveLength(2)
    expect(mirror.sendError.value).toBeNull()
    expect(mirror.unsent.value).toBe(0)
    expect(store.find('w1')!.delegations[0]!.consensus.a1!.note).toBe('Agreed')
  })

  it('sends nothing the server already has', async () => {
    const agreed: ConsensusEntry = { choice: { kind: 'level', level: 1 }, note: 'From the server', discussed: true, updatedAt: T1 }
    await follow({ ...onServer([], { a1: agreed }), live: room })
    server.onMessage!({ event: 'snapshot', data: { workshop: onServer([], { a1: agreed }), live: { ...room, states: {} } } })
    await settle()
    expect(server.consensus).toEqual([])
  })

  it('on deletion marks the copy, keeps everything in it, and stops following', async () => {
    const mirror = await follow({ ...onServer([]), live: room })
    server.onMessage!({ event: 'snapshot', data: { workshop: onServer([person('s1', 1, 2)]), live: { ...room, states: {} } } })
    server.onMessage!({ event: 'deleted', data: {} })
    await settle()
    const kept = store.find('w1')!
    expect(kept.live?.deletedAt).toBeDefined()
    expect(kept.delegations[0]!.participants.map(p => p.id)).toEqual(['s1'])
    expect(mirror.isLive.value).toBe(false)
    expect(server.stopped).toBe(1)
  })

  it('treats a server that no longer has the workshop as a deletion, and a refused key as refused', async () => {
    await follow({ ...onServer([]), live: room })
    server.onRefused!('notFound')
    await settle()
    expect(store.find('w1')!.live?.deletedAt).toBeDefined()
    scope.stop()
    setActivePinia(createPinia())
    server.storage = createMemoryAdapter()
    const mirror = await follow({ ...onServer([]), live: room })
    server.onRefused!('forbidden')
    expect(mirror.connection.value).toBe('refused')
    expect(store.find('w1')!.live?.deletedAt).toBeUndefined()
  })
})

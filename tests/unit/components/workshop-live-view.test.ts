// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, defineComponent, h, ref } from 'vue'
import type * as StorageModule from '@/data/storage'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import type { Workshop } from '@/domain/workshop-model'

/** What the workshop server answers to a change of the live room's settings. */
const server = vi.hoisted(() => ({
  settings: [] as Array<{ ok: true, value: { closed: boolean, spreadAllowed: boolean } } | { ok: false, code: 'network' }>,
  storage: undefined as unknown,
}))
vi.mock('@/data/live-api', () => ({
  liveApi: { settings: async () => server.settings.shift() ?? { ok: false, code: 'network' } },
}))
vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return { ...actual, getStorage: async () => server.storage, resetStorage: () => undefined }
})
vi.mock('@/data/workshop-changes', () => ({ openWorkshopChannel: () => ({ post: () => undefined, close: () => undefined }) }))

const { createMemoryAdapter } = await import('@/data/storage')
const { useWorkshopsStore } = await import('@/stores/workshops')
const { provideWorkshopContext } = await import('@/composables/useWorkshopContext')
const { provideLiveMirror } = await import('@/composables/useLiveMirror')
const { mountWithI18n } = await import('./setup')
const { default: WorkshopLiveView } = await import('@/views/WorkshopLiveView.vue')

const T0 = '2026-11-29T09:00:00.000Z'
const live: Workshop = {
  id: 'w1', title: 'Suva', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en', showNames: false,
  delegations: [{ id: 'd1', profile: emptyProfile('2026-11-29'), participants: [], consensus: {}, roadmap: emptyRoadmapEdits() }],
  createdAt: T0, updatedAt: T0,
  live: { joinBases: [], joinCode: 'ABCD2345', closed: false, spreadAllowed: false },
}

/** The live room as the workshop shell shows it: the saved workshop, and this browser holding its facilitator's key. */
async function mountRoom() {
  const store = useWorkshopsStore()
  await store.load()
  await store.put(live)
  const Shell = defineComponent(() => {
    provideWorkshopContext({ workshop: computed(() => store.find('w1')!), entry: computed(() => ({}) as QuestionnaireEntry) })
    provideLiveMirror({ isLive: computed(() => true), key: computed(() => 'k'.repeat(43)), connection: ref('live'), unsent: ref(0), sendError: ref(null) })
    return () => h(WorkshopLiveView)
  })
  const wrapper = mountWithI18n(Shell, { global: { stubs: { LiveJoinPanel: true, LiveParticipantsProgress: true } } })
  return { store, wrapper, box: () => wrapper.get<HTMLInputElement>('input[type="checkbox"]').element }
}

beforeEach(() => {
  setActivePinia(createPinia())
  server.storage = createMemoryAdapter()
  server.settings = []
})

describe('the live room\'s "let participants see the group\'s answers"', () => {
  it('stays unticked when the server refuses the change, and says why', async () => {
    const { wrapper, box, store } = await mountRoom()
    server.settings.push({ ok: false, code: 'network' })
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(store.find('w1')!.live!.spreadAllowed).toBe(false)
    expect(box().checked).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).not.toBe('')
  })

  it('is ticked once the server has taken the change, and the saved workshop says so', async () => {
    const { wrapper, box, store } = await mountRoom()
    server.settings.push({ ok: true, value: { closed: false, spreadAllowed: true } })
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(store.find('w1')!.live!.spreadAllowed).toBe(true)
    expect(box().checked).toBe(true)
    expect(box().disabled).toBe(false)
  })
})

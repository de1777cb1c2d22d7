import { createPinia } from 'pinia'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter } from '@/data/storage'

const fake = vi.hoisted(() => ({ storage: undefined as unknown as StorageAdapter }))

vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return { ...actual, getStorage: async () => fake.storage }
})
vi.mock('@/data/changes', () => ({ openChangeChannel: () => ({ post: () => undefined, close: () => undefined }) }))

const { createMemoryAdapter } = await import('@/data/storage')
const { useQuestionnairesStore } = await import('@/stores/questionnaires')

const mini = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
const edited = (() => {
  const data = JSON.parse(mini) as { title: { en: string } }
  data.title.en = 'Mini, workshop edition'
  return JSON.stringify(data)
})()
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' })

async function openedTitles(store: ReturnType<typeof useQuestionnairesStore>) {
  return store.entries.filter(e => e.origin.kind === 'file').map(e => `${e.key} ${e.questionnaire.title.en}`).sort()
}

beforeEach(() => {
  fake.storage = createMemoryAdapter()
})

describe('opening a questionnaire with the same id and version as one already here', () => {
  it('changes nothing and says so when the content is the same, whatever the key order', async () => {
    const store = useQuestionnairesStore(createPinia())
    await store.openFile(file('mini.json', mini))
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(mini) as object).reverse()))
    await store.openFile(file('mini-again.json', reordered))
    expect(store.pendingReplace).toBeNull()
    expect(store.lastOpened).toEqual({ ok: true, key: 'file:mini@1.0.0', unchanged: true })
    expect(await openedTitles(store)).toEqual(['file:mini@1.0.0 Mini test questionnaire'])
  })

  it('asks before anything is replaced when the content differs, and cancel keeps the earlier one', async () => {
    const store = useQuestionnairesStore(createPinia())
    await store.openFile(file('mini.json', mini))
    await store.openFile(file('mini-workshop.json', edited))
    expect(store.pendingReplace?.existing.key).toBe('file:mini@1.0.0')
    expect(store.pendingReplace?.entry.origin.file).toBe('mini-workshop.json')
    expect(store.lastOpened).toBeNull()
    expect(await openedTitles(store)).toEqual(['file:mini@1.0.0 Mini test questionnaire'])
    store.cancelReplace()
    expect(store.pendingReplace).toBeNull()
    expect((await fake.storage.getAll<{ key: string }>('questionnaires')).map(r => r.key)).toEqual(['file:mini@1.0.0'])
  })

  it('keeps both under two keys when the user says so', async () => {
    const store = useQuestionnairesStore(createPinia())
    await store.openFile(file('mini.json', mini))
    await store.openFile(file('mini-workshop.json', edited))
    await store.keepBoth()
    expect(await openedTitles(store)).toEqual(['file:mini@1.0.0 Mini test questionnaire', 'file:mini@1.0.0~2 Mini, workshop edition'])
    expect((await fake.storage.getAll<{ key: string }>('questionnaires')).map(r => r.key).sort()).toEqual(['file:mini@1.0.0', 'file:mini@1.0.0~2'])
  })

  it('replaces the earlier opened file only when the user chooses to', async () => {
    const store = useQuestionnairesStore(createPinia())
    await store.openFile(file('mini.json', mini))
    await store.openFile(file('mini-workshop.json', edited))
    await store.replaceExisting()
    expect(await openedTitles(store)).toEqual(['file:mini@1.0.0 Mini, workshop edition'])
  })
})

describe('opening a file with the same id and version as a shipped questionnaire', () => {
  it('never replaces the shipped one; keeping both gives the file its own key', async () => {
    const store = useQuestionnairesStore(createPinia())
    await store.load()
    const shipped = store.entries.find(e => e.origin.kind === 'bundled')!
    const changed = { ...JSON.parse(JSON.stringify(shipped.questionnaire)) as Record<string, unknown>, title: { en: 'Adapted for a workshop' } }
    await store.openFile(file('adapted.json', JSON.stringify(changed)))
    expect(store.pendingReplace?.existing.key).toBe(shipped.key)
    await store.replaceExisting()
    expect(store.find(shipped.key)?.questionnaire.title.en).toBe(shipped.questionnaire.title.en)
    expect(store.entries.filter(e => e.origin.kind === 'file')).toEqual([])

    await store.openFile(file('adapted.json', JSON.stringify(changed)))
    await store.keepBoth()
    expect(store.find(`file:${shipped.key}`)?.questionnaire.title.en).toBe('Adapted for a workshop')
    expect(store.find(shipped.key)?.questionnaire.title.en).toBe(shipped.questionnaire.title.en)
  })
})

import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter } from '@/data/storage'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'

const records = vi.hoisted(() => new Map<string, unknown>())
vi.mock('@/data/storage', async (original) => {
  const actual = await original<typeof StorageModule>()
  const adapter: StorageAdapter = {
    backend: 'memory',
    get: async <T>(_store: string, key: string) => records.get(key) as T | undefined,
    getAll: async <T>() => [...records.values()] as T[],
    put: async (_store, key, value) => {
      records.set(key, JSON.parse(JSON.stringify(value)) as unknown)
      return { ok: true }
    },
    entries: async () => [...records].map(([key, value]) => ({ key, value })),
    // The store saves through the revision check.
    putIf: async (_store, key, value, accept) => {
      if (!accept(records.get(key))) return { ok: false, error: { kind: 'conflict' as const, code: 'storage.conflict' as const, message: 'conflict' }, current: records.get(key) }
      records.set(key, JSON.parse(JSON.stringify(value)) as unknown)
      return { ok: true }
    },
    delete: async (_store, key) => {
      records.delete(key)
      return { ok: true }
    },
  }
  return { ...actual, getStorage: async () => adapter }
})


const { useAssessmentsStore } = await import('@/stores/assessments')
const { baselineOf } = await import('@/domain/followup')

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(`questionnaires/${name}`, 'utf8'))
  if (!result.ok) throw new Error('shipped questionnaire invalid')
  return result.questionnaire
}
const v100 = load('tech-diplomacy-1.0.0.json')
const v110 = load('tech-diplomacy.json')
const find = (id: string, version: string) => [v100, v110].map(q => ({ key: `${q.id}@${q.version}`, questionnaire: q })).find(e => e.questionnaire.id === id && e.questionnaire.version === version)

describe('the assessments store starts a follow-up', () => {
  beforeEach(() => {
    records.clear()
    setActivePinia(createPinia())
  })

  it('from a 1.0.0 assessment on 1.1.0: answers carried and marked, the earlier one kept inside even once deleted', async () => {
    const store = useAssessmentsStore()
    await store.load()
    const { id } = await store.importText(readFileSync('tests/fixtures/ldc-island-early.tda.json', 'utf8'), find, [])
    const earlier = store.find(id!)!
    expect(earlier.questionnaireVersion).toBe('1.0.0')
    const followUpId = await store.startFollowUp({ baseline: baselineOf(earlier), questionnaire: v100 }, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 }, 'carry', 'en')
    const followUp = store.find(followUpId!)!
    expect(followUp.questionnaireVersion).toBe('1.1.0')
    expect(followUp.profile.country).toBe(earlier.profile.country)
    // the 32 indicators keep their ids from 1.0.0 to 1.1.0: every answer is carried and marked
    expect(Object.keys(followUp.answers)).toEqual(Object.keys(earlier.answers))
    expect(Object.values(followUp.freshLook ?? {}).every(m => m.reason === 'carried-over')).toBe(true)
    expect(Object.keys(followUp.freshLook ?? {})).toHaveLength(Object.keys(earlier.answers).length)

    await store.remove(id!)
    expect(records.has(id!)).toBe(false)
    expect((records.get(followUpId!) as { baseline: { answers: unknown } }).baseline.answers).toEqual(earlier.answers)
  })

  it('confirming a carried-over answer removes its mark; a blank follow-up has none', async () => {
    const store = useAssessmentsStore()
    await store.load()
    const { id } = await store.importText(readFileSync('tests/fixtures/ldc-island-early.tda.json', 'utf8'), find, [])
    const source = { baseline: baselineOf(store.find(id!)!), questionnaire: v100 }
    const carried = await store.startFollowUp(source, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 }, 'carry', 'en')
    await store.confirmAnswer(carried!, 'I1.1')
    expect(store.find(carried!)!.freshLook?.['I1.1']).toBeUndefined()
    const blank = await store.startFollowUp(source, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 }, 'blank', 'en')
    expect(store.find(blank!)!.answers).toEqual({})
    expect(store.find(blank!)!.freshLook).toBeUndefined()
  })
})

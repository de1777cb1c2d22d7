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

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(`questionnaires/${name}`, 'utf8'))
  if (!result.ok) throw new Error('shipped questionnaire invalid')
  return result.questionnaire
}
const v100 = load('tech-diplomacy-1.0.0.json')
const v110 = load('tech-diplomacy.json')
const find = (id: string, version: string) => [v100, v110].map(q => ({ key: `${q.id}@${q.version}`, questionnaire: q })).find(e => e.questionnaire.id === id && e.questionnaire.version === version)

async function imported() {
  const store = useAssessmentsStore()
  await store.load()
  const { id } = await store.importText(readFileSync('tests/fixtures/ldc-island-early.tda.json', 'utf8'), find, [])
  return { store, id: id! }
}

describe('the assessments store upgrades an assessment', () => {
  beforeEach(() => {
    records.clear()
    setActivePinia(createPinia())
  })

  it('moves it to 1.1.0, keeps every answer, marks nine and saves it', async () => {
    const { store, id } = await imported()
    const before = store.find(id)!
    const outcome = await store.upgrade(id, v100, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 })
    expect(outcome?.to).toBe('1.1.0')
    const after = store.find(id)!
    expect([after.questionnaireKey, after.questionnaireVersion]).toEqual(['tech-diplomacy@1.1.0', '1.1.0'])
    expect(after.answers).toEqual(before.answers)
    expect(Object.keys(after.freshLook ?? {})).toHaveLength(9)
    expect((records.get(id) as { questionnaireVersion: string }).questionnaireVersion).toBe('1.1.0')
  })

  it('does nothing when the target declares no migration from the assessment\'s version', async () => {
    const { store, id } = await imported()
    expect(await store.upgrade(id, { ...v100, version: '0.9.0' }, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 })).toBeUndefined()
    expect(store.find(id)!.questionnaireVersion).toBe('1.0.0')
  })

  it('clears a mark when the user chooses an answer or confirms it, not when they only edit the note', async () => {
    const { store, id } = await imported()
    await store.upgrade(id, v100, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 })
    await store.setAnswer(id, 'I1.2', { evidence: 'Decree of 2025' })
    expect(store.find(id)!.freshLook?.['I1.2']).toBeDefined()
    await store.setAnswer(id, 'I1.2', { kind: 'level', level: 4 })
    expect(store.find(id)!.freshLook?.['I1.2']).toBeUndefined()
    await store.setAnswer(id, 'I5.4', { kind: 'not_applicable' })
    await store.confirmAnswer(id, 'I2.4')
    expect(Object.keys(store.find(id)!.freshLook ?? {}).sort()).toEqual(['I3.3', 'I5.3', 'I6.1', 'I6.2', 'I7.3', 'I8.4'])
    expect(store.find(id)!.answers['I5.4']?.kind).toBe('not_applicable')
  })
})

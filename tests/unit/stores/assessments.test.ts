import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter, StorageResult } from '@/data/storage'
import { buildAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'

/**
 * A fake storage backend: every write waits until the test releases it (or fails it), and the test sees every
 * write in the order the store made them.
 */
interface PendingWrite { key: string, value: unknown, release: (result?: StorageResult) => void }
const backend = vi.hoisted(() => ({
  records: new Map<string, unknown>(),
  writes: [] as PendingWrite[],
  autoRelease: true,
}))

vi.mock('@/data/storage', async (original) => {
  const actual = await original<typeof StorageModule>()
  const write = (key: string, value: unknown) => new Promise<StorageResult>((resolve) => {
    const copy = JSON.parse(JSON.stringify(value)) as unknown
    const release = (result: StorageResult = { ok: true }) => {
      if (result.ok) backend.records.set(key, copy)
      resolve(result)
    }
    backend.writes.push({ key, value: copy, release })
    if (backend.autoRelease) release()
  })
  const adapter: StorageAdapter = {
    backend: 'memory',
    get: async <T>(_store: string, key: string) => backend.records.get(key) as T | undefined,
    getAll: async <T>() => [...backend.records.values()] as T[],
    entries: async () => [...backend.records].map(([key, value]) => ({ key, value })),
    put: (_store, key, value) => write(key, value),
    // The store saves through the revision check: the fake applies it at call time, then writes like put.
    putIf: async (_store, key, value, accept) => {
      const current = backend.records.get(key)
      return accept(current) ? write(key, value) : { ok: false, error: { kind: 'conflict' as const, code: 'storage.conflict' as const, message: 'conflict' }, current }
    },
    delete: async (_store, key) => {
      backend.records.delete(key)
      return { ok: true }
    },
  }
  return { ...actual, getStorage: async () => adapter }
})

const { useAssessmentsStore } = await import('@/stores/assessments')

const checked = checkQuestionnaireText(readFileSync('tests/fixtures/questionnaires/mini.json', 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const entry = { key: 'mini@1.0.0', questionnaire: mini }
const find = (id: string, version: string) => (id === 'mini' && version === '1.0.0' ? entry : undefined)
const flush = () => new Promise(resolve => setTimeout(resolve, 0))

beforeEach(() => {
  setActivePinia(createPinia())
  backend.records.clear()
  backend.writes.length = 0
  backend.autoRelease = true
})

describe('the save queue', () => {
  it('writes a new assessment at once and says "saved" when it is stored', async () => {
    const store = useAssessmentsStore()
    const id = await store.create('mini@1.0.0', mini, 'en')
    expect(backend.records.has(id)).toBe(true)
    expect(store.saveState.status).toBe('saved')
  })

  it('writes changes in the order they were made, never letting a later save overtake an earlier one', async () => {
    const store = useAssessmentsStore()
    const a = await store.create('mini@1.0.0', mini, 'en')
    const b = await store.create('mini@1.0.0', mini, 'en')
    backend.writes.length = 0
    backend.autoRelease = false
    void store.setAnswer(a, 'a1', { kind: 'level', level: 1 })
    void store.setAnswer(b, 'a1', { kind: 'level', level: 2 })
    await flush()
    // Only the first write has started; the second waits for it.
    expect(backend.writes.map(w => w.key)).toEqual([a])
    expect(store.saveState.status).toBe('saving')
    backend.writes[0]!.release()
    await flush()
    expect(backend.writes.map(w => w.key)).toEqual([a, b])
    expect(store.saveState.status).toBe('saving')
    backend.writes[1]!.release()
    await flush()
    expect(store.saveState.status).toBe('saved')
  })

  it('folds changes to an assessment that is still waiting into one write of its newest content', async () => {
    const store = useAssessmentsStore()
    const a = await store.create('mini@1.0.0', mini, 'en')
    const b = await store.create('mini@1.0.0', mini, 'en')
    backend.writes.length = 0
    backend.autoRelease = false
    const saves = [
      store.setAnswer(a, 'a1', { kind: 'level', level: 1 }), // starts writing
      store.setAnswer(b, 'a1', { kind: 'level', level: 1 }), // waits
      store.setAnswer(b, 'a2', { kind: 'level', level: 2 }), // replaces the waiting content
      store.setAnswer(b, 'a3', { kind: 'dont_know' }),
    ]
    await flush()
    backend.writes[0]!.release()
    await flush()
    expect(backend.writes.map(w => w.key)).toEqual([a, b])
    const written = backend.writes[1]!.value as { answers: Record<string, { kind: string }> }
    expect(Object.keys(written.answers).sort()).toEqual(['a1', 'a2', 'a3'])
    backend.writes[1]!.release()
    expect(await Promise.all(saves)).toEqual([true, true, true, true])
    await flush()
    expect(backend.writes).toHaveLength(2)
    expect(store.saveState.status).toBe('saved')
  })

  it('shows the storage error when a write fails, and keeps the change on screen', async () => {
    const store = useAssessmentsStore()
    const a = await store.create('mini@1.0.0', mini, 'en')
    backend.autoRelease = false
    const saved = store.setAnswer(a, 'a1', { kind: 'level', level: 2 })
    await flush()
    backend.writes.at(-1)!.release({ ok: false, error: { kind: 'quota', code: 'storage.quota', message: 'The disk is full.' } })
    expect(await saved).toBe(false)
    expect(store.saveState).toEqual({ status: 'error', error: { kind: 'quota', code: 'storage.quota', message: 'The disk is full.' } })
    expect(store.find(a)?.answers.a1).toMatchObject({ kind: 'level', level: 2 })
  })

  it('does not write when the position has not changed', async () => {
    const store = useAssessmentsStore()
    const a = await store.create('mini@1.0.0', mini, 'en')
    await store.setPosition(a, { view: 'results' })
    const count = backend.writes.length
    await store.setPosition(a, { view: 'results' })
    expect(backend.writes).toHaveLength(count)
  })
})

describe('import through the store', () => {
  function exported(): string {
    const assessment = {
      id: 'src', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'fr',
      profile: { country: 'CIV', ministry: 'MAE', unit: '', respondentRole: '', date: '2026-11-20', missionsAbroad: 55, geneva: 'own' as const, newYork: 'none' as const, regionalOrganisations: [], ldc: false, lldc: false, sids: false, smallServiceOverride: null },
      answers: { a1: { kind: 'dont_know' as const, evidence: '', updatedAt: '2026-11-21T09:00:00.000Z' } },
      position: { view: 'results' as const },
      roadmap: { targets: { alpha: 3 }, dropped: ['alpha-01'], details: { 'alpha-12': { owner: 'DG' } }, placements: { 'alpha-23': '18-36m' as const }, custom: [] },
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-22T17:30:00.000Z',
    }
    return serializeAssessmentFile(buildAssessmentFile(assessment, '2026-11-23T10:00:00.000Z'))
  }

  it('saves a valid file as a new assessment with its roadmap edits and both timestamps as written', async () => {
    const store = useAssessmentsStore()
    const { result, id } = await store.importText(exported(), find, [{ id: 'mini', version: '1.0.0' }])
    expect(result.ok).toBe(true)
    const saved = backend.records.get(id!) as Record<string, unknown>
    expect(saved).toMatchObject({
      questionnaireKey: 'mini@1.0.0', locale: 'fr', position: { view: 'questionnaire' },
      createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-22T17:30:00.000Z',
      roadmap: { targets: { alpha: 3 }, dropped: ['alpha-01'], details: { 'alpha-12': { owner: 'DG' } }, placements: { 'alpha-23': '18-36m' }, custom: [] },
    })
    expect(id).not.toBe('src')
  })

  it('keeps nothing when the valid file cannot be stored, and says why', async () => {
    const store = useAssessmentsStore()
    backend.autoRelease = false
    const pending = store.importText(exported(), find, [{ id: 'mini', version: '1.0.0' }])
    await flush()
    backend.writes.at(-1)!.release({ ok: false, error: { kind: 'quota', code: 'storage.quota', message: 'The disk is full.' } })
    const { result, id } = await pending
    expect(id).toBeUndefined()
    expect(result.ok).toBe(false)
    expect(store.assessments).toEqual([])
  })

  it('changes nothing for an invalid file', async () => {
    const store = useAssessmentsStore()
    const { result } = await store.importText('{"format": "something else"}', find, [])
    expect(result.ok).toBe(false)
    expect(backend.writes).toEqual([])
    expect(store.assessments).toEqual([])
  })
})

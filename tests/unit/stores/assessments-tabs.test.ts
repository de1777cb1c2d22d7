import { createPinia } from 'pinia'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangeMessage } from '@/data/changes'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter } from '@/data/storage'
import { buildAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'

/** One storage shared by every "tab" of a test, and a change bus that, like BroadcastChannel, delivers later and never to the sender. */
const fake = vi.hoisted(() => ({
  storage: undefined as unknown as StorageAdapter,
  failNextLoad: false,
  listeners: [] as Array<(message: ChangeMessage) => void>,
}))

vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return {
    ...actual,
    getStorage: async () => {
      if (fake.failNextLoad) {
        fake.failNextLoad = false
        throw new Error('The database is blocked by another tab.')
      }
      return fake.storage
    },
    resetStorage: () => undefined,
  }
})

vi.mock('@/data/changes', () => ({
  openChangeChannel(onMessage: (message: ChangeMessage) => void) {
    fake.listeners.push(onMessage)
    return {
      post: (message: ChangeMessage) => {
        for (const listener of fake.listeners) if (listener !== onMessage) setTimeout(() => listener(message), 0)
      },
      close: () => undefined,
    }
  },
}))

const { createMemoryAdapter } = await import('@/data/storage')
const { useAssessmentsStore } = await import('@/stores/assessments')

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const findQuestionnaire = (id: string, version: string) => (id === mini.id && version === mini.version ? { key: 'mini@1.0.0', questionnaire: mini } : undefined)
const available = [{ id: mini.id, version: mini.version }]

/** A new tab: its own Pinia (its own memory), the same storage and change bus. */
async function openTab() {
  const store = useAssessmentsStore(createPinia())
  await store.load()
  return store
}

/** Lets queued change messages arrive. */
const settle = () => new Promise(resolve => setTimeout(resolve, 5))

beforeEach(() => {
  fake.storage = createMemoryAdapter()
  fake.listeners = []
  fake.failNextLoad = false
})

describe('saving over another tab', () => {
  it('gives every stored assessment a revision that grows with each save', async () => {
    const tab = await openTab()
    const id = await tab.create('mini@1.0.0', mini, 'en')
    expect(await fake.storage.get('assessments', id)).toMatchObject({ id, revision: 1 })
    await tab.setAnswer(id, 'a1', { kind: 'level', level: 2 })
    expect(await fake.storage.get('assessments', id)).toMatchObject({ revision: 2 })
  })

  it('stops a save that would overwrite a newer revision, tells the user and loses neither version', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    expect(second.find(id)).toBeDefined()

    expect(await first.setAnswer(id, 'a1', { kind: 'level', level: 3 })).toBe(true)
    expect(await second.setAnswer(id, 'a2', { kind: 'level', level: 1 })).toBe(false)

    expect(second.saveState).toEqual({ status: 'conflict', id })
    expect(second.conflicts[id]?.reason).toBe('changed')
    expect(second.conflicts[id]?.theirs?.assessment.answers.a1).toMatchObject({ kind: 'level', level: 3 })
    expect(second.find(id)?.answers.a2).toMatchObject({ kind: 'level', level: 1 }) // still on screen
    const stored = await fake.storage.get<{ answers: Record<string, unknown>, revision: number }>('assessments', id)
    expect(stored?.answers.a1).toMatchObject({ level: 3 })
    expect(stored?.answers.a2).toBeUndefined()
    expect(stored?.revision).toBe(2)
  })

  it('writes nothing more for an assessment in conflict until the user chooses', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.setAnswer(id, 'a1', { kind: 'level', level: 3 })
    await second.setAnswer(id, 'a2', { kind: 'level', level: 1 })
    expect(await second.setAnswer(id, 'a3', { kind: 'level', level: 4 })).toBe(false)
    expect(await fake.storage.get('assessments', id)).toMatchObject({ revision: 2 })
  })

  it('"keep mine as a copy" stores this tab\'s version as a new "(copy)" and shows the other tab\'s under the original id', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.setAnswer(id, 'a1', { kind: 'level', level: 3 })
    await second.setAnswer(id, 'a2', { kind: 'level', level: 1 })

    const copyId = await second.keepMineAsCopy(id)
    expect(copyId).toBeDefined()
    expect(second.conflicts).toEqual({})
    const copy = await fake.storage.get<{ isCopy: boolean, answers: Record<string, unknown> }>('assessments', copyId!)
    expect(copy?.isCopy).toBe(true)
    expect(copy?.answers.a2).toMatchObject({ level: 1 })
    expect(second.find(id)?.answers.a1).toMatchObject({ level: 3 })
    expect(second.find(id)?.answers.a2).toBeUndefined()
    // the original now saves normally again from this tab, over the other tab's revision
    expect(await second.setAnswer(id, 'a3', { kind: 'level', level: 2 })).toBe(true)
    expect(await fake.storage.get('assessments', id)).toMatchObject({ revision: 3 })
  })

  it('"show the other version" drops this tab\'s unsaved change, as chosen', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.setAnswer(id, 'a1', { kind: 'level', level: 3 })
    await second.setAnswer(id, 'a2', { kind: 'level', level: 1 })
    second.takeTheirs(id)
    expect(second.find(id)?.answers).toEqual((await fake.storage.get<{ answers: unknown }>('assessments', id))?.answers)
    expect(second.conflicts).toEqual({})
  })

  it('"replace the other version" writes this tab\'s version only after the explicit choice', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.setAnswer(id, 'a1', { kind: 'level', level: 3 })
    await second.setAnswer(id, 'a2', { kind: 'level', level: 1 })
    expect(await second.overwriteWithMine(id)).toBe(true)
    const stored = await fake.storage.get<{ answers: Record<string, unknown>, revision: number }>('assessments', id)
    expect(stored?.revision).toBe(3)
    expect(stored?.answers.a2).toMatchObject({ level: 1 })
    expect(stored?.answers.a1).toBeUndefined()
  })

  it('tells an idle tab of another tab\'s save, which refreshes its copy and keeps it saveable', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.setAnswer(id, 'a1', { kind: 'level', level: 5 })
    await settle()
    expect(second.find(id)?.answers.a1).toMatchObject({ level: 5 })
    expect(await second.setAnswer(id, 'a2', { kind: 'dont_know' })).toBe(true)
    expect(second.conflicts).toEqual({})
  })
})

describe('deleting in another tab', () => {
  it('closes the assessment in an idle tab', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.remove(id)
    await settle()
    expect(second.find(id)).toBeUndefined()
    expect(second.deletedElsewhere).toEqual([id])
  })

  it('never lets an editing tab bring the deleted assessment back', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.remove(id)
    expect(await second.setAnswer(id, 'a1', { kind: 'level', level: 2 })).toBe(false)
    expect(second.conflicts[id]).toEqual({ reason: 'deleted', theirs: null })
    expect(await fake.storage.get('assessments', id)).toBeUndefined()

    const copyId = await second.keepMineAsCopy(id)
    expect(await fake.storage.get('assessments', id)).toBeUndefined()
    expect(await fake.storage.get('assessments', copyId!)).toMatchObject({ isCopy: true, answers: { a1: { level: 2 } } })
  })

  it('undo in the deleting tab restores the assessment, and the other tab sees it again', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const second = await openTab()
    await first.remove(id)
    await settle()
    expect(await first.undoRemove()).toBe(id)
    await settle()
    expect(second.find(id)).toBeDefined()
    expect(second.deletedElsewhere).toEqual([])
  })
})

describe('loading', () => {
  it('offers a retry after a failed first load instead of staying on "Loading…"', async () => {
    fake.failNextLoad = true
    const tab = useAssessmentsStore(createPinia())
    await tab.load()
    expect(tab.isLoaded).toBe(false)
    expect(tab.loadError).toBe('The database is blocked by another tab')
    await tab.retryLoad()
    expect(tab.isLoaded).toBe(true)
    expect(tab.loadError).toBeNull()
  })

  it('lists a record that cannot be read with what it still says, and keeps every other assessment', async () => {
    const first = await openTab()
    const good = await first.create('mini@1.0.0', mini, 'en')
    const broken = { ...(await fake.storage.get<Record<string, unknown>>('assessments', good)), id: 'broken', answers: { a1: { kind: 'level', level: 'high' } }, profile: { country: 'GHA', ministry: 'MFA', date: '2026-13-45' } }
    await fake.storage.put('assessments', 'broken', broken)
    await fake.storage.put('assessments', 'garbage', 'not json at all')

    const tab = await openTab()
    expect(tab.assessments.map(a => a.id)).toEqual([good])
    expect(tab.unreadable).toEqual([
      { key: 'broken', hints: { country: 'GHA', ministry: 'MFA', date: '2026-13-45' }, raw: broken },
      { key: 'garbage', hints: {}, raw: 'not json at all' },
    ])
    expect(await tab.removeUnreadable('garbage')).toBe(true)
    expect(tab.unreadable.map(r => r.key)).toEqual(['broken'])
    expect(await fake.storage.get('assessments', 'garbage')).toBeUndefined()
  })

  it('reads records saved before revisions existed, and saves over them', async () => {
    const first = await openTab()
    const id = await first.create('mini@1.0.0', mini, 'en')
    const legacy = { ...(await fake.storage.get<Record<string, unknown>>('assessments', id)) }
    delete legacy.revision
    await fake.storage.put('assessments', id, legacy)
    const tab = await openTab()
    expect(await tab.setAnswer(id, 'a1', { kind: 'level', level: 1 })).toBe(true)
    expect(await fake.storage.get('assessments', id)).toMatchObject({ revision: 1 })
  })
})

describe('copies', () => {
  it('labels a duplicate as a copy and leaves the source unlabelled', async () => {
    const tab = await openTab()
    const id = await tab.create('mini@1.0.0', mini, 'en')
    const copy = await tab.duplicate(id)
    expect(tab.find(copy!)?.isCopy).toBe(true)
    expect(tab.find(id)?.isCopy).toBeUndefined()
  })

  it('warns when the same file is imported twice, and labels the second import as a copy', async () => {
    const tab = await openTab()
    const id = await tab.create('mini@1.0.0', mini, 'en')
    await tab.setAnswer(id, 'a1', { kind: 'level', level: 2 })
    const text = serializeAssessmentFile(buildAssessmentFile(tab.find(id)!, '2026-11-29T10:00:00.000Z'))

    const once = await tab.importText(text, findQuestionnaire, available)
    expect(once.alreadyHere).toEqual([id])
    expect(tab.find(once.id!)?.isCopy).toBe(true)
    const twice = await tab.importText(text, findQuestionnaire, available)
    expect(twice.alreadyHere?.sort()).toEqual([id, once.id!].sort())
  })

  it('does not label an import of a file whose assessment is not here', async () => {
    const source = await openTab()
    const id = await source.create('mini@1.0.0', mini, 'en')
    const text = serializeAssessmentFile(buildAssessmentFile(source.find(id)!, '2026-11-29T10:00:00.000Z'))
    await source.remove(id)
    const result = await source.importText(text, findQuestionnaire, available)
    expect(result.alreadyHere).toEqual([])
    expect(source.find(result.id!)?.isCopy).toBeUndefined()
  })
})

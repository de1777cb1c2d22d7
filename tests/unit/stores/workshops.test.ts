import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { WorkshopChangeMessage } from '@/data/workshop-changes'
import type * as StorageModule from '@/data/storage'
import type { StorageAdapter } from '@/data/storage'
import { readFileSync } from 'node:fs'
import { createAssessment } from '@/domain/assessment'
import { buildAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'

/** One storage shared by every "tab" of a test, and a change bus that, like BroadcastChannel, delivers later and never to the sender. */
const fake = vi.hoisted(() => ({
  storage: undefined as unknown as StorageAdapter,
  listeners: [] as Array<(message: WorkshopChangeMessage) => void>,
}))

vi.mock('@/data/storage', async (importActual) => {
  const actual = await importActual<typeof StorageModule>()
  return { ...actual, getStorage: async () => fake.storage, resetStorage: () => undefined }
})

vi.mock('@/data/workshop-changes', () => ({
  openWorkshopChannel(onMessage: (message: WorkshopChangeMessage) => void) {
    fake.listeners.push(onMessage)
    return {
      post: (message: WorkshopChangeMessage) => {
        for (const listener of fake.listeners) if (listener !== onMessage) setTimeout(() => listener(message), 0)
      },
      close: () => undefined,
    }
  },
}))

const { createMemoryAdapter } = await import('@/data/storage')
const { useWorkshopsStore } = await import('@/stores/workshops')
const { useWorkshopActions } = await import('@/composables/useWorkshopActions')

/** A new tab: its own Pinia (its own memory), the same storage and change bus; the store with the facilitator's actions on it. */
async function openTab() {
  const store = useWorkshopsStore(createPinia())
  await store.load()
  const actions = useWorkshopActions(store)
  return new Proxy(store, { get: (target, key) => (key in actions ? actions[key as keyof typeof actions] : Reflect.get(target, key)) }) as typeof store & typeof actions
}
const settle = () => new Promise(resolve => setTimeout(resolve, 5))
const profile = { ...emptyProfile('2026-11-29'), country: 'NPL', ministry: 'MFA', unit: 'Tech' }
const input = (title = 'Kathmandu workshop') => ({
  title, questionnaireKey: 'mini@1.0.0', questionnaire: { id: 'mini', version: '1.0.0' }, locale: 'en', showNames: false, profiles: [profile],
})
const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
const mini: Questionnaire = checked.questionnaire
const mini2: Questionnaire = { ...mini, version: '2.0.0' }
const findMini = (id: string, version: string) => (id === 'mini' && version === '1.0.0' ? mini : undefined)
const findBoth = (id: string, version: string) => (id === 'mini' ? (version === '1.0.0' ? mini : version === '2.0.0' ? mini2 : undefined) : undefined)
const available = [{ id: 'mini', version: '1.0.0' }]

/** An exported answers file of one participant who answered level `n` on indicator a1. */
function answersFile(name: string, n: number, version = '1.0.0') {
  const assessment = createAssessment({ id: name, questionnaireKey: `mini@${version}`, questionnaire: { id: 'mini', version }, locale: 'en', profile, now: '2026-11-28T09:00:00.000Z' })
  const text = serializeAssessmentFile(buildAssessmentFile({ ...assessment, answers: { a1: level(n) } }, '2026-11-28T10:00:00.000Z'))
  return { name, size: text.length, text: async () => text }
}

const level = (n: number) => ({ kind: 'level' as const, level: n, confidence: 'self-declared' as const, evidence: '', updatedAt: '2026-11-29T09:00:00.000Z' })

beforeEach(() => {
  fake.storage = createMemoryAdapter()
  fake.listeners = []
})

describe('the workshops store', () => {
  it('creates a workshop that a new tab reads back, with revision 1', async () => {
    const tab = await openTab()
    const id = await tab.create(input())
    expect(id).toBeDefined()
    expect(await fake.storage.get('workshops', id!)).toMatchObject({ id, title: 'Kathmandu workshop', revision: 1 })
    const other = await openTab()
    expect(other.find(id!)?.delegations).toHaveLength(1)
  })

  it('adds one participant per answers file in one save, numbered P1, P2 in the order given', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const delegationId = tab.find(id)!.delegations[0]!.id
    const { outcomes, saved } = await tab.importFiles(id, delegationId, [answersFile('a.tda.json', 1), answersFile('b.tda.json', 3)], findMini, available)
    expect(saved).toBe(true)
    expect(outcomes).toEqual([{ file: 'a.tda.json', ok: true, participantNumber: 1 }, { file: 'b.tda.json', ok: true, participantNumber: 2 }])
    const stored = await fake.storage.get<{ revision: number, delegations: Array<{ participants: Array<{ number: number, source: string, answers: Record<string, { level: number }> }> }> }>('workshops', id)
    expect(stored?.revision).toBe(2)
    expect(stored?.delegations[0]?.participants.map(p => [p.number, p.source, p.answers.a1?.level])).toEqual([[1, 'file', 1], [2, 'file', 3]])
  })

  it('refuses, per file and with the reason, a broken file, a file of another version and a file already imported, and stores nothing for them', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const delegationId = tab.find(id)!.delegations[0]!.id
    await tab.importFiles(id, delegationId, [answersFile('a.tda.json', 1)], findMini, available)
    const other = answersFile('other.tda.json', 2, '2.0.0')
    const { outcomes } = await tab.importFiles(id, delegationId, [
      answersFile('again.tda.json', 1), { name: 'broken.json', size: 5, text: async () => '{ oops' }, other, answersFile('new.tda.json', 2), answersFile('new-twice.tda.json', 2),
    ], findBoth, [...available, { id: 'mini', version: '2.0.0' }])
    expect(outcomes.map(o => (o.ok ? `${o.file}: P${o.participantNumber}` : `${o.file}: ${o.problems.map(p => p.code).join(',')}`))).toEqual([
      'again.tda.json: workshop.alreadyImported',
      'broken.json: file.notJson',
      'other.tda.json: workshop.otherVersion',
      'new.tda.json: P2',
      'new-twice.tda.json: workshop.alreadyImported',
    ])
    const stored = await fake.storage.get<{ delegations: Array<{ participants: unknown[] }> }>('workshops', id)
    expect(stored?.delegations[0]?.participants).toHaveLength(2)
  })

  it('refuses a file over the size limit without reading it', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const delegationId = tab.find(id)!.delegations[0]!.id
    let read = false
    const { outcomes } = await tab.importFiles(id, delegationId, [{ name: 'huge.json', size: 50_000_000, text: async () => { read = true; return '' } }], findMini, available)
    expect(outcomes).toMatchObject([{ file: 'huge.json', ok: false, problems: [{ code: 'file.tooLarge' }] }])
    expect(read).toBe(false)
    expect(await fake.storage.get('workshops', id)).toMatchObject({ revision: 1 })
  })

  it('records a participant entered on this device with the role given', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const delegationId = tab.find(id)!.delegations[0]!.id
    await tab.addDeviceParticipant(id, delegationId, { a1: level(2) }, 'Regulator')
    expect(tab.findDelegation(id, delegationId)?.participants[0]).toMatchObject({ number: 1, role: 'Regulator', source: 'device', answers: { a1: level(2) } })
  })

  it('sets a consensus answer with a note and keeps it through a reload', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const delegationId = tab.find(id)!.delegations[0]!.id
    await tab.setConsensus(id, delegationId, 'a1', { choice: { kind: 'level', level: 2 }, note: 'The 2024 decree', discussed: true })
    const reloaded = await openTab()
    expect(reloaded.findDelegation(id, delegationId)?.consensus.a1).toMatchObject({ choice: { kind: 'level', level: 2 }, note: 'The 2024 decree', discussed: true })
  })

  it('stops a save over another tab\'s newer revision, and loses neither version', async () => {
    const first = await openTab()
    const id = (await first.create(input()))!
    const second = await openTab()
    const delegationId = first.find(id)!.delegations[0]!.id
    expect(await first.setConsensus(id, delegationId, 'a1', { note: 'first tab' })).toBe(true)
    expect(await second.setConsensus(id, delegationId, 'a2', { note: 'second tab' })).toBe(false)
    expect(second.saveState).toEqual({ status: 'conflict', id })
    expect(second.conflicts[id]?.reason).toBe('changed')
    expect(second.findDelegation(id, delegationId)?.consensus.a2?.note).toBe('second tab')
    const stored = await fake.storage.get<{ revision: number, delegations: Array<{ consensus: Record<string, { note: string }> }> }>('workshops', id)
    expect(stored?.revision).toBe(2)
    expect(stored?.delegations[0]?.consensus.a1?.note).toBe('first tab')
    expect(stored?.delegations[0]?.consensus.a2).toBeUndefined()
    // nothing more is written until the user chooses
    expect(await second.setTitle(id, 'Renamed')).toBe(false)
    expect(await fake.storage.get('workshops', id)).toMatchObject({ revision: 2, title: 'Kathmandu workshop' })
  })

  it('merges, without asking, two tabs\' saves of one live workshop: what the server sent in one, the consensus typed in the other', async () => {
    const following = await openTab()
    const id = (await following.create(input()))!
    await following.update(id, w => ({ ...w, live: { joinBases: [], joinCode: 'ABCD2345', closed: false, spreadAllowed: false } }))
    const typing = await openTab()
    const delegationId = following.find(id)!.delegations[0]!.id
    const arrived = { id: 's1', number: 1, role: '', source: 'live' as const, submitted: false, addedAt: '2026-11-29T09:00:00.000Z', updatedAt: '2026-11-29T09:00:00.000Z', answers: { a1: level(4) } }
    expect(await following.update(id, w => ({ ...w, delegations: w.delegations.map(d => ({ ...d, participants: [arrived] })) }))).toBe(true)
    expect(await typing.setConsensus(id, delegationId, 'a1', { note: 'Typed in the other tab' })).toBe(true)
    expect(typing.conflicts).toEqual({})
    expect(typing.saveState.status).toBe('saved')
    const stored = await fake.storage.get<{ revision: number, delegations: Array<{ participants: Array<{ id: string }>, consensus: Record<string, { note: string }> }> }>('workshops', id)
    expect(stored?.revision).toBe(4)
    expect(stored?.delegations[0]?.participants.map(p => p.id)).toEqual(['s1'])
    expect(stored?.delegations[0]?.consensus.a1?.note).toBe('Typed in the other tab')
    expect(typing.findDelegation(id, delegationId)?.participants.map(p => p.id)).toEqual(['s1'])
    await settle()
    expect(following.findDelegation(id, delegationId)?.consensus.a1?.note).toBe('Typed in the other tab')
    // the next change of either tab goes through as usual
    expect(await typing.setConsensus(id, delegationId, 'a1', { note: 'And corrected' })).toBe(true)
    expect(await fake.storage.get('workshops', id)).toMatchObject({ revision: 5 })
  })

  it('"keep mine as a copy" stores this tab\'s version under a new id and shows the other tab\'s under the original', async () => {
    const first = await openTab()
    const id = (await first.create(input()))!
    const second = await openTab()
    await first.setTitle(id, 'First')
    await second.setTitle(id, 'Second')
    const copy = await second.keepMineAsCopy(id)
    expect(copy).toBeDefined()
    expect(second.conflicts).toEqual({})
    expect(await fake.storage.get('workshops', copy!)).toMatchObject({ title: 'Second', revision: 1 })
    expect(second.find(id)?.title).toBe('First')
    expect(await second.setTitle(id, 'Third')).toBe(true)
    expect(await fake.storage.get('workshops', id)).toMatchObject({ title: 'Third', revision: 3 })
  })

  it('"take theirs" drops this tab\'s unsaved change, as chosen', async () => {
    const first = await openTab()
    const id = (await first.create(input()))!
    const second = await openTab()
    await first.setTitle(id, 'First')
    await second.setTitle(id, 'Second')
    second.takeTheirs(id)
    expect(second.find(id)?.title).toBe('First')
    expect(second.saveState.status).toBe('saved')
  })

  it('refreshes a tab when another tab saves, and forgets a workshop another tab deleted', async () => {
    const first = await openTab()
    const id = (await first.create(input()))!
    const second = await openTab()
    await first.setTitle(id, 'Renamed elsewhere')
    await settle()
    expect(second.find(id)?.title).toBe('Renamed elsewhere')
    await first.remove(id)
    await settle()
    expect(second.find(id)).toBeUndefined()
    expect(second.deletedElsewhere).toEqual([id])
  })

  it('never brings back a workshop deleted in another tab', async () => {
    const first = await openTab()
    const id = (await first.create(input()))!
    const second = await openTab()
    await first.remove(id)
    expect(await second.setTitle(id, 'Too late')).toBe(false)
    expect(second.conflicts[id]?.reason).toBe('deleted')
    expect(await fake.storage.get('workshops', id)).toBeUndefined()
  })

  it('lists a record that no longer reads as a workshop, with its title, and keeps it until the user deletes it', async () => {
    await fake.storage.put('workshops', 'broken', { title: 'Old workshop', delegations: 'not a list' })
    const tab = await openTab()
    expect(tab.workshops).toEqual([])
    expect(tab.unreadable).toEqual([{ key: 'broken', title: 'Old workshop', raw: { title: 'Old workshop', delegations: 'not a list' } }])
    expect(await fake.storage.get('workshops', 'broken')).toBeDefined()
    expect(await tab.removeUnreadable('broken')).toBe(true)
    expect(await fake.storage.get('workshops', 'broken')).toBeUndefined()
    expect(tab.unreadable).toEqual([])
  })

  it('reports a full disk and keeps the change in memory', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const real = fake.storage
    fake.storage = { ...real, putIf: async () => ({ ok: false, error: { kind: 'quota', code: 'storage.quota', message: 'QuotaExceededError' } }) }
    expect(await tab.setTitle(id, 'Not saved')).toBe(false)
    expect(tab.saveState).toMatchObject({ status: 'error', error: { code: 'storage.quota' } })
    expect(tab.find(id)?.title).toBe('Not saved')
    fake.storage = real
    expect(await tab.setTitle(id, 'Saved now')).toBe(true)
    expect(tab.saveState.status).toBe('saved')
    expect(await fake.storage.get('workshops', id)).toMatchObject({ title: 'Saved now', revision: 2 })
  })

  it('writes changes in order, the last one winning', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    const saves = [tab.setTitle(id, 'One'), tab.setTitle(id, 'Two'), tab.setTitle(id, 'Three')]
    expect(await Promise.all(saves)).toEqual([true, true, true])
    expect(await fake.storage.get('workshops', id)).toMatchObject({ title: 'Three' })
  })

  it('deletes a workshop and brings it back on undo', async () => {
    const tab = await openTab()
    const id = (await tab.create(input()))!
    expect(await tab.remove(id)).toBe(true)
    expect(await fake.storage.get('workshops', id)).toBeUndefined()
    expect(tab.recentlyDeleted?.id).toBe(id)
    // The record is gone from storage; undo writes it again as a new record, which the revision rule allows.
    expect(await tab.undoRemove()).toBe(id)
    expect(await fake.storage.get('workshops', id)).toMatchObject({ id, revision: 1 })
  })
})

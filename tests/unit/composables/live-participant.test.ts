// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useLiveParticipant } from '@/composables/useLiveParticipant'
import { loadLiveSession, newLiveSession, saveLiveSession } from '@/data/live-session'
import type { Answer, Answers } from '@/domain/assessment'

/**
 * A live participant's phone: the answers last put in the outbox are kept in localStorage (written at once), the
 * assessment in IndexedDB (written a moment later). A tab closed between the two leaves the assessment one step behind.
 */
const ID = 'assessment-1'
const T = '2026-11-29T10:00:00.000Z'
const level = (value: number): Answer => ({ kind: 'level', level: value, confidence: 'self-declared', evidence: '', updatedAt: T })

function storeSession(recorded: Answers, submitted = false) {
  saveLiveSession({
    ...newLiveSession({ assessmentId: ID, joinCode: 'ABCD2345', title: 'Workshop', participantId: 'participant-1', token: 'token-token-token-1', number: 3 }, recorded),
    submitted,
  })
}

/** The assessment screen: `answers` is the assessment as the store holds it (`undefined` until storage is read). */
function mountScreen(initial?: Answers) {
  const answers = ref<Answers | undefined>(initial)
  const restored: Answers[] = []
  const Screen = defineComponent(() => {
    useLiveParticipant(ref(ID), answers, (recorded) => {
      restored.push(recorded)
      answers.value = recorded // as the store does: the assessment now holds them
    })
    return () => h('div')
  })
  const wrapper = mount(Screen)
  return { wrapper, answers, restored }
}

const fetchCalls = vi.fn(() => new Promise<Response>(() => undefined)) // the server never answers: nothing is acknowledged
let unmount: (() => void) | undefined

beforeEach(() => {
  localStorage.clear()
  fetchCalls.mockClear()
  vi.stubGlobal('fetch', fetchCalls)
})
afterEach(() => {
  unmount?.()
  vi.unstubAllGlobals()
})

describe('a live participant whose assessment was saved a step behind its outbox', () => {
  it('puts the recorded answers back into the assessment and sends no change for them (no clear of an answer the server has)', async () => {
    storeSession({ 'I1.1': level(2), 'I1.2': level(3) })
    const { wrapper, answers, restored } = mountScreen()
    unmount = () => wrapper.unmount()
    answers.value = { 'I1.1': level(2) } // read from storage: the write of I1.2 was cut short
    await nextTick()
    expect(restored).toEqual([{ 'I1.1': level(2), 'I1.2': level(3) }])
    await nextTick()
    expect(loadLiveSession(ID)?.outbox.pending).toEqual({})
    expect(fetchCalls).not.toHaveBeenCalled()
  })

  it('restores a clear that did not reach storage either', async () => {
    storeSession({})
    const { wrapper, answers, restored } = mountScreen()
    unmount = () => wrapper.unmount()
    answers.value = { 'I1.1': level(2) }
    await nextTick()
    expect(restored).toEqual([{}])
    expect(loadLiveSession(ID)?.outbox.pending).toEqual({})
  })

  it('restores nothing when the assessment holds the recorded answers (keys written in another order), and sends the next change', async () => {
    storeSession({ 'I1.1': level(2) })
    const { wrapper, answers, restored } = mountScreen()
    unmount = () => wrapper.unmount()
    answers.value = { 'I1.1': { updatedAt: T, evidence: '', confidence: 'self-declared', level: 2, kind: 'level' } }
    await nextTick()
    expect(restored).toEqual([])
    answers.value = { 'I1.1': level(2), 'I1.2': level(1) }
    await nextTick()
    expect(loadLiveSession(ID)?.outbox.pending).toEqual({ 'I1.2': { version: 1, answer: level(1) } })
    expect(fetchCalls).toHaveBeenCalledTimes(1)
  })

  it('checks only the first copy it sees: a later change is the user\'s, sent as a change (a cleared answer too)', async () => {
    storeSession({ 'I1.1': level(2) })
    const { wrapper, answers, restored } = mountScreen({ 'I1.1': level(2) })
    unmount = () => wrapper.unmount()
    await nextTick()
    answers.value = {}
    await nextTick()
    expect(restored).toEqual([])
    expect(loadLiveSession(ID)?.outbox.pending).toEqual({ 'I1.1': { version: 1, answer: null } })
  })

  it('leaves a submitted participant\'s assessment alone', async () => {
    storeSession({ 'I1.1': level(2) }, true)
    const { wrapper, answers, restored } = mountScreen()
    unmount = () => wrapper.unmount()
    answers.value = {}
    await nextTick()
    expect(restored).toEqual([])
    expect(loadLiveSession(ID)?.outbox.pending).toEqual({})
  })
})

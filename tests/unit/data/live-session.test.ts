// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { findJoinedSession, forgetJoin, loadLiveSession, newLiveSession, rememberJoin, saveLiveSession, type LiveSession } from '@/data/live-session'
import { hasLiveSession } from '@/data/live-session-key'

const ORIGIN = 'http://192.168.1.20:8080'

function session(assessmentId: string, joinCode: string, number: number, origin: string = ORIGIN): LiveSession & { origin: string } {
  return {
    ...newLiveSession({ assessmentId, joinCode, title: 'Regional workshop', participantId: `participant-${assessmentId}`, token: 't'.repeat(43), number, delegationId: 'npl' }),
    origin,
  }
}

function joinedAs(s: LiveSession & { origin: string }): void {
  saveLiveSession(s)
  rememberJoin(s)
}

beforeEach(() => localStorage.clear())

describe('finding the participant a device joined a workshop as', () => {
  it('finds the session by the server origin and the join code, with its answers and outbox', () => {
    const first = { ...session('a-1', 'ABCDEFGH', 3), recorded: { 'I1.1': { kind: 'dont_know' as const, evidence: '', updatedAt: '2026-11-29T10:00:00.000Z' } } }
    first.outbox = { ...first.outbox, submitPending: true }
    joinedAs(first)
    expect(findJoinedSession(ORIGIN, 'ABCDEFGH')).toEqual(first)
  })

  it('finds nothing for another code, or the same code on another server', () => {
    joinedAs(session('a-1', 'ABCDEFGH', 1))
    expect(findJoinedSession(ORIGIN, 'ABCDEFGJ')).toBeUndefined()
    expect(findJoinedSession('http://10.0.0.5:8080', 'ABCDEFGH')).toBeUndefined()
  })

  it('keeps workshops of different servers with the same code apart', () => {
    joinedAs(session('a-1', 'ABCDEFGH', 1))
    joinedAs(session('a-2', 'ABCDEFGH', 7, 'http://10.0.0.5:8080'))
    expect(findJoinedSession(ORIGIN, 'ABCDEFGH')?.assessmentId).toBe('a-1')
    expect(findJoinedSession('http://10.0.0.5:8080', 'ABCDEFGH')?.assessmentId).toBe('a-2')
  })

  it('resumes the participant who joined last, and keeps the earlier one\'s session', () => {
    joinedAs(session('a-1', 'ABCDEFGH', 1))
    joinedAs(session('a-2', 'ABCDEFGH', 2))
    expect(findJoinedSession(ORIGIN, 'ABCDEFGH')?.number).toBe(2)
    expect(loadLiveSession('a-1')?.number).toBe(1)
    expect(hasLiveSession('a-1')).toBe(true)
  })

  it('finds nothing once the session is gone or the join is forgotten, which leaves the session itself', () => {
    joinedAs(session('a-1', 'ABCDEFGH', 1))
    forgetJoin(ORIGIN, 'ABCDEFGH')
    expect(findJoinedSession(ORIGIN, 'ABCDEFGH')).toBeUndefined()
    expect(loadLiveSession('a-1')).toBeDefined()
    joinedAs(session('a-2', 'ABCDEFGJ', 1))
    localStorage.removeItem('tdma.live.a-2')
    expect(findJoinedSession(ORIGIN, 'ABCDEFGJ')).toBeUndefined()
  })

  it('does not trust an index that points at a session of another workshop', () => {
    saveLiveSession(session('a-1', 'ABCDEFGH', 1))
    localStorage.setItem(`tdma.live-join.${ORIGIN} ZZZZZZZZ`, 'a-1')
    expect(findJoinedSession(ORIGIN, 'ZZZZZZZZ')).toBeUndefined()
  })

  it('still reads a session saved before the origin and delegation were kept', () => {
    const old = newLiveSession({ assessmentId: 'a-0', joinCode: 'ABCDEFGH', title: 'Old', participantId: 'participant-0', token: 't'.repeat(43), number: 1 })
    localStorage.setItem('tdma.live.a-0', JSON.stringify(old))
    expect(loadLiveSession('a-0')).toEqual(old)
  })
})

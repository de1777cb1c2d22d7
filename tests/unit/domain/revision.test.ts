import { describe, expect, it } from 'vitest'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import { decideWrite, diffAssessments, isSameContent, isSameJson, revisionOf } from '@/domain/revision'

describe('decideWrite', () => {
  it('creates a new record at revision 1 when nothing is stored', () => {
    expect(decideWrite(null, undefined)).toEqual({ ok: true, revision: 1 })
  })

  it('refuses to create a record that already exists, whatever its revision', () => {
    expect(decideWrite(null, 0)).toEqual({ ok: false, reason: 'exists' })
    expect(decideWrite(null, 4)).toEqual({ ok: false, reason: 'exists' })
  })

  it('writes the next revision over the revision this tab last saw', () => {
    expect(decideWrite(3, 3)).toEqual({ ok: true, revision: 4 })
    expect(decideWrite(0, 0)).toEqual({ ok: true, revision: 1 })
  })

  it('stops when another tab saved a newer revision', () => {
    expect(decideWrite(3, 4)).toEqual({ ok: false, reason: 'changed' })
  })

  it('stops on an older stored revision too (deleted and created again elsewhere): any other revision is not ours', () => {
    expect(decideWrite(3, 1)).toEqual({ ok: false, reason: 'changed' })
  })

  it('never brings back a record deleted since it was read', () => {
    expect(decideWrite(2, undefined)).toEqual({ ok: false, reason: 'deleted' })
    expect(decideWrite(0, undefined)).toEqual({ ok: false, reason: 'deleted' })
  })
})

describe('revisionOf', () => {
  it('is undefined when there is no record', () => {
    expect(revisionOf(undefined)).toBeUndefined()
  })

  it('reads the stored revision', () => {
    expect(revisionOf({ id: 'a', revision: 7 })).toBe(7)
    expect(revisionOf({ revision: 0 })).toBe(0)
  })

  it('counts a record saved before revisions existed, or with a damaged revision, as revision 0', () => {
    expect(revisionOf({ id: 'a' })).toBe(0)
    expect(revisionOf({ revision: '7' })).toBe(0)
    expect(revisionOf({ revision: -1 })).toBe(0)
    expect(revisionOf({ revision: 1.5 })).toBe(0)
    expect(revisionOf({ revision: Number.MAX_SAFE_INTEGER + 2 })).toBe(0)
    expect(revisionOf(null)).toBe(0)
    expect(revisionOf('not an object')).toBe(0)
  })
})

function assessment(change: Partial<Assessment> = {}): Assessment {
  const base = createAssessment({ id: 'a', questionnaireKey: 'q@1', questionnaire: { id: 'q', version: '1' }, locale: 'en', profile: emptyProfile('2026-11-20'), now: '2026-11-20T10:00:00.000Z' })
  return { ...base, ...change }
}
const level = (n: number, evidence = '') => ({ kind: 'level' as const, level: n, confidence: 'self-declared' as const, evidence, updatedAt: '2026-11-20T10:00:00.000Z' })

describe('diffAssessments', () => {
  it('lists the indicators whose answers differ, answered on one side only included, in id order', () => {
    const mine = assessment({ answers: { 'I1.2': level(2), 'I1.1': level(1), 'I2.1': level(3) } })
    const theirs = assessment({ answers: { 'I1.1': level(1), 'I1.2': level(3), 'I3.1': level(0) } })
    expect(diffAssessments(mine, theirs)).toEqual({ answers: ['I1.2', 'I2.1', 'I3.1'], profile: false, roadmap: false })
  })

  it('lists the differing indicators in id order whatever order they were answered in', () => {
    const mine = assessment({ answers: { 'I3.1': level(1), 'I1.1': level(1), 'I2.1': level(1) } })
    expect(diffAssessments(mine, assessment()).answers).toEqual(['I1.1', 'I2.1', 'I3.1'])
  })

  it('sees a changed evidence note as a different answer', () => {
    const diff = diffAssessments(assessment({ answers: { a: level(2, 'decree') } }), assessment({ answers: { a: level(2, 'decree 12') } }))
    expect(diff.answers).toEqual(['a'])
  })

  it('reports profile and roadmap differences', () => {
    const mine = assessment()
    const theirs = assessment({ profile: { ...mine.profile, ministry: 'MFA' }, roadmap: { ...mine.roadmap, dropped: ['x'] } })
    expect(diffAssessments(mine, theirs)).toEqual({ answers: [], profile: true, roadmap: true })
  })

  it('does not count the order in which fields were written, nor the time of the change, as a difference', () => {
    const a = level(2, 'note')
    const reordered = { updatedAt: a.updatedAt, evidence: a.evidence, confidence: a.confidence, level: a.level, kind: a.kind }
    const diff = diffAssessments(assessment({ answers: { a } }), assessment({ answers: { a: reordered }, updatedAt: '2027-01-01T00:00:00.000Z' }))
    expect(isSameContent(diff)).toBe(true)
  })

  it('is not the same content when any single part differs', () => {
    expect(isSameContent({ answers: ['a'], profile: false, roadmap: false })).toBe(false)
    expect(isSameContent({ answers: [], profile: true, roadmap: false })).toBe(false)
    expect(isSameContent({ answers: [], profile: false, roadmap: true })).toBe(false)
  })
})

describe('isSameJson', () => {
  it('ignores key order at every depth but not array order or values', () => {
    expect(isSameJson({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true)
    expect(isSameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(isSameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(isSameJson({ a: 'é' }, { a: 'e' })).toBe(false)
  })
})

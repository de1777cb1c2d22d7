import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { acknowledge, changesToSend, emptyOutbox, isOutboxEmpty, mergeServerVersions, outboxSchema, recordChange } from '@/domain/live-outbox'

const AT = '2026-11-29T10:00:00.000Z'
const level = (n: number): Answer => ({ kind: 'level', level: n, confidence: 'self-declared', evidence: '', updatedAt: AT })

describe('the participant outbox', () => {
  it('numbers each indicator\'s changes 1, 2, 3 … and keeps only the latest waiting', () => {
    let outbox = recordChange(emptyOutbox(), 'a1', level(1))
    outbox = recordChange(outbox, 'b1', level(2))
    outbox = recordChange(outbox, 'a1', level(3))
    expect(outbox.versions).toEqual({ a1: 2, b1: 1 })
    expect(changesToSend(outbox)).toEqual([
      { indicatorId: 'a1', version: 2, answer: level(3) },
      { indicatorId: 'b1', version: 1, answer: level(2) },
    ])
  })

  it('sends a cleared answer as null', () => {
    expect(changesToSend(recordChange(emptyOutbox(), 'a1', null))).toEqual([{ indicatorId: 'a1', version: 1, answer: null }])
  })

  it('sends in indicator order, at most `max` at a time', () => {
    let outbox = emptyOutbox()
    for (const id of ['c1', 'a1', 'b1']) outbox = recordChange(outbox, id, level(1))
    expect(changesToSend(outbox, 2).map(c => c.indicatorId)).toEqual(['a1', 'b1'])
  })

  it('lets a change go once its version (or a later one) is acknowledged, and keeps a newer change made meanwhile', () => {
    let outbox = recordChange(emptyOutbox(), 'a1', level(1))
    outbox = recordChange(outbox, 'b1', level(1))
    const sent = changesToSend(outbox)
    outbox = recordChange(outbox, 'b1', level(4)) // changed while the request was on its way
    outbox = acknowledge(outbox, sent)
    expect(changesToSend(outbox)).toEqual([{ indicatorId: 'b1', version: 2, answer: level(4) }])
    expect(acknowledge(outbox, [{ indicatorId: 'b1', version: 3 }]).pending).toEqual({})
    expect(acknowledge(outbox, [{ indicatorId: 'b1', version: 2 }]).pending).toEqual({})
  })

  it('ignores acknowledgements of indicators not waiting, inherited names included', () => {
    const outbox = recordChange(emptyOutbox(), 'a1', level(1))
    expect(acknowledge(outbox, [{ indicatorId: 'zz', version: 9 }, { indicatorId: 'toString', version: 9 }])).toEqual(outbox)
  })

  it('is empty with nothing pending and no submission waiting', () => {
    expect(isOutboxEmpty(emptyOutbox())).toBe(true)
    expect(isOutboxEmpty({ ...emptyOutbox(), submitPending: true })).toBe(false)
    expect(isOutboxEmpty(recordChange(emptyOutbox(), 'a1', level(1)))).toBe(false)
  })

  it('numbers the next change above what the server already has', () => {
    let outbox = recordChange(emptyOutbox(), 'a1', level(1)) // a1 at 1 here
    outbox = mergeServerVersions(outbox, { a1: 4, b1: 2, c1: 0 })
    expect(outbox.versions).toEqual({ a1: 4, b1: 2 })
    expect(recordChange(outbox, 'a1', level(2)).versions.a1).toBe(5)
    expect(mergeServerVersions(recordChange(recordChange(emptyOutbox(), 'a1', null), 'a1', null), { a1: 1 }).versions.a1).toBe(2)
  })

  it('starts a toString indicator at version 1', () => {
    expect(recordChange(emptyOutbox(), 'toString', level(1)).versions.toString).toBe(1)
    expect(mergeServerVersions(emptyOutbox(), { toString: 3 }).versions.toString).toBe(3)
  })

  it('is stored in a shape its schema reads back', () => {
    const outbox = { ...recordChange(emptyOutbox(), 'a1', level(1)), submitPending: true }
    expect(outboxSchema.parse(JSON.parse(JSON.stringify(outbox)))).toEqual(outbox)
    expect(outboxSchema.safeParse({ ...outbox, versions: { a1: 0 } }).success).toBe(false)
  })
})

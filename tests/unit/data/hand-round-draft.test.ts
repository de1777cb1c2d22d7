import { describe, expect, it } from 'vitest'
import { clearHandRoundDraft, readHandRoundDraft, writeHandRoundDraft, type HandRoundDraft } from '@/data/hand-round-draft'

/** A session storage in memory; `full` makes every write throw as a full browser storage does. */
function memoryStorage(full = false): Storage {
  const items = new Map<string, string>()
  return {
    get length() { return items.size },
    clear: () => items.clear(),
    getItem: key => items.get(key) ?? null,
    key: index => [...items.keys()][index] ?? null,
    removeItem: (key) => { items.delete(key) },
    setItem: (key, value) => {
      if (full) throw new DOMException('full', 'QuotaExceededError')
      items.set(key, value)
    },
  }
}

const draft: HandRoundDraft = {
  role: 'Regulator', name: '', step: 1,
  answers: { 'I1.1': { kind: 'level', level: 2, confidence: 'self-declared', evidence: 'note', updatedAt: '2026-11-29T10:00:00.000Z' } },
}

describe('hand-round drafts', () => {
  it('gives back what was kept, for that workshop and delegation only', () => {
    const storage = memoryStorage()
    expect(writeHandRoundDraft('w1', 'npl', draft, storage)).toBe(true)
    expect(readHandRoundDraft('w1', 'npl', storage)).toEqual(draft)
    expect(readHandRoundDraft('w1', 'sen', storage)).toBeUndefined()
    expect(readHandRoundDraft('w2', 'npl', storage)).toBeUndefined()
  })

  it('forgets a cleared draft', () => {
    const storage = memoryStorage()
    writeHandRoundDraft('w1', 'npl', draft, storage)
    clearHandRoundDraft('w1', 'npl', storage)
    expect(readHandRoundDraft('w1', 'npl', storage)).toBeUndefined()
  })

  it('ignores a damaged draft rather than showing it', () => {
    const storage = memoryStorage()
    storage.setItem('tda:hand-round-draft:w1:npl', '{not json')
    expect(readHandRoundDraft('w1', 'npl', storage)).toBeUndefined()
    storage.setItem('tda:hand-round-draft:w1:npl', JSON.stringify({ ...draft, step: -1 }))
    expect(readHandRoundDraft('w1', 'npl', storage)).toBeUndefined()
    storage.setItem('tda:hand-round-draft:w1:npl', JSON.stringify({ ...draft, answers: { 'I1.1': { kind: 'level', level: 'high' } } }))
    expect(readHandRoundDraft('w1', 'npl', storage)).toBeUndefined()
  })

  it('says when the browser would not keep it, and works without a session storage at all', () => {
    expect(writeHandRoundDraft('w1', 'npl', draft, memoryStorage(true))).toBe(false)
    expect(writeHandRoundDraft('w1', 'npl', draft, undefined)).toBe(false)
    expect(readHandRoundDraft('w1', 'npl', undefined)).toBeUndefined()
    expect(() => clearHandRoundDraft('w1', 'npl', undefined)).not.toThrow()
  })
})

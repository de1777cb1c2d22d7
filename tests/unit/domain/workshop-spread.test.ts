import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { answerOf, delegationSpreads, entryOf, discussionOrder, discussionProgress, indicatorSpread } from '@/domain/workshop-spread'
import { mini } from './questionnaire-fixtures'
import { DK, L, NA, T0, T1, on, person } from './workshop-fixtures'
describe('looking up an answer or a consensus entry', () => {
  it('finds own entries only: a property every object has is nothing', () => {
    expect(answerOf({ a1: L(2) }, 'a1')).toEqual(L(2))
    expect(answerOf({ a1: L(2) }, 'a2')).toBeUndefined()
    expect(answerOf({}, 'toString')).toBeUndefined()
    expect(answerOf({}, '__proto__')).toBeUndefined()
    const entry = { note: 'n', discussed: true, updatedAt: T0 }
    expect(entryOf({ a1: entry }, 'a1')).toBe(entry)
    expect(entryOf({}, 'constructor')).toBeUndefined()
  })
})

describe('the spread of one indicator', () => {
  it('odd count: counts per level, median, lowest, highest, spread', () => {
    const s = indicatorSpread('a1', on('a1', L(1), L(3), L(2)), 5)
    // sorted 1, 2, 3: the middle one is 2
    expect(s).toEqual({
      indicatorId: 'a1', levels: [0, 1, 1, 1, 0, 0], dontKnow: 0, notApplicable: 0, unanswered: 0, levelAnswers: 3,
      median: 2, lowest: 1, highest: 3, spread: 2, isDiscussionItem: true,
    })
  })

  it('even count: the lower of the two middle levels', () => {
    // sorted 1, 2, 4, 5: middle pair 2 and 4 → 2 (not 3, not 4)
    expect(indicatorSpread('a1', on('a1', L(5), L(1), L(4), L(2)), 5)).toMatchObject({ median: 2, lowest: 1, highest: 5, spread: 4, levelAnswers: 4 })
    // two answers: the lower one
    expect(indicatorSpread('a1', on('a1', L(4), L(3)), 5).median).toBe(3)
  })

  it('ties: a level given by most participants, and an even split', () => {
    // 2, 2, 2, 4: sorted middle pair 2, 2 → 2
    expect(indicatorSpread('a1', on('a1', L(2), L(4), L(2), L(2)), 5)).toMatchObject({ levels: [0, 0, 3, 0, 1, 0], median: 2, spread: 2 })
    // 3, 3, 1, 1: middle pair 1, 3 → 1
    expect(indicatorSpread('a1', on('a1', L(3), L(3), L(1), L(1)), 5)).toMatchObject({ levels: [0, 2, 0, 2, 0, 0], median: 1 })
  })

  it('the median counts level answers only: don\'t know, not applicable and blanks are left out', () => {
    // levels 0 and 4 (median 0), plus 2 don't know, 1 n/a and 1 blank
    const s = indicatorSpread('a3', on('a3', L(4), DK(), NA(), undefined, L(0), DK()), 5)
    expect(s).toMatchObject({ levels: [1, 0, 0, 0, 1, 0], dontKnow: 2, notApplicable: 1, unanswered: 1, levelAnswers: 2, median: 0, lowest: 0, highest: 4, spread: 4 })
  })

  it('all don\'t know, all not applicable, nobody answered: no level figures', () => {
    expect(indicatorSpread('a3', on('a3', DK(), DK()), 5)).toMatchObject({ dontKnow: 2, levelAnswers: 0, median: null, lowest: null, highest: null, spread: null, isDiscussionItem: false })
    expect(indicatorSpread('a3', on('a3', NA(), NA(), NA()), 5)).toMatchObject({ notApplicable: 3, median: null, isDiscussionItem: false })
    expect(indicatorSpread('a3', on('a3', undefined, undefined), 5)).toMatchObject({ unanswered: 2, levels: [0, 0, 0, 0, 0, 0], median: null, isDiscussionItem: false })
    expect(indicatorSpread('a3', [], 5)).toMatchObject({ unanswered: 0, median: null, isDiscussionItem: false })
  })

  it('a scale of another length gives that many level counts', () => {
    expect(indicatorSpread('a1', on('a1', L(2)), 3).levels).toEqual([0, 0, 1, 0])
  })

  it('a level above the scale is not counted as a level (it cannot be a valid answer)', () => {
    expect(indicatorSpread('a1', on('a1', L(4), L(2)), 3)).toMatchObject({ levels: [0, 0, 1, 0], unanswered: 1, levelAnswers: 1, median: 2 })
  })

  it('an id that names a property every object has is not an answer', () => {
    expect(indicatorSpread('toString', on('a1', L(2)), 5)).toMatchObject({ unanswered: 1, levelAnswers: 0 })
  })
})

describe('the discussion-item rule: two different answers or more', () => {
  const item = (...answers: Array<Answer | undefined>) => indicatorSpread('a3', on('a3', ...answers), 5).isDiscussionItem
  it('two adjacent levels already count (answers span two levels)', () => {
    expect(item(L(2), L(3))).toBe(true)
    expect(item(L(2), L(2), L(3))).toBe(true)
  })
  it('one level for everybody is not a discussion item, whatever the blanks', () => {
    expect(item(L(3), L(3), L(3))).toBe(false)
    expect(item(L(3), undefined, L(3))).toBe(false)
    expect(item(L(0))).toBe(false)
  })
  it('a level mixed with don\'t know, or with not applicable, is one', () => {
    expect(item(L(2), L(2), DK())).toBe(true)
    expect(item(L(2), NA())).toBe(true)
  })
  it('don\'t know mixed with not applicable is one; either alone is not', () => {
    expect(item(DK(), NA())).toBe(true)
    expect(item(DK(), DK(), undefined)).toBe(false)
    expect(item(NA())).toBe(false)
  })
})

describe('spreads of a delegation, order and progress', () => {
  const participants = [
    person(1, { a1: L(2), a2: L(1), b1: L(3, 'Law 12'), b3: DK() }),
    person(2, { a1: L(2), a2: L(3, 'Strategy'), b1: L(3, 'Law 12'), b3: L(1) }),
  ]
  const spreads = delegationSpreads(mini, { participants })

  it('one spread per indicator in questionnaire order', () => {
    expect(spreads.map(s => s.indicatorId)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'])
    expect(spreads.map(s => s.isDiscussionItem)).toEqual([false, true, false, false, false, true])
    expect(spreads[0]!.levels).toHaveLength(6)
  })

  it('discussion items first, questionnaire order within each group', () => {
    expect(discussionOrder(spreads).map(s => s.indicatorId)).toEqual(['a2', 'b3', 'a1', 'a3', 'b1', 'b2'])
  })

  it('progress counts discussion items marked discussed, not other indicators', () => {
    expect(discussionProgress(spreads, {})).toEqual({ discussed: 0, total: 2 })
    const entry = (discussed: boolean) => ({ note: '', discussed, updatedAt: T1 })
    expect(discussionProgress(spreads, { b3: entry(true), a1: entry(true), a2: entry(false) })).toEqual({ discussed: 1, total: 2 })
    expect(discussionProgress(spreads, { b3: entry(true), a2: entry(true) })).toEqual({ discussed: 2, total: 2 })
  })
})

import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import { presentationMove, presentationScreens, screenIndexOf, screenKey } from '@/domain/presentation'
import type { Delegation, Participant } from '@/domain/workshop-model'
import { mini } from './questionnaire-fixtures'

const AT = '2026-11-29T10:00:00.000Z'
const level = (value: number, evidence = ''): Answer => ({ kind: 'level', level: value, confidence: 'self-declared', evidence, updatedAt: AT })
const dontKnow: Answer = { kind: 'dont_know', evidence: '', updatedAt: AT }
const notApplicable: Answer = { kind: 'not_applicable', evidence: '', updatedAt: AT }

function participant(number: number, answers: Answers, name?: string): Participant {
  return { id: `p${number}`, number, role: 'regulator', ...(name ? { name } : {}), source: 'file', answers, submitted: true, addedAt: AT, updatedAt: AT }
}

// a1: 2, 4, 2 → two levels: discussion item · a2: don't know twice, one blank → one kind only: not an item
// b1: 3, 3 → not an item · b2: 1 and "not applicable" → discussion item · a3, b3: nobody answered
const delegation: Pick<Delegation, 'participants' | 'consensus'> = {
  participants: [
    participant(1, { a1: level(2, 'Decision 4/2025, signed by Ms Example'), a2: dontKnow, b1: level(3), b2: level(1) }, 'Ms Example'),
    participant(2, { a1: level(4), a2: dontKnow, b1: level(3) }),
    participant(3, { a1: level(2), b2: notApplicable }),
  ],
  consensus: { a1: { choice: { kind: 'level', level: 3 }, note: 'Agreed after the debate', discussed: true, updatedAt: AT } },
}

describe('presentationScreens', () => {
  // Built inside each test, not once for the block, so that every test exercises the code it checks.
  const screensOf = () => presentationScreens(mini, delegation)

  it('opens with the participant count and how many discussion items are discussed', () => {
    expect(screensOf()[0]).toEqual({ kind: 'opening', participants: 3, discussionItems: 2, discussed: 1 })
  })

  it('shows each discussion item on its own screen, in questionnaire order, then each dimension', () => {
    expect(screensOf().map(s => (s.kind === 'item' ? `item ${s.number}/${s.of} ${s.item.indicatorId} (${s.dimensionId})` : s.kind === 'dimension' ? `dimension ${s.number}/${s.of} ${s.dimensionId}: ${s.indicators.map(i => i.indicatorId).join(',')}` : s.kind)))
      .toEqual(['opening', 'item 1/2 a1 (alpha)', 'item 2/2 b2 (beta)', 'dimension 1/2 alpha: a1,a2,a3', 'dimension 2/2 beta: b1,b2,b3'])
  })

  it('carries the counts per level for the spread (a1: two at level 2, one at level 4)', () => {
    const item = screensOf()[1]
    expect(item?.kind === 'item' && item.item.spread.levels).toEqual([0, 0, 2, 0, 1, 0])
  })

  it('carries the consensus the facilitator set, with its note, and the default where none was set', () => {
    const [, first, second] = screensOf()
    expect(first?.kind === 'item' && [first.item.consensus.source, first.item.consensus.choice, first.item.consensus.note])
      .toEqual(['facilitator', { kind: 'level', level: 3 }, 'Agreed after the debate'])
    // b2: the only level answered is 1, so the default is its median, 1
    expect(second?.kind === 'item' && [second.item.consensus.source, second.item.consensus.choice]).toEqual(['default', { kind: 'level', level: 1 }])
  })

  it('never carries a participant\'s name, whatever they are called', () => {
    const withNamedNotes = presentationScreens(mini, { ...delegation, consensus: {} })
    expect(JSON.stringify(withNamedNotes)).not.toContain('Ms Example (')
    expect(JSON.stringify(withNamedNotes)).not.toMatch(/"name"/)
  })

  it('has only the opening and the dimensions when nobody disagrees', () => {
    const calm = presentationScreens(mini, { participants: [participant(1, { a1: level(2) })], consensus: {} })
    expect(calm.map(s => s.kind)).toEqual(['opening', 'dimension', 'dimension'])
    expect(calm[0]).toEqual({ kind: 'opening', participants: 1, discussionItems: 0, discussed: 0 })
  })
})

describe('a screen found again when the screens change (a live workshop)', () => {
  const screens = presentationScreens(mini, delegation)

  it('names each screen by what it shows', () => {
    expect(screens.map(screenKey)).toEqual(['opening', 'item:a1', 'item:b2', 'dimension:alpha', 'dimension:beta'])
  })

  it('finds the same discussion item after a new one appears before it', () => {
    // P2 now answers a2 with level 1 beside two "don't know": a2 becomes a discussion item, shown before b2.
    const grown = presentationScreens(mini, { ...delegation, participants: delegation.participants.map(p => (p.number === 3 ? { ...p, answers: { ...p.answers, a2: level(1) } } : p)) })
    expect(grown.map(screenKey)).toEqual(['opening', 'item:a1', 'item:a2', 'item:b2', 'dimension:alpha', 'dimension:beta'])
    expect(screenIndexOf(grown, 'item:b2', 2)).toBe(3)
    expect(screenIndexOf(grown, 'opening', 4)).toBe(0)
    expect(screenIndexOf(grown, 'dimension:beta', 4)).toBe(5)
  })

  it('stays at the same place when the screen it showed is gone, within the screens there are', () => {
    expect(screenIndexOf(screens, 'item:zz', 2)).toBe(2)
    expect(screenIndexOf(screens, 'item:zz', 9)).toBe(4)
    expect(screenIndexOf([], 'item:zz', 3)).toBe(0)
  })
})

describe('presentationMove', () => {
  it.each([
    ['PageDown', 2, 3], ['ArrowDown', 2, 3], [' ', 2, 3], ['ArrowRight', 2, 3],
    ['PageUp', 2, 1], ['ArrowUp', 2, 1], ['ArrowLeft', 2, 1],
    ['Home', 2, 0], ['End', 2, 4],
  ])('%s on screen 2 of 5 goes to screen %i', (key, from, to) => {
    expect(presentationMove(key as string, from as number, 5, false)).toEqual({ kind: 'go', index: to })
  })

  it('mirrors the left and right arrows in a right-to-left language', () => {
    expect(presentationMove('ArrowLeft', 2, 5, true)).toEqual({ kind: 'go', index: 3 })
    expect(presentationMove('ArrowRight', 2, 5, true)).toEqual({ kind: 'go', index: 1 })
    expect(presentationMove('PageDown', 2, 5, true)).toEqual({ kind: 'go', index: 3 })
  })

  it('never goes past the last screen or before the first', () => {
    expect(presentationMove('PageDown', 4, 5, false)).toEqual({ kind: 'go', index: 4 })
    expect(presentationMove('PageUp', 0, 5, false)).toEqual({ kind: 'go', index: 0 })
    expect(presentationMove('End', 0, 0, false)).toEqual({ kind: 'go', index: 0 })
  })

  it('leaves on Escape and ignores other keys', () => {
    expect(presentationMove('Escape', 1, 5, false)).toEqual({ kind: 'leave' })
    expect(presentationMove('a', 1, 5, false)).toBeNull()
    expect(presentationMove('Enter', 1, 5, false)).toBeNull()
  })
})

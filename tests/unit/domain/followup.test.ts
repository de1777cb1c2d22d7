import { describe, expect, it } from 'vitest'
import { assessmentSchema, type Answer, type Answers } from '@/domain/assessment'
import { addParticipant, createWorkshop } from '@/domain/workshop'
import { baselineOf, baselineOfWorkshop, carryAnswers, createFollowUp, mapIndicators, translateLevel } from '@/domain/followup'
import { aimedLevel, compareFollowUp, trendOf, type FollowThroughItem, type FollowUpInput } from '@/domain/followup-compare'
import { emptyProfile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { emptyRoadmapEdits, type RoadmapEdits } from '@/domain/roadmap'
import { mini } from './questionnaire-fixtures'

const T = '2026-01-15T09:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: level >= 3 ? 'Decree 12/2025' : '', updatedAt: T })
const DK: Answer = { kind: 'dont_know', evidence: '', updatedAt: T }
const NA: Answer = { kind: 'not_applicable', evidence: '', updatedAt: T }
const profile = { ...emptyProfile('2026-01-15'), country: 'FJI', ministry: 'MFA', unit: 'Policy' }

/*
 * Mini: alpha (weight 2) = a1 (w2), a2, a3; beta (weight 1) = b1 (w2), b2, b3; levels 0–5; one library action per step
 * and dimension ("alpha-12" serves 1→2 and names a1; "beta-01" serves 0→1 and names b1); overall ≤ alpha stage + 1.
 *
 * Earlier: a1 1, a2 2, a3 1 → alpha score (1×2 + 2 + 1) ÷ 4 = 1.25, stage 1.
 *          b1 0, b2 1, b3 don't know → beta score (0×2 + 1 + 0) ÷ 4 = 0.25, stage 0 (b3 is a gap).
 *          index (1.25×2 + 0.25×1) ÷ 3 × 20 = 18.33; overall median of [1, 0] = 0.5 → 0.
 * Earlier plan (default targets alpha 2, beta 1): alpha-12, beta-01, find-out:b3, plus the user's own action on beta.
 */
const earlierAnswers: Answers = { a1: L(1), a2: L(2), a3: L(1), b1: L(0), b2: L(1), b3: DK }
const earlierEdits: RoadmapEdits = {
  ...emptyRoadmapEdits(),
  details: { 'alpha-12': { owner: 'Policy planning', targetDate: '2026-09-30' } },
  custom: [{ id: 'c1', dimensionId: 'beta', title: 'Roundtable with companies', description: '', horizon: '6-18m' }],
}
/*
 * Now: a1 2, a2 2, a3 3 → alpha (2×2 + 2 + 3) ÷ 4 = 2.25, stage 2.
 *      b1 0, b2 1, b3 1 → beta (0×2 + 1 + 1) ÷ 4 = 0.5, stage 0.
 *      index (2.25×2 + 0.5) ÷ 3 × 20 = 33.33; overall median of [2, 0] = 1 (alpha cap 3 does not bite).
 */
const currentAnswers: Answers = { a1: L(2), a2: L(2), a3: L(3), b1: L(0), b2: L(1), b3: L(1) }

function input(overrides: { earlierAnswers?: Answers, edits?: Partial<RoadmapEdits>, current?: Answers, earlierQ?: Questionnaire, currentQ?: Questionnaire } = {}): FollowUpInput {
  return {
    earlier: { questionnaire: overrides.earlierQ ?? mini, answers: overrides.earlierAnswers ?? earlierAnswers, profile, roadmap: { ...earlierEdits, ...overrides.edits } },
    current: { questionnaire: overrides.currentQ ?? mini, answers: overrides.current ?? currentAnswers },
  }
}
const byKey = (items: FollowThroughItem[], key: string) => items.find(i => i.item.key === key)!

describe('trendOf', () => {
  it('compares at the shown precision: 1.25 and 1.3 both show as 1.3, so the same', () => {
    expect(trendOf(1.25, 1.3, 1)).toBe('same')
  })
  it('says up when the shown value rose by one step (1.24 → 1.2, 1.26 → 1.3)', () => {
    expect(trendOf(1.24, 1.26, 1)).toBe('up')
  })
  it('says down for whole numbers that fell', () => {
    expect(trendOf(2, 1)).toBe('down')
  })
  it('has no trend when either side is missing', () => {
    expect(trendOf(null, 1)).toBeNull()
    expect(trendOf(1, null)).toBeNull()
  })
})

describe('aimedLevel', () => {
  const steps = [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }]
  it('aims at the highest step between the earlier stage and the target (stage 1, target 3: steps 1→2, 2→3 → 3)', () => {
    expect(aimedLevel(steps, 1, 3)).toBe(3)
  })
  it('aims at least at the next step when the target was lowered to the stage (stage 1, target 1 → 2)', () => {
    expect(aimedLevel(steps, 1, 1)).toBe(2)
  })
  it('counts a dimension without a stage from 0 (no stage, target 1 → 1)', () => {
    expect(aimedLevel(steps, null, 1)).toBe(1)
  })
  it('leaves out steps below the earlier stage (0→3 and 1→2, stage 1, target 2 → 2)', () => {
    expect(aimedLevel([{ from: 0, to: 3 }, { from: 1, to: 2 }], 1, 2)).toBe(2)
  })
  it('falls back to the highest step when none is in range (step 3→4, stage 0, target 1 → 4)', () => {
    expect(aimedLevel([{ from: 3, to: 4 }], 0, 1)).toBe(4)
  })
})

describe('compareFollowUp: change since the earlier date', () => {
  // computed inside each test (not when the file is collected), so mutation testing sees every rule at work
  const comparison = () => compareFollowUp(input())

  it('gives each dimension its score and stage then and now, with the direction', () => {
    expect(comparison().dimensions).toEqual([
      // 1.25 → 2.25 (shown 1.3 → 2.3), stage 1 → 2
      { dimensionId: 'alpha', inEarlier: true, earlierScore: 1.25, score: 2.25, earlierStage: 1, stage: 2, scoreTrend: 'up', stageTrend: 'up' },
      // 0.25 → 0.5 (shown 0.3 → 0.5), stage 0 → 0
      { dimensionId: 'beta', inEarlier: true, earlierScore: 0.25, score: 0.5, earlierStage: 0, stage: 0, scoreTrend: 'up', stageTrend: 'same' },
    ])
  })

  it('gives the index and the overall stage then and now', () => {
    expect(comparison().overall.earlierIndex).toBeCloseTo(18.333, 3)
    expect(comparison().overall.index).toBeCloseTo(33.333, 3)
    expect(comparison().overall).toMatchObject({ indexTrend: 'up', earlierStage: 0, stage: 1, stageTrend: 'up' })
  })

  it('says down when a dimension fell (alpha a1 back to 0: stage 1 → 0, score 1.25 → (0 + 2 + 1) ÷ 4 = 0.75)', () => {
    const fell = compareFollowUp(input({ current: { ...earlierAnswers, a1: L(0) } }))
    expect(fell.dimensions[0]).toMatchObject({ earlierScore: 1.25, score: 0.75, scoreTrend: 'down', stageTrend: 'down' })
    expect(fell.overall).toMatchObject({ stageTrend: 'same', indexTrend: 'down' })
  })

  it('has no stage trend for a dimension with no stage now (beta: only "don\'t know")', () => {
    const unknown = compareFollowUp(input({ current: { ...currentAnswers, b1: DK, b2: DK, b3: DK } }))
    expect(unknown.dimensions[1]).toMatchObject({ stage: null, stageTrend: null, score: 0, scoreTrend: 'down' })
  })

  it('keeps the earlier date and both questionnaire versions', () => {
    expect(comparison()).toMatchObject({ earlierDate: '2026-01-15', earlierVersion: '1.0.0', currentVersion: '1.0.0' })
  })
})

describe('compareFollowUp: follow-through of the earlier plan', () => {
  // computed inside each test (not when the file is collected), so mutation testing sees every rule at work
  const comparison = () => compareFollowUp(input())

  it('lists every item of the earlier plan, dropped ones excepted', () => {
    expect(comparison().followThrough.map(f => f.item.key).sort()).toEqual(['alpha-12', 'beta-01', 'custom:c1', 'find-out:b3'])
    const dropped = compareFollowUp(input({ edits: { dropped: ['beta-01'] } }))
    expect(dropped.followThrough.map(f => f.item.key)).not.toContain('beta-01')
  })

  it('is done when the indicator reached the step\'s level (alpha-12: a1 1 → 2, aimed 2), with the earlier owner and date', () => {
    const f = byKey(comparison().followThrough, 'alpha-12')
    expect(f).toMatchObject({ basis: 'indicators', target: 2, level: 2, status: 'done' })
    expect(f.item).toMatchObject({ owner: 'Policy planning', targetDate: '2026-09-30' })
    expect(f.indicators).toEqual([{ earlierId: 'a1', currentId: 'a1', earlierLevel: 1, level: 2, target: 2 }])
  })

  it('is not yet when the indicator stayed where it was (beta-01: b1 0 → 0, aimed 1)', () => {
    expect(byKey(comparison().followThrough, 'beta-01')).toMatchObject({ target: 1, level: 0, status: 'not-yet' })
  })

  it('is progressing when the indicator moved up without reaching the aim (alpha target 4: alpha-34 aims 4, a1 1 → 2)', () => {
    const raised = compareFollowUp(input({ edits: { targets: { alpha: 4 } } }))
    expect(byKey(raised.followThrough, 'alpha-34')).toMatchObject({ target: 4, level: 2, status: 'progressing' })
    expect(byKey(raised.followThrough, 'alpha-23')).toMatchObject({ target: 3, level: 2, status: 'progressing' })
  })

  it('is not yet when the indicator went down', () => {
    const fell = compareFollowUp(input({ current: { ...currentAnswers, a1: L(0) } }))
    expect(byKey(fell.followThrough, 'alpha-12')).toMatchObject({ level: 0, status: 'not-yet' })
  })

  it('is not yet when the indicator is now "don\'t know" (no level now, whatever it was)', () => {
    const unknown = compareFollowUp(input({ current: { ...currentAnswers, a1: DK } }))
    expect(byKey(unknown.followThrough, 'alpha-12')).toMatchObject({ level: null, status: 'not-yet' })
  })

  it('counts an earlier "don\'t know" as 0 when asking whether an indicator moved up', () => {
    // earlier b1 "don't know" → beta stage from b2 (1), target 2; beta-12 aims 2; b1 now 1 > 0: progressing
    const fromGap = compareFollowUp(input({ earlierAnswers: { ...earlierAnswers, b1: DK }, current: { ...currentAnswers, b1: L(1) } }))
    expect(byKey(fromGap.followThrough, 'beta-12')).toMatchObject({ target: 2, level: 1, status: 'progressing' })
    expect(byKey(fromGap.followThrough, 'beta-12').indicators[0]!.earlierLevel).toBeNull()
  })

  it('marks a "find out" item done once the gap is answered with a level (b3: don\'t know → 1)', () => {
    const f = byKey(comparison().followThrough, 'find-out:b3')
    expect(f).toMatchObject({ basis: 'answer', target: null, level: 1, status: 'done', alreadyReached: false })
    expect(f.indicators).toEqual([{ earlierId: 'b3', currentId: 'b3', earlierLevel: null, level: 1, target: null }])
  })

  it('marks a "find out" item done when the gap is answered "not applicable"', () => {
    const na = compareFollowUp(input({ current: { ...currentAnswers, b3: NA } }))
    expect(byKey(na.followThrough, 'find-out:b3')).toMatchObject({ level: null, status: 'done' })
  })

  it('leaves a "find out" item not yet while the gap is still "don\'t know" or unanswered', () => {
    expect(byKey(compareFollowUp(input({ current: { ...currentAnswers, b3: DK } })).followThrough, 'find-out:b3').status).toBe('not-yet')
    const without = Object.fromEntries(Object.entries(currentAnswers).filter(([id]) => id !== 'b3'))
    expect(byKey(compareFollowUp(input({ current: without })).followThrough, 'find-out:b3').status).toBe('not-yet')
  })

  it('judges the user\'s own action by its dimension\'s stage against the earlier target (beta: target 1, stage 0 → 0)', () => {
    const f = byKey(comparison().followThrough, 'custom:c1')
    expect(f).toMatchObject({ basis: 'dimension', target: 1, level: 0, indicators: [], status: 'not-yet' })
  })

  it('marks the user\'s own action done when its dimension reached the earlier target (beta stage 1)', () => {
    const reached = compareFollowUp(input({ current: { ...currentAnswers, b1: L(1) } }))
    // beta stood at 0 on the earlier date, below the target: reached now, not already then.
    expect(byKey(reached.followThrough, 'custom:c1')).toMatchObject({ level: 1, status: 'done', alreadyReached: false })
  })

  it('marks the user\'s own action progressing when its dimension moved up short of the target (alpha target 4, stage 1 → 2)', () => {
    const own: Partial<RoadmapEdits> = { targets: { alpha: 4 }, custom: [{ id: 'c2', dimensionId: 'alpha', title: 'Own', description: '', horizon: '0-6m' }] }
    expect(byKey(compareFollowUp(input({ edits: own })).followThrough, 'custom:c2')).toMatchObject({ target: 4, level: 2, status: 'progressing' })
  })

  it('says when an item\'s indicator was already at the aimed level on the earlier date (a1 was 2: alpha-12 done, already)', () => {
    const already = compareFollowUp(input({ earlierAnswers: { ...earlierAnswers, a1: L(2) } }))
    expect(byKey(already.followThrough, 'alpha-12')).toMatchObject({ status: 'done', alreadyReached: true })
    expect(byKey(comparison().followThrough, 'alpha-12').alreadyReached).toBe(false)
  })

  it('does not call an earlier "don\'t know" already reached (b1 don\'t know, b2 0: beta-01 aims 1, b1 now 1)', () => {
    const fromGap = compareFollowUp(input({ earlierAnswers: { ...earlierAnswers, b1: DK, b2: L(0) }, current: { ...currentAnswers, b1: L(1) } }))
    expect(byKey(fromGap.followThrough, 'beta-01')).toMatchObject({ target: 1, level: 1, status: 'done', alreadyReached: false })
  })

  it('says when an own action\'s dimension already stood at the target (beta target lowered to its stage 0)', () => {
    const lowered = compareFollowUp(input({ edits: { targets: { beta: 0 } } }))
    expect(byKey(lowered.followThrough, 'custom:c1')).toMatchObject({ target: 0, level: 0, status: 'done', alreadyReached: true })
    expect(byKey(comparison().followThrough, 'custom:c1').alreadyReached).toBe(false)
  })

  it('does not call a dimension with no earlier stage already at a target of 0', () => {
    const noStage = compareFollowUp(input({ earlierAnswers: { ...earlierAnswers, b1: DK, b2: DK, b3: DK }, edits: { targets: { beta: 0 } } }))
    expect(byKey(noStage.followThrough, 'custom:c1')).toMatchObject({ target: 0, level: 0, status: 'done', alreadyReached: false })
  })

  it('is not yet when an indicator stayed at a level above 0 short of the aim (alpha target 4: alpha-34, a1 1 → 1)', () => {
    const stayed = compareFollowUp(input({ edits: { targets: { alpha: 4 } }, current: { ...currentAnswers, a1: L(1) } }))
    expect(byKey(stayed.followThrough, 'alpha-34')).toMatchObject({ target: 4, level: 1, status: 'not-yet' })
  })

  it('is not yet when the indicator of a step to level 1 is now "don\'t know" (beta-01: b1 0 → don\'t know)', () => {
    const unknown = compareFollowUp(input({ current: { ...currentAnswers, b1: DK } }))
    expect(byKey(unknown.followThrough, 'beta-01')).toMatchObject({ target: 1, level: null, status: 'not-yet' })
  })

  it('leaves an own action not yet when its dimension has no stage now, even against a target of 0', () => {
    const noStage = compareFollowUp(input({ edits: { targets: { beta: 0 } }, current: { ...currentAnswers, b1: DK, b2: DK, b3: DK } }))
    expect(byKey(noStage.followThrough, 'custom:c1')).toMatchObject({ target: 0, level: null, status: 'not-yet', alreadyReached: false })
  })

  it('says an own action\'s dimension was already at its target (alpha target lowered to its stage 1, now 2)', () => {
    const own: Partial<RoadmapEdits> = { targets: { alpha: 1 }, custom: [{ id: 'c2', dimensionId: 'alpha', title: 'Own', description: '', horizon: '0-6m' }] }
    expect(byKey(compareFollowUp(input({ edits: own })).followThrough, 'custom:c2')).toMatchObject({ target: 1, level: 2, status: 'done', alreadyReached: true })
  })

  it('leaves an own action not yet when its dimension stayed at a stage above 0 (alpha target 4, stage 1 → 1)', () => {
    const own: Partial<RoadmapEdits> = { targets: { alpha: 4 }, custom: [{ id: 'c2', dimensionId: 'alpha', title: 'Own', description: '', horizon: '0-6m' }] }
    const stayed = compareFollowUp(input({ edits: own, current: { ...currentAnswers, a1: L(1) } }))
    expect(byKey(stayed.followThrough, 'custom:c2')).toMatchObject({ target: 4, level: 1, status: 'not-yet' })
  })

  it('counts the items by status', () => {
    expect(comparison().counts).toEqual({ 'done': 2, 'progressing': 0, 'not-yet': 2, 'not-compared': 0 })
  })

  it('lists the items horizon by horizon, as the earlier plan did (the own action placed in 6–18 months last)', () => {
    expect(comparison().followThrough.map(f => f.item.key)).toEqual(['find-out:b3', 'alpha-12', 'beta-01', 'custom:c1'])
  })
})

/* A version 2.0.0 of mini: a1 renumbered A1 with levels doubled-ish (0→0, 1→2, 2→3, 3→4, 4→5, 5→5), a2 to be answered again, b2 removed, c1 added. */
const v2: Questionnaire = {
  ...mini,
  version: '2.0.0',
  indicators: [
    ...mini.indicators.filter(i => !['a1', 'b2'].includes(i.id)).map(i => i),
    { ...mini.indicators.find(i => i.id === 'a1')!, id: 'A1' },
    { ...mini.indicators.find(i => i.id === 'b2')!, id: 'c1' },
  ],
  migrations: [{
    from: '1.0.0',
    actions: {},
    indicators: [
      { id: 'a1', change: 'remapped', to: 'A1', levels: { 0: 0, 1: 2, 2: 3, 3: 4, 4: 5, 5: 5 }, freshLook: false },
      { id: 'a2', change: 'reanswer' },
      { id: 'a3', change: 'same', freshLook: false },
      { id: 'b1', change: 'same', freshLook: false },
      { id: 'b3', change: 'same', freshLook: false },
    ],
  }],
}

describe('mapIndicators', () => {
  it('follows the migration: remapped with its level map, reanswer not compared, unlisted by id', () => {
    const mapping = mapIndicators(mini, v2)
    expect([...mapping.matches.values()]).toEqual([
      { earlierId: 'a1', currentId: 'A1', levels: { 0: 0, 1: 2, 2: 3, 3: 4, 4: 5, 5: 5 } },
      { earlierId: 'a3', currentId: 'a3' },
      { earlierId: 'b1', currentId: 'b1' },
      { earlierId: 'b3', currentId: 'b3' },
    ])
    expect(mapping.notCompared).toEqual([
      { indicatorId: 'a2', side: 'earlier', reason: 'reanswer' },
      { indicatorId: 'b2', side: 'earlier', reason: 'removed' },
      { indicatorId: 'c1', side: 'current', reason: 'added' },
    ])
  })

  it('compares ids that match when there is no migration', () => {
    const other: Questionnaire = { ...mini, version: '3.0.0', indicators: mini.indicators.map(i => (i.id === 'b2' ? { ...i, id: 'z9' } : i)) }
    const mapping = mapIndicators(mini, other)
    expect([...mapping.matches.keys()]).toEqual(['a1', 'a2', 'a3', 'b1', 'b3'])
    expect(mapping.notCompared).toEqual([{ indicatorId: 'b2', side: 'earlier', reason: 'removed' }, { indicatorId: 'z9', side: 'current', reason: 'added' }])
  })

  it('follows a renumbered entry to its new id', () => {
    const renamed: Questionnaire = {
      ...mini, version: '1.1.0',
      indicators: mini.indicators.map(i => (i.id === 'b1' ? { ...i, id: 'B1' } : i)),
      migrations: [{ from: '1.0.0', actions: {}, indicators: [{ id: 'b1', change: 'renumbered', to: 'B1', freshLook: false }] }],
    }
    expect(mapIndicators(mini, renamed).matches.get('b1')).toEqual({ earlierId: 'b1', currentId: 'B1' })
  })

  it('keeps the id of a remapped entry without "to", and lists a reanswered indicator\'s new id once', () => {
    const scaled: Questionnaire = {
      ...mini, version: '1.2.0',
      indicators: mini.indicators.map(i => (i.id === 'b2' ? { ...i, id: 'B2' } : i)),
      migrations: [{ from: '1.0.0', actions: {}, indicators: [
        { id: 'a1', change: 'remapped', levels: { 0: 0, 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 }, freshLook: false },
        { id: 'b2', change: 'reanswer', to: 'B2' },
      ] }],
    }
    const mapping = mapIndicators(mini, scaled)
    expect(mapping.matches.get('a1')).toEqual({ earlierId: 'a1', currentId: 'a1', levels: { 0: 0, 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 } })
    expect(mapping.notCompared).toEqual([{ indicatorId: 'b2', side: 'earlier', reason: 'reanswer' }])
  })

  it('ignores a migration written for another earlier version', () => {
    const elsewhere: Questionnaire = { ...v2, migrations: [{ ...v2.migrations![0]!, from: '0.9.0' }] }
    expect(mapIndicators(mini, elsewhere).notCompared.map(n => n.indicatorId)).toEqual(['a1', 'b2', 'A1', 'c1'])
  })

  it('compares a current indicator once: a second earlier indicator reaching it is not compared', () => {
    const merged: Questionnaire = {
      ...mini, version: '1.1.0',
      indicators: mini.indicators.filter(i => i.id !== 'a2'),
      migrations: [{ from: '1.0.0', actions: {}, indicators: [{ id: 'a2', change: 'renumbered', to: 'a1', freshLook: false }] }],
    }
    const mapping = mapIndicators(mini, merged)
    expect(mapping.matches.get('a1')).toEqual({ earlierId: 'a1', currentId: 'a1' })
    expect(mapping.notCompared).toEqual([{ indicatorId: 'a2', side: 'earlier', reason: 'removed' }])
  })
})

describe('translateLevel', () => {
  it('uses the level map, and keeps a level the map lacks', () => {
    expect(translateLevel({ levels: { 1: 2 } }, 1)).toBe(2)
    expect(translateLevel({ levels: { 1: 2 } }, 3)).toBe(3)
    expect(translateLevel({}, 4)).toBe(4)
  })
})

describe('compareFollowUp across questionnaire versions', () => {
  // Now on 2.0.0: A1 3 (a1 was 1 → 2 on the new scale), a3 3, b1 0, b3 1, c1 1.
  const now: Answers = { A1: L(3), a3: L(3), b1: L(0), b3: L(1), c1: L(1) }
  // computed inside each test (not when the file is collected), so mutation testing sees every rule at work
  const comparison = () => compareFollowUp(input({ currentQ: v2, current: now }))

  it('judges an item through the level map: alpha-12 aimed 2 on the old scale = 3 on the new one; A1 is 3: done', () => {
    const f = byKey(comparison().followThrough, 'alpha-12')
    expect(f.indicators).toEqual([{ earlierId: 'a1', currentId: 'A1', earlierLevel: 2, level: 3, target: 3 }])
    expect(f).toMatchObject({ target: 3, level: 3, status: 'done' })
  })

  it('says which indicators could not be compared', () => {
    expect(comparison().notCompared.map(n => `${n.side}:${n.indicatorId}:${n.reason}`)).toEqual(['earlier:a2:reanswer', 'earlier:b2:removed', 'current:c1:added'])
    expect(comparison().currentVersion).toBe('2.0.0')
  })

  it('cannot judge an item whose only indicator has no counterpart', () => {
    const noA1: Questionnaire = { ...v2, indicators: v2.indicators.filter(i => i.id !== 'A1'), migrations: [{ ...v2.migrations![0]!, indicators: v2.migrations![0]!.indicators.filter(e => e.id !== 'a1') }] }
    const f = byKey(compareFollowUp(input({ currentQ: noA1, current: now })).followThrough, 'alpha-12')
    expect(f).toMatchObject({ basis: 'indicators', status: 'not-compared', target: null, level: null, alreadyReached: false })
    expect(f.indicators).toEqual([{ earlierId: 'a1', currentId: null, earlierLevel: 1, level: null, target: null }])
  })

  it('cannot judge a "find out" item whose indicator has no counterpart, nor an own action whose dimension is gone', () => {
    const noBeta: Questionnaire = {
      ...mini, version: '4.0.0',
      dimensions: mini.dimensions.filter(d => d.id !== 'beta'),
      indicators: mini.indicators.filter(i => i.dimension !== 'beta'),
      actions: mini.actions.filter(a => a.dimension !== 'beta'),
    }
    const c = compareFollowUp(input({ currentQ: noBeta, current: { a1: L(2), a2: L(2), a3: L(3) } }))
    expect(byKey(c.followThrough, 'find-out:b3')).toMatchObject({ status: 'not-compared', level: null })
    expect(byKey(c.followThrough, 'find-out:b3').indicators).toEqual([{ earlierId: 'b3', currentId: null, earlierLevel: null, level: null, target: null }])
    expect(byKey(c.followThrough, 'custom:c1')).toEqual(expect.objectContaining({ basis: 'dimension', status: 'not-compared', target: null, level: null, indicators: [], alreadyReached: false }))
    expect(c.dimensions.map(d => d.dimensionId)).toEqual(['alpha'])
    expect(c.counts['not-compared']).toBe(3)
  })

  it('shows a dimension new in the current version without an earlier side', () => {
    const extra: Questionnaire = {
      ...mini, version: '5.0.0',
      dimensions: [...mini.dimensions, { ...mini.dimensions[1]!, id: 'gamma', dependsOn: [] }],
      indicators: [...mini.indicators, { ...mini.indicators[3]!, id: 'g1', dimension: 'gamma' }],
    }
    const c = compareFollowUp(input({ currentQ: extra, current: { ...currentAnswers, g1: L(2) } }))
    expect(c.dimensions[2]).toEqual({ dimensionId: 'gamma', inEarlier: false, earlierScore: null, score: 2, earlierStage: null, stage: 2, scoreTrend: null, stageTrend: null })
  })
})

describe('carryAnswers', () => {
  it('carries comparable answers, translating levels, and marks each "carried over"', () => {
    const carried = carryAnswers({ questionnaire: mini, answers: earlierAnswers }, v2)
    expect(carried.answers).toEqual({ A1: { ...L(1), level: 2 }, a3: L(1), b1: L(0), b3: DK })
    expect(carried.freshLook).toEqual({
      A1: { reason: 'carried-over', from: '1.0.0', previousId: 'a1' },
      a3: { reason: 'carried-over', from: '1.0.0', previousId: 'a3' },
      b1: { reason: 'carried-over', from: '1.0.0', previousId: 'b1' },
      b3: { reason: 'carried-over', from: '1.0.0', previousId: 'b3' },
    })
  })

  it('does not carry a "not applicable" the current indicator no longer allows', () => {
    const strict: Questionnaire = { ...mini, indicators: mini.indicators.map(i => ({ ...i, allowNotApplicable: false })) }
    const carried = carryAnswers({ questionnaire: mini, answers: { a3: NA, b3: NA } }, strict)
    expect(carried.answers).toEqual({})
    expect(carryAnswers({ questionnaire: mini, answers: { a3: NA } }, mini).answers).toEqual({ a3: NA })
  })
})

describe('createFollowUp', () => {
  const earlier = assessmentSchema.parse({
    id: 'e1', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'fr', profile,
    answers: earlierAnswers, position: { view: 'results' }, roadmap: earlierEdits, createdAt: T, updatedAt: T,
  })
  const base = () => ({
    source: { baseline: baselineOf(earlier), questionnaire: mini },
    id: 'f1', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'fr', today: '2027-01-20', now: '2027-01-20T08:00:00.000Z' })

  it('copies the profile dated today, carries the answers marked, keeps the earlier assessment, starts a fresh plan', () => {
    const f = createFollowUp({ ...base(), answers: 'carry' })
    expect(f.profile).toEqual({ ...profile, date: '2027-01-20' })
    expect(f.answers).toEqual(earlierAnswers)
    expect(Object.values(f.freshLook ?? {})).toHaveLength(6)
    expect(f.freshLook?.a1).toEqual({ reason: 'carried-over', from: '1.0.0', previousId: 'a1' })
    expect(f.baseline).toEqual({ source: 'assessment', questionnaireId: 'mini', questionnaireVersion: '1.0.0', profile, answers: earlierAnswers, roadmap: earlierEdits, createdAt: T, updatedAt: T })
    expect(f.roadmap).toEqual(emptyRoadmapEdits())
    expect(f).toMatchObject({ id: 'f1', locale: 'fr', position: { view: 'questionnaire' }, createdAt: '2027-01-20T08:00:00.000Z' })
    expect(assessmentSchema.safeParse(f).success).toBe(true)
  })

  it('starts blank when asked, with no marks', () => {
    const f = createFollowUp({ ...base(), answers: 'blank' })
    expect(f.answers).toEqual({})
    expect(f.freshLook).toBeUndefined()
    expect(f.baseline?.answers).toEqual(earlierAnswers)
  })

  it('names a workshop consensus as the source', () => {
    expect(baselineOf(earlier, 'workshop', 'Regional workshop — Fiji')).toMatchObject({ source: 'workshop', title: 'Regional workshop — Fiji' })
    expect(baselineOf(earlier)).not.toHaveProperty('title')
  })
})

describe('baselineOfWorkshop', () => {
  // Two participants: a1 at 1 and 3 → median (lower middle) 1; b1 at 0 and 0 → 0; nothing else answered.
  const created = createWorkshop({ id: 'w1', title: 'Suva workshop', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'en', delegations: [{ id: 'fji', profile }], now: T })
  const first = addParticipant(created, 'fji', { id: 'p1', answers: { a1: L(1), b1: L(0) }, source: 'device', now: T })
  if (!first.ok) throw new Error('participant refused')
  const second = addParticipant(first.workshop, 'fji', { id: 'p2', answers: { a1: L(3), b1: L(0) }, source: 'device', now: T })
  if (!second.ok) throw new Error('participant refused')

  it('takes the delegation\'s consensus, profile and roadmap, named by the workshop', () => {
    const baseline = baselineOfWorkshop(second.workshop, 'fji', mini)!
    expect(baseline).toMatchObject({ source: 'workshop', title: 'Suva workshop', questionnaireId: 'mini', questionnaireVersion: '1.0.0', profile })
    expect(Object.fromEntries(Object.entries(baseline.answers).map(([id, a]) => [id, a.kind === 'level' ? a.level : a.kind]))).toEqual({ a1: 1, b1: 0 })
  })

  it('is undefined for an unknown delegation', () => {
    expect(baselineOfWorkshop(second.workshop, 'nope', mini)).toBeUndefined()
  })
})

/*
 * Mini with two more alpha actions: "alpha-pair" (step 1→2, names a1 and a2) and "alpha-multi" (steps 1→2, 2→3, 3→4, names a1).
 * Earlier: a1 1, a2 2, a3 1 → alpha stage 1.
 */
const pairs: Questionnaire = {
  ...mini,
  // alpha-multi first: it is the weakest indicator's action when the target is lowered to the stage
  actions: [
    { ...mini.actions.find(a => a.id === 'alpha-12')!, id: 'alpha-multi', steps: [{ from: 1, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 4 }] },
    { ...mini.actions.find(a => a.id === 'alpha-12')!, id: 'alpha-pair', indicators: ['a1', 'a2'] },
    ...mini.actions,
  ],
}

describe('compareFollowUp: actions naming several indicators or serving several steps', () => {
  const run = (current: Answers, edits: Partial<RoadmapEdits> = {}, currentQ: Questionnaire = pairs) =>
    compareFollowUp(input({ earlierQ: pairs, currentQ, current, edits }))

  it('is done only when every indicator reached the aim (a1 1 → 1, a2 2 → 2: not yet), the level now being the lowest', () => {
    expect(byKey(run({ ...currentAnswers, a1: L(1) }).followThrough, 'alpha-pair')).toMatchObject({ target: 2, level: 1, status: 'not-yet' })
  })

  it('is progressing when one of them rose (a1 1 → 1, a2 2 → 3)', () => {
    expect(byKey(run({ ...currentAnswers, a1: L(1), a2: L(3) }).followThrough, 'alpha-pair')).toMatchObject({ level: 1, status: 'progressing' })
  })

  it('is done, and not "already", when one of them was already there and the other arrived (a1 1 → 2, a2 2 → 2)', () => {
    expect(byKey(run(currentAnswers).followThrough, 'alpha-pair')).toMatchObject({ target: 2, level: 2, status: 'done', alreadyReached: false })
  })

  it('aims at the highest step up to the target (alpha target 4: alpha-multi aims 4; a1 2: progressing)', () => {
    expect(byKey(run(currentAnswers, { targets: { alpha: 4 } }).followThrough, 'alpha-multi')).toMatchObject({ target: 4, level: 2, status: 'progressing' })
  })

  it('aims at the next step when the target was lowered to the stage (alpha target 1: alpha-multi aims 2; a1 1: not yet)', () => {
    expect(byKey(run({ ...currentAnswers, a1: L(1) }, { targets: { alpha: 1 } }).followThrough, 'alpha-multi')).toMatchObject({ target: 2, level: 1, status: 'not-yet' })
  })

  it('takes the highest aimed level when the indicators\' level maps differ (a1 remapped 2 → 3, a2 unchanged 2)', () => {
    const remapped: Questionnaire = {
      ...pairs, version: '2.0.0',
      migrations: [{ from: '1.0.0', actions: {}, indicators: [{ id: 'a1', change: 'remapped', levels: { 0: 0, 1: 2, 2: 3, 3: 4, 4: 5, 5: 5 }, freshLook: false }] }],
    }
    const f = byKey(run({ ...currentAnswers, a1: L(3), a2: L(2) }, {}, remapped).followThrough, 'alpha-pair')
    expect(f.indicators.map(i => i.target)).toEqual([3, 2])
    expect(f).toMatchObject({ target: 3, level: 2, status: 'done' })
  })

  it('judges an own action in a dimension the earlier questionnaire did not have against a target of 0', () => {
    const gamma: Questionnaire = {
      ...mini, version: '5.0.0',
      dimensions: [...mini.dimensions, { ...mini.dimensions[1]!, id: 'gamma', dependsOn: [] }],
      indicators: [...mini.indicators, { ...mini.indicators[3]!, id: 'g1', dimension: 'gamma' }],
    }
    const edits: Partial<RoadmapEdits> = { custom: [{ id: 'g', dimensionId: 'gamma', title: 'Own', description: '', horizon: '0-6m' }] }
    const c = compareFollowUp(input({ currentQ: gamma, current: { ...currentAnswers, g1: L(2) }, edits }))
    expect(byKey(c.followThrough, 'custom:g')).toMatchObject({ basis: 'dimension', target: 0, level: 2, status: 'done', alreadyReached: false })
  })
})

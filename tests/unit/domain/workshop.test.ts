import { describe, expect, it } from 'vitest'
import type { Answer, Answers } from '@/domain/assessment'
import type { ImportedAssessment } from '@/domain/assessment-file'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import { scoreAssessment } from '@/domain/scoring'
import { assessmentOutcome } from '@/domain/outcome'
import {
  addImportedParticipant,
  answerOf,
  canonicalAnswers,
  addParticipant,
  consensusAnswers,
  consensusAssessment,
  consensusAssessmentId,
  consensusConfidence,
  createWorkshop,
  defaultConsensus,
  delegationConsensus,
  delegationSpreads,
  digest,
  entryOf,
  discussionOrder,
  discussionProgress,
  importFingerprint,
  indicatorConsensus,
  indicatorSpread,
  newDelegation,
  nextParticipantNumber,
  pooledNotes,
  removeParticipant,
  setConsensus,
  supportingNotesText,
  supportsConsensus,
} from '@/domain/workshop'
import type { Delegation, Participant, Workshop } from '@/domain/workshop-model'
import { workshopSchema } from '@/domain/workshop-model'
import { mini } from './questionnaire-fixtures'

/**
 * Worked examples on the mini questionnaire: alpha (weight 2) has a1 (weight 2), a2, a3 (n/a allowed); beta (weight 1)
 * has b1 (weight 2), b2, b3 (n/a allowed). Levels 0–5, evidence note required from level 3.
 */
const T0 = '2026-11-20T09:00:00.000Z'
const T1 = '2026-11-20T10:00:00.000Z'
const T2 = '2026-11-20T11:00:00.000Z'
const NOW = '2026-11-29T16:00:00.000Z'
const L = (level: number, evidence = '', confidence: 'self-declared' | 'document-backed' | 'externally-validated' = 'self-declared', updatedAt = T0): Answer =>
  ({ kind: 'level', level, confidence, evidence, updatedAt })
const DK = (evidence = '', updatedAt = T0): Answer => ({ kind: 'dont_know', evidence, updatedAt })
const NA = (evidence = '', updatedAt = T0): Answer => ({ kind: 'not_applicable', evidence, updatedAt })

function person(number: number, answers: Answers, extra: Partial<Participant> = {}): Participant {
  return { id: `p${number}`, number, role: '', source: 'file', answers, submitted: true, addedAt: T0, updatedAt: T0, ...extra }
}
const on = (id: string, ...answers: Array<Answer | undefined>): Array<Pick<Participant, 'answers'>> =>
  answers.map(a => ({ answers: a === undefined ? {} : { [id]: a } }))

function workshopWith(participants: Participant[], consensus: Delegation['consensus'] = {}): Workshop {
  const base = createWorkshop({
    id: 'w1', title: 'Regional workshop', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'en',
    delegations: [{ id: 'npl', profile: { ...emptyProfile('2026-11-20'), country: 'NPL', ministry: 'MoFA', unit: 'Tech', ldc: true } }], now: T0,
  })
  return { ...base, delegations: [{ ...base.delegations[0]!, participants, consensus }] }
}

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

describe('the default consensus', () => {
  const allowsNa = { allowNotApplicable: true }
  const noNa = { allowNotApplicable: false }
  const spread = (...answers: Answer[]) => indicatorSpread('a3', on('a3', ...answers), 5)
  it('the median level when anyone gave a level, whatever the don\'t know and n/a beside it', () => {
    expect(defaultConsensus(spread(L(1), L(4), L(3)), allowsNa)).toEqual({ kind: 'level', level: 3 })
    expect(defaultConsensus(spread(L(2), DK(), DK(), DK()), allowsNa)).toEqual({ kind: 'level', level: 2 })
    expect(defaultConsensus(spread(L(0), NA(), NA()), allowsNa)).toEqual({ kind: 'level', level: 0 })
  })
  it('all don\'t know → don\'t know; all not applicable → not applicable', () => {
    expect(defaultConsensus(spread(DK(), DK()), allowsNa)).toEqual({ kind: 'dont_know' })
    expect(defaultConsensus(spread(NA(), NA()), allowsNa)).toEqual({ kind: 'not_applicable' })
  })
  it('don\'t know with not applicable: the more frequent; a tie gives don\'t know', () => {
    expect(defaultConsensus(spread(NA(), DK(), NA()), allowsNa)).toEqual({ kind: 'not_applicable' })
    expect(defaultConsensus(spread(DK(), NA(), DK()), allowsNa)).toEqual({ kind: 'dont_know' })
    expect(defaultConsensus(spread(DK(), NA()), allowsNa)).toEqual({ kind: 'dont_know' })
  })
  it('not applicable never becomes the consensus of an indicator that does not allow it', () => {
    expect(defaultConsensus(spread(NA(), NA()), noNa)).toEqual({ kind: 'dont_know' })
  })
  it('nobody answered → no consensus', () => {
    expect(defaultConsensus(indicatorSpread('a3', on('a3', undefined), 5), allowsNa)).toBeNull()
  })
})

describe('pooled notes', () => {
  const participants = [
    person(2, { a1: L(4, '  Decree 5/2025 ', 'document-backed') }, { role: 'regulator', name: 'Ana Costa' }),
    person(1, { a1: L(1, 'Nothing written down') }, { name: 'Ben Ode' }),
    person(3, { a1: DK('Ask finance') }, { role: 'ICT ministry' }),
    person(4, { a1: L(2, '   ') }),
    person(5, {}),
  ]
  it('anonymous by default: P-number and role, in number order, blank notes left out, text trimmed', () => {
    expect(pooledNotes('a1', participants, false).map(n => [n.participantId, n.label, n.text])).toEqual([
      ['p1', 'P1', 'Nothing written down'],
      ['p2', 'P2 (regulator)', 'Decree 5/2025'],
      ['p3', 'P3 (ICT ministry)', 'Ask finance'],
    ])
  })
  it('names only when the workshop shows them', () => {
    expect(pooledNotes('a1', participants, true).map(n => n.label)).toEqual(['Ben Ode', 'Ana Costa (regulator)', 'P3 (ICT ministry)'])
  })
  it('keeps what each participant answered, and leaves the input order alone', () => {
    expect(pooledNotes('a1', participants, false)[1]!.answer).toMatchObject({ kind: 'level', level: 4 })
    expect(participants.map(p => p.number)).toEqual([2, 1, 3, 4, 5])
  })
  it('an id that names a property every object has gives no notes', () => {
    expect(pooledNotes('constructor', participants, false)).toEqual([])
  })
})

describe('which notes back the consensus', () => {
  it('levels are cumulative: a level at or above the agreed one backs it', () => {
    const choice = { kind: 'level', level: 3 } as const
    expect(supportsConsensus(L(3), choice)).toBe(true)
    expect(supportsConsensus(L(5), choice)).toBe(true)
    expect(supportsConsensus(L(2), choice)).toBe(false)
    expect(supportsConsensus(DK(), choice)).toBe(false)
  })
  it('don\'t know backs don\'t know, not applicable backs not applicable', () => {
    expect(supportsConsensus(DK(), { kind: 'dont_know' })).toBe(true)
    expect(supportsConsensus(NA(), { kind: 'dont_know' })).toBe(false)
    expect(supportsConsensus(L(0), { kind: 'dont_know' })).toBe(false)
    expect(supportsConsensus(NA(), { kind: 'not_applicable' })).toBe(true)
    expect(supportsConsensus(DK(), { kind: 'not_applicable' })).toBe(false)
  })
  it('the text: one labelled line per backing note, cut to 5000 characters with an ellipsis', () => {
    const notes = pooledNotes('a1', [person(1, { a1: L(3, 'Decree') }), person(2, { a1: L(1, 'No') }), person(3, { a1: L(4, 'Budget line') })], false)
    expect(supportingNotesText(notes, { kind: 'level', level: 3 })).toBe('P1: Decree\nP3: Budget line')
    const long = pooledNotes('a1', [person(1, { a1: L(3, 'x'.repeat(4996)) }), person(2, { a1: L(3, 'y') })], false)
    // "P1: " + 4996 x = 5000 characters, then "\nP2: y": 5006 → 4999 + "…"
    const text = supportingNotesText(long, { kind: 'level', level: 3 })
    expect(text).toHaveLength(5000)
    expect(text.endsWith('x…')).toBe(true)
    const exact = pooledNotes('a1', [person(1, { a1: L(3, 'x'.repeat(4996)) })], false)
    expect(supportingNotesText(exact, { kind: 'level', level: 3 })).toBe(`P1: ${'x'.repeat(4996)}`)
  })
})

describe('the consensus confidence', () => {
  it('the highest confidence among participants at or above the agreed level', () => {
    const people = on('a1', L(2, '', 'externally-validated'), L(3, '', 'document-backed'), L(4, '', 'self-declared'), DK())
    expect(consensusConfidence(people, 'a1', 3)).toBe('document-backed')
    expect(consensusConfidence(people, 'a1', 2)).toBe('externally-validated')
    expect(consensusConfidence(people, 'a1', 4)).toBe('self-declared')
  })
  it('self-declared when nobody answered at or above it', () => {
    expect(consensusConfidence(on('a1', L(1, '', 'externally-validated')), 'a1', 2)).toBe('self-declared')
    expect(consensusConfidence(on('a1', DK()), 'a1', 0)).toBe('self-declared')
  })
})

describe('the consensus of one indicator', () => {
  const participants = [
    person(1, { a1: L(1, 'Only a draft', 'self-declared', T1) }),
    person(2, { a1: L(3, 'Decree 5/2025', 'document-backed', T2) }, { role: 'regulator' }),
    person(3, { a1: L(4, 'Budget 2026', 'self-declared', T0) }),
  ]
  it('default: the median level, noted with the backing participants\' notes, their best confidence, their latest time', () => {
    const c = indicatorConsensus(mini.indicators[0]!, { participants, consensus: {} }, 5, false)
    expect(c).toEqual({
      indicatorId: 'a1', source: 'default', choice: { kind: 'level', level: 3 }, note: '', discussed: false,
      answer: { kind: 'level', level: 3, confidence: 'document-backed', evidence: 'P2 (regulator): Decree 5/2025\nP3: Budget 2026', updatedAt: T2 },
    })
  })
  it('a note without a choice keeps the default answer and becomes its evidence', () => {
    const c = indicatorConsensus(mini.indicators[0]!, { participants, consensus: { a1: { note: ' Agreed: decree in force ', discussed: true, updatedAt: NOW } } }, 5, false)
    expect(c).toMatchObject({ source: 'default', note: 'Agreed: decree in force', discussed: true })
    expect(c.answer).toEqual({ kind: 'level', level: 3, confidence: 'document-backed', evidence: 'Agreed: decree in force', updatedAt: T2 })
  })
  it('the facilitator\'s choice wins, with its own confidence, note and time', () => {
    const consensus = { a1: { choice: { kind: 'level' as const, level: 2, confidence: 'externally-validated' as const }, note: 'Draft only', discussed: true, updatedAt: NOW } }
    const c = indicatorConsensus(mini.indicators[0]!, { participants, consensus }, 5, false)
    expect(c.source).toBe('facilitator')
    expect(c.answer).toEqual({ kind: 'level', level: 2, confidence: 'externally-validated', evidence: 'Draft only', updatedAt: NOW })
  })
  it('a chosen level without confidence takes the rule\'s, and without a note the backing notes', () => {
    const consensus = { a1: { choice: { kind: 'level' as const, level: 4 }, note: '', discussed: true, updatedAt: NOW } }
    expect(indicatorConsensus(mini.indicators[0]!, { participants, consensus }, 5, true).answer)
      .toEqual({ kind: 'level', level: 4, confidence: 'self-declared', evidence: 'P3: Budget 2026', updatedAt: NOW })
  })
  it('a chosen don\'t know or not applicable becomes that answer', () => {
    const consensus = { a3: { choice: { kind: 'not_applicable' as const }, note: 'No such body', discussed: true, updatedAt: NOW } }
    expect(indicatorConsensus(mini.indicators[2]!, { participants, consensus }, 5, false).answer)
      .toEqual({ kind: 'not_applicable', evidence: 'No such body', updatedAt: NOW })
  })
  it('an indicator id that names a property every object has finds no entry and no answers', () => {
    expect(indicatorConsensus({ id: 'toString', allowNotApplicable: false }, { participants, consensus: {} }, 5, false))
      .toEqual({ indicatorId: 'toString', source: 'none', choice: null, note: '', discussed: false, answer: undefined })
  })
  it('nobody answered and nothing chosen: no consensus, the note still shown', () => {
    const c = indicatorConsensus(mini.indicators[1]!, { participants, consensus: { a2: { note: 'Later', discussed: false, updatedAt: NOW } } }, 5, false)
    expect(c).toEqual({ indicatorId: 'a2', source: 'none', choice: null, note: 'Later', discussed: false, answer: undefined })
  })
})

describe('the consensus as an assessment: scored and planned by the ordinary code', () => {
  // alpha: a1 = median(1, 2, 2) = 2, a2 = median(3, 4) = 3 with notes, a3 = dk (all dk); beta: b1 = 1, b2 = none, b3 = n/a
  const participants = [
    person(1, { a1: L(1), a2: L(3, 'Strategy 2025'), a3: DK(), b1: L(1), b3: NA() }),
    person(2, { a1: L(2), a2: L(4, 'Unit created'), a3: DK(), b1: L(1), b3: NA() }),
    person(3, { a1: L(2), b3: NA() }),
  ]
  it('default consensus: answers and scores checkable by hand', () => {
    const workshop = workshopWith(participants)
    const assessment = consensusAssessment(workshop, 'npl', mini)!
    expect(Object.fromEntries(Object.entries(assessment.answers).map(([id, a]) => [id, a.kind === 'level' ? a.level : a.kind])))
      .toEqual({ a1: 2, a2: 3, a3: 'dont_know', b1: 1, b3: 'not_applicable' })
    expect(assessment.answers.a2!.evidence).toBe('P1: Strategy 2025\nP2: Unit created')
    const r = scoreAssessment(mini, assessment.answers)
    // alpha: (2×2 + 3 + 0) / 4 = 1.75, stage min(2, 3) = 2 unconfirmed; beta: b1 only → 1.0, stage 1
    expect(r.dimensions.map(d => [d.score, d.stage])).toEqual([[1.75, 2], [1, 1]])
    // index (1.75×2 + 1×1) / 3 × 20 = 30
    expect(r.index).toBeCloseTo(30, 6)
  })
  it('an override changes the scores: a1 set to 4 with a note', () => {
    const workshop = setConsensus(workshopWith(participants), 'npl', 'a1', { choice: { kind: 'level', level: 4 }, note: 'Decree adopted' }, NOW)
    const r = scoreAssessment(mini, consensusAssessment(workshop, 'npl', mini)!.answers)
    // alpha: (4×2 + 3 + 0) / 4 = 2.75, stage 3; index (2.75×2 + 1) / 3 × 20 = 43.33
    expect(r.dimensions[0]).toMatchObject({ score: 2.75, stage: 3 })
    expect(r.index).toBeCloseTo(43.333, 2)
  })
  it('a level at or above the threshold with no note anywhere counts as unanswered in the scores', () => {
    const workshop = setConsensus(workshopWith(participants), 'npl', 'a1', { choice: { kind: 'level', level: 4 } }, NOW)
    const r = scoreAssessment(mini, consensusAssessment(workshop, 'npl', mini)!.answers)
    expect(r.dimensions[0]!.indicators[0]).toMatchObject({ status: 'evidence_missing' })
  })
  it('carries the delegation\'s profile, roadmap edits and sign-off, and validates as an assessment', () => {
    const base = workshopWith(participants)
    const signOff = { draft: true, preparedBy: 'Facilitator', approvedBy: '', date: '' }
    const roadmap = { ...base.delegations[0]!.roadmap, targets: { alpha: 4 } }
    const workshop = { ...base, delegations: [{ ...base.delegations[0]!, roadmap, signOff }] }
    const assessment = consensusAssessment(workshop, 'npl', mini)!
    expect(assessment).toMatchObject({
      id: 'w1/npl', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en',
      position: { view: 'results' }, roadmap, signOff, createdAt: T0, updatedAt: T0,
    })
    expect(assessment.profile.country).toBe('NPL')
    const { roadmap: plan } = assessmentOutcome(mini, assessment)
    expect(plan.targets.find(t => t.dimensionId === 'alpha')).toMatchObject({ target: 4 })
    expect(consensusAssessment(workshopWith(participants), 'npl', mini)!.signOff).toBeUndefined()
  })
  it('the id stays within an assessment id\'s 100 characters', () => {
    expect(consensusAssessmentId('w', 'd')).toBe('w/d')
    expect(consensusAssessmentId('w'.repeat(49), 'd'.repeat(50))).toBe(`${'w'.repeat(49)}/${'d'.repeat(50)}`)
    const long = consensusAssessmentId('w'.repeat(100), 'd'.repeat(100))
    // 91 characters, "~", then the 8-digit digest of the full 201-character id
    expect(long).toBe(`${'w'.repeat(91)}~${digest(`${'w'.repeat(100)}/${'d'.repeat(100)}`)}`)
    expect(long).toHaveLength(100)
    expect(consensusAssessmentId('w'.repeat(50), 'd'.repeat(50))).toHaveLength(100)
    expect(consensusAssessmentId('w'.repeat(50), 'd'.repeat(50)).includes('~')).toBe(true)
  })
  it('an unknown delegation gives nothing', () => {
    expect(consensusAssessment(workshopWith(participants), 'xyz', mini)).toBeUndefined()
  })
  it('delegationConsensus lists every indicator; consensusAnswers leaves out those without consensus', () => {
    const delegation = workshopWith(participants).delegations[0]!
    expect(delegationConsensus(mini, delegation, false).map(c => c.source)).toEqual(['default', 'default', 'default', 'default', 'none', 'default'])
    expect(Object.keys(consensusAnswers(mini, delegation, false))).toEqual(['a1', 'a2', 'a3', 'b1', 'b3'])
  })
})

describe('setting the consensus', () => {
  const w = workshopWith([person(1, { a1: L(2) })])
  it('a choice marks the item discussed and stamps the time', () => {
    const next = setConsensus(w, 'npl', 'a1', { choice: { kind: 'dont_know' } }, NOW)
    expect(next.delegations[0]!.consensus.a1).toEqual({ choice: { kind: 'dont_know' }, note: '', discussed: true, updatedAt: NOW })
    expect(next.updatedAt).toBe(NOW)
    expect(w.delegations[0]!.consensus).toEqual({})
  })
  it('a note alone keeps the choice and marks discussed; null goes back to the default keeping the note', () => {
    const one = setConsensus(w, 'npl', 'a1', { choice: { kind: 'level', level: 1 } }, T1)
    const two = setConsensus(one, 'npl', 'a1', { note: 'x'.repeat(6000) }, T2)
    expect(two.delegations[0]!.consensus.a1).toEqual({ choice: { kind: 'level', level: 1 }, note: 'x'.repeat(5000), discussed: true, updatedAt: T2 })
    const three = setConsensus(two, 'npl', 'a1', { choice: null }, NOW)
    expect(three.delegations[0]!.consensus.a1).toEqual({ note: 'x'.repeat(5000), discussed: true, updatedAt: NOW })
  })
  it('discussed can be set or cleared on its own', () => {
    const marked = setConsensus(w, 'npl', 'b1', { discussed: true }, T1)
    expect(marked.delegations[0]!.consensus.b1).toEqual({ note: '', discussed: true, updatedAt: T1 })
    const cleared = setConsensus(marked, 'npl', 'b1', { discussed: false, note: 'Later' }, T2)
    expect(cleared.delegations[0]!.consensus.b1).toEqual({ note: 'Later', discussed: false, updatedAt: T2 })
    expect(setConsensus(cleared, 'npl', 'b1', {}, NOW).delegations[0]!.consensus.b1).toEqual({ note: 'Later', discussed: false, updatedAt: NOW })
  })
  it('a note alone on an indicator never set marks it discussed; an empty change keeps discussed as it was', () => {
    const noted = setConsensus(w, 'npl', 'b2', { note: 'Ask the legal directorate' }, T1)
    expect(noted.delegations[0]!.consensus.b2).toEqual({ note: 'Ask the legal directorate', discussed: true, updatedAt: T1 })
    expect(setConsensus(noted, 'npl', 'b2', {}, T2).delegations[0]!.consensus.b2).toEqual({ note: 'Ask the legal directorate', discussed: true, updatedAt: T2 })
  })
  it('an empty change on an indicator never set: not discussed, no note', () => {
    expect(setConsensus(w, 'npl', 'a2', {}, NOW).delegations[0]!.consensus.a2).toEqual({ note: '', discussed: false, updatedAt: NOW })
  })
  it('leaves other delegations alone', () => {
    const two = { ...w, delegations: [...w.delegations, newDelegation('sen')] }
    const next = setConsensus(two, 'sen', 'a1', { discussed: true }, NOW)
    expect(next.delegations[0]).toBe(two.delegations[0])
    expect(next.delegations[1]!.consensus.a1?.discussed).toBe(true)
  })
})

describe('participants', () => {
  const imported = (over: Partial<ImportedAssessment> = {}, questionnaire: { id: string, version: string } = mini): ImportedAssessment => ({
    questionnaire: { ...mini, ...questionnaire }, locale: 'en', profile: { ...emptyProfile('2026-11-20'), respondentRole: ' Regulator ' },
    answers: { a1: L(2) }, roadmap: emptyRoadmapEdits(), createdAt: T0, updatedAt: T1, ...over,
  })

  it('an imported file becomes P1, then P2, with the file\'s respondent role and a fingerprint', () => {
    const first = addImportedParticipant(workshopWith([]), 'npl', imported(), { id: 'x1', now: NOW })
    if (!first.ok) throw new Error('refused')
    expect(first.participant).toEqual({
      id: 'x1', number: 1, role: 'Regulator', source: 'file', fingerprint: importFingerprint(imported()),
      answers: { a1: L(2) }, submitted: true, addedAt: NOW, updatedAt: NOW,
    })
    expect(first.workshop.updatedAt).toBe(NOW)
    const second = addImportedParticipant(first.workshop, 'npl', imported({ answers: { a1: L(3, 'Decree') } }), { id: 'x2', now: NOW, role: 'ICT ministry', name: ' Ana ' })
    if (!second.ok) throw new Error('refused')
    expect(second.participant).toMatchObject({ number: 2, role: 'ICT ministry', name: 'Ana' })
    expect(second.workshop.delegations[0]!.participants.map(p => p.id)).toEqual(['x1', 'x2'])
    expect(workshopSchema.safeParse(second.workshop).success).toBe(true)
  })

  it('the same file twice is recognised and not counted twice', () => {
    const first = addImportedParticipant(workshopWith([]), 'npl', imported(), { id: 'x1', now: NOW })
    if (!first.ok) throw new Error('refused')
    const again = addImportedParticipant(first.workshop, 'npl', imported(), { id: 'x2', now: NOW })
    expect(again).toEqual({ ok: false, problem: { code: 'workshop.alreadyImported', path: '(file)', params: { participant: 'P1 (Regulator)' } } })
  })

  it('another questionnaire, or another version of it, is refused saying which', () => {
    expect(addImportedParticipant(workshopWith([]), 'npl', imported({}, { id: 'other', version: '1.0.0' }), { id: 'x', now: NOW })).toEqual({
      ok: false, problem: { code: 'workshop.otherQuestionnaire', path: 'questionnaire', params: { id: 'other', version: '1.0.0', expectedId: 'mini', expectedVersion: '1.0.0' } },
    })
    expect(addImportedParticipant(workshopWith([]), 'npl', imported({}, { id: 'mini', version: '1.1.0' }), { id: 'x', now: NOW })).toEqual({
      ok: false, problem: { code: 'workshop.otherVersion', path: 'questionnaire', params: { version: '1.1.0', expectedVersion: '1.0.0' } },
    })
  })

  it('fingerprints: same answers in any order → same; other answers or another last change → different', () => {
    const a = importFingerprint({ answers: { a1: L(2), b1: DK() }, updatedAt: T1 })
    expect(importFingerprint({ answers: { b1: DK(), a1: L(2) }, updatedAt: T1 })).toBe(a)
    expect(importFingerprint({ answers: { a1: L(3), b1: DK() }, updatedAt: T1 })).not.toBe(a)
    expect(importFingerprint({ answers: { a1: L(2, '', 'document-backed'), b1: DK() }, updatedAt: T1 })).not.toBe(a)
    expect(importFingerprint({ answers: { a1: L(2), b1: DK('note') }, updatedAt: T1 })).not.toBe(a)
    expect(importFingerprint({ answers: { a1: L(2), b1: DK('', T2) }, updatedAt: T1 })).not.toBe(a)
    expect(importFingerprint({ answers: { a1: L(2), b1: NA() }, updatedAt: T1 })).not.toBe(a)
    expect(importFingerprint({ answers: { a1: L(2), b1: DK() }, updatedAt: T2 })).not.toBe(a)
    expect(a.startsWith(`file:${T1}:`)).toBe(true)
  })

  it('the digest is FNV-1a on 32 bits (reference values), always 8 hex digits', () => {
    expect(digest('')).toBe('811c9dc5')
    expect(digest('a')).toBe('e40c292c')
    expect(digest('foobar')).toBe('bf9cf968')
    expect(digest('akd')).toBe('0d368b73')
  })

  it('the canonical text: sorted ids; id, kind, note, time, then level and confidence for a level', () => {
    expect(canonicalAnswers({ b1: DK('ask', T1), a1: L(2, 'x', 'document-backed', T2) }))
      .toBe(`[["a1","level","x","${T2}",2,"document-backed"],["b1","dont_know","ask","${T1}"]]`)
    expect(canonicalAnswers({})).toBe('[]')
    const answers = { a1: L(2), b1: DK() }
    const text = canonicalAnswers(answers)
    expect(importFingerprint({ answers, updatedAt: T1 })).toBe(`file:${T1}:${text.length}:${digest(text)}`)
  })

  it('numbers follow the highest so far: removing P2 does not give its number away', () => {
    const w = workshopWith([person(1, {}), person(2, {}), person(3, {})])
    const without = removeParticipant(w, 'npl', 'p2', NOW)
    expect(without.delegations[0]!.participants.map(p => p.number)).toEqual([1, 3])
    expect(without.updatedAt).toBe(NOW)
    expect(nextParticipantNumber(without.delegations[0]!)).toBe(4)
    expect(nextParticipantNumber(removeParticipant(w, 'npl', 'p3', NOW).delegations[0]!)).toBe(3)
    expect(nextParticipantNumber({ participants: [] })).toBe(1)
  })

  it('hand the device round: a participant with no fingerprint, a blank name left out', () => {
    const result = addParticipant(workshopWith([person(1, {})]), 'npl', { id: 'd2', answers: {}, source: 'device', name: '  ', submitted: false, now: NOW })
    if (!result.ok) throw new Error('refused')
    expect(result.participant).toStrictEqual({ id: 'd2', number: 2, role: '', source: 'device', answers: {}, submitted: false, addedAt: NOW, updatedAt: NOW })
  })

  it('long roles and names are cut to the model\'s limits', () => {
    const result = addParticipant(workshopWith([]), 'npl', { id: 'd', answers: {}, source: 'device', role: 'r'.repeat(300), name: 'n'.repeat(300), now: NOW })
    if (!result.ok) throw new Error('refused')
    expect(result.participant.role).toHaveLength(200)
    expect(result.participant.name).toHaveLength(200)
  })

  it('an unknown delegation, and a full one, are refused', () => {
    expect(addParticipant(workshopWith([]), 'xyz', { id: 'd', answers: {}, source: 'device', now: NOW }))
      .toEqual({ ok: false, problem: { code: 'workshop.unknownDelegation', path: 'delegations', params: { id: 'xyz' } } })
    const full = workshopWith(Array.from({ length: 500 }, (_, i) => person(i + 1, {})))
    expect(addParticipant(full, 'npl', { id: 'd', answers: {}, source: 'device', now: NOW }))
      .toEqual({ ok: false, problem: { code: 'workshop.tooManyParticipants', path: '(file)', params: { max: 500 } } })
    const almost = workshopWith(Array.from({ length: 499 }, (_, i) => person(i + 1, {})))
    expect(addParticipant(almost, 'npl', { id: 'd', answers: {}, source: 'device', now: NOW }).ok).toBe(true)
  })

  it('a new delegation: no participants, no consensus, no roadmap edits, an empty profile unless given', () => {
    expect(newDelegation('x')).toEqual({ id: 'x', profile: emptyProfile(''), participants: [], consensus: {}, roadmap: emptyRoadmapEdits() })
    expect(newDelegation('y', { ...emptyProfile('2026-11-20'), country: 'SEN' }).profile.country).toBe('SEN')
  })

  it('a new workshop: one delegation per profile, names hidden, valid against the model', () => {
    const w = createWorkshop({ id: 'w', title: 'T', questionnaireKey: 'mini@1.0.0', questionnaire: mini, locale: 'fr', delegations: [{ id: 'a', profile: emptyProfile('') }, { id: 'b', profile: emptyProfile('') }], now: NOW })
    expect(w).toMatchObject({ questionnaireId: 'mini', questionnaireVersion: '1.0.0', showNames: false, locale: 'fr', createdAt: NOW, updatedAt: NOW })
    expect(w.delegations.map(d => [d.id, d.participants.length, Object.keys(d.consensus).length])).toEqual([['a', 0, 0], ['b', 0, 0]])
    expect(workshopSchema.safeParse(w).success).toBe(true)
  })
})

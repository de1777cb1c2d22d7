import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { assessmentOutcome } from '@/domain/outcome'
import { scoreAssessment } from '@/domain/scoring'
import { digest } from '@/domain/import-fingerprint'
import { setConsensus } from '@/domain/workshop'
import { consensusAnswers, consensusAssessment, consensusAssessmentId, consensusConfidence, defaultConsensus, delegationConsensus, indicatorConsensus, pooledNotes, supportingNotesText, supportsConsensus } from '@/domain/workshop-consensus'
import { indicatorSpread } from '@/domain/workshop-spread'
import { mini } from './questionnaire-fixtures'
import { DK, L, NA, NOW, T0, T1, T2, on, person, workshopWith } from './workshop-fixtures'
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

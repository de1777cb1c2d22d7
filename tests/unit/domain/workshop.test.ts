import { describe, expect, it } from 'vitest'
import type { ImportedAssessment } from '@/domain/assessment-file'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import { canonicalAnswers, digest, importFingerprint } from '@/domain/import-fingerprint'
import { addImportedParticipant, addParticipant, createWorkshop, newDelegation, nextParticipantNumber, removeParticipant, setConsensus } from '@/domain/workshop'
import { workshopSchema } from '@/domain/workshop-model'
import { mini } from './questionnaire-fixtures'
import { DK, L, NA, NOW, T0, T1, T2, person, workshopWith } from './workshop-fixtures'
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

import { describe, expect, it } from 'vitest'
import { emptyProfile } from '@/domain/profile'
import {
  addParticipant, createWorkshop, emptyDelegation, nextParticipantNumber, removeDelegation, removeParticipant,
  setConsensusEntry, setDelegationProfile, setDelegationRoadmap, setDelegationSignOff, updateDelegation,
} from '@/domain/workshop-edits'
import { workshopSchema, type Delegation, type Workshop } from '@/domain/workshop-model'

const T0 = '2026-11-29T09:00:00.000Z'
const T1 = '2026-11-29T10:00:00.000Z'
const profile = { ...emptyProfile('2026-11-29'), country: 'NPL', ministry: 'Ministry of Foreign Affairs', unit: 'Tech unit' }

function workshop(): Workshop {
  return createWorkshop({
    id: 'w1', title: '  Regional workshop  ', questionnaireKey: 'mini@1.0.0', questionnaire: { id: 'mini', version: '1.0.0' },
    locale: 'en', showNames: false, delegations: [{ id: 'd1', profile }, { id: 'd2', profile: { ...profile, country: 'BTN' } }], now: T0,
  })
}

const level = (n: number) => ({ kind: 'level' as const, level: n, confidence: 'self-declared' as const, evidence: '', updatedAt: T0 })

describe('creating a workshop', () => {
  it('keeps the questionnaire, trims the title and starts every delegation empty', () => {
    const w = workshop()
    expect(w).toMatchObject({ title: 'Regional workshop', questionnaireId: 'mini', questionnaireVersion: '1.0.0', showNames: false, createdAt: T0, updatedAt: T0 })
    expect(w.delegations.map(d => [d.id, d.profile.country, d.participants.length, Object.keys(d.consensus).length])).toEqual([['d1', 'NPL', 0, 0], ['d2', 'BTN', 0, 0]])
  })

  it('makes a workshop the stored schema accepts', () => {
    expect(workshopSchema.safeParse(workshop()).success).toBe(true)
  })

  it('refuses a workshop without a delegation', () => {
    expect(() => createWorkshop({ ...{ id: 'w', title: 'x', questionnaireKey: 'k', questionnaire: { id: 'q', version: '1.0.0' }, locale: 'en', showNames: true, now: T0 }, delegations: [] })).toThrow()
  })
})

describe('participants', () => {
  it('numbers participants 1, 2, 3 in the order they are added', () => {
    let d = emptyDelegation('d', profile)
    expect(nextParticipantNumber(d)).toBe(1)
    d = addParticipant(d, { id: 'a', source: 'file', answers: {}, now: T0 })
    d = addParticipant(d, { id: 'b', source: 'device', answers: {}, now: T0 })
    expect(d.participants.map(p => p.number)).toEqual([1, 2])
    expect(nextParticipantNumber(d)).toBe(3)
  })

  it('never gives a removed participant\'s number again', () => {
    let d = emptyDelegation('d', profile)
    for (const id of ['a', 'b', 'c']) d = addParticipant(d, { id, source: 'file', answers: {}, now: T0 })
    d = removeParticipant(d, 'c')
    d = removeParticipant(d, 'a')
    expect(d.participants.map(p => p.id)).toEqual(['b'])
    expect(nextParticipantNumber(d)).toBe(3)
  })

  it('keeps role, name, source, fingerprint and answers; trims them; leaves an empty name out', () => {
    const d = addParticipant(emptyDelegation('d', profile), { id: 'a', source: 'device', answers: { x: level(2) }, role: ' Regulator ', name: '  ', fingerprint: 'f1', now: T1 })
    expect(d.participants[0]).toEqual({ id: 'a', number: 1, role: 'Regulator', source: 'device', fingerprint: 'f1', answers: { x: level(2) }, submitted: true, addedAt: T1, updatedAt: T1 })
    const named = addParticipant(d, { id: 'b', source: 'file', answers: {}, name: ' Ana ', now: T1 })
    expect(named.participants[1]).toMatchObject({ name: 'Ana', role: '' })
    expect(named.participants[1]).not.toHaveProperty('fingerprint')
  })

  it('leaves the delegation it was given untouched', () => {
    const d = emptyDelegation('d', profile)
    addParticipant(d, { id: 'a', source: 'file', answers: {}, now: T0 })
    expect(d.participants).toEqual([])
  })
})

describe('consensus entries', () => {
  const d = (): Delegation => emptyDelegation('d', profile)

  it('sets a choice with a note, then marks it discussed without losing either', () => {
    let next = setConsensusEntry(d(), 'I1', { choice: { kind: 'level', level: 2 }, note: 'Decree of 2024' }, T0)
    expect(next.consensus.I1).toEqual({ choice: { kind: 'level', level: 2 }, note: 'Decree of 2024', discussed: false, updatedAt: T0 })
    next = setConsensusEntry(next, 'I1', { discussed: true }, T1)
    expect(next.consensus.I1).toEqual({ choice: { kind: 'level', level: 2 }, note: 'Decree of 2024', discussed: true, updatedAt: T1 })
  })

  it('goes back to the default answer with a null choice, keeping the note', () => {
    const set = setConsensusEntry(d(), 'I1', { choice: { kind: 'dont_know' }, note: 'n' }, T0)
    const back = setConsensusEntry(set, 'I1', { choice: null }, T1)
    expect(back.consensus.I1).toEqual({ note: 'n', discussed: false, updatedAt: T1 })
  })

  it('changes only the indicator named', () => {
    const one = setConsensusEntry(d(), 'I1', { note: 'a' }, T0)
    const two = setConsensusEntry(one, 'I2', { discussed: true }, T1)
    expect(two.consensus).toEqual({ I1: { note: 'a', discussed: false, updatedAt: T0 }, I2: { note: '', discussed: true, updatedAt: T1 } })
  })
})

describe('delegations', () => {
  it('changes one delegation and leaves the others', () => {
    const w = updateDelegation(workshop(), 'd2', del => setDelegationProfile(del, { ...del.profile, ministry: 'MFA Bhutan' }))
    expect(w.delegations.map(d => d.profile.ministry)).toEqual(['Ministry of Foreign Affairs', 'MFA Bhutan'])
  })

  it('returns the same workshop for an unknown delegation', () => {
    const w = workshop()
    expect(updateDelegation(w, 'nope', del => ({ ...del, participants: [] }))).toBe(w)
  })

  it('removes a delegation but never the last one', () => {
    const one = removeDelegation(workshop(), 'd1')
    expect(one.delegations.map(d => d.id)).toEqual(['d2'])
    expect(removeDelegation(one, 'd2').delegations.map(d => d.id)).toEqual(['d2'])
  })

  it('keeps the roadmap edits and the sign-off given', () => {
    const roadmap = { targets: { alpha: 3 }, dropped: [], details: {}, placements: {}, custom: [] }
    const signOff = { draft: true, preparedBy: 'Facilitator', approvedBy: '', date: '' }
    const d = setDelegationSignOff(setDelegationRoadmap(emptyDelegation('d', profile), roadmap), signOff)
    expect(d.roadmap).toEqual(roadmap)
    expect(d.signOff).toEqual(signOff)
  })
})

import { describe, expect, it } from 'vitest'
import { emptyProfile } from '@/domain/profile'
import { createWorkshop, newDelegation } from '@/domain/workshop'
import { appendDelegation, removeDelegation, setDelegationProfile, setDelegationRoadmap, setDelegationSignOff, updateDelegation } from '@/domain/workshop-edits'
import type { Workshop } from '@/domain/workshop-model'

const T0 = '2026-11-29T09:00:00.000Z'
const profile = { ...emptyProfile('2026-11-29'), country: 'NPL', ministry: 'Ministry of Foreign Affairs', unit: 'Tech unit' }

function workshop(): Workshop {
  return createWorkshop({
    id: 'w1', title: 'Regional workshop', questionnaireKey: 'mini@1.0.0', questionnaire: { id: 'mini', version: '1.0.0' },
    locale: 'en', delegations: [{ id: 'd1', profile }, { id: 'd2', profile: { ...profile, country: 'BTN', ministry: 'MFA' } }], now: T0,
  })
}

describe('delegation edits', () => {
  it('changes one delegation and leaves the others', () => {
    const w = updateDelegation(workshop(), 'd2', del => setDelegationProfile(del, { ...del.profile, ministry: 'MFA Bhutan' }))
    expect(w.delegations.map(d => d.profile.ministry)).toEqual(['Ministry of Foreign Affairs', 'MFA Bhutan'])
  })

  it('returns the same workshop for an unknown delegation', () => {
    const w = workshop()
    expect(updateDelegation(w, 'nope', del => ({ ...del, participants: [] }))).toBe(w)
  })

  it('adds a delegation last, with no participants', () => {
    const w = appendDelegation(workshop(), 'd3', { ...profile, country: 'LAO' })
    expect(w.delegations.map(d => [d.id, d.profile.country, d.participants.length])).toEqual([['d1', 'NPL', 0], ['d2', 'BTN', 0], ['d3', 'LAO', 0]])
  })

  it('removes a delegation but never the last one', () => {
    const one = removeDelegation(workshop(), 'd1')
    expect(one.delegations.map(d => d.id)).toEqual(['d2'])
    expect(removeDelegation(one, 'd2').delegations.map(d => d.id)).toEqual(['d2'])
  })

  it('keeps the roadmap edits and the sign-off given, without changing the delegation it was given', () => {
    const roadmap = { targets: { alpha: 3 }, dropped: [], details: {}, placements: {}, custom: [] }
    const signOff = { draft: true, preparedBy: 'Facilitator', approvedBy: '', date: '' }
    const before = newDelegation('d', profile)
    const d = setDelegationSignOff(setDelegationRoadmap(before, roadmap), signOff)
    expect(d.roadmap).toEqual(roadmap)
    expect(d.signOff).toEqual(signOff)
    expect(before.signOff).toBeUndefined()
    expect(before.roadmap.targets).toEqual({})
  })
})

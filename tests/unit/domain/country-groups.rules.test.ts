import { describe, expect, it } from 'vitest'
import { countryGroupFlags, countryGroupsAsOf, type CountryGroups } from '@/domain/country-groups'

/** A hand-made copy of the lists, small enough to read: every expected value below follows from it. */
function groups(asOf: { ldc?: string, lldc?: string, sids?: string } = {}): CountryGroups {
  return {
    about: 'test lists',
    groups: {
      LDC: {
        asOf: asOf.ldc ?? '2026-01-01',
        members: [{ iso3: 'AAA', name: 'A' }, { iso3: 'BBB', name: 'B' }, { iso3: 'CCC', name: 'C' }, { iso3: 'DDD', name: 'D' }],
        scheduledGraduation: [
          { iso3: 'BBB', name: 'B', date: '2026-06-01', status: 'scheduled' },
          { iso3: 'CCC', name: 'C', date: '2026-06-01', status: 'deferral-requested', proposedDate: '2029-06-01' },
          { iso3: 'DDD', name: 'D', date: '2026-06-01', status: 'under-review' },
          { iso3: 'EEE', name: 'E', date: '2020-01-01', status: 'scheduled' },
        ],
      },
      LLDC: { asOf: asOf.lldc ?? '2026-01-01', members: [{ iso3: 'AAA', name: 'A' }] },
      SIDS: { asOf: asOf.sids ?? '2026-01-01', members: [{ iso3: 'BBB', name: 'B' }], associateMembers: [{ iso3: 'FFF', name: 'F' }] },
    },
  }
}

describe('countryGroupsAsOf: the oldest date of the three lists', () => {
  it('is the LLDC date when that list is the oldest', () => {
    expect(countryGroupsAsOf(groups({ ldc: '2026-05-01', lldc: '2025-12-31', sids: '2026-03-01' }))).toBe('2025-12-31')
  })

  it('is the SIDS date when that list is the oldest', () => {
    expect(countryGroupsAsOf(groups({ ldc: '2026-05-01', lldc: '2026-04-01', sids: '2026-03-01' }))).toBe('2026-03-01')
  })

  it('is the LDC date when that list is the oldest', () => {
    expect(countryGroupsAsOf(groups({ ldc: '2024-01-01', lldc: '2026-04-01', sids: '2026-03-01' }))).toBe('2024-01-01')
  })
})

describe('countryGroupFlags', () => {
  it('an LDC that is also landlocked, with no graduation, gets both flags and no note', () => {
    expect(countryGroupFlags(groups(), 'AAA', '2026-01-01')).toEqual({ ldc: true, lldc: true, sids: false, notes: [] })
  })

  it('a scheduled graduation still ahead keeps the LDC flag, with a note giving the date', () => {
    expect(countryGroupFlags(groups(), 'BBB', '2026-05-31')).toEqual({ ldc: true, lldc: false, sids: true, notes: [{ kind: 'graduation-scheduled', date: '2026-06-01' }] })
  })

  it('a scheduled graduation on its very date clears the LDC flag, with a note to verify', () => {
    expect(countryGroupFlags(groups(), 'BBB', '2026-06-01')).toEqual({ ldc: false, lldc: false, sids: true, notes: [{ kind: 'graduation-date-passed', date: '2026-06-01' }] })
  })

  it('a graduation that is not "scheduled" keeps the LDC flag even after its date, with the proposed new date', () => {
    expect(countryGroupFlags(groups(), 'CCC', '2027-01-01')).toEqual({ ldc: true, lldc: false, sids: false, notes: [{ kind: 'graduation-uncertain', date: '2026-06-01', proposedDate: '2029-06-01' }] })
  })

  it('an uncertain graduation without a proposed date has no proposedDate field', () => {
    expect(countryGroupFlags(groups(), 'DDD', '2026-01-01').notes).toEqual([{ kind: 'graduation-uncertain', date: '2026-06-01' }])
  })

  it('a graduation entry for a country not on the LDC list adds no note and no flag', () => {
    expect(countryGroupFlags(groups(), 'EEE', '2026-01-01')).toEqual({ ldc: false, lldc: false, sids: false, notes: [] })
  })

  it('an associate member of a regional commission counts as SIDS', () => {
    expect(countryGroupFlags(groups(), 'FFF', '2026-01-01')).toEqual({ ldc: false, lldc: false, sids: true, notes: [] })
  })
})

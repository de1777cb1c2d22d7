import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { countryGroupFlags, countryGroupsAsOf, countryGroupsSchema } from '@/domain/country-groups'

/** SHA-256 of the lists as checked against the UN sources on 2026-11-22. */
const REVIEWED_SHA256 = '6bec3d1844d2c6f1ef4bd3e8e534752a0e86d668f4e4d35e3a328e8066193aac'
const bundled = countryGroupsSchema.parse(JSON.parse(readFileSync(new URL('../../../src/data/reference/un-country-groups.json', import.meta.url), 'utf8')))

describe('UN country groups', () => {
  it('is byte for byte the reviewed copy of the UN lists (see src/data/reference/README.md)', () => {
    // A deliberate update of the lists changes this hash in the same commit, after the counts below are re-checked.
    const bytes = readFileSync(new URL('../../../src/data/reference/un-country-groups.json', import.meta.url))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(REVIEWED_SHA256)
  })

  it('reports the date the lists were checked', () => {
    expect(countryGroupsAsOf(bundled)).toBe('2026-11-22')
  })

  it('has 44 LDCs, 32 LLDCs and 37 SIDS members', () => {
    expect(bundled.groups.LDC.members).toHaveLength(44)
    expect(bundled.groups.LLDC.members).toHaveLength(32)
    expect(bundled.groups.SIDS.members).toHaveLength(37)
  })

  it('flags a landlocked LDC', () => {
    expect(countryGroupFlags(bundled, 'BFA', '2026-11-23')).toEqual({ ldc: true, lldc: true, sids: false, notes: [] })
  })

  it('flags a small island LDC and notes its scheduled graduation', () => {
    expect(countryGroupFlags(bundled, 'SLB', '2026-11-23')).toEqual({ ldc: true, lldc: false, sids: true, notes: [{ kind: 'graduation-scheduled', date: '2027-12-13' }] })
  })

  it('clears the LDC flag once a scheduled graduation date has passed, with a note to verify', () => {
    expect(countryGroupFlags(bundled, 'LAO', '2026-11-24')).toMatchObject({ ldc: false, lldc: true, notes: [{ kind: 'graduation-date-passed', date: '2026-11-24' }] })
    expect(countryGroupFlags(bundled, 'LAO', '2026-11-23').ldc).toBe(true)
  })

  it('keeps the LDC flag when a graduation is uncertain (deferral requested)', () => {
    expect(countryGroupFlags(bundled, 'BGD', '2026-12-01')).toMatchObject({ ldc: true, notes: [{ kind: 'graduation-uncertain', date: '2026-11-24', proposedDate: '2029-11-24' }] })
  })

  it('counts associate members of regional commissions as SIDS', () => {
    expect(countryGroupFlags(bundled, 'AIA', '2026-11-23').sids).toBe(true)
  })

  it('flags nothing for a country in no group', () => {
    expect(countryGroupFlags(bundled, 'FRA', '2026-11-23')).toEqual({ ldc: false, lldc: false, sids: false, notes: [] })
  })
})

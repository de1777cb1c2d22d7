import { describe, expect, it } from 'vitest'
import { emptyProfile, isProfileComplete, PROFILE_ERRORS, profileFormSchema } from '@/domain/profile'

const TODAY = '2026-11-23'
const valid = { ...emptyProfile(TODAY), country: 'NPL', ministry: 'Ministry of Foreign Affairs', unit: 'Policy Planning Division', missionsAbroad: '40' }
const long = 'x'.repeat(201)

function parse(values: Record<string, unknown>) {
  return profileFormSchema(TODAY).safeParse({ ...valid, ...values })
}
function errorsFor(values: Record<string, unknown>): Record<string, string[]> {
  const result = parse(values)
  return result.success ? {} : (result.error.flatten().fieldErrors as Record<string, string[]>)
}
function parsed(values: Record<string, unknown>) {
  const result = parse(values)
  if (!result.success) throw new Error(JSON.stringify(result.error.flatten()))
  return result.data
}
function without(key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...valid }
  delete copy[key]
  return copy
}
function errorsWithout(key: string): Record<string, string[]> {
  const result = profileFormSchema(TODAY).safeParse(without(key))
  return result.success ? {} : (result.error.flatten().fieldErrors as Record<string, string[]>)
}

describe('profile form: missing fields get their own code', () => {
  it('a missing country is "country required"', () => {
    expect(errorsWithout('country').country).toEqual([PROFILE_ERRORS.countryRequired])
  })

  it('a missing ministry is "ministry required"', () => {
    expect(errorsWithout('ministry').ministry).toEqual([PROFILE_ERRORS.ministryRequired])
  })

  it('a missing unit is "unit required"', () => {
    expect(errorsWithout('unit').unit).toEqual([PROFILE_ERRORS.unitRequired])
  })

  it('a missing date is "date required"', () => {
    expect(errorsWithout('date').date).toEqual([PROFILE_ERRORS.dateRequired])
  })

  it('a blank unit (spaces only) is "unit required"', () => {
    expect(errorsFor({ unit: '  ' }).unit).toEqual([PROFILE_ERRORS.unitRequired])
  })
})

describe('profile form: text length', () => {
  it('accepts a ministry of exactly 200 characters', () => {
    expect(errorsFor({ ministry: 'x'.repeat(200) })).toEqual({})
  })

  it('refuses a ministry of 201 characters as too long', () => {
    expect(errorsFor({ ministry: long }).ministry).toEqual([PROFILE_ERRORS.textTooLong])
  })

  it('refuses a unit of 201 characters as too long', () => {
    expect(errorsFor({ unit: long }).unit).toEqual([PROFILE_ERRORS.textTooLong])
  })

  it('refuses a respondent role of 201 characters as too long', () => {
    expect(errorsFor({ respondentRole: long }).respondentRole).toEqual([PROFILE_ERRORS.textTooLong])
  })

  it('measures the length after trimming spaces', () => {
    expect(errorsFor({ respondentRole: ` ${'x'.repeat(200)} ` })).toEqual({})
  })

  it('trims the texts it keeps', () => {
    expect(parsed({ ministry: '  MFA ', unit: ' Unit ', respondentRole: ' Director ' })).toMatchObject({ ministry: 'MFA', unit: 'Unit', respondentRole: 'Director' })
  })

  it('refuses a regional organisation name of 201 characters as too long', () => {
    expect(errorsFor({ regionalOrganisations: [long] }).regionalOrganisations).toEqual([PROFILE_ERRORS.textTooLong])
  })

  it('refuses a blank regional organisation name', () => {
    expect(parse({ regionalOrganisations: ['  '] }).success).toBe(false)
  })

  it('trims regional organisation names', () => {
    expect(parsed({ regionalOrganisations: [' AU '] }).regionalOrganisations).toEqual(['AU'])
  })

  it('accepts 50 regional organisations and refuses 51', () => {
    expect(parse({ regionalOrganisations: Array.from({ length: 50 }, (_, i) => `O${i}`) }).success).toBe(true)
    expect(parse({ regionalOrganisations: Array.from({ length: 51 }, (_, i) => `O${i}`) }).success).toBe(false)
  })
})

describe('profile form: dates', () => {
  it('refuses a month that does not exist (13) as invalid, without failing', () => {
    expect(errorsFor({ date: '2026-13-01' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })

  it('refuses a date that is not written YYYY-MM-DD', () => {
    expect(errorsFor({ date: '23/11/2026' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })

  it('refuses a date with text before it', () => {
    expect(errorsFor({ date: 'x2026-11-01' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })

  it('accepts 29 February in a leap year', () => {
    expect(errorsFor({ date: '2024-02-29' })).toEqual({})
  })

  it('refuses 29 February in a common year', () => {
    expect(errorsFor({ date: '2025-02-29' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })

  it('calls a non-existent date invalid, not "in the future", even when it sorts after today', () => {
    expect(errorsFor({ date: '2026-11-31' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })
})

describe('profile form: number of missions', () => {
  it('reads a missing count as unknown', () => {
    expect(parsed({ missionsAbroad: undefined }).missionsAbroad).toBeNull()
  })

  it('reads null as unknown', () => {
    expect(parsed({ missionsAbroad: null }).missionsAbroad).toBeNull()
  })

  it('reads spaces as unknown', () => {
    expect(parsed({ missionsAbroad: '   ' }).missionsAbroad).toBeNull()
  })

  it('accepts a number as well as text', () => {
    expect(parsed({ missionsAbroad: 12 }).missionsAbroad).toBe(12)
  })

  it('ignores spaces around the count', () => {
    expect(parsed({ missionsAbroad: ' 7 ' }).missionsAbroad).toBe(7)
  })

  it('accepts exactly 1000', () => {
    expect(parsed({ missionsAbroad: '1000' }).missionsAbroad).toBe(1000)
  })

  it('refuses 1001 as too large', () => {
    expect(errorsFor({ missionsAbroad: '1001' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsTooLarge])
  })

  it('refuses text after the digits', () => {
    expect(errorsFor({ missionsAbroad: '12a' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsWholeNumber])
  })

  it('refuses text before the digits', () => {
    expect(errorsFor({ missionsAbroad: 'a12' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsWholeNumber])
  })

  it('refuses -1 as negative', () => {
    expect(errorsFor({ missionsAbroad: '-1' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsNegative])
  })

  it('reads a count of several digits as that number', () => {
    expect(parsed({ missionsAbroad: '123' }).missionsAbroad).toBe(123)
  })
})

describe('profile form: defaults of optional fields', () => {
  const minimal = { country: 'NPL', ministry: 'MFA', unit: 'Unit', date: TODAY }

  it('gives every optional field its neutral value', () => {
    const result = profileFormSchema(TODAY).safeParse(minimal)
    expect(result.success && result.data).toEqual({
      ...minimal,
      respondentRole: '',
      missionsAbroad: null,
      geneva: null,
      newYork: null,
      regionalOrganisations: [],
      ldc: false,
      lldc: false,
      sids: false,
      smallServiceOverride: null,
    })
  })

  it('keeps the mission kinds chosen', () => {
    expect(parsed({ geneva: 'shared', newYork: 'own' })).toMatchObject({ geneva: 'shared', newYork: 'own' })
  })

  it('refuses an unknown mission kind', () => {
    expect(parse({ geneva: 'embassy' }).success).toBe(false)
  })

  it('keeps the flags set', () => {
    expect(parsed({ ldc: true, lldc: true, sids: true, smallServiceOverride: false })).toMatchObject({ ldc: true, lldc: true, sids: true, smallServiceOverride: false })
  })
})

describe('empty profile', () => {
  it('has every field empty, unknown or unset, and the given date', () => {
    expect(emptyProfile('2026-01-31')).toEqual({
      country: '', ministry: '', unit: '', respondentRole: '', date: '2026-01-31', missionsAbroad: null, geneva: null, newYork: null,
      regionalOrganisations: [], ldc: false, lldc: false, sids: false, smallServiceOverride: null,
    })
  })
})

describe('profile form: mission count problems are ordinary validation issues', () => {
  const issue = (missionsAbroad: string) => {
    const result = parse({ missionsAbroad })
    return result.success ? null : result.error.issues[0]
  }

  it('a count that is not a whole number is a custom issue on the field', () => {
    expect(issue('1.5')).toMatchObject({ code: 'custom', path: ['missionsAbroad'], message: PROFILE_ERRORS.missionsWholeNumber })
  })

  it('a negative count is a custom issue on the field', () => {
    expect(issue('-2')).toMatchObject({ code: 'custom', path: ['missionsAbroad'], message: PROFILE_ERRORS.missionsNegative })
  })

  it('a count above 1000 is a custom issue on the field', () => {
    expect(issue('2000')).toMatchObject({ code: 'custom', path: ['missionsAbroad'], message: PROFILE_ERRORS.missionsTooLarge })
  })
})

describe('profile completeness', () => {
  it('a stored profile without a country is incomplete', () => {
    expect(isProfileComplete({ ...valid, missionsAbroad: null, country: '' }, TODAY)).toBe(false)
  })

  it('a stored profile dated tomorrow is incomplete', () => {
    expect(isProfileComplete({ ...valid, missionsAbroad: null, date: '2026-11-24' }, TODAY)).toBe(false)
  })
})

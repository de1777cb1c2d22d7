import { describe, expect, it } from 'vitest'
import { emptyProfile, isProfileComplete, isSmallService, PROFILE_ERRORS, profileFormSchema } from '@/domain/profile'

const TODAY = '2026-11-23'
const valid = {
  ...emptyProfile(TODAY),
  country: 'NPL',
  ministry: 'Ministry of Foreign Affairs',
  unit: 'Policy Planning Division',
  missionsAbroad: '40',
}

function errorsFor(values: Record<string, unknown>): Record<string, string[]> {
  const result = profileFormSchema(TODAY).safeParse({ ...valid, ...values })
  return result.success ? {} : (result.error.flatten().fieldErrors as Record<string, string[]>)
}

describe('profile form rules', () => {
  it('accepts a complete profile and turns the mission count into a number', () => {
    const result = profileFormSchema(TODAY).safeParse(valid)
    expect(result.success && result.data.missionsAbroad).toBe(40)
  })

  it('requires a country', () => {
    expect(errorsFor({ country: '' }).country).toEqual([PROFILE_ERRORS.countryRequired])
  })

  it('requires the ministry, ignoring spaces', () => {
    expect(errorsFor({ ministry: '   ' }).ministry).toEqual([PROFILE_ERRORS.ministryRequired])
  })

  it('requires the unit', () => {
    expect(errorsFor({ unit: '' }).unit).toEqual([PROFILE_ERRORS.unitRequired])
  })

  it('leaves the respondent role optional', () => {
    expect(errorsFor({ respondentRole: '' })).toEqual({})
  })

  it('requires a date', () => {
    expect(errorsFor({ date: '' }).date).toEqual([PROFILE_ERRORS.dateRequired])
  })

  it('refuses a date that does not exist', () => {
    expect(errorsFor({ date: '2026-02-30' }).date).toEqual([PROFILE_ERRORS.dateInvalid])
  })

  it('refuses a date in the future', () => {
    expect(errorsFor({ date: '2026-11-24' }).date).toEqual([PROFILE_ERRORS.dateInFuture])
  })

  it('accepts today and past dates', () => {
    expect(errorsFor({ date: TODAY })).toEqual({})
    expect(errorsFor({ date: '2019-06-03' })).toEqual({})
  })

  it('accepts an empty mission count as unknown', () => {
    const result = profileFormSchema(TODAY).safeParse({ ...valid, missionsAbroad: '' })
    expect(result.success && result.data.missionsAbroad).toBeNull()
  })

  it('refuses a mission count that is not a whole number', () => {
    expect(errorsFor({ missionsAbroad: '12.5' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsWholeNumber])
    expect(errorsFor({ missionsAbroad: 'twelve' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsWholeNumber])
  })

  it('refuses a negative mission count', () => {
    expect(errorsFor({ missionsAbroad: '-3' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsNegative])
  })

  it('refuses an implausible mission count', () => {
    expect(errorsFor({ missionsAbroad: '5000' }).missionsAbroad).toEqual([PROFILE_ERRORS.missionsTooLarge])
  })

  it('accepts zero missions', () => {
    expect(errorsFor({ missionsAbroad: '0' })).toEqual({})
  })

  it('tells whether a stored profile is complete', () => {
    expect(isProfileComplete({ ...valid, missionsAbroad: 40 }, TODAY)).toBe(true)
    expect(isProfileComplete({ ...valid, missionsAbroad: 40, ministry: '' }, TODAY)).toBe(false)
  })
})

describe('small foreign service', () => {
  it('is derived from fewer than 30 resident missions', () => {
    expect(isSmallService({ missionsAbroad: 29, smallServiceOverride: null }, 30)).toBe(true)
    expect(isSmallService({ missionsAbroad: 30, smallServiceOverride: null }, 30)).toBe(false)
  })

  it('is not assumed when the number of missions is unknown', () => {
    expect(isSmallService({ missionsAbroad: null, smallServiceOverride: null }, 30)).toBe(false)
  })

  it('follows the user\'s own answer over the derived one', () => {
    expect(isSmallService({ missionsAbroad: 80, smallServiceOverride: true }, 30)).toBe(true)
    expect(isSmallService({ missionsAbroad: 5, smallServiceOverride: false }, 30)).toBe(false)
  })
})

import { z } from 'zod'
import { isRealDate, optionalDateSchema } from './input-rules'

/** How the country is represented at a multilateral seat: its own mission, a shared/pooled one, or none. */
export const MISSION_KINDS = ['own', 'shared', 'none'] as const
export type MissionKind = (typeof MISSION_KINDS)[number]

/**
 * Error messages are stable codes (e.g. `profile.errors.ministryRequired`), not sentences:
 * the UI translates them, so the same rule speaks every language.
 */
export const PROFILE_ERRORS = {
  countryRequired: 'profile.errors.countryRequired',
  ministryRequired: 'profile.errors.ministryRequired',
  unitRequired: 'profile.errors.unitRequired',
  dateRequired: 'profile.errors.dateRequired',
  dateInvalid: 'profile.errors.dateInvalid',
  dateInFuture: 'profile.errors.dateInFuture',
  missionsWholeNumber: 'profile.errors.missionsWholeNumber',
  missionsNegative: 'profile.errors.missionsNegative',
  missionsTooLarge: 'profile.errors.missionsTooLarge',
  textTooLong: 'profile.errors.textTooLong',
} as const

const MAX_TEXT = 200

/** The context profile as stored: every field present, possibly empty while the user is still filling it in. */
export const profileSchema = z.object({
  /** ISO 3166-1 alpha-3 code, '' while not chosen. */
  country: z.string().regex(/^([A-Z]{3})?$/, 'value.format'),
  ministry: z.string().max(MAX_TEXT, 'value.tooLong'),
  unit: z.string().max(MAX_TEXT, 'value.tooLong'),
  respondentRole: z.string().max(MAX_TEXT, 'value.tooLong'),
  /** Assessment date, YYYY-MM-DD (a real calendar day), '' while not chosen. */
  date: optionalDateSchema,
  /** Number of resident missions abroad; null while unknown. */
  missionsAbroad: z.number().int().min(0).max(1000).nullable(),
  geneva: z.enum(MISSION_KINDS).nullable(),
  newYork: z.enum(MISSION_KINDS).nullable(),
  regionalOrganisations: z.array(z.string().max(MAX_TEXT, 'value.tooLong')).max(50),
  ldc: z.boolean(),
  lldc: z.boolean(),
  sids: z.boolean(),
  /** The user's own answer to "small foreign service?"; null means derive it from the number of missions. */
  smallServiceOverride: z.boolean().nullable(),
}).strict()

export type Profile = z.infer<typeof profileSchema>

export function emptyProfile(date: string): Profile {
  return {
    country: '',
    ministry: '',
    unit: '',
    respondentRole: '',
    date,
    missionsAbroad: null,
    geneva: null,
    newYork: null,
    regionalOrganisations: [],
    ldc: false,
    lldc: false,
    sids: false,
    smallServiceOverride: null,
  }
}

/**
 * The validation rules of the profile form, for a given "today" (YYYY-MM-DD; the domain has no clock).
 * Missions arrive as text from the form and leave as a number (or null when left empty).
 */
export function profileFormSchema(today: string) {
  const required = (code: string) => z.string({ required_error: code }).trim().min(1, code).max(MAX_TEXT, PROFILE_ERRORS.textTooLong)
  return z.object({
    country: z.string({ required_error: PROFILE_ERRORS.countryRequired }).min(1, PROFILE_ERRORS.countryRequired),
    ministry: required(PROFILE_ERRORS.ministryRequired),
    unit: required(PROFILE_ERRORS.unitRequired),
    respondentRole: z.string().trim().max(MAX_TEXT, PROFILE_ERRORS.textTooLong).default(''),
    date: z
      .string({ required_error: PROFILE_ERRORS.dateRequired })
      .min(1, PROFILE_ERRORS.dateRequired)
      .refine(value => value === '' || isRealDate(value), PROFILE_ERRORS.dateInvalid)
      .refine(value => !isRealDate(value) || value <= today, PROFILE_ERRORS.dateInFuture),
    missionsAbroad: z
      .union([z.string(), z.number(), z.null(), z.undefined()])
      .transform((value, ctx): number | null => {
        if (value === null || value === undefined || String(value).trim() === '') return null
        const text = String(value).trim()
        if (!/^-?\d+$/.test(text)) {
          ctx.addIssue({ code: 'custom', message: PROFILE_ERRORS.missionsWholeNumber })
          return z.NEVER
        }
        const n = Number(text)
        if (n < 0) {
          ctx.addIssue({ code: 'custom', message: PROFILE_ERRORS.missionsNegative })
          return z.NEVER
        }
        if (n > 1000) {
          ctx.addIssue({ code: 'custom', message: PROFILE_ERRORS.missionsTooLarge })
          return z.NEVER
        }
        return n
      }),
    geneva: z.enum(MISSION_KINDS).nullable().default(null),
    newYork: z.enum(MISSION_KINDS).nullable().default(null),
    regionalOrganisations: z.array(z.string().trim().min(1).max(MAX_TEXT, PROFILE_ERRORS.textTooLong)).max(50).default([]),
    ldc: z.boolean().default(false),
    lldc: z.boolean().default(false),
    sids: z.boolean().default(false),
    smallServiceOverride: z.boolean().nullable().default(null),
  })
}

/** Whether the profile is complete enough to start answering (the same rules as the form). */
export function isProfileComplete(profile: Profile, today: string): boolean {
  return profileFormSchema(today).safeParse(profile).success
}

/**
 * Whether the country counts as a small foreign service: the user's own answer when given,
 * else fewer resident missions than the threshold; unknown mission count → not small.
 */
export function isSmallService(profile: Pick<Profile, 'missionsAbroad' | 'smallServiceOverride'>, threshold: number): boolean {
  if (profile.smallServiceOverride !== null) return profile.smallServiceOverride
  return profile.missionsAbroad !== null && profile.missionsAbroad < threshold
}

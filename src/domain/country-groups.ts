import { z } from 'zod'

const memberSchema = z.object({ iso3: z.string(), name: z.string() }).passthrough()
const graduationSchema = z.object({
  iso3: z.string(),
  name: z.string(),
  date: z.string(),
  status: z.string(),
  proposedDate: z.string().optional(),
  note: z.string().optional(),
}).passthrough()

/** The bundled UN lists of LDCs, LLDCs and SIDS (see src/data/reference/un-country-groups.json). */
export const countryGroupsSchema = z.object({
  about: z.string(),
  groups: z.object({
    LDC: z.object({ asOf: z.string(), members: z.array(memberSchema), scheduledGraduation: z.array(graduationSchema).default([]) }).passthrough(),
    LLDC: z.object({ asOf: z.string(), members: z.array(memberSchema) }).passthrough(),
    SIDS: z.object({ asOf: z.string(), members: z.array(memberSchema), associateMembers: z.array(memberSchema).default([]) }).passthrough(),
  }),
}).passthrough()

export type CountryGroups = z.infer<typeof countryGroupsSchema>

/** A fact about the country's LDC status worth showing next to the flag (dates are YYYY-MM-DD). */
export type GroupNote =
  | { kind: 'graduation-scheduled', date: string }
  | { kind: 'graduation-uncertain', date: string, proposedDate?: string }
  | { kind: 'graduation-date-passed', date: string }

/** Pre-filled flags for one country; the user may change every one of them. */
export interface GroupFlags {
  ldc: boolean
  lldc: boolean
  sids: boolean
  notes: GroupNote[]
}

/** The date the lists were last checked: the oldest `asOf` of the three groups. */
export function countryGroupsAsOf(data: CountryGroups): string {
  return [data.groups.LDC.asOf, data.groups.LLDC.asOf, data.groups.SIDS.asOf].sort()[0] ?? data.groups.LDC.asOf
}

/**
 * LDC, LLDC and SIDS flags for a country (ISO alpha-3) on a given date. A scheduled LDC graduation whose date
 * has passed by `onDate` clears the LDC flag (with a note to verify it); an uncertain one keeps it, with a note.
 */
export function countryGroupFlags(data: CountryGroups, iso3: string, onDate: string): GroupFlags {
  const has = (list: ReadonlyArray<{ iso3: string }>) => list.some(m => m.iso3 === iso3)
  let ldc = has(data.groups.LDC.members)
  const notes: GroupNote[] = []
  const graduation = data.groups.LDC.scheduledGraduation.find(g => g.iso3 === iso3)
  if (ldc && graduation) {
    if (graduation.status === 'scheduled' && onDate >= graduation.date) {
      ldc = false
      notes.push({ kind: 'graduation-date-passed', date: graduation.date })
    }
    else if (graduation.status === 'scheduled') notes.push({ kind: 'graduation-scheduled', date: graduation.date })
    else notes.push({ kind: 'graduation-uncertain', date: graduation.date, ...(graduation.proposedDate ? { proposedDate: graduation.proposedDate } : {}) })
  }
  return {
    ldc,
    lldc: has(data.groups.LLDC.members),
    sids: has(data.groups.SIDS.members) || has(data.groups.SIDS.associateMembers),
    notes,
  }
}

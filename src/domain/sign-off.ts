import { z } from 'zod'

/**
 * How the report is to be signed off, set by the user and printed on the report's cover: whether it is still a draft
 * (a "DRAFT" mark on every page), who prepared and who approved it, and the date of approval (YYYY-MM-DD or empty).
 * Every field may be empty: the report then leaves a line to sign by hand.
 */
export const signOffSchema = z.object({
  draft: z.boolean(),
  preparedBy: z.string().max(200),
  approvedBy: z.string().max(200),
  date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')]),
}).strict()
export type SignOff = z.infer<typeof signOffSchema>

/** The sign-off of an assessment that has none yet: not a draft, nothing filled in. */
export function emptySignOff(): SignOff {
  return { draft: false, preparedBy: '', approvedBy: '', date: '' }
}

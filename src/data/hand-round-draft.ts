import { z } from 'zod'
import { answersSchema } from '@/domain/assessment'

/**
 * A participant half-way through "hand the device round": what they typed and where they were. Kept in this tab's
 * session storage, so a reload or a stray click away resumes them, while closing the tab forgets it (the device is
 * shared: unsaved answers do not outlive the session).
 */
const draftSchema = z.object({
  role: z.string().max(200),
  name: z.string().max(200),
  step: z.number().int().min(0),
  answers: answersSchema,
})
export type HandRoundDraft = z.infer<typeof draftSchema>

const keyOf = (workshopId: string, delegationId: string) => `tda:hand-round-draft:${workshopId}:${delegationId}`

/** This tab's session storage, or nothing where the browser refuses it (then drafts are simply not kept). */
function sessionStore(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage
  }
  catch {
    return undefined
  }
}

/** The draft of this workshop and delegation on this tab; nothing when there is none or it cannot be read. */
export function readHandRoundDraft(workshopId: string, delegationId: string, storage = sessionStore()): HandRoundDraft | undefined {
  try {
    const raw = storage?.getItem(keyOf(workshopId, delegationId))
    if (raw === null || raw === undefined) return undefined
    const parsed = draftSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  }
  catch {
    return undefined
  }
}

/** Keeps the draft; `false` when the browser would not store it (full or refused), which only loses the resume. */
export function writeHandRoundDraft(workshopId: string, delegationId: string, draft: HandRoundDraft, storage = sessionStore()): boolean {
  try {
    if (!storage) return false
    storage.setItem(keyOf(workshopId, delegationId), JSON.stringify(draft))
    return true
  }
  catch {
    return false
  }
}

/** Forgets the draft (saved, or discarded). */
export function clearHandRoundDraft(workshopId: string, delegationId: string, storage = sessionStore()): void {
  try {
    storage?.removeItem(keyOf(workshopId, delegationId))
  }
  catch {
    // nothing kept that could be removed
  }
}

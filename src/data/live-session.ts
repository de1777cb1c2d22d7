import { z } from 'zod'
import { answerSchema, type Answers } from '@/domain/assessment'
import { idSchema } from '@/domain/input-rules'
import { emptyOutbox, outboxSchema } from '@/domain/live-outbox'
import { clientIdSchema, joinCodeSchema } from '@/domain/live-protocol'
import { LIVE_SESSION_PREFIX as PREFIX } from './live-session-key'

/**
 * A device's part in a live workshop, kept beside the assessment that holds its answers: the participant's token,
 * the outbox of changes not yet acknowledged, and the answers already put in the outbox. Kept in localStorage, which
 * is written synchronously: a change is on the phone before anything is sent.
 */
export const liveSessionSchema = z.object({
  assessmentId: z.string().min(1).max(100),
  joinCode: joinCodeSchema,
  title: z.string().max(200),
  participantId: clientIdSchema,
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  number: z.number().int().min(1),
  outbox: outboxSchema,
  /** The answers as last put in the outbox: a change is what differs from them. */
  recorded: z.record(idSchema, answerSchema),
  submitted: z.boolean(),
}).strict()
export type LiveSession = z.infer<typeof liveSessionSchema>

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  }
  catch {
    return undefined
  }
}

export function loadLiveSession(assessmentId: string): LiveSession | undefined {
  const text = storage()?.getItem(`${PREFIX}${assessmentId}`)
  if (!text) return undefined
  try {
    const parsed = liveSessionSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  }
  catch {
    return undefined
  }
}

export function saveLiveSession(session: LiveSession): void {
  storage()?.setItem(`${PREFIX}${session.assessmentId}`, JSON.stringify(session))
}

export function newLiveSession(input: Omit<LiveSession, 'outbox' | 'recorded' | 'submitted'>, answers: Answers = {}): LiveSession {
  return { ...input, outbox: emptyOutbox(), recorded: answers, submitted: false }
}

/** A fresh client-generated participant id. */
export function newParticipantId(): string {
  return crypto.randomUUID()
}

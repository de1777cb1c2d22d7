import { z } from 'zod'
import { answerSchema, type Answers } from '@/domain/assessment'
import { idSchema } from '@/domain/input-rules'
import { emptyOutbox, outboxSchema } from '@/domain/live-outbox'
import { clientIdSchema, delegationIdSchema, joinCodeSchema } from '@/domain/live-protocol'
import { LIVE_JOIN_PREFIX, LIVE_SESSION_PREFIX as PREFIX } from './live-session-key'

/**
 * A device's part in a live workshop, kept beside the assessment that holds its answers: the participant's token,
 * the outbox of changes not yet acknowledged, and the answers already put in the outbox. Kept in localStorage, which
 * is written synchronously: a change is on the phone before anything is sent.
 */
export const liveSessionSchema = z.object({
  assessmentId: z.string().min(1).max(100),
  joinCode: joinCodeSchema,
  /** The workshop server's origin (`http://192.168.1.20:8080`); absent in sessions saved before it was kept. */
  origin: z.string().max(300).optional(),
  /** The participant's delegation; absent in sessions saved before workshops had several. */
  delegationId: delegationIdSchema.optional(),
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

/** Where the device notes which of its sessions answers for a workshop: one key per server origin and join code. */
function joinKey(origin: string, joinCode: string): string {
  return `${LIVE_JOIN_PREFIX}${origin} ${joinCode}`
}

/**
 * Notes that on this device, the workshop `joinCode` of the server at `origin` is answered by this session (the
 * participant who joined last here). An earlier participant's session on the device is kept, only no longer resumed.
 */
export function rememberJoin(session: LiveSession & { origin: string }): void {
  storage()?.setItem(joinKey(session.origin, session.joinCode), session.assessmentId)
}

/**
 * The session of the participant this device joined the workshop `joinCode` of the server at `origin` as, so that
 * opening the join link again resumes them; undefined when the device has not joined it (or its session is gone).
 */
export function findJoinedSession(origin: string, joinCode: string): LiveSession | undefined {
  const assessmentId = storage()?.getItem(joinKey(origin, joinCode))
  if (!assessmentId) return undefined
  const session = loadLiveSession(assessmentId)
  return session && session.joinCode === joinCode && session.origin === origin ? session : undefined
}

/** Stops resuming a session for this workshop (its assessment was deleted, or the server no longer knows it); the session itself stays. */
export function forgetJoin(origin: string, joinCode: string): void {
  storage()?.removeItem(joinKey(origin, joinCode))
}

/** A fresh client-generated participant id. */
export function newParticipantId(): string {
  return crypto.randomUUID()
}

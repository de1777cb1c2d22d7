import { z } from 'zod'
import { answerSchema, type Answer } from './assessment'
import { idSchema } from './input-rules'
import type { LiveAnswerChange } from './live-protocol'

/**
 * A live participant's outbox: every answer change gets the next version number of its indicator and waits here
 * (saved on the phone) until the server acknowledges that version. Only the latest change of an indicator is kept
 * and sent: the server keeps the highest version, so an older one would change nothing. A change sent twice (a
 * reply lost in a network cut) is acknowledged twice and applied once.
 */
export const outboxSchema = z.object({
  /** Indicator id → the last version number given to a change of it (1, 2, 3 …). */
  versions: z.record(idSchema, z.number().int().min(1)),
  /** Indicator id → the change waiting to be acknowledged; `answer: null` clears the answer. */
  pending: z.record(idSchema, z.object({ version: z.number().int().min(1), answer: answerSchema.nullable() }).strict()),
  /** The participant said they are done; sent after every pending change. */
  submitPending: z.boolean(),
}).strict()
export type Outbox = z.infer<typeof outboxSchema>

export function emptyOutbox(): Outbox {
  return { versions: {}, pending: {}, submitPending: false }
}

/** The outbox with one more change of `indicatorId` waiting, numbered one above the last change of that indicator. */
export function recordChange(outbox: Outbox, indicatorId: string, answer: Answer | null): Outbox {
  const version = (Object.hasOwn(outbox.versions, indicatorId) ? outbox.versions[indicatorId]! : 0) + 1
  return {
    ...outbox,
    versions: { ...outbox.versions, [indicatorId]: version },
    pending: { ...outbox.pending, [indicatorId]: { version, answer } },
  }
}

/** What to send now: the pending changes, at most `max` of them, in a stable order (by indicator id). */
export function changesToSend(outbox: Outbox, max = Number.POSITIVE_INFINITY): LiveAnswerChange[] {
  return Object.keys(outbox.pending)
    .sort()
    .slice(0, max)
    .map(indicatorId => ({ indicatorId, version: outbox.pending[indicatorId]!.version, answer: outbox.pending[indicatorId]!.answer }))
}

/**
 * The outbox once the server acknowledged these versions: a pending change leaves when a version at least as high
 * was acknowledged; a newer change made meanwhile stays and goes next time.
 */
export function acknowledge(outbox: Outbox, acknowledged: ReadonlyArray<{ indicatorId: string, version: number }>): Outbox {
  const pending = { ...outbox.pending }
  for (const { indicatorId, version } of acknowledged) {
    const waiting = Object.hasOwn(pending, indicatorId) ? pending[indicatorId] : undefined
    if (waiting !== undefined && waiting.version <= version) delete pending[indicatorId]
  }
  return { ...outbox, pending }
}

/** Whether nothing waits to be sent (changes or the submission). */
export function isOutboxEmpty(outbox: Outbox): boolean {
  return Object.keys(outbox.pending).length === 0 && !outbox.submitPending
}

/**
 * Versions already on the server (after the phone lost its outbox, e.g. on a new device with the same
 * participant): each indicator's next change is numbered above them, so it is not taken for a replay.
 */
export function mergeServerVersions(outbox: Outbox, server: Readonly<Record<string, number>>): Outbox {
  const versions = { ...outbox.versions }
  for (const [id, version] of Object.entries(server)) {
    const own = Object.hasOwn(versions, id) ? versions[id]! : 0
    if (version > own) versions[id] = version
  }
  return { ...outbox, versions }
}

/** How the phone describes its link to the workshop: everything sent, sending, waiting for the network, or refused. */
export type SyncStatus = 'sent' | 'sending' | 'offline' | 'refused'

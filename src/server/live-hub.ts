import type { ParticipantsChanged, WorkshopChanged } from '../domain/live-protocol'
import type { Database } from './database'
import { EVENTS_CHANNEL, type ParticipantRow, type Repository, type WorkshopEvent } from './repository'
import { participantOf, participantStatesOf } from './workshop-view'

/** One open live stream (a facilitator's screen): receives named events with JSON data. */
export interface Subscriber {
  send(event: string, data: unknown): void
  end(): void
}

/** How long participant changes are gathered before one read and one event: many answers in a burst cost one query. */
const GATHER_MS = 100

/**
 * Fans the database's notifications out to the live streams open on this process. What reaches a screen is read
 * back from the database after the notification (never taken from this process's memory), so a change written
 * through another process arrives the same way as one written here.
 */
export async function createLiveHub(db: Database, repository: Repository) {
  const subscribers = new Map<string, Set<Subscriber>>()
  const pending = new Map<string, Set<string>>()
  const deletionListeners: Array<(workshopId: string) => void> = []

  async function flushParticipants(workshopId: string): Promise<void> {
    const ids = pending.get(workshopId)
    pending.delete(workshopId)
    const listeners = subscribers.get(workshopId)
    if (!ids || !listeners || listeners.size === 0) return
    const rows = await repository.participants(workshopId, { ids: [...ids] })
    const byDelegation = new Map<string, ParticipantRow[]>()
    for (const row of rows) byDelegation.set(row.delegationId, [...(byDelegation.get(row.delegationId) ?? []), row])
    // One event per delegation touched, so a screen merges each into its own delegation.
    for (const [delegationId, people] of byDelegation) {
      const data: ParticipantsChanged = { delegationId, participants: people.map(participantOf), states: participantStatesOf(people) }
      for (const listener of listeners) listener.send('participants', data)
    }
  }

  async function onEvent(event: WorkshopEvent): Promise<void> {
    if (event.kind === 'deleted') for (const listener of deletionListeners) listener(event.workshopId)
    const listeners = subscribers.get(event.workshopId)
    if (!listeners || listeners.size === 0) return
    if (event.kind === 'participant') {
      const ids = pending.get(event.workshopId)
      if (ids) {
        ids.add(event.participantId)
        return
      }
      pending.set(event.workshopId, new Set([event.participantId]))
      setTimeout(() => { flushParticipants(event.workshopId).catch(() => undefined) }, GATHER_MS)
      return
    }
    if (event.kind === 'deleted') {
      for (const listener of listeners) {
        listener.send('deleted', {})
        listener.end()
      }
      subscribers.delete(event.workshopId)
      return
    }
    const row = await repository.workshopById(event.workshopId)
    if (!row) return
    const delegations = await repository.delegations(event.workshopId)
    const data: WorkshopChanged = { closed: row.closed, spreadAllowed: row.spreadAllowed, consensus: Object.fromEntries(delegations.map(delegation => [delegation.id, delegation.consensus])) }
    for (const listener of listeners) listener.send('workshop', data)
  }

  await db.listen(EVENTS_CHANNEL, (payload) => {
    let event: WorkshopEvent
    try {
      event = JSON.parse(payload) as WorkshopEvent
    }
    catch {
      return
    }
    onEvent(event).catch(() => undefined)
  })

  return {
    subscribe(workshopId: string, subscriber: Subscriber): () => void {
      const set = subscribers.get(workshopId) ?? new Set<Subscriber>()
      set.add(subscriber)
      subscribers.set(workshopId, set)
      return () => {
        set.delete(subscriber)
        if (set.size === 0) subscribers.delete(workshopId)
      }
    },
    /** Calls `listener` when a workshop is deleted, by this process or another. */
    onDeleted(listener: (workshopId: string) => void): void {
      deletionListeners.push(listener)
    },
    /** Open streams on this process (for the shutdown and the tests). */
    get size(): number {
      let n = 0
      for (const set of subscribers.values()) n += set.size
      return n
    },
  }
}

export type LiveHub = Awaited<ReturnType<typeof createLiveHub>>

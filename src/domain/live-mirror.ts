import { isSameJson } from './revision'
import { WORKSHOP_LIMITS, type ConsensusEntry, type Delegation, type Participant, type Workshop } from './workshop-model'

/**
 * The facilitator's copy of a live workshop: the workshop server holds the participants' answers and the consensus
 * sent to it; the facilitator's browser keeps the same workshop (same id) as an ordinary saved workshop, so every
 * workshop screen, the PDF and the file export work on it, and nothing is lost if the server's laptop stops. These
 * rules say how what the server sends is applied to that copy, and which consensus entries it has not yet received.
 */

/** Consensus of every delegation: delegation id → indicator id → entry. */
export type DelegationConsensus = Record<string, Record<string, ConsensusEntry>>

/** What the server says about the room beside the workshop (its `LiveStatus`, without the per-participant states). */
export interface LiveRoom {
  joinBases: string[]
  joinCode: string
  closed: boolean
  spreadAllowed: boolean
}

/** The stream's first message, and the one after every reconnection: every delegation, and the room. */
export interface LiveSnapshot {
  workshop: Workshop
  live: LiveRoom
}

/** Participants of one delegation that changed (joined, answered, submitted): only those, never a removal. */
export interface LiveParticipantsChange {
  delegationId: string
  participants: Participant[]
}

/** The room's settings and every delegation's consensus as the server holds them now. */
export interface LiveWorkshopChange {
  closed: boolean
  spreadAllowed: boolean
  consensus: DelegationConsensus
}

/** One consensus entry the server does not have yet (or has an older one of). */
export interface PendingConsensus {
  delegationId: string
  indicatorId: string
  entry: ConsensusEntry
}

/** The later of two entries by `updatedAt`; on a tie the server's (both sides then hold the same change). */
function laterEntry(local: ConsensusEntry | undefined, server: ConsensusEntry | undefined): ConsensusEntry | undefined {
  if (local === undefined) return server
  if (server === undefined) return local
  return local.updatedAt > server.updatedAt ? local : server
}

/** Both consensus sets merged per indicator: the later entry wins, ties go to the server. */
export function mergeConsensus(local: Record<string, ConsensusEntry>, server: Record<string, ConsensusEntry>): Record<string, ConsensusEntry> {
  const merged: Record<string, ConsensusEntry> = {}
  for (const indicatorId of new Set([...Object.keys(local), ...Object.keys(server)])) {
    merged[indicatorId] = laterEntry(local[indicatorId], server[indicatorId])!
  }
  return merged
}

/** Participants in number order (P1, P2 …); equal numbers keep their order. */
function byNumber(participants: Participant[]): Participant[] {
  return [...participants].sort((a, b) => a.number - b.number)
}

/** The highest number the server gives a live participant of a delegation (it refuses the next one): P500. */
export const SERVER_NUMBER_TOP = WORKSHOP_LIMITS.participants

/**
 * Live participants keep the server's numbers (their phones show "you are P4"); a participant added on this device
 * (file, QR, hand round) whose number a live participant now holds moves, in number order, to the first number above
 * both every number in use and every number the server gives (P501, then P502 …), so no two participants of a
 * delegation share a label. The server numbers its participants P1, P2 … and never past P500, so a participant moved
 * there never moves again, and one added here after it (numbered above the highest, P502 …) never moves at all:
 * each participant added here changes number at most once, and "P501" keeps meaning the same person in the notes.
 * Moving only to the next number above the others would move it again at every later arrival (P3, P4, P5 …).
 */
function settleNumbers(participants: readonly Participant[]): Participant[] {
  const sorted = byNumber([...participants])
  const liveNumbers = new Set(sorted.filter(p => p.source === 'live').map(p => p.number))
  let next = sorted.reduce<number>((top, p) => Math.max(top, p.number), SERVER_NUMBER_TOP) + 1
  return byNumber(sorted.map(p => (p.source !== 'live' && liveNumbers.has(p.number) ? { ...p, number: next++ } : p)))
}

/**
 * A delegation with the server's live participants: those that came from the server (`source: 'live'`) become
 * exactly the server's list; those the facilitator added here (file, device, QR) stay.
 */
function withLiveParticipants(local: Delegation, live: readonly Participant[]): Participant[] {
  return settleNumbers([...local.participants.filter(p => p.source !== 'live'), ...live.filter(p => p.source === 'live')])
}

/**
 * The facilitator's copy after what the server knows (`server`, a whole workshop): per delegation matched by id, the
 * live participants become the server's, the consensus is merged per indicator by the later `updatedAt` (ties: the
 * server's); delegations only the server has are added; everything else of the copy (title, names shown, profiles,
 * roadmap edits, sign-off, delegations only the copy has, the live marker) stays. Without a copy, the server's
 * workshop itself. `updatedAt` is the later of the two.
 */
export function mergeLiveWorkshop(local: Workshop | undefined, server: Workshop): Workshop {
  if (local === undefined) return server
  const fromServer = new Map(server.delegations.map(d => [d.id, d]))
  const known = new Set(local.delegations.map(d => d.id))
  const delegations = local.delegations.map((delegation) => {
    const theirs = fromServer.get(delegation.id)
    if (!theirs) return delegation
    return { ...delegation, participants: withLiveParticipants(delegation, theirs.participants), consensus: mergeConsensus(delegation.consensus, theirs.consensus) }
  })
  const added = server.delegations.filter(d => !known.has(d.id))
  return { ...local, delegations: [...delegations, ...added], updatedAt: local.updatedAt > server.updatedAt ? local.updatedAt : server.updatedAt }
}

/** The stream's snapshot applied to the copy: the workshop merged, and the room's join code and settings noted. */
export function applyLiveSnapshot(local: Workshop | undefined, snapshot: LiveSnapshot): Workshop {
  const merged = mergeLiveWorkshop(local, snapshot.workshop)
  const { joinBases, joinCode, closed, spreadAllowed } = snapshot.live
  return { ...merged, live: { joinBases: [...joinBases], joinCode, closed, spreadAllowed } }
}

/**
 * Changed participants of one delegation applied to the copy: each replaces the participant of the same id, or is
 * added; the others stay. A delegation the copy does not have changes nothing (the next snapshot brings it whole).
 */
export function applyLiveParticipants(local: Workshop, change: LiveParticipantsChange, now: string): Workshop {
  const target = local.delegations.find(d => d.id === change.delegationId)
  if (!target) return local
  const changed = new Map(change.participants.filter(p => p.source === 'live').map(p => [p.id, p]))
  const kept = target.participants.filter(p => !changed.has(p.id))
  const delegation: Delegation = { ...target, participants: settleNumbers([...kept, ...changed.values()]) }
  return { ...local, delegations: local.delegations.map(d => (d === target ? delegation : d)), updatedAt: now }
}

/** The room's settings and consensus applied to the copy: settings noted in the live marker, consensus merged per delegation. */
export function applyLiveWorkshopChange(local: Workshop, change: LiveWorkshopChange): Workshop {
  const delegations = local.delegations.map((delegation) => {
    const theirs = change.consensus[delegation.id]
    return theirs === undefined ? delegation : { ...delegation, consensus: mergeConsensus(delegation.consensus, theirs) }
  })
  const live = local.live && { ...local.live, closed: change.closed, spreadAllowed: change.spreadAllowed }
  return { ...local, delegations, ...(live ? { live } : {}) }
}

/** The copy after the server said it deleted the workshop: kept whole, marked with when (until the facilitator chooses). */
export function markLiveDeleted(local: Workshop, at: string): Workshop {
  return local.live ? { ...local, live: { ...local.live, deletedAt: at } } : local
}

/** The copy as an ordinary workshop of this browser: the live marker dropped, everything else kept. */
export function detachLiveWorkshop(local: Workshop): Workshop {
  const rest: Workshop = { ...local }
  delete rest.live
  return rest
}

/** Every delegation's consensus of a workshop (delegation id → indicator id → entry). */
export function consensusByDelegation(workshop: Pick<Workshop, 'delegations'>): DelegationConsensus {
  return Object.fromEntries(workshop.delegations.map(d => [d.id, d.consensus]))
}

/**
 * The consensus entries the copy holds that the server lacks or has an older version of (strictly later
 * `updatedAt`), in delegation then indicator order. Only delegations the server has count: one the facilitator added
 * here is not the server's to keep.
 */
export function pendingConsensus(local: Pick<Workshop, 'delegations'>, server: DelegationConsensus): PendingConsensus[] {
  const pending: PendingConsensus[] = []
  for (const delegation of local.delegations) {
    const theirs = server[delegation.id]
    if (theirs === undefined) continue
    for (const [indicatorId, entry] of Object.entries(delegation.consensus)) {
      const known = theirs[indicatorId]
      if (known === undefined || entry.updatedAt > known.updatedAt) pending.push({ delegationId: delegation.id, indicatorId, entry })
    }
  }
  return pending
}

/** Whether a workshop is the copy of a live workshop still on its server (marked live, not deleted there). */
export function isFollowedLive(workshop: Pick<Workshop, 'live'> | undefined): boolean {
  return workshop?.live !== undefined && workshop.live.deletedAt === undefined
}

/** The copy without what the server and the consensus change: the rest must be the same for two copies to merge. */
function restOf(workshop: Workshop): unknown {
  return {
    ...workshop,
    updatedAt: undefined,
    delegations: workshop.delegations.map(d => ({ ...d, consensus: undefined, participants: d.participants.filter(p => p.source !== 'live') })),
  }
}

/** Live participants of both copies by id, the later `updatedAt` of each (ties: `theirs`), then the others of `theirs`. */
function mergeLiveParticipants(mine: readonly Participant[], theirs: readonly Participant[]): Participant[] {
  const merged = new Map(theirs.filter(p => p.source === 'live').map(p => [p.id, p]))
  for (const p of mine) {
    const known = merged.get(p.id)
    if (p.source === 'live' && (known === undefined || p.updatedAt > known.updatedAt)) merged.set(p.id, p)
  }
  return settleNumbers([...theirs.filter(p => p.source !== 'live'), ...merged.values()])
}

/**
 * Two tabs' copies of one live workshop saved at the same moment (one tab following the server writes what it sends,
 * another writes a consensus being typed), merged instead of asking the facilitator to choose: consensus per indicator
 * by the later `updatedAt` (ties: `theirs`), live participants by the later `updatedAt`. Only when the copies differ in
 * nothing else (title, profiles, roadmaps, the room's settings, participants added on this device…) and are both live;
 * otherwise `undefined`: the facilitator chooses, as for any workshop.
 */
export function mergeLiveCopies(mine: Workshop, theirs: Workshop): Workshop | undefined {
  if (mine.live === undefined || theirs.live === undefined) return undefined
  if (!isSameJson(restOf(mine), restOf(theirs))) return undefined
  const delegations = theirs.delegations.map((delegation, i) => {
    const own = mine.delegations[i]!
    return { ...delegation, participants: mergeLiveParticipants(own.participants, delegation.participants), consensus: mergeConsensus(own.consensus, delegation.consensus) }
  })
  return { ...theirs, delegations, updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt }
}

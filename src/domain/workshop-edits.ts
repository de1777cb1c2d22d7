import type { Answers } from './assessment'
import type { Profile } from './profile'
import { emptyRoadmapEdits, type RoadmapEdits } from './roadmap'
import type { SignOff } from './sign-off'
import type { ConsensusChoice, ConsensusEntry, Delegation, Participant, ParticipantSource, Workshop } from './workshop-model'

/**
 * Edits a facilitator makes to a workshop, as functions from one workshop (or delegation) to the next: no clock,
 * no ids made up here (both come in as arguments), nothing changed in place. Aggregation and the consensus default
 * live in `workshop.ts`; these only record what people entered.
 */

export interface NewWorkshopInput {
  id: string
  title: string
  questionnaireKey: string
  questionnaire: { id: string, version: string }
  locale: string
  showNames: boolean
  /** One entry per delegation (at least one): its id and context profile. */
  delegations: ReadonlyArray<{ id: string, profile: Profile }>
  now: string
}

export function createWorkshop(input: NewWorkshopInput): Workshop {
  if (input.delegations.length === 0) throw new Error('a workshop has at least one delegation')
  return {
    id: input.id,
    title: input.title.trim(),
    questionnaireKey: input.questionnaireKey,
    questionnaireId: input.questionnaire.id,
    questionnaireVersion: input.questionnaire.version,
    locale: input.locale,
    showNames: input.showNames,
    delegations: input.delegations.map(d => emptyDelegation(d.id, d.profile)),
    createdAt: input.now,
    updatedAt: input.now,
  }
}

/** A delegation with no participants, no consensus set and no roadmap edits. */
export function emptyDelegation(id: string, profile: Profile): Delegation {
  return { id, profile, participants: [], consensus: {}, roadmap: emptyRoadmapEdits() }
}

/** The workshop with one delegation replaced by `change(delegation)`; unchanged when there is no such delegation. */
export function updateDelegation(workshop: Workshop, delegationId: string, change: (delegation: Delegation) => Delegation): Workshop {
  if (!workshop.delegations.some(d => d.id === delegationId)) return workshop
  return { ...workshop, delegations: workshop.delegations.map(d => (d.id === delegationId ? change(d) : d)) }
}

/** The workshop without one delegation; the last delegation is never removed (a workshop assesses someone). */
export function removeDelegation(workshop: Workshop, delegationId: string): Workshop {
  if (workshop.delegations.length <= 1) return workshop
  return { ...workshop, delegations: workshop.delegations.filter(d => d.id !== delegationId) }
}

/**
 * The number the next participant of a delegation gets: one more than the highest given so far (1 for the first).
 * A removed participant's number is not given again, so "P3" keeps meaning one person in notes taken during the day.
 */
export function nextParticipantNumber(delegation: Pick<Delegation, 'participants'>): number {
  return delegation.participants.reduce((max, p) => Math.max(max, p.number), 0) + 1
}

export interface NewParticipantInput {
  id: string
  source: ParticipantSource
  answers: Answers
  role?: string
  name?: string
  fingerprint?: string
  now: string
}

/** The delegation with one more participant, numbered after the others; role and name are trimmed, an empty name is left out. */
export function addParticipant(delegation: Delegation, input: NewParticipantInput): Delegation {
  const name = input.name?.trim() ?? ''
  const participant: Participant = {
    id: input.id,
    number: nextParticipantNumber(delegation),
    role: (input.role ?? '').trim(),
    ...(name === '' ? {} : { name }),
    source: input.source,
    ...(input.fingerprint === undefined ? {} : { fingerprint: input.fingerprint }),
    answers: input.answers,
    submitted: true,
    addedAt: input.now,
    updatedAt: input.now,
  }
  return { ...delegation, participants: [...delegation.participants, participant] }
}

export function removeParticipant(delegation: Delegation, participantId: string): Delegation {
  return { ...delegation, participants: delegation.participants.filter(p => p.id !== participantId) }
}

/**
 * What the facilitator changes on one indicator's consensus: `choice` sets the agreed answer (`null` goes back to
 * the default), `note` replaces the note, `discussed` marks the item. Fields left out stay as they were.
 */
export interface ConsensusChange {
  choice?: ConsensusChoice | null
  note?: string
  discussed?: boolean
}

export function setConsensusEntry(delegation: Delegation, indicatorId: string, change: ConsensusChange, now: string): Delegation {
  const current: ConsensusEntry | undefined = delegation.consensus[indicatorId]
  const choice = change.choice === undefined ? current?.choice : change.choice ?? undefined
  const entry: ConsensusEntry = {
    ...(choice === undefined ? {} : { choice }),
    note: change.note ?? current?.note ?? '',
    discussed: change.discussed ?? current?.discussed ?? false,
    updatedAt: now,
  }
  return { ...delegation, consensus: { ...delegation.consensus, [indicatorId]: entry } }
}

export function setDelegationProfile(delegation: Delegation, profile: Profile): Delegation {
  return { ...delegation, profile }
}

export function setDelegationRoadmap(delegation: Delegation, roadmap: RoadmapEdits): Delegation {
  return { ...delegation, roadmap }
}

export function setDelegationSignOff(delegation: Delegation, signOff: SignOff): Delegation {
  return { ...delegation, signOff }
}

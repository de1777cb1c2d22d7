import { emptyRoadmapEdits } from '../domain/roadmap'
import { participantState, type LiveParticipantState, type LiveStatus } from '../domain/live-protocol'
import type { Participant, Workshop } from '../domain/workshop-model'
import type { DelegationRow, ParticipantRow, WorkshopRow } from './repository'

/** A stored participant as the shared workshop model has it (a live participant, numbered, anonymous). */
export function participantOf(row: ParticipantRow): Participant {
  return {
    id: row.id,
    number: row.number,
    role: row.role,
    source: 'live',
    answers: row.answers,
    submitted: row.submitted,
    addedAt: row.joinedAt,
    updatedAt: row.updatedAt,
  }
}

/**
 * The stored workshop as the shared model (`workshop-model.ts`): what the facilitator sees and exports. Every
 * delegation, in order, each with its own participants (numbered within it) and consensus.
 */
export function workshopOf(row: WorkshopRow, delegations: readonly DelegationRow[], participants: readonly ParticipantRow[]): Workshop {
  const questionnaireKey = `${row.questionnaireId}@${row.questionnaireVersion}`
  return {
    id: row.id,
    title: row.title,
    questionnaireKey,
    questionnaireId: row.questionnaireId,
    questionnaireVersion: row.questionnaireVersion,
    locale: row.locale,
    showNames: false,
    delegations: delegations.map(delegation => ({
      id: delegation.id,
      profile: delegation.profile,
      participants: participants.filter(p => p.delegationId === delegation.id).map(participantOf),
      consensus: delegation.consensus,
      roadmap: emptyRoadmapEdits(),
    })),
    createdAt: row.createdAt,
    updatedAt: participants.reduce((latest, p) => (p.updatedAt > latest ? p.updatedAt : latest), row.updatedAt),
  }
}

/** Each participant's progress, by participant id. */
export function participantStatesOf(participants: readonly ParticipantRow[]): Record<string, LiveParticipantState> {
  return Object.fromEntries(participants.map(p => [p.id, participantState(Object.keys(p.answers).length, p.submitted)]))
}

export function liveStatusOf(row: WorkshopRow, participants: readonly ParticipantRow[], joinBases: readonly string[] = []): LiveStatus {
  return {
    joinBases: [...joinBases],
    joinCode: row.joinCode,
    closed: row.closed,
    spreadAllowed: row.spreadAllowed,
    states: participantStatesOf(participants),
  }
}

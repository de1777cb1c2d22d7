import { emptyRoadmapEdits } from '../domain/roadmap'
import { participantState, type LiveParticipantState } from '../domain/live-protocol'
import type { Participant, Workshop } from '../domain/workshop-model'
import type { ParticipantRow, WorkshopRow } from './repository'

/** The one delegation of a live workshop (a live room assesses one context profile). */
export const LIVE_DELEGATION_ID = 'live'

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

/** The stored workshop as the shared model (`workshop-model.ts`): what the facilitator sees and exports. */
export function workshopOf(row: WorkshopRow, participants: readonly ParticipantRow[]): Workshop {
  const questionnaireKey = `${row.questionnaireId}@${row.questionnaireVersion}`
  return {
    id: row.id,
    title: row.title,
    questionnaireKey,
    questionnaireId: row.questionnaireId,
    questionnaireVersion: row.questionnaireVersion,
    locale: row.locale,
    showNames: false,
    delegations: [{
      id: LIVE_DELEGATION_ID,
      profile: row.profile,
      participants: participants.map(participantOf),
      consensus: row.consensus,
      roadmap: emptyRoadmapEdits(),
    }],
    createdAt: row.createdAt,
    updatedAt: participants.reduce((latest, p) => (p.updatedAt > latest ? p.updatedAt : latest), row.updatedAt),
  }
}

/** What only a live workshop has beside the model: its join code, whether it is closed, and each participant's progress. */
export interface LiveStatus {
  /** Addresses participants reach this server at (`http://192.168.1.20:8080`), when known; else the page's own. */
  joinBases: string[]
  joinCode: string
  closed: boolean
  spreadAllowed: boolean
  states: Record<string, LiveParticipantState>
}

export function liveStatusOf(row: WorkshopRow, participants: readonly ParticipantRow[], joinBases: readonly string[] = []): LiveStatus {
  return {
    joinBases: [...joinBases],
    joinCode: row.joinCode,
    closed: row.closed,
    spreadAllowed: row.spreadAllowed,
    states: Object.fromEntries(participants.map(p => [p.id, participantState(Object.keys(p.answers).length, p.submitted)])),
  }
}

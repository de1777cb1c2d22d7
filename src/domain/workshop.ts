import type { Answers } from './assessment'
import type { ImportedAssessment } from './assessment-file'
import { importFingerprint } from './import-fingerprint'
import { problem, type Problem } from './problem'
import { emptyProfile, type Profile } from './profile'
import type { Questionnaire } from './questionnaire'
import { emptyRoadmapEdits } from './roadmap'
import { entryOf } from './workshop-spread'
import {
  findDelegation,
  participantLabel,
  WORKSHOP_LIMITS,
  type ConsensusChoice,
  type ConsensusEntry,
  type Delegation,
  type Participant,
  type ParticipantSource,
  type Workshop,
} from './workshop-model'

/**
 * Changing a workshop: creating it with its delegations, adding participants (by hand, by QR, from answers files),
 * removing them, and setting the consensus of an indicator. The spread of answers is in `workshop-spread.ts`, the
 * consensus in `workshop-consensus.ts`; the rules are in docs/method.md ("Workshops").
 */

// ─── changing a workshop ─────────────────────────────────────────────────────────────────────────────────────────

export interface NewWorkshopInput {
  id: string
  title: string
  questionnaireKey: string
  questionnaire: Pick<Questionnaire, 'id' | 'version'>
  locale: string
  /** One delegation per profile (one for a ministry's workshop, one per country for a regional one); ids given by the caller. */
  delegations: ReadonlyArray<{ id: string, profile: Profile }>
  now: string
}

/** A new workshop with its delegations, no participants yet, names hidden. */
export function createWorkshop(input: NewWorkshopInput): Workshop {
  return {
    id: input.id,
    title: input.title,
    questionnaireKey: input.questionnaireKey,
    questionnaireId: input.questionnaire.id,
    questionnaireVersion: input.questionnaire.version,
    locale: input.locale,
    showNames: false,
    delegations: input.delegations.map(d => newDelegation(d.id, d.profile)),
    createdAt: input.now,
    updatedAt: input.now,
  }
}

/** A delegation with no participants, no consensus set and no roadmap edits. */
export function newDelegation(id: string, profile: Profile = emptyProfile('')): Delegation {
  return { id, profile, participants: [], consensus: {}, roadmap: emptyRoadmapEdits() }
}

function withDelegation(workshop: Workshop, delegationId: string, change: (delegation: Delegation) => Delegation, now: string): Workshop {
  return { ...workshop, delegations: workshop.delegations.map(d => (d.id === delegationId ? change(d) : d)), updatedAt: now }
}

/** The number the next participant of a delegation gets: one more than the highest so far (numbers are never reused). */
export function nextParticipantNumber(delegation: Pick<Delegation, 'participants'>): number {
  return delegation.participants.reduce((highest, p) => Math.max(highest, p.number), 0) + 1
}

export interface NewParticipant {
  id: string
  answers: Answers
  source: ParticipantSource
  role?: string
  name?: string
  fingerprint?: string
  submitted?: boolean
  now: string
}

/** The result of adding a participant: the changed workshop and the new participant, or why it was refused. */
export type AddParticipantResult = { ok: true, workshop: Workshop, participant: Participant } | { ok: false, problem: Problem }

/**
 * Adds a participant to a delegation, numbered after the highest number so far. Refused when the delegation is unknown,
 * full, or already has a participant with the same fingerprint (the same answers imported twice).
 */
export function addParticipant(workshop: Workshop, delegationId: string, input: NewParticipant): AddParticipantResult {
  const delegation = findDelegation(workshop, delegationId)
  if (delegation === undefined) return { ok: false, problem: problem('workshop.unknownDelegation', 'delegations', { id: delegationId }) }
  if (input.fingerprint !== undefined) {
    const same = delegation.participants.find(p => p.fingerprint === input.fingerprint)
    if (same) return { ok: false, problem: problem('workshop.alreadyImported', '(file)', { participant: participantLabel(same, workshop.showNames) }) }
  }
  if (delegation.participants.length >= WORKSHOP_LIMITS.participants) {
    return { ok: false, problem: problem('workshop.tooManyParticipants', '(file)', { max: WORKSHOP_LIMITS.participants }) }
  }
  const participant: Participant = {
    id: input.id,
    number: nextParticipantNumber(delegation),
    role: (input.role ?? '').trim().slice(0, WORKSHOP_LIMITS.roleLength),
    ...(input.name !== undefined && input.name.trim() !== '' ? { name: input.name.trim().slice(0, WORKSHOP_LIMITS.nameLength) } : {}),
    source: input.source,
    ...(input.fingerprint !== undefined ? { fingerprint: input.fingerprint } : {}),
    answers: input.answers,
    submitted: input.submitted ?? true,
    addedAt: input.now,
    updatedAt: input.now,
  }
  return { ok: true, participant, workshop: withDelegation(workshop, delegationId, d => ({ ...d, participants: [...d.participants, participant] }), input.now) }
}

export interface ImportedParticipantInput {
  id: string
  now: string
  /** Defaults to the respondent's role in the file's profile. */
  role?: string
  name?: string
}

/**
 * Adds a participant from an imported answers file. Refused, saying which, when the file is for another questionnaire
 * (`workshop.otherQuestionnaire`) or another version of it (`workshop.otherVersion`), and when the same file was already
 * imported (`workshop.alreadyImported`, recognised by its fingerprint).
 */
export function addImportedParticipant(workshop: Workshop, delegationId: string, imported: ImportedAssessment, input: ImportedParticipantInput): AddParticipantResult {
  const file = imported.questionnaire
  if (file.id !== workshop.questionnaireId) {
    return { ok: false, problem: problem('workshop.otherQuestionnaire', 'questionnaire', { id: file.id, version: file.version, expectedId: workshop.questionnaireId, expectedVersion: workshop.questionnaireVersion }) }
  }
  if (file.version !== workshop.questionnaireVersion) {
    return { ok: false, problem: problem('workshop.otherVersion', 'questionnaire', { version: file.version, expectedVersion: workshop.questionnaireVersion }) }
  }
  return addParticipant(workshop, delegationId, {
    id: input.id,
    answers: imported.answers,
    source: 'file',
    role: input.role ?? imported.profile.respondentRole,
    name: input.name,
    fingerprint: importFingerprint(imported),
    now: input.now,
  })
}

/** The workshop without one participant (the others keep their numbers, so "P3" still means the same person). */
export function removeParticipant(workshop: Workshop, delegationId: string, participantId: string, now: string): Workshop {
  return withDelegation(workshop, delegationId, d => ({ ...d, participants: d.participants.filter(p => p.id !== participantId) }), now)
}

/** What the facilitator sets for one indicator; absent fields keep their current value, `choice: null` goes back to the default. */
export interface ConsensusChange {
  choice?: ConsensusChoice | null
  note?: string
  discussed?: boolean
}

/** Sets the consensus of one indicator: choosing an answer or writing a note marks the item as discussed unless told otherwise. */
export function setConsensus(workshop: Workshop, delegationId: string, indicatorId: string, change: ConsensusChange, now: string): Workshop {
  return withDelegation(workshop, delegationId, (d) => {
    const current = entryOf(d.consensus, indicatorId)
    const choice = change.choice === undefined ? current?.choice : change.choice ?? undefined
    const entry: ConsensusEntry = {
      ...(choice ? { choice } : {}),
      note: (change.note ?? current?.note ?? '').slice(0, WORKSHOP_LIMITS.noteLength),
      discussed: change.discussed ?? (change.choice !== undefined || change.note !== undefined ? true : current?.discussed ?? false),
      updatedAt: now,
    }
    return { ...d, consensus: { ...d.consensus, [indicatorId]: entry } }
  }, now)
}

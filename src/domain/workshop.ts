import { CONFIDENCES, type Answer, type Answers, type Assessment, type Confidence } from './assessment'
import type { ImportedAssessment } from './assessment-file'
import { problem, type Problem } from './problem'
import { emptyProfile, type Profile } from './profile'
import { maxLevel, type Indicator, type Questionnaire } from './questionnaire'
import { emptyRoadmapEdits } from './roadmap'
import {
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
 * What a room of participants answered, and what it agreed: the spread of answers per indicator, the discussion
 * items, the consensus answer set (the facilitator's choice, else the default), the pooled evidence notes, and the
 * consensus as an ordinary assessment, so the existing scoring, roadmap, screens and PDF run on it unchanged.
 * The rules are in docs/method.md ("Workshops").
 */

// ─── the spread of answers ───────────────────────────────────────────────────────────────────────────────────────

/** A participant's answer to an indicator; never a property every object has (an id such as "toString" finds nothing). */
export function answerOf(answers: Answers, indicatorId: string): Answer | undefined {
  return Object.prototype.hasOwnProperty.call(answers, indicatorId) ? answers[indicatorId] : undefined
}

/** How the participants of one delegation answered one indicator. */
export interface IndicatorSpread {
  indicatorId: string
  /** Participants per level: `levels[n]` answered level n (0…top level of the questionnaire). */
  levels: number[]
  dontKnow: number
  notApplicable: number
  /** Participants who gave no answer to this indicator. */
  unanswered: number
  /** Participants who answered with a level (the sum of `levels`). */
  levelAnswers: number
  /** The median level answered (the lower middle one on an even count); `null` without a level answer. */
  median: number | null
  lowest: number | null
  highest: number | null
  /** `highest − lowest`; `null` without a level answer. */
  spread: number | null
  /**
   * The room disagrees: at least two different answers were given among the levels, "don't know" and "not applicable"
   * (two different levels, a level and "don't know", a level and "not applicable", or "don't know" and "not applicable").
   */
  isDiscussionItem: boolean
}

/**
 * The spread of one indicator's answers over the participants. A level answer counts as given even when it still lacks
 * its required evidence note: in a workshop it is a participant's view for the room to discuss.
 */
export function indicatorSpread(indicatorId: string, participants: readonly Pick<Participant, 'answers'>[], topLevel: number): IndicatorSpread {
  const levels = Array.from({ length: topLevel + 1 }, () => 0)
  let dontKnow = 0
  let notApplicable = 0
  let unanswered = 0
  const given: number[] = []
  for (const participant of participants) {
    const answer = answerOf(participant.answers, indicatorId)
    if (answer === undefined) unanswered++
    else if (answer.kind === 'dont_know') dontKnow++
    else if (answer.kind === 'not_applicable') notApplicable++
    else if (answer.level <= topLevel) {
      levels[answer.level]!++
      given.push(answer.level)
    }
    else unanswered++
  }
  given.sort((a, b) => a - b)
  const lowest = given[0] ?? null
  const highest = given.at(-1) ?? null
  const distinctLevels = levels.filter(count => count > 0).length
  const kinds = distinctLevels + (dontKnow > 0 ? 1 : 0) + (notApplicable > 0 ? 1 : 0)
  return {
    indicatorId,
    levels,
    dontKnow,
    notApplicable,
    unanswered,
    levelAnswers: given.length,
    median: given.length > 0 ? given[Math.floor((given.length - 1) / 2)]! : null,
    lowest,
    highest,
    spread: lowest === null ? null : highest! - lowest,
    isDiscussionItem: kinds >= 2,
  }
}

/** The spread of every indicator of the questionnaire for one delegation, in questionnaire order. */
export function delegationSpreads(questionnaire: Pick<Questionnaire, 'indicators' | 'levels'>, delegation: Pick<Delegation, 'participants'>): IndicatorSpread[] {
  const top = maxLevel(questionnaire)
  return questionnaire.indicators.map(indicator => indicatorSpread(indicator.id, delegation.participants, top))
}

/** Discussion items first, then the others; questionnaire order within each group (the order of `spreads`). */
export function discussionOrder<T extends Pick<IndicatorSpread, 'isDiscussionItem'>>(spreads: readonly T[]): T[] {
  return [...spreads.filter(s => s.isDiscussionItem), ...spreads.filter(s => !s.isDiscussionItem)]
}

/** How many discussion items the facilitator marked as discussed, of how many there are. */
export interface DiscussionProgress {
  discussed: number
  total: number
}

/** The facilitator's entry for an indicator; never a property every object has. */
export function entryOf(consensus: Readonly<Record<string, ConsensusEntry>>, indicatorId: string): ConsensusEntry | undefined {
  return Object.prototype.hasOwnProperty.call(consensus, indicatorId) ? consensus[indicatorId] : undefined
}

export function discussionProgress(spreads: readonly Pick<IndicatorSpread, 'indicatorId' | 'isDiscussionItem'>[], consensus: Readonly<Record<string, ConsensusEntry>>): DiscussionProgress {
  const items = spreads.filter(s => s.isDiscussionItem)
  const discussed = items.filter(s => entryOf(consensus, s.indicatorId)?.discussed === true).length
  return { discussed, total: items.length }
}

// ─── the consensus ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The consensus the room gets without a facilitator's choice: the median level when anyone answered with a level
 * ("don't know" and "not applicable" answers beside levels do not move it); with no level answer, the more frequent of
 * "don't know" and "not applicable" (a tie, or "not applicable" on an indicator that does not allow it, gives "don't
 * know": an open question, not a removed one); `null` when nobody answered.
 */
export function defaultConsensus(spread: IndicatorSpread, indicator: Pick<Indicator, 'allowNotApplicable'>): ConsensusChoice | null {
  if (spread.median !== null) return { kind: 'level', level: spread.median }
  if (spread.notApplicable > spread.dontKnow && indicator.allowNotApplicable) return { kind: 'not_applicable' }
  if (spread.dontKnow + spread.notApplicable > 0) return { kind: 'dont_know' }
  return null
}

/** Where an indicator's consensus comes from: the facilitator's choice, the default, or nowhere (nobody answered). */
export type ConsensusSource = 'facilitator' | 'default' | 'none'

/** One evidence note of one participant, as shown to the room. */
export interface PooledNote {
  participantId: string
  /** "P3", "P3 (regulator)", or the name when the workshop shows names. */
  label: string
  /** What this participant answered. */
  answer: Answer
  text: string
}

/** Every participant's evidence note on one indicator (blank notes left out), in participant-number order. */
export function pooledNotes(indicatorId: string, participants: readonly Participant[], showNames: boolean): PooledNote[] {
  return [...participants]
    .sort((a, b) => a.number - b.number)
    .flatMap((participant): PooledNote[] => {
      const answer = answerOf(participant.answers, indicatorId)
      if (answer === undefined || answer.evidence.trim() === '') return []
      return [{ participantId: participant.id, label: participantLabel(participant, showNames), answer, text: answer.evidence.trim() }]
    })
}

/**
 * Whether a participant's answer backs the consensus answer: levels are cumulative, so a level at or above the agreed
 * level backs it; "don't know" backs "don't know", "not applicable" backs "not applicable".
 */
export function supportsConsensus(answer: Answer, choice: ConsensusChoice): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent; a non-level answer has no level, and `undefined >= n` is false
  if (choice.kind === 'level') return answer.kind === 'level' && answer.level >= choice.level
  return answer.kind === choice.kind
}

const EVIDENCE_MAX = 5000

/** The pooled notes that back the consensus, one per line as "P2 (regulator): text", cut to the evidence-note limit. */
export function supportingNotesText(notes: readonly PooledNote[], choice: ConsensusChoice): string {
  const text = notes.filter(note => supportsConsensus(note.answer, choice)).map(note => `${note.label}: ${note.text}`).join('\n')
  return text.length > EVIDENCE_MAX ? `${text.slice(0, EVIDENCE_MAX - 1)}…` : text
}

const CONFIDENCE_RANK: Record<Confidence, number> = { 'self-declared': 0, 'document-backed': 1, 'externally-validated': 2 }

/**
 * The confidence of a consensus level when the facilitator set none: the highest confidence among the participants
 * whose level backs it (at or above the agreed level: their documents cover it); "self-declared" when no one's does.
 */
export function consensusConfidence(participants: readonly Pick<Participant, 'answers'>[], indicatorId: string, level: number): Confidence {
  let best = 0
  for (const participant of participants) {
    const answer = answerOf(participant.answers, indicatorId)
    if (answer?.kind === 'level' && answer.level >= level) best = Math.max(best, CONFIDENCE_RANK[answer.confidence])
  }
  return CONFIDENCES[best]!
}

/** One indicator's consensus: the choice, where it comes from, the note the room wrote, and the answer it becomes. */
export interface IndicatorConsensus {
  indicatorId: string
  source: ConsensusSource
  choice: ConsensusChoice | null
  /** The facilitator's note ('' when none). */
  note: string
  discussed: boolean
  /** The consensus as an answer (evidence note and confidence filled in by the rules), `undefined` when there is none. */
  answer: Answer | undefined
}

/**
 * The consensus on one indicator. The answer's evidence note is the facilitator's note when written, otherwise the
 * notes of the participants whose answers back the consensus, each labelled (so a level at or above the evidence
 * threshold is not left without a note when someone gave one). Its confidence is the facilitator's when set, else
 * `consensusConfidence`. Its timestamp is the facilitator's last change, else the latest of the participants' answers.
 */
export function indicatorConsensus(
  indicator: Pick<Indicator, 'id' | 'allowNotApplicable'>,
  delegation: Pick<Delegation, 'participants' | 'consensus'>,
  topLevel: number,
  showNames: boolean,
): IndicatorConsensus {
  const entry = entryOf(delegation.consensus, indicator.id)
  const note = entry?.note.trim() ?? ''
  const discussed = entry?.discussed ?? false
  const set = entry?.choice
  const choice = set ?? defaultConsensus(indicatorSpread(indicator.id, delegation.participants, topLevel), indicator)
  if (choice === null) return { indicatorId: indicator.id, source: 'none', choice: null, note, discussed, answer: undefined }
  const evidence = note !== '' ? note : supportingNotesText(pooledNotes(indicator.id, delegation.participants, showNames), choice)
  const updatedAt = set ? entry!.updatedAt : latestAnswerTime(delegation.participants, indicator.id)
  const answer: Answer = choice.kind === 'level'
    ? { kind: 'level', level: choice.level, confidence: choice.confidence ?? consensusConfidence(delegation.participants, indicator.id, choice.level), evidence, updatedAt }
    : { kind: choice.kind, evidence, updatedAt }
  return { indicatorId: indicator.id, source: set ? 'facilitator' : 'default', choice, note, discussed, answer }
}

/** The latest change to any participant's answer on the indicator ('' when nobody answered it). */
function latestAnswerTime(participants: readonly Pick<Participant, 'answers'>[], indicatorId: string): string {
  let latest = ''
  for (const participant of participants) {
    const answer = answerOf(participant.answers, indicatorId)
    // Stryker disable next-line EqualityOperator: equivalent; an equal time changes nothing
    if (answer !== undefined && answer.updatedAt > latest) latest = answer.updatedAt
  }
  return latest
}

/** The consensus of every indicator of the questionnaire for one delegation, in questionnaire order. */
export function delegationConsensus(questionnaire: Pick<Questionnaire, 'indicators' | 'levels'>, delegation: Pick<Delegation, 'participants' | 'consensus'>, showNames: boolean): IndicatorConsensus[] {
  const top = maxLevel(questionnaire)
  return questionnaire.indicators.map(indicator => indicatorConsensus(indicator, delegation, top, showNames))
}

/** The consensus answer set of a delegation: one answer per indicator that has a consensus. */
export function consensusAnswers(questionnaire: Pick<Questionnaire, 'indicators' | 'levels'>, delegation: Pick<Delegation, 'participants' | 'consensus'>, showNames: boolean): Answers {
  const answers: Answers = {}
  for (const item of delegationConsensus(questionnaire, delegation, showNames)) {
    if (item.answer !== undefined) answers[item.indicatorId] = item.answer
  }
  return answers
}

/** The delegation of a workshop, found by its id; `undefined` for an unknown id. */
export function findDelegation(workshop: Pick<Workshop, 'delegations'>, delegationId: string): Delegation | undefined {
  return workshop.delegations.find(d => d.id === delegationId)
}

/**
 * A delegation's consensus as an ordinary assessment, so the existing scoring, roadmap, results screens and PDF run on
 * it unchanged. It carries the delegation's profile, roadmap edits and sign-off; its id is `<workshop id>/<delegation
 * id>` (over an assessment id's 100 characters, its first 91 characters, "~" and a digest of the whole); it opens on the
 * results. `undefined` for an unknown delegation.
 */
export function consensusAssessment(workshop: Workshop, delegationId: string, questionnaire: Pick<Questionnaire, 'indicators' | 'levels'>): Assessment | undefined {
  const delegation = findDelegation(workshop, delegationId)
  if (delegation === undefined) return undefined
  return {
    id: consensusAssessmentId(workshop.id, delegation.id),
    questionnaireKey: workshop.questionnaireKey,
    questionnaireId: workshop.questionnaireId,
    questionnaireVersion: workshop.questionnaireVersion,
    locale: workshop.locale,
    profile: delegation.profile,
    answers: consensusAnswers(questionnaire, delegation, workshop.showNames),
    position: { view: 'results' },
    roadmap: delegation.roadmap,
    ...(delegation.signOff ? { signOff: delegation.signOff } : {}),
    createdAt: workshop.createdAt,
    updatedAt: workshop.updatedAt,
  }
}

/** The id of a delegation's consensus assessment: `<workshop id>/<delegation id>`, at most 100 characters. */
export function consensusAssessmentId(workshopId: string, delegationId: string): string {
  const full = `${workshopId}/${delegationId}`
  return full.length <= 100 ? full : `${full.slice(0, 91)}~${digest(full)}`
}

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

/** A short digest of a text (FNV-1a, 32 bits, as 8 hex digits): enough to tell two answer sets apart, not a security measure. */
export function digest(text: string): string {
  let hash = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * Answers as one text, indicators in sorted order (the same answers give the same text whatever order they came in):
 * `[id, kind, evidence, updatedAt]`, then level and confidence for a level answer.
 */
export function canonicalAnswers(answers: Answers): string {
  return JSON.stringify(Object.keys(answers).sort().map((id) => {
    const a = answers[id]!
    return a.kind === 'level' ? [id, a.kind, a.evidence, a.updatedAt, a.level, a.confidence] : [id, a.kind, a.evidence, a.updatedAt]
  }))
}

/**
 * What identifies an imported answers file: when the assessment was last changed and a digest of its answers. The same
 * file imported twice has the same fingerprint; the same assessment changed and exported again has another one.
 */
export function importFingerprint(imported: Pick<ImportedAssessment, 'answers' | 'updatedAt'>): string {
  const text = canonicalAnswers(imported.answers)
  return `file:${imported.updatedAt}:${text.length}:${digest(text)}`
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

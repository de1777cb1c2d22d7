import { CONFIDENCES, type Answer, type Answers, type Assessment, type Confidence } from './assessment'
import { digest } from './import-fingerprint'
import { maxLevel, type Indicator, type Questionnaire } from './questionnaire'
import { findDelegation, participantLabel, type ConsensusChoice, type Delegation, type Participant, type Workshop } from './workshop-model'
import { answerOf, entryOf, indicatorSpread, type IndicatorSpread } from './workshop-spread'

/**
 * What a room agreed: the consensus answer per indicator (the facilitator's choice, else the default), the pooled
 * evidence notes, and the consensus as an ordinary assessment, so the existing scoring, roadmap, screens and PDF run
 * on it unchanged. The rules are in docs/method.md ("Workshops").
 */

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

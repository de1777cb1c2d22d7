import type { Answer, Answers } from './assessment'
import { maxLevel, type Questionnaire } from './questionnaire'
import type { ConsensusEntry, Delegation, Participant } from './workshop-model'

/**
 * How a room of participants answered: the spread of answers per indicator, the discussion items (answers two levels
 * or more apart, or levels mixed with "don't know") and how many of them were discussed. The rules are in
 * docs/method.md ("Workshops").
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

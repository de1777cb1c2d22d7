import type { Answers } from './assessment'
import { mapIndicators, translateLevel, type NotCompared } from './followup'
import { assessmentOutcome } from './outcome'
import type { Profile } from './profile'
import { HORIZONS, type Questionnaire } from './questionnaire'
import type { RoadmapEdits, RoadmapItem } from './roadmap'
import { scoreAssessment, type AssessmentResult, type IndicatorResult } from './scoring'
/*
 * Reassessment (docs/method.md, "Reassessment"): a follow-up keeps its earlier assessment inside it; this file
 * compares the two — change per dimension and overall, and whether each item of the earlier plan was carried out.
 */

/** Up, down or the same; `null` when one side has no value to compare. */
export type Trend = 'up' | 'down' | 'same'

/**
 * The direction from `before` to `now`, compared as shown (rounded to `digits` decimals), so the screen never says
 * "up" between two equal printed numbers; `null` when either is `null`.
 */
export function trendOf(before: number | null, now: number | null, digits = 0): Trend | null {
  if (before === null || now === null) return null
  const factor = 10 ** digits
  const delta = Math.round(now * factor) - Math.round(before * factor)
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'
}

/** One dimension then and now. Scores are 0–top level (`null`: not scored), stages as in scoring (`null`: no stage). */
export interface DimensionChange {
  dimensionId: string
  /** `false` when the earlier questionnaire had no dimension with this id: nothing to compare. */
  inEarlier: boolean
  earlierScore: number | null
  score: number | null
  earlierStage: number | null
  stage: number | null
  /** Compared at one decimal, as scores are shown. */
  scoreTrend: Trend | null
  stageTrend: Trend | null
}

/** The whole assessment then and now: the index (0–100, compared at one decimal, as shown) and the overall stage. */
export interface OverallChange {
  earlierIndex: number | null
  index: number | null
  indexTrend: Trend | null
  earlierStage: number
  stage: number
  stageTrend: Trend
}

/**
 * Whether an item of the earlier plan was carried out: `done` when what it aimed at has reached the level it aimed
 * for; `progressing` when it moved up but is not there yet; `not-yet` when it stayed the same or went down, or has no
 * level now ("don't know", "not applicable", unanswered); `not-compared` when nothing it aimed at exists in the
 * current questionnaire.
 */
export type FollowThroughStatus = 'done' | 'progressing' | 'not-yet' | 'not-compared'
export const FOLLOW_THROUGH_STATUSES: readonly FollowThroughStatus[] = ['done', 'progressing', 'not-yet', 'not-compared']

/** One indicator an earlier plan item aimed at, then and now (levels on the current scale). */
export interface AimedIndicator {
  earlierId: string
  /** `null` when it could not be compared. */
  currentId: string | null
  /** The earlier level (translated to the current scale); `null` without a level answer. */
  earlierLevel: number | null
  /** The level now; `null` without a (valid) level answer now. */
  level: number | null
  /** The level it aimed for, on the current scale; `null` for a "find out" item. */
  target: number | null
}

/**
 * One item of the earlier plan and what became of it. `basis` says how it is judged: `indicators` (a library action
 * naming indicators: all of them must reach the step's level), `dimension` (the user's own action, or a library
 * action naming no indicator: the dimension's stage against the level aimed for), `answer` (a "find out" item: done
 * once the gap is answered).
 */
export interface FollowThroughItem {
  /** The item as it stood in the earlier plan (titles, horizon, owner and date the user set). */
  item: RoadmapItem
  basis: 'indicators' | 'dimension' | 'answer'
  /** The level aimed for (the highest, when indicators have different maps); `null` for a "find out" item or when nothing could be compared. */
  target: number | null
  /** The level now: the lowest among the compared indicators, or the dimension's stage; `null` when any has no level now. */
  level: number | null
  indicators: AimedIndicator[]
  status: FollowThroughStatus
  /**
   * True when what the item aimed at was already at the level aimed for on the earlier date (the plan listed it for its
   * step, not for that indicator): "done", but not thanks to the plan, and said so.
   */
  alreadyReached: boolean
}

/** Everything the "Since <earlier date>" section shows. */
export interface FollowUpComparison {
  /** The earlier assessment's date (YYYY-MM-DD, from its profile). */
  earlierDate: string
  earlierVersion: string
  currentVersion: string
  dimensions: DimensionChange[]
  overall: OverallChange
  /** The earlier plan's items in plan order (horizon by horizon, then "later"); dropped items are not part of it. */
  followThrough: FollowThroughItem[]
  /** How many items have each status. */
  counts: Record<FollowThroughStatus, number>
  notCompared: NotCompared[]
}

/** What is compared: the earlier assessment (with its own questionnaire version) and the current one. */
export interface FollowUpInput {
  earlier: { questionnaire: Questionnaire, answers: Answers, profile: Profile, roadmap: RoadmapEdits }
  current: { questionnaire: Questionnaire, answers: Answers }
}

function indicatorResults(result: AssessmentResult): Map<string, IndicatorResult> {
  return new Map(result.dimensions.flatMap(d => d.indicators.map(i => [i.indicatorId, i] as const)))
}

/**
 * The level a library item aims for: the highest `to` among the steps the earlier plan relied on — those starting
 * from the dimension's earlier stage (no stage: 0) up to below its target (at least the next step, which the weakest
 * indicator's action serves). An action none of whose steps is in that range aims at its highest step.
 */
export function aimedLevel(steps: ReadonlyArray<{ from: number, to: number }>, stage: number | null, target: number): number {
  const start = stage ?? 0
  const end = Math.max(target, start + 1)
  const relied = steps.filter(s => s.from >= start && s.from < end)
  return Math.max(...(relied.length > 0 ? relied : steps).map(s => s.to))
}

function statusFrom(reached: boolean, rose: boolean): FollowThroughStatus {
  return reached ? 'done' : rose ? 'progressing' : 'not-yet'
}

/** Compares a follow-up with its earlier assessment (docs/method.md, "Reassessment"). */
export function compareFollowUp(input: FollowUpInput): FollowUpComparison {
  const { earlier, current } = input
  const before = assessmentOutcome(earlier.questionnaire, earlier)
  const now = scoreAssessment(current.questionnaire, current.answers)
  const mapping = mapIndicators(earlier.questionnaire, current.questionnaire)
  const earlierIndicators = indicatorResults(before.result)
  const currentIndicators = indicatorResults(now)
  const actionIndicators = new Map(earlier.questionnaire.actions.map(a => [a.id, a.indicators]))
  const earlierDimensions = new Map(before.result.dimensions.map(d => [d.dimensionId, d]))
  const currentDimensions = new Map(now.dimensions.map(d => [d.dimensionId, d]))

  const dimensions = current.questionnaire.dimensions.map((dimension): DimensionChange => {
    const then = earlierDimensions.get(dimension.id)
    const d = currentDimensions.get(dimension.id)!
    const earlierScore = then?.score ?? null
    const earlierStage = then?.stage ?? null
    return {
      dimensionId: dimension.id,
      inEarlier: then !== undefined,
      earlierScore,
      score: d.score,
      earlierStage,
      stage: d.stage,
      scoreTrend: trendOf(earlierScore, d.score, 1),
      stageTrend: trendOf(earlierStage, d.stage),
    }
  })

  const overall: OverallChange = {
    earlierIndex: before.result.index,
    index: now.index,
    indexTrend: trendOf(before.result.index, now.index, 1),
    earlierStage: before.result.overallStage,
    stage: now.overallStage,
    stageTrend: trendOf(before.result.overallStage, now.overallStage)!,
  }

  const targetOf = new Map(before.roadmap.targets.map(t => [t.dimensionId, t]))
  const judge = (item: RoadmapItem): FollowThroughItem => {
    const earlierTarget = targetOf.get(item.dimensionId)
    if (item.kind === 'find-out') {
      const earlierId = item.findOut!.indicatorId
      const match = mapping.matches.get(earlierId)
      const answer = match ? currentIndicators.get(match.currentId) : undefined
      const answered = answer?.status === 'level' || answer?.status === 'not_applicable'
      const level = answer?.level ?? null
      return {
        item,
        basis: 'answer',
        target: null,
        level,
        indicators: [{ earlierId, currentId: match?.currentId ?? null, earlierLevel: null, level, target: null }],
        status: match === undefined ? 'not-compared' : answered ? 'done' : 'not-yet',
        alreadyReached: false,
      }
    }
    // A library item's dimension is always in the earlier plan; the user's own action may name one that is not (aim 0).
    const aim = item.kind === 'library' ? aimedLevel(item.action!.steps, earlierTarget!.stage, earlierTarget!.target) : (earlierTarget?.target ?? 0)
    const named = item.kind === 'library' ? actionIndicators.get(item.action!.id)! : []
    if (named.length === 0) {
      const d = currentDimensions.get(item.dimensionId)
      if (d === undefined) return { item, basis: 'dimension', target: null, level: null, indicators: [], status: 'not-compared', alreadyReached: false }
      const then = earlierTarget?.stage ?? null
      // No stage now counts as below every level: neither reached nor risen.
      const rose = (d.stage ?? -1) > (then ?? 0)
      const reached = (d.stage ?? -1) >= aim
      return { item, basis: 'dimension', target: aim, level: d.stage, indicators: [], status: statusFrom(reached, rose), alreadyReached: reached && then !== null && then >= aim }
    }
    const indicators = named.map((earlierId): AimedIndicator => {
      const match = mapping.matches.get(earlierId)
      const then = earlierIndicators.get(earlierId)!.level
      if (match === undefined) return { earlierId, currentId: null, earlierLevel: then, level: null, target: null }
      return {
        earlierId,
        currentId: match.currentId,
        // Stryker disable next-line ConditionalExpression: equivalent; no level map has a "null" entry, so a null level stays null
        earlierLevel: then === null ? null : translateLevel(match, then),
        level: currentIndicators.get(match.currentId)!.level,
        target: translateLevel(match, aim),
      }
    })
    const compared = indicators.filter(i => i.currentId !== null)
    if (compared.length === 0) return { item, basis: 'indicators', target: null, level: null, indicators, status: 'not-compared', alreadyReached: false }
    // No level now ("don't know", "not applicable", unanswered) counts as below every level: neither reached nor risen.
    const reached = compared.every(i => (i.level ?? -1) >= i.target!)
    const rose = compared.some(i => (i.level ?? -1) > (i.earlierLevel ?? 0))
    const levels = compared.map(i => i.level)
    return {
      item,
      basis: 'indicators',
      target: Math.max(...compared.map(i => i.target!)),
      level: levels.includes(null) ? null : Math.min(...(levels as number[])),
      indicators,
      status: statusFrom(reached, rose),
      alreadyReached: reached && compared.every(i => (i.earlierLevel ?? -1) >= i.target!),
    }
  }

  const items = [...HORIZONS.flatMap(h => before.roadmap.horizons[h]), ...before.roadmap.later]
  const followThrough = items.map(judge)
  const counts = Object.fromEntries(FOLLOW_THROUGH_STATUSES.map(s => [s, followThrough.filter(f => f.status === s).length])) as Record<FollowThroughStatus, number>
  return {
    earlierDate: earlier.profile.date,
    earlierVersion: earlier.questionnaire.version,
    currentVersion: current.questionnaire.version,
    dimensions,
    overall,
    followThrough,
    counts,
    notCompared: mapping.notCompared,
  }
}

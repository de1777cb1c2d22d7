import { createAssessment, type Answers, type Assessment, type Baseline, type FreshLookMarks } from './assessment'
import { findMigration } from './migration'
import { assessmentOutcome } from './outcome'
import type { Profile } from './profile'
import { HORIZONS, type Questionnaire } from './questionnaire'
import { emptyRoadmapEdits, type RoadmapEdits, type RoadmapItem } from './roadmap'
import { scoreAssessment, type AssessmentResult, type IndicatorResult } from './scoring'
import { consensusAssessment } from './workshop-consensus'
import type { Workshop } from './workshop-model'

/*
 * Reassessment (docs/method.md, "Reassessment"): a follow-up keeps its earlier assessment inside it; this file
 * compares the two — change per dimension and overall, and whether each item of the earlier plan was carried out.
 */

/** Where an earlier indicator went in the current questionnaire: its id there, and the level map when the scale changed. */
export interface IndicatorMatch {
  earlierId: string
  currentId: string
  /** Earlier level ("0", "1"…) → current level, from a `remapped` migration entry; absent when levels carry as they are. */
  levels?: Record<string, number>
}

/**
 * An indicator that could not be compared: an earlier one with no counterpart now (`removed`), or one whose question
 * changed too much (`reanswer` in the migration), or a current one with no earlier counterpart (`added`).
 */
export interface NotCompared {
  indicatorId: string
  side: 'earlier' | 'current'
  reason: 'removed' | 'reanswer' | 'added'
}

/** How the earlier questionnaire's indicators map to the current one's. */
export interface IndicatorMapping {
  /** By earlier indicator id. */
  matches: Map<string, IndicatorMatch>
  /** Earlier indicators first (in the earlier order), then current ones (in the current order). */
  notCompared: NotCompared[]
}

/**
 * Maps indicators across questionnaire versions. When the current questionnaire declares a migration from the
 * earlier version, its entries decide (`same` keeps the id, `renumbered` and `remapped` follow `to`, `remapped` also
 * translates levels, `reanswer` cannot be compared); an earlier indicator the migration does not list, or any
 * indicator without a migration, is compared with the current indicator of the same id, if there is one.
 */
export function mapIndicators(earlier: Pick<Questionnaire, 'version' | 'indicators'>, current: Pick<Questionnaire, 'indicators' | 'migrations'>): IndicatorMapping {
  const currentIds = new Set(current.indicators.map(i => i.id))
  const migration = findMigration(current, earlier.version)
  const entries = new Map(migration?.indicators.map(e => [e.id, e]))
  const matches = new Map<string, IndicatorMatch>()
  const notCompared: NotCompared[] = []
  const reached = new Set<string>()
  for (const { id } of earlier.indicators) {
    const entry = entries.get(id)
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent; a `same` entry has no `to`, so `entry.to ?? id` gives `id` as well
    const to = entry === undefined || entry.change === 'same' ? id : (entry.to ?? id)
    if (entry?.change === 'reanswer') {
      // its new version is the same question asked anew: listed once, as "to be answered again", not also as added
      reached.add(to)
      notCompared.push({ indicatorId: id, side: 'earlier', reason: 'reanswer' })
      continue
    }
    if (!currentIds.has(to) || reached.has(to)) {
      notCompared.push({ indicatorId: id, side: 'earlier', reason: 'removed' })
      continue
    }
    reached.add(to)
    matches.set(id, { earlierId: id, currentId: to, ...(entry?.change === 'remapped' ? { levels: entry.levels } : {}) })
  }
  for (const { id } of current.indicators) {
    if (!reached.has(id)) notCompared.push({ indicatorId: id, side: 'current', reason: 'added' })
  }
  return { matches, notCompared }
}

/** An earlier level on the current scale: through the level map when there is one (a level the map lacks stays as it was). */
export function translateLevel(match: Pick<IndicatorMatch, 'levels'>, level: number): number {
  return match.levels?.[String(level)] ?? level
}

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

/** What a follow-up starts from: an earlier assessment (or a workshop's consensus) and its questionnaire. */
export interface FollowUpSource {
  baseline: Baseline
  questionnaire: Questionnaire
}

/** The earlier assessment as kept inside a follow-up. */
export function baselineOf(assessment: Pick<Assessment, 'questionnaireId' | 'questionnaireVersion' | 'profile' | 'answers' | 'roadmap' | 'createdAt' | 'updatedAt'>, source: Baseline['source'] = 'assessment', title?: string): Baseline {
  return {
    source,
    ...(title ? { title } : {}),
    questionnaireId: assessment.questionnaireId,
    questionnaireVersion: assessment.questionnaireVersion,
    profile: assessment.profile,
    answers: assessment.answers,
    roadmap: assessment.roadmap,
    createdAt: assessment.createdAt,
    updatedAt: assessment.updatedAt,
  }
}

/**
 * A workshop delegation's consensus as the earlier assessment of a follow-up: computed by the workshop code
 * (`consensusAssessment`), named by the workshop's title; `undefined` for an unknown delegation.
 */
export function baselineOfWorkshop(workshop: Workshop, delegationId: string, questionnaire: Pick<Questionnaire, 'indicators' | 'levels'>): Baseline | undefined {
  const consensus = consensusAssessment(workshop, delegationId, questionnaire)
  return consensus ? baselineOf(consensus, 'workshop', workshop.title) : undefined
}

/**
 * The earlier answers carried into the current questionnaire, each marked "carried over — confirm or change"
 * (`carried-over`). Only indicators that can be compared are carried; a level goes through the level map; a "not
 * applicable" the current indicator no longer allows is not carried. Evidence notes and confidence come along.
 */
export function carryAnswers(earlier: { questionnaire: Questionnaire, answers: Answers }, current: Questionnaire): { answers: Answers, freshLook: FreshLookMarks } {
  const { matches } = mapIndicators(earlier.questionnaire, current)
  const allowsNotApplicable = new Map(current.indicators.map(i => [i.id, i.allowNotApplicable]))
  const answers: Answers = {}
  const freshLook: FreshLookMarks = {}
  for (const indicator of earlier.questionnaire.indicators) {
    const answer = earlier.answers[indicator.id]
    const match = matches.get(indicator.id)
    if (answer === undefined || match === undefined) continue
    if (answer.kind === 'not_applicable' && !allowsNotApplicable.get(match.currentId)) continue
    answers[match.currentId] = answer.kind === 'level' ? { ...answer, level: translateLevel(match, answer.level) } : answer
    freshLook[match.currentId] = { reason: 'carried-over', from: earlier.questionnaire.version, previousId: indicator.id }
  }
  return { answers, freshLook }
}

/** What the user chose when starting a follow-up. */
export interface NewFollowUpInput {
  id: string
  questionnaireKey: string
  /** The questionnaire the follow-up is answered with (usually the newest version). */
  questionnaire: Questionnaire
  source: FollowUpSource
  /** `carry`: the earlier answers, marked to confirm or change; `blank`: start with no answers. */
  answers: 'carry' | 'blank'
  locale: string
  /** Today (YYYY-MM-DD): the follow-up's date. */
  today: string
  now: string
}

/**
 * A new assessment that follows up an earlier one: its profile copied (dated today), answers carried and marked or
 * left blank, a fresh plan, and the earlier assessment kept inside it as `baseline`.
 */
export function createFollowUp(input: NewFollowUpInput): Assessment {
  const base = createAssessment({
    id: input.id,
    questionnaireKey: input.questionnaireKey,
    questionnaire: input.questionnaire,
    locale: input.locale,
    profile: { ...input.source.baseline.profile, date: input.today },
    now: input.now,
  })
  const carried = input.answers === 'carry'
    ? carryAnswers({ questionnaire: input.source.questionnaire, answers: input.source.baseline.answers }, input.questionnaire)
    : { answers: {}, freshLook: {} }
  return {
    ...base,
    answers: carried.answers,
    ...(Object.keys(carried.freshLook).length > 0 ? { freshLook: carried.freshLook } : {}),
    position: { view: 'questionnaire' },
    roadmap: emptyRoadmapEdits(),
    baseline: input.source.baseline,
  }
}

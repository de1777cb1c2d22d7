import { createAssessment, type Answers, type Assessment, type Baseline, type FreshLookMarks } from './assessment'
import { findMigration } from './migration'
import type { Questionnaire } from './questionnaire'
import { emptyRoadmapEdits } from './roadmap'
import { consensusAssessment } from './workshop-consensus'
import type { Workshop } from './workshop-model'

/*
 * Reassessment (docs/method.md, "Reassessment"): a follow-up keeps its earlier assessment inside it. This file maps
 * the earlier questionnaire's indicators onto the current one and starts a follow-up; `followup-compare.ts` compares
 * the two.
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

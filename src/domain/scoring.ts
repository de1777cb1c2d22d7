import { isAnswered, needsEvidence, type Answer, type Answers } from './assessment'
import { indicatorsOf, maxLevel, type Dimension, type GatingRule, type Indicator, type Questionnaire } from './questionnaire'

/**
 * How an answer enters the scores. A level answer still missing its required evidence note is treated as
 * not yet answered: the form does not let it pass, so it cannot count.
 */
type Counted =
  | { kind: 'level', level: number }
  | { kind: 'dont_know' }
  | { kind: 'not_applicable' }
  | { kind: 'none' }

function counted(indicator: Indicator, answer: Answer | undefined): Counted {
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent; 'none' is never compared, it only falls through to the last branch
  if (answer === undefined || needsEvidence(indicator, answer)) return { kind: 'none' }
  if (answer.kind === 'level') return { kind: 'level', level: answer.level }
  return { kind: answer.kind }
}

/** One indicator as it stands in the results. */
export interface IndicatorResult {
  indicatorId: string
  /** The level answered, `null` for "don't know", "not applicable" or no (valid) answer yet. */
  level: number | null
  status: 'level' | 'dont_know' | 'not_applicable' | 'unanswered' | 'evidence_missing'
}

/** A dimension's maturity. */
export interface DimensionResult {
  dimensionId: string
  /** Weighted mean (0–top level) over indicators answered with a level or "don't know" (= 0); `null` when none. */
  score: number | null
  /** Weakest link: the lowest level among indicators answered with a level; `null` when none is. */
  stage: number | null
  /** True when "don't know" answers leave the stage unconfirmed (they do not set it). */
  unconfirmed: boolean
  /** Indicators answered "don't know": information gaps. */
  gaps: string[]
  /** Indicators answered with a level at the dimension's stage: what holds the stage down. */
  holdingBack: string[]
  /** Strengths: indicators answered with a level above the dimension's stage, highest first (ties in questionnaire order). */
  strengths: string[]
  answered: number
  total: number
  indicators: IndicatorResult[]
}

/** The rule that lowered the overall stage, with the numbers behind it. */
export interface AppliedCap {
  rule: GatingRule
  /** The capping dimension's stage, a stage-less dimension counting as 0. */
  dimensionStage: number
  /** The highest overall stage the rule allows. */
  limit: number
}

export interface AssessmentResult {
  dimensions: DimensionResult[]
  /** Weighted mean of dimension scores × (100 / top level), 0–100; `null` when no dimension has a score. */
  index: number | null
  /** The stage before any cap: median of dimension stages (stage-less = 0), rounded down. */
  medianStage: number
  /** The headline stage: the median stage, capped by the gating rules. */
  overallStage: number
  /** The binding rule when a cap lowered the stage, `null` otherwise. */
  cap: AppliedCap | null
  /** Share of indicators with an answer that passes the form (0–1). */
  completeness: number
  answered: number
  total: number
  /** Share of level answers that are document-backed or externally validated (0–1); `null` with no level answer. */
  confidence: number | null
  /** Every "don't know" answer, in questionnaire order. */
  gaps: string[]
  /** True until every indicator has an answer. */
  provisional: boolean
}

export function scoreDimension(dimension: Dimension, indicators: readonly Indicator[], answers: Answers): DimensionResult {
  let sum = 0
  let weights = 0
  let answered = 0
  const levels: Array<{ id: string, level: number }> = []
  const gaps: string[] = []
  const results: IndicatorResult[] = []
  for (const indicator of indicators) {
    const answer = answers[indicator.id]
    const value = counted(indicator, answer)
    if (isAnswered(indicator, answer)) answered++
    if (value.kind === 'level') {
      sum += value.level * indicator.weight
      weights += indicator.weight
      levels.push({ id: indicator.id, level: value.level })
      results.push({ indicatorId: indicator.id, level: value.level, status: 'level' })
    }
    else if (value.kind === 'dont_know') {
      weights += indicator.weight // "don't know" scores 0 but still weighs in
      gaps.push(indicator.id)
      results.push({ indicatorId: indicator.id, level: null, status: 'dont_know' })
    }
    else if (value.kind === 'not_applicable') results.push({ indicatorId: indicator.id, level: null, status: 'not_applicable' })
    else results.push({ indicatorId: indicator.id, level: null, status: answer === undefined ? 'unanswered' : 'evidence_missing' })
  }
  const stage = levels.length > 0 ? Math.min(...levels.map(l => l.level)) : null
  return {
    dimensionId: dimension.id,
    score: weights > 0 ? sum / weights : null,
    stage,
    unconfirmed: gaps.length > 0,
    gaps,
    // Stryker disable next-line ConditionalExpression: equivalent; with no stage there is no level answer, so the filter gives [] as well
    holdingBack: stage === null ? [] : levels.filter(l => l.level === stage).map(l => l.id),
    strengths: levels.filter(l => l.level > stage!).sort((a, b) => b.level - a.level).map(l => l.id),
    answered,
    total: indicators.length,
    indicators: results,
  }
}

/** The median of whole stages, rounded down (for an even count, the mean of the two middle values). */
export function medianStage(stages: readonly number[]): number {
  if (stages.length === 0) return 0
  const sorted = [...stages].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return Math.floor(value)
}

/** The result of one dimension, found by its id (never by its position in a list); `undefined` for an unknown id. */
export function dimensionResult(result: Pick<AssessmentResult, 'dimensions'>, dimensionId: string): DimensionResult | undefined {
  return result.dimensions.find(d => d.dimensionId === dimensionId)
}

/** One dimension's part in the index: its score (0–top level) and its weight. */
export interface IndexTerm {
  dimensionId: string
  score: number
  weight: number
}

/**
 * How the overall index is made, so the results page and the PDF can show the sum without redoing it: the scored
 * dimensions (a dimension without a score is left out), the sum of their weights, the factor that turns the top
 * level into 100, and the index = Σ(score × weight) ÷ Σ weight × factor (`null` when no dimension has a score).
 */
export interface IndexBreakdown {
  terms: IndexTerm[]
  weightSum: number
  factor: number
  index: number | null
}

export function indexBreakdown(questionnaire: Pick<Questionnaire, 'dimensions' | 'levels'>, dimensions: readonly DimensionResult[]): IndexBreakdown {
  const terms = questionnaire.dimensions.flatMap((dimension): IndexTerm[] => {
    const score = dimensions.find(d => d.dimensionId === dimension.id)?.score ?? null
    return score === null ? [] : [{ dimensionId: dimension.id, score, weight: dimension.weight }]
  })
  const weightSum = terms.reduce((sum, term) => sum + term.weight, 0)
  const factor = 100 / maxLevel(questionnaire)
  const weighted = terms.reduce((sum, term) => sum + term.score * term.weight, 0)
  return { terms, weightSum, factor, index: weightSum > 0 ? (weighted / weightSum) * factor : null }
}

/** Scores a whole assessment with the questionnaire's own weights, levels and gating rules. */
export function scoreAssessment(questionnaire: Questionnaire, answers: Answers): AssessmentResult {
  const dimensions = questionnaire.dimensions.map(d => scoreDimension(d, indicatorsOf(questionnaire, d.id), answers))
  const { index } = indexBreakdown(questionnaire, dimensions)

  const median = medianStage(dimensions.map(d => d.stage ?? 0))
  let overallStage = median
  let cap: AppliedCap | null = null
  for (const rule of questionnaire.scoring.gatingRules) {
    const dimensionStage = dimensions.find(d => d.dimensionId === rule.dimension)?.stage ?? 0
    const limit = dimensionStage + rule.maxAbove
    if (limit < overallStage) {
      overallStage = limit
      cap = { rule, dimensionStage, limit }
    }
  }

  const answered = dimensions.reduce((n, d) => n + d.answered, 0)
  const total = questionnaire.indicators.length
  const levelAnswers = questionnaire.indicators
    .map(indicator => answers[indicator.id])
    .filter((a, i): a is Extract<Answer, { kind: 'level' }> => a?.kind === 'level' && !needsEvidence(questionnaire.indicators[i]!, a))
  const backed = levelAnswers.filter(a => a.confidence !== 'self-declared').length

  return {
    dimensions,
    index,
    medianStage: median,
    overallStage,
    cap,
    completeness: total === 0 ? 1 : answered / total,
    answered,
    total,
    confidence: levelAnswers.length === 0 ? null : backed / levelAnswers.length,
    gaps: dimensions.flatMap(d => d.gaps),
    provisional: answered < total,
  }
}

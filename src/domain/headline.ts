import { maxLevel, type Questionnaire } from './questionnaire'
import { medianStage, type AssessmentResult, type DimensionResult } from './scoring'

/** A dimension that holds the overall stage down, with the indicators answered at its stage (none when it has no stage). */
export interface HeldDimension {
  dimensionId: string
  /** `null` when no indicator of the dimension is answered with a level (it then counts as 0). */
  stage: number | null
  indicators: string[]
}

/**
 * A fact from this assessment that sets the overall stage, as a code with parameters (worded at the edge, in any
 * language). `heldAt`: `count` of `total` dimensions have not passed `stage` (the median stage). `capped`: a gating
 * rule lowered the median `median` to `limit`, because `dimensionId` is at `dimensionStage`.
 */
export type HeadlineFact =
  | { code: 'heldAt', params: { count: number, total: number, stage: number, dimensions: HeldDimension[] } }
  | { code: 'capped', params: { ruleId: string, dimensionId: string, dimensionStage: number, median: number, limit: number } }

/** One indicator to raise: from its level (`null` for "don't know" or not yet answered with a level) to `to`. */
export interface PathChange {
  indicatorId: string
  dimensionId: string
  from: number | null
  to: number
}

/** The fewest indicator changes that raise the overall stage, and the stage they reach (at least one more). */
export interface HeadlinePath {
  changes: PathChange[]
  stage: number
}

/** An answer above its dimension's stage: the only thing called a strength, on screen and in the reports. */
export interface Strength {
  indicatorId: string
  dimensionId: string
  level: number
  dimensionStage: number
}

/** The overall stage explained from the answers (docs/method.md, scoring 5a). Plain data, ready to word or to export. */
export interface Headline {
  stage: number
  facts: HeadlineFact[]
  /** `found`: `path` raises the stage; `top`: already at the top stage; `unreachable`: no rise of answers can raise it. */
  pathStatus: 'found' | 'top' | 'unreachable'
  path: HeadlinePath | null
  /**
   * The generic description of the stage is shown only as what the stage means in general; `contradictedBy` lists
   * the indicators answered above the stage, whose answers it would misdescribe if read as a finding.
   */
  meaning: { level: number, contradictedBy: string[] }
  /** Answers above their dimension's stage, largest margin first (then highest level, then questionnaire order). */
  strengths: Strength[]
}

/** Cost of a set of changes: fewest indicators first, then the smallest total rise in levels. */
type Cost = readonly [number, number]
const ZERO: Cost = [0, 0]
const INFEASIBLE: Cost = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1]]
const sub = (a: Cost, b: Cost): Cost => [a[0] - b[0], a[1] - b[1]]
const less = (a: Cost, b: Cost) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])

interface Option {
  cost: Cost
  changes: PathChange[]
}

/** The cheapest changes that give one dimension a stage of at least `target` (a stage-less dimension counts as 0). */
function raiseDimension(dimension: DimensionResult, target: number): Option {
  if (target <= (dimension.stage ?? 0)) return { cost: ZERO, changes: [] }
  const levels = dimension.indicators.filter(i => i.status === 'level')
  if (levels.length > 0) {
    const low = levels.filter(i => i.level! < target)
    return {
      cost: [low.length, low.reduce((sum, i) => sum + target - i.level!, 0)],
      changes: low.map(i => ({ indicatorId: i.indicatorId, dimensionId: dimension.dimensionId, from: i.level, to: target })),
    }
  }
  // No level answer yet: one indicator answered with the target level gives the dimension that stage.
  const open = dimension.indicators.find(i => i.status !== 'not_applicable')
  if (!open) return { cost: INFEASIBLE, changes: [] }
  return { cost: [1, target], changes: [{ indicatorId: open.indicatorId, dimensionId: dimension.dimensionId, from: null, to: target }] }
}

/** The overall stage for given dimension stages, by the questionnaire's median and gating rules. */
function overallFor(questionnaire: Questionnaire, stages: readonly number[]): number {
  let stage = medianStage(stages)
  for (const rule of questionnaire.scoring.gatingRules) {
    const i = questionnaire.dimensions.findIndex(d => d.id === rule.dimension)
    stage = Math.min(stage, (i === -1 ? 0 : stages[i]!) + rule.maxAbove)
  }
  return stage
}

/**
 * The fewest indicators that must rise, and to which level, for the overall stage to go up; ties go to the smallest
 * total rise. Exact: every gating rule sets a floor on its dimension; the median then needs, for an odd count, (n+1)/2
 * dimensions at the next stage M; for an even count n = 2k, k dimensions at some b and one more at a ≤ b with
 * a + b ≥ 2M (the two middle stages), tried for every a. `null` at the top stage or when no rise of answers can do it.
 */
export function shortestPath(questionnaire: Questionnaire, result: AssessmentResult): HeadlinePath | null {
  const top = maxLevel(questionnaire)
  const goal = result.overallStage + 1
  const dims = result.dimensions
  const n = dims.length
  if (goal > top || n === 0) return null

  const floor = dims.map(d => Math.max(d.stage ?? 0, ...questionnaire.scoring.gatingRules
    .filter(rule => rule.dimension === d.dimensionId).map(rule => goal - rule.maxAbove)))
  if (floor.some(f => f > top)) return null
  const option = (i: number, target: number) => raiseDimension(dims[i]!, Math.max(floor[i]!, target))
  const base = dims.map((_, i) => option(i, 0))

  // Pairs (a, b): `high` dimensions must reach b and, for an even count, one more must reach a.
  const k = Math.floor(n / 2)
  const shapes = n % 2 === 1
    ? [{ a: goal, b: goal, high: k + 1, extra: false }]
    : Array.from({ length: goal + 1 }, (_, a) => ({ a, b: 2 * goal - a, high: k, extra: true })).filter(s => s.b <= top)

  let best: { cost: Cost, targets: number[] } | null = null
  for (const shape of shapes) {
    const extras = shape.extra ? dims.map((_, i) => i) : [-1]
    for (const e of extras) {
      const targets = dims.map(() => 0)
      let cost = base.reduce((sum, o) => add(sum, o.cost), ZERO)
      if (e >= 0) {
        targets[e] = shape.a
        cost = add(cost, sub(option(e, shape.a).cost, base[e]!.cost))
      }
      const raises = dims.map((_, i) => i).filter(i => i !== e)
        .map(i => ({ i, extra: sub(option(i, shape.b).cost, base[i]!.cost) }))
        .sort((x, y) => (less(x.extra, y.extra) ? -1 : less(y.extra, x.extra) ? 1 : x.i - y.i))
        .slice(0, shape.high)
      if (raises.length < shape.high) continue
      for (const r of raises) {
        targets[r.i] = shape.b
        cost = add(cost, r.extra)
      }
      if (Number.isFinite(cost[0]) && (best === null || less(cost, best.cost))) best = { cost, targets }
    }
  }
  if (best === null) return null
  const chosen = best.targets.map((t, i) => option(i, t))
  const stages = dims.map((d, i) => Math.max(d.stage ?? 0, floor[i]!, best.targets[i]!))
  return { changes: chosen.flatMap(o => o.changes), stage: overallFor(questionnaire, stages) }
}

/** Every answer above its dimension's stage, largest margin first. */
export function strengthsOf(questionnaire: Questionnaire, result: AssessmentResult): Strength[] {
  const order = new Map(questionnaire.indicators.map((indicator, i) => [indicator.id, i]))
  return result.dimensions
    .flatMap(d => d.strengths.map(id => ({
      indicatorId: id,
      dimensionId: d.dimensionId,
      level: d.indicators.find(i => i.indicatorId === id)!.level!,
      dimensionStage: d.stage!,
    })))
    .sort((a, b) => (b.level - b.dimensionStage) - (a.level - a.dimensionStage) || b.level - a.level
      || order.get(a.indicatorId)! - order.get(b.indicatorId)!)
}

/** The headline of an assessment: its overall stage with the facts that set it, the way up, and what it means. */
export function explainHeadline(questionnaire: Questionnaire, result: AssessmentResult): Headline {
  const held = result.dimensions.filter(d => (d.stage ?? 0) <= result.medianStage)
  const facts: HeadlineFact[] = [{
    code: 'heldAt',
    params: {
      count: held.length,
      total: result.dimensions.length,
      stage: result.medianStage,
      dimensions: held.map(d => ({ dimensionId: d.dimensionId, stage: d.stage, indicators: d.holdingBack })),
    },
  }]
  if (result.cap) {
    facts.push({
      code: 'capped',
      params: { ruleId: result.cap.rule.id, dimensionId: result.cap.rule.dimension, dimensionStage: result.cap.dimensionStage, median: result.medianStage, limit: result.cap.limit },
    })
  }
  const top = maxLevel(questionnaire)
  const path = shortestPath(questionnaire, result)
  const above = result.dimensions.flatMap(d => d.indicators.filter(i => i.level !== null && i.level > result.overallStage).map(i => i.indicatorId))
  return {
    stage: result.overallStage,
    facts,
    pathStatus: path ? 'found' : result.overallStage >= top ? 'top' : 'unreachable',
    path,
    meaning: { level: result.overallStage, contradictedBy: above },
    strengths: strengthsOf(questionnaire, result),
  }
}

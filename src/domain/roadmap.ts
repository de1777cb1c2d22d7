import { z } from 'zod'
import { idSchema, LIMITS, levelNumberSchema, optionalDateSchema } from './input-rules'
import { HORIZONS, maxLevel, type Action, type Effort, type Horizon, type Indicator, type LocalizedText, type Questionnaire, type VariantKey } from './questionnaire'
import { firstStep, horizonCapacity, scheduleItems } from './roadmap-schedule'
import type { AssessmentResult } from './scoring'

/** A plan item's key: an action id, `find-out:<indicator id>` or `custom:<id>`. */
const itemKeySchema = z.string().max(LIMITS.idLength + 110, 'value.tooLong')

/** The user's own changes to the generated plan, saved with the assessment and carried in the exported file. */
export const roadmapEditsSchema = z.object({
  /** Target stage per dimension id; a dimension not listed gets the default (stage + 1). */
  targets: z.record(idSchema, levelNumberSchema).default({}),
  /** Keys of plan items the user dropped. */
  dropped: z.array(itemKeySchema).max(LIMITS.roadmapDropped).default([]),
  /** Owner and target date the user set on plan items, by item key. */
  details: z.record(itemKeySchema, z.object({ owner: z.string().max(200, 'value.tooLong').optional(), targetDate: optionalDateSchema.optional() }).strict())
    .refine(value => Object.keys(value).length <= LIMITS.roadmapDetails, { message: 'value.tooMany', params: { max: LIMITS.roadmapDetails } })
    .default({}),
  /** Horizons the user chose for plan items, by item key: never moved by the scheduler (docs/method.md, scheduling rule 1). */
  placements: z.record(itemKeySchema, z.enum(HORIZONS))
    .refine(value => Object.keys(value).length <= LIMITS.roadmapDetails, { message: 'value.tooMany', params: { max: LIMITS.roadmapDetails } })
    .default({}),
  /** Actions the user added. */
  custom: z.array(z.object({
    id: z.string().min(1).max(100, 'value.tooLong'),
    dimensionId: idSchema,
    title: z.string().min(1).max(300, 'value.tooLong'),
    description: z.string().max(2000, 'value.tooLong').default(''),
    horizon: z.enum(HORIZONS),
  }).strict()).max(LIMITS.customActions).default([]),
}).strict()

export type RoadmapEdits = z.infer<typeof roadmapEditsSchema>
export type CustomAction = RoadmapEdits['custom'][number]

export function emptyRoadmapEdits(): RoadmapEdits {
  return { targets: {}, dropped: [], details: {}, placements: {}, custom: [] }
}

/** The context flags that switch actions to their adapted variants. */
export interface RoadmapContext {
  ldc: boolean
  sids: boolean
  smallService: boolean
}

/** Why an item is in the plan. */
export type RoadmapReason = 'target' | 'weakest' | 'gap' | 'custom'

/** One line of the plan. Texts are locale maps from the questionnaire, except custom actions (the user's own words). */
export interface RoadmapItem {
  /** Stable key: the action id, `find-out:<indicator>` or `custom:<id>`. */
  key: string
  kind: 'library' | 'find-out' | 'custom'
  dimensionId: string
  reasons: RoadmapReason[]
  horizon: Horizon
  effort: Effort | null
  /** Library actions: the action and the variant used (`null` = default text). */
  action?: { id: string, variant: VariantKey | null, steps: Array<{ from: number, to: number }>, title: LocalizedText, description: LocalizedText, owner: LocalizedText }
  /** "Find out" items: the indicator answered "don't know" and who is likely to know (an owner named by the library). */
  findOut?: { indicatorId: string, ask: LocalizedText | null }
  custom?: CustomAction
  sources: string[]
  /** Ordering weight: (target − score) × dimension weight; higher comes first within a horizon. */
  priority: number
  /** The dimension's place in the dependency order (0 = foundations). */
  depth: number
  owner?: string
  targetDate?: string
  /** Set when the earliest horizon the item may start in was full and it went to a later one ("moved from … (full)"). */
  deferredFrom?: Horizon
  /** True when the user put the item in its horizon (their own action, or an item they moved): never moved by the plan. */
  placed?: boolean
  /** True for a high-effort action started in 0–6 months so that the first horizon holds at least three library actions. */
  broughtForward?: boolean
}

/** Stage, score and target of one dimension in the plan. */
export interface DimensionTarget {
  dimensionId: string
  stage: number | null
  score: number | null
  target: number
  /** True when the user changed the default target. */
  adjusted: boolean
}

export interface Roadmap {
  targets: DimensionTarget[]
  /** Items per horizon, in order; a horizon holds more than its capacity only because of items the user placed. */
  horizons: Record<Horizon, RoadmapItem[]>
  /** How many items each horizon holds for this context (smaller for a small foreign service). */
  capacity: Record<Horizon, number>
  /** Items for which no horizon from their own onwards had room: kept, not lost. */
  later: RoadmapItem[]
  /** Items the user dropped, so they can be restored. */
  dropped: RoadmapItem[]
}

/** The adapted variant to use for the context, most specific first (LDC, then SIDS, then small foreign service). */
export function chooseVariant(action: Action, context: RoadmapContext): VariantKey | null {
  if (context.ldc && action.variants.ldc) return 'ldc'
  if (context.sids && action.variants.sids) return 'sids'
  if (context.smallService && action.variants['small-service']) return 'small-service'
  return null
}

/** Dependency depth of each dimension: 0 without dependencies, else 1 + the deepest dependency. */
export function dependencyDepths(questionnaire: Questionnaire): Map<string, number> {
  const byId = new Map(questionnaire.dimensions.map(d => [d.id, d]))
  const depths = new Map<string, number>()
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depths.get(id)
    if (known !== undefined) return known
    if (seen.has(id)) return 0 // cycles are refused by the checker; stay total anyway
    seen.add(id)
    const deps = byId.get(id)?.dependsOn ?? []
    const depth = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(dep => depthOf(dep, seen)))
    depths.set(id, depth)
    return depth
  }
  for (const d of questionnaire.dimensions) depthOf(d.id, new Set())
  return depths
}

/**
 * Who is likely to know the answer to an indicator: the first `whoKnows` entry whose post the answers show to exist
 * (`onlyIf` indicator answered with at least `minLevel`); `null` when none qualifies. `undefined` when the indicator
 * has no `whoKnows` list, so the caller may fall back to a library owner.
 */
export function whoToAsk(indicator: Indicator, result: AssessmentResult): LocalizedText | null | undefined {
  if (!indicator.whoKnows) return undefined
  const levels = new Map(result.dimensions.flatMap(d => d.indicators.map(i => [i.indicatorId, i.level] as const)))
  const entry = indicator.whoKnows.find((candidate) => {
    if (!candidate.onlyIf) return true
    const level = levels.get(candidate.onlyIf.indicator)
    return level !== undefined && level !== null && level >= candidate.onlyIf.minLevel
  })
  return entry ? entry.who : null
}

function libraryItem(action: Action, context: RoadmapContext, reasons: RoadmapReason[], priority: number, depth: number): RoadmapItem {
  const variantKey = chooseVariant(action, context)
  const variant = variantKey ? action.variants[variantKey] : undefined
  return {
    key: action.id,
    kind: 'library',
    dimensionId: action.dimension,
    reasons,
    horizon: '0-6m', // set by the scheduler
    effort: variant?.effort ?? action.effort,
    action: {
      id: action.id,
      variant: variantKey,
      steps: action.steps,
      title: variant?.title ?? action.title,
      description: variant?.description ?? action.description,
      owner: variant?.owner ?? action.owner,
    },
    sources: variant?.sources ?? action.sources,
    priority,
    depth,
  }
}

const serves = (action: Action, from: number) => action.steps.some(step => step.from === from)

/**
 * Builds the plan: for each dimension, the library actions of every step from its stage to its target, the next
 * step of its weakest indicator, and a "find out" item for each information gap naming who is likely to know; the
 * user's own actions and placements; scheduled by `scheduleItems` against the context's horizon capacity. Within a
 * horizon, "find out" items come first, then by dependency depth, then by (target − score) × weight.
 */
export function buildRoadmap(questionnaire: Questionnaire, result: AssessmentResult, context: RoadmapContext, edits: RoadmapEdits): Roadmap {
  const top = maxLevel(questionnaire)
  const depths = dependencyDepths(questionnaire)
  const resultOf = new Map(result.dimensions.map(d => [d.dimensionId, d]))
  const items = new Map<string, RoadmapItem>()
  const add = (item: RoadmapItem) => {
    const existing = items.get(item.key)
    if (existing) existing.reasons = [...new Set([...existing.reasons, ...item.reasons])]
    else items.set(item.key, item)
  }

  const targets: DimensionTarget[] = questionnaire.dimensions.map((dimension) => {
    const dr = resultOf.get(dimension.id)
    const stage = dr?.stage ?? null
    const fallback = Math.min(top, (stage ?? 0) + 1)
    const chosen = edits.targets[dimension.id]
    const target = chosen === undefined ? fallback : Math.max(0, Math.min(top, chosen))
    return { dimensionId: dimension.id, stage, score: dr?.score ?? null, target, adjusted: chosen !== undefined && target !== fallback }
  })

  questionnaire.dimensions.forEach((dimension, i) => {
    const dr = resultOf.get(dimension.id)
    if (!dr) return // a result without this dimension: nothing to plan for it
    const { target } = targets[i]!
    const depth = depths.get(dimension.id) ?? 0
    const priority = Math.max(0, target - (dr.score ?? 0)) * dimension.weight
    const library = questionnaire.actions.filter(a => a.dimension === dimension.id)

    for (let from = dr.stage ?? 0; from < target; from++) {
      for (const action of library.filter(a => serves(a, from))) add(libraryItem(action, context, ['target'], priority, depth))
    }

    const weakest = dr.holdingBack[0]
    const weakestLevel = weakest === undefined ? undefined : dr.indicators.find(x => x.indicatorId === weakest)?.level
    if (weakest !== undefined && weakestLevel !== null && weakestLevel !== undefined && weakestLevel < top) {
      const candidates = library.filter(a => serves(a, weakestLevel))
      const next = candidates.find(a => a.indicators.includes(weakest)) ?? candidates[0]
      if (next) add(libraryItem(next, context, ['weakest'], priority, depth))
    }

    for (const indicatorId of dr.gaps) {
      const related = library.find(a => a.indicators.includes(indicatorId)) ?? library[0]
      const variant = related ? chooseVariant(related, context) : null
      const indicator = questionnaire.indicators.find(x => x.id === indicatorId)
      const fromData = indicator ? whoToAsk(indicator, result) : undefined
      const fromLibrary = related ? (variant ? related.variants[variant]?.owner : undefined) ?? related.owner : null
      add({
        key: `find-out:${indicatorId}`,
        kind: 'find-out',
        dimensionId: dimension.id,
        reasons: ['gap'],
        horizon: '0-6m',
        effort: 'low',
        findOut: { indicatorId, ask: fromData === undefined ? fromLibrary : fromData },
        sources: [],
        priority: Number.POSITIVE_INFINITY, // cheap and unblocks everything else: first in its horizon
        depth,
      })
    }
  })

  const dimensionWeight = new Map(questionnaire.dimensions.map(d => [d.id, d.weight]))
  for (const custom of edits.custom) {
    const t = targets.find(x => x.dimensionId === custom.dimensionId)
    add({
      key: `custom:${custom.id}`,
      kind: 'custom',
      dimensionId: custom.dimensionId,
      reasons: ['custom'],
      horizon: edits.placements[`custom:${custom.id}`] ?? custom.horizon,
      effort: null,
      custom,
      sources: [],
      priority: t ? Math.max(0, t.target - (t.score ?? 0)) * (dimensionWeight.get(custom.dimensionId) ?? 1) : 0,
      depth: depths.get(custom.dimensionId) ?? 0,
    })
  }

  const dimensionOrder = new Map(questionnaire.dimensions.map((d, i) => [d.id, i]))
  const actionOrder = new Map(questionnaire.actions.map((a, i) => [a.id, i]))
  const byDisplayOrder = (a: RoadmapItem, b: RoadmapItem) =>
    (a.kind === 'find-out' ? 0 : 1) - (b.kind === 'find-out' ? 0 : 1)
    || a.depth - b.depth
    || (b.priority === a.priority ? 0 : b.priority > a.priority ? 1 : -1)
    || (dimensionOrder.get(a.dimensionId) ?? 0) - (dimensionOrder.get(b.dimensionId) ?? 0)
    || firstStep(a) - firstStep(b)
    || (actionOrder.get(a.action?.id ?? '') ?? 0) - (actionOrder.get(b.action?.id ?? '') ?? 0)
    || a.key.localeCompare(b.key)
  const withDetails = [...items.values()].map((item) => {
    const detail = edits.details[item.key]
    return { ...item, ...(detail?.owner ? { owner: detail.owner } : {}), ...(detail?.targetDate ? { targetDate: detail.targetDate } : {}) }
  })

  const dropped = new Set(edits.dropped)
  const capacity = horizonCapacity(questionnaire, context.smallService)
  const kept = withDetails.filter(item => !dropped.has(item.key))
  const placedAt = (item: RoadmapItem): Horizon | undefined =>
    item.kind === 'custom' ? item.horizon : edits.placements[item.key]
  const { horizons, later } = scheduleItems(kept, placedAt, capacity, byDisplayOrder)
  const droppedItems = withDetails.filter(item => dropped.has(item.key)).sort(byDisplayOrder)
  return { targets, horizons, capacity, later, dropped: droppedItems }
}

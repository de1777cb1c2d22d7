import { HORIZONS, type Horizon, type Questionnaire } from './questionnaire'
import type { RoadmapItem } from './roadmap'

/**
 * When each plan item happens: the scheduling rules 1–4 of docs/method.md ("Scheduling"). The user's placements are
 * kept; three library actions are kept in 0–6 months; everything else goes to the earliest horizon its effort and the
 * previous step of its dimension allow, within each horizon's capacity.
 */

const HORIZON_RANK: Record<Horizon, number> = { '0-6m': 0, '6-18m': 1, '18-36m': 2 }
const LATER = HORIZONS.length

/** Library actions kept in 0–6 months whenever the plan has that many (docs/method.md, scheduling rule 4). */
export const FIRST_HORIZON_FLOOR = 3

/** Rank of the earliest horizon an item may start in by its effort: high effort from 6–18 months, anything else from 0–6 months. */
export function effortStart(item: Pick<RoadmapItem, 'kind' | 'effort'>): number {
  return item.kind === 'library' && item.effort === 'high' ? 1 : 0
}

/** Placement order class: "find out" first, then low, medium and high effort (docs/method.md, scheduling rule 3). */
function placementClass(item: RoadmapItem): number {
  if (item.kind === 'find-out') return 0
  return item.effort === 'low' ? 1 : item.effort === 'medium' ? 2 : 3
}

/**
 * The library items of the same dimension at the nearest lower level step: an item never starts before them
 * (a 2→3 action never comes earlier than the 1→2 actions it builds on). Empty for other kinds of item.
 */
export function previousStepItems<T extends Pick<RoadmapItem, 'kind' | 'dimensionId' | 'action'>>(item: T, items: readonly T[]): T[] {
  if (item.kind !== 'library') return []
  const step = firstStep(item)
  const lower = items.filter(other => other.kind === 'library' && other.dimensionId === item.dimensionId && firstStep(other) < step)
  if (lower.length === 0) return []
  const nearest = Math.max(...lower.map(firstStep))
  return lower.filter(other => firstStep(other) === nearest)
}

/**
 * Puts each item in a horizon (docs/method.md, scheduling rules 1–4). Items the user placed stay where they are, whatever the load.
 * Then up to three library actions are kept in 0–6 months (those first in placement order whose previous steps are
 * there too; a high-effort one only when no other can, marked `broughtForward`). Every other item, "find out" and
 * low effort first, then medium, then high, goes to the earliest horizon it may start in (by effort, and not before
 * the previous step of its dimension) that still has room; an item that finds that horizon full is marked
 * `deferredFrom` it, and with no room anywhere it goes to `later`.
 */
export function scheduleItems(
  items: readonly RoadmapItem[],
  placedAt: (item: RoadmapItem) => Horizon | undefined,
  capacity: Record<Horizon, number>,
  displayOrder: (a: RoadmapItem, b: RoadmapItem) => number,
): { horizons: Record<Horizon, RoadmapItem[]>, later: RoadmapItem[] } {
  const rankOf = new Map<string, number>()
  const counts = HORIZONS.map(() => 0)
  const placed = new Map<string, RoadmapItem>()
  const put = (item: RoadmapItem, rank: number, extra: Partial<RoadmapItem>) => {
    rankOf.set(item.key, rank)
    if (rank < LATER) counts[rank]!++
    placed.set(item.key, { ...item, horizon: HORIZONS[Math.min(rank, LATER - 1)]!, ...extra })
  }

  for (const item of items) {
    const horizon = placedAt(item)
    if (horizon !== undefined) put(item, HORIZON_RANK[horizon], { placed: true })
  }

  const order = items.filter(item => !rankOf.has(item.key)).sort((a, b) => placementClass(a) - placementClass(b) || displayOrder(a, b))
  const autoLibrary = order.filter(item => item.kind === 'library')
  const placedLibraryFirst = items.filter(item => item.kind === 'library' && rankOf.get(item.key) === 0).length
  const need = Math.min(FIRST_HORIZON_FLOOR - placedLibraryFirst, autoLibrary.length)
  const floor: RoadmapItem[] = []
  const inFirst = (item: RoadmapItem) => floor.includes(item) || rankOf.get(item.key) === 0
  // Scanning in placement order, high effort comes last: it is brought forward only when nothing else can start.
  while (floor.length < need) {
    const next = autoLibrary.find(item => !floor.includes(item) && previousStepItems(item, items).every(inFirst))
    if (next === undefined) break
    floor.push(next)
  }
  for (const item of floor) put(item, 0, effortStart(item) > 0 ? { broughtForward: true } : {})

  const place = (item: RoadmapItem) => {
    if (rankOf.has(item.key)) return
    const previous = previousStepItems(item, items)
    previous.forEach(place)
    const earliest = Math.max(effortStart(item), ...previous.map(p => rankOf.get(p.key)!))
    let rank = earliest
    while (rank < LATER && counts[rank]! >= capacity[HORIZONS[rank]!]) rank++
    put(item, rank, rank > earliest && earliest < LATER ? { deferredFrom: HORIZONS[earliest]! } : {})
  }
  order.forEach(place)

  const horizons = Object.fromEntries(HORIZONS.map((h, rank) =>
    [h, items.filter(item => rankOf.get(item.key) === rank).map(item => placed.get(item.key)!).sort(displayOrder)])) as Record<Horizon, RoadmapItem[]>
  const later = items.filter(item => rankOf.get(item.key) === LATER).map(item => placed.get(item.key)!).sort(displayOrder)
  return { horizons, later }
}

/** Items each horizon can hold: the questionnaire's capacity for the context, else `maxActionsPerHorizon` everywhere. */
export function horizonCapacity(questionnaire: Questionnaire, smallService: boolean): Record<Horizon, number> {
  const capacity = questionnaire.scoring.horizonCapacity
  if (capacity) return { ...(smallService ? capacity.smallService : capacity.standard) }
  const max = questionnaire.scoring.maxActionsPerHorizon
  return { '0-6m': max, '6-18m': max, '18-36m': max }
}

/** The lowest level step an item serves (0 for items that are not library actions). */
export function firstStep(item: Pick<RoadmapItem, 'action'>): number {
  return Math.min(...(item.action?.steps.map(s => s.from) ?? [0]))
}

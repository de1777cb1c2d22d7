import type { Horizon } from './questionnaire'
import type { CustomAction, RoadmapEdits } from './roadmap'

/*
 * The user's changes to the generated plan, one pure function each. Every function returns new edits and
 * leaves its argument untouched, so a view can hand the result straight to the store.
 */

/** The key under which the plan lists a custom action (`custom:<id>`). */
export function customItemKey(id: string): string {
  return `custom:${id}`
}

/** Sets a dimension's target stage; `null` goes back to the default target (stage + 1). */
export function setDimensionTarget(edits: RoadmapEdits, dimensionId: string, target: number | null): RoadmapEdits {
  const targets = { ...edits.targets }
  if (target === null) delete targets[dimensionId]
  else targets[dimensionId] = target
  return { ...edits, targets }
}

/**
 * Drops a plan item: a library or "find out" item is kept aside so it can be restored; the user's own action is
 * deleted (there is nothing to restore it from). Dropping twice changes nothing.
 */
export function dropItem(edits: RoadmapEdits, key: string): RoadmapEdits {
  if (edits.custom.some(c => customItemKey(c.id) === key)) return removeCustomAction(edits, key)
  if (edits.dropped.includes(key)) return edits
  return { ...edits, dropped: [...edits.dropped, key] }
}

/** Puts a dropped item back into the plan. */
export function restoreItem(edits: RoadmapEdits, key: string): RoadmapEdits {
  return { ...edits, dropped: edits.dropped.filter(k => k !== key) }
}

/**
 * Sets an item's owner and target date. The owner is trimmed; an empty owner or date is removed, and an item
 * with neither keeps no entry at all.
 */
export function setItemDetails(edits: RoadmapEdits, key: string, owner: string, targetDate: string): RoadmapEdits {
  const details = { ...edits.details }
  const trimmed = owner.trim()
  const detail = { ...(trimmed ? { owner: trimmed } : {}), ...(targetDate ? { targetDate } : {}) }
  if (Object.keys(detail).length === 0) delete details[key]
  else details[key] = detail
  return { ...edits, details }
}

/** What the user types to add an action of their own. */
export interface NewCustomAction {
  dimensionId: string
  title: string
  description: string
  horizon: Horizon
}

/** Adds the user's own action under `id` (the caller makes the id: the domain holds no random source). */
export function addCustomAction(edits: RoadmapEdits, id: string, action: NewCustomAction): RoadmapEdits {
  const custom: CustomAction = { id, dimensionId: action.dimensionId, title: action.title.trim(), description: action.description.trim(), horizon: action.horizon }
  return { ...edits, custom: [...edits.custom, custom] }
}

/** Removes one of the user's own actions, by its plan key (`custom:<id>`), with its owner and date. */
export function removeCustomAction(edits: RoadmapEdits, key: string): RoadmapEdits {
  const details = { ...edits.details }
  delete details[key]
  return { ...edits, custom: edits.custom.filter(c => customItemKey(c.id) !== key), details }
}

/**
 * Puts a plan item in the horizon the user chose; `null` hands a library or "find out" item back to the scheduler.
 * The user's own actions keep their horizon in the action itself (they are always placed, so `null` leaves them as
 * they are). Returns new edits; the input is not changed.
 */
export function placeItem(edits: RoadmapEdits, key: string, horizon: Horizon | null): RoadmapEdits {
  if (key.startsWith('custom:')) {
    if (horizon === null) return edits
    return { ...edits, custom: edits.custom.map(c => (customItemKey(c.id) === key ? { ...c, horizon } : c)) }
  }
  const placements = { ...edits.placements }
  if (horizon === null) delete placements[key]
  else placements[key] = horizon
  return { ...edits, placements }
}

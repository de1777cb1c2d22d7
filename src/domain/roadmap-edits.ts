import type { Horizon } from './questionnaire'
import type { RoadmapEdits } from './roadmap'

/**
 * Puts a plan item in the horizon the user chose; `null` hands a library or "find out" item back to the scheduler.
 * The user's own actions keep their horizon in the action itself (they are always placed, so `null` leaves them as
 * they are). Returns new edits; the input is not changed.
 */
export function placeItem(edits: RoadmapEdits, key: string, horizon: Horizon | null): RoadmapEdits {
  if (key.startsWith('custom:')) {
    if (horizon === null) return edits
    return { ...edits, custom: edits.custom.map(c => (`custom:${c.id}` === key ? { ...c, horizon } : c)) }
  }
  const placements = { ...edits.placements }
  if (horizon === null) delete placements[key]
  else placements[key] = horizon
  return { ...edits, placements }
}

import type { Assessment } from './assessment'

/**
 * The revision a save starts from: the number this tab last read or wrote for the record, or `null` for a record
 * this tab is creating (it must not exist yet). Stored revisions start at 1; a record saved before revisions
 * existed counts as revision 0.
 */
export type BaseRevision = number | null

/**
 * What a save may do, given the revision it starts from and the revision storage holds now (`undefined`: no record).
 * `changed`: another tab saved in between; `deleted`: the record was deleted since it was read (a save must not bring
 * it back); `exists`: a record this tab is creating already exists.
 */
export type WriteDecision = { ok: true, revision: number } | { ok: false, reason: 'changed' | 'deleted' | 'exists' }

export function decideWrite(base: BaseRevision, stored: number | undefined): WriteDecision {
  if (base === null) return stored === undefined ? { ok: true, revision: 1 } : { ok: false, reason: 'exists' }
  if (stored === undefined) return { ok: false, reason: 'deleted' }
  if (stored !== base) return { ok: false, reason: 'changed' }
  return { ok: true, revision: base + 1 }
}

/** The revision of a stored record as read back (`undefined`: no record; `0`: a record without a valid revision number). */
export function revisionOf(record: unknown): number | undefined {
  if (record === undefined) return undefined
  if (record === null || typeof record !== 'object') return 0
  const revision = (record as { revision?: unknown }).revision
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : 0
}

/** Where two versions of one assessment differ: indicator ids whose answers differ (in questionnaire-independent id order), and whether the profile or the roadmap differ. */
export interface AssessmentDifferences {
  answers: string[]
  profile: boolean
  roadmap: boolean
}

export function diffAssessments(mine: Assessment, theirs: Assessment): AssessmentDifferences {
  const ids = [...new Set([...Object.keys(mine.answers), ...Object.keys(theirs.answers)])].sort()
  return {
    answers: ids.filter(id => !sameJson(mine.answers[id], theirs.answers[id])),
    profile: !sameJson(mine.profile, theirs.profile),
    roadmap: !sameJson(mine.roadmap, theirs.roadmap),
  }
}

/** Whether two versions hold no difference the user could see. */
export function isSameContent(differences: AssessmentDifferences): boolean {
  return differences.answers.length === 0 && !differences.profile && !differences.roadmap
}

/** Whether two JSON values hold the same content, whatever the order of their object keys (two copies of one questionnaire file, say). */
export function isSameJson(a: unknown, b: unknown): boolean {
  return sameJson(a, b)
}

/** Compares as JSON with object keys in a fixed order, so the order in which fields were written does not count as a difference. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, sortKeys) === JSON.stringify(b, sortKeys)
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
}

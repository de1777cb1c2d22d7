import type { Answer, Answers, Assessment, FreshLookMarks } from './assessment'
import type { RoadmapEdits } from './roadmap'
import { maxLevel, type IndicatorMigration, type LocalizedText, type Migration, type Questionnaire } from './questionnaire'

/**
 * What happened to one indicator in an upgrade, in the order of the earlier version (added indicators last):
 * - `clarified`: same id and levels, wording clarified, answer carried unchanged;
 * - `fresh-look`: answer carried, but marked so the user looks at it again;
 * - `renumbered`: answer moved to a new id; `remapped`: answered level translated to the new scale;
 * - `reanswer`: the answer is not carried and the indicator must be answered again;
 * - `added`: a new indicator, not answered yet.
 * Indicators that stay the same without a note are not listed.
 */
export interface IndicatorChange {
  kind: 'clarified' | 'fresh-look' | 'renumbered' | 'remapped' | 'reanswer' | 'added'
  /** Id in the earlier version (`null` for an added indicator). */
  fromId: string | null
  /** Id in the new version. */
  toId: string
  note?: LocalizedText
  /** The answer before the upgrade (absent when the indicator was not answered). */
  before?: Answer
  /** The answer after the upgrade (absent when not answered or not carried). */
  after?: Answer
  /** True when the answer is marked for a fresh look (an answered indicator only). */
  marked: boolean
}

/** A roadmap edit whose key changed (`to` is the new key) or that no longer applies (`to` is `null`). */
export interface RoadmapKeyChange {
  key: string
  to: string | null
  /** Which kind of edit it was: a dropped item, an owner/date set on an item, or an item the user moved to a horizon. */
  edit: 'dropped' | 'details' | 'placements'
}

/** An assessment's content after an upgrade, with everything that changed. */
export interface MigrationOutcome {
  from: string
  to: string
  answers: Answers
  roadmap: RoadmapEdits
  freshLook: FreshLookMarks
  changes: IndicatorChange[]
  roadmapChanges: RoadmapKeyChange[]
}

/** The migration in `target` that upgrades answers made with version `fromVersion`, if it declares one. */
export function findMigration(target: Pick<Questionnaire, 'migrations'>, fromVersion: string): Migration | undefined {
  return target.migrations?.find(m => m.from === fromVersion)
}

/** The id an earlier indicator has in the new version: its own unless the entry moves it (`to`). */
export function targetId(entry: IndicatorMigration): string {
  return entry.change === 'same' ? entry.id : (entry.to ?? entry.id)
}

/** Orders semantic versions by number (1.10.0 after 1.9.0): negative when `a` is older, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number)
  const [pa, pb] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Whether a newer version of the same questionnaire is among `all` (new assessments should use the newest). */
export function isSuperseded(q: Pick<Questionnaire, 'id' | 'version'>, all: ReadonlyArray<Pick<Questionnaire, 'id' | 'version'>>): boolean {
  return all.some(other => other.id === q.id && compareVersions(other.version, q.version) > 0)
}

/**
 * The newest version of the same questionnaire among `all` when it is newer than `q` (what an "Upgrade to …" offer
 * names); works on summaries, without the questionnaires' content. The upgrade itself still needs a valid migration.
 */
export function newerVersion(q: Pick<Questionnaire, 'id' | 'version'>, all: ReadonlyArray<Pick<Questionnaire, 'id' | 'version'>>): string | undefined {
  return all
    .filter(other => other.id === q.id && compareVersions(other.version, q.version) > 0)
    .map(other => other.version)
    .sort((a, b) => compareVersions(b, a))[0]
}

/**
 * The assessment on the new version: answers, roadmap edits and marks from `outcome`; marks from an earlier
 * upgrade are kept where their indicator still exists. Profile, language, position and dates are unchanged.
 */
export function upgradedAssessment(assessment: Assessment, outcome: MigrationOutcome, target: { key: string, questionnaire: Questionnaire }): Assessment {
  const ids = new Set(target.questionnaire.indicators.map(i => i.id))
  const kept = Object.fromEntries(Object.entries(assessment.freshLook ?? {}).filter(([id]) => ids.has(id)))
  return {
    ...assessment,
    questionnaireKey: target.key,
    questionnaireId: target.questionnaire.id,
    questionnaireVersion: target.questionnaire.version,
    answers: outcome.answers,
    roadmap: outcome.roadmap,
    freshLook: { ...kept, ...outcome.freshLook },
  }
}

/**
 * Applies `target`'s migration from `source` to an assessment's answers and roadmap edits. Pure: the inputs are
 * not changed. Answers of `same` and `renumbered` indicators are carried; `remapped` levels are translated;
 * `reanswer` answers are left out and kept in the marks; a carried answer the new indicator cannot take (a
 * "not applicable" that is no longer offered, a level missing from the map) is treated as `reanswer`. Roadmap
 * edits follow renamed actions and renumbered indicators; edits of removed actions are dropped and listed.
 * Returns `undefined` when `target` declares no migration from `source`'s version.
 */
export function migrateAssessment(
  input: { answers: Answers, roadmap: RoadmapEdits },
  source: Questionnaire,
  target: Questionnaire,
): MigrationOutcome | undefined {
  const migration = findMigration(target, source.version)
  if (!migration) return undefined
  const indicators = new Map(target.indicators.map(i => [i.id, i]))
  const answers: Answers = {}
  const freshLook: FreshLookMarks = {}
  const changes: IndicatorChange[] = []
  const renamedIndicators = new Map<string, string>()

  for (const entry of migration.indicators) {
    const toId = targetId(entry)
    const before = input.answers[entry.id]
    if (toId !== entry.id) renamedIndicators.set(entry.id, toId)
    let after: Answer | undefined
    let kind: IndicatorChange['kind']
    if (entry.change === 'reanswer') kind = 'reanswer'
    else {
      if (before?.kind === 'level') {
        const level = entry.change === 'remapped' ? entry.levels[String(before.level)] : before.level
        after = level === undefined ? undefined : { ...before, level }
      }
      else if (before?.kind !== 'not_applicable' || indicators.get(toId)?.allowNotApplicable) after = before
      if (before !== undefined && after === undefined) kind = 'reanswer'
      else if (entry.change === 'remapped') kind = 'remapped'
      else if (entry.change === 'renumbered') kind = 'renumbered'
      else if (entry.freshLook) kind = 'fresh-look'
      else kind = 'clarified'
    }
    const marked = before !== undefined && (kind === 'reanswer' || (entry.change !== 'reanswer' && entry.freshLook))
    if (after !== undefined) answers[toId] = after
    if (marked && before !== undefined) {
      freshLook[toId] = kind === 'reanswer'
        ? { reason: 'reanswer', from: source.version, previousId: entry.id, previous: before }
        : { reason: 'fresh-look', from: source.version, previousId: entry.id }
    }
    if (kind === 'clarified' && entry.note === undefined) continue
    changes.push({
      kind, fromId: entry.id, toId, marked,
      ...(entry.note ? { note: entry.note } : {}),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    })
  }
  const reached = new Set(migration.indicators.map(targetId))
  for (const indicator of target.indicators) {
    if (!reached.has(indicator.id)) changes.push({ kind: 'added', fromId: null, toId: indicator.id, marked: false })
  }

  const { roadmap, roadmapChanges } = migrateRoadmap(input.roadmap, migration, renamedIndicators, target)
  return { from: source.version, to: target.version, answers, roadmap, freshLook, changes, roadmapChanges }
}

const FIND_OUT = 'find-out:'

function migrateRoadmap(edits: RoadmapEdits, migration: Migration, renamedIndicators: Map<string, string>, target: Questionnaire) {
  const actionIds = new Set(target.actions.map(a => a.id))
  const indicatorIds = new Set(target.indicators.map(i => i.id))
  const roadmapChanges: RoadmapKeyChange[] = []
  const newKey = (key: string): string | null => {
    if (key.startsWith('custom:')) return key
    if (key.startsWith(FIND_OUT)) {
      const id = key.slice(FIND_OUT.length)
      const to = renamedIndicators.get(id) ?? id
      return indicatorIds.has(to) ? `${FIND_OUT}${to}` : null
    }
    const renamed = Object.hasOwn(migration.actions, key) ? migration.actions[key] : key
    return renamed !== null && renamed !== undefined && actionIds.has(renamed) ? renamed : null
  }
  const dropped: string[] = []
  for (const key of edits.dropped) {
    const to = newKey(key)
    if (to !== key) roadmapChanges.push({ key, to, edit: 'dropped' })
    if (to !== null && !dropped.includes(to)) dropped.push(to)
  }
  const details: RoadmapEdits['details'] = {}
  for (const [key, detail] of Object.entries(edits.details)) {
    const to = newKey(key)
    if (to !== key) roadmapChanges.push({ key, to, edit: 'details' })
    if (to !== null) details[to] = detail
  }
  const placements: RoadmapEdits['placements'] = {}
  for (const [key, horizon] of Object.entries(edits.placements ?? {})) {
    const to = newKey(key)
    if (to !== key) roadmapChanges.push({ key, to, edit: 'placements' })
    if (to !== null) placements[to] = horizon
  }
  const dimensionIds = new Set(target.dimensions.map(d => d.id))
  const top = maxLevel(target)
  const targets = Object.fromEntries(Object.entries(edits.targets)
    .filter(([id]) => dimensionIds.has(id))
    .map(([id, level]) => [id, Math.min(level, top)]))
  return { roadmap: { ...edits, targets, dropped, details, placements }, roadmapChanges }
}

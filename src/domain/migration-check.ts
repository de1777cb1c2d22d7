import type { CheckIssue } from './check'
import { compareVersions, findMigration, targetId } from './migration'
import { formatPath, problem } from './problem'
import { maxLevel, type Questionnaire } from './questionnaire'
/**
 * The checker's rules on a questionnaire's migrations (how answers made with an earlier version are carried into this
 * one): within the file itself, and against the earlier version's file when both are at hand.
 */

function basePath(m: number, i: number): Array<string | number> {
  return ['migrations', m, 'indicators', i]
}

/**
 * Rules on a questionnaire's own migrations that need no other file: not from its own version, each earlier
 * indicator listed once, targets that exist here and are reached once, level maps within this scale.
 */
export function checkMigrationsWithin(q: Questionnaire): CheckIssue[] {
  const errors: CheckIssue[] = []
  const ids = new Set(q.indicators.map(i => i.id))
  const actionIds = new Set(q.actions.map(a => a.id))
  const top = maxLevel(q)
  const seenFrom = new Set<string>()
  const migrations = q.migrations ?? []
  migrations.forEach((migration, m) => {
    const base = `migrations[${m}]`
    if (migration.from === q.version) errors.push(problem('migration.selfVersion', `${base}.from`, { version: q.version }))
    if (seenFrom.has(migration.from)) errors.push(problem('migration.duplicateFrom', `${base}.from`, { from: migration.from }))
    seenFrom.add(migration.from)
    const listed = new Map<string, number>()
    const reached = new Map<string, number>()
    migration.indicators.forEach((entry, i) => {
      const path = `${base}.indicators[${i}]`
      const first = listed.get(entry.id)
      if (first !== undefined) errors.push(problem('migration.duplicateIndicator', `${path}.id`, { id: entry.id, other: `${base}.indicators[${first}]` }))
      else listed.set(entry.id, i)
      const to = targetId(entry)
      const field = entry.change === 'same' ? 'id' : 'to'
      if (!ids.has(to)) {
        errors.push(problem(entry.change === 'same' ? 'migration.unknownTargetSame' : 'migration.unknownTarget', formatPath([...basePath(m, i), entry.change !== 'same' && entry.to === undefined ? 'id' : field]), { id: to, version: q.version }))
      }
      const other = reached.get(to)
      if (other !== undefined) errors.push(problem('migration.sameTarget', `${path}.${field}`, { id: to, other: `${base}.indicators[${other}]` }))
      else reached.set(to, i)
      if (entry.change === 'remapped') {
        for (const [from, level] of Object.entries(entry.levels)) {
          if (!/^\d+$/.test(from)) errors.push(problem('migration.notLevel', formatPath([...basePath(m, i), 'levels', from]), { from }))
          if (level > top) errors.push(problem('migration.levelAboveTop', formatPath([...basePath(m, i), 'levels', from]), { level, top, version: q.version }))
        }
      }
    })
    for (const [from, to] of Object.entries(migration.actions)) {
      if (to !== null && !actionIds.has(to)) errors.push(problem('migration.unknownAction', formatPath(['migrations', m, 'actions', from]), { id: to, version: q.version }))
    }
  })
  return errors
}

/**
 * Rules that need the earlier version itself: every one of its indicators listed (complete), no unknown ids,
 * a level map for every one of its levels and none beyond, renamed actions that existed. Paths point into
 * `target`'s file. An empty list when `target` has no migration from `source`'s version.
 */
export function checkMigrationAgainst(target: Questionnaire, source: Questionnaire): CheckIssue[] {
  const migrations = target.migrations ?? []
  const m = migrations.findIndex(x => x.from === source.version)
  const migration = migrations[m]
  if (source.id !== target.id || !migration) return []
  const errors: CheckIssue[] = []
  const base = `migrations[${m}]`
  const oldIds = new Set(source.indicators.map(i => i.id))
  const oldTop = maxLevel(source)
  const listed = new Set(migration.indicators.map(e => e.id))
  migration.indicators.forEach((entry, i) => {
    const path = `${base}.indicators[${i}]`
    if (!oldIds.has(entry.id)) errors.push(problem('migration.unknownSourceIndicator', `${path}.id`, { id: entry.id, version: source.version }))
    if (entry.change === 'remapped') {
      for (let level = 0; level <= oldTop; level++) {
        if (entry.levels[String(level)] === undefined) errors.push(problem('migration.missingLevel', `${path}.levels`, { level, version: source.version, top: oldTop }))
      }
      for (const from of Object.keys(entry.levels)) {
        if (/^\d+$/.test(from) && Number(from) > oldTop) errors.push(problem('migration.oldLevelRange', formatPath([...basePath(m, i), 'levels', from]), { level: from, version: source.version, top: oldTop }))
      }
    }
  })
  for (const indicator of source.indicators) {
    if (!listed.has(indicator.id)) errors.push(problem('migration.incomplete', `${base}.indicators`, { id: indicator.id, version: source.version }))
  }
  const oldActions = new Set(source.actions.map(a => a.id))
  for (const from of Object.keys(migration.actions)) {
    if (!oldActions.has(from)) errors.push(problem('migration.unknownSourceAction', formatPath(['migrations', m, 'actions', from]), { id: from, version: source.version }))
  }
  return errors
}

/**
 * The newest questionnaire with the same id that declares a valid migration from `current` (checked against
 * `current`), or `undefined` when there is no upgrade to offer.
 */
export function findUpgrade<T extends Questionnaire>(current: Questionnaire, candidates: readonly T[]): T | undefined {
  return candidates
    .filter(q => q.id === current.id && compareVersions(q.version, current.version) > 0)
    .filter(q => findMigration(q, current.version) !== undefined && checkMigrationAgainst(q, current).length === 0)
    .sort((a, b) => compareVersions(b.version, a.version))[0]
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { clearFreshLook, type Answer, type Answers } from '@/domain/assessment'
import { checkQuestionnaire } from '@/domain/check'
import { compareVersions, findMigration, isSuperseded, migrateAssessment, newerVersion, upgradedAssessment } from '@/domain/migration'
import { findUpgrade } from '@/domain/migration-check'
import { checkMigrationAgainst } from '@/domain/migration-check'
import { emptyProfile } from '@/domain/profile'
import { emptyRoadmapEdits, type RoadmapEdits } from '@/domain/roadmap'
import type { Questionnaire, QuestionnaireInput } from '@/domain/questionnaire'
import { inEnglish } from '../../problem-text'

const miniText = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
type Editable = QuestionnaireInput & Record<string, unknown>
const raw = (): Editable => JSON.parse(miniText) as Editable

function build(q: Editable): Questionnaire {
  const result = checkQuestionnaire(q)
  if (!result.ok) throw new Error(result.errors.map(inEnglish).join('\n'))
  return result.questionnaire
}

const text = (en: string) => ({ en, fr: `${en} (fr)` })

/** Version 1.0.0: the mini fixture plus an action that 1.1.0 removes. */
function oldRaw(): Editable {
  const q = raw()
  q.actions = [...(q.actions ?? []), { ...q.actions![9]!, id: 'beta-extra' }]
  return q
}

/**
 * Version 1.1.0, by hand: a1 same; a2 renumbered to a2b; a3 remapped (and "not applicable" no longer offered);
 * b1 to answer again; b2 same but marked for a fresh look; b3 clarified; b4 new. Action alpha-12 is renamed
 * alpha-12x; beta-extra is removed.
 */
function newRaw(): Editable {
  const q = raw()
  q.version = '1.1.0'
  const indicators = q.indicators
  indicators[1] = { ...indicators[1]!, id: 'a2b' }
  indicators[2] = { ...indicators[2]!, allowNotApplicable: false }
  indicators.push({ ...indicators[3]!, id: 'b4' })
  q.actions = q.actions!.map(a => (a.id === 'alpha-12' ? { ...a, id: 'alpha-12x', indicators: [] } : a))
  q.migrations = [{
    from: '1.0.0',
    summary: text('What changed.'),
    indicators: [
      { id: 'a1', change: 'same' },
      { id: 'a2', change: 'renumbered', to: 'a2b' },
      { id: 'a3', change: 'remapped', levels: { 0: 0, 1: 0, 2: 1, 3: 2, 4: 4, 5: 5 }, note: text('Levels 1 to 3 were split.') },
      { id: 'b1', change: 'reanswer', note: text('New question.') },
      { id: 'b2', change: 'same', freshLook: true, note: text('Level 2 reworded.') },
      { id: 'b3', change: 'same', note: text('Guidance clarified.') },
    ],
    actions: { 'alpha-12': 'alpha-12x', 'beta-extra': null },
  }]
  return q
}

const oldQ = build(oldRaw())
const newQ = build(newRaw())
const T0 = '2026-11-01T00:00:00.000Z'
const level = (n: number, evidence = ''): Answer => ({ kind: 'level', level: n, confidence: 'document-backed', evidence, updatedAt: T0 })
const dontKnow: Answer = { kind: 'dont_know', evidence: 'asked HR', updatedAt: T0 }
const notApplicable: Answer = { kind: 'not_applicable', evidence: 'no diaspora', updatedAt: T0 }

describe('migrateAssessment', () => {
  const answers: Answers = { a1: level(4, 'decree'), a2: level(2), a3: level(3, 'minutes'), b1: level(1, 'note of 2025'), b2: dontKnow, b3: level(0) }
  const roadmap: RoadmapEdits = {
    targets: { alpha: 3, gone: 2 },
    dropped: ['alpha-12', 'find-out:a2', 'beta-extra', 'custom:x1', 'beta-23'],
    details: { 'alpha-12': { owner: 'Ana' }, 'find-out:a2': { targetDate: '2027-01-01' }, 'beta-extra': { owner: 'Bo' } },
    placements: { 'alpha-12': '18-36m', 'beta-extra': '6-18m', 'custom:x1': '6-18m', 'beta-34': '0-6m' },
    custom: [{ id: 'x1', dimensionId: 'beta', title: 'Own action', description: '', horizon: '0-6m' }],
  }
  // Migrated inside each test, not once for the block, so that every test exercises the code it checks.
  const migrate = () => migrateAssessment({ answers, roadmap }, oldQ, newQ)!

  it('carries, renumbers and remaps answers, and leaves out the one to answer again', () => {
    const outcome = migrate()
    expect(outcome.answers).toEqual({ a1: level(4, 'decree'), a2b: level(2), a3: level(2, 'minutes'), b2: dontKnow, b3: level(0) })
  })

  it('marks the answers that need a fresh look, keeping the answer not carried', () => {
    const outcome = migrate()
    expect(outcome.freshLook).toEqual({
      b1: { reason: 'reanswer', from: '1.0.0', previousId: 'b1', previous: level(1, 'note of 2025') },
      b2: { reason: 'fresh-look', from: '1.0.0', previousId: 'b2' },
    })
  })

  it('lists every change in file order, the new indicator last, and not the unchanged one', () => {
    const outcome = migrate()
    expect(outcome.changes.map(c => [c.kind, c.fromId, c.toId, c.marked])).toEqual([
      ['renumbered', 'a2', 'a2b', false],
      ['remapped', 'a3', 'a3', false],
      ['reanswer', 'b1', 'b1', true],
      ['fresh-look', 'b2', 'b2', true],
      ['clarified', 'b3', 'b3', false],
      ['added', null, 'b4', false],
    ])
    const remapped = outcome.changes[1]!
    expect(remapped.before).toEqual(level(3, 'minutes'))
    expect(remapped.after).toEqual(level(2, 'minutes'))
    expect(remapped.note?.en).toBe('Levels 1 to 3 were split.')
    expect(outcome.changes[2]!.after).toBeUndefined()
  })

  it('follows renamed actions and renumbered indicators in the roadmap edits, and drops edits of removed actions', () => {
    const outcome = migrate()
    expect(outcome.roadmap.dropped).toEqual(['alpha-12x', 'find-out:a2b', 'custom:x1', 'beta-23'])
    expect(outcome.roadmap.details).toEqual({ 'alpha-12x': { owner: 'Ana' }, 'find-out:a2b': { targetDate: '2027-01-01' } })
    expect(outcome.roadmap.placements).toEqual({ 'alpha-12x': '18-36m', 'custom:x1': '6-18m', 'beta-34': '0-6m' })
    expect(outcome.roadmap.targets).toEqual({ alpha: 3 })
    expect(outcome.roadmap.custom).toEqual(roadmap.custom)
    expect(outcome.roadmapChanges).toEqual([
      { key: 'alpha-12', to: 'alpha-12x', edit: 'dropped' },
      { key: 'find-out:a2', to: 'find-out:a2b', edit: 'dropped' },
      { key: 'beta-extra', to: null, edit: 'dropped' },
      { key: 'alpha-12', to: 'alpha-12x', edit: 'details' },
      { key: 'find-out:a2', to: 'find-out:a2b', edit: 'details' },
      { key: 'beta-extra', to: null, edit: 'details' },
      { key: 'alpha-12', to: 'alpha-12x', edit: 'placements' },
      { key: 'beta-extra', to: null, edit: 'placements' },
    ])
  })

  it('drops an edit of a "find out" item whose indicator no longer exists, and keeps one key when two edits meet', () => {
    const edits = { ...emptyRoadmapEdits(), dropped: ['find-out:zz', 'alpha-12', 'alpha-12x', 'find-out:b3'] }
    const result = migrateAssessment({ answers: {}, roadmap: edits }, oldQ, newQ)!
    expect(result.roadmap.dropped).toEqual(['alpha-12x', 'find-out:b3'])
    expect(result.roadmapChanges).toEqual([
      { key: 'find-out:zz', to: null, edit: 'dropped' },
      { key: 'alpha-12', to: 'alpha-12x', edit: 'dropped' },
    ])
  })

  it('says which versions it went between', () => {
    const outcome = migrate()
    expect([outcome.from, outcome.to]).toEqual(['1.0.0', '1.1.0'])
  })

  it('does not change its inputs', () => {
    expect(answers.b1).toEqual(level(1, 'note of 2025'))
    expect(roadmap.dropped).toContain('beta-extra')
  })

  it('treats a "not applicable" the new indicator no longer offers as an answer to give again', () => {
    const result = migrateAssessment({ answers: { a3: notApplicable }, roadmap: emptyRoadmapEdits() }, oldQ, newQ)!
    expect(result.answers.a3).toBeUndefined()
    expect(result.freshLook.a3).toEqual({ reason: 'reanswer', from: '1.0.0', previousId: 'a3', previous: notApplicable })
    expect(result.changes.find(c => c.fromId === 'a3')).toMatchObject({ kind: 'reanswer', marked: true })
  })

  it('keeps a "not applicable" where the new indicator still offers it', () => {
    const result = migrateAssessment({ answers: { b3: notApplicable }, roadmap: emptyRoadmapEdits() }, oldQ, newQ)!
    expect(result.answers.b3).toEqual(notApplicable)
    expect(result.freshLook).toEqual({})
  })

  it('carries a "don\'t know" through a level map unchanged', () => {
    const result = migrateAssessment({ answers: { a3: dontKnow }, roadmap: emptyRoadmapEdits() }, oldQ, newQ)!
    expect(result.answers.a3).toEqual(dontKnow)
    expect(result.changes.find(c => c.fromId === 'a3')?.kind).toBe('remapped')
  })

  it('marks nothing for indicators that were not answered, but still lists what changed', () => {
    const result = migrateAssessment({ answers: {}, roadmap: emptyRoadmapEdits() }, oldQ, newQ)!
    expect(result.freshLook).toEqual({})
    expect(result.changes.map(c => [c.kind, c.toId, c.marked])).toEqual([
      ['renumbered', 'a2b', false], ['remapped', 'a3', false], ['reanswer', 'b1', false], ['fresh-look', 'b2', false], ['clarified', 'b3', false], ['added', 'b4', false],
    ])
  })

  it('clamps a roadmap target above the new top level', () => {
    const q = newRaw()
    q.levels = q.levels.slice(0, 5)
    q.indicators = q.indicators.map(i => ({ ...i, descriptors: i.descriptors.slice(0, 5), evidenceRequiredFrom: 3 }))
    q.actions = q.actions!.filter(a => a.steps.every(s => s.to <= 4))
    q.archetypes = q.archetypes!.map(a => ({ ...a, scores: Object.fromEntries(Object.entries(a.scores).map(([k, v]) => [k, Math.min(v, 4)])) }))
    q.migrations![0]!.indicators[2] = { id: 'a3', change: 'remapped', levels: { 0: 0, 1: 0, 2: 1, 3: 2, 4: 3, 5: 4 } }
    const four = build(q)
    const result = migrateAssessment({ answers: {}, roadmap: { ...emptyRoadmapEdits(), targets: { alpha: 5, beta: 4 } } }, oldQ, four)!
    expect(result.roadmap.targets).toEqual({ alpha: 4, beta: 4 })
  })

  it('returns undefined when the new version declares no migration from the old one', () => {
    const other = { ...oldQ, version: '0.9.0' }
    expect(migrateAssessment({ answers: {}, roadmap: emptyRoadmapEdits() }, other, newQ)).toBeUndefined()
    expect(findMigration(newQ, '0.9.0')).toBeUndefined()
    expect(findMigration(newQ, '1.0.0')?.from).toBe('1.0.0')
  })
})

describe('findUpgrade', () => {
  it('offers the newest version of the same questionnaire with a valid migration', () => {
    const later = build({ ...newRaw(), version: '1.2.0' })
    const unrelated = build({ ...newRaw(), id: 'other' })
    expect(findUpgrade(oldQ, [oldQ, newQ, unrelated])?.version).toBe('1.1.0')
    expect(findUpgrade(oldQ, [newQ, later, oldQ])?.version).toBe('1.2.0')
  })

  it('orders versions by number, not as text (1.10.0 is newer than 1.9.0)', () => {
    const v19 = build({ ...newRaw(), version: '1.9.0' })
    const v110 = build({ ...newRaw(), version: '1.10.0' })
    expect(findUpgrade(oldQ, [v110, v19])?.version).toBe('1.10.0')
    expect(findUpgrade(oldQ, [v19, v110])?.version).toBe('1.10.0')
  })

  it('offers nothing for the newest version itself, for an older version or without a migration', () => {
    expect(findUpgrade(newQ, [oldQ, newQ])).toBeUndefined()
    const noMigration = build({ ...raw(), version: '2.0.0' })
    expect(findUpgrade(oldQ, [noMigration])).toBeUndefined()
  })

  it('offers nothing when the migration does not match the old version (incomplete)', () => {
    const q = newRaw()
    q.migrations![0]!.indicators = q.migrations![0]!.indicators.slice(1)
    expect(findUpgrade(oldQ, [build(q)])).toBeUndefined()
  })
})

/** Breaks a copy of the 1.1.0 fixture's migration; returns the checker's `path: message` lines (own file, then against 1.0.0). */
function migrationErrors(breakIt: (q: Editable) => void): string[] {
  const q = newRaw()
  breakIt(q)
  const within = checkQuestionnaire(q)
  if (!within.ok) return within.errors.map(inEnglish)
  return checkMigrationAgainst(within.questionnaire, oldQ).map(inEnglish)
}

const entries = (q: Editable) => q.migrations![0]!.indicators as Array<Record<string, unknown>>

describe('the checker on migrations', () => {
  it('accepts the fixture migration', () => {
    expect(migrationErrors(() => {})).toEqual([])
  })

  it('rejects an unknown earlier indicator id, with its path', () => {
    expect(migrationErrors((q) => { entries(q)[0]!.id = 'zz' })).toEqual([
      'migrations[0].indicators[0].id: The indicator “zz” does not exist in version 1.1.0: use “renumbered” with “to”, or “reanswer”.',
    ])
    expect(migrationErrors((q) => { entries(q).push({ id: 'zz', change: 'reanswer', to: 'b4' }) })).toEqual([
      'migrations[0].indicators[6].id: Unknown indicator “zz”: version 1.0.0 has no such indicator.',
    ])
  })

  it('rejects a target that does not exist in the new version', () => {
    expect(migrationErrors((q) => { entries(q)[1]!.to = 'a9' })).toEqual([
      'migrations[0].indicators[1].to: The indicator “a9” does not exist in version 1.1.0.',
    ])
  })

  it('rejects a new level out of range', () => {
    expect(migrationErrors((q) => { (entries(q)[2]!.levels as Record<string, number>)['3'] = 7 })).toEqual([
      'migrations[0].indicators[2].levels.3: Level 7 is above the top level 5 of version 1.1.0.',
    ])
  })

  it('rejects an old level out of range and a level map that misses an old level', () => {
    expect(migrationErrors((q) => { (entries(q)[2]!.levels as Record<string, number>)['6'] = 5 })).toEqual([
      'migrations[0].indicators[2].levels.6: Old level 6 is out of range: version 1.0.0 has levels 0–5.',
    ])
    expect(migrationErrors((q) => { delete (entries(q)[2]!.levels as Record<string, number>)['4'] })).toEqual([
      'migrations[0].indicators[2].levels: No new level for old level 4 (version 1.0.0 has levels 0–5).',
    ])
    expect(migrationErrors((q) => { (entries(q)[2]!.levels as Record<string, number>).x = 1 })).toEqual([
      'migrations[0].indicators[2].levels.x: “x” is not a level number.',
    ])
  })

  it('rejects an incomplete migration', () => {
    expect(migrationErrors((q) => { entries(q).splice(3, 1) })).toEqual([
      'migrations[0].indicators: Incomplete: the indicator “b1” of version 1.0.0 is not listed.',
    ])
  })

  it('rejects an indicator listed twice and two indicators mapped to one', () => {
    expect(migrationErrors((q) => { entries(q).push({ id: 'a1', change: 'reanswer', to: 'b4' }) })).toEqual([
      'migrations[0].indicators[6].id: The indicator “a1” is already listed (migrations[0].indicators[0]).',
    ])
    expect(migrationErrors((q) => { entries(q)[3]!.to = 'a1' })).toEqual([
      'migrations[0].indicators[3].to: Two indicators lead to “a1” (also migrations[0].indicators[0]).',
    ])
  })

  it('rejects a migration from the file\'s own version, or two from the same version', () => {
    expect(migrationErrors((q) => { q.migrations![0]!.from = '1.1.0' })).toEqual([
      'migrations[0].from: A migration upgrades an earlier version; this file is version 1.1.0 itself.',
    ])
    expect(migrationErrors((q) => { q.migrations!.push({ ...q.migrations![0]! }) })).toEqual([
      'migrations[1].from: A migration from version 1.0.0 is already declared.',
    ])
  })

  it('rejects renamed actions that do not exist on either side', () => {
    expect(migrationErrors((q) => { q.migrations![0]!.actions = { 'alpha-12': 'alpha-99' } })).toEqual([
      'migrations[0].actions.alpha-12: The action “alpha-99” does not exist in version 1.1.0.',
    ])
    expect(migrationErrors((q) => { q.migrations![0]!.actions = { 'alpha-12': 'alpha-12x', 'old-1': null } })).toEqual([
      'migrations[0].actions.old-1: Unknown action “old-1”: version 1.0.0 has no such action.',
    ])
  })

  it('rejects an unknown kind of change, with its path', () => {
    const errors = migrationErrors((q) => { entries(q)[0]!.change = 'moved' })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^migrations\[0\]\.indicators\[0\]\.change: /)
  })

  it('checks nothing against a questionnaire with another id or without a migration from it', () => {
    const q = newRaw()
    q.migrations![0]!.indicators = []
    const target = build(q)
    expect(checkMigrationAgainst(target, { ...oldQ, id: 'other' })).toEqual([])
    expect(checkMigrationAgainst(target, { ...oldQ, version: '0.1.0' })).toEqual([])
    expect(checkMigrationAgainst(target, oldQ)).toHaveLength(6)
  })
})

describe('upgradedAssessment and the marks', () => {
  const base = {
    id: 'x', questionnaireKey: 'mini@1.0.0', questionnaireId: 'mini', questionnaireVersion: '1.0.0', locale: 'en',
    profile: emptyProfile('2026-11-01'), answers: { a1: level(2), b2: dontKnow }, position: { view: 'review' as const },
    roadmap: emptyRoadmapEdits(), createdAt: T0, updatedAt: T0,
    freshLook: { a1: { reason: 'fresh-look' as const, from: '0.9.0', previousId: 'a1' }, gone: { reason: 'fresh-look' as const, from: '0.9.0', previousId: 'gone' } },
  }

  it('moves the assessment to the new version with the migrated content, keeping older marks that still apply', () => {
    const outcome = migrateAssessment(base, oldQ, newQ)!
    const upgraded = upgradedAssessment(base, outcome, { key: 'mini@1.1.0', questionnaire: newQ })
    expect([upgraded.questionnaireKey, upgraded.questionnaireId, upgraded.questionnaireVersion]).toEqual(['mini@1.1.0', 'mini', '1.1.0'])
    expect(upgraded.answers).toEqual(outcome.answers)
    expect(upgraded.freshLook).toEqual({ a1: base.freshLook.a1, b2: { reason: 'fresh-look', from: '1.0.0', previousId: 'b2' } })
    expect([upgraded.id, upgraded.locale, upgraded.createdAt, upgraded.updatedAt, upgraded.position]).toEqual(['x', 'en', T0, T0, base.position])
  })

  it('clears one mark and leaves the others', () => {
    expect(clearFreshLook(base.freshLook, 'a1')).toEqual({ gone: base.freshLook.gone })
    expect(clearFreshLook(undefined, 'a1')).toEqual({})
    expect(base.freshLook.a1).toBeDefined()
  })
})

describe('isSuperseded and compareVersions', () => {
  it('knows when a newer version of the same questionnaire exists', () => {
    const all = [{ id: 'q', version: '1.0.0' }, { id: 'q', version: '1.1.0' }, { id: 'r', version: '2.0.0' }]
    expect(isSuperseded({ id: 'q', version: '1.0.0' }, all)).toBe(true)
    expect(isSuperseded({ id: 'q', version: '1.1.0' }, all)).toBe(false)
    expect(isSuperseded({ id: 'r', version: '2.0.0' }, all)).toBe(false)
  })

  it('names the newest newer version of the same questionnaire, or none', () => {
    const all = [{ id: 'q', version: '1.10.0' }, { id: 'q', version: '1.9.0' }, { id: 'q', version: '1.0.0' }, { id: 'r', version: '3.0.0' }]
    expect(newerVersion({ id: 'q', version: '1.0.0' }, all)).toBe('1.10.0')
    expect(newerVersion({ id: 'q', version: '1.10.0' }, all)).toBeUndefined()
    expect(newerVersion({ id: 's', version: '0.1.0' }, all)).toBeUndefined()
  })

  it('compares by number, part by part', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0)
    expect(compareVersions('1.0.0', '1.0.1')).toBeLessThan(0)
    expect(compareVersions('2.0.0', '1.99.99')).toBeGreaterThan(0)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
  })
})

describe('migration rules at their edges', () => {
  it('names the newest newer version whatever order the versions are listed in', () => {
    const all = [{ id: 'q', version: '1.1.0' }, { id: 'q', version: '1.9.0' }, { id: 'q', version: '1.10.0' }, { id: 'q', version: '1.2.0' }]
    expect(newerVersion({ id: 'q', version: '1.0.0' }, all)).toBe('1.10.0')
  })

  it('offers an upgrade only to a newer version of the same questionnaire', () => {
    // Another questionnaire, newer and with a valid-looking migration from 1.0.0, is never offered.
    const otherQuestionnaire = build({ ...newRaw(), id: 'other', version: '1.2.0' })
    expect(findUpgrade(oldQ, [newQ, otherQuestionnaire])?.id).toBe('mini')
    // A file of the same version that (wrongly) declares a migration from its own version is no upgrade.
    expect(findUpgrade(oldQ, [{ ...newQ, version: '1.0.0' }])).toBeUndefined()
  })

  it('leaves the answer to give again out of the answers altogether', () => {
    const outcome = migrateAssessment({ answers: { a1: level(4), b1: level(1) }, roadmap: emptyRoadmapEdits() }, oldQ, newQ)!
    expect(Object.keys(outcome.answers)).toEqual(['a1'])
  })

  it('drops an edit of an action that no longer exists, even without a rename entry', () => {
    // 1.1.0 without the entry that says beta-extra was removed: beta-extra is gone all the same.
    const q = newRaw()
    q.migrations![0]!.actions = { 'alpha-12': 'alpha-12x' }
    const result = migrateAssessment({ answers: {}, roadmap: { ...emptyRoadmapEdits(), dropped: ['beta-extra', 'beta-34'] } }, oldQ, build(q))!
    expect(result.roadmap.dropped).toEqual(['beta-34'])
    expect(result.roadmapChanges).toEqual([{ key: 'beta-extra', to: null, edit: 'dropped' }])
  })

  it('treats a level the map leaves out as an answer to give again', () => {
    // a3's map without old level 4 (the checker refuses such a file against 1.0.0; the migration itself stays total).
    const q = newRaw()
    delete (entries(q)[2]!.levels as Record<string, number>)['4']
    const outcome = migrateAssessment({ answers: { a3: level(4, 'minutes') }, roadmap: emptyRoadmapEdits() }, oldQ, build(q))!
    expect(outcome.answers).toEqual({})
    expect(outcome.freshLook.a3).toEqual({ reason: 'reanswer', from: '1.0.0', previousId: 'a3', previous: level(4, 'minutes') })
  })

  it('lists no change for owners and dates of actions that kept their id', () => {
    const outcome = migrateAssessment({ answers: {}, roadmap: { ...emptyRoadmapEdits(), details: { 'beta-23': { owner: 'Ana' } } } }, oldQ, newQ)!
    expect(outcome.roadmap.details).toEqual({ 'beta-23': { owner: 'Ana' } })
    expect(outcome.roadmapChanges).toEqual([])
  })

  it('points at the id of an entry without "to" whose indicator does not exist in the new version', () => {
    expect(migrationErrors((q) => { entries(q).push({ id: 'zz', change: 'reanswer' }) })).toEqual([
      'migrations[0].indicators[6].id: The indicator “zz” does not exist in version 1.1.0.',
    ])
  })

  it('needs a new level for the old top level too', () => {
    expect(migrationErrors((q) => { delete (entries(q)[2]!.levels as Record<string, number>)['5'] })).toEqual([
      'migrations[0].indicators[2].levels: No new level for old level 5 (version 1.0.0 has levels 0–5).',
    ])
  })

  it('reads an old level as whole digits only; a two-digit level is a number, out of range here', () => {
    const withLevel = (key: string) => migrationErrors((q) => { (entries(q)[2]!.levels as Record<string, number>)[key] = 1 })
    expect(withLevel('1x')).toEqual(['migrations[0].indicators[2].levels.1x: “1x” is not a level number.'])
    expect(withLevel('x1')).toEqual(['migrations[0].indicators[2].levels.x1: “x1” is not a level number.'])
    expect(withLevel('10')).toEqual(['migrations[0].indicators[2].levels.10: Old level 10 is out of range: version 1.0.0 has levels 0–5.'])
  })
})

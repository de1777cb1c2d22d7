import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkMigrationFiles } from '@/cli/check-questionnaires'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import { migrateAssessment } from '@/domain/migration'
import { findUpgrade } from '@/domain/migration-check'
import type { Questionnaire } from '@/domain/questionnaire'

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(new URL(`../../questionnaires/${name}`, import.meta.url), 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.questionnaire
}

const v100 = load('tech-diplomacy-1.0.0.json')
const v110 = load('tech-diplomacy.json')
const find = (id: string, version: string) => [v100, v110].find(q => q.id === id && q.version === version)

/** [kind, indicator, answer before (a level or "dont_know"), marked for a fresh look], worked out by hand from each fixture. */
type Row = [string, string, number | string, boolean]
const expected: Record<string, Row[]> = {
  'emerging-mid': [
    ['fresh-look', 'I1.2', 3, true], ['fresh-look', 'I2.4', 3, true], ['fresh-look', 'I3.3', 2, true], ['clarified', 'I4.2', 2, false],
    ['clarified', 'I5.2', 2, false], ['fresh-look', 'I5.3', 2, true], ['fresh-look', 'I5.4', 3, true], ['fresh-look', 'I6.1', 4, true],
    ['fresh-look', 'I6.2', 3, true], ['clarified', 'I6.3', 4, false], ['fresh-look', 'I7.3', 4, true], ['clarified', 'I8.2', 3, false],
    ['fresh-look', 'I8.4', 2, true],
  ],
  'ldc-island-early': [
    ['fresh-look', 'I1.2', 2, true], ['fresh-look', 'I2.4', 1, true], ['fresh-look', 'I3.3', 1, true], ['clarified', 'I4.2', 1, false],
    ['clarified', 'I5.2', 0, false], ['fresh-look', 'I5.3', 'dont_know', true], ['fresh-look', 'I5.4', 1, true], ['fresh-look', 'I6.1', 3, true],
    ['fresh-look', 'I6.2', 1, true], ['clarified', 'I6.3', 2, false], ['fresh-look', 'I7.3', 2, true], ['clarified', 'I8.2', 2, false],
    ['fresh-look', 'I8.4', 1, true],
  ],
  'pioneer': [
    ['fresh-look', 'I1.2', 4, true], ['fresh-look', 'I2.4', 4, true], ['fresh-look', 'I3.3', 3, true], ['clarified', 'I4.2', 4, false],
    ['clarified', 'I5.2', 4, false], ['fresh-look', 'I5.3', 4, true], ['fresh-look', 'I5.4', 3, true], ['fresh-look', 'I6.1', 5, true],
    ['fresh-look', 'I6.2', 4, true], ['clarified', 'I6.3', 5, false], ['fresh-look', 'I7.3', 5, true], ['clarified', 'I8.2', 5, false],
    ['fresh-look', 'I8.4', 3, true],
  ],
}
const FRESH = ['I1.2', 'I2.4', 'I3.3', 'I5.3', 'I5.4', 'I6.1', 'I6.2', 'I7.3', 'I8.4']

describe('questionnaire 1.1.0 upgrades every 1.0.0 fixture', () => {
  it('offers 1.1.0 as the upgrade of 1.0.0', () => {
    expect(findUpgrade(v100, [v100, v110])?.version).toBe('1.1.0')
  })

  it.each(Object.keys(expected))('%s: the listed changes, every answer kept, nine marked for a fresh look', (name) => {
    const parsed = parseAssessmentFile(readFileSync(new URL(`../fixtures/${name}.tda.json`, import.meta.url), 'utf8'), find)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.questionnaire.version).toBe('1.0.0')
    const outcome = migrateAssessment(parsed.value, v100, v110)!
    expect(outcome.changes.map((c): Row => [c.kind, c.toId, c.before?.kind === 'level' ? c.before.level : c.before?.kind ?? '', c.marked])).toEqual(expected[name])
    expect(outcome.changes.every(c => c.fromId === c.toId && JSON.stringify(c.after) === JSON.stringify(c.before))).toBe(true)
    expect(outcome.answers).toEqual(parsed.value.answers)
    expect(Object.keys(outcome.freshLook).sort()).toEqual(FRESH)
    expect(Object.values(outcome.freshLook).every(mark => mark.reason === 'fresh-look' && mark.from === '1.0.0')).toBe(true)
    expect(outcome.roadmap).toEqual(parsed.value.roadmap)
    expect(outcome.roadmapChanges).toEqual([])
  })

  it('an upgraded fixture is a valid 1.1.0 answers set (every id exists, every level in range)', () => {
    const parsed = parseAssessmentFile(readFileSync(new URL('../fixtures/pioneer.tda.json', import.meta.url), 'utf8'), find)
    if (!parsed.ok) throw new Error('fixture invalid')
    const outcome = migrateAssessment(parsed.value, v100, v110)!
    const ids = new Set(v110.indicators.map(i => i.id))
    expect(Object.keys(outcome.answers).every(id => ids.has(id))).toBe(true)
  })
})

describe('npm run questionnaires:check on migrations', () => {
  it('finds the shipped migration complete and consistent with 1.0.0', () => {
    expect(checkMigrationFiles([{ file: 'tech-diplomacy.json', questionnaire: v110 }], [v100])).toEqual({ errors: [], notes: [] })
  })

  it('names the file and the path of a broken migration', () => {
    const broken: Questionnaire = { ...v110, migrations: [{ ...v110.migrations![0]!, indicators: v110.migrations![0]!.indicators.filter(e => e.id !== 'I3.3') }] }
    expect(checkMigrationFiles([{ file: 'mine.json', questionnaire: broken }], [v100]).errors).toEqual([
      { file: 'mine.json', issue: { path: 'migrations[0].indicators', code: 'migration.incomplete', params: { id: 'I3.3', version: '1.0.0' } } },
    ])
  })

  it('notes a migration whose earlier version is not available instead of failing', () => {
    expect(checkMigrationFiles([{ file: 'mine.json', questionnaire: v110 }], [])).toEqual({
      errors: [], notes: ['mine.json: migration from 1.0.0 not checked against that version (no tech-diplomacy 1.0.0 file found)'],
    })
  })
})

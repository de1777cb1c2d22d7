import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { resultsJsonSchema } from '@/cli/json-schema'
import { parseArgs } from '@/cli/report'

const FIXTURES = ['tests/fixtures/ldc-island-early.tda.json', 'tests/fixtures/emerging-mid.tda.json', 'tests/fixtures/pioneer.tda.json']
const schema = JSON.parse(readFileSync('docs/results.schema.json', 'utf8')) as Record<string, unknown>

describe('npm run report -- --format json', () => {
  const out = mkdtempSync(join(tmpdir(), 'tda-json-'))
  let run: ReturnType<typeof spawnSync>
  beforeAll(() => {
    run = spawnSync('npx', ['tsx', 'src/cli/report.ts', ...FIXTURES, '--out', out, '--format', 'json', '--lang', 'fr'], { encoding: 'utf8', timeout: 120_000 })
  }, 120_000)

  it('writes one results file per answers file', () => {
    expect(run.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['emerging-mid.results.json', 'ldc-island-early.results.json', 'pioneer.results.json'])
    expect(String(run.stdout)).toContain('3 fichier(s) JSON écrit(s)') // the command line speaks the --lang language
  })

  it.each(FIXTURES.map(f => f.replace(/^.*\/|\.tda\.json$/g, '')))('%s validates against docs/results.schema.json', (name) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    const data = JSON.parse(readFileSync(join(out, `${name}.results.json`), 'utf8')) as unknown
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
  })

  it('holds the stage, the index to one decimal, the plan by horizon and the cited sources, in the chosen language', () => {
    const data = JSON.parse(readFileSync(join(out, 'pioneer.results.json'), 'utf8')) as {
      locale: string, results: { overallStage: number, overallStageName: string, index: number, dimensions: Array<{ title: string, score: number }> }
      plan: { horizons: Array<{ id: string, label: string, items: Array<{ title: string, sources: string[] }> }> }, sources: Array<{ id: string }>
    }
    expect(data.locale).toBe('fr')
    expect(data.results.overallStage).toBe(3)
    expect(data.results.overallStageName).toBe('Consolidé')
    expect(Number.isInteger(data.results.index * 10)).toBe(true)
    expect(data.results.dimensions[0]!.title).toBe('Mandat et ancrage institutionnel')
    expect(data.plan.horizons.map(h => h.label)).toEqual(['0 à 6 mois', '6 à 18 mois', '18 à 36 mois'])
    const cited = new Set(data.plan.horizons.flatMap(h => h.items.flatMap(i => i.sources)))
    const listed = new Set(data.sources.map(s => s.id))
    expect([...cited].filter(id => !listed.has(id))).toEqual([])
  })

  it('carries the explained headline: the facts that set the stage and the shortest path to the next one', () => {
    for (const name of ['ldc-island-early', 'emerging-mid', 'pioneer']) {
      const data = JSON.parse(readFileSync(join(out, `${name}.results.json`), 'utf8')) as {
        results: { overallStage: number }
        headline: { stage: number, facts: Array<{ code: string }>, pathStatus: string, path: { stage: number, changes: unknown[] } | null, meaning: { level: number } }
      }
      expect(data.headline.stage, name).toBe(data.results.overallStage)
      expect(data.headline.meaning.level, name).toBe(data.results.overallStage)
      expect(data.headline.facts.length, name).toBeGreaterThan(0)
      expect(data.headline.pathStatus, name).toBe('found')
      expect(data.headline.path!.stage, name).toBeGreaterThan(data.results.overallStage)
      expect(data.headline.path!.changes.length, name).toBeGreaterThan(0)
    }
  })

  it('rejects a results file that breaks the schema (the validator is not a rubber stamp)', () => {
    const validate = new Ajv({ strict: false }).compile(schema)
    const data = JSON.parse(readFileSync(join(out, 'pioneer.results.json'), 'utf8')) as { results: { index: unknown } }
    data.results.index = 'high'
    expect(validate(data)).toBe(false)
  })
})

describe('docs/results.schema.json', () => {
  it('is the schema generated from the code (run npm run questionnaires:schema after a change)', () => {
    expect(readFileSync('docs/results.schema.json', 'utf8')).toBe(resultsJsonSchema())
  })
  it('declares its version', () => {
    expect(JSON.stringify(schema)).toContain('"schemaVersion":{"type":"number","const":1}')
  })
})

describe('--format', () => {
  it('accepts pdf, docx and json and refuses anything else', () => {
    expect(parseArgs(['a.json', '--out', 'x', '--format', 'docx'])).toEqual({ inputs: ['a.json'], out: 'x', format: 'docx' })
    expect(parseArgs(['a.json', '--out', 'x', '--format', 'json'])).toEqual({ inputs: ['a.json'], out: 'x', format: 'json' })
    expect(parseArgs(['a.json', '--out', 'x', '--format', 'odt'])).toMatch(/^Unknown format odt: choose pdf, docx or json/)
  })

  it('writes a Word file that starts as a zip archive', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tda-docx-'))
    const r = spawnSync('npx', ['tsx', 'src/cli/report.ts', FIXTURES[0]!, '--out', dir, '--format', 'docx'], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(readdirSync(dir)).toEqual(['ldc-island-early.docx'])
    expect(readFileSync(join(dir, 'ldc-island-early.docx')).subarray(0, 2).toString()).toBe('PK')
  }, 60_000)
})

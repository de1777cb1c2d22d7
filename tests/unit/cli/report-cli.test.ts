import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '@/cli/report'

const FIXTURES = ['tests/fixtures/ldc-island-early.tda.json', 'tests/fixtures/emerging-mid.tda.json', 'tests/fixtures/pioneer.tda.json', 'tests/fixtures/answers/known-results.tda.json']

describe('npm run report', () => {
  it('turns a folder of 20 exports, one broken, into 19 PDFs and one clear error line', () => {
    const input = mkdtempSync(join(tmpdir(), 'tda-in-'))
    const out = mkdtempSync(join(tmpdir(), 'tda-out-'))
    for (let i = 0; i < 19; i++) copyFileSync(FIXTURES[i % FIXTURES.length]!, join(input, `country-${String(i + 1).padStart(2, '0')}.tda.json`))
    const broken = readFileSync(FIXTURES[1]!, 'utf8').replace('"level": 3', '"level": 9')
    writeFileSync(join(input, 'country-20.tda.json'), broken)

    const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', input, '--out', out], { encoding: 'utf8', timeout: 120_000 })
    const pdfs = readdirSync(out).filter(name => name.endsWith('.pdf'))
    expect(pdfs).toHaveLength(19)
    expect(pdfs).not.toContain('country-20.pdf')
    for (const pdf of pdfs) expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-')
    const errors = run.stderr.split('\n').filter(line => line.startsWith('✗'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^✗ country-20\.tda\.json › assessment\.answers\.I\d\.\d\.level: Level 9 is above the top level 5\.$/)
    expect(run.stdout).toContain('19 PDF(s) written')
    expect(run.status).toBe(1)
  }, 180_000)

  it('writes the report in another language on request', () => {
    const out = mkdtempSync(join(tmpdir(), 'tda-out-'))
    const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', FIXTURES[2]!, '--out', out, '--lang', 'fr'], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(0)
    expect(readdirSync(out)).toEqual(['pioneer.pdf'])
  }, 60_000)

  it('explains its usage when arguments are missing', () => {
    expect(parseArgs(['a.tda.json'])).toMatch(/^Usage: npm run report/)
    expect(parseArgs(['--out', 'x'])).toMatch(/^Usage/)
    expect(parseArgs(['a.json', '--out', 'x', '--zip'])).toMatch(/^Unknown option --zip/)
    expect(parseArgs(['a.json', 'b.json', '--out', 'x', '--lang', 'fr'])).toEqual({ inputs: ['a.json', 'b.json'], out: 'x', lang: 'fr' })
  })
})

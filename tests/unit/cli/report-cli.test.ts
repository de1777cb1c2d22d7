import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArgs, uniqueName } from '@/cli/report'
import { shippedQuestionnaireFiles } from '@/cli/shipped'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaireText } from '@/domain/check'
import { hostileCorpus } from '../../fuzz/corpus'

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

describe('npm run report on hostile files', () => {
  it('gives one ✗ line per bad file, a PDF per valid one, never a stack trace, suffixes colliding names, and exits 1', () => {
    const input = mkdtempSync(join(tmpdir(), 'tda-hostile-'))
    const out = mkdtempSync(join(tmpdir(), 'tda-out-'))
    const sample = hostileCorpus(7, { answers: 70, questionnaires: 30 }).filter((file, i) => file.kind === 'questionnaire' ? i % 4 === 0 : true)
    for (const file of sample) writeFileSync(join(input, file.name), file.text)
    copyFileSync(FIXTURES[2]!, join(input, 'pioneer.tda.json'))
    copyFileSync(FIXTURES[2]!, join(input, 'pioneer.json'))
    copyFileSync(FIXTURES[0]!, join(input, 'ldc-island-early.tda.json'))

    const shipped = shippedQuestionnaireFiles().flatMap((file) => {
      const checked = checkQuestionnaireText(readFileSync(file, 'utf8'))
      return checked.ok ? [checked.questionnaire] : []
    })
    const find = (id: string, version: string) => shipped.find(q => q.id === id && q.version === version)
    const valid = sample.filter(file => parseAssessmentFile(file.text, find).ok).length + 3
    const invalid = sample.length + 3 - valid

    const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', input, '--out', out], { encoding: 'utf8', timeout: 600_000 })
    const crosses = run.stderr.split('\n').filter(line => line.startsWith('✗'))
    expect(crosses).toHaveLength(invalid)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.stderr).not.toMatch(/Error:|ZodError|TypeError|RangeError/)
    const pdfs = readdirSync(out).filter(name => name.endsWith('.pdf'))
    expect(pdfs).toHaveLength(valid)
    expect(pdfs).toEqual(expect.arrayContaining(['pioneer.pdf', 'pioneer-2.pdf', 'ldc-island-early.pdf']))
    expect(run.stdout).toContain(`${valid} PDF(s) written`)
    expect(run.stdout).toContain(`${invalid} input(s) invalid`)
    expect(run.status).toBe(1)
  }, 600_000)

  it('never uses a language code from a file or an option as part of a path', () => {
    const out = mkdtempSync(join(tmpdir(), 'tda-out-'))
    const input = mkdtempSync(join(tmpdir(), 'tda-in-'))
    writeFileSync(join(input, 'traversal.tda.json'), readFileSync(FIXTURES[2]!, 'utf8').replace(/"locale": "\w+"/, '"locale": "../../package"'))
    const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', input, '--out', out, '--lang', '../../package'], { encoding: 'utf8', timeout: 120_000 })
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('! --lang › --lang: The language “../../package” is not available for this questionnaire; “en” is used instead.')
    expect(run.stderr).toContain('! traversal.tda.json › assessment.locale: The language “../../package” is not available')
    expect(readdirSync(out)).toEqual(['traversal.pdf'])
  }, 120_000)

  it('says in French what is wrong with a file when asked for French', () => {
    const out = mkdtempSync(join(tmpdir(), 'tda-out-'))
    const input = mkdtempSync(join(tmpdir(), 'tda-in-'))
    writeFileSync(join(input, 'report.tda.json'), '%PDF-1.7\n%âãÏÓ')
    const run = spawnSync('npx', ['tsx', 'src/cli/report.ts', input, '--out', out, '--lang', 'fr'], { encoding: 'utf8', timeout: 120_000 })
    expect(run.stderr.trim()).toBe('✗ report.tda.json › (fichier) : Ce fichier ressemble à un PDF, pas à un fichier de réponses.')
    expect(run.stdout).toContain('0 PDF écrit(s)')
    expect(run.status).toBe(1)
  }, 120_000)
})

describe('output names', () => {
  it('get a suffix instead of overwriting, whatever the case', () => {
    const used = new Set<string>()
    expect([uniqueName('pioneer', 'pdf', used), uniqueName('pioneer', 'pdf', used), uniqueName('Pioneer', 'pdf', used), uniqueName('pioneer-2', 'pdf', used)])
      .toEqual(['pioneer.pdf', 'pioneer-2.pdf', 'Pioneer-3.pdf', 'pioneer-2-2.pdf'])
  })
})

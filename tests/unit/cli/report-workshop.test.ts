import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArgs, reportLines, runReports } from '@/cli/report'
import { pdfPages } from '../../pdf-text'

const REGIONAL = 'tests/fixtures/workshops/regional.tdw.json'

describe('npm run report with a workshop file', () => {
  it('writes one PDF per delegation, with the appendix on the group; a workshop file named .json is recognised too', async () => {
    const input = mkdtempSync(join(tmpdir(), 'tdw-in-'))
    const out = mkdtempSync(join(tmpdir(), 'tdw-out-'))
    copyFileSync(REGIONAL, join(input, 'regional.tdw.json'))
    copyFileSync(REGIONAL, join(input, 'copy.json'))
    const broken = readFileSync(REGIONAL, 'utf8').replace('"number": 2,', '"number": 1,')
    writeFileSync(join(input, 'broken.tdw.json'), broken)
    const run = await runReports({ inputs: [input], out, generatedAt: new Date('2026-11-29T12:00:00Z') })
    expect(run.written.map(path => basename(path))).toEqual([
      'copy-nepal-2026-11-20.pdf', 'copy-senegal-2026-11-20.pdf', 'regional-nepal-2026-11-20.pdf', 'regional-senegal-2026-11-20.pdf',
    ])
    expect(run.failed.map(f => [f.file, f.problems.map(p => `${p.code} ${p.path}`)])).toEqual([
      ['broken.tdw.json', ['workshop.duplicateNumber workshop.delegations[0].participants[1].number']],
    ])
    const { stderr } = reportLines(run, out, 'en')
    expect(stderr).toEqual(['✗ broken.tdw.json › workshop.delegations[0].participants[1].number: Participant number 1 is used twice (first at workshop.delegations[0].participants[0]).'])
    const text = (await pdfPages(new Uint8Array(readFileSync(run.written[3]!)))).join(' ').replace(/\s+/g, ' ')
    expect(text).toContain('Senegal')
    expect(text).toContain('6 participants took part for this delegation.')
    // the consensus the fixture sets for Senegal on I1.1: "don't know", with the room's note
    expect(text).toContain('Note of the room: Ask the legal directorate')
  }, 120_000)

  it('a workshop file over 20 MB is refused before it is read', async () => {
    const input = mkdtempSync(join(tmpdir(), 'tdw-big-'))
    writeFileSync(join(input, 'big.tdw.json'), Buffer.alloc(21 * 1024 * 1024, 0x20))
    const run = await runReports({ inputs: [join(input, 'big.tdw.json')], out: mkdtempSync(join(tmpdir(), 'tdw-out-')) })
    expect(run.failed).toEqual([{ file: 'big.tdw.json', problems: [{ code: 'file.tooLarge', path: '(file)', params: { size: 21, max: 20 } }] }])
  })

  it('says it accepts workshop files', () => {
    expect(parseArgs([])).toContain('workshop.tdw.json')
  })
})

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runReports } from '@/cli/report'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { assessmentFromImport } from '@/domain/assessment-import'
import { checkQuestionnaireText } from '@/domain/check'
import { migrateAssessment, upgradedAssessment } from '@/domain/migration'
import type { Questionnaire } from '@/domain/questionnaire'
import { pdfPages } from '../../pdf-text'

function load(name: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(`questionnaires/${name}`, 'utf8'))
  if (!result.ok) throw new Error('shipped questionnaire invalid')
  return result.questionnaire
}

describe('npm run report reads answers files of both questionnaire versions', () => {
  it('writes one PDF for a 1.0.0 file and one for the same answers upgraded to 1.1.0, each naming its version', async () => {
    const [v100, v110] = [load('tech-diplomacy-1.0.0.json'), load('tech-diplomacy.json')]
    const input = mkdtempSync(join(tmpdir(), 'tda-versions-'))
    const out = mkdtempSync(join(tmpdir(), 'tda-versions-out-'))
    const oldText = readFileSync('tests/fixtures/emerging-mid.tda.json', 'utf8')
    const parsed = parseAssessmentFile(oldText, (id, version) => (version === '1.0.0' ? v100 : undefined))
    if (!parsed.ok) throw new Error('fixture invalid')
    const before = assessmentFromImport(parsed.value, { id: 'x', questionnaireKey: 'tech-diplomacy@1.0.0', position: { view: 'results' } })
    const after = upgradedAssessment(before, migrateAssessment(before, v100, v110)!, { key: 'tech-diplomacy@1.1.0', questionnaire: v110 })
    writeFileSync(join(input, 'old.tda.json'), oldText)
    writeFileSync(join(input, 'new.tda.json'), serializeAssessmentFile(buildAssessmentFile(after, '2026-11-29T12:00:00.000Z')))

    const run = await runReports({ inputs: [input], out, generatedAt: new Date('2026-11-29T12:00:00Z') })
    expect(run.failed).toEqual([])
    expect(run.written.map(p => basename(p)).sort()).toEqual(['new.pdf', 'old.pdf'])
    const text = async (name: string) => (await pdfPages(new Uint8Array(readFileSync(join(out, name))))).join('\n')
    expect(await text('old.pdf')).toMatch(/version 1\.0\.0/)
    expect(await text('new.pdf')).toMatch(/version 1\.1\.0/)
  }, 120_000)
})

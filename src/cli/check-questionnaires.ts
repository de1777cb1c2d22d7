import { readFileSync, statSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import { checkQuestionnaireText, type CheckIssue, type LocaleCoverage } from '../domain/check'
import { checkFileSize, LIMITS } from '../domain/input-rules'
import { checkMigrationAgainst } from '../domain/migration-check'
import { problem } from '../domain/problem'
import type { Questionnaire } from '../domain/questionnaire'
import { nodeTranslator, problemLine, problemLines } from './messages-node'
import { shippedQuestionnaireFiles } from './shipped'

function coverageTable(rows: Array<{ file: string, coverage: LocaleCoverage[] }>): string {
  const locales = [...new Set(rows.flatMap(r => r.coverage.map(c => c.locale)))]
  const header = ['file', ...locales]
  const body = rows.map(r => [r.file, ...locales.map((locale) => {
    const c = r.coverage.find(x => x.locale === locale)
    return c ? `${(c.ratio * 100).toFixed(c.ratio === 1 ? 0 : 1)} % (${c.translated}/${c.total})` : '—'
  })])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map(row => (row[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...body.map(line)].join('\n')
}

/** Shipped questionnaires, as references for the migrations of the files checked (they may not be among them). */
function shippedReferences(): Questionnaire[] {
  return shippedQuestionnaireFiles().flatMap((file) => {
    const result = checkQuestionnaireText(readFileSync(file, 'utf8'))
    return result.ok ? [result.questionnaire] : []
  })
}

/**
 * Each migration of a valid file checked against the earlier version it upgrades, found among the files checked
 * or the shipped ones. A migration whose earlier version is nowhere to be found is reported as a note, not an error.
 */
export function checkMigrationFiles(checked: ReadonlyArray<{ file: string, questionnaire: Questionnaire }>, references: readonly Questionnaire[]): { errors: Array<{ file: string, issue: CheckIssue }>, notes: string[] } {
  const pool = [...checked.map(c => c.questionnaire), ...references]
  const errors: Array<{ file: string, issue: CheckIssue }> = []
  const notes: string[] = []
  for (const { file, questionnaire } of checked) {
    for (const migration of questionnaire.migrations ?? []) {
      const source = pool.find(q => q.id === questionnaire.id && q.version === migration.from)
      if (!source) notes.push(`${file}: migration from ${migration.from} not checked against that version (no ${questionnaire.id} ${migration.from} file found)`)
      else for (const issue of checkMigrationAgainst(questionnaire, source)) errors.push({ file, issue })
    }
  }
  return { errors, notes }
}

function main(args: string[]): number {
  const t = nodeTranslator(process.env.TDA_LANG ?? 'en')
  const files = args.length > 0 ? args.map(a => resolve(a)) : shippedQuestionnaireFiles()
  if (files.length === 0) {
    console.error('No questionnaire files found in questionnaires/.')
    return 1
  }
  let failed = 0
  const rows: Array<{ file: string, coverage: LocaleCoverage[] }> = []
  const valid: Array<{ file: string, questionnaire: Questionnaire }> = []
  for (const file of files) {
    const shown = relative(process.cwd(), file) || basename(file)
    let text: string
    try {
      const tooLarge = checkFileSize(statSync(file).size, LIMITS.questionnaireFileBytes)
      if (tooLarge) {
        console.error(`✗ ${problemLine(shown, tooLarge, t)}`)
        failed++
        continue
      }
      text = readFileSync(file, 'utf8')
    }
    catch {
      console.error(`✗ ${problemLine(shown, problem('file.unreadable', '(file)'), t)}`)
      failed++
      continue
    }
    const result = checkQuestionnaireText(text)
    if (result.ok) {
      const q = result.questionnaire
      console.log(`✓ ${shown}: ${q.id} ${q.version} — ${q.dimensions.length} dimensions, ${q.indicators.length} indicators, ${q.actions.length} actions`)
      rows.push({ file: shown, coverage: result.coverage })
      valid.push({ file: shown, questionnaire: q })
    }
    else {
      failed++
      console.error(`✗ ${shown}: ${result.errors.length} problem(s)`)
      for (const line of problemLines(shown, result.errors, t)) console.error(`  ${line}`)
    }
  }
  const migrations = checkMigrationFiles(valid, args.length > 0 ? shippedReferences() : [])
  for (const note of migrations.notes) console.log(`note: ${note}`)
  const broken = new Set(migrations.errors.map(e => e.file))
  for (const file of broken) {
    const issues = migrations.errors.filter(e => e.file === file)
    console.error(`✗ ${file}: ${issues.length} problem(s) in its migrations`)
    for (const line of problemLines(file, issues.map(e => e.issue), t)) console.error(`  ${line}`)
  }
  failed += broken.size
  if (rows.length > 0) console.log(`\nTranslation coverage\n${coverageTable(rows)}`)
  console.log(`\n${Math.max(0, files.length - failed)} of ${files.length} questionnaire file(s) valid.`)
  return failed > 0 ? 1 : 0
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2))

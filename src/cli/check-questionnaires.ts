import { readFileSync, statSync } from 'node:fs'
import { basename, relative, resolve } from 'node:path'
import { checkQuestionnaireText, type LocaleCoverage } from '../domain/check'
import { checkFileSize, LIMITS } from '../domain/input-rules'
import { problem } from '../domain/problem'
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

function main(args: string[]): number {
  const t = nodeTranslator(process.env.TDA_LANG ?? 'en')
  const files = args.length > 0 ? args.map(a => resolve(a)) : shippedQuestionnaireFiles()
  if (files.length === 0) {
    console.error('No questionnaire files found in questionnaires/.')
    return 1
  }
  let failed = 0
  const rows: Array<{ file: string, coverage: LocaleCoverage[] }> = []
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
    }
    else {
      failed++
      console.error(`✗ ${shown}: ${result.errors.length} problem(s)`)
      for (const line of problemLines(shown, result.errors, t)) console.error(`  ${line}`)
    }
  }
  if (rows.length > 0) console.log(`\nTranslation coverage\n${coverageTable(rows)}`)
  console.log(`\n${files.length - failed} of ${files.length} questionnaire file(s) valid.`)
  return failed > 0 ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))

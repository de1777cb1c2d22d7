import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseAssessmentFile } from '../domain/assessment-file'
import { assessmentFromImport } from '../domain/assessment-import'
import { checkQuestionnaireText, formatIssue } from '../domain/check'
import { assessmentOutcome } from '../domain/outcome'
import type { Questionnaire } from '../domain/questionnaire'
import { buildReportPdf } from '../report/build-report'
import { countryNameNode, readReportFonts, readReportLabels } from './report-node'
import { shippedQuestionnaireFiles } from './shipped'

const USAGE = 'Usage: npm run report -- <answers.tda.json | folder>… --out <dir> [--lang en|fr|…]'

export interface ReportOptions {
  inputs: string[]
  out: string
  lang?: string
  /** When the report says it was generated (defaults to now). */
  generatedAt?: Date
}

export interface ReportRun {
  written: string[]
  failed: Array<{ file: string, messages: string[] }>
}

export function parseArgs(args: readonly string[]): ReportOptions | string {
  const inputs: string[] = []
  let out: string | undefined
  let lang: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--out') out = args[++i]
    else if (arg === '--lang') lang = args[++i]
    else if (arg.startsWith('--')) return `Unknown option ${arg}. ${USAGE}`
    else inputs.push(arg)
  }
  if (inputs.length === 0 || !out) return USAGE
  return { inputs, out, ...(lang ? { lang } : {}) }
}

function expand(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    const path = resolve(input)
    try {
      if (statSync(path).isDirectory()) return readdirSync(path).filter(n => n.endsWith('.json')).sort().map(n => join(path, n))
    }
    catch {
      // a missing path is reported as an unreadable input below
    }
    return [path]
  })
}

function loadQuestionnaires(): Questionnaire[] {
  return shippedQuestionnaireFiles().flatMap((file) => {
    const result = checkQuestionnaireText(readFileSync(file, 'utf8'))
    return result.ok ? [result.questionnaire] : []
  })
}

/** Writes one PDF per valid answers file; a bad file is reported and skipped, never stopping the batch. */
export function runReports(options: ReportOptions): ReportRun {
  const questionnaires = loadQuestionnaires()
  const find = (id: string, version: string) => questionnaires.find(q => q.id === id && q.version === version)
  const available = questionnaires.map(q => ({ id: q.id, version: q.version }))
  const fonts = readReportFonts()
  mkdirSync(resolve(options.out), { recursive: true })
  const run: ReportRun = { written: [], failed: [] }
  for (const file of expand(options.inputs)) {
    const name = basename(file)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    }
    catch (error) {
      run.failed.push({ file: name, messages: [`${name} › (file): cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] })
      continue
    }
    const parsed = parseAssessmentFile(text, find, available)
    if (!parsed.ok) {
      run.failed.push({ file: name, messages: parsed.errors.map(e => formatIssue(name, e)) })
      continue
    }
    const v = parsed.value
    const locale = options.lang ?? v.locale
    const assessment = { ...assessmentFromImport(v, { id: name, questionnaireKey: `${v.questionnaire.id}@${v.questionnaire.version}`, position: { view: 'results' } }), locale }
    const { result, roadmap } = assessmentOutcome(v.questionnaire, assessment)
    const bytes = buildReportPdf({
      questionnaire: v.questionnaire, assessment, result, roadmap,
      labels: readReportLabels(locale),
      countryName: countryNameNode(v.profile.country, locale),
      generatedAt: options.generatedAt ?? new Date(),
      fonts,
    })
    const target = join(resolve(options.out), `${name.replace(/(\.tda)?\.json$/, '')}.pdf`)
    writeFileSync(target, bytes)
    run.written.push(target)
  }
  return run
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const options = parseArgs(process.argv.slice(2))
  if (typeof options === 'string') {
    console.error(options)
    process.exitCode = 2
  }
  else {
    const run = runReports(options)
    for (const path of run.written) console.log(`✓ ${path}`)
    for (const failure of run.failed) console.error(`✗ ${failure.messages.join('\n  ')}`)
    console.log(`${run.written.length} PDF(s) written to ${resolve(options.out)}; ${run.failed.length} input(s) invalid.`)
    process.exitCode = run.failed.length > 0 ? 1 : 0
  }
}

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseAssessmentFile } from '../domain/assessment-file'
import { assessmentFromImport } from '../domain/assessment-import'
import { checkQuestionnaireText, formatIssue } from '../domain/check'
import { assessmentOutcome } from '../domain/outcome'
import type { Questionnaire } from '../domain/questionnaire'
import { buildReportDocx } from '../report/build-docx'
import { buildReportPdf } from '../report/build-report'
import { createContext } from '../report/context'
import { buildResultsFile } from '../report/results-json'
import { countryNameNode, readReportFonts, readReportLabels } from './report-node'
import { shippedQuestionnaireFiles } from './shipped'

const USAGE = 'Usage: npm run report -- <answers.tda.json | folder>… --out <dir> [--lang en|fr|…] [--format pdf|docx|json]'

/** What the command writes per answers file: the PDF report, its Word version, or the results and plan as JSON (docs/results.schema.json). */
export const REPORT_FORMATS = ['pdf', 'docx', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
const FORMAT_NOUN: Record<ReportFormat, string> = { pdf: 'PDF(s)', docx: 'Word file(s)', json: 'JSON file(s)' }

export interface ReportOptions {
  inputs: string[]
  out: string
  lang?: string
  /** pdf unless asked. */
  format?: ReportFormat
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
  let format: ReportFormat | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--out') out = args[++i]
    else if (arg === '--lang') lang = args[++i]
    else if (arg === '--format') {
      const value = args[++i]
      if (!REPORT_FORMATS.includes(value as ReportFormat)) return `Unknown format ${value ?? '(none)'}: choose pdf, docx or json. ${USAGE}`
      format = value as ReportFormat
    }
    else if (arg.startsWith('--')) return `Unknown option ${arg}. ${USAGE}`
    else inputs.push(arg)
  }
  if (inputs.length === 0 || !out) return USAGE
  return { inputs, out, ...(lang ? { lang } : {}), ...(format ? { format } : {}) }
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

/** Writes one report (PDF, Word or JSON) per valid answers file; a bad file is reported and skipped, never stopping the batch. */
export async function runReports(options: ReportOptions): Promise<ReportRun> {
  const format = options.format ?? 'pdf'
  const questionnaires = loadQuestionnaires()
  const find = (id: string, version: string) => questionnaires.find(q => q.id === id && q.version === version)
  const available = questionnaires.map(q => ({ id: q.id, version: q.version }))
  const fonts = format === 'pdf' ? readReportFonts() : { regular: '', bold: '' }
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
    const input = {
      questionnaire: v.questionnaire, assessment, result, roadmap,
      labels: readReportLabels(locale),
      countryName: countryNameNode(v.profile.country, locale),
      generatedAt: options.generatedAt ?? new Date(),
    }
    const bytes = format === 'pdf'
      ? buildReportPdf({ ...input, fonts })
      : format === 'docx'
        ? await buildReportDocx(input)
        : `${JSON.stringify(buildResultsFile(createContext({ ...input, fonts })), null, 2)}\n`
    const target = join(resolve(options.out), `${name.replace(/(\.tda)?\.json$/, '')}.${format === 'json' ? 'results.json' : format}`)
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
    const run = await runReports(options)
    for (const path of run.written) console.log(`✓ ${path}`)
    for (const failure of run.failed) console.error(`✗ ${failure.messages.join('\n  ')}`)
    console.log(`${run.written.length} ${FORMAT_NOUN[options.format ?? 'pdf']} written to ${resolve(options.out)}; ${run.failed.length} input(s) invalid.`)
    process.exitCode = run.failed.length > 0 ? 1 : 0
  }
}

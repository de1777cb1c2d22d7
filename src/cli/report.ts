import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { assessmentFileName, parseAssessmentFile, type ImportResult } from '../domain/assessment-file'
import { assessmentFromImport } from '../domain/assessment-import'
import { checkQuestionnaireText } from '../domain/check'
import { checkFileSize, LIMITS, resolveLocale } from '../domain/input-rules'
import { assessmentOutcome } from '../domain/outcome'
import { problem, type Problem } from '../domain/problem'
import type { Assessment } from '../domain/assessment'
import type { Questionnaire } from '../domain/questionnaire'
import { consensusAssessment } from '../domain/workshop-consensus'
import { MAX_WORKSHOP_FILE_BYTES, parseWorkshopFile, workshopFromImport, type WorkshopImportResult } from '../domain/workshop-file'
import type { Workshop } from '../domain/workshop-model'
import { DEFAULT_LOCALE, UI_LOCALES } from '../i18n/locales'
import { buildReportDocx } from '../report/build-docx'
import { buildReportPdf } from '../report/build-report'
import { createContext } from '../report/context'
import { buildResultsFile } from '../report/results-json'
import { buildWorkshopPdf } from '../report/workshop-report'
import { nodeTranslator, problemLine, uiLocaleFor } from './messages-node'
import { followUpReportInput } from '../report/followup-section'
import { countryNameNode, readFollowUpLabels, readReportFonts, readReportLabels } from './report-node'
import { shippedQuestionnaireFiles } from './shipped'

const USAGE = 'Usage: npm run report -- <answers.tda.json | workshop.tdw.json | folder>… --out <dir> [--lang en|fr|…] [--format pdf|docx|json]'

/** What the command writes per answers file: the PDF report, its Word version, or the results and plan as JSON (docs/results.schema.json). */
export const REPORT_FORMATS = ['pdf', 'docx', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
/** The words for what was written, under `cli.written` in the UI messages. */
const FORMAT_NOUN: Record<ReportFormat, string> = { pdf: 'pdf', docx: 'docx', json: 'json' }

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
  /** Paths of the files actually written. */
  written: string[]
  /** Files refused, with every problem found. */
  failed: Array<{ file: string, problems: Problem[] }>
  /** Notes on files that were used anyway (e.g. an unknown language replaced by English). */
  notes: Array<{ file: string, problems: Problem[] }>
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

/** An output name not used yet in this run: `pioneer.pdf`, then `pioneer-2.pdf`… (case-insensitive, for every file system). */
export function uniqueName(stem: string, extension: string, used: Set<string>): string {
  let name = `${stem}.${extension}`
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.${extension}`
  used.add(name.toLowerCase())
  return name
}

/** Reads a file's text: size checked in bytes first (never reads a file over `max`), or the problem. */
function readText(file: string, max: number): { ok: true, text: string } | { ok: false, errors: Problem[] } {
  let size: number
  try {
    size = statSync(file).size
  }
  catch {
    return { ok: false, errors: [problem('file.unreadable', '(file)')] }
  }
  const tooLarge = checkFileSize(size, max)
  if (tooLarge) return { ok: false, errors: [tooLarge] }
  try {
    return { ok: true, text: readFileSync(file, 'utf8') }
  }
  catch {
    return { ok: false, errors: [problem('file.unreadable', '(file)')] }
  }
}

/** A workshop file (`*.tdw.json`, or any JSON file whose content says it is one). */
const isWorkshopName = (name: string) => /\.tdw\.json$/i.test(name)

type Input = { kind: 'answers', parsed: ImportResult } | { kind: 'workshop', parsed: WorkshopImportResult }

/**
 * Reads one answers or workshop file: a `*.tdw.json` name, or an answers-file reading that finds a workshop file,
 * is read as a workshop (with the workshop-file size limit); every problem as a code.
 */
function readInput(file: string, find: (id: string, version: string) => Questionnaire | undefined, available: Array<{ id: string, version: string }>): Input {
  if (!isWorkshopName(file)) {
    const read = readText(file, LIMITS.answersFileBytes)
    if (!read.ok) return { kind: 'answers', parsed: read }
    const parsed = parseAssessmentFile(read.text, find, available)
    if (parsed.ok || parsed.errors[0]?.code !== 'file.isWorkshop') return { kind: 'answers', parsed }
    return { kind: 'workshop', parsed: parseWorkshopFile(read.text, find, available) }
  }
  const read = readText(file, MAX_WORKSHOP_FILE_BYTES)
  return { kind: 'workshop', parsed: read.ok ? parseWorkshopFile(read.text, find, available) : read }
}

/**
 * Writes one report (PDF, Word or JSON) per valid answers file, and one per delegation of a valid workshop file (the
 * consensus, with the appendix on the group in the PDF). A bad file is reported with its problems (as codes)
 * and skipped; an unexpected fault in one file is reported the same way: the batch always goes on. Output names
 * never collide (a collision gets a suffix).
 */
export async function runReports(options: ReportOptions): Promise<ReportRun> {
  const format = options.format ?? 'pdf'
  const questionnaires = loadQuestionnaires()
  const find = (id: string, version: string) => questionnaires.find(q => q.id === id && q.version === version)
  const available = questionnaires.map(q => ({ id: q.id, version: q.version }))
  const fonts = readReportFonts()
  mkdirSync(resolve(options.out), { recursive: true })
  const run: ReportRun = { written: [], failed: [], notes: [] }
  const used = new Set<string>()
  const requested = options.lang === undefined ? undefined : resolveLocale(options.lang, UI_LOCALES.map(l => l.code), DEFAULT_LOCALE, '--lang')
  if (requested?.note) run.notes.push({ file: '--lang', problems: [requested.note] })
  const generatedAt = options.generatedAt ?? new Date()
  /** One report of an assessment (or of a delegation's consensus, with the workshop's appendix in the PDF). */
  const write = async (questionnaire: Questionnaire, assessment: Assessment, stem: string, workshop?: { workshop: Workshop, delegationId: string }) => {
    const { result, roadmap } = assessmentOutcome(questionnaire, assessment)
    const followUp = followUpReportInput(assessment, questionnaire, find, readFollowUpLabels(assessment.locale))
    const input = {
      ...(followUp ? { followUp } : {}),
      questionnaire, assessment, result, roadmap,
      labels: readReportLabels(assessment.locale),
      countryName: countryNameNode(assessment.profile.country, assessment.locale),
      generatedAt,
    }
    const bytes = format === 'pdf'
      ? workshop
        ? buildWorkshopPdf({ ...input, ...workshop, workshop: { ...workshop.workshop, locale: assessment.locale }, fonts })
        : buildReportPdf({ ...input, fonts })
      : format === 'docx'
        ? await buildReportDocx(input)
        : `${JSON.stringify(buildResultsFile(createContext({ ...input, fonts })), null, 2)}\n`
    const target = join(resolve(options.out), uniqueName(stem, format === 'json' ? 'results.json' : format, used))
    writeFileSync(target, bytes)
    run.written.push(target)
  }
  for (const file of expand(options.inputs)) {
    const name = basename(file)
    try {
      const input = readInput(file, find, available)
      if (!input.parsed.ok) {
        run.failed.push({ file: name, problems: input.parsed.errors })
        continue
      }
      if (input.parsed.notes.length > 0) run.notes.push({ file: name, problems: input.parsed.notes })
      if (input.kind === 'workshop') {
        // One report per delegation, named after the file and the delegation's country and date.
        const { questionnaire } = input.parsed.value
        const workshop = workshopFromImport(input.parsed.value, { id: name, questionnaireKey: `${questionnaire.id}@${questionnaire.version}` })
        const stem = name.replace(/(\.tdw)?\.json$/i, '') || 'workshop'
        for (const delegation of workshop.delegations) {
          const assessment = consensusAssessment(workshop, delegation.id, questionnaire)!
          const country = delegation.profile.country ? countryNameNode(delegation.profile.country, 'en') : delegation.id
          const place = assessmentFileName(country, delegation.profile.date, 'x').replace(/\.x$/, '')
          await write(questionnaire, { ...assessment, locale: requested?.locale ?? assessment.locale }, `${stem}-${place}`, { workshop, delegationId: delegation.id })
        }
        continue
      }
      const v = input.parsed.value
      const assessment = { ...assessmentFromImport(v, { id: name, questionnaireKey: `${v.questionnaire.id}@${v.questionnaire.version}`, position: { view: 'results' } }), locale: requested?.locale ?? v.locale }
      await write(v.questionnaire, assessment, name.replace(/(\.tda)?\.json$/i, '') || 'report')
    }
    catch {
      // A fault in this tool (a bug): the file is reported without a stack trace and the batch goes on.
      run.failed.push({ file: name, problems: [problem('internal.unexpected', '(file)')] })
    }
  }
  return run
}

/** The terminal lines for a run: one `✓` per file written, one `✗` per bad file (first problem and how many), then the counts. */
export function reportLines(run: ReportRun, out: string, lang: string | undefined, format: ReportFormat = 'pdf'): { stdout: string[], stderr: string[] } {
  const t = nodeTranslator(uiLocaleFor(lang))
  const stderr: string[] = []
  for (const note of run.notes) for (const item of note.problems) stderr.push(`! ${problemLine(note.file, item, t)}`)
  for (const failure of run.failed) {
    const first = failure.problems[0]
    const line = first ? problemLine(failure.file, first, t) : failure.file
    const more = failure.problems.length - 1
    stderr.push(`✗ ${line}${more > 0 ? ` ${t('cli.moreProblems', { count: more }, more)}` : ''}`)
  }
  const stdout = [
    ...run.written.map(path => `✓ ${path}`),
    t('cli.summary', { written: run.written.length, what: t(`cli.written.${FORMAT_NOUN[format]}`), out: resolve(out), failed: run.failed.length }),
  ]
  return { stdout, stderr }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const options = parseArgs(process.argv.slice(2))
  if (typeof options === 'string') {
    console.error(options)
    process.exitCode = 2
  }
  else {
    const run = await runReports(options)
    const { stdout, stderr } = reportLines(run, options.out, options.lang, options.format)
    for (const line of stderr) console.error(line)
    for (const line of stdout) console.log(line)
    process.exitCode = run.failed.length > 0 ? 1 : 0
  }
}

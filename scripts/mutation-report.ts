// Reads a StrykerJS JSON report (mutation-testing-report-schema: the last run's report or the committed
// incremental one) and sums it up: the mutation score, the counts, and every mutant no test killed.
import { existsSync, readFileSync } from 'node:fs'

export const MUTATION_REPORT = 'reports/mutation/mutation.json'
export const INCREMENTAL_REPORT = 'reports/stryker-incremental.json'

interface ReportMutant {
  mutatorName: string
  replacement?: string
  status: string
  location: { start: { line: number, column: number } }
}
interface Report {
  files: Record<string, { mutants: ReportMutant[] }>
}

export interface Survivor {
  file: string
  line: number
  column: number
  mutator: string
  replacement: string
  status: 'Survived' | 'NoCoverage'
}

export interface MutationSummary {
  /** Killed + timed out over every valid mutant (no coverage included), in %; what the `break` threshold checks. */
  score: number
  killed: number
  timeout: number
  survived: number
  noCoverage: number
  ignored: number
  errors: number
  valid: number
  /** Survived and not-covered mutants, by file then position. */
  survivors: Survivor[]
  perFile: Array<{ file: string, score: number, valid: number, notKilled: number }>
}

export function summarizeMutationReport(report: Report): MutationSummary {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, errors: 0 }
  const survivors: Survivor[] = []
  const perFile: MutationSummary['perFile'] = []
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    let detected = 0
    let valid = 0
    for (const m of mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout' || m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Ignored') count[m.status]++
      else count.errors++ // CompileError, RuntimeError, Pending: not counted in the score
      if (m.status === 'Killed' || m.status === 'Timeout') detected++
      if (m.status === 'Killed' || m.status === 'Timeout' || m.status === 'Survived' || m.status === 'NoCoverage') valid++
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push({ file, line: m.location.start.line, column: m.location.start.column, mutator: m.mutatorName, replacement: m.replacement ?? '', status: m.status })
      }
    }
    perFile.push({ file, score: valid === 0 ? 100 : (detected / valid) * 100, valid, notKilled: valid - detected })
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage
  return {
    score: valid === 0 ? 100 : ((count.Killed + count.Timeout) / valid) * 100,
    killed: count.Killed,
    timeout: count.Timeout,
    survived: count.Survived,
    noCoverage: count.NoCoverage,
    ignored: count.Ignored,
    errors: count.errors,
    valid,
    survivors,
    perFile,
  }
}

/** The summary of the report at `path`, or null when there is none (or it cannot be read). */
export function readMutationSummary(path: string): MutationSummary | null {
  if (!existsSync(path)) return null
  try {
    return summarizeMutationReport(JSON.parse(readFileSync(path, 'utf8')) as Report)
  }
  catch {
    return null
  }
}

export function scoreLine(s: MutationSummary): string {
  if (s.valid === 0) return 'no mutant was tested (check the --mutate patterns)'
  return `${s.score.toFixed(2)} % (${s.killed} killed, ${s.timeout} timed out, ${s.survived} survived, ${s.noCoverage} not covered; ${s.valid} counted, ${s.ignored} ignored as static)`
}

export function survivorLines(s: MutationSummary): string[] {
  const oneLine = (text: string) => {
    const flat = text.replace(/\s+/g, ' ')
    return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat
  }
  return s.survivors.map(m => `${m.file}:${m.line}:${m.column} ${m.mutator}${m.status === 'NoCoverage' ? ' (no test covers it)' : ''} -> ${oneLine(m.replacement)}`)
}

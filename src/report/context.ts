import type { Assessment } from '../domain/assessment'
import { stageText } from '../domain/labels'
import { localize, type LocalizedText, type Questionnaire } from '../domain/questionnaire'
import type { Roadmap } from '../domain/roadmap'
import type { AssessmentResult } from '../domain/scoring'
import type { ReportFonts } from './document'
import type { ReportLabels } from './labels'

/** Everything the PDF needs: domain data and translations in, nothing read from a store or the DOM. */
export interface ReportInput {
  questionnaire: Questionnaire
  assessment: Assessment
  result: AssessmentResult
  roadmap: Roadmap
  labels: ReportLabels
  /** The country's name in the report's language. */
  countryName: string
  generatedAt: Date
  fonts: ReportFonts
}

/** Helpers shared by the report sections, bound to one report's language. */
export interface ReportContext extends ReportInput {
  locale: string
  t: (text: LocalizedText | undefined) => string
  date: (isoDate: string) => string
  number: (value: number, digits?: number) => string
  percent: (ratio: number) => string
  /** A level as "2 · Emerging"; no stage is "—" (a table cell). */
  levelName: (level: number | null) => string
  /** "Stage 2 · Emerging", or a sentence saying there is no stage yet (never "Stage no stage"). */
  stagePhrase: (level: number | null) => string
}

export function createContext(input: ReportInput): ReportContext {
  const locale = input.assessment.locale
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
  return {
    ...input,
    locale,
    t: text => localize(text, locale),
    date: iso => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : ''),
    number: (value, digits = 1) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    percent: ratio => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
    levelName: level => stageText(input.questionnaire, level, locale, input.labels.none),
    stagePhrase: level => (level === null ? input.labels.noStage : `${input.labels.stage} ${stageText(input.questionnaire, level, locale)}`),
  }
}

import type { Assessment } from '../domain/assessment'
import { stageText } from '../domain/labels'
import { isRealDate } from '../domain/input-rules'
import { localize, type LocalizedText, type Questionnaire } from '../domain/questionnaire'
import type { Roadmap } from '../domain/roadmap'
import type { AssessmentResult } from '../domain/scoring'
import type { ReportFonts } from './document'
import type { FollowUpReportInput } from './followup-section'
import { NUMBERING_SYSTEM } from '../i18n/locales'
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
  /** A follow-up's comparison with its earlier assessment (absent for an assessment that is not a follow-up). */
  followUp?: FollowUpReportInput
}

/** Helpers shared by the report sections, bound to one report's language. */
export interface ReportContext extends ReportInput {
  locale: string
  /** `locale` as a well-formed language tag ("en" when the stored value is not one), for Intl and the PDF's /Lang. */
  languageTag: string
  t: (text: LocalizedText | undefined) => string
  date: (isoDate: string) => string
  number: (value: number, digits?: number) => string
  percent: (ratio: number) => string
  /** A level as "2 · Emerging"; no stage is "—" (a table cell). */
  levelName: (level: number | null) => string
  /** "Stage 2 · Emerging", or a sentence saying there is no stage yet (never "Stage no stage"). */
  stagePhrase: (level: number | null) => string
}

/** A locale the Intl formatters accept: a stored value such as "en_US" or "<script>" falls back to English instead of throwing. */
function formattingLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  }
  catch {
    return 'en'
  }
}

export function createContext(input: ReportInput): ReportContext {
  const locale = input.assessment.locale
  const intlLocale = formattingLocale(locale)
  const dateFormat = new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC', numberingSystem: NUMBERING_SYSTEM })
  // A date that is not a real one prints as "—" rather than failing the whole PDF.
  const formatDate = (iso: string) => {
    const day = iso.slice(0, 10)
    return isRealDate(day) ? dateFormat.format(new Date(`${day}T12:00:00Z`)) : '—'
  }
  return {
    ...input,
    locale,
    languageTag: intlLocale,
    t: text => localize(text, locale),
    date: iso => (iso ? formatDate(iso) : ''),
    number: (value, digits = 1) => new Intl.NumberFormat(intlLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits, numberingSystem: NUMBERING_SYSTEM }).format(value),
    percent: ratio => new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0, numberingSystem: NUMBERING_SYSTEM }).format(ratio),
    levelName: level => stageText(input.questionnaire, level, locale, input.labels.none),
    stagePhrase: level => (level === null ? input.labels.noStage : `${input.labels.stage} ${stageText(input.questionnaire, level, locale)}`),
  }
}

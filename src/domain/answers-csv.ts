import type { Assessment } from './assessment'
import { localTimestamp, toCsv, type CsvFormat } from './csv'
import { levelName, levelText } from './labels'
import { localize, type Questionnaire } from './questionnaire'

/** Column headings and answer words of the answers CSV, in the user's language. */
export interface AnswersCsvLabels {
  dimension: string
  indicator: string
  question: string
  answer: string
  level: string
  levelName: string
  confidence: string
  evidence: string
  updated: string
  dontKnow: string
  notApplicable: string
  unanswered: string
  confidences: Record<string, string>
}

/** One row per indicator, in questionnaire order, unanswered ones included; comma-separated with UTC timestamps unless `format` says otherwise. */
export function answersToCsv(questionnaire: Questionnaire, assessment: Assessment, locale: string, labels: AnswersCsvLabels, format: CsvFormat = { separator: ',' }): string {
  const when = (iso: string) => (format.timeZone ? localTimestamp(iso, format.timeZone) : iso)
  const dimensionTitle = new Map(questionnaire.dimensions.map(d => [d.id, localize(d.title, locale)]))
  const rows: Array<Array<string | number>> = [[
    labels.dimension, labels.indicator, labels.question, labels.answer, labels.level, labels.levelName, labels.confidence, labels.evidence, labels.updated,
  ]]
  for (const indicator of questionnaire.indicators) {
    const answer = assessment.answers[indicator.id]
    const base = [dimensionTitle.get(indicator.dimension) ?? indicator.dimension, indicator.id, localize(indicator.question, locale)]
    if (!answer) {
      rows.push([...base, labels.unanswered, '', '', '', '', ''])
      continue
    }
    if (answer.kind === 'level') {
      rows.push([...base, levelText(questionnaire, answer.level, locale), answer.level, levelName(questionnaire, answer.level, locale), labels.confidences[answer.confidence] ?? answer.confidence, answer.evidence, when(answer.updatedAt)])
    }
    else {
      const word = answer.kind === 'dont_know' ? labels.dontKnow : labels.notApplicable
      rows.push([...base, word, '', '', '', answer.evidence, when(answer.updatedAt)])
    }
  }
  return toCsv(rows, format.separator)
}

import { csvDecimal, toCsv, type CsvSeparator } from './csv'
import { levelName } from './labels'
import { localize, type Questionnaire } from './questionnaire'
import { dimensionResult, type AssessmentResult } from './scoring'

export interface ResultsCsvLabels {
  dimension: string
  score: string
  stage: string
  stageName: string
  unconfirmed: string
  gaps: string
  answered: string
  yes: string
  overall: string
  /** The headline rows' names. */
  overallStage: string
  index: string
  date: string
  questionnaire: string
  questionnaireVersion: string
}

/**
 * The results as a spreadsheet reads them: first the headline, as name–value rows (overall stage with its name, index
 * 0–100 to one decimal, the assessment's date, the questionnaire and its version), then an empty row, then the table:
 * one row per dimension (score to one decimal, stage and its name, unconfirmed, gaps, answered) and the overall row.
 * The decimal mark follows the separator. `date` is the assessment's date as written in its profile (YYYY-MM-DD).
 */
export function resultsToCsv(questionnaire: Questionnaire, result: AssessmentResult, locale: string, labels: ResultsCsvLabels, separator: CsvSeparator = ',', date = ''): string {
  // Stryker disable next-line ConditionalExpression: equivalent; levels[null] is undefined, so levelName gives '' too
  const stageName = (stage: number | null) => (stage === null ? '' : levelName(questionnaire, stage, locale))
  const index = result.index === null ? '' : csvDecimal(result.index, 1, separator)
  const rows: Array<Array<string | number>> = [
    [labels.overallStage, result.overallStage, stageName(result.overallStage)],
    [labels.index, index],
    [labels.date, date],
    [labels.questionnaire, localize(questionnaire.title, locale)],
    [labels.questionnaireVersion, questionnaire.version],
    [],
    [labels.dimension, labels.score, labels.stage, labels.stageName, labels.unconfirmed, labels.gaps, labels.answered],
  ]
  for (const dimension of questionnaire.dimensions) {
    const d = dimensionResult(result, dimension.id)
    if (!d) continue
    rows.push([
      localize(dimension.title, locale),
      d.score === null ? '' : csvDecimal(d.score, 1, separator),
      d.stage ?? '',
      stageName(d.stage),
      d.unconfirmed ? labels.yes : '',
      d.gaps.length,
      `${d.answered}/${d.total}`,
    ])
  }
  rows.push([labels.overall, index, result.overallStage, stageName(result.overallStage), '', result.gaps.length, `${result.answered}/${result.total}`])
  return toCsv(rows, separator)
}

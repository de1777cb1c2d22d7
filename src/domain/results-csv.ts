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
}

/** One row per dimension (score to one decimal, stage and its name), then the overall index and stage; the decimal mark follows the separator. */
export function resultsToCsv(questionnaire: Questionnaire, result: AssessmentResult, locale: string, labels: ResultsCsvLabels, separator: CsvSeparator = ','): string {
  // Stryker disable next-line ConditionalExpression: equivalent; levels[null] is undefined, so levelName gives '' too
  const stageName = (stage: number | null) => (stage === null ? '' : levelName(questionnaire, stage, locale))
  const rows: Array<Array<string | number>> = [[labels.dimension, labels.score, labels.stage, labels.stageName, labels.unconfirmed, labels.gaps, labels.answered]]
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
  rows.push([labels.overall, result.index === null ? '' : csvDecimal(result.index, 1, separator), result.overallStage, stageName(result.overallStage), '', result.gaps.length, `${result.answered}/${result.total}`])
  return toCsv(rows, separator)
}

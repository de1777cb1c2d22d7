import { csvDecimal, toCsv, type CsvSeparator } from './csv'
import { localize, type Questionnaire } from './questionnaire'
import type { AssessmentResult } from './scoring'

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
  const levelName = (stage: number | null) => (stage === null ? '' : localize(questionnaire.levels[stage]?.label, locale))
  const rows: Array<Array<string | number>> = [[labels.dimension, labels.score, labels.stage, labels.stageName, labels.unconfirmed, labels.gaps, labels.answered]]
  questionnaire.dimensions.forEach((dimension, i) => {
    const d = result.dimensions[i]!
    rows.push([
      localize(dimension.title, locale),
      d.score === null ? '' : csvDecimal(d.score, 1, separator),
      d.stage ?? '',
      levelName(d.stage),
      d.unconfirmed ? labels.yes : '',
      d.gaps.length,
      `${d.answered}/${d.total}`,
    ])
  })
  rows.push([labels.overall, result.index === null ? '' : csvDecimal(result.index, 1, separator), result.overallStage, levelName(result.overallStage), '', result.gaps.length, `${result.answered}/${result.total}`])
  return toCsv(rows, separator)
}

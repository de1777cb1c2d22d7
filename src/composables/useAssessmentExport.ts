import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { nowIso } from './clock'
import { downloadText } from './download'
import { useCountries } from './useCountryName'
import { countryName } from '@/domain/labels'
import { answersToCsv, type AnswersCsvLabels } from '@/domain/answers-csv'
import { CSV_BOM, csvSeparatorFor, type CsvFormat } from '@/domain/csv'
import { resultsToCsv, type ResultsCsvLabels } from '@/domain/results-csv'
import type { AssessmentResult } from '@/domain/scoring'
import type { Assessment } from '@/domain/assessment'
import { assessmentFileName, buildAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import type { Questionnaire } from '@/domain/questionnaire'

/**
 * Downloads an assessment as its answers file (`<country>-<date>.tda.json`), or its answers or scores as CSV.
 * File names use English country names, loaded once `hasCountries` says an assessment has a country.
 */
export function useAssessmentExport(hasCountries: () => boolean = () => true) {
  const { t, locale } = useI18n()
  /** Columns split the way a spreadsheet in the user's language expects, times in the user's own zone. */
  const csvFormat = (): CsvFormat => ({ separator: csvSeparatorFor(locale.value), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
  const englishCountries = useCountries(ref('en'), hasCountries)

  function fileName(assessment: Assessment, extension?: string): string {
    const p = assessment.profile
    return assessmentFileName(countryName(p.country, englishCountries.value), p.date, extension)
  }

  function exportJson(assessment: Assessment): void {
    downloadText(fileName(assessment), serializeAssessmentFile(buildAssessmentFile(assessment, nowIso())), 'application/json')
  }

  function exportCsv(assessment: Assessment, questionnaire: Questionnaire): void {
    const labels: AnswersCsvLabels = {
      dimension: t('csv.dimension'), indicator: t('csv.indicator'), question: t('csv.question'), answer: t('csv.answer'),
      level: t('csv.level'), levelName: t('csv.levelName'), confidence: t('csv.confidence'), evidence: t('csv.evidence'),
      updated: t('csv.updated'), dontKnow: t('answer.dontKnow'), notApplicable: t('answer.notApplicable'), unanswered: t('csv.unanswered'),
      confidences: Object.fromEntries(['self-declared', 'document-backed', 'externally-validated'].map(c => [c, t(`answer.confidence.${c}`)])),
    }
    const csv = answersToCsv(questionnaire, assessment, assessment.locale, labels, csvFormat())
    downloadText(fileName(assessment, 'answers.csv'), `${CSV_BOM}${csv}`, 'text/csv;charset=utf-8')
  }

  function exportResultsCsv(assessment: Assessment, questionnaire: Questionnaire, result: AssessmentResult): void {
    const labels: ResultsCsvLabels = {
      dimension: t('results.dimension'), score: t('results.score'), stage: t('results.stage'), stageName: t('results.stageName'),
      unconfirmed: t('results.unconfirmedColumn'), gaps: t('results.gapsColumn'), answered: t('results.answered'), yes: t('results.yes'), overall: t('results.overallRow'),
      overallStage: t('csv.results.overallStage'), index: t('csv.results.index'), date: t('csv.results.date'),
      questionnaire: t('csv.results.questionnaire'), questionnaireVersion: t('csv.results.questionnaireVersion'),
    }
    const csv = resultsToCsv(questionnaire, result, assessment.locale, labels, csvFormat().separator, assessment.profile.date)
    downloadText(fileName(assessment, 'results.csv'), `${CSV_BOM}${csv}`, 'text/csv;charset=utf-8')
  }

  return { exportJson, exportCsv, exportResultsCsv }
}

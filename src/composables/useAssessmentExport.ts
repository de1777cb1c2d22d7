import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { nowIso } from './clock'
import { downloadText } from './download'
import { countryName, useCountries } from './useCountryName'
import { answersToCsv, type AnswersCsvLabels } from '@/domain/answers-csv'
import type { Assessment } from '@/domain/assessment'
import { assessmentFileName, buildAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import type { Questionnaire } from '@/domain/questionnaire'

/** Downloads an assessment as its answers file (`<country>-<date>.tda.json`) or as a CSV for spreadsheets. */
export function useAssessmentExport() {
  const { t } = useI18n()
  const englishCountries = useCountries(ref('en'))

  function baseName(assessment: Assessment): string {
    const p = assessment.profile
    return assessmentFileName(p.country ? countryName(englishCountries.value, p.country) : '', p.date)
  }

  function exportJson(assessment: Assessment): void {
    downloadText(baseName(assessment), serializeAssessmentFile(buildAssessmentFile(assessment, nowIso())), 'application/json')
  }

  function exportCsv(assessment: Assessment, questionnaire: Questionnaire): void {
    const labels: AnswersCsvLabels = {
      dimension: t('csv.dimension'), indicator: t('csv.indicator'), question: t('csv.question'), answer: t('csv.answer'),
      level: t('csv.level'), levelName: t('csv.levelName'), confidence: t('csv.confidence'), evidence: t('csv.evidence'),
      updated: t('csv.updated'), dontKnow: t('answer.dontKnow'), notApplicable: t('answer.notApplicable'), unanswered: t('csv.unanswered'),
      confidences: Object.fromEntries(['self-declared', 'document-backed', 'externally-validated'].map(c => [c, t(`answer.confidence.${c}`)])),
    }
    const csv = answersToCsv(questionnaire, assessment, assessment.locale, labels)
    // A byte-order mark lets spreadsheet programs read accents correctly.
    downloadText(baseName(assessment).replace(/\.tda\.json$/, '.answers.csv'), `\uFEFF${csv}`, 'text/csv;charset=utf-8')
  }

  return { exportJson, exportCsv }
}

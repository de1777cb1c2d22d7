import type { Assessment } from './assessment'

/**
 * The saved assessments an assessment can be compared with on its results page: other assessments of the same
 * country (a country must be set), made with the same questionnaire, dated strictly earlier; newest first (ties in
 * the order given).
 */
export function comparableAssessments(current: Assessment, saved: readonly Assessment[]): Assessment[] {
  const { country, date } = current.profile
  if (country === '') return []
  return saved
    .filter(other => other.id !== current.id && other.profile.country === country
      && other.questionnaireId === current.questionnaireId && other.profile.date < date)
    .sort((a, b) => b.profile.date.localeCompare(a.profile.date))
}

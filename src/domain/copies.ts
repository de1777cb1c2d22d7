import type { Assessment } from './assessment'

/**
 * The saved assessments that an imported file was made from: same questionnaire id and the same creation time
 * (kept to the millisecond through export and import, and set afresh on a duplicate). Importing such a file again
 * makes a copy, which the user is told about and which is labelled "(copy)".
 */
export function sameAssessments(
  saved: readonly Assessment[],
  imported: { questionnaire: { id: string }, createdAt: string },
): string[] {
  return saved.filter(a => a.questionnaireId === imported.questionnaire.id && a.createdAt === imported.createdAt).map(a => a.id)
}

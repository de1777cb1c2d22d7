import type { Assessment, Position } from './assessment'
import type { ImportedAssessment } from './assessment-file'

/** Where an imported file lands: the new assessment's id, the app's key for its questionnaire, and where it opens. */
export interface ImportPlacement {
  id: string
  /** Key of the questionnaire in the app (`id@version` or `file:id@version`). */
  questionnaireKey: string
  position: Position
}

/**
 * Turns the content of a valid answers file into an assessment. Everything the file carries is kept as it was
 * written — answers, profile, roadmap edits, sign-off, language, and both timestamps — so exporting it again gives the
 * same content; only the id, the questionnaire key and the position are the caller's.
 */
export function assessmentFromImport(imported: ImportedAssessment, placement: ImportPlacement): Assessment {
  return {
    id: placement.id,
    questionnaireKey: placement.questionnaireKey,
    questionnaireId: imported.questionnaire.id,
    questionnaireVersion: imported.questionnaire.version,
    locale: imported.locale,
    profile: imported.profile,
    answers: imported.answers,
    position: placement.position,
    roadmap: imported.roadmap,
    ...(imported.signOff ? { signOff: imported.signOff } : {}),
    ...(imported.freshLook ? { freshLook: imported.freshLook } : {}),
    ...(imported.baseline ? { baseline: imported.baseline } : {}),
    createdAt: imported.createdAt,
    updatedAt: imported.updatedAt,
  }
}

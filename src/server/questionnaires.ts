import { readFileSync } from 'node:fs'
import { shippedQuestionnaireFiles } from '../cli/shipped'
import { checkQuestionnaireText } from '../domain/check'
import type { Questionnaire } from '../domain/questionnaire'

/**
 * The questionnaires shipped with the app, checked at start: a live workshop uses one of them, so the server can
 * check every answer against the questionnaire's indicators and levels. Keyed `id@version`.
 */
export function loadShippedQuestionnaires(): Map<string, Questionnaire> {
  const out = new Map<string, Questionnaire>()
  for (const file of shippedQuestionnaireFiles()) {
    const checked = checkQuestionnaireText(readFileSync(file, 'utf8'))
    if (checked.ok) out.set(`${checked.questionnaire.id}@${checked.questionnaire.version}`, checked.questionnaire)
  }
  return out
}

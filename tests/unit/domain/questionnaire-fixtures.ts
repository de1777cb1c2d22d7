import { readFileSync } from 'node:fs'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'

/** Reads and checks a questionnaire file given relative to the repository root; throws if it is invalid. */
export function loadQuestionnaire(path: string): Questionnaire {
  const result = checkQuestionnaireText(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'))
  if (!result.ok) throw new Error(`invalid questionnaire fixture ${path}`)
  return result.questionnaire
}

/** Mini: alpha (a1–a3) and beta (b1–b3, depends on alpha); one action per step "<dim>-<from><to>". */
export const mini = loadQuestionnaire('tests/fixtures/questionnaires/mini.json')
/** The shipped questionnaire. */
export const tech = loadQuestionnaire('questionnaires/tech-diplomacy.json')

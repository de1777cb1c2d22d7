import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const QUESTIONNAIRE_DIR = resolve(import.meta.dirname, '../../questionnaires')

/** The shipped questionnaire files: every JSON file in questionnaires/ except the generated schema. */
export function shippedQuestionnaireFiles(): string[] {
  return readdirSync(QUESTIONNAIRE_DIR)
    .filter(name => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map(name => join(QUESTIONNAIRE_DIR, name))
}

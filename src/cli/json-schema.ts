import { zodToJsonSchema } from 'zod-to-json-schema'
import { questionnaireSchema } from '../domain/questionnaire'

/** The questionnaire format as JSON Schema text, generated from the zod schema (what `questionnaires/schema.json` must hold). */
export function questionnaireJsonSchema(): string {
  const schema = zodToJsonSchema(questionnaireSchema, {
    name: 'Questionnaire',
    $refStrategy: 'root',
    target: 'jsonSchema7',
  })
  const withMeta = {
    ...schema,
    title: 'Tech Diplomacy Maturity Assessment questionnaire',
    description: 'Generated from src/domain/questionnaire.ts by `npm run questionnaires:schema`. Do not edit by hand.',
  }
  return `${JSON.stringify(withMeta, null, 2)}\n`
}

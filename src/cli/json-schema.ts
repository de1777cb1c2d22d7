import { zodToJsonSchema } from 'zod-to-json-schema'
import { questionnaireSchema } from '../domain/questionnaire'
import { RESULTS_SCHEMA_VERSION, resultsFileSchema } from '../report/results-json'

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

/** The results file (`npm run report -- … --format json`) as JSON Schema text: what `docs/results.schema.json` must hold. */
export function resultsJsonSchema(): string {
  const schema = zodToJsonSchema(resultsFileSchema, { name: 'Results', $refStrategy: 'root', target: 'jsonSchema7' })
  const withMeta = {
    ...schema,
    title: `Tech Diplomacy Maturity Assessment results, schema version ${RESULTS_SCHEMA_VERSION}`,
    description: 'Results, explanation and plan of one assessment, written by `npm run report -- <files> --out <dir> --format json`. Generated from src/report/results-json.ts by `npm run questionnaires:schema`. Do not edit by hand. A change that removes or renames a field bumps schemaVersion.',
  }
  return `${JSON.stringify(withMeta, null, 2)}\n`
}

import { writeFileSync } from 'node:fs'
import { questionnaireJsonSchema, resultsJsonSchema } from './json-schema'

for (const [path, text] of [['../../questionnaires/schema.json', questionnaireJsonSchema()], ['../../docs/results.schema.json', resultsJsonSchema()]] as const) {
  const target = new URL(path, import.meta.url)
  writeFileSync(target, text)
  console.log(`Wrote ${target.pathname}`)
}

import { writeFileSync } from 'node:fs'
import { questionnaireJsonSchema } from './json-schema'

const target = new URL('../../questionnaires/schema.json', import.meta.url)
writeFileSync(target, questionnaireJsonSchema())
console.log(`Wrote ${target.pathname}`)

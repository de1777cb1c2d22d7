import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { questionnaireJsonSchema } from '@/cli/json-schema'
import { checkQuestionnaireText } from '@/domain/check'
import { shippedQuestionnaireFiles } from '@/cli/shipped'

describe('shipped questionnaires', () => {
  const files = shippedQuestionnaireFiles()

  it('there is at least one', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)('%s passes the checker', (file) => {
    const result = checkQuestionnaireText(readFileSync(file, 'utf8'))
    expect(result.ok ? [] : result.errors).toEqual([])
  })
})

describe('questionnaires/schema.json', () => {
  it('is up to date with the zod schema (run `npm run questionnaires:schema` if this fails)', () => {
    const committed = readFileSync(new URL('../../../questionnaires/schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(questionnaireJsonSchema())
  })
})

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkQuestionnaireText } from '../domain/check'
import { nodeTranslator, problemLines } from './messages-node'
import { renderHandbook, type HandbookLabels } from '../domain/handbook'
import { withEnglishFallback } from '../domain/labels'

const ROOT = resolve(import.meta.dirname, '../..')
export const HANDBOOK_QUESTIONNAIRE = resolve(ROOT, 'questionnaires/tech-diplomacy.json')
export const HANDBOOK_LOCALES = ['en', 'fr', 'es', 'pt', 'ar'] as const

export function handbookPath(locale: string): string {
  return resolve(ROOT, `docs/handbook.${locale}.md`)
}

function labelsFor(locale: string): HandbookLabels {
  const read = (code: string) => (JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${code}.json`), 'utf8')) as { handbook: HandbookLabels }).handbook
  return withEnglishFallback(read('en'), read(locale))
}

/** The handbook text for each locale, generated from the shipped questionnaire. */
export function generateHandbooks(): Map<string, string> {
  const result = checkQuestionnaireText(readFileSync(HANDBOOK_QUESTIONNAIRE, 'utf8'))
  if (!result.ok) throw new Error(problemLines('tech-diplomacy.json', result.errors, nodeTranslator('en')).join('\n'))
  return new Map(HANDBOOK_LOCALES.map(locale => [locale, renderHandbook(result.questionnaire, locale, labelsFor(locale))]))
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(resolve(ROOT, 'docs'), { recursive: true })
  for (const [locale, text] of generateHandbooks()) {
    writeFileSync(handbookPath(locale), text)
    console.log(`Wrote docs/handbook.${locale}.md (${(text.length / 1024).toFixed(0)} KB)`)
  }
}

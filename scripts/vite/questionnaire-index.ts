// Build-time index of the questionnaires shipped in questionnaires/: the home page imports this small
// module (titles, versions, languages, counts) instead of the full files and the checker.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { checkQuestionnaireText } from '../../src/domain/check'
import { summarizeQuestionnaire } from '../../src/domain/questionnaire-summary'

export const QUESTIONNAIRE_INDEX_ID = 'virtual:questionnaire-index'
const RESOLVED_ID = `\0${QUESTIONNAIRE_INDEX_ID}`

/** Each shipped file, checked: a summary when valid, the checker's problems when not. */
export function buildQuestionnaireIndex(folder: string) {
  return readdirSync(folder)
    .filter(name => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map((file) => {
      const result = checkQuestionnaireText(readFileSync(join(folder, file), 'utf8'))
      if (!result.ok) return { ok: false as const, error: { file, errors: result.errors } }
      const q = result.questionnaire
      return { ok: true as const, value: { key: `${q.id}@${q.version}`, origin: { kind: 'bundled' as const, file }, summary: summarizeQuestionnaire(q) } }
    })
}

export function questionnaireIndex(folder: string): Plugin {
  return {
    name: 'questionnaire-index',
    resolveId: id => (id === QUESTIONNAIRE_INDEX_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      for (const file of readdirSync(folder)) this.addWatchFile(join(folder, file))
      return `export default ${JSON.stringify(buildQuestionnaireIndex(folder))}`
    },
  }
}

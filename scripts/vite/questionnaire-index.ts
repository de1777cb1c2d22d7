// Build-time index of the questionnaires shipped in questionnaires/: the home page imports this small
// module (titles, versions, languages, counts) instead of the full files and the checker.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { checkQuestionnaireText } from '../../src/domain/check'
import { summarizeQuestionnaire } from '../../src/domain/questionnaire-summary'

export const QUESTIONNAIRE_INDEX_ID = 'virtual:questionnaire-index'
/** Import query that turns a shipped questionnaire file into its checked form: `{ ok, questionnaire }` or `{ ok, errors }`. */
export const CHECKED_QUERY = '?checked'
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
      if (id.endsWith(`.json${CHECKED_QUERY}`)) {
        // Checked here, at build time, so the browser spends no time re-checking a shipped file (JSON.parse of a string is also faster than an object literal).
        const path = id.slice(0, -CHECKED_QUERY.length)
        this.addWatchFile(path)
        const result = checkQuestionnaireText(readFileSync(path, 'utf8'))
        const value = result.ok ? { ok: true, questionnaire: result.questionnaire } : { ok: false, errors: result.errors }
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`
      }
      if (id !== RESOLVED_ID) return undefined
      for (const file of readdirSync(folder)) this.addWatchFile(join(folder, file))
      return `export default ${JSON.stringify(buildQuestionnaireIndex(folder))}`
    },
  }
}

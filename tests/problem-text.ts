import { nodeTranslator } from '@/cli/messages-node'
import type { Problem } from '@/domain/problem'
import { describeProblem } from '@/i18n/problems'

const english = nodeTranslator('en')

/** A problem as an English reader sees it: `path: plain words` (the words come from src/i18n/locales/en.json). */
export function inEnglish(item: Problem): string {
  return `${item.path}: ${describeProblem(item, english, 'en')}`
}

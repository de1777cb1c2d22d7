import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { listedProblems, type Problem } from '../domain/problem'
import { DEFAULT_LOCALE, findUiLocale, NUMBERING_SYSTEM } from '../i18n/locales'
import { describePath, describeProblem } from '../i18n/problems'

const ROOT = resolve(import.meta.dirname, '../..')

type Messages = { [key: string]: string | Messages }

/**
 * The interface language to use for a requested code: the code itself when the interface has it, else English.
 * Only a code from the fixed list of interface languages ever becomes part of a file path.
 */
export function uiLocaleFor(code: string | undefined): string {
  return (code !== undefined && findUiLocale(code)?.code) || DEFAULT_LOCALE
}

/** The UI messages of an interface language, read from src/i18n/locales (the same files the app uses); English for a listed language whose file has not landed. */
export function readUiMessages(code: string): Messages {
  const path = (c: string) => resolve(ROOT, `src/i18n/locales/${c}.json`)
  const safe = existsSync(path(uiLocaleFor(code))) ? uiLocaleFor(code) : DEFAULT_LOCALE
  return JSON.parse(readFileSync(path(safe), 'utf8')) as Messages
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** vue-i18n's plural choice for two or three forms: "one | many" or "none | one | many". */
function pluralForm(text: string, count: unknown): string {
  const forms = text.split(' | ')
  if (forms.length === 1 || typeof count !== 'number') return forms[0]!
  if (forms.length === 2) return forms[count === 1 ? 0 : 1]!
  return forms[Math.min(count, 2)]!
}

/**
 * A translator over the UI messages of `code`, English filling any gap, with `{name}` values and plural forms;
 * `locale` is the interface language it speaks (the requested code, or English).
 */
export type NodeTranslate = ((key: string, params?: Record<string, string | number>, count?: number) => string) & { readonly locale: string }

export function nodeTranslator(code: string): NodeTranslate {
  const layers = [readUiMessages(code), readUiMessages(DEFAULT_LOCALE)]
  const formatter = new Intl.NumberFormat(uiLocaleFor(code), { numberingSystem: NUMBERING_SYSTEM })
  const translate = (key: string, params: Record<string, string | number> = {}, count?: number) => {
    const text = layers.map(layer => lookup(layer, key)).find(found => found !== undefined) ?? key
    return pluralForm(text, count).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name]
      if (value === undefined) return whole
      return typeof value === 'number' ? formatter.format(value) : value
    })
  }
  return Object.assign(translate, { locale: uiLocaleFor(code) })
}

/** One problem on one line for a terminal: `file › path: plain words` (French puts a space before the colon). */
export function problemLine(file: string, item: Problem, t: NodeTranslate): string {
  return t('cli.line', { file, path: describePath(item.path, t), problem: describeProblem(item, t, t.locale) })
}

/** Every problem of a file, at most 50 lines, then "…and N more problems.". */
export function problemLines(file: string, problems: readonly Problem[], t: NodeTranslate): string[] {
  const { shown, more } = listedProblems(problems)
  const lines = shown.map(item => problemLine(file, item, t))
  if (more > 0) lines.push(t('problems.more', { count: more }, more))
  return lines
}

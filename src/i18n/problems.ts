import { listCodes } from '../domain/list-text'
import type { Problem } from '../domain/problem'

/** A message lookup such as vue-i18n's `t`: key and named values in, text out. */
export type Translate = (key: string, params: Record<string, string | number>) => string

const FILE_KINDS = new Set(['answers', 'questionnaire', 'workshop'])

/**
 * A problem in the reader's language (`locale`, the language of `t`): `problems.<code>` with its values, where values
 * that are themselves words (a kind of file, a kind of value) are translated first and a list is joined as that
 * language lists codes ("mini 1.0.0, tech-diplomacy 1.1.0"; the Arabic comma in Arabic; "—" when empty). Used by the
 * app and the command line alike.
 */
export function describeProblem(item: Problem, t: Translate, locale: string): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(item.params)) {
    params[name] = typeof value === 'string' || typeof value === 'number' ? value : value.length > 0 ? listCodes(value, locale) : '—'
  }
  if (typeof params.expected === 'string' && FILE_KINDS.has(params.expected) && item.code.startsWith('file.')) {
    params.expected = t(`problems.fileKinds.${params.expected}`, {})
  }
  if (item.code === 'value.type') {
    for (const name of ['expected', 'received']) params[name] = t(`problems.types.${String(params[name])}`, {})
  }
  if (item.code === 'value.notOneOf') params.received = t(`problems.types.${String(params.received)}`, {})
  return t(`problems.${item.code}`, params)
}

/** A problem's path for people: the two special places, the whole file and its top level, in their language. */
export function describePath(path: string, t: Translate): string {
  if (path === '(file)') return t('problems.paths.file', {})
  if (path === '(top level)') return t('problems.paths.top', {})
  return path
}

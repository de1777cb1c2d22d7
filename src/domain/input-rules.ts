import { z } from 'zod'
import { problem, shown, type Problem } from './problem'

/**
 * The rules of meaning every entry applies (questionnaire files, answers files, stored records, the command line):
 * one copy of each, so "the checker accepts it" means "the app can store it, read it back, score it and print it".
 */

/** Limits shared by the questionnaire format, the answers-file format and storage. */
export const LIMITS = {
  /** Bytes of an answers file; a real one is a few hundred KB at most. Checked before reading. */
  answersFileBytes: 5 * 1024 * 1024,
  /** Bytes of a questionnaire file; the shipped one is about 300 KB. Checked before reading. */
  questionnaireFileBytes: 3 * 1024 * 1024,
  /** Nesting of arrays and objects; the formats need 6, a questionnaire's texts 7. */
  depth: 16,
  idLength: 64,
  versionLength: 32,
  /** Levels are numbered 0…maxLevel; answers and targets use the same bound. */
  maxLevel: 10,
  maxWeight: 1000,
  localeCount: 20,
  dimensions: 50,
  indicators: 500,
  actions: 2000,
  sources: 1000,
  archetypes: 50,
  gatingRules: 100,
  idList: 200,
  textLength: 10000,
  roadmapDetails: 2000,
  roadmapDropped: 2000,
  customActions: 200,
} as const

/** Questionnaire, dimension, indicator, action and source ids: a letter first, then letters, digits, ".", "_" or "-". */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/

/** Names every JavaScript object already has: as ids they would read as answered, or break lookups. */
const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype))

export function isReservedName(value: string): boolean {
  return RESERVED_NAMES.has(value)
}

/**
 * The HTML id an id becomes in the page (`I1.1` → `I1-1`): two ids with the same form would share one element
 * (choosing an answer for one would clear the other), so the checker refuses them.
 */
export function htmlIdForm(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-')
}

/** An id as every format spells it; the message of each failure is a problem code. */
export const idSchema = z
  .string()
  .max(LIMITS.idLength, 'value.tooLong')
  .regex(ID_PATTERN, 'id.pattern')
  .refine(value => !isReservedName(value), 'id.reserved')

export const VERSION_PATTERN = /^\d{1,6}\.\d{1,6}\.\d{1,6}(-[0-9A-Za-z.-]+)?$/
export const versionSchema = z.string().max(LIMITS.versionLength, 'value.tooLong').regex(VERSION_PATTERN, 'version.pattern')

/** A language code such as "en", "fr" or "pt-BR". */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Z]{2})?$/
export const localeSchema = z.string().max(10, 'value.tooLong').regex(LOCALE_PATTERN, 'locale.pattern')

/** A weight: a finite number above 0, at most 1000. */
export const weightSchema = z.number().finite('value.notFinite').positive('weight.positive').max(LIMITS.maxWeight)

/** A level number 0…10. */
export const levelNumberSchema = z.number().int('value.notInteger').min(0).max(LIMITS.maxLevel)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The one date rule (the profile form's): `YYYY-MM-DD` naming a day that exists on the calendar. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/** An ISO 8601 moment such as `2026-11-23T10:15:00.000Z`, on a real calendar day. */
export function isRealTimestamp(value: string): boolean {
  const match = ISO_TIMESTAMP.exec(value)
  return match !== null && isRealDate(match[1]!) && Number.isFinite(Date.parse(value))
}

/** A date that may be left empty ('') while the user has not chosen one. */
export const optionalDateSchema = z.string().max(10, 'value.tooLong').refine(value => value === '' || isRealDate(value), 'date.invalid')
export const timestampSchema = z.string().max(40, 'value.tooLong').refine(isRealTimestamp, 'timestamp.invalid')

/**
 * The language to use for a file's stated locale: itself when supported, else `fallback`, with a note that
 * says so. The result is always one of `supported` (or `fallback`), so it is safe to use as a lookup key.
 */
export function resolveLocale(locale: string, supported: readonly string[], fallback: string, path: string): { locale: string, note?: Problem } {
  if (supported.includes(locale)) return { locale }
  return { locale: fallback, note: problem('locale.fallback', path, { locale: shown(locale), fallback }) }
}

/** Number of UTF-8 bytes of a text, counted without building a copy. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
      bytes += 4
      i++
    }
    else bytes += 3
  }
  return bytes
}

/** A size check made on the byte count before any reading: a problem when the file is larger than `max`. */
export function checkFileSize(bytes: number, max: number): Problem | null {
  if (bytes <= max) return null
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  return problem('file.tooLarge', '(file)', { size: mb(bytes), max: mb(max) })
}

/**
 * Deepest nesting of arrays and objects in JSON text, found by one pass over the characters (no recursion, no
 * parsing), stopping as soon as it passes `max`. Brackets inside strings are skipped.
 */
export function jsonTextDepthExceeds(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5C) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    }
    else if (c === 0x22) inString = true
    else if (c === 0x7B || c === 0x5B) {
      depth++
      if (depth > max) return true
    }
    else if (c === 0x7D || c === 0x5D) depth--
  }
  return false
}

/** Deepest nesting of an already parsed value, found with an explicit stack (no recursion); stops past `max`. */
export function valueDepthExceeds(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown, depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth + 1 > max) return true
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 })
    }
  }
  return false
}

/** Keys that would change an object's prototype if copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Every forbidden key anywhere in a parsed value (at most `max`), found with an explicit stack. */
export function findForbiddenKeys(value: unknown, max = 20): Problem[] {
  const out: Problem[] = []
  const stack: Array<{ value: unknown, path: Array<string | number> }> = [{ value, path: [] }]
  while (stack.length > 0 && out.length < max) {
    const { value: current, path } = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i] as unknown, path: [...path, i] })
      continue
    }
    const keys = Object.keys(current)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!
      if (FORBIDDEN_KEYS.has(key)) out.push(problem('key.forbidden', formatKeyPath([...path, key]), { key }))
      else stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return out.slice(0, max)
}

function formatKeyPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? shown(part) : `.${shown(part)}`)).join('')
}

/** What a file that is not JSON most likely is, from its first characters: the code of the plain message to show. */
export function sniffNonJson(text: string): Problem['code'] | null {
  const head = text.replace(/^\uFEFF/, '').slice(0, 16)
  if (head.startsWith('%PDF')) return 'file.isPdf'
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK')) return 'file.isZip'
  if (head.startsWith('\u0089PNG') || head.startsWith('\uFFFDPNG') || head.startsWith('GIF8') || head.startsWith('\u00FF\u00D8\u00FF') || /^\uFFFD+JFIF/.test(head) || head.startsWith('\uFFFD\uFFFD\uFFFD')) return 'file.isImage'
  if (/^\s*</.test(head)) return 'file.isHtml'
  // Control characters other than tab and line breaks mean a binary file; matching them is the point.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 512))) return 'file.isBinary'
  return null
}

/** Whether a parsed value looks like a questionnaire file rather than an answers file, and the other way round. */
export function looksLikeQuestionnaire(value: Record<string, unknown>): boolean {
  return Array.isArray(value.indicators) && Array.isArray(value.dimensions)
}

export function looksLikeAnswersFile(value: Record<string, unknown>): boolean {
  return typeof value.format === 'string' && typeof value.assessment === 'object'
}

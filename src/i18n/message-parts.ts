/**
 * The English interface messages are shipped in two parts so the first screen stays small: the part the home page
 * and the app's frame need, compiled into the first download, and the rest, loaded when the person leaves the home
 * page (`loadAllMessages` in index.ts; precached for offline use like every other file). Other languages are loaded
 * whole when chosen. Every key the home page and the app's frame use must be in the first part:
 * tests/unit/i18n-message-parts.test.ts reads their source files and fails on a key of the later part.
 *
 * Listed here: the top-level sections, or `section.key` paths, that only screens other than the home page use.
 */
export const LATER_MESSAGES: readonly string[] = [
  'cli', 'handbook', 'pdf', 'outputs',
  'questions', 'review', 'roadmap', 'sources', 'readingRules',
  'qr', 'presentation',
]

/** Sections the later part takes, except the keys named (which the home page or the app's frame use). */
export const LATER_EXCEPT: Readonly<Record<string, readonly string[]>> = {
  report: ['variants'],
  live: ['footer'],
  workshop: ['kind', 'missing', 'deletedElsewhere', 'home', 'delegation'],
  followup: ['start', 'startLabel'],
}

type Messages = { [key: string]: unknown }

function isObject(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Splits messages into the first part and the later part (each keeps the nesting of the original). */
export function splitMessages(messages: Messages, later: readonly string[] = LATER_MESSAGES, except: Readonly<Record<string, readonly string[]>> = LATER_EXCEPT): { first: Messages, later: Messages } {
  const paths = new Set(later)
  for (const [section, kept] of Object.entries(except)) {
    const node = messages[section]
    if (isObject(node)) for (const key of Object.keys(node)) if (!kept.includes(key)) paths.add(`${section}.${key}`)
  }
  const walk = (node: Messages, prefix: string): { first: Messages, later: Messages } => {
    const first: Messages = {}
    const rest: Messages = {}
    for (const [key, value] of Object.entries(node)) {
      const path = prefix === '' ? key : `${prefix}.${key}`
      if (paths.has(path)) rest[key] = value
      else if (isObject(value) && [...paths].some(p => p.startsWith(`${path}.`))) {
        const inner = walk(value, path)
        if (Object.keys(inner.first).length > 0) first[key] = inner.first
        if (Object.keys(inner.later).length > 0) rest[key] = inner.later
      }
      else first[key] = value
    }
    return { first, later: rest }
  }
  return walk(messages, '')
}

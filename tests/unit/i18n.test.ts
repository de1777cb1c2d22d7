import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROBLEM_CODES } from '@/domain/problem'
import { VALUE_TYPES } from '@/domain/zod-problems'
import { UI_LOCALES } from '@/i18n/locales'

type Messages = { [key: string]: string | string[] | Messages }
const load = (code: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${code}.json`, import.meta.url), 'utf8')) as Messages

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else if (Array.isArray(value)) value.forEach((item, i) => out.set(`${prefix}${key}.${i}`, item))
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

const present = readdirSync(new URL('../../src/i18n/locales/', import.meta.url)).filter(name => name.endsWith('.json')).map(name => name.slice(0, -5))

describe('interface languages', () => {
  it('has a file for every language of locales.ts and lists every file there, with its direction', () => {
    expect(present.sort()).toEqual(UI_LOCALES.map(l => l.code).sort())
    expect(UI_LOCALES.map(l => `${l.code}:${l.dir}`)).toEqual(['en:ltr', 'fr:ltr', 'es:ltr', 'pt:ltr', 'ar:rtl'])
  })
})

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort().join(',')
const english = flatten(load('en'))

describe.each(UI_LOCALES.filter(l => l.code !== 'en').map(l => l.code))('UI translation %s', (code) => {
  const messages = flatten(load(code))

  it('has every English message', () => {
    expect([...english.keys()].filter(key => !messages.has(key))).toEqual([])
  })

  it('has no message English does not have', () => {
    expect([...messages.keys()].filter(key => !english.has(key))).toEqual([])
  })

  it('keeps every placeholder and plural form', () => {
    const wrong = [...english].filter(([key, text]) => {
      const other = messages.get(key)
      return other !== undefined && (placeholders(other) !== placeholders(text) || other.split(' | ').length !== text.split(' | ').length)
    }).map(([key]) => key)
    expect(wrong).toEqual([])
  })
})

describe('every message the code asks for exists in every language', () => {
  const locales = UI_LOCALES.map(l => [l.code, flatten(load(l.code))] as const)

  it.each(locales)('%s: a translation for every problem code, value kind and file kind', (_code, messages) => {
    const keys = [
      ...PROBLEM_CODES.map(code => `problems.${code}`),
      ...VALUE_TYPES.map(type => `problems.types.${type}`),
      'problems.fileKinds.answers', 'problems.fileKinds.questionnaire', 'problems.more', 'problems.where', 'problems.paths.file', 'problems.paths.top',
    ]
    expect(keys.filter(key => !messages.has(key))).toEqual([])
  })

  it.each(locales)('%s: every key written literally in src/ as t(\'…\')', (_code, messages) => {
    const used = new Set<string>()
    for (const file of sourceFiles(new URL('../../src/', import.meta.url).pathname)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) used.add(match[1]!)
    }
    expect(used.size).toBeGreaterThan(100)
    expect([...used].filter(key => !messages.has(key) && ![...messages.keys()].some(k => k.startsWith(`${key}.`)))).toEqual([])
  })
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
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

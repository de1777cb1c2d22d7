import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LATER_EXCEPT, LATER_MESSAGES, splitMessages } from '@/i18n/message-parts'

describe('the English messages in two parts (home page first, the rest later)', () => {
  it('puts whole sections, single keys and "all but" sections where they are listed, keeping the nesting', () => {
    const messages = { app: { name: 'A' }, roadmap: { x: '1' }, live: { footer: { p: 'F' }, join: { t: 'J' } }, report: { variants: 'V', title: 'T' } }
    const parts = splitMessages(messages, ['roadmap', 'app.none'], { live: ['footer'], report: ['variants'] })
    expect(parts.first).toEqual({ app: { name: 'A' }, live: { footer: { p: 'F' } }, report: { variants: 'V' } })
    expect(parts.later).toEqual({ roadmap: { x: '1' }, live: { join: { t: 'J' } }, report: { title: 'T' } })
  })

  it('loses no key of the shipped English file and puts none in both parts', () => {
    const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as Record<string, unknown>
    const leaves = (node: unknown, prefix = ''): string[] => typeof node === 'object' && node !== null && !Array.isArray(node)
      ? Object.entries(node).flatMap(([k, v]) => leaves(v, prefix === '' ? k : `${prefix}.${k}`))
      : [prefix]
    const { first, later } = splitMessages(en, LATER_MESSAGES, LATER_EXCEPT)
    const a = leaves(first)
    const b = leaves(later)
    expect(a.filter(k => b.includes(k))).toEqual([])
    expect([...a, ...b].sort()).toEqual(leaves(en).sort())
    // The home page's own texts stay in the first part.
    expect(a).toContain('home.start.button')
    expect(a).toContain('workshop.home.heading')
    expect(b).toContain('roadmap.deferred')
  })
})

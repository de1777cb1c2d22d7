import { readdirSync, readFileSync } from 'node:fs'
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

  it('has in the first part every key the home page and the app\'s frame ask for', () => {
    const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as Record<string, unknown>
    const { first } = splitMessages(en)
    const files = [
      'src/App.vue', 'src/views/HomeView.vue', 'src/components/AppLanguageMenu.vue', 'src/components/AppUpdatePrompt.vue',
      ...readdirSync('src/components/home').map(f => `src/components/home/${f}`),
      ...readdirSync('src/components/base').map(f => `src/components/base/${f}`),
    ]
    const keys = files.flatMap(file => [...readFileSync(file, 'utf8').matchAll(/\bt\(['`]([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['`]/g)].map(m => m[1]!))
    expect(keys.length).toBeGreaterThan(50)
    const has = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], first) !== undefined
    expect(keys.filter(key => !has(key))).toEqual([])
  })
})

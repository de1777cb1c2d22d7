import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(vue|css)$/.test(entry.name) ? [join(dir, entry.name)] : [])
}

// Physical directions break right-to-left layouts (Arabic); logical properties flip by themselves.
const PHYSICAL = /(?:^|[\s;{])(margin-left|margin-right|padding-left|padding-right|border-left|border-right|left|right|text-align:\s*(?:left|right)|float:\s*(?:left|right))\s*:/m

describe('styles', () => {
  it.each(files('src'))('%s uses logical properties only', (file) => {
    const css = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<template>[\s\S]*<\/template>/, '')
    expect(css.match(PHYSICAL)?.[0]).toBeUndefined()
  })
})

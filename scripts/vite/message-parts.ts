import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { splitMessages } from '../../src/i18n/message-parts'

const PREFIX = 'virtual:ui-messages/'

/**
 * `virtual:ui-messages/en-first` and `virtual:ui-messages/en-later`: the two parts of the English messages (see
 * src/i18n/message-parts.ts). They resolve to `<locales>/en.first.json` and `en.later.json`, names no file has, so the
 * vue-i18n plugin compiles them like the locale files themselves.
 */
export function messageParts(localesDir: string): Plugin {
  return {
    name: 'ui-message-parts',
    enforce: 'pre',
    resolveId(id) {
      const m = id.startsWith(PREFIX) ? /^(\w+)-(first|later)$/.exec(id.slice(PREFIX.length)) : null
      return m ? join(localesDir, `${m[1]}.${m[2]}.json`) : undefined
    },
    load(id) {
      const m = /[\\/](\w+)\.(first|later)\.json$/.exec(id)
      if (!m || !id.startsWith(localesDir)) return undefined
      const file = join(localesDir, `${m[1]}.json`)
      this.addWatchFile(file)
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      // Unit tests mount components on their own, without the router that loads the later part: they get every message first.
      if (process.env.VITEST) return JSON.stringify(m[2] === 'first' ? messages : {})
      const parts = splitMessages(messages)
      return JSON.stringify(m[2] === 'first' ? parts.first : parts.later)
    },
  }
}

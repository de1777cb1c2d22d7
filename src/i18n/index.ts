import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import { getStorage } from '@/data/storage'
import { withEnglishFallback } from '@/domain/labels'
import { DEFAULT_LOCALE, findUiLocale, UI_LOCALES } from './locales'

export type MessageSchema = typeof en

const dateTimeFormat = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
} as const
const numberFormat = {
  percent: { style: 'percent', maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  decimal2: { minimumFractionDigits: 0, maximumFractionDigits: 2 },
} as const

export const i18n = createI18n<[MessageSchema], string, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { en } as Record<string, MessageSchema>,
  datetimeFormats: Object.fromEntries(UI_LOCALES.map(l => [l.code, dateTimeFormat])),
  numberFormats: Object.fromEntries(UI_LOCALES.map(l => [l.code, numberFormat])),
  // In development a key missing from a language is reported in the console; tests/unit/i18n.test.ts fails on it.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

const loaders = import.meta.glob<MessageSchema>(['./locales/*.json', '!./locales/en.json'], { import: 'default' })

/** The UI messages of a language (English for a language without a file), for content such as the PDF report. */
export async function loadMessages(code: string): Promise<MessageSchema> {
  if (code === DEFAULT_LOCALE) return en
  const load = loaders[`./locales/${code}.json`]
  if (!load) return en
  const messages = await load()
  return withEnglishFallback(en, messages)
}

/** Switches the interface language, loading its messages on first use, and sets the page's lang and dir. */
export async function setUiLocale(code: string): Promise<void> {
  const locale = findUiLocale(code) ?? findUiLocale(DEFAULT_LOCALE)!
  if (!i18n.global.availableLocales.includes(locale.code)) {
    const load = loaders[`./locales/${locale.code}.json`]
    if (load) i18n.global.setLocaleMessage(locale.code, await load())
  }
  i18n.global.locale.value = locale.code
  document.documentElement.lang = locale.code
  document.documentElement.dir = locale.dir
}

const SETTING = 'uiLocale'

/** Remembers the interface language on this device. */
export async function rememberUiLocale(code: string): Promise<void> {
  const storage = await getStorage()
  await storage.put('settings', SETTING, code)
}

/** Restores the interface language chosen earlier on this device, else the browser's language when offered. */
export async function restoreUiLocale(): Promise<void> {
  const storage = await getStorage()
  const saved = await storage.get<string>('settings', SETTING)
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language.split('-')[0]
  const code = [saved, browser].find(c => c !== undefined && findUiLocale(c) !== undefined)
  if (code && code !== i18n.global.locale.value) await setUiLocale(code)
}

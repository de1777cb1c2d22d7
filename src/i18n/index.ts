import { createI18n } from 'vue-i18n'
import type en from './locales/en.json'
import enFirst from 'virtual:ui-messages/en-first'
import { getStorage } from '@/data/storage'
import { withEnglishFallback } from '@/domain/labels'
import { DEFAULT_LOCALE, findUiLocale, NUMBERING_SYSTEM, UI_LOCALES } from './locales'

export type MessageSchema = typeof en

// Western digits in every language, the same as the PDF (see NUMBERING_SYSTEM).
const numberingSystem = NUMBERING_SYSTEM
const dateTimeFormat = {
  short: { year: 'numeric', month: 'short', day: 'numeric', numberingSystem },
  long: { year: 'numeric', month: 'long', day: 'numeric', numberingSystem },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', numberingSystem },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', numberingSystem },
} as const
const numberFormat = {
  integer: { maximumFractionDigits: 0, numberingSystem },
  percent: { style: 'percent', maximumFractionDigits: 0, numberingSystem },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1, numberingSystem },
  decimal2: { minimumFractionDigits: 0, maximumFractionDigits: 2, numberingSystem },
} as const

export const i18n = createI18n<[MessageSchema], string, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { en: enFirst } as unknown as Record<string, MessageSchema>,
  datetimeFormats: Object.fromEntries(UI_LOCALES.map(l => [l.code, dateTimeFormat])),
  numberFormats: Object.fromEntries(UI_LOCALES.map(l => [l.code, numberFormat])),
  // In development a key missing from a language is reported in the console; tests/unit/i18n.test.ts fails on it.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
  // A key of the later English part asked for before it arrived (a screen reached without the router): load it, so the
  // next screen has it. The home page's own keys are all in the first part (tests/unit/i18n-message-parts.test.ts).
  missing: () => {
    void loadAllMessages()
  },
})

let later: Promise<void> | undefined

/** Loads the English messages the home page does not need (see message-parts.ts); once, and before any other screen. */
export function loadAllMessages(): Promise<void> {
  later ??= import('virtual:ui-messages/en-later').then((m) => {
    i18n.global.mergeLocaleMessage('en', m.default as MessageSchema)
  }).catch((error: unknown) => {
    later = undefined
    throw error
  })
  return later
}

// Precompiled at build time (see vite.config.ts): these are message functions for vue-i18n, not strings.
const loaders = import.meta.glob<MessageSchema>(['./locales/*.json', '!./locales/en.json'], { import: 'default' })
// The same files as plain text, for content that fills its own templates, such as the PDF report.
const texts = import.meta.glob<string>('./locales/*.json', { query: '?raw', import: 'default' })

/** The UI messages of a language as plain strings (English for a language without a file), for content such as the PDF report. */
export async function loadMessages(code: string): Promise<MessageSchema> {
  const read = async (c: string) => JSON.parse(await texts[`./locales/${c}.json`]!()) as MessageSchema
  const english = await read(DEFAULT_LOCALE)
  if (code === DEFAULT_LOCALE || !texts[`./locales/${code}.json`]) return english
  return withEnglishFallback(english, await read(code))
}

// Each switch gets a number: a slower, older switch (still loading its messages) never overrides a newer one.
let switches = 0
// Set once the person picks a language: a late restore of the saved or browser language never overrides it.
let isChosenExplicitly = false

/**
 * Switches the interface language, loading its messages on first use, and sets the page's lang and dir; once `ready`
 * has settled too, when given (the choice being remembered).
 */
export async function setUiLocale(code: string, ready?: Promise<unknown>): Promise<void> {
  const mine = ++switches
  const locale = findUiLocale(code) ?? findUiLocale(DEFAULT_LOCALE)!
  if (!i18n.global.availableLocales.includes(locale.code)) {
    const load = loaders[`./locales/${locale.code}.json`]
    const messages = load ? await load() : undefined
    if (messages && !i18n.global.availableLocales.includes(locale.code)) i18n.global.setLocaleMessage(locale.code, messages)
  }
  await ready
  if (mine !== switches) return
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

/** The person's own choice of interface language: applied at once and remembered on this device. */
export async function chooseUiLocale(code: string): Promise<void> {
  isChosenExplicitly = true
  // Remembered before it shows (the write runs while the messages load): a reload or a closed tab the moment the new
  // language appears keeps it. A refused write still switches; the caller hears of it.
  const remembered = rememberUiLocale(code)
  await setUiLocale(code, remembered.catch(() => undefined))
  await remembered
}

/** Restores the interface language chosen earlier on this device, else the browser's language when offered. */
export async function restoreUiLocale(): Promise<void> {
  const storage = await getStorage()
  const saved = await storage.get<string>('settings', SETTING)
  if (isChosenExplicitly) return
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language.split('-')[0]
  const code = [saved, browser].find(c => c !== undefined && findUiLocale(c) !== undefined)
  if (code && code !== i18n.global.locale.value) await setUiLocale(code)
}

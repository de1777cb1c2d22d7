/** A language the user interface is available in. */
export interface UiLocale {
  code: string
  /** The language's own name, shown in the language menu. */
  name: string
  dir: 'ltr' | 'rtl'
}

/**
 * The interface languages, in menu order. A language is data: its entry here, `locales/<code>.json` for the
 * interface and the questionnaires' texts in that language. A language whose file has not landed yet still works:
 * its missing messages show in English (see index.ts and cli/messages-node.ts), laid out in its own direction.
 */
export const UI_LOCALES: readonly UiLocale[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'pt', name: 'Português', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
]

export const DEFAULT_LOCALE = 'en'

export function findUiLocale(code: string): UiLocale | undefined {
  return UI_LOCALES.find(locale => locale.code === code)
}

/** The writing direction of a language: right to left for Arabic, left to right for any other or unknown code. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  return findUiLocale(code)?.dir ?? 'ltr'
}

/**
 * Digits for numbers and dates in every language, in the app and in the PDF alike: Western digits (0–9), which
 * CLDR uses by default for Arabic (since v42) as do United Nations documents in Arabic; stated explicitly so that
 * a browser with older locale data does not switch to Arabic-Indic digits (٠–٩) on its own.
 */
export const NUMBERING_SYSTEM = 'latn'

/** A language the user interface is available in. */
export interface UiLocale {
  code: string
  /** The language's own name, shown in the language menu. */
  name: string
  dir: 'ltr' | 'rtl'
}

export const UI_LOCALES: readonly UiLocale[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
]

export const DEFAULT_LOCALE = 'en'

export function findUiLocale(code: string): UiLocale | undefined {
  return UI_LOCALES.find(locale => locale.code === code)
}

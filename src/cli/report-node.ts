import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import countries from 'i18n-iso-countries'
import type { ReportFonts } from '../report/document'
import type { ReportLabels } from '../report/labels'
import { readUiMessages, uiLocaleFor } from './messages-node'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

/** The embedded fonts, read from public/fonts (the same files the browser loads). */
export function readReportFonts(): ReportFonts {
  const read = (name: string) => readFileSync(resolve(ROOT, 'public/fonts', name)).toString('base64')
  return { regular: read('DejaVuSans.ttf'), bold: read('DejaVuSans-Bold.ttf') }
}

/** The report's words in a language, English filling any gap; a language the interface lacks gets English. */
export function readReportLabels(locale: string): ReportLabels {
  const read = (code: string) => (readUiMessages(code) as { report?: Partial<ReportLabels> }).report ?? {}
  return { ...(read('en') as ReportLabels), ...read(uiLocaleFor(locale)) }
}

/** A country's name in a language (English when that language has no list). */
export function countryNameNode(iso3: string, locale: string): string {
  // Only a plain language code may name a file to load (never "../x" or "<script>").
  for (const lang of [/^[a-z]{2,3}$/.test(locale) ? locale : 'en', 'en']) {
    try {
      countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as Parameters<typeof countries.registerLocale>[0])
      const name = countries.getName(countries.alpha3ToAlpha2(iso3) ?? '', lang, { select: 'official' })
      if (name) return name
    }
    catch {
      // no list for that language: try English
    }
  }
  return iso3
}

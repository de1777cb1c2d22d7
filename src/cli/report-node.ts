import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import countries from 'i18n-iso-countries'
import { countryNameList } from '../data/country-names'
import type { ReportFonts } from '../report/document'
import type { ReportLabels } from '../report/labels'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

/** The embedded fonts, read from public/fonts (the same files the browser loads). */
export function readReportFonts(): ReportFonts {
  const read = (name: string) => readFileSync(resolve(ROOT, 'public/fonts', name)).toString('base64')
  return { regular: read('DejaVuSans.ttf'), bold: read('DejaVuSans-Bold.ttf') }
}

/** The report's words in a language, English filling any gap. */
export function readReportLabels(locale: string): ReportLabels {
  const read = (code: string) => {
    try {
      return (JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${code}.json`), 'utf8')) as { report?: Partial<ReportLabels> }).report ?? {}
    }
    catch {
      return {}
    }
  }
  return { ...(read('en') as ReportLabels), ...read(locale) }
}

/** A country's name in a language (English when that language has no list). */
export function countryNameNode(iso3: string, locale: string): string {
  for (const lang of [locale, 'en']) {
    try {
      const data = require(`i18n-iso-countries/langs/${lang}.json`) as Parameters<typeof countries.registerLocale>[0]
      const name = countryNameList(data.countries, countries.getAlpha3Codes(), lang).find(c => c.iso3 === iso3)?.name
      if (name && name !== iso3) return name
    }
    catch {
      // no list for that language: try English
    }
  }
  return iso3
}

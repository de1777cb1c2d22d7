import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import countries from 'i18n-iso-countries'
import { countryNameList } from '../data/country-names'
import { countryName, withEnglishFallback, type CountryName } from '../domain/labels'
import type { ReportFonts } from '../report/document'
import type { FollowUpLabels } from '../report/followup-section'
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
  const read = (code: string) => (readUiMessages(code) as { report?: ReportLabels }).report
  return withEnglishFallback(read('en')!, read(uiLocaleFor(locale)))
}

/** The follow-up section's words in one language (English where a message is missing). */
export function readFollowUpLabels(locale: string): FollowUpLabels {
  const read = (code: string) => (readUiMessages(code) as { followup?: FollowUpLabels }).followup
  return withEnglishFallback(read('en')!, read(uiLocaleFor(locale)))
}

/** Every country named in one language, read from the same package as the browser's lists; empty without a list. */
function countryNames(lang: string): CountryName[] {
  // Only a plain language code may name a file to load (never "../x" or "<script>").
  if (!/^[a-z]{2,3}$/.test(lang)) return []
  try {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as Parameters<typeof countries.registerLocale>[0])
  }
  catch {
    return [] // no list for that language
  }
  const data = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> }
  return countryNameList(data.countries, countries.getAlpha3Codes(), lang)
}

/** A country's name in a language (English when that language has no list). */
export function countryNameNode(iso3: string, locale: string): string {
  return countryName(iso3, countryNames(locale), countryNames('en'))
}

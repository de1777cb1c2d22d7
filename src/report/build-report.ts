import { createContext, type ReportContext, type ReportInput } from './context'
import { addFooters, createDocument, Writer } from './document'
import { directionOf } from '../i18n/locales'
import { fill } from './labels'
import { listNames } from '../domain/list-text'
import { writeReport } from './sections'
import type { ReportWriter } from './writer'

export type { ReportInput } from './context'

/**
 * Builds the PDF roadmap: domain data and translations in, PDF bytes out. Runs in the browser and in Node.
 * `appendix` writes more sections after the report's own (a workshop's group appendix).
 */
export function buildReportPdf(input: ReportInput, appendix?: (w: ReportWriter, c: ReportContext) => void): Uint8Array {
  const c = createContext(input)
  const doc = createDocument(input.fonts)
  const title = `${c.labels.title} — ${c.countryName}`
  doc.setProperties({
    title,
    subject: fill(c.labels.subject, { country: c.countryName }),
    author: listNames([c.assessment.profile.ministry, c.assessment.profile.unit], c.locale),
    keywords: 'tech diplomacy, maturity, roadmap',
    creator: 'Tech Diplomacy Maturity Assessment',
  })
  doc.setLanguage(c.languageTag as Parameters<typeof doc.setLanguage>[0])
  doc.setCreationDate(input.generatedAt)

  const dir = directionOf(c.locale)
  const writer = new Writer(doc, dir)
  writeReport(writer, c)
  appendix?.(writer, c)

  const generated = fill(c.labels.generated, { date: c.date(input.generatedAt.toISOString()) })
  const draft = c.assessment.signOff?.draft ? c.labels.draftMark : undefined
  addFooters(doc, (page, pages) => ({ left: `${c.countryName} · ${generated}${draft ? ` · ${draft}` : ''}`, right: fill(c.labels.page, { page, pages }) }), draft, dir)
  return new Uint8Array(doc.output('arraybuffer'))
}

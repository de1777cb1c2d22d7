import { createContext, type ReportInput } from './context'
import { addFooters, createDocument, Writer } from './document'
import { directionOf } from '../i18n/locales'
import { fill } from './labels'
import { writeReport } from './sections'

export type { ReportInput } from './context'

/** Builds the PDF roadmap: domain data and translations in, PDF bytes out. Runs in the browser and in Node. */
export function buildReportPdf(input: ReportInput): Uint8Array {
  const c = createContext(input)
  const doc = createDocument(input.fonts)
  const title = `${c.labels.title} — ${c.countryName}`
  doc.setProperties({
    title,
    subject: fill(c.labels.subject, { country: c.countryName }),
    author: [c.assessment.profile.ministry, c.assessment.profile.unit].filter(Boolean).join(', '),
    keywords: 'tech diplomacy, maturity, roadmap',
    creator: 'Tech Diplomacy Maturity Assessment',
  })
  doc.setLanguage(c.languageTag as Parameters<typeof doc.setLanguage>[0])
  doc.setCreationDate(input.generatedAt)

  const dir = directionOf(c.locale)
  writeReport(new Writer(doc, dir), c)

  const generated = fill(c.labels.generated, { date: c.date(input.generatedAt.toISOString()) })
  const draft = c.assessment.signOff?.draft ? c.labels.draftMark : undefined
  addFooters(doc, (page, pages) => ({ left: `${c.countryName} · ${generated}${draft ? ` · ${draft}` : ''}`, right: fill(c.labels.page, { page, pages }) }), draft, dir)
  return new Uint8Array(doc.output('arraybuffer'))
}

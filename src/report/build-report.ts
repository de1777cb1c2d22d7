import { createContext, type ReportInput } from './context'
import { addFooters, createDocument, Writer } from './document'
import { writeFindings } from './findings'
import { fill } from './labels'
import { writeGaps, writeMethod, writeSources } from './method'
import { writeRoadmap } from './roadmap-section'
import { writeCover, writeDimensionTable, writeSummary } from './summary'

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

  const w = new Writer(doc)
  writeCover(w, c)
  writeSummary(w, c)
  writeDimensionTable(w, c)
  writeRoadmap(w, c)
  writeFindings(w, c)
  writeGaps(w, c)
  writeMethod(w, c)
  writeSources(w, c)

  const generated = fill(c.labels.generated, { date: c.date(input.generatedAt.toISOString()) })
  addFooters(doc, (page, pages) => ({ left: `${c.countryName} · ${generated}`, right: fill(c.labels.page, { page, pages }) }))
  return new Uint8Array(doc.output('arraybuffer'))
}

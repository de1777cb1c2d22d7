import { Packer } from 'docx'
import { createContext, type ReportInput } from './context'
import { docxDocument, DocxWriter } from './docx-writer'
import { directionOf } from '../i18n/locales'
import { fill } from './labels'
import { listNames } from '../domain/list-text'
import { writeReport } from './sections'

/** What the Word report needs: the PDF's input without the embedded fonts (Word uses its own). */
export type DocxReportInput = Omit<ReportInput, 'fonts'>

/** Builds the Word (.docx) version of the report from the same sections and texts as the PDF; runs in the browser and in Node. */
export async function buildReportDocx(input: DocxReportInput): Promise<Uint8Array> {
  const c = createContext({ ...input, fonts: { regular: '', bold: '' } })
  const dir = directionOf(c.locale)
  const w = new DocxWriter(dir)
  writeReport(w, c)
  const generated = fill(c.labels.generated, { date: c.date(input.generatedAt.toISOString()) })
  const [pageWord = '', ofWord = ''] = c.labels.page.split(/\{page\}|\{pages\}/).map(s => s.trim())
  const doc = docxDocument(w, {
    title: `${c.labels.title} — ${c.countryName}`,
    subject: fill(c.labels.subject, { country: c.countryName }),
    author: listNames([c.assessment.profile.ministry, c.assessment.profile.unit], c.locale),
    language: c.locale,
    footer: `${c.countryName} · ${generated}`,
    pageWord,
    ofWord,
    dir,
    ...(c.assessment.signOff?.draft ? { draftMark: c.labels.draftMark } : {}),
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

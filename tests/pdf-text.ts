import { resolve } from 'node:path'

/** The text of each page of a PDF, read back with pdfjs-dist (NFKC-normalized so Arabic presentation forms compare). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: bytes.slice(), // pdfjs detaches the buffer it is given
    standardFontDataUrl: `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise
  const pages: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    pages.push(content.items.map(item => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('').normalize('NFKC'))
  }
  await doc.destroy()
  return pages
}

/** PDF metadata: title, author, subject, language. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise
  const { info } = await doc.getMetadata()
  await doc.destroy()
  return info as Record<string, unknown>
}

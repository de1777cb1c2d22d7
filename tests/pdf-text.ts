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

/** The text pieces of each page in drawing order: one per drawn line of a paragraph or a table cell. */
export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    standardFontDataUrl: `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise
  const pages: string[][] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.flatMap(item => ('str' in item && item.str.trim() ? [item.str.normalize('NFKC')] : [])))
  }
  await doc.destroy()
  return pages
}

/**
 * Words of `words` that a line break cut in two: a drawn line ending with the first part of the word and the
 * next line starting with the rest ("Objecti" / "f").
 */
export function brokenWords(lines: readonly string[], words: Iterable<string>): string[] {
  const broken = new Set<string>()
  const edge = (text: string, end: boolean) => {
    const parts = text.trim().split(/\s+/)
    return (end ? parts[parts.length - 1]! : parts[0]!).replace(/^[«("'‘“]+|[»)"'’”.,;:!?]+$/g, '')
  }
  const targets = [...new Set(words)].filter(w => w.length > 1)
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = edge(lines[i]!, true)
    const head = edge(lines[i + 1]!, false)
    for (const word of targets) {
      for (let k = 1; k < word.length; k++) {
        if (tail === word.slice(0, k) && head === word.slice(k)) broken.add(word)
      }
    }
  }
  return [...broken]
}

/** The text pieces of each page with where they start: x from the left edge of the page, in PDF points. */
export async function pdfPlacedText(bytes: Uint8Array): Promise<Array<Array<{ text: string, x: number, width: number }>>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    standardFontDataUrl: `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise
  const pages: Array<Array<{ text: string, x: number, width: number }>> = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.flatMap(item => ('str' in item && item.str.trim() ? [{ text: item.str.normalize('NFKC'), x: item.transform[4] as number, width: item.width }] : [])))
  }
  await doc.destroy()
  return pages
}

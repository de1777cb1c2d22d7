/** Width of a piece of text as it will be drawn (Arabic measured joined), in any unit consistent with the maximum width. */
export type Measure = (text: string) => number

/**
 * Arabic letters that never join the letter after them (alef and its forms, dal, thal, ra, zay, waw and its hamza form,
 * ta marbuta, hamza): a word may be cut after one of them without breaking a joined pair apart.
 */
const NON_JOINING_AFTER = /^[\u0621-\u0625\u0627\u0629\u062F-\u0632\u0648\u0671-\u0673\u0675\u0688-\u0699\u06C0\u06C3-\u06CB\u06CD\u06CF\u06D2\u06D3\u06D5\uFE80-\uFE88\uFE8D\uFE8E\uFE93\uFE94\uFEA9-\uFEB0\uFEED\uFEEE\uFEF5-\uFEFC]/u
const JOINING = /[\u0620\u0622-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/u

/** The characters of a word as a reader sees them: a letter keeps its vowel marks and shadda (grapheme clusters). */
function graphemes(word: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)].map(s => s.segment)
}

/** Whether cutting between `before` and `after` separates two Arabic letters drawn joined. */
function cutsAJoin(before: string, after: string): boolean {
  return JOINING.test(before) && JOINING.test(after) && !NON_JOINING_AFTER.test(before)
}

/**
 * A word wider than a line cut into pieces that each fit (the last resort): each piece is as long as fits, cut where two
 * letters are not joined when such a place exists on the line, anywhere between two characters otherwise; a single
 * character wider than the line is a piece of its own.
 */
export function breakLongWord(word: string, maxWidth: number, measure: Measure): string[] {
  const chars = graphemes(word)
  const pieces: string[] = []
  let start = 0
  while (start < chars.length) {
    let end = start + 1
    while (end < chars.length && measure(chars.slice(start, end + 1).join('')) <= maxWidth) end++
    if (end < chars.length) {
      for (let cut = end; cut > start + 1; cut--) {
        if (!cutsAJoin(chars[cut - 1]!, chars[cut]!)) {
          end = cut
          break
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''))
    start = end
  }
  return pieces
}

/**
 * Text cut into lines no wider than `maxWidth`, breaking only between words (at spaces; a no-break space holds two words
 * together). A word goes whole to the next line when it does not fit on the current one; only a word wider than a line
 * on its own is cut (see `breakLongWord`), starting on a line of its own. Line breaks in the text are kept; an empty
 * paragraph gives an empty line.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/ +/).filter(word => word !== '')
    let line = ''
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line !== '') lines.push(line)
      if (measure(word) <= maxWidth) {
        line = word
        continue
      }
      const pieces = breakLongWord(word, maxWidth, measure)
      lines.push(...pieces.slice(0, -1))
      line = pieces[pieces.length - 1]!
    }
    lines.push(line)
  }
  return lines
}

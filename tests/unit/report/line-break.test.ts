import { describe, expect, it } from 'vitest'
import { breakLines, breakLongWord } from '@/report/line-break'

/** One unit per character a reader sees (a vowel mark or shadda adds nothing), so the cases can be worked by hand. */
const chars = (text: string) => text.replace(/[\u064B-\u065F\u0670]/g, '').length

describe('breakLines', () => {
  it('fills each line with the words that fit, breaking only at spaces (Latin)', () => {
    // "the quick" is 9 wide; adding " brown" makes 15 > 10
    expect(breakLines('the quick brown fox jumps', 10, chars)).toEqual(['the quick', 'brown fox', 'jumps'])
  })

  it('keeps a line exactly as wide as the column', () => {
    expect(breakLines('abcd efgh', 9, chars)).toEqual(['abcd efgh'])
    expect(breakLines('abcd efgh', 8, chars)).toEqual(['abcd', 'efgh'])
  })

  it('moves "لا ينطبق" whole word by whole word: never "لا ين" / "طبق"', () => {
    // لا = 2, ينطبق = 5, together 8: at 7 the second word goes to the next line, whole
    expect(breakLines('لا ينطبق', 7, chars)).toEqual(['لا', 'ينطبق'])
    expect(breakLines('لا ينطبق', 5, chars)).toEqual(['لا', 'ينطبق'])
    expect(breakLines('لا ينطبق', 8, chars)).toEqual(['لا ينطبق'])
  })

  it('cuts only a word wider than the column on its own, starting it on a line of its own', () => {
    // "see" fits; "internationally" (15) does not fit at 7 even alone: cut into 7 + 7 + 1, "see" left on its line;
    // "now" then joins the last piece ("y now" is 5)
    expect(breakLines('see internationally now', 7, chars)).toEqual(['see', 'interna', 'tionall', 'y now'])
  })

  it('keeps the line breaks of the text and its empty lines', () => {
    expect(breakLines('one two\n\nthree', 20, chars)).toEqual(['one two', '', 'three'])
    expect(breakLines('', 20, chars)).toEqual([''])
  })

  it('treats several spaces as one break and holds words joined by a no-break space together', () => {
    expect(breakLines('a  b', 3, chars)).toEqual(['a b'])
    expect(breakLines('P1\u00A0(2) x', 6, chars)).toEqual(['P1\u00A0(2)', 'x'])
  })

  it('measures the whole line, so a measure wider than the sum of its words is respected', () => {
    const withGap = (text: string) => chars(text) + (text.includes(' ') ? 2 : 0)
    // "ab cd" = 5 + 2 = 7 > 6
    expect(breakLines('ab cd', 6, withGap)).toEqual(['ab', 'cd'])
  })
})

describe('breakLongWord (the last resort)', () => {
  it('cuts an Arabic word after a letter that does not join the next when one is on the line', () => {
    // الإجابات: ا ل إ ج ا ب ا ت. At 4, "الإج" would part the joined ج and ا; the last free cut is after إ ("الإ"),
    // then "جابا" (ends in alef, free) and "ت".
    expect(breakLongWord('الإجابات', 4, chars)).toEqual(['الإ', 'جابا', 'ت'])
    // At 5, "الإجا" ends in alef: a free cut exactly at the end of the line.
    expect(breakLongWord('الإجابات', 5, chars)).toEqual(['الإجا', 'بات'])
  })

  it('cuts a word whose letters all join where the line ends, as the only way left', () => {
    // ينطبق: ي ن ط ب ق all join, so no free cut: 4 + 1
    expect(breakLongWord('ينطبق', 4, chars)).toEqual(['ينطب', 'ق'])
  })

  it('never separates a letter from its vowel mark or shadda', () => {
    // مُتحقَّق: م ت ح ق ق with a damma and a shadda + fatha; 3 per line
    const pieces = breakLongWord('مُتحقَّق', 3, chars)
    expect(pieces).toEqual(['مُتح', 'قَّق'])
    expect(pieces.join('')).toBe('مُتحقَّق')
  })

  it('cuts a Latin word where the line ends', () => {
    expect(breakLongWord('abcdefg', 3, chars)).toEqual(['abc', 'def', 'g'])
  })

  it('gives a character wider than the line a piece of its own', () => {
    const wide = (text: string) => text.length * 5
    expect(breakLongWord('abc', 3, wide)).toEqual(['a', 'b', 'c'])
  })
})

import { describe, expect, it } from 'vitest'
import { parseJson, textSizeProblem } from '@/domain/check'
import { LIMITS } from '@/domain/input-rules'
import { problem } from '@/domain/problem'

const accepted = (text: string, max: number) => parseJson(text, max, 'answers').ok
const code = (text: string, max: number) => {
  const result = parseJson(text, max, 'answers')
  return result.ok ? null : result.error.code
}

/**
 * Each case is a JSON string: two quotes (1 byte each) around characters of one UTF-8 width, so the size in bytes is
 * 2 + count × width, worked by hand; the limit is then set one byte under, at and over it.
 */
describe.each([
  // 10 × "a" (U+0061, 1 byte): 2 + 10 = 12 bytes in 12 UTF-16 units.
  ['1-byte "a"', `"${'a'.repeat(10)}"`, 12],
  // 5 × "é" (U+00E9, 2 bytes): 2 + 10 = 12 bytes in 7 units.
  ['2-byte "é"', `"${'é'.repeat(5)}"`, 12],
  // "سلام" (4 Arabic letters, U+0633 U+0644 U+0627 U+0645, 2 bytes each): 2 + 8 = 10 bytes in 6 units.
  ['2-byte Arabic letters', '"سلام"', 10],
  // 4 × "€" (U+20AC, 3 bytes): 2 + 12 = 14 bytes in 6 units.
  ['3-byte "€"', `"${'€'.repeat(4)}"`, 14],
  // 3 × "😀" (U+1F600, a surrogate pair: 4 bytes in 2 units): 2 + 12 = 14 bytes in 8 units.
  ['4-byte emoji', `"${'😀'.repeat(3)}"`, 14],
])('the size limit counts UTF-8 bytes: %s', (_name, text, bytes) => {
  it(`refuses it under a limit of ${bytes - 1} bytes, as too large`, () => {
    expect(code(text, bytes - 1)).toBe('file.tooLarge')
  })

  it(`accepts it at a limit of exactly ${bytes} bytes`, () => {
    expect(accepted(text, bytes)).toBe(true)
  })

  it(`accepts it at a limit of ${bytes + 1} bytes`, () => {
    expect(accepted(text, bytes + 1)).toBe(true)
  })
})

describe('the size given when a text is too large', () => {
  it('is its size in bytes, in MB with one decimal: 3,000,000 Arabic letters are 6,000,002 bytes, 5.7 MB', () => {
    // 2 + 3,000,000 × 2 = 6,000,002 bytes; 6,000,002 / 1,048,576 = 5.72 → 5.7. The limit, 5,242,880 bytes, is 5 MB.
    const result = parseJson(`"${'ب'.repeat(3_000_000)}"`, LIMITS.answersFileBytes, 'answers')
    expect(result).toEqual({ ok: false, error: problem('file.tooLarge', '(file)', { size: 5.7, max: 5 }) })
  })

  it('is the length when the length alone is over the limit: 6,000,000 "a" are 5.7 MB', () => {
    // 6,000,000 / 1,048,576 = 5.72 → 5.7.
    expect(textSizeProblem('a'.repeat(6_000_000), LIMITS.answersFileBytes)).toEqual(problem('file.tooLarge', '(file)', { size: 5.7, max: 5 }))
  })

  it('is refused at once on its length, without counting, when the length alone is over: 6,000,000 "é" give their length, 5.7 MB', () => {
    // Their bytes, 12,000,000 (11.4 MB), are never counted: callers that read files check the size in bytes first.
    expect(textSizeProblem('é'.repeat(6_000_000), LIMITS.answersFileBytes)).toEqual(problem('file.tooLarge', '(file)', { size: 5.7, max: 5 }))
  })
})

describe('textSizeProblem', () => {
  it('has nothing to say at or under the limit, whatever the path taken', () => {
    // 4 units × 3 = 12 ≤ 12: within without counting; "😀😀" is 8 bytes in 4 units.
    expect(textSizeProblem('😀😀', 12)).toBeNull()
    // 8 bytes against 8: counted (4 × 3 > 8), and exactly at the limit.
    expect(textSizeProblem('😀😀', 8)).toBeNull()
    expect(textSizeProblem('', 0)).toBeNull()
  })

  it('refuses one byte over, counted: "😀😀" (8 bytes) against 7', () => {
    expect(textSizeProblem('😀😀', 7)?.code).toBe('file.tooLarge')
  })

  it('counts the bytes of a text exactly as long as the limit: 12 units of 22 bytes against 12 are too large', () => {
    // "éééééééééé" with its quotes: 12 UTF-16 units, 2 + 10 × 2 = 22 bytes.
    expect(code(`"${'é'.repeat(10)}"`, 12)).toBe('file.tooLarge')
  })

  it('refuses a text of more units than bytes allowed', () => {
    expect(textSizeProblem('abc', 2)?.code).toBe('file.tooLarge')
    expect(textSizeProblem('a', 0)?.code).toBe('file.tooLarge')
  })
})

describe('a text over the limit that is plainly not JSON', () => {
  it('is named for what it is: a binary file decoded as text, each stray byte now "�" (3 bytes), is a picture, not a large file', () => {
    // A 1,000-byte JPEG read as UTF-8: its bytes turned into 1,000 × "�", 3,000 bytes, over a 2,000-byte limit.
    expect(parseJson('\uFFFD'.repeat(1_000), 2_000, 'answers')).toEqual({ ok: false, error: problem('file.isImage', '(file)', { expected: 'answers' }) })
  })

  it('a PDF longer than the limit is named as a PDF, with the kind of file expected', () => {
    expect(parseJson(`%PDF-1.7 ${'x'.repeat(100)}`, 50, 'workshop')).toEqual({ ok: false, error: problem('file.isPdf', '(file)', { expected: 'workshop' }) })
  })

  it('JSON text over the limit is still too large', () => {
    expect(code(`{"a": "${'é'.repeat(30)}"}`, 50)).toBe('file.tooLarge')
  })
})

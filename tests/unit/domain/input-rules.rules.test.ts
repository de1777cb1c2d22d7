import { describe, expect, it } from 'vitest'
import {
  checkFileSize, findForbiddenKeys, htmlIdForm, idSchema, isRealDate, isRealTimestamp, isReservedName, jsonTextDepthExceeds, levelNumberSchema,
  localeSchema, looksLikeAnswersFile, looksLikeQuestionnaire, optionalDateSchema, resolveLocale, sniffNonJson, timestampSchema, utf8Length,
  valueDepthExceeds, versionSchema, weightSchema,
} from '@/domain/input-rules'

/** The message of the first issue (a problem code), or null when the value passes. */
function codeOf(schema: { safeParse: (value: unknown) => { success: boolean, error?: { issues: Array<{ message: string }> } } }, value: unknown): string | null {
  const result = schema.safeParse(value)
  return result.success ? null : result.error!.issues[0]!.message
}

describe('utf8Length', () => {
  it('counts 1 byte for ASCII, up to U+007F', () => {
    expect(utf8Length('a\u007F')).toBe(2)
  })

  it('counts 2 bytes from U+0080 to U+07FF', () => {
    expect(utf8Length('\u0080é\u07FF')).toBe(6)
  })

  it('counts 3 bytes from U+0800 (the euro sign too)', () => {
    expect(utf8Length('\u0800€')).toBe(6)
  })

  it('counts 4 bytes for a surrogate pair (an emoji), at both ends of the surrogate ranges', () => {
    expect(utf8Length('😀')).toBe(4)
    expect(utf8Length('\uD800\uDC00')).toBe(4)
    expect(utf8Length('\uDBFF\uDFFF')).toBe(4)
  })

  it('counts 3 bytes for a lone high surrogate, then the next character on its own', () => {
    expect(utf8Length('\uD83Da')).toBe(4)
    expect(utf8Length('a\uD83D')).toBe(4)
    // followed by "é" (2 bytes): 3 + 2, as a UTF-8 encoder writes it (the lone surrogate becomes U+FFFD)
    expect(utf8Length('\uD83Dé')).toBe(5)
    expect(new TextEncoder().encode('\uD83Dé').length).toBe(5)
  })

  it('counts 3 bytes for a lone low surrogate', () => {
    expect(utf8Length('\uDC00')).toBe(3)
  })

  it('counts a character just outside the high-surrogate range as 3 bytes, not as a pair', () => {
    // U+D7FF and U+DC00 are each 3 bytes: U+D7FF is not a high surrogate
    expect(utf8Length('\uD7FF\uDC00')).toBe(6)
    // U+DC00 followed by U+DC00: two lone low surrogates
    expect(utf8Length('\uDC00\uDC00')).toBe(6)
  })

  it('agrees with Node\'s own count on mixed text', () => {
    const text = 'Ministère des Affaires étrangères — وزارة الخارجية — 外交部 😀'
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })

  it('is 0 for no text', () => {
    expect(utf8Length('')).toBe(0)
  })
})

describe('checkFileSize', () => {
  it('accepts a file of exactly the limit', () => {
    expect(checkFileSize(1024, 1024)).toBeNull()
  })

  it('refuses one byte more, giving both sizes in MB to one decimal', () => {
    // 1,321,206 bytes = 1.26 MB → 1.3; 1,048,576 bytes = 1 MB
    expect(checkFileSize(1_321_206, 1_048_576)).toEqual({ code: 'file.tooLarge', path: '(file)', params: { size: 1.3, max: 1 } })
  })

  it('rounds 5.24 MB down to 5.2', () => {
    // 5.24 × 1,048,576 = 5,494,538.24 → 5,494,538 bytes
    expect(checkFileSize(5_494_538, 5_242_880)?.params).toEqual({ size: 5.2, max: 5 })
  })
})

describe('jsonTextDepthExceeds', () => {
  it('counts arrays and objects alike', () => {
    expect(jsonTextDepthExceeds('[{"a":1}]', 2)).toBe(false)
    expect(jsonTextDepthExceeds('[{"a":1}]', 1)).toBe(true)
  })

  it('a depth equal to the limit passes; one more does not', () => {
    expect(jsonTextDepthExceeds('[[]]', 2)).toBe(false)
    expect(jsonTextDepthExceeds('[[]]', 1)).toBe(true)
  })

  it('an object nested in an object counts twice', () => {
    expect(jsonTextDepthExceeds('{"a":{"b":1}}', 1)).toBe(true)
  })

  it('closing brackets and braces bring the depth back down', () => {
    expect(jsonTextDepthExceeds('[][][]', 1)).toBe(false)
    expect(jsonTextDepthExceeds('{}{}{}', 1)).toBe(false)
  })

  it('skips brackets inside strings', () => {
    expect(jsonTextDepthExceeds('["[[[[", "{{{{"]', 1)).toBe(false)
  })

  it('an escaped quote does not end a string', () => {
    expect(jsonTextDepthExceeds('["\\"[[[", 1]', 1)).toBe(false)
  })

  it('brackets after a string has ended count again', () => {
    expect(jsonTextDepthExceeds('["a", [[]]]', 2)).toBe(true)
  })

  it('a text without brackets never exceeds', () => {
    expect(jsonTextDepthExceeds('"x"', 0)).toBe(false)
  })
})

describe('valueDepthExceeds', () => {
  it('a plain value has no depth', () => {
    expect(valueDepthExceeds(3, 0)).toBe(false)
    expect(valueDepthExceeds(null, 0)).toBe(false)
  })

  it('an empty array is one level deep', () => {
    expect(valueDepthExceeds([], 0)).toBe(true)
    expect(valueDepthExceeds([], 1)).toBe(false)
  })

  it('counts nested objects and arrays', () => {
    expect(valueDepthExceeds({ a: [{ b: 1 }] }, 3)).toBe(false)
    expect(valueDepthExceeds({ a: [{ b: 1 }] }, 2)).toBe(true)
  })

  it('looks at every child, not only the first', () => {
    expect(valueDepthExceeds({ a: 1, b: { c: { d: {} } } }, 3)).toBe(true)
  })

  it('a null child adds no depth', () => {
    expect(valueDepthExceeds({ a: null }, 1)).toBe(false)
  })
})

describe('findForbiddenKeys', () => {
  it('finds a __proto__ key in a nested object, with its path', () => {
    expect(findForbiddenKeys(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toEqual([{ code: 'key.forbidden', path: 'a.__proto__', params: { key: '__proto__' } }])
  })

  it('finds "constructor" inside an array element', () => {
    expect(findForbiddenKeys(JSON.parse('[{"constructor":1}]'))).toEqual([{ code: 'key.forbidden', path: '[0].constructor', params: { key: 'constructor' } }])
  })

  it('finds "prototype" at the top level', () => {
    expect(findForbiddenKeys({ prototype: 1 }).map(p => p.path)).toEqual(['prototype'])
  })

  it('lists problems of separate branches in document order', () => {
    expect(findForbiddenKeys(JSON.parse('{"a":{"__proto__":1},"b":[{"constructor":1}]}')).map(p => p.path)).toEqual(['a.__proto__', 'b[0].constructor'])
  })

  it('does not look inside a forbidden key\'s value', () => {
    expect(findForbiddenKeys(JSON.parse('{"__proto__":{"constructor":1}}'))).toHaveLength(1)
  })

  it('finds nothing in an ordinary value', () => {
    expect(findForbiddenKeys({ a: [1, { b: 'constructor' }], c: null })).toEqual([])
  })

  it('stops at 20 problems by default', () => {
    const many = JSON.parse(`[${Array.from({ length: 25 }, () => '{"__proto__":1}').join(',')}]`) as unknown
    expect(findForbiddenKeys(many)).toHaveLength(20)
  })

  it('stops at the given maximum', () => {
    const many = JSON.parse(`[${Array.from({ length: 5 }, () => '{"__proto__":1}').join(',')}]`) as unknown
    expect(findForbiddenKeys(many, 2).map(p => p.path)).toEqual(['[0].__proto__', '[1].__proto__'])
  })

  it('caps even several problems found in one object', () => {
    expect(findForbiddenKeys(JSON.parse('{"__proto__":1,"constructor":2,"prototype":3}'), 2)).toHaveLength(2)
  })
})

describe('sniffNonJson: what a file that is not JSON probably is', () => {
  it('a PDF, even after a byte-order mark', () => {
    expect(sniffNonJson('%PDF-1.7\n…')).toBe('file.isPdf')
    expect(sniffNonJson('\uFEFF%PDF-1.4')).toBe('file.isPdf')
  })

  it('a zip (a .docx or .xlsx)', () => {
    expect(sniffNonJson('PK\u0003\u0004rest')).toBe('file.isZip')
    expect(sniffNonJson('PKxyz')).toBe('file.isZip')
  })

  it('a PNG read as Latin-1 or as UTF-8 with a replacement character', () => {
    expect(sniffNonJson('\u0089PNG\r\n')).toBe('file.isImage')
    expect(sniffNonJson('\uFFFDPNG\r\n')).toBe('file.isImage')
  })

  it('a GIF', () => {
    expect(sniffNonJson('GIF89a')).toBe('file.isImage')
  })

  it('a JPEG read as Latin-1', () => {
    expect(sniffNonJson('\u00FF\u00D8\u00FF\u00E0')).toBe('file.isImage')
  })

  it('a JPEG read as UTF-8 (replacement characters, then JFIF)', () => {
    expect(sniffNonJson('\uFFFD\uFFFDJFIF')).toBe('file.isImage')
  })

  it('three replacement characters in a row', () => {
    expect(sniffNonJson('\uFFFD\uFFFD\uFFFDxyz')).toBe('file.isImage')
  })

  it('a web page, after spaces', () => {
    expect(sniffNonJson('  <!DOCTYPE html>')).toBe('file.isHtml')
  })

  it('a binary file: a control character other than tab and line breaks', () => {
    expect(sniffNonJson('abc\u0001def')).toBe('file.isBinary')
    expect(sniffNonJson('abc\u0008')).toBe('file.isBinary')
    expect(sniffNonJson('abc\u000E')).toBe('file.isBinary')
    expect(sniffNonJson('abc\u001F')).toBe('file.isBinary')
  })

  it('plain text with tabs and line breaks is none of these', () => {
    expect(sniffNonJson('hello\tworld\r\n\u000B\u000C')).toBeNull()
  })

  it('looks for control characters in the first 512 characters only', () => {
    expect(sniffNonJson(`${'x'.repeat(511)}\u0001`)).toBe('file.isBinary')
    expect(sniffNonJson(`${'x'.repeat(512)}\u0001`)).toBeNull()
  })

  it('a signature not at the start does not count', () => {
    expect(sniffNonJson('x%PDF and <html>')).toBeNull()
  })
})

describe('file kinds', () => {
  it('a questionnaire has indicator and dimension lists', () => {
    expect(looksLikeQuestionnaire({ indicators: [], dimensions: [] })).toBe(true)
    expect(looksLikeQuestionnaire({ indicators: [] })).toBe(false)
    expect(looksLikeQuestionnaire({ indicators: {}, dimensions: [] })).toBe(false)
  })

  it('an answers file has a format name and an assessment object', () => {
    expect(looksLikeAnswersFile({ format: 'tda-answers', assessment: {} })).toBe(true)
    expect(looksLikeAnswersFile({ format: 1, assessment: {} })).toBe(false)
    expect(looksLikeAnswersFile({ format: 'tda-answers', assessment: 'x' })).toBe(false)
  })
})

describe('ids', () => {
  it('names every object already has are reserved', () => {
    expect(isReservedName('constructor')).toBe(true)
    expect(isReservedName('toString')).toBe(true)
    expect(isReservedName('__proto__')).toBe(true)
    expect(isReservedName('I1')).toBe(false)
  })

  it('the HTML form of an id replaces every character an HTML id would not keep', () => {
    expect(htmlIdForm('I1.1')).toBe('I1-1')
    expect(htmlIdForm('a b/c.d')).toBe('a-b-c-d')
    expect(htmlIdForm('A_z-9')).toBe('A_z-9')
  })

  it('an id of 64 characters passes, 65 is too long', () => {
    expect(codeOf(idSchema, `a${'b'.repeat(63)}`)).toBeNull()
    expect(codeOf(idSchema, `a${'b'.repeat(64)}`)).toBe('value.tooLong')
  })

  it('an id starts with a letter and uses letters, digits, ".", "_" or "-"', () => {
    expect(codeOf(idSchema, 'M1.a_b-c')).toBeNull()
    expect(codeOf(idSchema, '1M')).toBe('id.pattern')
    expect(codeOf(idSchema, 'M 1')).toBe('id.pattern')
    expect(codeOf(idSchema, 'M1!')).toBe('id.pattern')
  })

  it('a reserved name is refused as an id', () => {
    expect(codeOf(idSchema, 'toString')).toBe('id.reserved')
  })
})

describe('versions and locales', () => {
  it('a version is semantic, with an optional pre-release', () => {
    expect(codeOf(versionSchema, '1.10.0')).toBeNull()
    expect(codeOf(versionSchema, '1.0.0-beta.1')).toBeNull()
    expect(codeOf(versionSchema, '1.0')).toBe('version.pattern')
    expect(codeOf(versionSchema, 'v1.0.0')).toBe('version.pattern')
    expect(codeOf(versionSchema, '1.0.0 ')).toBe('version.pattern')
  })

  it('each part of a version has at most 6 digits', () => {
    expect(codeOf(versionSchema, '123456.0.0')).toBeNull()
    expect(codeOf(versionSchema, '1234567.0.0')).toBe('version.pattern')
    expect(codeOf(versionSchema, '0.1234567.0')).toBe('version.pattern')
    expect(codeOf(versionSchema, '0.0.1234567')).toBe('version.pattern')
  })

  it('a version of 32 characters passes, 33 is too long', () => {
    expect(codeOf(versionSchema, `1.0.0-${'a'.repeat(26)}`)).toBeNull()
    expect(codeOf(versionSchema, `1.0.0-${'a'.repeat(27)}`)).toBe('value.tooLong')
  })

  it('a locale is two or three lower-case letters, with an optional upper-case region', () => {
    expect(codeOf(localeSchema, 'fr')).toBeNull()
    expect(codeOf(localeSchema, 'fil')).toBeNull()
    expect(codeOf(localeSchema, 'pt-BR')).toBeNull()
    expect(codeOf(localeSchema, 'PT')).toBe('locale.pattern')
    expect(codeOf(localeSchema, 'pt-br')).toBe('locale.pattern')
    expect(codeOf(localeSchema, 'f')).toBe('locale.pattern')
    expect(codeOf(localeSchema, 'xfr')).toBeNull()
    expect(codeOf(localeSchema, 'abcd')).toBe('locale.pattern')
  })

  it('a locale of 11 characters is too long', () => {
    expect(codeOf(localeSchema, 'abcdefghijk')).toBe('value.tooLong')
  })
})

describe('numbers', () => {
  it('a weight is finite, above 0 and at most 1000', () => {
    expect(codeOf(weightSchema, Number.POSITIVE_INFINITY)).toBe('value.notFinite')
    expect(codeOf(weightSchema, 0)).toBe('weight.positive')
    expect(codeOf(weightSchema, 0.5)).toBeNull()
    expect(codeOf(weightSchema, 1000)).toBeNull()
    expect(codeOf(weightSchema, 1001)).not.toBeNull()
  })

  it('a level is a whole number from 0 to 10', () => {
    expect(codeOf(levelNumberSchema, 1.5)).toBe('value.notInteger')
    expect(codeOf(levelNumberSchema, 0)).toBeNull()
    expect(codeOf(levelNumberSchema, 10)).toBeNull()
    expect(codeOf(levelNumberSchema, -1)).not.toBeNull()
    expect(codeOf(levelNumberSchema, 11)).not.toBeNull()
  })
})

describe('dates and timestamps', () => {
  it('a real date is YYYY-MM-DD naming a day on the calendar', () => {
    expect(isRealDate('2024-02-29')).toBe(true)
    expect(isRealDate('2025-02-29')).toBe(false)
    expect(isRealDate('2026-13-01')).toBe(false)
    expect(isRealDate('2026-1-01')).toBe(false)
    expect(isRealDate('x2026-01-01')).toBe(false)
    expect(isRealDate('2026-01-01x')).toBe(false)
  })

  it('a timestamp may give minutes, seconds or a fraction, with Z or an offset', () => {
    expect(isRealTimestamp('2026-11-23T10:15:00.000Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T10:15Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T23:59:59+02:00')).toBe(true)
    expect(isRealTimestamp('2026-11-23T00:00:00.123456789-05:30')).toBe(true)
  })

  it('a timestamp refuses hour 24, minute 60, second 60 and offset +24:00', () => {
    expect(isRealTimestamp('2026-11-23T24:00Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:60Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15:60Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15+24:00')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15+02:60')).toBe(false)
  })

  it('a timestamp accepts hours 19 and 20–23, refuses 30', () => {
    expect(isRealTimestamp('2026-11-23T19:00Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T23:00Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T30:00Z')).toBe(false)
  })

  it('a timestamp needs a zone, a T, and a real day', () => {
    expect(isRealTimestamp('2026-11-23T10:15')).toBe(false)
    expect(isRealTimestamp('2026-11-23 10:15Z')).toBe(false)
    expect(isRealTimestamp('2026-02-30T10:15Z')).toBe(false)
    expect(isRealTimestamp('x2026-11-23T10:15Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15Zx')).toBe(false)
  })

  it('a fraction has 1 to 9 digits', () => {
    expect(isRealTimestamp('2026-11-23T10:15:00.1Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T10:15:00.Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15:00.1234567890Z')).toBe(false)
  })

  it('an optional date may be empty, else must be real', () => {
    expect(codeOf(optionalDateSchema, '')).toBeNull()
    expect(codeOf(optionalDateSchema, '2026-02-30')).toBe('date.invalid')
    expect(codeOf(optionalDateSchema, '2026-02-300')).toBe('value.tooLong')
  })

  it('a timestamp field refuses a bad moment, and text over 40 characters', () => {
    expect(codeOf(timestampSchema, '2026-11-23T10:15:00.000Z')).toBeNull()
    expect(codeOf(timestampSchema, 'yesterday')).toBe('timestamp.invalid')
    expect(codeOf(timestampSchema, `2026-11-23T10:15:00.000Z${' '.repeat(17)}`)).toBe('value.tooLong')
  })
})

describe('resolveLocale', () => {
  it('keeps a supported locale, with no note', () => {
    expect(resolveLocale('fr', ['en', 'fr'], 'en', 'assessment.locale')).toEqual({ locale: 'fr' })
  })

  it('falls back to the given locale for an unsupported one, with a note saying so', () => {
    expect(resolveLocale('de', ['en', 'fr'], 'en', 'assessment.locale')).toEqual({
      locale: 'en', note: { code: 'locale.fallback', path: 'assessment.locale', params: { locale: 'de', fallback: 'en' } },
    })
  })
})

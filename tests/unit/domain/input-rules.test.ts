import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaire, checkQuestionnaireText, parseJson } from '@/domain/check'
import {
  checkFileSize, findForbiddenKeys, htmlIdForm, idSchema, isRealDate, isRealTimestamp, isReservedName, jsonTextDepthExceeds,
  LIMITS, resolveLocale, sniffNonJson, utf8Length, valueDepthExceeds,
} from '@/domain/input-rules'
import { listedProblems, problem, shown } from '@/domain/problem'
import type { Questionnaire, QuestionnaireInput } from '@/domain/questionnaire'
import { problemFromZodIssue } from '@/domain/zod-problems'
import { inEnglish } from '../../problem-text'

const miniText = readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8')
const mini = () => JSON.parse(miniText) as QuestionnaireInput & Record<string, unknown>
const answersText = readFileSync(new URL('../../fixtures/pioneer.tda.json', import.meta.url), 'utf8')

function codesAfter(change: (q: QuestionnaireInput & Record<string, unknown>) => void): string[] {
  const q = mini()
  change(q)
  const result = checkQuestionnaire(q)
  return result.ok ? [] : result.errors.map(e => `${e.path} ${e.code}`)
}

describe('the one date rule', () => {
  it('accepts real calendar days, including 29 February of a leap year', () => {
    expect(['2026-11-20', '2024-02-29', '2000-02-29', '1999-12-31'].map(isRealDate)).toEqual([true, true, true, true])
  })

  it('refuses impossible days and other spellings', () => {
    expect(['2026-13-45', 'abcdefghij', '2026-1-1', '2026-02-29', '1900-02-29', '2026-04-31', '2026-11-20 ', ''].map(isRealDate)).toEqual([false, false, false, false, false, false, false, false])
  })

  it('accepts a timestamp only with a real day, a real time and a zone', () => {
    expect(isRealTimestamp('2026-11-23T10:15:00.000Z')).toBe(true)
    expect(isRealTimestamp('2026-11-23T10:15+01:00')).toBe(true)
    expect(isRealTimestamp('2026-11-23T23:59:59Z')).toBe(true)
    expect(isRealTimestamp('2026-02-30T10:15:00Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T24:00:00Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:60:00Z')).toBe(false)
    expect(isRealTimestamp('2026-11-23T10:15:00')).toBe(false)
    expect(isRealTimestamp('2026-11-23')).toBe(false)
  })
})

describe('the one id rule', () => {
  it('accepts the shipped style of ids up to 64 characters', () => {
    expect(idSchema.safeParse('I1.1').success).toBe(true)
    expect(idSchema.safeParse('alpha-01_b').success).toBe(true)
    expect(idSchema.safeParse(`a${'b'.repeat(63)}`).success).toBe(true)
  })

  it('refuses an id of 65 characters, one that starts with a digit or holds other characters', () => {
    expect(idSchema.safeParse(`a${'b'.repeat(64)}`).success).toBe(false)
    expect(idSchema.safeParse('1a').success).toBe(false)
    expect(idSchema.safeParse('a b').success).toBe(false)
    expect(idSchema.safeParse('a\u202E1').success).toBe(false)
  })

  it('refuses the names every JavaScript object already has', () => {
    expect(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'].map(isReservedName)).toEqual([true, true, true, true, true])
    expect(isReservedName('mandate')).toBe(false)
    expect(idSchema.safeParse('toString').error?.issues[0]?.message).toBe('id.reserved')
  })

  it('gives ids that differ only by "." and "-" the same page form', () => {
    expect(htmlIdForm('a.1')).toBe('a-1')
    expect(htmlIdForm('a-1')).toBe('a-1')
    expect(htmlIdForm('a_1')).toBe('a_1')
  })
})

describe('the questionnaire checker now also refuses', () => {
  it('an indicator named like an Object.prototype member', () => {
    expect(codesAfter((q) => { q.indicators[0]!.id = 'constructor' })).toContain('indicators[0].id id.reserved')
  })

  it('two ids that would share one HTML id', () => {
    expect(codesAfter((q) => {
      q.indicators[0]!.id = 'a.1'
      q.indicators[1]!.id = 'a-1'
    })).toContain('indicators[1].id id.collides')
  })

  it('a weight that is not finite (1e309 reads as Infinity and would be stored as null)', () => {
    expect(codesAfter((q) => { q.dimensions[0]!.weight = Number.POSITIVE_INFINITY })).toContain('dimensions[0].weight value.notFinite')
  })

  it('a weight above 1000', () => {
    expect(codesAfter((q) => { q.dimensions[0]!.weight = 1001 })).toContain('dimensions[0].weight value.tooBig')
    expect(codesAfter((q) => { q.dimensions[0]!.weight = 1000 })).toEqual([])
  })

  it('more than 11 levels (answers and targets stop at level 10)', () => {
    expect(codesAfter((q) => {
      while (q.levels.length < 12) q.levels.push({ ...q.levels[0]!, level: q.levels.length })
    })).toContain('levels value.tooMany')
  })

  it('a version longer than the answers file allows', () => {
    expect(codesAfter((q) => { q.version = `1.0.0-${'x'.repeat(30)}` })).toContain('version value.tooLong')
  })

  it('a source link that is not a web address', () => {
    expect(codesAfter((q) => { q.sources![0]!.url = 'javascript:alert(1)' })).toContain('sources[0].url url.invalid')
  })

  it('a text in more than 20 languages', () => {
    const many = Object.fromEntries(['en', ...Array.from({ length: 20 }, (_, i) => `x${String.fromCharCode(97 + i)}`)].map(code => [code, 'T']))
    expect(codesAfter((q) => { q.title = many as QuestionnaireInput['title'] })).toContain('title value.tooMany')
  })

  it('an answers file opened as a questionnaire, saying so', () => {
    expect(checkQuestionnaireText(answersText)).toEqual({ ok: false, errors: [problem('file.isAnswers', '(top level)')] })
  })

  it('a questionnaire file larger than 3 MB, before parsing it', () => {
    const result = checkQuestionnaireText(`{"x": "${'a'.repeat(LIMITS.questionnaireFileBytes)}"}`)
    expect(!result.ok && result.errors[0]?.code).toBe('file.tooLarge')
  })
})

describe('answers files', () => {
  const find = (id: string, version: string) => (id === 'tech-diplomacy' && version === '1.0.0' ? loadTechDiplomacy() : undefined)
  const edit = (change: (file: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const file = JSON.parse(answersText)
    change(file)
    return parseAssessmentFile(JSON.stringify(file), find)
  }

  it('refuse an impossible profile date with the date rule', () => {
    const result = edit((f) => { f.assessment.profile.date = '2026-13-45' })
    expect(!result.ok && result.errors.map(inEnglish)).toEqual(['assessment.profile.date: This is not a real date (expected YYYY-MM-DD, e.g. 2026-11-23).'])
  })

  it('refuse an impossible target date on a plan item', () => {
    const result = edit((f) => { f.assessment.roadmap = { targets: {}, dropped: [], details: { A1: { targetDate: 'abcdefghij' } }, custom: [] } })
    expect(!result.ok && result.errors.map(e => `${e.path} ${e.code}`)).toEqual(['assessment.roadmap.details.A1.targetDate date.invalid'])
  })

  it('refuse an impossible timestamp', () => {
    const result = edit((f) => { f.assessment.updatedAt = '2026-11-20T25:00:00Z' })
    expect(!result.ok && result.errors.map(e => `${e.path} ${e.code}`)).toEqual(['assessment.updatedAt timestamp.invalid'])
  })

  it('refuse more than 2,000 plan-item details', () => {
    const details = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`A${i}`, { owner: 'x' }]))
    const result = edit((f) => { f.assessment.roadmap = { targets: {}, dropped: [], details, custom: [] } })
    expect(!result.ok && result.errors.map(e => `${e.path} ${e.code}`)).toEqual(['assessment.roadmap.details value.tooMany'])
  })

  it('accept 2,000 plan-item details', () => {
    const details = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`A${i}`, { owner: 'x' }]))
    expect(edit((f) => { f.assessment.roadmap = { targets: {}, dropped: [], details, custom: [] } }).ok).toBe(true)
  })

  it('replace an unknown language by English with a note, and never keep it', () => {
    for (const locale of ['toString', '<script>', 'en_US', '../../package']) {
      const result = edit((f) => { f.assessment.locale = locale })
      expect(result.ok && [result.value.locale, result.notes.map(n => `${n.path} ${n.code} ${String(n.params.locale)}`)]).toEqual(['en', [`assessment.locale locale.fallback ${locale}`]])
    }
  })

  it('keep a language the questionnaire offers, without a note', () => {
    const result = edit((f) => { f.assessment.locale = 'fr' })
    expect(result.ok && [result.value.locale, result.notes]).toEqual(['fr', []])
  })

  it('refuse an answer to an indicator named like an Object.prototype member', () => {
    const result = edit((f) => { f.assessment.answers.toString = f.assessment.answers['I1.1'] })
    expect(!result.ok && result.errors.map(e => `${e.path} ${e.code}`)).toEqual(['assessment.answers.toString id.reserved'])
  })

  it('say that a PDF, a Word file, a picture or a web page is not an answers file', () => {
    const first = (text: string) => {
      const result = parseAssessmentFile(text, find)
      return result.ok ? null : inEnglish(result.errors[0]!)
    }
    expect(first('%PDF-1.7\n%âãÏÓ')).toBe('(file): This looks like a PDF, not an answers file.')
    expect(first('PK\u0003\u0004 word/document.xml')).toBe('(file): This looks like a Word, Excel or ZIP file, not an answers file.')
    expect(first('\uFFFDPNG\r\n')).toBe('(file): This looks like a picture, not an answers file.')
    expect(first('<!DOCTYPE html>')).toBe('(file): This looks like a web page or XML, not an answers file.')
    expect(first(miniText)).toBe('(top level): This is a questionnaire file, not an answers file: open it with “Open a questionnaire file…”.')
  })

  it('refuse 10,000 levels of nesting behind a valid header without overflowing the stack', () => {
    const text = answersText.replace('{', `{"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}, `)
    const result = parseAssessmentFile(text, find)
    expect(!result.ok && result.errors).toEqual([problem('file.tooDeep', '(file)', { max: 16 })])
  })
})

let techDiplomacy: Questionnaire | undefined
function loadTechDiplomacy(): Questionnaire {
  if (techDiplomacy) return techDiplomacy
  const result = checkQuestionnaireText(readFileSync(new URL('../../../questionnaires/tech-diplomacy-1.0.0.json', import.meta.url), 'utf8'))
  if (!result.ok) throw new Error('questionnaire invalid')
  techDiplomacy = result.questionnaire
  return techDiplomacy
}

describe('nesting depth, counted without recursion', () => {
  it('in text: 16 levels pass, 17 do not', () => {
    expect(jsonTextDepthExceeds(`${'['.repeat(16)}${']'.repeat(16)}`, 16)).toBe(false)
    expect(jsonTextDepthExceeds(`${'['.repeat(17)}${']'.repeat(17)}`, 16)).toBe(true)
  })

  it('in text: brackets inside strings, even after an escaped quote, do not count', () => {
    expect(jsonTextDepthExceeds(`{"a": "${'['.repeat(40)}"}`, 16)).toBe(false)
    expect(jsonTextDepthExceeds(`{"a": "\\"${'{'.repeat(40)}"}`, 16)).toBe(false)
    expect(jsonTextDepthExceeds(`{"a": "\\\\", "b": ${'['.repeat(20)}${']'.repeat(20)}}`, 16)).toBe(true)
  })

  it('in text: depth goes down again after a closing bracket', () => {
    expect(jsonTextDepthExceeds(`${'[]'.repeat(100)}`, 1)).toBe(false)
  })

  it('in a parsed value: 16 levels pass, 17 do not', () => {
    let value: unknown = 1
    for (let i = 0; i < 16; i++) value = [value]
    expect(valueDepthExceeds(value, 16)).toBe(false)
    expect(valueDepthExceeds([value], 16)).toBe(true)
    expect(valueDepthExceeds('text', 0)).toBe(false)
    expect(valueDepthExceeds({}, 0)).toBe(true)
  })

  it('the parser refuses a deep file before parsing, and says so', () => {
    expect(parseJson(`${'['.repeat(17)}${']'.repeat(17)}`, 1000, 'answers')).toEqual({ ok: false, error: problem('file.tooDeep', '(file)', { max: 16 }) })
  })
})

describe('forbidden keys', () => {
  it('are found anywhere, with their path', () => {
    const value = JSON.parse('{"a": [{"b": {"__proto__": 1}}], "constructor": 2, "c": {"prototype": 3}}') as unknown
    expect(findForbiddenKeys(value).map(p => p.path).sort()).toEqual(['a[0].b.__proto__', 'c.prototype', 'constructor'])
  })

  it('are listed up to the maximum asked for', () => {
    const value = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, JSON.parse('{"__proto__": 1}') as unknown]))
    expect(findForbiddenKeys(value, 5)).toHaveLength(5)
    expect(findForbiddenKeys(value)).toHaveLength(20)
  })
})

describe('sizes in bytes', () => {
  it('count UTF-8 bytes: 1 for ASCII, 2 for é, 3 for €, 4 for an emoji, 3 for a lone surrogate', () => {
    expect([utf8Length('a'), utf8Length('é'), utf8Length('€'), utf8Length('😀'), utf8Length('\uD800'), utf8Length('\uD800a')]).toEqual([1, 2, 3, 4, 3, 4])
  })

  it('refuse one byte over the limit, in MB with one decimal', () => {
    expect(checkFileSize(1024, 1024)).toBeNull()
    expect(checkFileSize(1025, 1024)).toEqual(problem('file.tooLarge', '(file)', { size: 0, max: 0 }))
    expect(checkFileSize(30 * 1024 * 1024, 5 * 1024 * 1024)).toEqual(problem('file.tooLarge', '(file)', { size: 30, max: 5 }))
  })

  it('counts bytes, not characters: 2.6 million "é" are 5.2 MB', () => {
    const result = parseJson(`"${'é'.repeat(2_700_000)}"`, LIMITS.answersFileBytes, 'answers')
    expect(!result.ok && result.error.code).toBe('file.tooLarge')
  })
})

describe('languages', () => {
  it('a supported language is kept, anything else falls back with a note', () => {
    expect(resolveLocale('fr', ['en', 'fr'], 'en', 'p')).toEqual({ locale: 'fr' })
    expect(resolveLocale('de', ['en', 'fr'], 'en', 'p')).toEqual({ locale: 'en', note: problem('locale.fallback', 'p', { locale: 'de', fallback: 'en' }) })
  })
})

describe('what a file that is not JSON looks like', () => {
  it('is recognised from its first bytes', () => {
    expect(['%PDF-1.4', 'PK\u0003\u0004', 'GIF89a', '<html>', '  <?xml', 'a\u0001b', 'oops'].map(sniffNonJson))
      .toEqual(['file.isPdf', 'file.isZip', 'file.isImage', 'file.isHtml', 'file.isHtml', 'file.isBinary', null])
  })
})

describe('problems shown to people', () => {
  it('list at most 50 and count the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => i)
    expect(listedProblems(many).shown).toHaveLength(50)
    expect(listedProblems(many).more).toBe(9950)
    expect(listedProblems(many.slice(0, 50))).toEqual({ shown: many.slice(0, 50), more: 0 })
  })

  it('quote input safely: control and bidi characters replaced, cut at 60 characters', () => {
    expect(shown('a\u202Eb\u0000c\uD800')).toBe('a\uFFFDb\uFFFDc\uFFFD')
    expect(shown('x'.repeat(60))).toBe('x'.repeat(60))
    expect(shown('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`)
    expect(shown('😀'.repeat(61))).toBe(`${'😀'.repeat(59)}…`)
    expect(problem('dimension.unknown', 'p', { id: '\u2066x\u2069' }).params).toEqual({ id: '\uFFFDx\uFFFD' })
  })

  it('never carry zod\'s English: each kind of zod issue becomes a code', () => {
    const issues = (schema: z.ZodTypeAny, value: unknown) => schema.safeParse(value).error!.issues.map(problemFromZodIssue).map(p => p.code)
    expect(issues(z.object({ a: z.string() }), {})).toEqual(['value.required'])
    expect(issues(z.string(), 1)).toEqual(['value.type'])
    expect(issues(z.number().int(), 1.5)).toEqual(['value.notInteger'])
    expect(issues(z.object({}).strict(), { x: 1 })).toEqual(['value.unknownFields'])
    expect(issues(z.enum(['a', 'b']), 'c')).toEqual(['value.notAllowed'])
    expect(issues(z.enum(['a', 'b']), 1)).toEqual(['value.notOneOf'])
    expect(issues(z.discriminatedUnion('k', [z.object({ k: z.literal('a') })]), { k: 'z' })).toEqual(['value.kindUnknown'])
    expect(issues(z.literal(1), 2)).toEqual(['value.mustBe'])
    expect(issues(z.string().min(2), 'a')).toEqual(['value.tooShort'])
    expect(issues(z.string().max(1), 'ab')).toEqual(['value.tooLong'])
    expect(issues(z.array(z.number()).min(1), [])).toEqual(['value.tooFew'])
    expect(issues(z.array(z.number()).max(1), [1, 2])).toEqual(['value.tooMany'])
    expect(issues(z.number().min(1), 0)).toEqual(['value.tooSmall'])
    expect(issues(z.number().max(1), 2)).toEqual(['value.tooBig'])
    expect(issues(z.number().finite(), Number.POSITIVE_INFINITY)).toEqual(['value.notFinite'])
    expect(issues(z.string().regex(/^a$/), 'b')).toEqual(['value.format'])
    expect(issues(z.string().refine(() => false), 'b')).toEqual(['value.invalid'])
    expect(issues(z.string().refine(() => false, { message: 'value.tooMany', params: { max: 3 } }), 'b')).toEqual(['value.tooMany'])
  })

  it('keep the limit of a refinement as a value for the message', () => {
    const issue = z.string().refine(() => false, { message: 'value.tooMany', params: { max: 3 } }).safeParse('b').error!.issues[0]!
    expect(problemFromZodIssue(issue).params).toEqual({ max: 3 })
  })
})

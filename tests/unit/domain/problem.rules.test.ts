import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { formatPath, isProblemCode, listedProblems, MAX_LISTED_PROBLEMS, problem, shown } from '@/domain/problem'
import { problemFromZodIssue } from '@/domain/zod-problems'

describe('problem', () => {
  it('has a code, a path and no params unless given', () => {
    expect(problem('file.empty', '(file)')).toEqual({ code: 'file.empty', params: {}, path: '(file)' })
  })

  it('replaces characters that could reorder a message in text params, and keeps numbers', () => {
    expect(problem('id.duplicate', 'dimensions[1].id', { id: 'a\u202Eb\u0000', n: 3 }).params).toEqual({ id: 'a\uFFFDb\uFFFD', n: 3 })
    expect(problem('value.unknownFields', 'x', { fields: ['"a\u2066b"', '"c"'], count: 2 }).params).toEqual({ fields: ['"a\uFFFDb"', '"c"'], count: 2 })
  })

  it('knows its codes', () => {
    expect(isProblemCode('file.empty')).toBe(true)
    expect(isProblemCode('file.nope')).toBe(false)
  })
})

describe('listedProblems', () => {
  it('lists up to the maximum and counts the rest', () => {
    expect(listedProblems([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1 })
  })

  it('counts nothing more when all fit', () => {
    expect(listedProblems([1], 2)).toEqual({ shown: [1], more: 0 })
  })

  it('lists 50 by default', () => {
    expect(MAX_LISTED_PROBLEMS).toBe(50)
    const r = listedProblems(Array.from({ length: 53 }, (_, i) => i))
    expect([r.shown.length, r.more]).toEqual([50, 3])
  })
})

describe('shown: input quoted in a message', () => {
  it('keeps 60 characters as they are', () => {
    expect(shown('x'.repeat(60))).toBe('x'.repeat(60))
  })

  it('cuts 61 characters to 59 and an ellipsis', () => {
    expect(shown('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`)
  })

  it('counts an emoji as one character', () => {
    expect(shown('😀'.repeat(60))).toBe('😀'.repeat(60))
  })

  it('writes numbers, booleans and null as text, anything else by its kind', () => {
    expect([shown(3), shown(true), shown(null), shown(undefined), shown({ a: 1 })]).toEqual(['3', 'true', 'null', 'undefined', 'object'])
  })

  it('replaces control, bidirectional and zero-width characters and lone surrogates', () => {
    expect(shown('a\u0007b\u009Fc\u200Bd\u2067e\uFEFFf')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf')
    expect(shown('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz')
  })

  it('keeps a surrogate pair whole', () => {
    expect(shown('ok 😀')).toBe('ok 😀')
  })
})

describe('formatPath', () => {
  it('the root is "(top level)"', () => {
    expect(formatPath([])).toBe('(top level)')
  })

  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['indicators', 3, 'dimension'])).toBe('indicators[3].dimension')
    expect(formatPath([0, 'a'])).toBe('[0].a')
  })

  it('makes keys safe to show', () => {
    expect(formatPath(['a\u202E', 'b\u0000'])).toBe('a\uFFFD.b\uFFFD')
  })
})

/** The problem for the first zod issue of parsing `value` with `schema`. */
function problemFor(schema: z.ZodTypeAny, value: unknown) {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected an issue')
  return problemFromZodIssue(result.error.issues[0]!)
}

describe('problemFromZodIssue: zod issues become codes', () => {
  it('a missing field is required, at its path', () => {
    expect(problemFor(z.object({ a: z.object({ b: z.string() }) }), { a: {} })).toEqual({ code: 'value.required', path: 'a.b', params: {} })
  })

  it('a fraction where a whole number is expected', () => {
    expect(problemFor(z.number().int(), 1.5)).toMatchObject({ code: 'value.notInteger' })
  })

  it('a wrong kind of value names the expected and received kinds', () => {
    expect(problemFor(z.string(), 3)).toEqual({ code: 'value.type', path: '(top level)', params: { expected: 'string', received: 'number' } })
  })

  it('NaN counts as a number; a kind outside the list is "other"', () => {
    expect(problemFor(z.string(), Number.NaN).params).toEqual({ expected: 'string', received: 'number' })
    expect(problemFor(z.string(), 10n).params).toEqual({ expected: 'string', received: 'other' })
  })

  it('a wrong kind of value for a list of choices names the choices', () => {
    expect(problemFor(z.enum(['self-declared', 'document-backed']), 3)).toEqual({
      code: 'value.notOneOf', path: '(top level)', params: { options: ['"self-declared"', '"document-backed"'], received: 'number' },
    })
  })

  it('unknown fields are listed and counted; more than six are cut with "…"', () => {
    expect(problemFor(z.object({}).strict(), { x: 1, y: 2 }).params).toEqual({ fields: ['"x"', '"y"'], count: 2 })
    const seven = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(k => [k, 1]))
    expect(problemFor(z.object({}).strict(), seven).params).toEqual({ fields: ['"a"', '"b"', '"c"', '"d"', '"e"', '"f"', '…'], count: 7 })
  })

  it('lists exactly six unknown fields in full', () => {
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map(k => [k, 1]))
    expect(problemFor(z.object({}).strict(), six).params).toEqual({ fields: ['"a"', '"b"', '"c"', '"d"', '"e"', '"f"'], count: 6 })
  })

  it('names a choice that holds an apostrophe whole', () => {
    expect(problemFor(z.enum(['don\'t know', 'level']), 3).params).toEqual({ options: ['"don\'t know"', '"level"'], received: 'number' })
  })

  it('names a rare expected kind (a date) as "other", not as a list of choices', () => {
    expect(problemFor(z.date(), 'x')).toEqual({ code: 'value.type', path: '(top level)', params: { expected: 'other', received: 'string' } })
  })

  it('a value outside a list of choices names them and the value', () => {
    expect(problemFor(z.enum(['a', 'b']), 'c')).toEqual({ code: 'value.notAllowed', path: '(top level)', params: { options: ['"a"', '"b"'], received: 'c' } })
  })

  it('an unknown kind of answer names the known kinds', () => {
    const schema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('x') }), z.object({ kind: z.literal('y') })])
    expect(problemFor(schema, { kind: 'z' })).toEqual({ code: 'value.kindUnknown', path: 'kind', params: { options: ['"x"', '"y"'] } })
  })

  it('a literal names the value it must be, unless the schema gives its own code', () => {
    expect(problemFor(z.literal(1), 2)).toEqual({ code: 'value.mustBe', path: '(top level)', params: { expected: '1' } })
    expect(problemFor(z.literal(1, { errorMap: () => ({ message: 'questionnaire.schemaVersion' }) }), 2)).toEqual({ code: 'questionnaire.schemaVersion', path: '(top level)', params: {} })
  })

  it('too short, too few and too small each get their code and the minimum', () => {
    expect(problemFor(z.string().min(2), 'a')).toMatchObject({ code: 'value.tooShort', params: { min: 2 } })
    expect(problemFor(z.array(z.number()).min(1), [])).toMatchObject({ code: 'value.tooFew', params: { min: 1 } })
    expect(problemFor(z.set(z.number()).min(1), new Set())).toMatchObject({ code: 'value.tooFew', params: { min: 1 } })
    expect(problemFor(z.number().min(0), -1)).toMatchObject({ code: 'value.tooSmall', params: { min: 0 } })
  })

  it('a schema\'s own code wins for a minimum', () => {
    expect(problemFor(z.string().min(1, 'text.enRequired'), '')).toEqual({ code: 'text.enRequired', path: '(top level)', params: { min: 1 } })
  })

  it('too long, too many and too big each get their code and the maximum', () => {
    expect(problemFor(z.string().max(2), 'abc')).toMatchObject({ code: 'value.tooLong', params: { max: 2 } })
    expect(problemFor(z.array(z.number()).max(1), [1, 2])).toMatchObject({ code: 'value.tooMany', params: { max: 1 } })
    expect(problemFor(z.set(z.number()).max(1), new Set([1, 2]))).toMatchObject({ code: 'value.tooMany', params: { max: 1 } })
    expect(problemFor(z.number().max(5), 6)).toMatchObject({ code: 'value.tooBig', params: { max: 5 } })
  })

  it('a schema\'s own code wins for a maximum, except the generic "too long" on a number', () => {
    expect(problemFor(z.number().max(5, 'weight.positive'), 6)).toEqual({ code: 'weight.positive', path: '(top level)', params: { max: 5 } })
    expect(problemFor(z.number().max(5, 'value.tooLong'), 6)).toMatchObject({ code: 'value.tooBig', params: { max: 5 } })
  })

  it('an infinite number, and a number that is not a multiple, get their codes', () => {
    expect(problemFor(z.number().finite(), Number.POSITIVE_INFINITY)).toMatchObject({ code: 'value.notFinite' })
    expect(problemFor(z.number().multipleOf(2), 3)).toMatchObject({ code: 'value.notInteger' })
  })

  it('a refinement gives its own code, and keeps only numbers and safe text as params', () => {
    expect(problemFor(z.string().refine(() => false, 'date.invalid'), 'x')).toEqual({ code: 'date.invalid', path: '(top level)', params: {} })
    const refined = z.unknown().superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'not a code', params: { limit: 5, name: 'a\u202E', nested: { x: 1 } } })
    })
    expect(problemFor(refined, 1)).toEqual({ code: 'value.invalid', path: '(top level)', params: { limit: 5, name: 'a\uFFFD' } })
  })

  it('cuts a long text param of a refinement to 60 characters, as any quoted input', () => {
    const refined = z.unknown().superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'value.invalid', params: { name: 'x'.repeat(100) } })
    })
    expect(problemFor(refined, 1).params).toEqual({ name: `${'x'.repeat(59)}…` })
  })

  it('a string in the wrong format, with or without the schema\'s own code', () => {
    expect(problemFor(z.string().email(), 'x')).toMatchObject({ code: 'value.format' })
    expect(problemFor(z.string().regex(/^a/, 'id.pattern'), 'b')).toMatchObject({ code: 'id.pattern' })
  })

  it('any other issue is "invalid"', () => {
    expect(problemFor(z.date(), new Date('not a date'))).toMatchObject({ code: 'value.invalid' })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerCodeRef, crc32Hex, decodeAnswerCode, encodeAnswerCode, MAX_ANSWER_CODE_LENGTH } from '@/domain/answer-code'
import { CONFIDENCES, type Answer, type Answers, type Confidence } from '@/domain/assessment'
import type { Questionnaire } from '@/domain/questionnaire'
import { inEnglish } from '../../problem-text'
import { mini, tech } from './questionnaire-fixtures'

const NOW = '2026-11-29T16:00:00.000Z'
const EARLIER = '2026-11-20T09:00:00.000Z'

const level = (value: number, confidence: Confidence = 'self-declared'): Answer =>
  ({ kind: 'level', level: value, confidence, evidence: 'Decision 12/2026', updatedAt: EARLIER })
const dontKnow = (): Answer => ({ kind: 'dont_know', evidence: 'ask HR', updatedAt: EARLIER })
const notApplicable = (): Answer => ({ kind: 'not_applicable', evidence: '', updatedAt: EARLIER })

/** What survives the trip: everything but the evidence note and the time, which become '' and `now`. */
function travelled(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, { ...answer, evidence: '', updatedAt: NOW }]))
}

// a1 level 3 document-backed → 3×3+1 = 10 → 'A'; a2 don't know '?'; a3 not applicable '/'; b1 unanswered '-';
// b2 level 0 self-declared → 0 → '0'; b3 level 5 externally validated → 5×3+2 = 17 → 'H'.
const WORKED: Answers = { a1: level(3, 'document-backed'), a2: dontKnow(), a3: notApplicable(), b2: level(0), b3: level(5, 'externally-validated') }
// CRC-32 of "TDA1:mini:1.0.0:ABC123:A?/-0H", worked out with zlib.crc32 in Python.
const WORKED_CODE = 'TDA1:mini:1.0.0:ABC123:A?/-0H:F87E217E'

describe('encodeAnswerCode', () => {
  it('writes one symbol per indicator in questionnaire order, then the checksum', () => {
    expect(encodeAnswerCode(mini, WORKED, 'ABC123')).toBe(WORKED_CODE)
  })

  it('leaves out answers to indicators the questionnaire does not have', () => {
    expect(encodeAnswerCode(mini, { ...WORKED, z9: level(2) }, 'ABC123')).toBe(WORKED_CODE)
  })

  it('writes an empty answer set as one "-" per indicator', () => {
    expect(encodeAnswerCode(mini, {}, 'R').split(':')[4]).toBe('------')
  })

  it('writes level 10 externally validated as the 33rd symbol, "W"', () => {
    expect(encodeAnswerCode(mini, { a1: level(10, 'externally-validated') }, 'R').split(':')[4]).toBe('W-----')
  })

  it('refuses a reference that is not 1–12 characters 0–9 or A–Z', () => {
    expect(() => encodeAnswerCode(mini, {}, '')).toThrow('an answer code reference is 1–12 characters 0–9 or A–Z')
    expect(() => encodeAnswerCode(mini, {}, 'abc')).toThrow(RangeError)
    expect(() => encodeAnswerCode(mini, {}, 'A:B')).toThrow(RangeError)
    expect(() => encodeAnswerCode(mini, {}, 'ABCDEFGHIJKLM')).toThrow(RangeError)
    expect(encodeAnswerCode(mini, {}, 'ABCDEFGHIJKL')).toContain(':ABCDEFGHIJKL:')
  })

  it('treats a level beyond what a code can hold as a bug', () => {
    expect(() => encodeAnswerCode(mini, { a1: level(12) }, 'R')).toThrow('level 12 cannot be written in an answer code')
  })
})

describe('decodeAnswerCode', () => {
  it('gives back the worked example without evidence notes, dated now', () => {
    const outcome = decodeAnswerCode(WORKED_CODE, mini, NOW)
    expect(outcome).toEqual({ ok: true, value: { answers: travelled(WORKED), ref: 'ABC123', fingerprint: 'qr:ABC123:F87E217E' } })
  })

  it('ignores white space around the code (a scanner may add a line break)', () => {
    expect(decodeAnswerCode(`  ${WORKED_CODE}\n`, mini, NOW).ok).toBe(true)
  })

  it('names the questionnaire and version a code was made for', () => {
    const code = encodeAnswerCode({ ...mini, version: '2.0.0' }, {}, 'R')
    const outcome = decodeAnswerCode(code, mini, NOW)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.problem.code).toBe('qr.otherQuestionnaire')
    expect(inEnglish(outcome.problem)).toBe('(file): This code is for questionnaire mini version 2.0.0; this workshop uses mini version 1.0.0. Ask the participant for an answers file, or use a workshop on that version.')
  })

  it('refuses a code for another questionnaire id with the same version', () => {
    const outcome = decodeAnswerCode(encodeAnswerCode({ ...mini, id: 'other' }, {}, 'R'), mini, NOW)
    expect(outcome.ok ? undefined : outcome.problem.params).toEqual({ id: 'other', version: '1.0.0', expectedId: 'mini', expectedVersion: '1.0.0' })
  })

  const refused = (text: string, questionnaire: Pick<Questionnaire, 'id' | 'version' | 'indicators' | 'levels'> = mini) => {
    const outcome = decodeAnswerCode(text, questionnaire, NOW)
    return outcome.ok ? 'accepted' : outcome.problem.code
  }
  const signed = (text: string) => `${text}:${crc32Hex(text)}`

  it('refuses a code whose checksum does not match (one symbol changed)', () => {
    expect(refused(WORKED_CODE.replace('A?/', 'B?/'))).toBe('qr.unreadable')
  })

  it('refuses a damaged code as unreadable, pointing at the whole code', () => {
    expect(decodeAnswerCode(WORKED_CODE.replace('A?/', 'B?/'), mini, NOW)).toEqual({ ok: false, problem: { code: 'qr.unreadable', path: '(file)', params: {} } })
  })

  it('reads a code that white space brings up to exactly the length limit', () => {
    const padded = WORKED_CODE.padEnd(MAX_ANSWER_CODE_LENGTH, ' ')
    expect(padded.length).toBe(MAX_ANSWER_CODE_LENGTH)
    expect(decodeAnswerCode(padded, mini, NOW).ok).toBe(true)
    expect(decodeAnswerCode(`${padded} `, mini, NOW).ok).toBe(false)
  })

  it('refuses a checksum written in lower case', () => {
    expect(refused(WORKED_CODE.replace('F87E217E', 'f87e217e'))).toBe('qr.unreadable')
  })

  it('refuses a code with another prefix, even correctly signed', () => {
    expect(refused(signed('TDA2:mini:1.0.0:R:------'))).toBe('qr.unreadable')
  })

  it('refuses a code with a part missing or one too many', () => {
    expect(refused(signed('TDA1:mini:1.0.0:------'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:------:x'))).toBe('qr.unreadable')
  })

  it('refuses a checksum that is not 8 hex digits', () => {
    expect(refused(`${WORKED_CODE}0`)).toBe('qr.unreadable')
    expect(refused(WORKED_CODE.slice(0, -1))).toBe('qr.unreadable')
  })

  it('refuses a signed code whose questionnaire id, version or reference break their rules', () => {
    expect(refused(signed('TDA1:9mini:1.0.0:R:------'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0:R:------'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:r:------'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0::------'))).toBe('qr.unreadable')
  })

  it('refuses a code with one symbol more or fewer than the questionnaire has indicators', () => {
    expect(refused(signed('TDA1:mini:1.0.0:R:-------'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:-----'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:------'))).toBe('accepted')
  })

  it('refuses "not applicable" on an indicator that does not allow it, and accepts it where allowed', () => {
    expect(refused(signed('TDA1:mini:1.0.0:R:/-----'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:--/---'))).toBe('accepted')
  })

  it('refuses a level above the questionnaire\'s top level (5 in mini), and accepts the top level', () => {
    // level 6 self-declared → 18 → 'I'; level 5 externally validated → 17 → 'H'
    expect(refused(signed('TDA1:mini:1.0.0:R:I-----'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:H-----'))).toBe('accepted')
  })

  it('refuses a symbol that is not in the alphabet', () => {
    expect(refused(signed('TDA1:mini:1.0.0:R:a-----'))).toBe('qr.unreadable')
    expect(refused(signed('TDA1:mini:1.0.0:R:!-----'))).toBe('qr.unreadable')
  })

  it('refuses text longer than a QR code can hold before reading it', () => {
    const long = signed(`TDA1:mini:1.0.0:R:${'-'.repeat(MAX_ANSWER_CODE_LENGTH)}`)
    const wide = { ...mini, indicators: Array.from({ length: MAX_ANSWER_CODE_LENGTH }, (_, index) => ({ ...mini.indicators[0]!, id: `i${index}` })) }
    expect(refused(long, wide)).toBe('qr.unreadable')
    const fits = signed(`TDA1:mini:1.0.0:R:${'-'.repeat(MAX_ANSWER_CODE_LENGTH - 35)}`)
    expect(fits.length).toBeLessThanOrEqual(MAX_ANSWER_CODE_LENGTH)
    expect(refused(fits, { ...wide, indicators: wide.indicators.slice(0, MAX_ANSWER_CODE_LENGTH - 35) })).toBe('accepted')
  })

  it('gives the same fingerprint for the same code and another one for another participant', () => {
    const first = decodeAnswerCode(encodeAnswerCode(mini, WORKED, answerCodeRef('assessment-1')), mini, NOW)
    const again = decodeAnswerCode(encodeAnswerCode(mini, WORKED, answerCodeRef('assessment-1')), mini, NOW)
    const other = decodeAnswerCode(encodeAnswerCode(mini, WORKED, answerCodeRef('assessment-2')), mini, NOW)
    expect(first.ok && again.ok && other.ok).toBe(true)
    if (!first.ok || !again.ok || !other.ok) return
    expect(again.value.fingerprint).toBe(first.value.fingerprint)
    expect(other.value.fingerprint).not.toBe(first.value.fingerprint)
    expect(other.value.answers).toEqual(first.value.answers)
  })
})

describe('crc32Hex and answerCodeRef', () => {
  it('gives the standard CRC-32 check value for "123456789"', () => {
    expect(crc32Hex('123456789')).toBe('CBF43926')
  })

  it('pads a small checksum to 8 digits', () => {
    expect(crc32Hex('')).toBe('00000000')
  })

  it('derives a 6-character reference from FNV-1a (worked out in Python)', () => {
    // FNV-1a("assessment-1") = 1348466997 = "MAUBSL" in base 36; FNV-1a("a") = 3826002220 = "1R9WI7G", last 6 kept
    expect(answerCodeRef('assessment-1')).toBe('MAUBSL')
    expect(answerCodeRef('a')).toBe('R9WI7G')
    expect(answerCodeRef('')).toBe('ZTNTFP')
  })

  it('always gives 6 characters, padding a small hash with zeros', () => {
    // About one seed in 70 hashes below 36^5 (five base-36 digits): among 500 seeds some do, and still give 6.
    for (let i = 0; i < 500; i++) expect(answerCodeRef(`assessment-${i}`)).toMatch(/^[0-9A-Z]{6}$/)
  })
})

/** A questionnaire shape with `count` indicators, `levels` levels, and "not applicable" allowed where the mask says. */
function shape(count: number, levels: number, allowNa: readonly boolean[]): Questionnaire {
  return {
    ...tech,
    levels: Array.from({ length: levels }, (_, index) => ({ ...tech.levels[0]!, level: index })),
    indicators: Array.from({ length: count }, (_, index) => ({ ...tech.indicators[0]!, id: `i${index}`, allowNotApplicable: allowNa[index] ?? false })),
  }
}

const shapeArb = fc.record({
  count: fc.integer({ min: 1, max: 60 }),
  levels: fc.integer({ min: 2, max: 11 }),
  allowNa: fc.array(fc.boolean(), { maxLength: 60 }),
}).map(({ count, levels, allowNa }) => shape(count, levels, allowNa))

/** Any valid answer set for a questionnaire shape: each indicator unanswered, don't know, N/A where allowed, or any level × confidence. */
function answersArb(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const top = questionnaire.levels.length - 1
  const one = (allowNa: boolean): fc.Arbitrary<Answer | undefined> => fc.oneof(
    fc.constant(undefined),
    fc.constant(dontKnow()),
    ...(allowNa ? [fc.constant(notApplicable())] : []),
    fc.tuple(fc.integer({ min: 0, max: top }), fc.constantFrom(...CONFIDENCES)).map(([value, confidence]) => level(value, confidence)),
  )
  return fc.tuple(...questionnaire.indicators.map(indicator => one(indicator.allowNotApplicable))).map(list => {
    const answers: Answers = {}
    list.forEach((answer, index) => {
      if (answer !== undefined) answers[questionnaire.indicators[index]!.id] = answer
    })
    return answers
  })
}

const refArb = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 12 })

describe('answer code properties', () => {
  it('gives back every answer combination of one indicator (every level × confidence, don\'t know, N/A, nothing) for 2 to 11 levels', () => {
    for (let levels = 2; levels <= 11; levels++) {
      const questionnaire = shape(1, levels, [true])
      const cases: Answers[] = [{}, { i0: dontKnow() }, { i0: notApplicable() }]
      for (let value = 0; value < levels; value++) for (const confidence of CONFIDENCES) cases.push({ i0: level(value, confidence) })
      expect(cases).toHaveLength(3 + levels * 3)
      for (const answers of cases) {
        const outcome = decodeAnswerCode(encodeAnswerCode(questionnaire, answers, 'R'), questionnaire, NOW)
        expect(outcome).toEqual({ ok: true, value: expect.objectContaining({ answers: travelled(answers) }) })
      }
    }
  })

  it('round trip: any valid answers to any questionnaire shape come back, evidence and time aside', () => {
    fc.assert(fc.property(shapeArb.chain(questionnaire => fc.tuple(fc.constant(questionnaire), answersArb(questionnaire), refArb)), ([questionnaire, answers, ref]) => {
      const outcome = decodeAnswerCode(encodeAnswerCode(questionnaire, answers, ref), questionnaire, NOW)
      expect(outcome).toEqual({ ok: true, value: expect.objectContaining({ answers: travelled(answers), ref }) })
    }), { numRuns: 300 })
  })

  it('round trip on the shipped questionnaire', () => {
    fc.assert(fc.property(answersArb(tech), refArb, (answers, ref) => {
      const outcome = decodeAnswerCode(encodeAnswerCode(tech, answers, ref), tech, NOW)
      expect(outcome.ok && outcome.value.answers).toEqual(travelled(answers))
    }), { numRuns: 200 })
  })

  it('any text at all decodes to answers or a refusal, never an exception', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'TDA1:mini.0-?/ABCDEF0123456789') })), text => {
      const outcome = decodeAnswerCode(text, mini, NOW)
      if (!outcome.ok) expect(['qr.unreadable', 'qr.otherQuestionnaire']).toContain(outcome.problem.code)
    }), { numRuns: 2000 })
  })

  it('any one character changed in a valid code is refused (the checksum sees it)', () => {
    fc.assert(fc.property(answersArb(tech), fc.nat(), fc.integer({ min: 32, max: 126 }), (answers, at, charCode) => {
      const code = encodeAnswerCode(tech, answers, 'K3F9ZQ')
      const index = at % code.length
      const replacement = String.fromCharCode(charCode)
      fc.pre(code[index] !== replacement)
      const damaged = code.slice(0, index) + replacement + code.slice(index + 1)
      const outcome = decodeAnswerCode(damaged, tech, NOW)
      expect(outcome.ok).toBe(false)
    }), { numRuns: 1000 })
  })

  it('a code cut short anywhere is refused', () => {
    const code = encodeAnswerCode(tech, { 'I1.1': level(2) }, 'K3F9ZQ')
    for (let length = 0; length < code.length; length++) expect(decodeAnswerCode(code.slice(0, length), tech, NOW).ok).toBe(false)
  })
})

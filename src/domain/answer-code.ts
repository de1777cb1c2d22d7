import { CONFIDENCES, type Answers, type Confidence } from './assessment'
import { ID_PATTERN, VERSION_PATTERN } from './input-rules'
import { problem, type Problem } from './problem'
import { maxLevel, type Questionnaire } from './questionnaire'

/**
 * A participant's answers as one short line of text, small enough for one QR code that a facilitator's device
 * scans in a workshop: the level, confidence, "don't know", "not applicable" or nothing of every indicator, in
 * questionnaire order. Evidence notes do not travel this way (they travel by answers file).
 *
 * `TDA1:<questionnaire id>:<version>:<ref>:<one symbol per indicator>:<CRC-32 of what precedes, 8 hex digits>`
 *
 * e.g. `TDA1:tech-diplomacy:1.1.0:K3F9ZQ:0A?-/5…:1C2B3D4E`. The questionnaire id and version are written out so a
 * code for another questionnaire is refused with its name; the checksum refuses a damaged or foreign code; `ref`
 * tells two participants with the same answers apart, while the same code scanned twice has the same fingerprint.
 */

export const ANSWER_CODE_PREFIX = 'TDA1'

/** The longest text worth reading as a code: a QR code holds at most 2,953 bytes. */
export const MAX_ANSWER_CODE_LENGTH = 3000

const SEPARATOR = ':'
const UNANSWERED = '-'
const DONT_KNOW = '?'
const NOT_APPLICABLE = '/'
/** Level `l` with confidence number `c` is `LEVEL_SYMBOLS[l * 3 + c]`: levels 0–10 need 33 of them. */
const LEVEL_SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const REF_PATTERN = /^[0-9A-Z]{1,12}$/
const CHECK_PATTERN = /^[0-9A-F]{8}$/

/** What a code gives back: answers without evidence notes, and the fingerprint that recognises the same code scanned twice. */
export interface DecodedAnswerCode {
  answers: Answers
  /** The participant reference written in the code (from their assessment's id). */
  ref: string
  /** `qr:<ref>:<checksum>`: equal for the same code, different for any other answers or participant. */
  fingerprint: string
}

export type AnswerCodeOutcome = { ok: true, value: DecodedAnswerCode } | { ok: false, problem: Problem }

const CRC_TABLE: readonly number[] = Array.from({ length: 256 }, (_, index) => {
  let value = index
  for (let bit = 0; bit < 8; bit++) value = (value & 1) === 1 ? (value >>> 1) ^ 0xedb88320 : value >>> 1
  return value >>> 0
})

/** CRC-32 (the zip and PNG checksum) of a text's UTF-16 code units taken as bytes modulo 256, as 8 upper-case hex digits. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff
  for (let index = 0; index < text.length; index++) {
    crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ text.charCodeAt(index)) & 0xff] ?? 0)
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, '0')
}

/** A short participant reference (6 characters, 0–9 and A–Z) derived from a seed such as the assessment's id (FNV-1a). */
export function answerCodeRef(seed: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36).toUpperCase().padStart(7, '0').slice(-6)
}

function symbolOf(answer: Answers[string] | undefined): string {
  if (answer === undefined) return UNANSWERED
  if (answer.kind === 'dont_know') return DONT_KNOW
  if (answer.kind === 'not_applicable') return NOT_APPLICABLE
  const symbol = LEVEL_SYMBOLS[answer.level * 3 + CONFIDENCES.indexOf(answer.confidence)]
  if (symbol === undefined) throw new RangeError(`level ${answer.level} cannot be written in an answer code`)
  return symbol
}

/**
 * The code of a participant's answers to a questionnaire. Answers to indicators the questionnaire does not have are
 * left out; `ref` must be 1–12 characters 0–9 or A–Z (see `answerCodeRef`).
 */
export function encodeAnswerCode(questionnaire: Pick<Questionnaire, 'id' | 'version' | 'indicators'>, answers: Answers, ref: string): string {
  if (!REF_PATTERN.test(ref)) throw new RangeError('an answer code reference is 1–12 characters 0–9 or A–Z')
  const body = questionnaire.indicators.map(indicator => symbolOf(answers[indicator.id])).join('')
  const signed = [ANSWER_CODE_PREFIX, questionnaire.id, questionnaire.version, ref, body].join(SEPARATOR)
  return `${signed}${SEPARATOR}${crc32Hex(signed)}`
}

const unreadable = (): AnswerCodeOutcome => ({ ok: false, problem: problem('qr.unreadable', '(file)') })

/**
 * Reads a code against the questionnaire the workshop uses. Refused with `qr.unreadable` when it is not an answer
 * code, is damaged (checksum), or does not fit the questionnaire's indicators and levels; with
 * `qr.otherQuestionnaire` (naming the code's questionnaire and version) when it was made for another one. Every
 * answer comes back with an empty evidence note, dated `now`.
 */
export function decodeAnswerCode(text: string, questionnaire: Pick<Questionnaire, 'id' | 'version' | 'indicators' | 'levels'>, now: string): AnswerCodeOutcome {
  if (text.length > MAX_ANSWER_CODE_LENGTH) return unreadable()
  const trimmed = text.trim()
  const parts = trimmed.split(SEPARATOR)
  if (parts.length !== 6) return unreadable()
  const [prefix, id, version, ref, body, check] = parts as [string, string, string, string, string, string]
  if (prefix !== ANSWER_CODE_PREFIX || !CHECK_PATTERN.test(check)) return unreadable()
  if (crc32Hex(trimmed.slice(0, trimmed.length - check.length - 1)) !== check) return unreadable()
  if (!ID_PATTERN.test(id) || !VERSION_PATTERN.test(version) || !REF_PATTERN.test(ref)) return unreadable()
  if (id !== questionnaire.id || version !== questionnaire.version) {
    return { ok: false, problem: problem('qr.otherQuestionnaire', '(file)', { id, version, expectedId: questionnaire.id, expectedVersion: questionnaire.version }) }
  }
  if (body.length !== questionnaire.indicators.length) return unreadable()
  const top = maxLevel(questionnaire)
  const answers: Answers = {}
  for (const [index, indicator] of questionnaire.indicators.entries()) {
    const symbol = body.charAt(index)
    if (symbol === UNANSWERED) continue
    if (symbol === DONT_KNOW) {
      answers[indicator.id] = { kind: 'dont_know', evidence: '', updatedAt: now }
      continue
    }
    if (symbol === NOT_APPLICABLE) {
      if (!indicator.allowNotApplicable) return unreadable()
      answers[indicator.id] = { kind: 'not_applicable', evidence: '', updatedAt: now }
      continue
    }
    const position = LEVEL_SYMBOLS.indexOf(symbol)
    const level = Math.floor(position / 3)
    if (position < 0 || level > top) return unreadable()
    const confidence = CONFIDENCES[position % 3] as Confidence
    answers[indicator.id] = { kind: 'level', level, confidence, evidence: '', updatedAt: now }
  }
  return { ok: true, value: { answers, ref, fingerprint: `qr:${ref}:${check}` } }
}

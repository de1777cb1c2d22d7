/**
 * Problems found in input (a questionnaire file, an answers file, a stored record, a failed save), as codes with
 * parameters and a path: never sentences. The edges (the app, the command line) translate them, so the same rule
 * speaks every language and no library's English text reaches a person.
 */

/** Every problem the domain and storage can report; each one has a translation under `problems.<code>` in every UI locale. */
export const PROBLEM_CODES = [
  // the file as a whole
  'file.empty', 'file.tooLarge', 'file.tooDeep', 'file.notJson', 'file.notObject',
  'file.isPdf', 'file.isZip', 'file.isImage', 'file.isHtml', 'file.isBinary',
  'file.isQuestionnaire', 'file.isAnswers', 'file.unreadable',
  // a value's shape
  'value.required', 'value.type', 'value.notOneOf', 'value.unknownFields', 'value.notAllowed', 'value.mustBe', 'value.kindUnknown',
  'value.tooShort', 'value.tooLong', 'value.tooFew', 'value.tooMany', 'value.tooSmall', 'value.tooBig',
  'value.notInteger', 'value.notFinite', 'value.format', 'value.invalid',
  // shared meaning rules
  'id.pattern', 'id.reserved', 'id.duplicate', 'id.collides', 'key.forbidden',
  'version.pattern', 'locale.pattern', 'locale.fallback', 'url.invalid', 'date.invalid', 'timestamp.invalid',
  'text.enRequired', 'weight.positive', 'archetype.illustrative',
  // questionnaire integrity
  'questionnaire.schemaVersion', 'levels.order', 'levels.tooFew', 'locales.enMissing', 'locales.duplicate', 'locale.notListed',
  'source.unknown', 'dimension.selfDependency', 'dimension.unknown', 'dimension.tooFewIndicators', 'dimension.missingStep',
  'dimension.cycle', 'indicator.descriptorCount', 'indicator.evidenceRange', 'indicator.unknown', 'indicator.wrongDimension',
  'action.step', 'action.noStep', 'archetype.missingScore', 'archetype.scoreAboveTop', 'questionnaire.tooFew',
  // questionnaire migrations (how answers to an earlier version carry over)
  'migration.selfVersion', 'migration.duplicateFrom', 'migration.duplicateIndicator', 'migration.unknownTarget',
  'migration.unknownTargetSame', 'migration.sameTarget', 'migration.notLevel', 'migration.levelAboveTop', 'migration.unknownAction',
  'migration.unknownSourceIndicator', 'migration.missingLevel', 'migration.oldLevelRange', 'migration.incomplete', 'migration.unknownSourceAction',
  // answers files
  'answers.format', 'answers.newerVersion', 'answers.questionnaireUnavailable', 'answers.unknownIndicator', 'answers.baselineQuestionnaireUnavailable',
  'answers.levelAboveTop', 'answers.notApplicable', 'roadmap.targetAboveTop',
  // workshops: adding participants, workshop files
  'workshop.otherQuestionnaire', 'workshop.otherVersion', 'workshop.alreadyImported', 'workshop.tooManyParticipants', 'workshop.unknownDelegation',
  'workshop.duplicateNumber', 'workshopFile.format', 'workshopFile.newerVersion', 'workshopFile.questionnaireUnavailable',
  'workshopFile.isQuestionnaire', 'workshopFile.isAnswers', 'file.isWorkshop',
  // storage
  'storage.quota', 'storage.unavailable', 'storage.failed', 'storage.conflict', 'storage.locked',
  'storage.version', 'storage.readRefused', 'storage.readAborted', 'storage.readFailed',
  // a participant's answers code (QR)
  'qr.unreadable', 'qr.otherQuestionnaire',
  // a fault in this tool (a bug), reported without its technical text
  'internal.unexpected',
] as const

export type ProblemCode = (typeof PROBLEM_CODES)[number]

/**
 * Values put into the translated message. Strings from the input are already made safe to show (see `shown`). A list
 * (the questionnaires available, the fields not allowed) stays a list: the edge joins it in the reader's language.
 */
export type ProblemParams = Readonly<Record<string, string | number | readonly string[]>>

/** One problem: what (`code` + `params`) and where (`path`, a JSON path such as `indicators[3].dimension`, or `(file)`). */
export interface Problem {
  code: ProblemCode
  params: ProblemParams
  path: string
}

const CODES = new Set<string>(PROBLEM_CODES)

export function isProblemCode(value: string): value is ProblemCode {
  return CODES.has(value)
}

/** A problem; text values are cleaned of characters that could hide or reorder the message (input is often quoted). */
export function problem(code: ProblemCode, path: string, params: ProblemParams = {}): Problem {
  const clean: Record<string, string | number | readonly string[]> = {}
  const safe = (text: string) => text.replace(UNSAFE, '\uFFFD')
  for (const [name, value] of Object.entries(params)) {
    clean[name] = typeof value === 'string' ? safe(value) : typeof value === 'number' ? value : value.map(safe)
  }
  return { code, params: clean, path }
}

/** At most this many problems are listed to a person; the rest are counted ("and 9,950 more"). */
export const MAX_LISTED_PROBLEMS = 50

/** The problems to list and how many more there are. */
export function listedProblems<T>(problems: readonly T[], max = MAX_LISTED_PROBLEMS): { shown: T[], more: number } {
  return { shown: problems.slice(0, max), more: Math.max(0, problems.length - max) }
}

/** The longest piece of input text quoted back in a message. */
export const MAX_SHOWN_LENGTH = 60

// C0/C1 controls, bidirectional overrides and isolates, zero-width marks and lone surrogates: they can hide or reorder
// what a message says, on screen and in a terminal. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A piece of input quoted in a message: unsafe characters replaced by "�", cut to 60 characters with "…". */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === null ? 'null' : typeof value
  const safe = text.replace(UNSAFE, '\uFFFD')
  const chars = Array.from(safe)
  return chars.length > MAX_SHOWN_LENGTH ? `${chars.slice(0, MAX_SHOWN_LENGTH - 1).join('')}…` : safe
}

type PathPart = string | number

/** Formats a path as `dimensions[2].dependsOn[0]`; the root is `(top level)`. Keys are made safe to show. */
export function formatPath(path: readonly PathPart[]): string {
  if (path.length === 0) return '(top level)'
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? shown(part) : `.${shown(part)}`))
    .join('')
}

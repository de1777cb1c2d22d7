import { checkFileSize, findForbiddenKeys, htmlIdForm, jsonTextDepthExceeds, LIMITS, looksLikeAnswersFile, sniffNonJson, utf8Length, valueDepthExceeds } from './input-rules'
import { checkMigrationsWithin } from './migration-check'
import { formatPath, problem, type Problem } from './problem'
import { problemFromZodIssue } from './zod-problems'
import { maxLevel, questionnaireSchema, type LocalizedText, type Questionnaire } from './questionnaire'

export { formatPath } from './problem'

/** One problem found in a questionnaire file: a code with its parameters and a JSON path such as `indicators[3].dimension`. */
export type CheckIssue = Problem

/** Which kind of file an entry expects, named in messages such as "this looks like a PDF, not an answers file". */
export type ExpectedFile = 'answers' | 'questionnaire' | 'workshop'

/** Share of human-readable texts available in one locale (0–1); `translated` of `total` texts. */
export interface LocaleCoverage {
  locale: string
  translated: number
  total: number
  ratio: number
}

export type CheckResult =
  | { ok: true, questionnaire: Questionnaire, coverage: LocaleCoverage[] }
  | { ok: false, errors: CheckIssue[] }

type PathPart = string | number

/**
 * Reads JSON text safely: refuses a text of more than `maxBytes` UTF-8 bytes, an empty one, one nested deeper than
 * the shared limit (counted without recursion, before parsing) and one that is not JSON, saying what it looks like
 * instead (a PDF, a Word file, a picture, a web page) or where the syntax breaks. A text over the limit that is
 * plainly not JSON is named for what it is: a binary file decoded as text grows (each stray byte becomes "�", three
 * bytes), so "too large" would give a size the file does not have.
 */
export function parseJson(text: string, maxBytes: number, expected: ExpectedFile): { ok: true, value: unknown } | { ok: false, error: CheckIssue } {
  const tooLarge = textSizeProblem(text, maxBytes)
  if (tooLarge) {
    const kind = sniffNonJson(text)
    return { ok: false, error: kind ? problem(kind, '(file)', { expected }) : tooLarge }
  }
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: false, error: problem('file.empty', '(file)') }
  if (jsonTextDepthExceeds(body, LIMITS.depth)) return { ok: false, error: problem('file.tooDeep', '(file)', { max: LIMITS.depth }) }
  try {
    return { ok: true, value: JSON.parse(body) as unknown }
  }
  catch (error) {
    const kind = sniffNonJson(body)
    if (kind) return { ok: false, error: problem(kind, '(file)', { expected }) }
    const message = error instanceof Error ? error.message : ''
    // "Unexpected end of JSON input" names no position: the text stops too early, so point at its end.
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? body.length)
    const before = body.slice(0, offset).split('\n')
    return { ok: false, error: problem('file.notJson', '(file)', { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }) }
  }
}

/**
 * The size problem of a text of more than `maxBytes` UTF-8 bytes, or null. Bytes are counted without a copy, and only
 * when the length cannot settle it: a UTF-16 unit takes at least one byte and at most three (a surrogate pair, two
 * units, takes four), so more units than allowed bytes is too large at once, and at most a third as many is within.
 * The size given when refused at once is the length, a lower bound of the bytes: callers that read a file check its
 * size in bytes before reading it (File.size in the app, fs.stat in the command line, the server's body limit), so
 * only text already in memory gets there, and counting 30 million characters to print a figure would cost more than
 * the refusal.
 */
export function textSizeProblem(text: string, maxBytes: number): CheckIssue | null {
  if (text.length > maxBytes) return checkFileSize(text.length, maxBytes)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; counting the bytes gives null too, only slower
  if (text.length * 3 <= maxBytes) return null
  return checkFileSize(utf8Length(text), maxBytes)
}

function isLocalizedText(value: unknown): value is LocalizedText {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return typeof record.en === 'string' && Object.values(record).every(v => typeof v === 'string')
}

/** Every localized text in the questionnaire with its path, found by walking the data. */
function collectTexts(value: unknown, path: PathPart[], out: Array<{ path: PathPart[], text: LocalizedText }>): void {
  if (isLocalizedText(value)) {
    out.push({ path, text: value })
    return
  }
  if (Array.isArray(value)) value.forEach((item, i) => collectTexts(item, [...path, i], out))
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectTexts(item, [...path, key], out)
  }
}

/** Per-locale translation coverage of every text in the questionnaire. */
export function translationCoverage(questionnaire: Questionnaire): LocaleCoverage[] {
  const texts: Array<{ path: PathPart[], text: LocalizedText }> = []
  collectTexts(questionnaire, [], texts)
  return questionnaire.locales.map((locale) => {
    const translated = texts.filter(({ text }) => (text[locale] ?? '').trim() !== '').length
    return { locale, translated, total: texts.length, ratio: texts.length === 0 ? 1 : translated / texts.length }
  })
}

function findDuplicates<T extends { id: string }>(items: readonly T[], collection: string, errors: CheckIssue[]): void {
  const seen = new Map<string, number>()
  const forms = new Map<string, number>()
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    const path = `${collection}[${index}].id`
    if (first !== undefined) {
      errors.push(problem('id.duplicate', path, { id: item.id, other: `${collection}[${first}]` }))
      return
    }
    seen.set(item.id, index)
    const form = htmlIdForm(item.id)
    const same = forms.get(form)
    if (same === undefined) forms.set(form, index)
    else errors.push(problem('id.collides', path, { id: item.id, otherId: items[same]!.id, other: `${collection}[${same}]` }))
  })
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'visiting')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return null
}

const MIN_INDICATORS_PER_DIMENSION = 3

/** Integrity rules that a schema cannot express: references, counts, cycles, level ranges, locales. */
function checkIntegrity(q: Questionnaire): CheckIssue[] {
  const errors: CheckIssue[] = []
  const top = maxLevel(q)

  q.levels.forEach((level, index) => {
    if (level.level !== index) errors.push(problem('levels.order', `levels[${index}].level`, { expected: index, found: level.level }))
  })
  if (!q.locales.includes('en')) errors.push(problem('locales.enMissing', 'locales'))
  q.locales.forEach((locale, index) => {
    if (q.locales.indexOf(locale) !== index) errors.push(problem('locales.duplicate', `locales[${index}]`, { locale }))
  })

  const collections: Array<[string, ReadonlyArray<{ id: string }>]> = [
    ['sources', q.sources], ['dimensions', q.dimensions], ['indicators', q.indicators],
    ['actions', q.actions], ['archetypes', q.archetypes], ['scoring.gatingRules', q.scoring.gatingRules],
  ]
  for (const [collection, items] of collections) findDuplicates(items, collection, errors)

  const sourceIds = new Set(q.sources.map(s => s.id))
  const dimensionIds = new Set(q.dimensions.map(d => d.id))
  const indicatorDimension = new Map(q.indicators.map(i => [i.id, i.dimension]))
  const checkSources = (ids: readonly string[] | undefined, path: string) => {
    ids?.forEach((id, index) => {
      if (!sourceIds.has(id)) errors.push(problem('source.unknown', `${path}[${index}]`, { id }))
    })
  }

  q.dimensions.forEach((dimension, index) => {
    checkSources(dimension.sources, `dimensions[${index}].sources`)
    dimension.dependsOn.forEach((dep, depIndex) => {
      const path = `dimensions[${index}].dependsOn[${depIndex}]`
      if (dep === dimension.id) errors.push(problem('dimension.selfDependency', path, { id: dimension.id }))
      else if (!dimensionIds.has(dep)) errors.push(problem('dimension.unknown', path, { id: dep }))
    })
    const count = q.indicators.filter(i => i.dimension === dimension.id).length
    if (count < MIN_INDICATORS_PER_DIMENSION) {
      errors.push(problem('dimension.tooFewIndicators', `dimensions[${index}]`, { id: dimension.id, count, min: MIN_INDICATORS_PER_DIMENSION }))
    }
    for (let from = 0; from < top; from++) {
      const served = q.actions.some(a => a.dimension === dimension.id && a.steps.some(s => s.from === from && s.to === from + 1))
      if (!served) errors.push(problem('dimension.missingStep', `dimensions[${index}]`, { id: dimension.id, from, to: from + 1 }))
    }
  })
  const cycle = findCycle(new Map(q.dimensions.map(d => [d.id, d.dependsOn.filter(dep => dep !== d.id)])))
  if (cycle) {
    const first = q.dimensions.findIndex(d => d.id === cycle[0])
    errors.push(problem('dimension.cycle', `dimensions[${first}].dependsOn`, { cycle: cycle.join(' → ') }))
  }

  q.indicators.forEach((indicator, index) => {
    const path = `indicators[${index}]`
    if (!dimensionIds.has(indicator.dimension)) errors.push(problem('dimension.unknown', `${path}.dimension`, { id: indicator.dimension }))
    if (indicator.descriptors.length !== q.levels.length) {
      errors.push(problem('indicator.descriptorCount', `${path}.descriptors`, { id: indicator.id, expected: q.levels.length, found: indicator.descriptors.length }))
    }
    if (indicator.evidenceRequiredFrom > top + 1) {
      errors.push(problem('indicator.evidenceRange', `${path}.evidenceRequiredFrom`, { max: top + 1 }))
    }
    checkSources(indicator.sources, `${path}.sources`)
    indicator.whoKnows?.forEach(({ onlyIf }, i) => {
      if (onlyIf && !indicatorDimension.has(onlyIf.indicator)) errors.push(problem('indicator.unknown', `${path}.whoKnows[${i}].onlyIf.indicator`, { id: onlyIf.indicator }))
      if (onlyIf && onlyIf.minLevel > top) errors.push(problem('answers.levelAboveTop', `${path}.whoKnows[${i}].onlyIf.minLevel`, { level: onlyIf.minLevel, top }))
    })
  })

  q.actions.forEach((action, index) => {
    const path = `actions[${index}]`
    if (!dimensionIds.has(action.dimension)) errors.push(problem('dimension.unknown', `${path}.dimension`, { id: action.dimension }))
    action.steps.forEach((step, stepIndex) => {
      if (step.to !== step.from + 1 || step.to > top) {
        errors.push(problem('action.step', `${path}.steps[${stepIndex}]`, { top, from: step.from, to: step.to }))
      }
    })
    action.indicators.forEach((id, i) => {
      const owner = indicatorDimension.get(id)
      if (owner === undefined) errors.push(problem('indicator.unknown', `${path}.indicators[${i}]`, { id }))
      else if (owner !== action.dimension) errors.push(problem('indicator.wrongDimension', `${path}.indicators[${i}]`, { id, owner, dimension: action.dimension }))
    })
    checkSources(action.sources, `${path}.sources`)
    for (const [key, variant] of Object.entries(action.variants)) checkSources(variant.sources, `${path}.variants.${key}.sources`)
  })

  q.scoring.gatingRules.forEach((rule, index) => {
    if (!dimensionIds.has(rule.dimension)) errors.push(problem('dimension.unknown', `scoring.gatingRules[${index}].dimension`, { id: rule.dimension }))
  })

  q.archetypes.forEach((archetype, index) => {
    for (const dimension of q.dimensions) {
      if (archetype.scores[dimension.id] === undefined) errors.push(problem('archetype.missingScore', `archetypes[${index}].scores`, { id: dimension.id }))
    }
    for (const [id, score] of Object.entries(archetype.scores)) {
      if (!dimensionIds.has(id)) errors.push(problem('dimension.unknown', formatPath(['archetypes', index, 'scores', id]), { id }))
      else if (score > top) errors.push(problem('archetype.scoreAboveTop', formatPath(['archetypes', index, 'scores', id]), { score, top }))
    }
  })

  errors.push(...checkMigrationsWithin(q))

  const texts: Array<{ path: PathPart[], text: LocalizedText }> = []
  collectTexts(q, [], texts)
  const declared = new Set(q.locales)
  for (const { path, text } of texts) {
    for (const locale of Object.keys(text)) {
      if (!declared.has(locale)) errors.push(problem('locale.notListed', formatPath([...path, locale]), { locale }))
    }
  }
  return errors
}

/**
 * Validates parsed questionnaire data: nesting and forbidden keys, then the schema, then integrity. Returns every
 * problem at once, as codes for the edges to translate.
 */
export function checkQuestionnaire(data: unknown): CheckResult {
  if (valueDepthExceeds(data, LIMITS.depth)) return { ok: false, errors: [problem('file.tooDeep', '(file)', { max: LIMITS.depth })] }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && looksLikeAnswersFile(data as Record<string, unknown>)) {
    return { ok: false, errors: [problem('file.isAnswers', '(top level)')] }
  }
  const forbidden = findForbiddenKeys(data)
  if (forbidden.length > 0) return { ok: false, errors: forbidden }
  const parsed = questionnaireSchema.safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(problemFromZodIssue) }
  const errors = checkIntegrity(parsed.data)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, questionnaire: parsed.data, coverage: translationCoverage(parsed.data) }
}

/** Parses and validates questionnaire JSON text. */
export function checkQuestionnaireText(text: string): CheckResult {
  const json = parseJson(text, LIMITS.questionnaireFileBytes, 'questionnaire')
  if (!json.ok) return { ok: false, errors: [json.error] }
  return checkQuestionnaire(json.value)
}

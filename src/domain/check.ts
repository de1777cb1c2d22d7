import type { ZodIssue } from 'zod'
import { checkMigrationsWithin } from './migration'
import { maxLevel, questionnaireSchema, type LocalizedText, type Questionnaire } from './questionnaire'

/** One problem found in a questionnaire file; `path` is a JSON path such as `indicators[3].dimension`. */
export interface CheckIssue {
  path: string
  message: string
}

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

/** Formats a path as `dimensions[2].dependsOn[0]`; the root is `(top level)`. */
export function formatPath(path: readonly PathPart[]): string {
  if (path.length === 0) return '(top level)'
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('')
}

/** Formats one issue for people: `file › path: message`. */
export function formatIssue(file: string, issue: CheckIssue): string {
  return `${file} › ${issue.path}: ${issue.message}`
}

/** Parses JSON text, turning a syntax error into an issue with line and column. */
export function parseJson(text: string): { ok: true, value: unknown } | { ok: false, error: CheckIssue } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown }
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)
    let where = ''
    if (position?.[1] !== undefined) {
      const offset = Number(position[1])
      const before = text.slice(0, offset).split('\n')
      where = ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`
    }
    const detail = message.replace(/^.*?: /, '').replace(/,? ?(in JSON )?at position \d+.*$/s, '')
    const reason = text.trim() === '' ? 'the file is empty' : `not valid JSON${where}: ${detail}`
    return { ok: false, error: { path: '(top level)', message: reason } }
  }
}

function fromZod(issue: ZodIssue): CheckIssue {
  let message = issue.message
  if (issue.code === 'invalid_type' && issue.received === 'undefined') message = 'is required'
  else if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${issue.received}`
  else if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.map(k => `"${k}"`).join(', ')}`
  else if (issue.code === 'invalid_enum_value') message = `must be one of ${issue.options.map(o => `"${String(o)}"`).join(', ')}, got "${String(issue.received)}"`
  return { path: formatPath(issue.path), message }
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
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first === undefined) seen.set(item.id, index)
    else errors.push({ path: `${collection}[${index}].id`, message: `duplicate id "${item.id}" (already used by ${collection}[${first}])` })
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
    if (level.level !== index) errors.push({ path: `levels[${index}].level`, message: `levels must be numbered 0, 1, 2… in order; expected ${index}, got ${level.level}` })
  })
  if (!q.locales.includes('en')) errors.push({ path: 'locales', message: '"en" must be listed: English is the fallback language' })
  q.locales.forEach((locale, index) => {
    if (q.locales.indexOf(locale) !== index) errors.push({ path: `locales[${index}]`, message: `locale "${locale}" is listed twice` })
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
      if (!sourceIds.has(id)) errors.push({ path: `${path}[${index}]`, message: `unknown source "${id}": add it to "sources" or fix the id` })
    })
  }

  q.dimensions.forEach((dimension, index) => {
    checkSources(dimension.sources, `dimensions[${index}].sources`)
    dimension.dependsOn.forEach((dep, depIndex) => {
      const path = `dimensions[${index}].dependsOn[${depIndex}]`
      if (dep === dimension.id) errors.push({ path, message: `dimension "${dimension.id}" cannot depend on itself` })
      else if (!dimensionIds.has(dep)) errors.push({ path, message: `unknown dimension "${dep}"` })
    })
    const count = q.indicators.filter(i => i.dimension === dimension.id).length
    if (count < MIN_INDICATORS_PER_DIMENSION) {
      errors.push({ path: `dimensions[${index}]`, message: `dimension "${dimension.id}" has ${count} indicator(s); at least ${MIN_INDICATORS_PER_DIMENSION} are needed` })
    }
    for (let from = 0; from < top; from++) {
      const served = q.actions.some(a => a.dimension === dimension.id && a.steps.some(s => s.from === from && s.to === from + 1))
      if (!served) errors.push({ path: `dimensions[${index}]`, message: `dimension "${dimension.id}" has no action for the step ${from}→${from + 1}` })
    }
  })
  const cycle = findCycle(new Map(q.dimensions.map(d => [d.id, d.dependsOn.filter(dep => dep !== d.id)])))
  if (cycle) {
    const first = q.dimensions.findIndex(d => d.id === cycle[0])
    errors.push({ path: `dimensions[${first}].dependsOn`, message: `dependencies form a cycle: ${cycle.join(' → ')}` })
  }

  q.indicators.forEach((indicator, index) => {
    const path = `indicators[${index}]`
    if (!dimensionIds.has(indicator.dimension)) errors.push({ path: `${path}.dimension`, message: `unknown dimension "${indicator.dimension}" (indicator ${indicator.id})` })
    if (indicator.descriptors.length !== q.levels.length) {
      errors.push({ path: `${path}.descriptors`, message: `indicator ${indicator.id} needs one descriptor per level (${q.levels.length}), found ${indicator.descriptors.length}` })
    }
    if (indicator.evidenceRequiredFrom > top + 1) {
      errors.push({ path: `${path}.evidenceRequiredFrom`, message: `must be between 0 and ${top + 1} (${top + 1} means never required)` })
    }
    checkSources(indicator.sources, `${path}.sources`)
    indicator.whoKnows?.forEach(({ onlyIf }, i) => {
      if (onlyIf && !indicatorDimension.has(onlyIf.indicator)) errors.push({ path: `${path}.whoKnows[${i}].onlyIf.indicator`, message: `unknown indicator "${onlyIf.indicator}"` })
      if (onlyIf && onlyIf.minLevel > top) errors.push({ path: `${path}.whoKnows[${i}].onlyIf.minLevel`, message: `level ${onlyIf.minLevel} is above the top level ${top}` })
    })
  })

  q.actions.forEach((action, index) => {
    const path = `actions[${index}]`
    if (!dimensionIds.has(action.dimension)) errors.push({ path: `${path}.dimension`, message: `unknown dimension "${action.dimension}" (action ${action.id})` })
    action.steps.forEach((step, stepIndex) => {
      if (step.to !== step.from + 1 || step.to > top) {
        errors.push({ path: `${path}.steps[${stepIndex}]`, message: `a step goes up one level within 0–${top}, e.g. {"from": 2, "to": 3}; got ${step.from}→${step.to}` })
      }
    })
    action.indicators.forEach((id, i) => {
      const owner = indicatorDimension.get(id)
      if (owner === undefined) errors.push({ path: `${path}.indicators[${i}]`, message: `unknown indicator "${id}"` })
      else if (owner !== action.dimension) errors.push({ path: `${path}.indicators[${i}]`, message: `indicator "${id}" belongs to dimension "${owner}", not "${action.dimension}"` })
    })
    checkSources(action.sources, `${path}.sources`)
    for (const [key, variant] of Object.entries(action.variants)) checkSources(variant.sources, `${path}.variants.${key}.sources`)
  })

  q.scoring.gatingRules.forEach((rule, index) => {
    if (!dimensionIds.has(rule.dimension)) errors.push({ path: `scoring.gatingRules[${index}].dimension`, message: `unknown dimension "${rule.dimension}"` })
  })

  q.archetypes.forEach((archetype, index) => {
    for (const dimension of q.dimensions) {
      if (archetype.scores[dimension.id] === undefined) errors.push({ path: `archetypes[${index}].scores`, message: `no score for dimension "${dimension.id}"` })
    }
    for (const [id, score] of Object.entries(archetype.scores)) {
      if (!dimensionIds.has(id)) errors.push({ path: `archetypes[${index}].scores.${id}`, message: `unknown dimension "${id}"` })
      else if (score > top) errors.push({ path: `archetypes[${index}].scores.${id}`, message: `score ${score} is above the top level ${top}` })
    }
  })

  errors.push(...checkMigrationsWithin(q))

  const texts: Array<{ path: PathPart[], text: LocalizedText }> = []
  collectTexts(q, [], texts)
  const declared = new Set(q.locales)
  for (const { path, text } of texts) {
    for (const locale of Object.keys(text)) {
      if (!declared.has(locale)) errors.push({ path: formatPath([...path, locale]), message: `locale "${locale}" is not listed in "locales"` })
    }
  }
  return errors
}

/** Validates parsed questionnaire data: schema first, then integrity. Returns every problem at once. */
export function checkQuestionnaire(data: unknown): CheckResult {
  const parsed = questionnaireSchema.safeParse(data)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(fromZod) }
  const errors = checkIntegrity(parsed.data)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, questionnaire: parsed.data, coverage: translationCoverage(parsed.data) }
}

/** Parses and validates questionnaire JSON text. */
export function checkQuestionnaireText(text: string): CheckResult {
  const json = parseJson(text)
  if (!json.ok) return { ok: false, errors: [json.error] }
  return checkQuestionnaire(json.value)
}

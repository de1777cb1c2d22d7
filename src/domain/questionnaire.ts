import { z } from 'zod'
import { idSchema as sharedIdSchema, LIMITS, levelNumberSchema, localeSchema, versionSchema, weightSchema } from './input-rules'

/** The questionnaire file format version this code reads. Bump it (and add a migration) on a breaking change. */
export const QUESTIONNAIRE_SCHEMA_VERSION = 1

const text = z.string().max(LIMITS.textLength, 'value.tooLong')

/** A human-readable text in several languages: `en` is required, any other locale falls back to English. */
export const localizedTextSchema = z
  .object({ en: text.trim().min(1, 'text.enRequired') })
  .catchall(text)
  .refine(value => Object.keys(value).length <= LIMITS.localeCount, { message: 'value.tooMany', params: { max: LIMITS.localeCount } })
  .describe('A text per locale, e.g. {"en": "…", "fr": "…"}. "en" is required; missing locales fall back to English.')

// The `what` names the id in the generated JSON schema; the rule itself is the shared one (src/domain/input-rules.ts).
const idSchema = (what: string) => sharedIdSchema.describe(`${what} id: a letter, then letters, digits, ".", "_" or "-" (at most ${LIMITS.idLength}).`)

/** A reference to another entry by id; unknown ids are reported by the checker. */
const refSchema = z.string().max(LIMITS.idLength, 'value.tooLong')
const sourceRefsSchema = z.array(refSchema.min(1)).max(LIMITS.idList).default([]).describe('Ids of entries in "sources".')

/** Only web links: a `javascript:` or `data:` address must never become a link in the app or the PDF. */
const urlSchema = z.string().max(2000, 'value.tooLong').url('url.invalid').refine(value => /^https?:\/\//i.test(value), 'url.invalid')

export const sourceSchema = z.object({
  id: idSchema('Source').describe('Citable id such as R1, M2 or S46.'),
  title: localizedTextSchema,
  url: urlSchema.optional(),
  note: localizedTextSchema.optional(),
}).strict()

export const levelSchema = z.object({
  level: levelNumberSchema,
  label: localizedTextSchema.describe('Short name of the level, e.g. "Established".'),
  descriptor: localizedTextSchema.describe('Generic description of what this level looks like in any dimension.'),
}).strict()

export const dimensionSchema = z.object({
  id: idSchema('Dimension'),
  title: localizedTextSchema,
  description: localizedTextSchema,
  weight: weightSchema.describe('Relative weight in the overall index.'),
  sources: sourceRefsSchema,
  dependsOn: z.array(refSchema).max(LIMITS.idList).default([]).describe('Dimensions that should mature before this one (roadmap order).'),
}).strict()

/** Who is likely to know the answer to an indicator, named in its "find out" action. */
export const whoKnowsSchema = z.object({
  who: localizedTextSchema.describe('A post or service, e.g. "the finance directorate (the budget line)".'),
  onlyIf: z
    .object({ indicator: refSchema, minLevel: levelNumberSchema })
    .strict()
    .optional()
    .describe('Name this post only when the answers show it exists: that indicator answered with at least this level.'),
}).strict()

export const indicatorSchema = z.object({
  id: idSchema('Indicator'),
  dimension: refSchema.describe('Id of the dimension this indicator belongs to.'),
  question: localizedTextSchema,
  guidance: localizedTextSchema.describe('Plain-language help: terms explained, examples of acceptable evidence.'),
  descriptors: z
    .array(localizedTextSchema)
    .max(LIMITS.maxLevel + 1)
    .describe('Observable evidence for each level; the position in the list is the level (first = level 0).'),
  weight: weightSchema.default(1),
  evidenceRequiredFrom: z
    .number()
    .int('value.notInteger')
    .min(0)
    .max(LIMITS.maxLevel + 1)
    .default(3)
    .describe('From this level on, an answer needs an evidence note.'),
  allowNotApplicable: z.boolean().default(false),
  sources: sourceRefsSchema,
  whoKnows: z
    .array(whoKnowsSchema)
    .max(LIMITS.idList)
    .optional()
    .describe('Who is likely to know, in order of preference; the first whose condition holds is named in the "find out" action.'),
}).strict()

export const HORIZONS = ['0-6m', '6-18m', '18-36m'] as const
export type Horizon = (typeof HORIZONS)[number]
export const EFFORTS = ['low', 'medium', 'high'] as const
export type Effort = (typeof EFFORTS)[number]
export const VARIANT_KEYS = ['ldc', 'sids', 'small-service'] as const
export type VariantKey = (typeof VARIANT_KEYS)[number]

const horizonSchema = z.enum(HORIZONS)

export const stepSchema = z
  .object({ from: levelNumberSchema, to: levelNumberSchema.min(1) })
  .describe('A one-level step, e.g. {"from": 2, "to": 3}.')

export const actionVariantSchema = z.object({
  title: localizedTextSchema.optional(),
  description: localizedTextSchema,
  horizon: horizonSchema.optional(),
  effort: z.enum(EFFORTS).optional(),
  owner: localizedTextSchema.optional(),
  sources: z.array(refSchema.min(1)).max(LIMITS.idList).optional(),
}).strict()

export const actionSchema = z.object({
  id: idSchema('Action'),
  dimension: refSchema,
  steps: z.array(stepSchema).min(1, 'action.noStep').max(LIMITS.maxLevel),
  indicators: z.array(refSchema).max(LIMITS.idList).default([]).describe('Indicators this action moves up (optional).'),
  title: localizedTextSchema,
  description: localizedTextSchema.describe('What to do, concretely.'),
  horizon: horizonSchema.describe('The horizon the authors had in mind; the roadmap schedules by effort and step order instead.'),
  effort: z.enum(EFFORTS),
  owner: localizedTextSchema.describe('Suggested owner, e.g. "Permanent Secretary".'),
  sources: sourceRefsSchema,
  variants: z
    .object({ 'ldc': actionVariantSchema, 'sids': actionVariantSchema, 'small-service': actionVariantSchema })
    .partial()
    .strict()
    .default({})
    .describe('Adapted versions used when the context profile flags the country as LDC, SIDS or a small foreign service.'),
}).strict()

const horizonCapacitySchema = z.object({
  '0-6m': z.number().int('value.notInteger').min(1).max(1000),
  '6-18m': z.number().int('value.notInteger').min(1).max(1000),
  '18-36m': z.number().int('value.notInteger').min(1).max(1000),
}).strict()

export const gatingRuleSchema = z.object({
  id: idSchema('Gating rule'),
  dimension: refSchema.describe('The overall stage may not exceed this dimension\'s stage + maxAbove.'),
  maxAbove: levelNumberSchema,
  explanation: localizedTextSchema,
}).strict()

export const scoringSchema = z.object({
  gatingRules: z.array(gatingRuleSchema).max(LIMITS.gatingRules).default([]),
  smallServiceMissionThreshold: z
    .number()
    .int('value.notInteger')
    .min(1)
    .max(1000)
    .default(30)
    .describe('Fewer resident missions than this makes a small foreign service.'),
  maxActionsPerHorizon: z.number().int('value.notInteger').min(1).max(1000).default(10),
  horizonCapacity: z
    .object({ standard: horizonCapacitySchema, smallService: horizonCapacitySchema })
    .strict()
    .optional()
    .describe('Roadmap items each horizon can hold, for most ministries and for a small foreign service; without it every horizon holds maxActionsPerHorizon.'),
}).strict()

export const archetypeSchema = z.object({
  id: idSchema('Archetype'),
  title: localizedTextSchema,
  description: localizedTextSchema,
  illustrative: z.literal(true, { errorMap: () => ({ message: 'archetype.illustrative' }) }),
  scores: z.record(refSchema, z.number().finite('value.notFinite').min(0).max(LIMITS.maxLevel)).describe('Dimension id → illustrative score.'),
}).strict()

const migrationNote = localizedTextSchema.optional().describe('What changed for this indicator, shown on the upgrade screen.')
const freshLook = z.boolean().default(false).describe('Mark a carried answer so the user looks at it again (the wording changed in a way that may change the answer).')

/** How one indicator of the earlier version carries over (see questionnaires/README.md, "migrations"). */
export const indicatorMigrationSchema = z.discriminatedUnion('change', [
  z.object({
    id: refSchema.min(1).describe('Indicator id in the earlier version.'),
    change: z.literal('same').describe('Same id, same levels: the answer is carried as it is.'),
    freshLook,
    note: migrationNote,
  }).strict(),
  z.object({
    id: refSchema.min(1),
    change: z.literal('renumbered').describe('Same meaning and levels under a new id: the answer moves to "to".'),
    to: refSchema.min(1).describe('Indicator id in this version.'),
    freshLook,
    note: migrationNote,
  }).strict(),
  z.object({
    id: refSchema.min(1),
    change: z.literal('remapped').describe('The levels changed: an answered level becomes levels[old level].'),
    to: refSchema.min(1).optional().describe('Indicator id in this version, when it changed too.'),
    levels: z.record(z.string().max(3, 'value.tooLong'), levelNumberSchema).describe('Old level ("0", "1"…) → new level, one entry for every old level.'),
    freshLook,
    note: migrationNote,
  }).strict(),
  z.object({
    id: refSchema.min(1),
    change: z.literal('reanswer').describe('The question changed too much: the old answer is not carried (its note is kept for reference) and the indicator must be answered again.'),
    to: refSchema.min(1).optional().describe('Indicator id in this version, when it changed too.'),
    note: migrationNote,
  }).strict(),
])

/** How answers made with an earlier version of the same questionnaire map to this one. */
export const migrationSchema = z.object({
  from: versionSchema.describe('The earlier version of this questionnaire (same id) that this migration upgrades.'),
  summary: localizedTextSchema.optional().describe('One paragraph on what changed, shown on the upgrade screen.'),
  indicators: z.array(indicatorMigrationSchema).max(LIMITS.indicators).describe('One entry for every indicator of the earlier version.'),
  actions: z
    .record(refSchema, refSchema.min(1).nullable())
    .default({})
    .describe('Roadmap actions renamed (old id → new id) or removed (old id → null); unlisted ids are kept as they are.'),
}).strict()

export const questionnaireSchema = z
  .object({
    $schema: z.string().max(2000, 'value.tooLong').optional(),
    schemaVersion: z.literal(QUESTIONNAIRE_SCHEMA_VERSION, {
      errorMap: () => ({ message: 'questionnaire.schemaVersion' }),
    }),
    id: idSchema('Questionnaire'),
    version: versionSchema.describe('Semantic version, e.g. 1.0.0.'),
    title: localizedTextSchema,
    description: localizedTextSchema,
    instructions: z
      .array(localizedTextSchema)
      .max(LIMITS.idList)
      .optional()
      .describe('Paragraphs shown before the first question and at the top of the handbook: how to choose an answer.'),
    locales: z.array(localeSchema).min(1).max(LIMITS.localeCount),
    sources: z.array(sourceSchema).max(LIMITS.sources).default([]),
    levels: z.array(levelSchema).min(2, 'levels.tooFew').max(LIMITS.maxLevel + 1),
    dimensions: z.array(dimensionSchema).min(1, 'questionnaire.tooFew').max(LIMITS.dimensions),
    indicators: z.array(indicatorSchema).min(1, 'questionnaire.tooFew').max(LIMITS.indicators),
    actions: z.array(actionSchema).max(LIMITS.actions).default([]),
    scoring: scoringSchema.default({}),
    archetypes: z.array(archetypeSchema).max(LIMITS.archetypes).default([]),
    migrations: z.array(migrationSchema).max(LIMITS.idList).optional().describe('How answers made with earlier versions map to this one.'),
  })
  .strict()

export type LocalizedText = z.infer<typeof localizedTextSchema>
export type Source = z.infer<typeof sourceSchema>
export type Level = z.infer<typeof levelSchema>
export type Dimension = z.infer<typeof dimensionSchema>
export type Indicator = z.infer<typeof indicatorSchema>
export type WhoKnows = z.infer<typeof whoKnowsSchema>
export type Action = z.infer<typeof actionSchema>
export type ActionVariant = z.infer<typeof actionVariantSchema>
export type GatingRule = z.infer<typeof gatingRuleSchema>
export type Archetype = z.infer<typeof archetypeSchema>
export type IndicatorMigration = z.infer<typeof indicatorMigrationSchema>
export type Migration = z.infer<typeof migrationSchema>
/** A questionnaire as read from its file, defaults applied. */
export type Questionnaire = z.infer<typeof questionnaireSchema>
/** A questionnaire as written in its file (defaults not yet applied). */
export type QuestionnaireInput = z.input<typeof questionnaireSchema>

/** Resolves a localized text for `locale`, falling back to English. */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (!text) return ''
  // Own keys only: a locale named "toString" must find nothing, not Object.prototype's function.
  const exact = Object.prototype.hasOwnProperty.call(text, locale) ? text[locale] : undefined
  if (typeof exact === 'string' && exact.trim() !== '') return exact
  const base = locale.split('-')[0] ?? locale
  const general = Object.prototype.hasOwnProperty.call(text, base) ? text[base] : undefined
  if (typeof general === 'string' && general.trim() !== '') return general
  return text.en
}

/** The highest level of the questionnaire's scale (5 for a 0–5 scale). */
export function maxLevel(questionnaire: Pick<Questionnaire, 'levels'>): number {
  return questionnaire.levels.length - 1
}

/** Indicators of one dimension, in file order. */
export function indicatorsOf(questionnaire: Questionnaire, dimensionId: string): Indicator[] {
  return questionnaire.indicators.filter((indicator) => indicator.dimension === dimensionId)
}

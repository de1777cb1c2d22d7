import { z } from 'zod'

/** The questionnaire file format version this code reads. Bump it (and add a migration) on a breaking change. */
export const QUESTIONNAIRE_SCHEMA_VERSION = 1

const idPattern = /^[A-Za-z][A-Za-z0-9._-]*$/
const localePattern = /^[a-z]{2,3}(-[A-Z]{2})?$/

/** A human-readable text in several languages: `en` is required, any other locale falls back to English. */
export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1, 'English text ("en") must not be empty') })
  .catchall(z.string())
  .describe('A text per locale, e.g. {"en": "…", "fr": "…"}. "en" is required; missing locales fall back to English.')

const idSchema = (what: string) =>
  z.string().regex(idPattern, `${what} id must start with a letter and use only letters, digits, ".", "_" or "-"`)

const sourceRefsSchema = z.array(z.string().min(1)).default([]).describe('Ids of entries in "sources".')

export const sourceSchema = z.object({
  id: idSchema('Source').describe('Citable id such as R1, M2 or S46.'),
  title: localizedTextSchema,
  url: z.string().url('must be a full URL, e.g. https://…').optional(),
  note: localizedTextSchema.optional(),
}).strict()

export const levelSchema = z.object({
  level: z.number().int().min(0),
  label: localizedTextSchema.describe('Short name of the level, e.g. "Established".'),
  descriptor: localizedTextSchema.describe('Generic description of what this level looks like in any dimension.'),
}).strict()

export const dimensionSchema = z.object({
  id: idSchema('Dimension'),
  title: localizedTextSchema,
  description: localizedTextSchema,
  weight: z.number().positive('weight must be greater than 0').describe('Relative weight in the overall index.'),
  sources: sourceRefsSchema,
  dependsOn: z.array(z.string()).default([]).describe('Dimensions that should mature before this one (roadmap order).'),
}).strict()

export const indicatorSchema = z.object({
  id: idSchema('Indicator'),
  dimension: z.string().describe('Id of the dimension this indicator belongs to.'),
  question: localizedTextSchema,
  guidance: localizedTextSchema.describe('Plain-language help: terms explained, examples of acceptable evidence.'),
  descriptors: z
    .array(localizedTextSchema)
    .describe('Observable evidence for each level; the position in the list is the level (first = level 0).'),
  weight: z.number().positive('weight must be greater than 0').default(1),
  evidenceRequiredFrom: z
    .number()
    .int()
    .min(0)
    .default(3)
    .describe('From this level on, an answer needs an evidence note.'),
  allowNotApplicable: z.boolean().default(false),
  sources: sourceRefsSchema,
}).strict()

export const HORIZONS = ['0-6m', '6-18m', '18-36m'] as const
export type Horizon = (typeof HORIZONS)[number]
export const EFFORTS = ['low', 'medium', 'high'] as const
export type Effort = (typeof EFFORTS)[number]
export const VARIANT_KEYS = ['ldc', 'sids', 'small-service'] as const
export type VariantKey = (typeof VARIANT_KEYS)[number]

const horizonSchema = z.enum(HORIZONS)

export const stepSchema = z
  .object({ from: z.number().int().min(0), to: z.number().int().min(1) })
  .describe('A one-level step, e.g. {"from": 2, "to": 3}.')

export const actionVariantSchema = z.object({
  title: localizedTextSchema.optional(),
  description: localizedTextSchema,
  horizon: horizonSchema.optional(),
  effort: z.enum(EFFORTS).optional(),
  owner: localizedTextSchema.optional(),
  sources: z.array(z.string().min(1)).optional(),
}).strict()

export const actionSchema = z.object({
  id: idSchema('Action'),
  dimension: z.string(),
  steps: z.array(stepSchema).min(1, 'an action serves at least one level step'),
  indicators: z.array(z.string()).default([]).describe('Indicators this action moves up (optional).'),
  title: localizedTextSchema,
  description: localizedTextSchema.describe('What to do, concretely.'),
  horizon: horizonSchema,
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

export const gatingRuleSchema = z.object({
  id: idSchema('Gating rule'),
  dimension: z.string().describe('The overall stage may not exceed this dimension\'s stage + maxAbove.'),
  maxAbove: z.number().int().min(0),
  explanation: localizedTextSchema,
}).strict()

export const scoringSchema = z.object({
  gatingRules: z.array(gatingRuleSchema).default([]),
  smallServiceMissionThreshold: z
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Fewer resident missions than this makes a small foreign service.'),
  maxActionsPerHorizon: z.number().int().min(1).default(10),
}).strict()

export const archetypeSchema = z.object({
  id: idSchema('Archetype'),
  title: localizedTextSchema,
  description: localizedTextSchema,
  illustrative: z.literal(true, { errorMap: () => ({ message: 'archetypes must be flagged "illustrative": true' }) }),
  scores: z.record(z.number().min(0)).describe('Dimension id → illustrative score.'),
}).strict()

export const questionnaireSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(QUESTIONNAIRE_SCHEMA_VERSION, {
      errorMap: () => ({ message: `schemaVersion must be ${QUESTIONNAIRE_SCHEMA_VERSION}` }),
    }),
    id: idSchema('Questionnaire'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version must be semantic, e.g. 1.0.0'),
    title: localizedTextSchema,
    description: localizedTextSchema,
    locales: z.array(z.string().regex(localePattern, 'locale must look like "en", "fr" or "pt-BR"')).min(1),
    sources: z.array(sourceSchema).default([]),
    levels: z.array(levelSchema).min(2, 'at least two levels are needed'),
    dimensions: z.array(dimensionSchema).min(1, 'at least one dimension is needed'),
    indicators: z.array(indicatorSchema).min(1, 'at least one indicator is needed'),
    actions: z.array(actionSchema).default([]),
    scoring: scoringSchema.default({}),
    archetypes: z.array(archetypeSchema).default([]),
  })
  .strict()

export type LocalizedText = z.infer<typeof localizedTextSchema>
export type Source = z.infer<typeof sourceSchema>
export type Level = z.infer<typeof levelSchema>
export type Dimension = z.infer<typeof dimensionSchema>
export type Indicator = z.infer<typeof indicatorSchema>
export type Action = z.infer<typeof actionSchema>
export type ActionVariant = z.infer<typeof actionVariantSchema>
export type GatingRule = z.infer<typeof gatingRuleSchema>
export type Archetype = z.infer<typeof archetypeSchema>
/** A questionnaire as read from its file, defaults applied. */
export type Questionnaire = z.infer<typeof questionnaireSchema>
/** A questionnaire as written in its file (defaults not yet applied). */
export type QuestionnaireInput = z.input<typeof questionnaireSchema>

/** Resolves a localized text for `locale`, falling back to English. */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (!text) return ''
  // Own string entries only: a stored locale such as "toString" must not reach Object.prototype.
  const own = (code: string) => (Object.hasOwn(text, code) && typeof text[code] === 'string' && text[code].trim() !== '' ? text[code] : undefined)
  return own(locale) ?? own(locale.split('-')[0] ?? locale) ?? text.en
}

/** The highest level of the questionnaire's scale (5 for a 0–5 scale). */
export function maxLevel(questionnaire: Pick<Questionnaire, 'levels'>): number {
  return questionnaire.levels.length - 1
}

/** Indicators of one dimension, in file order. */
export function indicatorsOf(questionnaire: Questionnaire, dimensionId: string): Indicator[] {
  return questionnaire.indicators.filter((indicator) => indicator.dimension === dimensionId)
}

import { z } from 'zod'
import { explainHeadline } from '../domain/headline'
import { HORIZONS, localize } from '../domain/questionnaire'
import { levelName } from '../domain/labels'
import { dimensionResult } from '../domain/scoring'
import type { RoadmapItem } from '../domain/roadmap'
import type { ReportContext } from './context'
import { itemDetail, itemOwner, itemTitle } from './item-text'

/** What a results file (`npm run report -- … --format json`) says it is, and the version of its layout. */
export const RESULTS_FORMAT = 'tech-diplomacy-results'
export const RESULTS_SCHEMA_VERSION = 1

const stage = z.number().int().min(0).describe('A maturity level, 0 (Absent) to the questionnaire\'s top level.')
const text = z.string()

const planItemSchema = z.object({
  key: text.describe('Stable key: the library action id, "find-out:<indicator>" or "custom:<id>".'),
  kind: z.enum(['library', 'find-out', 'custom']),
  dimensionId: text,
  title: text,
  description: text.describe('What to do; for adapted actions, which variant is used; for find-out items, whom to ask.'),
  owner: text.describe('The owner the user set, else the library\'s suggestion; empty when none.'),
  targetDate: text.describe('YYYY-MM-DD, or empty.'),
  effort: z.enum(['low', 'medium', 'high']).nullable(),
  sources: z.array(text).describe('Source codes (R1, M3, S72…) listed in `sources`.'),
  movedFrom: z.enum(HORIZONS).nullable().describe('The horizon the item could not fit in (it was full), or null.'),
}).strict()

const idList = z.array(text)

/** The explained headline (docs/method.md, scoring 5a) as data: facts as codes with parameters, worded by the reader. */
const headlineSchema = z.object({
  stage,
  facts: z.array(z.discriminatedUnion('code', [
    z.object({
      code: z.literal('heldAt'),
      params: z.object({
        count: z.number().int().min(0), total: z.number().int().min(0), stage,
        dimensions: z.array(z.object({ dimensionId: text, stage: stage.nullable(), indicators: idList }).strict()),
      }).strict(),
    }).strict().describe('`count` of `total` dimensions have not passed `stage` (the median stage); `dimensions` lists them with the indicators answered at their stage.'),
    z.object({
      code: z.literal('capped'),
      params: z.object({ ruleId: text, dimensionId: text, dimensionStage: stage, median: stage, limit: stage }).strict(),
    }).strict().describe('A gating rule lowered the median `median` to `limit`, because `dimensionId` is at `dimensionStage`.'),
  ])).describe('Facts from this assessment that set the overall stage.'),
  pathStatus: z.enum(['found', 'top', 'unreachable']).describe('found: `path` raises the stage; top: already at the top stage; unreachable: no rise of answers can raise it.'),
  path: z.object({
    changes: z.array(z.object({ indicatorId: text, dimensionId: text, from: stage.nullable(), to: stage }).strict()),
    stage: stage.describe('The overall stage the changes reach.'),
  }).strict().nullable().describe('The fewest indicator changes that raise the overall stage.'),
  meaning: z.object({ level: stage, contradictedBy: idList }).strict().describe('The generic description (results.stageMeaning) says what the stage means in general; `contradictedBy` lists answers above the stage that it would misdescribe if read as a finding.'),
  strengths: z.array(z.object({ indicatorId: text, dimensionId: text, level: stage, dimensionStage: stage }).strict()).describe('Answers above their dimension\'s stage, largest margin first.'),
}).strict()

/** The layout of a results file, as a zod schema (`docs/results.schema.json` is generated from it). */
export const resultsFileSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  generatedAt: text.describe('When the file was written: ISO 8601 with the UTC offset.'),
  locale: text.describe('Language of every text in the file.'),
  questionnaire: z.object({ id: text, version: text }).strict(),
  country: z.object({ code: text.describe('ISO 3166-1 alpha-3'), name: text }).strict(),
  profile: z.object({ ministry: text, unit: text, date: text.describe('Assessment date, YYYY-MM-DD.') }).strict(),
  results: z.object({
    overallStage: stage,
    overallStageName: text,
    stageMeaning: text.describe('What the overall stage means in general (the level\'s generic description), not a finding about this country.'),
    medianStage: stage.describe('Median of the dimension stages before any gating rule.'),
    cap: z.object({ dimensionId: text, limit: stage, explanation: text }).strict().nullable().describe('The gating rule that lowered the overall stage, or null.'),
    index: z.number().min(0).max(100).nullable().describe('Overall index 0–100, one decimal; null when nothing is scored.'),
    completeness: z.number().min(0).max(1).describe('Share of indicators answered, 0–1.'),
    confidence: z.number().min(0).max(1).nullable().describe('Share of level answers backed by documents or validated, 0–1; null when no level was given.'),
    answered: z.number().int().min(0),
    total: z.number().int().min(0),
    provisional: z.boolean().describe('True until every indicator has an answer.'),
    gaps: z.array(text).describe('Indicators answered "Don\'t know".'),
    dimensions: z.array(z.object({
      id: text,
      title: text,
      score: z.number().min(0).nullable().describe('Weighted mean level 0–5, one decimal; null when nothing is scored.'),
      stage: stage.nullable().describe('Weakest answered level; null when no indicator has a level.'),
      stageName: text.describe('The stage in words, empty when there is no stage.'),
      unconfirmed: z.boolean(),
      target: stage,
      answered: z.number().int().min(0),
      total: z.number().int().min(0),
      gaps: z.array(text),
    }).strict()),
  }).strict(),
  headline: headlineSchema,
  plan: z.object({
    horizons: z.array(z.object({ id: z.enum(HORIZONS), label: text, items: z.array(planItemSchema) }).strict()),
    later: z.array(planItemSchema).describe('Items for which no horizon had room.'),
    dropped: z.array(text).describe('Keys of the library items the user dropped.'),
  }).strict(),
  sources: z.array(z.object({ id: text, title: text, url: text }).strict()).describe('Every source cited by a dimension or a plan item.'),
}).strict()

export type ResultsFile = z.infer<typeof resultsFileSchema>

const round1 = (value: number) => Math.round(value * 10) / 10

function planItem(c: ReportContext, item: RoadmapItem): z.infer<typeof planItemSchema> {
  return {
    key: item.key,
    kind: item.kind,
    dimensionId: item.dimensionId,
    title: itemTitle(c, item),
    description: itemDetail(c, item),
    owner: itemOwner(c, item),
    targetDate: item.targetDate ?? '',
    effort: item.effort,
    sources: item.sources,
    movedFrom: item.deferredFrom ?? null,
  }
}

/** The results, the plan and the sources of one assessment as data, every text in the report's language. */
export function buildResultsFile(c: ReportContext): ResultsFile {
  const r = c.result
  const p = c.assessment.profile
  const planned = [...HORIZONS.flatMap(h => c.roadmap.horizons[h]), ...c.roadmap.later]
  const cited = new Set([...c.questionnaire.dimensions.flatMap(d => d.sources), ...planned.flatMap(i => i.sources)])
  const levelLabel = (level: number | null) => (level === null ? '' : levelName(c.questionnaire, level, c.locale))
  return {
    format: RESULTS_FORMAT,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    generatedAt: c.generatedAt.toISOString(),
    locale: c.locale,
    questionnaire: { id: c.questionnaire.id, version: c.questionnaire.version },
    country: { code: p.country, name: c.countryName },
    profile: { ministry: p.ministry, unit: p.unit, date: p.date },
    results: {
      overallStage: r.overallStage,
      overallStageName: levelLabel(r.overallStage),
      stageMeaning: c.t(c.questionnaire.levels[r.overallStage]?.descriptor),
      medianStage: r.medianStage,
      cap: r.cap ? { dimensionId: r.cap.rule.dimension, limit: r.cap.limit, explanation: c.t(r.cap.rule.explanation) } : null,
      index: r.index === null ? null : round1(r.index),
      completeness: r.completeness,
      confidence: r.confidence,
      answered: r.answered,
      total: r.total,
      provisional: r.provisional,
      gaps: r.gaps,
      dimensions: c.questionnaire.dimensions.flatMap((d) => {
        const res = dimensionResult(r, d.id)
        const target = c.roadmap.targets.find(x => x.dimensionId === d.id)
        if (!res || !target) return []
        return [{
          id: d.id,
          title: c.t(d.title),
          score: res.score === null ? null : round1(res.score),
          stage: res.stage,
          stageName: levelLabel(res.stage),
          unconfirmed: res.unconfirmed,
          target: target.target,
          answered: res.answered,
          total: res.total,
          gaps: res.gaps,
        }]
      }),
    },
    headline: explainHeadline(c.questionnaire, r),
    plan: {
      horizons: HORIZONS.map(h => ({ id: h, label: c.labels.horizon[h], items: c.roadmap.horizons[h].map(item => planItem(c, item)) })),
      later: c.roadmap.later.map(item => planItem(c, item)),
      dropped: c.roadmap.dropped.map(item => item.key),
    },
    sources: c.questionnaire.sources.filter(s => cited.has(s.id)).map(s => ({ id: s.id, title: localize(s.title, c.locale), url: s.url ?? '' })),
  }
}

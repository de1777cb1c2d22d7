import type { Headline, HeadlineFact, PathChange } from '../domain/headline'
import { levelText } from '../domain/labels'
import { isolate, listCodes } from '../domain/list-text'
import { localize, type Questionnaire } from '../domain/questionnaire'

/** Looks up a message under `report.headline` (e.g. `heldAt.other`) and fills its `{placeholders}`. */
export type HeadlineTranslate = (key: string, params?: Record<string, string | number>) => string

/** What is needed to word a headline: the questionnaire, the language of its texts and a translator. */
export interface HeadlineTextContext {
  questionnaire: Questionnaire
  locale: string
  tr: HeadlineTranslate
}

/** The headline in words, ready to show or print: the same sentences on screen and in the PDF. */
/** A fact in words, with the dimensions it names as a list of their own. */
export interface FactText {
  text: string
  items: string[]
}

export interface HeadlineText {
  stage: string
  facts: FactText[]
  pathIntro: string
  pathItems: string[]
  meaningLabel: string
  meaning: string
  /** Said when an answer is above the stage, so the general description is not read as a finding. */
  meaningCaveat: string | null
  strengthsHeading: string
  /** At most `STRENGTHS_SHOWN` strengths, then `moreStrengths` says how many others there are. */
  strengths: string[]
  moreStrengths: string | null
  noStrengths: string | null
}

/** Strengths listed in the headline; the rest are on the dimension cards and in the findings. */
export const STRENGTHS_SHOWN = 5

const plural = (locale: string, count: number) => (new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other')

function factText(c: HeadlineTextContext, fact: HeadlineFact): FactText {
  const title = (id: string) => localize(c.questionnaire.dimensions.find(d => d.id === id)?.title, c.locale)
  if (fact.code === 'capped') {
    const rule = c.questionnaire.scoring.gatingRules.find(r => r.id === fact.params.ruleId)
    const text = c.tr('capped', {
      median: fact.params.median,
      limit: fact.params.limit,
      dimension: title(fact.params.dimensionId),
      stage: fact.params.dimensionStage,
      rule: localize(rule?.explanation, c.locale),
    }).trim()
    return { text, items: [] }
  }
  const items = fact.params.dimensions.map(d => (d.stage === null
    ? c.tr('heldNoStage', { dimension: title(d.dimensionId) })
    : c.tr('heldDimension', { dimension: title(d.dimensionId), stage: d.stage, indicators: listCodes(d.indicators, c.locale) })))
  const key = fact.params.stage === 0 ? 'heldAtZero' : 'heldAt'
  return { text: c.tr(`${key}.${plural(c.locale, fact.params.count)}`, { count: fact.params.count, total: fact.params.total, stage: fact.params.stage }), items }
}

function changeText(c: HeadlineTextContext, change: PathChange): string {
  const indicator = c.questionnaire.indicators.find(i => i.id === change.indicatorId)
  const params = { indicator: isolate(change.indicatorId, c.locale), question: localize(indicator?.question, c.locale), from: change.from ?? '', to: change.to }
  return change.from === null ? c.tr('pathAnswer', params) : c.tr('pathChange', params)
}

/** Words a headline. */
export function headlineText(c: HeadlineTextContext, h: Headline): HeadlineText {
  const q = c.questionnaire
  const level = (n: number) => levelText(q, n, c.locale)
  const pathIntro = h.path
    ? c.tr(`path.${plural(c.locale, h.path.changes.length)}`, { count: h.path.changes.length, stage: level(h.path.stage) })
    : c.tr(h.pathStatus === 'top' ? 'pathTop' : 'pathUnreachable')
  const above = h.meaning.contradictedBy.length
  const shown = h.strengths.slice(0, STRENGTHS_SHOWN)
  const more = h.strengths.length - shown.length
  return {
    stage: level(h.stage),
    facts: h.facts.map(f => factText(c, f)),
    pathIntro,
    pathItems: h.path ? h.path.changes.map(change => changeText(c, change)) : [],
    meaningLabel: c.tr('meaningLabel', { stage: level(h.meaning.level) }),
    meaning: localize(q.levels[h.meaning.level]?.descriptor, c.locale),
    meaningCaveat: above > 0 ? c.tr(`meaningCaveat.${plural(c.locale, above)}`, { count: above }) : null,
    strengthsHeading: c.tr('strengthsHeading'),
    strengths: shown.map(s => c.tr('strength', {
      indicator: isolate(s.indicatorId, c.locale),
      question: localize(q.indicators.find(i => i.id === s.indicatorId)?.question, c.locale),
      level: s.level,
      stage: s.dimensionStage,
    })),
    moreStrengths: more > 0 ? c.tr(`moreStrengths.${plural(c.locale, more)}`, { count: more }) : null,
    noStrengths: h.strengths.length === 0 ? c.tr('noStrengths') : null,
  }
}

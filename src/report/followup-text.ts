import type { Baseline } from '../domain/assessment'
import type { FollowThroughItem, FollowUpComparison, Trend } from '../domain/followup-compare'
import { stageText } from '../domain/labels'
import { localize, type Questionnaire } from '../domain/questionnaire'
import { itemOwner, itemTitle, type ItemTextContext } from './item-text'

/** Looks up a message under `followup` (e.g. `status.done`) and fills its `{placeholders}`. */
export type FollowUpTranslate = (key: string, params?: Record<string, string | number>) => string

/** What is needed to word the "Since <earlier date>" section: both questionnaires, the language, a translator, formatters. */
export interface FollowUpTextContext {
  /** The follow-up's questionnaire: stages and levels now are named with it. */
  questionnaire: Questionnaire
  /** The earlier assessment's questionnaire: the earlier plan's items are named with it. */
  earlierQuestionnaire: Questionnaire
  locale: string
  tr: FollowUpTranslate
  /** A score or index to one decimal, in the language's digits. */
  number: (value: number) => string
  /** A YYYY-MM-DD date in words. */
  date: (isoDate: string) => string
  /** The report's words for plan items (find-out titles, own actions). */
  itemLabels: ItemTextContext['labels']
}

/** One row of the follow-through table in words. */
export interface FollowThroughRow {
  key: string
  status: FollowThroughItem['status']
  /** Action, earlier owner, target date, level aimed for, level now, status. */
  cells: [string, string, string, string, string, string]
  /** How the item was judged, when it is not by its indicators. */
  note: string
}

/** The section in words: the same sentences on the results screen, in the PDF and in the Word document. */
export interface FollowUpText {
  heading: string
  intro: string
  overall: string[]
  dimensionCaption: string
  dimensionHead: string[]
  /** Dimension, stage then, stage now, score then, score now, change. */
  dimensions: Array<{ dimensionId: string, cells: string[] }>
  throughHeading: string
  summary: string
  throughHead: string[]
  through: FollowThroughRow[]
  notComparedHeading: string
  notCompared: string[]
}

export function followUpText(c: FollowUpTextContext, comparison: FollowUpComparison, baseline: Pick<Baseline, 'source' | 'title'>): FollowUpText {
  const level = (value: number | null) => (value === null ? c.tr('noStage') : stageText(c.questionnaire, value, c.locale))
  const score = (value: number | null) => (value === null ? c.tr('noScore') : c.number(value))
  const trend = (value: Trend | null) => c.tr(`trend.${value ?? 'none'}`)
  const date = c.date(comparison.earlierDate)
  const o = comparison.overall
  const title = (q: Questionnaire, id: string) => localize(q.dimensions.find(d => d.id === id)?.title, c.locale)
  const item: ItemTextContext = { questionnaire: c.earlierQuestionnaire, locale: c.locale, labels: c.itemLabels }

  const through = comparison.followThrough.map((f): FollowThroughRow => ({
    key: f.item.key,
    status: f.status,
    cells: [
      `${itemTitle(item, f.item)} (${title(c.earlierQuestionnaire, f.item.dimensionId)})`,
      itemOwner(item, f.item) || '—',
      f.item.targetDate ? c.date(f.item.targetDate) : '—',
      f.target !== null ? level(f.target) : f.basis === 'answer' ? c.tr('targetAnswer') : '—',
      levelNow(c, f, level),
      c.tr(`status.${f.status}`),
    ],
    note: [
      f.status === 'not-compared' ? c.tr('basis.notCompared') : f.basis === 'indicators' ? '' : c.tr(`basis.${f.basis}`),
      f.alreadyReached ? c.tr('basis.alreadyReached', { date }) : '',
    ].filter(Boolean).join(' '),
  }))

  const counts = comparison.counts
  return {
    heading: c.tr('since.heading', { date }),
    intro: baseline.source === 'workshop'
      ? c.tr('since.introWorkshop', { date, title: baseline.title ?? '', version: comparison.earlierVersion })
      : c.tr('since.intro', { date, version: comparison.earlierVersion }),
    overall: [
      c.tr('since.overallStage', { before: level(o.earlierStage), now: level(o.stage), trend: trend(o.stageTrend) }),
      c.tr('since.overallIndex', { before: score(o.earlierIndex), now: score(o.index), trend: trend(o.indexTrend) }),
    ],
    dimensionCaption: c.tr('since.tableCaption', { date }),
    dimensionHead: ['dimension', 'stageThen', 'stageNow', 'scoreThen', 'scoreNow', 'change'].map(k => c.tr(`since.columns.${k}`)),
    dimensions: comparison.dimensions.map(d => ({
      dimensionId: d.dimensionId,
      cells: [
        title(c.questionnaire, d.dimensionId),
        d.inEarlier ? level(d.earlierStage) : c.tr('since.newDimension'),
        level(d.stage),
        d.inEarlier ? score(d.earlierScore) : '—',
        score(d.score),
        c.tr('since.change', { stage: trend(d.stageTrend), score: trend(d.scoreTrend) }),
      ],
    })),
    throughHeading: c.tr('through.heading', { date }),
    summary: c.tr('through.summary', { total: comparison.followThrough.length, done: counts.done, progressing: counts.progressing, notYet: counts['not-yet'], notCompared: counts['not-compared'] }),
    throughHead: ['action', 'owner', 'targetDate', 'target', 'now', 'status'].map(k => c.tr(`through.columns.${k}`)),
    through,
    notComparedHeading: c.tr('notCompared.heading'),
    notCompared: comparison.notCompared.map((n) => {
      const q = n.side === 'earlier' ? c.earlierQuestionnaire : c.questionnaire
      const question = localize(q.indicators.find(i => i.id === n.indicatorId)?.question, c.locale)
      return c.tr(`notCompared.${n.reason}`, { id: n.indicatorId, question, version: comparison.currentVersion, earlier: comparison.earlierVersion })
    }),
  }
}

function levelNow(c: FollowUpTextContext, f: FollowThroughItem, level: (value: number | null) => string): string {
  if (f.status === 'not-compared') return '—'
  if (f.level !== null) return level(f.level)
  if (f.basis === 'answer') return c.tr(f.status === 'done' ? 'answeredNotApplicable' : 'stillUnknown')
  return c.tr('noLevel')
}

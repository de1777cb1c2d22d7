import { localize, type Questionnaire } from '../domain/questionnaire'
import type { RoadmapItem } from '../domain/roadmap'
import { fill, type ReportLabels } from './labels'

/** What is needed to word a plan item: the questionnaire, the language and the report's words. */
export interface ItemTextContext {
  questionnaire: Questionnaire
  locale: string
  labels: Pick<ReportLabels, 'findOutTitle' | 'findOutAsk' | 'adaptedFor' | 'variants' | 'customAction'>
}

/** The title of a plan item in the given language (shared by the roadmap view and the PDF). */
export function itemTitle(c: ItemTextContext, item: RoadmapItem): string {
  if (item.kind === 'custom') return item.custom?.title ?? ''
  if (item.kind === 'find-out') {
    const indicator = c.questionnaire.indicators.find(i => i.id === item.findOut?.indicatorId)
    return fill(c.labels.findOutTitle, { question: `${indicator?.id ?? ''} ${localize(indicator?.question, c.locale)}`.trim() })
  }
  return localize(item.action?.title, c.locale)
}

/** What to do, and for adapted actions which variant is used. */
export function itemDetail(c: ItemTextContext, item: RoadmapItem): string {
  if (item.kind === 'custom') return [item.custom?.description ?? '', `(${c.labels.customAction})`].filter(Boolean).join(' ')
  if (item.kind === 'find-out') return item.findOut?.ask ? fill(c.labels.findOutAsk, { owner: localize(item.findOut.ask, c.locale) }) : ''
  const variant = item.action?.variant ? ` (${fill(c.labels.adaptedFor, { name: c.labels.variants[item.action.variant] })})` : ''
  return `${localize(item.action?.description, c.locale)}${variant}`
}

/** The owner the user set, else the library's suggested owner. */
export function itemOwner(c: ItemTextContext, item: RoadmapItem): string {
  if (item.owner) return item.owner
  if (item.kind === 'library') return localize(item.action?.owner, c.locale)
  return ''
}

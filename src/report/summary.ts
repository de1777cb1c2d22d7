import type { ReportContext } from './context'
import { topPriorities } from './cover'
import { COLORS } from './palette'
import { fill } from './labels'
import { itemTitle } from './item-text'
import { maxLevel } from '../domain/questionnaire'
import { dimensionResult } from '../domain/scoring'
import type { ReportWriter } from './writer'
import { explainHeadline } from '../domain/headline'
import { headlineText, type HeadlineText } from './headline-text'

export function writeSummary(w: ReportWriter, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.summaryHeading)
  const r = c.result
  const h = reportHeadline(c)
  w.paragraph(`${c.labels.overallStage}${c.labels.colon}${h.stage}`, { size: 14, bold: true, color: COLORS.primary, gap: 1 })
  w.paragraph(`${c.labels.index}${c.labels.colon}${r.index === null ? c.labels.none : fill(c.labels.indexValue, { index: c.number(r.index) })}`, { size: 12, bold: true })
  if (r.provisional) w.paragraph(fill(c.labels.provisionalWarning, { answered: r.answered, total: r.total }), { bold: true, color: COLORS.warning })
  w.paragraph(fill(c.labels.completeness, { percent: c.percent(r.completeness), confidence: r.confidence === null ? c.labels.none : c.percent(r.confidence), gaps: r.gaps.length }), { size: 9, color: COLORS.muted })

  w.space(2)
  w.paragraph(c.labels.headline.factsHeading, { size: 11, bold: true, gap: 1 })
  for (const fact of h.facts) {
    w.paragraph(`• ${fact.text}`, { indent: 3, gap: 0.5 })
    for (const item of fact.items) w.paragraph(`– ${item}`, { indent: 8, gap: 0.3 })
  }
  w.paragraph(c.labels.headline.medianRule, { size: 9, color: COLORS.muted })
  w.paragraph(fill(c.labels.headline.meaningLine, { label: h.meaningLabel, meaning: h.meaning }), { size: 9 })
  if (h.meaningCaveat) w.paragraph(h.meaningCaveat, { size: 9, color: COLORS.muted })

  w.space(2)
  w.paragraph(c.labels.headline.pathHeading, { size: 11, bold: true, gap: 1 })
  w.paragraph(h.pathIntro, { gap: 0.5 })
  h.pathItems.forEach((item, i) => w.paragraph(`${i + 1}. ${item}`, { indent: 3, gap: 0.5 }))

  w.space(2)
  w.paragraph(h.strengthsHeading, { size: 11, bold: true, gap: 1 })
  if (h.noStrengths) w.paragraph(h.noStrengths, { indent: 3 })
  for (const item of h.strengths) w.paragraph(`• ${item}`, { indent: 3, gap: 0.5 })
  if (h.moreStrengths) w.paragraph(h.moreStrengths, { indent: 3, color: COLORS.muted })
  const priorities = topPriorities(c)
  w.space(2)
  w.paragraph(c.labels.prioritiesHeading, { size: 11, bold: true, gap: 1 })
  for (const item of priorities) w.paragraph(`• ${itemTitle(c, item)} (${c.labels.horizon[item.horizon]})`, { indent: 3, gap: 0.5 })

  w.space(4)
  w.ensure(140) // the heading stays with its chart
  w.heading(c.labels.chartHeading, 12)
  w.radar(c.questionnaire.dimensions.map((d) => {
    const res = dimensionResult(r, d.id)
    const score = res?.score ?? null
    return { title: c.t(d.title), stage: c.levelName(res?.stage ?? null), value: score, score: score === null ? c.labels.none : c.number(score) }
  }), maxLevel(c.questionnaire))
}

/** The explained headline in the report's language: the same sentences as the results screen. */
export function reportHeadline(c: ReportContext): HeadlineText {
  const messages = c.labels.headline as Record<string, string | Record<string, string>>
  const lookup = (key: string): string => {
    const [head, tail] = key.split('.')
    const entry = messages[head!]
    return typeof entry === 'string' ? entry : (tail !== undefined ? entry?.[tail] : undefined) ?? key
  }
  return headlineText({ questionnaire: c.questionnaire, locale: c.locale, tr: (key, params) => fill(lookup(key), params ?? {}) }, explainHeadline(c.questionnaire, c.result))
}

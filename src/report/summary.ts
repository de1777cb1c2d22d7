import type { ReportContext } from './context'
import { topPriorities } from './cover'
import { COLORS } from './palette'
import { fill } from './labels'
import { itemTitle } from './item-text'
import { maxLevel } from '../domain/questionnaire'
import { dimensionResult } from '../domain/scoring'
import type { ReportWriter } from './writer'

export function writeSummary(w: ReportWriter, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.summaryHeading)
  const r = c.result
  w.paragraph(`${c.labels.overallStage}${c.labels.colon}${c.levelName(r.overallStage)}`, { size: 14, bold: true, color: COLORS.primary, gap: 1 })
  w.paragraph(c.t(c.questionnaire.levels[r.overallStage]?.descriptor), { size: 10 })
  w.paragraph(`${c.labels.index}${c.labels.colon}${r.index === null ? c.labels.none : fill(c.labels.indexValue, { index: c.number(r.index) })}`, { size: 12, bold: true })
  if (r.cap) w.paragraph(fill(c.labels.cappedNote, { median: r.medianStage, limit: r.cap.limit, rule: c.t(r.cap.rule.explanation) }), { size: 9, color: COLORS.muted })
  if (r.provisional) w.paragraph(fill(c.labels.provisionalWarning, { answered: r.answered, total: r.total }), { bold: true, color: COLORS.warning })
  w.paragraph(fill(c.labels.completeness, { percent: c.percent(r.completeness), confidence: r.confidence === null ? c.labels.none : c.percent(r.confidence), gaps: r.gaps.length }), { size: 9, color: COLORS.muted })

  const scored = c.questionnaire.dimensions.flatMap((d) => {
    const res = dimensionResult(r, d.id)
    return res && res.score !== null ? [{ d, res }] : []
  })
  const strengths = [...scored].sort((a, b) => b.res.score! - a.res.score!).slice(0, 3)
  w.space(2)
  w.paragraph(c.labels.strengthsHeading, { size: 11, bold: true, gap: 1 })
  for (const { d, res } of strengths) w.paragraph(`• ${c.t(d.title)} — ${c.labels.score} ${c.number(res.score!)} · ${c.labels.stage} ${c.levelName(res.stage)}`, { indent: 3, gap: 0.5 })
  const priorities = topPriorities(c)
  w.space(2)
  w.paragraph(c.labels.prioritiesHeading, { size: 11, bold: true, gap: 1 })
  for (const item of priorities) w.paragraph(`• ${itemTitle(c, item)} (${c.labels.horizon[item.horizon]})`, { indent: 3, gap: 0.5 })

  w.space(4)
  w.heading(c.labels.chartHeading, 12)
  w.radar(c.questionnaire.dimensions.map((d) => {
    const res = dimensionResult(r, d.id)
    const score = res?.score ?? null
    return { title: c.t(d.title), stage: c.levelName(res?.stage ?? null), value: score, score: score === null ? c.labels.none : c.number(score) }
  }), maxLevel(c.questionnaire))
}

import { COLORS } from './palette'
import type { ReportWriter } from './writer'
import type { ReportContext } from './context'
import { fill } from './labels'

export function writeGaps(w: ReportWriter, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.gapsHeading)
  if (c.result.gaps.length === 0) {
    w.paragraph(c.labels.noGaps)
    return
  }
  for (const id of c.result.gaps) {
    const indicator = c.questionnaire.indicators.find(i => i.id === id)
    const item = c.roadmap.horizons['0-6m'].find(x => x.findOut?.indicatorId === id)
    w.paragraph(`• ${id} ${c.t(indicator?.question)}`, { indent: 2, gap: 0.5 })
    if (item?.findOut?.ask) w.paragraph(fill(c.labels.findOutAsk, { owner: c.t(item.findOut.ask) }), { indent: 6, size: 9, color: COLORS.muted, gap: 1.5 })
  }
}

export function writeMethod(w: ReportWriter, c: ReportContext): void {
  w.space(4)
  w.heading(c.labels.methodHeading)
  const rules = c.questionnaire.scoring.gatingRules.map(rule => c.t(rule.explanation)).join(' ') || c.labels.none
  for (const paragraph of c.labels.method) w.paragraph(fill(paragraph, { rules }), { size: 9.5 })
  w.paragraph(c.result.cap ? fill(c.labels.capApplied, { median: c.result.medianStage, limit: c.result.cap.limit }) : c.labels.capNotApplied, { size: 9.5, bold: true })
  w.space(2)
  w.heading(c.labels.caveatsHeading, 12)
  for (const caveat of c.labels.caveats) w.paragraph(`• ${caveat}`, { size: 9.5, indent: 2 })
}

/** Lists the sources cited by the dimensions and by the actions in the plan, in the questionnaire's order. */
export function writeSources(w: ReportWriter, c: ReportContext): void {
  const cited = new Set<string>([
    ...c.questionnaire.dimensions.flatMap(d => d.sources),
    ...[...c.roadmap.horizons['0-6m'], ...c.roadmap.horizons['6-18m'], ...c.roadmap.horizons['18-36m'], ...c.roadmap.later].flatMap(i => i.sources),
  ])
  const sources = c.questionnaire.sources.filter(s => cited.has(s.id))
  if (sources.length === 0) return
  w.space(4)
  w.heading(c.labels.sourcesHeading)
  for (const source of sources) {
    w.paragraph(`[${source.id}] ${c.t(source.title)}${source.note ? ` — ${c.t(source.note)}` : ''}`, { size: 8.5, gap: 0.3 })
    if (source.url) w.paragraph(source.url, { size: 7.5, color: COLORS.primary, indent: 4, gap: 1.2 })
  }
}

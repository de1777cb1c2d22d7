import type { Writer } from './document';
import { COLORS, CONTENT_WIDTH, FONT, PAGE } from './document'
import type { ReportContext } from './context'
import { fill } from './labels'
import { drawRadar } from './radar'
import { itemTitle } from './item-text'
import { autoTable } from 'jspdf-autotable'
import { maxLevel } from '../domain/questionnaire'
import { dimensionResult } from '../domain/scoring'
import { tableStyles } from './tables'

export function writeCover(w: Writer, c: ReportContext): void {
  const { doc } = w
  const p = c.assessment.profile
  doc.setFont(FONT, 'bold').setFontSize(24)
  const titleLines = doc.splitTextToSize(c.labels.title, CONTENT_WIDTH) as string[]
  doc.setFont(FONT, 'normal').setFontSize(12)
  const subtitleLines = doc.splitTextToSize(c.labels.subtitle, CONTENT_WIDTH) as string[]
  const subtitleY = 32 + titleLines.length * 10
  const bandHeight = Math.max(70, subtitleY + subtitleLines.length * 5.5 + 14)
  doc.setFillColor(...COLORS.primary).rect(0, 0, PAGE.width, bandHeight, 'F')
  doc.setTextColor(255, 255, 255).setFont(FONT, 'bold').setFontSize(24)
  doc.text(titleLines, PAGE.margin, 32, { lineHeightFactor: 1.2 })
  doc.setFont(FONT, 'normal').setFontSize(12)
  doc.text(subtitleLines, PAGE.margin, subtitleY)
  w.y = bandHeight + 22
  doc.setTextColor(...COLORS.text).setFont(FONT, 'bold').setFontSize(22)
  doc.text(doc.splitTextToSize(c.countryName, CONTENT_WIDTH) as string[], PAGE.margin, w.y)
  w.y += 14
  const rows: Array<[string, string]> = [
    [c.labels.ministry, p.ministry],
    [c.labels.unit, p.unit],
    ...(p.respondentRole ? [[c.labels.respondent, p.respondentRole] as [string, string]] : []),
    [c.labels.assessmentDate, c.date(p.date)],
    [c.labels.questionnaire, `${c.t(c.questionnaire.title)} — ${fill(c.labels.version, { version: c.questionnaire.version })}`],
  ]
  for (const [label, value] of rows) {
    doc.setFont(FONT, 'bold').setFontSize(10).setTextColor(...COLORS.muted)
    doc.text(label, PAGE.margin, w.y)
    doc.setFont(FONT, 'normal').setFontSize(11).setTextColor(...COLORS.text)
    const lines = doc.splitTextToSize(value || c.labels.none, CONTENT_WIDTH - 45) as string[]
    doc.text(lines, PAGE.margin + 45, w.y)
    w.y += Math.max(1, lines.length) * 5 + 3
  }
  w.y += 6
  w.paragraph(c.labels.notRanking, { size: 10, color: COLORS.muted })
  if (c.result.provisional) w.paragraph(fill(c.labels.provisionalWarning, { answered: c.result.answered, total: c.result.total }), { size: 10, bold: true, color: COLORS.warning })
  w.paragraph(fill(c.labels.generated, { date: c.date(c.generatedAt.toISOString()) }), { size: 9, color: COLORS.muted })
}

export function writeSummary(w: Writer, c: ReportContext): void {
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
  const priorities = [...c.roadmap.horizons['0-6m'], ...c.roadmap.horizons['6-18m'], ...c.roadmap.horizons['18-36m']].filter(i => i.kind !== 'find-out').slice(0, 3)
  w.space(2)
  w.paragraph(c.labels.prioritiesHeading, { size: 11, bold: true, gap: 1 })
  for (const item of priorities) w.paragraph(`• ${itemTitle(c, item)} (${c.labels.horizon[item.horizon]})`, { indent: 3, gap: 0.5 })

  w.space(4)
  w.heading(c.labels.chartHeading, 12)
  const radius = 46
  w.ensure(2 * radius + 34)
  drawRadar(w.doc, c.questionnaire.dimensions.map(d => ({
    label: [...(w.doc.splitTextToSize(c.t(d.title), 42) as string[]), c.levelName(dimensionResult(r, d.id)?.stage ?? null)],
    value: dimensionResult(r, d.id)?.score ?? null,
  })), maxLevel(c.questionnaire), PAGE.width / 2, w.y + radius + 14, radius)
  w.y += 2 * radius + 32
}

export function writeDimensionTable(w: Writer, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.dimensionTableHeading)
  const l = c.labels
  autoTable(w.doc, {
    ...tableStyles(),
    startY: w.y,
    head: [[l.dimension, l.score, l.stage, l.target, l.answered, l.gaps]],
    body: c.questionnaire.dimensions.flatMap((d) => {
      const res = dimensionResult(c.result, d.id)
      const target = c.roadmap.targets.find(x => x.dimensionId === d.id)
      if (!res || !target) return []
      return [[
        c.t(d.title),
        res.score === null ? l.none : c.number(res.score),
        `${c.levelName(res.stage)}${res.unconfirmed ? ` (${l.unconfirmed})` : ''}`,
        String(target.target),
        `${res.answered}/${res.total}`,
        String(res.gaps.length),
      ]]
    }),
    columnStyles: { 1: { halign: 'right', cellWidth: 16 }, 3: { halign: 'right', cellWidth: 16 }, 4: { halign: 'right', cellWidth: 20 }, 5: { halign: 'right', cellWidth: 14 } },
  })
  w.y = (w.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 8
}

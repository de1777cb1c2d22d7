import { autoTable } from 'jspdf-autotable'
import { indicatorsOf } from '../domain/questionnaire'
import { dimensionResult } from '../domain/scoring'
import type { ReportContext } from './context'
import type { Writer } from './document';
import { COLORS } from './document'
import { fill } from './labels'
import { tableStyles } from './tables'

export function writeFindings(w: Writer, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.findingsHeading)
  const l = c.labels
  for (const dimension of c.questionnaire.dimensions) {
    const res = dimensionResult(c.result, dimension.id)
    if (!res) continue
    w.ensure(30)
    w.heading(c.t(dimension.title), 12)
    w.paragraph(`${l.score} ${res.score === null ? l.none : c.number(res.score)} · ${l.stage} ${c.levelName(res.stage)}${res.unconfirmed ? ` (${l.unconfirmed})` : ''}`, { size: 9, color: COLORS.muted })
    const body = indicatorsOf(c.questionnaire, dimension.id).map((indicator) => {
      const answer = c.assessment.answers[indicator.id]
      const status = res.indicators.find(x => x.indicatorId === indicator.id)?.status
      let text = l.unanswered
      let confidence = ''
      if (answer?.kind === 'level') {
        text = status === 'evidence_missing' ? fill(l.evidenceMissing, { level: answer.level }) : c.levelName(answer.level)
        confidence = l.confidences[answer.confidence]
      }
      else if (answer?.kind === 'dont_know') text = l.dontKnow
      else if (answer?.kind === 'not_applicable') text = l.notApplicable
      return [`${indicator.id} ${c.t(indicator.question)}`, text, confidence, answer?.evidence ?? '']
    })
    autoTable(w.doc, {
      ...tableStyles(),
      startY: w.y,
      head: [[l.indicator, l.answer, l.confidence, l.evidence]],
      body,
      columnStyles: { 0: { cellWidth: 70 }, 1: { cellWidth: 30 }, 2: { cellWidth: 24 } },
    })
    w.y = (w.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6
  }
}

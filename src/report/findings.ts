import { indicatorsOf } from '../domain/questionnaire'
import { dimensionResult } from '../domain/scoring'
import type { ReportContext } from './context'
import { COLORS } from './palette'
import { fill } from './labels'
import type { ReportWriter } from './writer'

/** Per dimension: its score and stage, then each indicator's answer, confidence and evidence. */
export function writeFindings(w: ReportWriter, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.findingsHeading)
  const l = c.labels
  for (const dimension of c.questionnaire.dimensions) {
    const res = dimensionResult(c.result, dimension.id)
    if (!res) continue
    w.ensure(55) // the dimension's heading, its score line and the first rows together
    w.heading(c.t(dimension.title), 12)
    w.paragraph(`${l.score} ${res.score === null ? l.none : c.number(res.score)} · ${c.stagePhrase(res.stage)}${res.unconfirmed ? ` (${l.unconfirmed})` : ''}`, { size: 9, color: COLORS.muted })
    const groups = indicatorsOf(c.questionnaire, dimension.id).map((indicator) => {
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
      return [[`${indicator.id} ${c.t(indicator.question)}`, text, confidence, answer?.evidence ?? '']]
    })
    w.table({ head: [l.indicator, l.answer, l.confidence, l.evidence], widths: [62, 27, 25, 'auto'], groups })
  }
}

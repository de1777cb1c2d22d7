import { dimensionResult } from '../domain/scoring'
import type { ReportContext } from './context'
import type { ReportWriter } from './writer'

/** One row per dimension: score, stage, target, answered and gaps. */
export function writeDimensionTable(w: ReportWriter, c: ReportContext): void {
  w.newPage()
  w.heading(c.labels.dimensionTableHeading)
  const l = c.labels
  w.table({
    head: [l.dimension, l.score, l.stage, l.target, l.answered, l.gaps],
    widths: ['auto', 16, 36, 18, 22, 18],
    align: ['left', 'right', 'left', 'right', 'right', 'right'],
    groups: c.questionnaire.dimensions.flatMap((d) => {
      const res = dimensionResult(c.result, d.id)
      const target = c.roadmap.targets.find(x => x.dimensionId === d.id)
      if (!res || !target) return []
      return [[[
        c.t(d.title),
        res.score === null ? l.none : c.number(res.score),
        `${c.levelName(res.stage)}${res.unconfirmed ? ` (${l.unconfirmed})` : ''}`,
        String(target.target),
        `${res.answered}/${res.total}`,
        String(res.gaps.length),
      ]]]
    }),
  })
}

import { listCodes } from '../domain/list-text'
import { HORIZONS } from '../domain/questionnaire'
import type { RoadmapItem } from '../domain/roadmap'
import type { ReportContext } from './context'
import { COLORS } from './palette'
import { itemDetail, itemOwner, itemTitle } from './item-text'
import { fill } from './labels'
import type { ReportWriter, TableCell } from './writer'

/** Per item, kept together: the title with dimension, owner, date and sources, then what to do across the table. */
function groups(c: ReportContext, items: readonly RoadmapItem[]): TableCell[][][] {
  const dimensionTitle = new Map(c.questionnaire.dimensions.map(d => [d.id, c.t(d.title)]))
  return items.map((item) => {
    const notes = [
      ...(item.deferredFrom ? [fill(c.labels.deferred, { horizon: c.labels.horizon[item.deferredFrom] })] : []),
      ...(item.placed && item.kind !== 'custom' ? [c.labels.scheduling.placed] : []),
      ...(item.broughtForward ? [c.labels.scheduling.broughtForward] : []),
    ]
    const detail = [itemDetail(c, item), ...notes.map(note => `(${note})`)].filter(Boolean).join(' ')
    const head: TableCell[] = [
      { text: itemTitle(c, item), bold: true },
      dimensionTitle.get(item.dimensionId) ?? item.dimensionId,
      itemOwner(c, item),
      item.targetDate ? c.date(item.targetDate) : '',
      listCodes(item.sources, c.locale),
    ]
    return detail ? [head, [{ text: detail, span: true, muted: true }]] : [head]
  })
}

function table(w: ReportWriter, c: ReportContext, items: readonly RoadmapItem[]): void {
  const l = c.labels
  w.table({ head: [l.action, l.dimension, l.owner, l.targetDate, l.sources], widths: ['auto', 33, 33, 21, 19], groups: groups(c, items), zebra: true })
}

export function writeRoadmap(w: ReportWriter, c: ReportContext): void {
  w.ensure(60)
  w.heading(c.labels.roadmapHeading)
  w.paragraph(c.labels.roadmapIntro, { size: 9, color: COLORS.muted })
  for (const horizon of HORIZONS) {
    const items = c.roadmap.horizons[horizon]
    w.ensure(55) // the horizon's heading, the table head and its first item together
    const capacity = c.roadmap.capacity[horizon]
    w.heading(c.labels.horizon[horizon], 12)
    if (items.length > capacity) w.paragraph(fill(c.labels.scheduling.overCapacity, { count: items.length, capacity }), { size: 9, bold: true, color: COLORS.warning })
    else w.paragraph(fill(c.labels.scheduling.capacity, { count: items.length, capacity }), { size: 9, color: COLORS.muted })
    if (items.length === 0) w.paragraph(c.labels.emptyHorizon, { color: COLORS.muted })
    else table(w, c, items)
  }
  if (c.roadmap.later.length > 0) {
    w.ensure(55) // the horizon's heading, the table head and its first item together
    w.heading(c.labels.laterHeading, 12)
    table(w, c, c.roadmap.later)
  }
}

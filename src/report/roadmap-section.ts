import { autoTable } from 'jspdf-autotable'
import { HORIZONS } from '../domain/questionnaire'
import type { RoadmapItem } from '../domain/roadmap'
import { itemDetail, itemOwner, itemTitle } from './item-text'
import { fill } from './labels'
import type { ReportContext } from './context'
import type { Writer } from './document';
import { COLORS } from './document'
import { tableStyles } from './tables'

type Cell = string | { content: string, colSpan?: number, styles?: Record<string, unknown> }

/** Two rows per item: the title with dimension, owner, date and sources, then what to do across the table. */
function rows(c: ReportContext, items: readonly RoadmapItem[]): Cell[][] {
  const dimensionTitle = new Map(c.questionnaire.dimensions.map(d => [d.id, c.t(d.title)]))
  return items.flatMap((item, index) => {
    const fillColor = index % 2 === 0 ? [255, 255, 255] : [245, 247, 250]
    const notes = [
      ...(item.deferredFrom ? [fill(c.labels.deferred, { horizon: c.labels.horizon[item.deferredFrom] })] : []),
      ...(item.placed && item.kind !== 'custom' ? [c.labels.scheduling.placed] : []),
      ...(item.broughtForward ? [c.labels.scheduling.broughtForward] : []),
    ]
    const detail = [itemDetail(c, item), ...notes.map(note => `(${note})`)].filter(Boolean).join(' ')
    const head: Cell[] = [
      { content: itemTitle(c, item), styles: { fontStyle: 'bold', fillColor } },
      { content: dimensionTitle.get(item.dimensionId) ?? item.dimensionId, styles: { fillColor } },
      { content: itemOwner(c, item), styles: { fillColor } },
      { content: item.targetDate ? c.date(item.targetDate) : '', styles: { fillColor } },
      { content: item.sources.join(', '), styles: { fillColor } },
    ]
    return detail ? [head, [{ content: detail, colSpan: 5, styles: { fontSize: 7.8, textColor: [...COLORS.muted], fillColor } }]] : [head]
  })
}

function table(w: Writer, c: ReportContext, items: readonly RoadmapItem[]): void {
  const l = c.labels
  autoTable(w.doc, {
    ...tableStyles(),
    startY: w.y,
    head: [[l.action, l.dimension, l.owner, l.targetDate, l.sources]],
    body: rows(c, items),
    alternateRowStyles: {},
    columnStyles: { 0: { cellWidth: 68 }, 1: { cellWidth: 33 }, 2: { cellWidth: 33 }, 3: { cellWidth: 21 }, 4: { cellWidth: 19 } },
  })
  w.y = (w.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6
}

export function writeRoadmap(w: Writer, c: ReportContext): void {
  w.ensure(60)
  w.heading(c.labels.roadmapHeading)
  w.paragraph(c.labels.roadmapIntro, { size: 9, color: COLORS.muted })
  for (const horizon of HORIZONS) {
    const items = c.roadmap.horizons[horizon]
    w.ensure(24)
    const capacity = c.roadmap.capacity[horizon]
    w.heading(`${c.labels.horizon[horizon]} — ${fill(c.labels.scheduling.capacity, { count: items.length, capacity })}`, 12)
    if (items.length > capacity) w.paragraph(fill(c.labels.scheduling.overCapacity, { count: items.length, capacity }), { size: 9, bold: true, color: COLORS.warning })
    if (items.length === 0) w.paragraph(c.labels.emptyHorizon, { color: COLORS.muted })
    else table(w, c, items)
  }
  if (c.roadmap.later.length > 0) {
    w.ensure(24)
    w.heading(c.labels.laterHeading, 12)
    table(w, c, c.roadmap.later)
  }
}

import type { ReportContext } from './context'
import { COLORS } from './palette'
import { itemTitle } from './item-text'
import { fill } from './labels'
import type { ReportWriter } from './writer'

/** The first three actions of the plan (find-out items aside), earliest horizon first: the report's priorities. */
export function topPriorities(c: ReportContext) {
  return [...c.roadmap.horizons['0-6m'], ...c.roadmap.horizons['6-18m'], ...c.roadmap.horizons['18-36m']].filter(i => i.kind !== 'find-out').slice(0, 3)
}

/** The cover: who and what, then the key message (stage, index, top three priorities) and the sign-off block. */
export function writeCover(w: ReportWriter, c: ReportContext): void {
  const p = c.assessment.profile
  const l = c.labels
  w.cover({
    title: l.title,
    subtitle: l.subtitle,
    country: c.countryName,
    fields: [
      [l.ministry, p.ministry || l.none],
      [l.unit, p.unit || l.none],
      ...(p.respondentRole ? [[l.respondent, p.respondentRole] as [string, string]] : []),
      [l.assessmentDate, c.date(p.date) || l.none],
      [l.questionnaire, `${c.t(c.questionnaire.title)} — ${fill(l.version, { version: c.questionnaire.version })}`],
    ],
  })
  const r = c.result
  w.heading(l.keyMessageHeading, 13)
  w.paragraph(`${l.overallStage}${l.colon}${c.levelName(r.overallStage)} · ${l.index}${l.colon}${r.index === null ? l.none : fill(l.indexValue, { index: c.number(r.index) })}`, { size: 11.5, bold: true, color: COLORS.primary })
  const priorities = topPriorities(c)
  if (priorities.length > 0) {
    w.paragraph(l.prioritiesHeading, { size: 10.5, bold: true, gap: 1 })
    for (const item of priorities) w.paragraph(`• ${itemTitle(c, item)} (${l.horizon[item.horizon]})`, { indent: 3, gap: 0.8 })
  }
  w.space(2)
  if (r.provisional) w.paragraph(fill(l.provisionalWarning, { answered: r.answered, total: r.total }), { size: 10, bold: true, color: COLORS.warning })
  w.paragraph(l.notRanking, { size: 9.5, color: COLORS.muted })
  w.paragraph(fill(l.generated, { date: c.date(c.generatedAt.toISOString()) }), { size: 9, color: COLORS.muted })
  const signOff = c.assessment.signOff
  w.space(2)
  w.signOff(l.signOffHeading, [
    [l.preparedBy, signOff?.preparedBy ?? ''],
    [l.approvedBy, signOff?.approvedBy ?? ''],
    [l.signOffDate, signOff?.date ? c.date(signOff.date) : ''],
  ])
}

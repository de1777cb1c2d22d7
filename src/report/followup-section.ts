import type { Assessment, Baseline } from '../domain/assessment'
import { compareFollowUp, type FollowUpComparison } from '../domain/followup-compare'
import type { Questionnaire } from '../domain/questionnaire'
import type en from '../i18n/locales/en.json'
import type { ReportContext } from './context'
import { followUpText, type FollowUpText } from './followup-text'
import { fill } from './labels'
import { COLORS } from './palette'
import type { ReportWriter, TableCell } from './writer'

/** The words of the follow-up section in one language: the `followup` section of a UI locale file. */
export type FollowUpLabels = (typeof en)['followup']

/** What a follow-up's report adds: the comparison with the earlier assessment kept inside it. */
export interface FollowUpReportInput {
  comparison: FollowUpComparison
  baseline: Pick<Baseline, 'source' | 'title'>
  earlierQuestionnaire: Questionnaire
  labels: FollowUpLabels
}

/**
 * The follow-up part of a report for `assessment`, or `undefined` when it is not a follow-up or the earlier
 * questionnaire version is not at hand (`findEarlier` looks it up by id and version).
 */
export function followUpReportInput(
  assessment: Pick<Assessment, 'answers' | 'baseline'>,
  questionnaire: Questionnaire,
  findEarlier: (id: string, version: string) => Questionnaire | undefined,
  labels: FollowUpLabels,
): FollowUpReportInput | undefined {
  const b = assessment.baseline
  if (!b) return undefined
  const earlier = questionnaire.id === b.questionnaireId && questionnaire.version === b.questionnaireVersion ? questionnaire : findEarlier(b.questionnaireId, b.questionnaireVersion)
  if (!earlier) return undefined
  const comparison = compareFollowUp({
    earlier: { questionnaire: earlier, answers: b.answers, profile: b.profile, roadmap: b.roadmap },
    current: { questionnaire, answers: assessment.answers },
  })
  return { comparison, baseline: b, earlierQuestionnaire: earlier, labels }
}

/** The section in the report's language: the same sentences as the results screen. */
export function reportFollowUpText(c: ReportContext, f: FollowUpReportInput): FollowUpText {
  const lookup = (key: string): string => {
    let entry: unknown = f.labels
    for (const part of key.split('.')) entry = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[part] : undefined
    return typeof entry === 'string' ? entry : key
  }
  return followUpText({
    questionnaire: c.questionnaire,
    earlierQuestionnaire: f.earlierQuestionnaire,
    locale: c.locale,
    tr: (key, params) => fill(lookup(key), params ?? {}),
    number: value => c.number(value),
    date: iso => c.date(iso),
    itemLabels: c.labels,
  }, f.comparison, f.baseline)
}

/** "Since <earlier date>": change per dimension and overall, the earlier roadmap's follow-through, what could not be compared. */
export function writeFollowUp(w: ReportWriter, c: ReportContext): void {
  if (!c.followUp) return
  const text = reportFollowUpText(c, c.followUp)
  w.newPage()
  w.heading(text.heading)
  w.paragraph(text.intro, { size: 9, color: COLORS.muted })
  for (const line of text.overall) w.paragraph(line, { bold: true, gap: 1 })
  w.space(2)
  w.table({
    head: text.dimensionHead,
    widths: ['auto', 30, 30, 17, 17, 34],
    align: ['left', 'left', 'left', 'right', 'right', 'left'],
    groups: text.dimensions.map(d => [d.cells]),
  })
  w.ensure(50)
  w.heading(text.throughHeading, 12)
  if (text.through.length === 0) w.paragraph(c.followUp.labels.through.empty)
  else {
    w.paragraph(text.summary, { gap: 2 })
    w.table({
      head: text.throughHead,
      widths: ['auto', 28, 22, 24, 24, 22],
      zebra: true,
      groups: text.through.map((row): TableCell[][] => {
        const [title, ...rest] = row.cells
        const head: TableCell[] = [{ text: title, bold: true }, ...rest.slice(0, 4), { text: rest[4]!, bold: true }]
        return row.note ? [head, [{ text: row.note, span: true, muted: true }]] : [head]
      }),
    })
  }
  w.ensure(30)
  w.heading(text.notComparedHeading, 12)
  if (text.notCompared.length === 0) w.paragraph(c.followUp.labels.notCompared.none)
  for (const line of text.notCompared) w.paragraph(`• ${line}`, { indent: 3, gap: 0.5 })
}

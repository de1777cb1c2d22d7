import { zipSync } from 'fflate'
import { assessmentFileName } from '../domain/assessment-file'
import { listCodes } from '../domain/list-text'
import { assessmentOutcome } from '../domain/outcome'
import { maxLevel, type Questionnaire } from '../domain/questionnaire'
import { consensusAssessment, delegationConsensus, type IndicatorConsensus } from '../domain/workshop-consensus'
import { findDelegation } from '../domain/workshop-model'
import { delegationSpreads, discussionOrder, discussionProgress, type DiscussionProgress, type IndicatorSpread } from '../domain/workshop-spread'
import type { Delegation, Participant, Workshop } from '../domain/workshop-model'
import { buildReportPdf } from './build-report'
import type { ReportContext } from './context'
import type { ReportFonts } from './document'
import { fill, type ReportLabels } from './labels'
import { COLORS } from './palette'
import type { ReportWriter, TableCell } from './writer'

/** Everything a delegation's workshop PDF needs: the workshop, which delegation, and the report's words, fonts and date. */
export interface WorkshopReportInput {
  questionnaire: Questionnaire
  workshop: Workshop
  delegationId: string
  /** The `report` section of a UI locale file (it holds `report.workshop`). */
  labels: ReportLabels
  /** The delegation's country in the report's language. */
  countryName: string
  generatedAt: Date
  fonts: ReportFonts
}

/** What the appendix shows about the group behind one delegation's consensus. */
export interface WorkshopGroup {
  workshop: Workshop
  delegation: Delegation
  spreads: IndicatorSpread[]
  consensus: IndicatorConsensus[]
  progress: DiscussionProgress
}

const plural = (locale: string, count: number) => (new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other')

/** "12 participants" in the report's language. */
function participantCount(c: Pick<ReportContext, 'locale'>, labels: ReportLabels, count: number): string {
  return fill(labels.workshop.participants[plural(c.locale, count)], { count })
}

/** How a participant is listed under their role: the name when the workshop shows names, else "P3". */
function shortLabel(participant: Participant, showNames: boolean): string {
  return showNames && participant.name !== undefined && participant.name.trim() !== '' ? participant.name.trim() : `P${participant.number}`
}

/** Participants grouped by role, roles in order of first appearance (by participant number), "no role" last. */
export function participantsByRole(participants: readonly Participant[]): Array<{ role: string, participants: Participant[] }> {
  const groups = new Map<string, Participant[]>()
  for (const participant of [...participants].sort((a, b) => a.number - b.number)) {
    const role = participant.role.trim()
    groups.set(role, [...(groups.get(role) ?? []), participant])
  }
  const named = [...groups].filter(([role]) => role !== '')
  const unnamed = groups.get('')
  return [...named, ...(unnamed ? [['', unnamed] as const] : [])].map(([role, list]) => ({ role, participants: [...list] }))
}

function consensusText(c: ReportContext, item: IndicatorConsensus): string {
  const l = c.labels
  if (item.choice === null) return l.workshop.noConsensus
  const answer = item.choice.kind === 'level' ? c.levelName(item.choice.level) : item.choice.kind === 'dont_know' ? l.dontKnow : l.notApplicable
  return `${answer} (${item.source === 'facilitator' ? l.workshop.byRoom : l.workshop.byMedian})`
}

/** The appendix on the group: participants and roles, then each discussion item with its spread, the consensus and its note. */
export function writeWorkshopAppendix(w: ReportWriter, c: ReportContext, group: WorkshopGroup): void {
  const l = c.labels
  const wl = l.workshop
  const { workshop, delegation } = group
  w.newPage()
  w.heading(wl.heading)
  w.paragraph(fill(wl.intro, { title: workshop.title }))
  w.paragraph(fill(wl.participantsLine, { participants: participantCount(c, l, delegation.participants.length) }), { bold: true })
  w.paragraph(workshop.showNames ? wl.named : wl.anonymous, { size: 9, color: COLORS.muted })
  const roles = participantsByRole(delegation.participants)
  if (roles.length > 0) {
    w.table({
      head: [wl.role, wl.people],
      widths: [60, 'auto'],
      groups: roles.map(({ role, participants }) => [[
        role === '' ? { text: wl.noRole, muted: true } : role,
        `${listCodes(participants.map(p => shortLabel(p, workshop.showNames)), c.locale)} (${participants.length})`,
      ]]),
      zebra: true,
    })
  }
  const count = (source: IndicatorConsensus['source']) => group.consensus.filter(item => item.source === source).length
  w.space(2)
  w.paragraph(fill(wl.sources, { chosen: count('facilitator'), median: count('default'), none: count('none') }), { size: 9.5 })

  const top = maxLevel(c.questionnaire)
  const items = discussionOrder(group.spreads).filter(s => s.isDiscussionItem)
  w.ensure(50)
  w.heading(wl.discussionHeading, 12)
  if (items.length === 0) {
    w.paragraph(wl.noDiscussion)
    return
  }
  w.paragraph(fill(wl.discussionIntro, { count: items.length, total: group.spreads.length, discussed: group.progress.discussed, top }), { size: 9, color: COLORS.muted })
  const consensus = new Map(group.consensus.map(item => [item.indicatorId, item]))
  const questions = new Map(c.questionnaire.indicators.map(i => [i.id, c.t(i.question)]))
  const levels = Array.from({ length: top + 1 }, (_, n) => n)
  const number = (value: number): TableCell => (value > 0 ? { text: String(value), bold: true } : { text: '0', muted: true })
  w.table({
    head: [l.indicator, ...levels.map(String), wl.dontKnowShort, wl.notApplicableShort, wl.consensus],
    widths: ['auto', ...levels.map(() => 7), 15, 11, 34],
    groups: items.map((spread) => {
      const item = consensus.get(spread.indicatorId)!
      const facts = [
        spread.median === null ? wl.noLevels : fill(wl.spreadLine, { median: spread.median, lowest: spread.lowest!, highest: spread.highest!, spread: spread.spread! }),
        ...(spread.unanswered > 0 ? [fill(wl.unanswered[plural(c.locale, spread.unanswered)], { count: spread.unanswered })] : []),
        item.note === '' ? wl.noNote : fill(wl.note, { note: item.note }),
      ]
      return [
        [
          { text: `${spread.indicatorId} ${questions.get(spread.indicatorId) ?? ''}`, bold: true },
          ...spread.levels.map(number),
          number(spread.dontKnow),
          number(spread.notApplicable),
          consensusText(c, item),
        ],
        [{ text: facts.join(' '), span: true }],
      ]
    }),
    zebra: true,
  })
}

/** The group facts of one delegation, computed by the domain (`workshop.ts`). */
export function workshopGroup(questionnaire: Questionnaire, workshop: Workshop, delegation: Delegation): WorkshopGroup {
  const spreads = delegationSpreads(questionnaire, delegation)
  return {
    workshop,
    delegation,
    spreads,
    consensus: delegationConsensus(questionnaire, delegation, workshop.showNames),
    progress: discussionProgress(spreads, delegation.consensus),
  }
}

/**
 * One delegation's workshop PDF: the consensus scored, planned and reported by the ordinary report code (cover,
 * summary, radar, roadmap, findings…), then the appendix on the group. Throws for an unknown delegation.
 */
export function buildWorkshopPdf(input: WorkshopReportInput): Uint8Array {
  const delegation = findDelegation(input.workshop, input.delegationId)
  const assessment = consensusAssessment(input.workshop, input.delegationId, input.questionnaire)
  if (delegation === undefined || assessment === undefined) throw new Error(`unknown delegation ${input.delegationId}`)
  const group = workshopGroup(input.questionnaire, input.workshop, delegation)
  const labels: ReportLabels = {
    ...input.labels,
    subtitle: fill(input.labels.workshop.subtitle, { title: input.workshop.title, participants: participantCount({ locale: assessment.locale }, input.labels, delegation.participants.length) }),
  }
  return buildReportPdf({
    questionnaire: input.questionnaire,
    assessment,
    ...assessmentOutcome(input.questionnaire, assessment),
    labels,
    countryName: input.countryName,
    generatedAt: input.generatedAt,
    fonts: input.fonts,
  }, (w, c) => writeWorkshopAppendix(w, c, group))
}

/** One named file. */
export interface NamedFile {
  name: string
  bytes: Uint8Array
}

/** A workshop PDF of one delegation. */
export interface WorkshopPdfFile extends NamedFile {
  delegationId: string
}

export interface WorkshopPdfsInput extends Omit<WorkshopReportInput, 'delegationId' | 'countryName'> {
  /** A country's name in the report's language (from its ISO code; '' when the profile has none). */
  countryName: (iso3: string) => string
  /** A country's name for the file name (English, made ASCII); the report's name when not given. */
  fileCountryName?: (iso3: string) => string
}

/**
 * Every delegation's workshop PDF in one go, named `<country>-<date>.workshop.pdf` (a second delegation of the same
 * country and date gets `-2`, and so on).
 */
export function buildWorkshopPdfs(input: WorkshopPdfsInput): WorkshopPdfFile[] {
  const used = new Set<string>()
  return input.workshop.delegations.map((delegation) => {
    const country = delegation.profile.country
    const bytes = buildWorkshopPdf({ ...input, delegationId: delegation.id, countryName: country ? input.countryName(country) : '—' })
    const stem = assessmentFileName(country ? (input.fileCountryName ?? input.countryName)(country) : input.workshop.title, delegation.profile.date, 'workshop')
    let name = `${stem}.pdf`
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}.pdf`
    used.add(name)
    return { delegationId: delegation.id, name, bytes }
  })
}

/** Files in one ZIP archive, stored as they are (PDFs are already compressed), dated for a stable archive. */
export function zipFiles(files: readonly NamedFile[], date: Date): Uint8Array {
  return zipSync(Object.fromEntries(files.map(file => [file.name, [file.bytes, { level: 0, mtime: date }]])))
}

import { countryNameNode, readReportFonts, readReportLabels } from '@/cli/report-node'
import { createMemoryAdapter } from '@/data/storage'
import { assessmentSchema, progressOf, type Answers, type Assessment } from '@/domain/assessment'
import { buildAssessmentFile, parseAssessmentFile, serializeAssessmentFile } from '@/domain/assessment-file'
import { checkQuestionnaire } from '@/domain/check'
import { assessmentOutcome } from '@/domain/outcome'
import { localize, maxLevel, type Questionnaire } from '@/domain/questionnaire'
import { buildReportPdf } from '@/report/build-report'
import { buildWorkshopPdf } from '@/report/workshop-report'
import { consensusAssessment, delegationConsensus, pooledNotes } from '@/domain/workshop-consensus'
import { delegationSpreads, discussionOrder, discussionProgress } from '@/domain/workshop-spread'
import { buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '@/domain/workshop-file'
import { workshopSchema, type Workshop } from '@/domain/workshop-model'

/**
 * What the app does with accepted input, in memory: store it through the real storage serialization, read it back
 * through the schema every stored record passes, score it, build the roadmap and format what the home list shows.
 * Throws (failing the caller's test) at the first step that cannot cope.
 */
export async function storeReadScoreList(questionnaire: Questionnaire, assessment: Assessment): Promise<Assessment> {
  const storage = createMemoryAdapter()
  const saved = await storage.put('assessments', assessment.id, assessment)
  if (!saved.ok) throw new Error(`storage refused: ${saved.error.code}`)
  const [record] = await storage.getAll<unknown>('assessments')
  const read = assessmentSchema.safeParse(record)
  if (!read.success) throw new Error(`stored assessment cannot be read back: ${JSON.stringify(read.error.issues.slice(0, 3))}`)
  const back = read.data

  const { result, roadmap } = assessmentOutcome(questionnaire, back)
  if (result.dimensions.length !== questionnaire.dimensions.length) throw new Error('scoring lost a dimension')
  const items = [...Object.values(roadmap.horizons).flat(), ...roadmap.later, ...roadmap.dropped]
  // "Find out" items rank first on purpose (priority +∞); NaN would break the order.
  for (const item of items) if (Number.isNaN(item.priority)) throw new Error(`roadmap item ${item.key} has priority ${item.priority}`)
  if (result.index !== null && !Number.isFinite(result.index)) throw new Error(`index ${result.index}`)

  // The home list and the report format these dates and texts; Intl throws RangeError on an impossible date.
  const long = new Intl.DateTimeFormat(back.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
  long.format(new Date(back.updatedAt))
  long.format(new Date(back.createdAt))
  if (back.profile.date) long.format(new Date(`${back.profile.date}T12:00:00Z`))
  for (const detail of Object.values(back.roadmap.details)) if (detail.targetDate) long.format(new Date(`${detail.targetDate}T12:00:00Z`))
  localize(questionnaire.title, back.locale)
  progressOf(questionnaire.indicators, back.answers)
  return back
}

/** A stored questionnaire read back the way the app keeps opened ones: JSON, then the checker again. */
export function storeQuestionnaire(questionnaire: Questionnaire): Questionnaire {
  const record = JSON.parse(JSON.stringify({ key: `file:${questionnaire.id}@${questionnaire.version}`, data: questionnaire })) as { data: unknown }
  const checked = checkQuestionnaire(record.data)
  if (!checked.ok) throw new Error(`a stored questionnaire fails the checker: ${JSON.stringify(checked.errors.slice(0, 3))}`)
  return checked.questionnaire
}

/** Exports an assessment as an answers file and imports it again with the same questionnaire: it must be accepted. */
export function exportAndImport(questionnaire: Questionnaire, assessment: Assessment): void {
  const text = serializeAssessmentFile(buildAssessmentFile(assessment, '2026-11-29T12:00:00.000Z'))
  const again = parseAssessmentFile(text, (id, version) => (id === questionnaire.id && version === questionnaire.version ? questionnaire : undefined))
  if (!again.ok) throw new Error(`an exported file is refused on import: ${JSON.stringify(again.errors.slice(0, 3))}`)
}

let fonts: ReturnType<typeof readReportFonts> | undefined

/** Builds the PDF roadmap the way the command line does; returns its size in bytes. */
export function buildPdf(questionnaire: Questionnaire, assessment: Assessment): number {
  fonts ??= readReportFonts()
  const { result, roadmap } = assessmentOutcome(questionnaire, assessment)
  const bytes = buildReportPdf({
    questionnaire, assessment, result, roadmap,
    labels: readReportLabels(assessment.locale),
    countryName: countryNameNode(assessment.profile.country, assessment.locale),
    generatedAt: new Date('2026-11-29T12:00:00Z'),
    fonts,
  })
  if (bytes.length < 1000) throw new Error('the PDF is empty')
  return bytes.length
}

/** Seeded answers for a questionnaire: levels within its scale, "don't know", "not applicable" where allowed, some left out. */
export function answersFor(questionnaire: Questionnaire, rand: () => number, evidence: string): Answers {
  const answers: Answers = {}
  const top = maxLevel(questionnaire)
  for (const indicator of questionnaire.indicators) {
    const roll = rand()
    const updatedAt = '2026-11-20T09:00:00.000Z'
    if (roll < 0.6) answers[indicator.id] = { kind: 'level', level: Math.floor(rand() * (top + 1)), confidence: 'document-backed', evidence, updatedAt }
    else if (roll < 0.75) answers[indicator.id] = { kind: 'dont_know', evidence: '', updatedAt }
    else if (roll < 0.85 && indicator.allowNotApplicable) answers[indicator.id] = { kind: 'not_applicable', evidence, updatedAt }
  }
  return answers
}

/**
 * What the app does with an accepted workshop: store it as JSON and read it back through the schema, show every
 * delegation's spreads, discussion order, progress, pooled notes and consensus, score and plan each consensus the way
 * an assessment is (through `storeReadScoreList`), and export and import the workshop file again. Returns each
 * delegation's consensus assessment.
 */
export async function storeReadWorkshop(questionnaire: Questionnaire, workshop: Workshop): Promise<Assessment[]> {
  const read = workshopSchema.safeParse(JSON.parse(JSON.stringify(workshop)))
  if (!read.success) throw new Error(`stored workshop cannot be read back: ${JSON.stringify(read.error.issues.slice(0, 3))}`)
  const back = read.data
  const out: Assessment[] = []
  for (const delegation of back.delegations) {
    const spreads = delegationSpreads(questionnaire, delegation)
    discussionOrder(spreads)
    const progress = discussionProgress(spreads, delegation.consensus)
    if (progress.discussed > progress.total) throw new Error('more items discussed than there are')
    for (const indicator of questionnaire.indicators) pooledNotes(indicator.id, delegation.participants, back.showNames)
    delegationConsensus(questionnaire, delegation, back.showNames)
    const assessment = consensusAssessment(back, delegation.id, questionnaire)
    if (!assessment) throw new Error(`delegation ${delegation.id} lost`)
    const checked = assessmentSchema.safeParse(assessment)
    if (!checked.success) throw new Error(`a consensus is not a valid assessment: ${JSON.stringify(checked.error.issues.slice(0, 3))}`)
    out.push(await storeReadScoreList(questionnaire, assessment))
  }
  const text = serializeWorkshopFile(buildWorkshopFile(back, '2026-11-29T12:00:00.000Z'))
  const again = parseWorkshopFile(text, (id, version) => (id === questionnaire.id && version === questionnaire.version ? questionnaire : undefined))
  if (!again.ok) throw new Error(`an exported workshop is refused on import: ${JSON.stringify(again.errors.slice(0, 3))}`)
  return out
}

/** Builds every delegation's workshop PDF the way the command line does; returns how many were built. */
export function buildWorkshopPdfs(questionnaire: Questionnaire, workshop: Workshop): number {
  fonts ??= readReportFonts()
  for (const delegation of workshop.delegations) {
    const bytes = buildWorkshopPdf({
      questionnaire, workshop, delegationId: delegation.id,
      labels: readReportLabels(workshop.locale),
      countryName: countryNameNode(delegation.profile.country, workshop.locale),
      generatedAt: new Date('2026-11-29T12:00:00Z'),
      fonts,
    })
    if (bytes.length < 1000) throw new Error('the workshop PDF is empty')
  }
  return workshop.delegations.length
}

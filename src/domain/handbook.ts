import { indicatorsOf, localize, type Action, type Questionnaire } from './questionnaire'
import { levelText } from './labels'
import { listCodes } from './list-text'
import { fillTemplate } from './template'

/** The fixed words of the handbook in one language (taken from the UI translations). */
export interface HandbookLabels {
  title: string
  version: string
  howToUseHeading: string
  howToUse: string[]
  /** Heading of the questionnaire's reading rules (shown when the questionnaire has instructions). */
  readingRulesHeading?: string
  levelsHeading: string
  level: string
  meaning: string
  dimension: string
  weight: string
  dependsOn: string
  guidance: string
  evidenceRequired: string
  notApplicableAllowed: string
  tick: string
  answer: string
  dontKnow: string
  notApplicable: string
  confidence: string
  selfDeclared: string
  documentBacked: string
  externallyValidated: string
  evidenceNote: string
  actionsHeading: string
  step: string
  action: string
  horizon: string
  effort: string
  owner: string
  sources: string
  variant: string
  horizons: Record<string, string>
  efforts: Record<string, string>
  variants: Record<string, string>
  archetypesHeading: string
  archetypesNote: string
  sourcesHeading: string
  none: string
  /** What follows a label before its value: ": " in English, " : " in French. */
  colon: string
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

const BOX = '☐'

/**
 * Renders a printable facilitator handbook (Markdown) for one locale: every dimension, question, guidance,
 * level descriptor with a box to tick, answer and evidence lines, the roadmap actions and the sources.
 */
export function renderHandbook(q: Questionnaire, locale: string, labels: HandbookLabels): string {
  const t = (text: Parameters<typeof localize>[0]) => localize(text, locale)
  const out: string[] = []
  const c = labels.colon
  const sourceList = (ids: readonly string[]) => (ids.length > 0 ? ids.map(id => `[${id}]`).join(' ') : labels.none)

  out.push(`# ${t(q.title)} — ${labels.title}`, '')
  out.push(`*${fillTemplate(labels.version, { id: q.id, version: q.version })}*`, '')
  out.push(t(q.description), '')
  out.push(`## ${labels.howToUseHeading}`, '')
  for (const paragraph of labels.howToUse) out.push(paragraph, '')
  if (q.instructions && q.instructions.length > 0) {
    out.push(`## ${labels.readingRulesHeading ?? labels.howToUseHeading}`, '')
    for (const paragraph of q.instructions) out.push(t(paragraph), '')
  }

  out.push(`## ${labels.levelsHeading}`, '')
  out.push(`| ${labels.level} | ${labels.meaning} |`, '| --- | --- |')
  for (const level of q.levels) out.push(`| ${cell(levelText(q, level.level, locale))} | ${cell(t(level.descriptor))} |`)
  out.push('')

  const dimensionTitle = new Map(q.dimensions.map(d => [d.id, t(d.title)]))
  q.dimensions.forEach((dimension, index) => {
    out.push(`## ${fillTemplate(labels.dimension, { n: index + 1 })} — ${t(dimension.title)}`, '')
    out.push(t(dimension.description), '')
    // Dimension names hold "and" themselves ("Mandate and anchoring"): listed with commas, not "A and B".
    const deps = listCodes(dimension.dependsOn.map(id => dimensionTitle.get(id) ?? id), locale)
    out.push(`${labels.weight}${c}${dimension.weight} · ${labels.dependsOn}${c}${deps || labels.none} · ${labels.sources}${c}${sourceList(dimension.sources)}`, '')

    for (const indicator of indicatorsOf(q, dimension.id)) {
      out.push(`### ${indicator.id} — ${t(indicator.question)}`, '')
      out.push(`**${labels.guidance}.** ${t(indicator.guidance)}`, '')
      const notes = [fillTemplate(labels.evidenceRequired, { level: indicator.evidenceRequiredFrom })]
      if (indicator.allowNotApplicable) notes.push(labels.notApplicableAllowed)
      out.push(`*${notes.join(' ')}*`, '')
      out.push(`| ${labels.tick} | ${labels.level} | ${labels.meaning} |`, '| --- | --- | --- |')
      indicator.descriptors.forEach((descriptor, level) => {
        out.push(`| ${BOX} | ${cell(levelText(q, level, locale))} | ${cell(t(descriptor))} |`)
      })
      out.push('')
      const choices = [`${BOX} ${labels.dontKnow}`]
      if (indicator.allowNotApplicable) choices.push(`${BOX} ${labels.notApplicable}`)
      out.push(`**${labels.answer}**${c}${labels.level} ____ ${choices.join(' ')}  `)
      out.push(`**${labels.confidence}**${c}${BOX} ${labels.selfDeclared} ${BOX} ${labels.documentBacked} ${BOX} ${labels.externallyValidated}  `)
      out.push(`**${labels.evidenceNote}**${c}________________________________________________`, '')
      if (indicator.sources.length > 0) out.push(`${labels.sources}${c}${sourceList(indicator.sources)}`, '')
    }

    const actions = q.actions.filter(a => a.dimension === dimension.id)
    if (actions.length > 0) {
      out.push(`### ${fillTemplate(labels.actionsHeading, { dimension: t(dimension.title) })}`, '')
      out.push(`| ${labels.step} | ${labels.action} | ${labels.horizon} | ${labels.effort} | ${labels.owner} | ${labels.sources} |`)
      out.push('| --- | --- | --- | --- | --- | --- |')
      for (const action of sortActions(actions)) {
        const steps = listCodes(action.steps.map(s => `${s.from}→${s.to}`), locale)
        let what = `**${cell(t(action.title))}** — ${cell(t(action.description))}`
        for (const [key, variant] of Object.entries(action.variants)) {
          const name = labels.variants[key] ?? key
          const title = variant.title ? `${cell(t(variant.title))}${c}` : ''
          what += `<br>*${fillTemplate(labels.variant, { name })}*${c}${title}${cell(t(variant.description))}`
        }
        out.push(`| ${steps} | ${what} | ${labels.horizons[action.horizon] ?? action.horizon} | ${labels.efforts[action.effort] ?? action.effort} | ${cell(t(action.owner))} | ${sourceList(action.sources)} |`)
      }
      out.push('')
    }
  })

  if (q.archetypes.length > 0) {
    out.push(`## ${labels.archetypesHeading}`, '', `*${labels.archetypesNote}*`, '')
    out.push(`| | ${q.dimensions.map(d => cell(t(d.title))).join(' | ')} |`)
    out.push(`| --- |${q.dimensions.map(() => ' --- |').join('')}`)
    for (const archetype of q.archetypes) {
      out.push(`| **${cell(t(archetype.title))}** | ${q.dimensions.map(d => String(archetype.scores[d.id] ?? '—')).join(' | ')} |`)
    }
    out.push('')
    for (const archetype of q.archetypes) out.push(`- **${t(archetype.title)}.** ${t(archetype.description)}`)
    out.push('')
  }

  out.push(`## ${labels.sourcesHeading}`, '')
  for (const source of q.sources) {
    const note = source.note ? ` — *${t(source.note)}*` : ''
    out.push(`- **[${source.id}]** ${t(source.title)}${source.url ? ` <${source.url}>` : ''}${note}`)
  }
  out.push('')
  return out.join('\n')
}

function sortActions(actions: readonly Action[]): Action[] {
  const firstStep = (a: Action) => Math.min(...a.steps.map(s => s.from))
  return [...actions].sort((a, b) => firstStep(a) - firstStep(b))
}

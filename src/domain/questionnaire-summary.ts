import type { Indicator, LocalizedText, Questionnaire } from './questionnaire'

/**
 * What the home page needs of a questionnaire, without its content: title, description, version, languages,
 * counts, and per indicator only what progress needs (its id and from which level an evidence note is required).
 */
export interface QuestionnaireSummary {
  id: string
  version: string
  title: LocalizedText
  description: LocalizedText
  /** Languages the questionnaire's texts are written in, `en` first as in the file. */
  locales: string[]
  dimensionCount: number
  actionCount: number
  indicators: Array<Pick<Indicator, 'id' | 'evidenceRequiredFrom'>>
}

/** A questionnaire reduced to its summary (a few hundred bytes instead of the whole file). */
export function summarizeQuestionnaire(q: Questionnaire): QuestionnaireSummary {
  return {
    id: q.id,
    version: q.version,
    title: q.title,
    description: q.description,
    locales: [...q.locales],
    dimensionCount: q.dimensions.length,
    actionCount: q.actions.length,
    indicators: q.indicators.map(i => ({ id: i.id, evidenceRequiredFrom: i.evidenceRequiredFrom })),
  }
}

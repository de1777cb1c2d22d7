import { localize, type Level } from './questionnaire'

/** The part of a questionnaire that names its levels. */
export interface Scale {
  readonly levels: readonly Level[]
}

/*
 * The one formatting layer for the words that name levels, stages and countries. The screens, the PDF, the CSV
 * files, the handbook and the command line all write them through these functions, so they cannot drift apart.
 */

/** A level's short name in `locale` ("Established"); '' when the scale has no such level. */
export function levelName(questionnaire: Scale, level: number, locale: string): string {
  return localize(questionnaire.levels[level]?.label, locale)
}

/** How a level is written everywhere: its number, a middle dot, its name ("3 · Established"). */
export function levelText(questionnaire: Scale, level: number, locale: string): string {
  const name = levelName(questionnaire, level, locale)
  return name === '' ? String(level) : `${level} · ${name}`
}

/** A stage as written everywhere ("3 · Established"); `none` for a dimension without a stage. */
export function stageText(questionnaire: Scale, stage: number | null, locale: string, none = '—'): string {
  return stage === null ? none : levelText(questionnaire, stage, locale)
}

/** A country or territory named in some language. */
export interface CountryName {
  iso3: string
  name: string
}

/**
 * A country's name: from the first list that names its ISO 3166-1 alpha-3 code (the user's language first, then
 * English), else the code itself; '' when no country is set.
 */
export function countryName(iso3: string, ...lists: ReadonlyArray<readonly CountryName[]>): string {
  if (iso3 === '') return ''
  for (const list of lists) {
    const found = list.find(c => c.iso3 === iso3)?.name
    if (found) return found
  }
  return iso3
}

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value)

/** A partial translation of `T`: any section or string may be missing. */
export type PartialMessages<T> = { [K in keyof T]?: T[K] extends string | readonly unknown[] ? T[K] : PartialMessages<T[K]> }

/**
 * The words of a language with English filling every gap, at any depth: a missing or empty string, or a missing
 * section, comes from `english`. Lists (paragraphs) are taken whole from the translation when it has them.
 */
export function withEnglishFallback<T extends object>(english: T, translated: PartialMessages<T> | undefined): T {
  if (translated === undefined) return english
  const out: Plain = { ...(english as Plain) }
  for (const [key, value] of Object.entries(translated)) {
    const base = (english as Plain)[key]
    if (value === undefined || value === '') continue
    out[key] = isPlain(base) && isPlain(value) ? withEnglishFallback<Plain>(base, value as PartialMessages<Plain>) : value
  }
  return out as T
}

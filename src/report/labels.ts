import type en from '../i18n/locales/en.json'

/** The fixed words of the PDF report in one language: the `report` section of a UI locale file. */
export type ReportLabels = (typeof en)['report']

/** Replaces `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

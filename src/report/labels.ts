import type en from '../i18n/locales/en.json'

/** The fixed words of the PDF report in one language: the `report` section of a UI locale file. */
export type ReportLabels = (typeof en)['report']

export { fillTemplate as fill } from '../domain/template'

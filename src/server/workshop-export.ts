import type { Workshop } from '../domain/workshop-model'

/** The export of a live workshop: the shared workshop model, as a `.tdw.json` file. */
export function buildWorkshopExport(workshop: Workshop, exportedAt: string) {
  return { format: 'tech-diplomacy-workshop', schemaVersion: 1, exportedAt, workshop }
}

/** `workshop-<title>-<date>.tdw.json`, with the title reduced to safe letters. */
export function workshopExportFileName(workshop: Workshop, exportedAt: string): string {
  const slug = workshop.title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'workshop'
  return `workshop-${slug}-${exportedAt.slice(0, 10)}.tdw.json`
}

import type { ReportContext } from './context'
import { writeCover } from './cover'
import { writeDimensionTable } from './dimension-table'
import { writeFindings } from './findings'
import { writeFollowUp } from './followup-section'
import { writeGaps, writeMethod, writeSources } from './method'
import { writeRoadmap } from './roadmap-section'
import { writeSummary } from './summary'
import type { ReportWriter } from './writer'

/** Every section of the report in order, written to the PDF or the Word document alike. */
export function writeReport(w: ReportWriter, c: ReportContext): void {
  writeCover(w, c)
  writeSummary(w, c)
  writeDimensionTable(w, c)
  writeFollowUp(w, c)
  writeRoadmap(w, c)
  writeFindings(w, c)
  writeGaps(w, c)
  writeMethod(w, c)
  writeSources(w, c)
}

import { ref } from 'vue'
import { downloadBytes } from './download'
import { nowIso } from './clock'
import { loadCountries } from '@/data/countries'
import { loadReportFonts } from '@/data/fonts'
import type { Assessment } from '@/domain/assessment'
import { assessmentFileName } from '@/domain/assessment-file'
import { countryName } from '@/domain/labels'
import { assessmentOutcome } from '@/domain/outcome'
import type { Questionnaire } from '@/domain/questionnaire'
import { loadMessages } from '@/i18n'

/** The two forms of the report: the PDF to table, and the Word document to edit. */
export type ReportFileFormat = 'pdf' | 'docx'

/**
 * Makes the report in the browser (PDF or Word) and offers it as a download. jsPDF and the fonts, or the Word
 * library, load only on first use of each.
 */
export function usePdfReport() {
  const isBusy = ref(false)
  const showProgress = ref(false)
  const error = ref<string | null>(null)

  /** `earlierQuestionnaire`: a follow-up's earlier questionnaire version, when it is not the assessment's own. */
  async function download(assessment: Assessment, questionnaire: Questionnaire, format: ReportFileFormat = 'pdf', earlierQuestionnaire?: Questionnaire): Promise<void> {
    if (isBusy.value) return
    isBusy.value = true
    error.value = null
    const timer = setTimeout(() => { showProgress.value = true }, 500)
    try {
      const [messages, countries, englishCountries] = await Promise.all([loadMessages(assessment.locale), loadCountries(assessment.locale), loadCountries('en')])
      const { followUpReportInput } = await import('@/report/followup-section')
      const followUp = followUpReportInput(assessment, questionnaire, () => earlierQuestionnaire, messages.followup)
      const input = {
        ...(followUp ? { followUp } : {}),
        questionnaire,
        assessment,
        ...assessmentOutcome(questionnaire, assessment),
        labels: messages.report,
        countryName: assessment.profile.country ? countryName(assessment.profile.country, countries, englishCountries) : '—',
        generatedAt: new Date(nowIso()),
      }
      const english = countryName(assessment.profile.country, englishCountries)
      if (format === 'docx') {
        const { buildReportDocx } = await import('@/report/build-docx')
        const bytes = await buildReportDocx(input)
        downloadBytes(assessmentFileName(english, assessment.profile.date, 'roadmap.docx'), bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      }
      else {
        const [{ buildReportPdf }, fonts] = await Promise.all([import('@/report/build-report'), loadReportFonts()])
        await new Promise(resolve => setTimeout(resolve, 0)) // let the progress message paint before the CPU-bound part
        downloadBytes(assessmentFileName(english, assessment.profile.date, 'roadmap.pdf'), buildReportPdf({ ...input, fonts }), 'application/pdf')
      }
    }
    catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
    }
    finally {
      clearTimeout(timer)
      isBusy.value = false
      showProgress.value = false
    }
  }

  return { download, isBusy, showProgress, error }
}

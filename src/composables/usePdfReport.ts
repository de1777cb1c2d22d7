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

/** Makes the PDF roadmap in the browser and offers it as a download. jsPDF and the fonts load only on first use. */
export function usePdfReport() {
  const isBusy = ref(false)
  const showProgress = ref(false)
  const error = ref<string | null>(null)

  async function download(assessment: Assessment, questionnaire: Questionnaire): Promise<void> {
    if (isBusy.value) return
    isBusy.value = true
    error.value = null
    const timer = setTimeout(() => { showProgress.value = true }, 500)
    try {
      const [{ buildReportPdf }, fonts, messages, countries, englishCountries] = await Promise.all([
        import('@/report/build-report'),
        loadReportFonts(),
        loadMessages(assessment.locale),
        loadCountries(assessment.locale),
        loadCountries('en'),
      ])
      await new Promise(resolve => setTimeout(resolve, 0)) // let the progress message paint before the CPU-bound part
      const { result, roadmap } = assessmentOutcome(questionnaire, assessment)
      const bytes = buildReportPdf({
        questionnaire, assessment, result, roadmap,
        labels: messages.report,
        countryName: assessment.profile.country ? countryName(assessment.profile.country, countries, englishCountries) : '—',
        generatedAt: new Date(nowIso()),
        fonts,
      })
      const english = countryName(assessment.profile.country, englishCountries)
      downloadBytes(assessmentFileName(english, assessment.profile.date, 'roadmap.pdf'), bytes, 'application/pdf')
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

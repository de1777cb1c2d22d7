import { ref } from 'vue'
import { downloadBytes } from './download'
import { nowIso } from './clock'
import { loadCountries } from '@/data/countries'
import { loadReportFonts } from '@/data/fonts'
import { assessmentFileName } from '@/domain/assessment-file'
import { countryName } from '@/domain/labels'
import type { Questionnaire } from '@/domain/questionnaire'
import { workshopFileName } from '@/domain/workshop-file'
import type { Workshop } from '@/domain/workshop-model'
import { loadMessages } from '@/i18n'

/**
 * The workshop PDF made in the browser (the consensus' report with the appendix on the group, by ws-core's builder):
 * one delegation's, or every delegation's in one ZIP. jsPDF and the fonts load only on first use.
 */
export function useWorkshopPdf() {
  const isBusy = ref(false)
  const showProgress = ref(false)
  const error = ref<string | null>(null)

  async function run(make: () => Promise<void>): Promise<void> {
    if (isBusy.value) return
    isBusy.value = true
    error.value = null
    const timer = setTimeout(() => { showProgress.value = true }, 500)
    try {
      await make()
    }
    catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause)
    }
    finally {
      clearTimeout(timer)
      showProgress.value = false
      isBusy.value = false
    }
  }

  async function inputs(workshop: Workshop) {
    const [messages, countries, english, { buildWorkshopPdf, buildWorkshopPdfs, zipFiles }, fonts] = await Promise.all([
      loadMessages(workshop.locale), loadCountries(workshop.locale), loadCountries('en'), import('@/report/workshop-report'), loadReportFonts(),
    ])
    await new Promise(resolve => setTimeout(resolve, 0)) // let the progress message paint before the CPU-bound part
    const name = (iso3: string) => countryName(iso3, countries, english)
    const fileName = (iso3: string) => countryName(iso3, english)
    return { messages, name, fileName, fonts, buildWorkshopPdf, buildWorkshopPdfs, zipFiles }
  }

  /** One delegation's workshop PDF. */
  function download(workshop: Workshop, delegationId: string, questionnaire: Questionnaire): Promise<void> {
    return run(async () => {
      const delegation = workshop.delegations.find(d => d.id === delegationId)
      if (!delegation) return
      const { messages, name, fileName, fonts, buildWorkshopPdf } = await inputs(workshop)
      const country = delegation.profile.country
      const bytes = buildWorkshopPdf({
        questionnaire, workshop, delegationId, labels: messages.report, countryName: country ? name(country) : '—', generatedAt: new Date(nowIso()), fonts,
      })
      downloadBytes(`${assessmentFileName(country ? fileName(country) : workshop.title, delegation.profile.date, 'workshop')}.pdf`, bytes, 'application/pdf')
    })
  }

  /** Every delegation's workshop PDF, in one ZIP file. */
  function downloadAll(workshop: Workshop, questionnaire: Questionnaire): Promise<void> {
    return run(async () => {
      const { messages, name, fileName, fonts, buildWorkshopPdfs, zipFiles } = await inputs(workshop)
      const now = new Date(nowIso())
      const files = buildWorkshopPdfs({ questionnaire, workshop, labels: messages.report, countryName: name, fileCountryName: fileName, generatedAt: now, fonts })
      downloadBytes(workshopFileName(workshop.title, nowIso().slice(0, 10), 'workshop-pdfs.zip'), zipFiles(files, now), 'application/zip')
    })
  }

  return { download, downloadAll, isBusy, showProgress, error }
}

import type { ReportFonts } from '@/report/document'

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

let fonts: Promise<ReportFonts> | undefined

/** The PDF fonts, fetched from the app's own public/fonts on first use (never from another site). */
export function loadReportFonts(): Promise<ReportFonts> {
  fonts ??= (async () => {
    const read = async (name: string) => {
      const response = await fetch(`${import.meta.env.BASE_URL}fonts/${name}`)
      if (!response.ok) throw new Error(`font ${name}: HTTP ${response.status}`)
      return toBase64(await response.arrayBuffer())
    }
    const [regular, bold] = await Promise.all([read('DejaVuSans.ttf'), read('DejaVuSans-Bold.ttf')])
    return { regular, bold }
  })()
  fonts.catch(() => { fonts = undefined })
  return fonts
}

/** Page geometry in millimetres (A4 portrait). */
export const PAGE = { width: 210, height: 297, margin: 18, top: 22, bottom: 20 }
export const CONTENT_WIDTH_MM = PAGE.width - 2 * PAGE.margin
/** The report's colours, shared by the PDF and the Word document. */
export const COLORS = { primary: [29, 78, 137] as const, text: [27, 31, 36] as const, muted: [74, 85, 99] as const, grid: [190, 198, 208] as const, accent: [242, 177, 52] as const, warning: [122, 75, 0] as const, shade: [245, 247, 250] as const }
/** The same colours as hexadecimal RRGGBB (Word's notation). */
export const COLORS_HEX = Object.fromEntries(Object.entries(COLORS).map(([name, rgb]) => [name, rgb.map(v => v.toString(16).padStart(2, '0')).join('').toUpperCase()])) as Record<keyof typeof COLORS, string>
/** The font family registered in the PDF (DejaVu Sans: Latin and Arabic in one face). */
export const FONT = 'DejaVuSans'

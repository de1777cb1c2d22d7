import type { UserOptions } from 'jspdf-autotable'
import { COLORS, FONT, PAGE } from './document'

/** Table look shared by every table of the report. `textOptions: {}` keeps Arabic cells joined and in order. */
export function tableStyles(): Partial<UserOptions> {
  return {
    margin: { left: PAGE.margin, right: PAGE.margin, top: PAGE.top, bottom: PAGE.bottom },
    styles: { font: FONT, fontSize: 8.5, cellPadding: 1.8, textColor: [...COLORS.text], lineColor: [...COLORS.grid], lineWidth: 0.15, valign: 'top', overflow: 'linebreak', textOptions: {} } as UserOptions['styles'],
    headStyles: { fillColor: [...COLORS.primary], textColor: [255, 255, 255], fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [245, 247, 250] },
    theme: 'grid',
    rowPageBreak: 'avoid',
  }
}

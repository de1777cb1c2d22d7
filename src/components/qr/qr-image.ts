import encodeQR from 'qr'
import decodeQR from 'qr/decode.js'

/**
 * The QR library behind one small module, imported lazily by the QR screens so it never weighs on the first page.
 * Error correction "medium" (15 %): a code on a phone screen survives glare and a thumb on a corner.
 */

/** Modules of white border around a code (the quiet zone a scanner needs; 4 is the standard's). */
export const QR_BORDER = 4

/** A QR code as one SVG path: `size` modules square (border included), dark modules in `path`, and its QR version (1–40). */
export interface QrDrawing {
  size: number
  path: string
  version: number
}

/** Draws a text as a QR code. */
export function drawQr(text: string): QrDrawing {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: QR_BORDER })
  const parts: string[] = []
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`)
    })
  })
  return { size: matrix.length, path: parts.join(''), version: (matrix.length - 2 * QR_BORDER - 17) / 4 }
}

/** RGBA pixels, as a canvas's `ImageData` holds them. */
export interface Pixels {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** The text of the QR code in an image, or `null` when none is found (a camera frame that missed is not an error). */
export function readQr(pixels: Pixels, thorough = false): string | null {
  try {
    return decodeQR(pixels, thorough ? { effort: Infinity, timeLimit: Infinity } : {})
  }
  catch {
    return null
  }
}

import encodeQR from 'qr'

/**
 * A QR code of `text` drawn with block characters for a terminal (light modules drawn, as on a dark terminal),
 * two rows of modules per line. The same QR library as the app's (`src/components/qr/qr-image.ts`), error
 * correction "medium" as there.
 */
export function terminalQr(text: string): string {
  return encodeQR(text, 'ascii', { ecc: 'medium' })
}

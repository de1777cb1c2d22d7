import type { Locator, Page } from '@playwright/test'

/**
 * A picture of a QR code as a camera would film it: the code's screenshot placed in the middle of a white
 * `width` × `height` frame, as grey levels (one byte per pixel, 0 black … 255 white). Drawn by the page's own canvas.
 */
export async function frameOf(page: Page, png: Buffer, width: number, height: number): Promise<Uint8Array> {
  const grey = await page.evaluate(async ({ base64, width, height }) => {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0))
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')!
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
    const side = Math.min(width, height) * 0.8
    context.drawImage(bitmap, (width - side) / 2, (height - side) / 2, side, side)
    const { data } = context.getImageData(0, 0, width, height)
    const out: number[] = []
    for (let index = 0; index < data.length; index += 4) out.push(Math.round(0.299 * data[index]! + 0.587 * data[index + 1]! + 0.114 * data[index + 2]!))
    return out
  }, { base64: png.toString('base64'), width, height })
  return Uint8Array.from(grey)
}

/**
 * A YUV4MPEG2 video (what Chromium's fake camera plays with `--use-file-for-fake-video-capture`): `frames` copies of
 * one grey picture in 4:2:0, the colour planes neutral (128).
 */
export function y4mVideo(width: number, height: number, grey: Uint8Array, frames: number): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii')
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), Buffer.from(grey), chroma])
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)])
}

/** A screenshot of an element with a white margin (the quiet zone a camera needs is part of the code's own drawing). */
export async function screenshotOf(element: Locator): Promise<Buffer> {
  return element.screenshot({ animations: 'disabled' })
}

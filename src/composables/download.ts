/** Offers text to the user as a downloaded file. Nothing leaves the browser: the file is made locally. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: mimeType }))
}

export function downloadBytes(fileName: string, bytes: Uint8Array, mimeType: string): void {
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type: mimeType }))
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

import type { Response } from 'express'

/**
 * Sends a stored document as a download, never shown inline: the type we recognised it as, no
 * sniffing, no caching, and a policy that runs nothing should a browser open it anyway.
 */
export function sendDocument(res: Response, file: { fileName: string; contentType: string; bytes: Buffer }): void {
  res.attachment(file.fileName)
  res.set({
    'Content-Type': file.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  })
  res.send(file.bytes)
}

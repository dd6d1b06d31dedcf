/**
 * Sealing bids: AES-256-GCM from node:crypto, pure functions (no I/O).
 *
 * Each tender has its own random 256-bit data key. The database holds it only wrapped (encrypted)
 * by the master key, which lives outside the database (BID_MASTER_KEY, or a key file in
 * development). Bid content and attachments are sealed under the data key with additional
 * authenticated data that binds each ciphertext to its tender and bid, so a ciphertext copied onto
 * another bid's row fails to open rather than being read as that bid's.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export type Sealed = { ciphertext: string; iv: string; tag: string } // base64 each

const ALGORITHM = 'aes-256-gcm'
const KEY_BYTES = 32
const IV_BYTES = 12

function checkKey(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`${what} must be ${KEY_BYTES} bytes; got ${key.length}`)
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

export function seal(key: Buffer, aad: string, plaintext: Buffer): Sealed {
  checkKey(key, 'A sealing key')
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

/** Throws if the key, the binding or a single bit of the ciphertext is wrong. */
export function unseal(key: Buffer, aad: string, sealed: Sealed): Buffer {
  checkKey(key, 'A sealing key')
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()])
}

/** What each kind of ciphertext is bound to. */
export const binding = {
  tenderKey: (tenderId: string) => `placewise/v1/tender-key/${tenderId}`,
  bid: (tenderId: string, bidId: string) => `placewise/v1/bid/${tenderId}/${bidId}`,
  attachmentMeta: (tenderId: string, bidId: string, attachmentId: string) =>
    `placewise/v1/attachment-meta/${tenderId}/${bidId}/${attachmentId}`,
  attachment: (tenderId: string, bidId: string, attachmentId: string) => `placewise/v1/attachment/${tenderId}/${bidId}/${attachmentId}`,
}

export function wrapDataKey(masterKey: Buffer, tenderId: string, dataKey: Buffer): Sealed {
  checkKey(masterKey, 'The bid master key')
  checkKey(dataKey, 'A tender data key')
  return seal(masterKey, binding.tenderKey(tenderId), dataKey)
}

export function unwrapDataKey(masterKey: Buffer, tenderId: string, wrapped: Sealed): Buffer {
  checkKey(masterKey, 'The bid master key')
  return unseal(masterKey, binding.tenderKey(tenderId), wrapped)
}

import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../domain/live-protocol'

/** A secret: 256 random bits, URL-safe (the facilitator's key and each participant's token). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function newWorkshopId(): string {
  return randomUUID()
}

/** A delegation's id: random, so it says nothing of the country (a participant sees only the ids of their workshop). */
export function newDelegationId(): string {
  return randomBytes(9).toString('base64url')
}

/** A join code drawn uniformly from the code alphabet. It lets one join, nothing more: reading answers needs the facilitator's secret. */
export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

/** What the database keeps of a secret: its SHA-256 (hex). */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Compares a presented secret with a stored digest in constant time. */
export function matchesDigest(secret: string, digest: string): boolean {
  const presented = Buffer.from(digestOf(secret), 'hex')
  const stored = Buffer.from(digest, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

/** The bearer secret of an `Authorization: Bearer …` header, or undefined. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '')
  return match?.[1]
}

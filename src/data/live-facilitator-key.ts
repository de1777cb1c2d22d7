/**
 * The facilitator's key of a live workshop, kept in this browser only (never in the workshop record, so never in a
 * workshop file): taken from the facilitator's address the first time it is opened here. Whoever has it can see
 * every answer and delete the workshop on the server.
 */
const PREFIX = 'tdma.live.facilitator.'

export function facilitatorKey(workshopId: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(`${PREFIX}${workshopId}`) ?? undefined
  }
  catch {
    return undefined
  }
}

/** Keeps the key; `false` when this browser cannot store it (private mode with storage refused). */
export function keepFacilitatorKey(workshopId: string, key: string): boolean {
  try {
    globalThis.localStorage.setItem(`${PREFIX}${workshopId}`, key)
    return true
  }
  catch {
    return false
  }
}

export function forgetFacilitatorKey(workshopId: string): void {
  try {
    globalThis.localStorage?.removeItem(`${PREFIX}${workshopId}`)
  }
  catch {
    // Nothing stored, nothing to forget.
  }
}

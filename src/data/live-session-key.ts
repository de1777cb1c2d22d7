/**
 * Where a device keeps its part in a live workshop (see live-session.ts), and whether an assessment has one: a check
 * cheap enough for the app's frame (the footer says where answers go) without loading the live workshop's code.
 */
export const LIVE_SESSION_PREFIX = 'tdma.live.'

/** Which session answers for a workshop on this device, by server origin and join code (see `findJoinedSession`). */
export const LIVE_JOIN_PREFIX = 'tdma.live-join.'

export function hasLiveSession(assessmentId: string): boolean {
  try {
    return globalThis.localStorage?.getItem(`${LIVE_SESSION_PREFIX}${assessmentId}`) != null
  }
  catch {
    return false
  }
}

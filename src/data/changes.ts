/** What one tab tells the others after it changed stored data. */
export type ChangeMessage =
  | { kind: 'assessment-saved', id: string, revision: number }
  | { kind: 'assessment-deleted', id: string }
  | { kind: 'questionnaire-saved', key: string }

export interface ChangeChannel {
  post(message: ChangeMessage): void
  close(): void
}

const CHANNEL = 'tech-diplomacy-assessment:changes'

function isChangeMessage(value: unknown): value is ChangeMessage {
  if (value === null || typeof value !== 'object') return false
  const m = value as Record<string, unknown>
  if (m.kind === 'assessment-saved') return typeof m.id === 'string' && typeof m.revision === 'number'
  if (m.kind === 'assessment-deleted') return typeof m.id === 'string'
  return m.kind === 'questionnaire-saved' && typeof m.key === 'string'
}

/**
 * Opens the channel between this app's tabs (BroadcastChannel); where the browser has none, messages go nowhere and
 * conflicts are still caught when saving, by revision.
 */
export function openChangeChannel(onMessage: (message: ChangeMessage) => void): ChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined }
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChangeMessage(event.data)) onMessage(event.data)
  }
  return { post: message => channel.postMessage(message), close: () => channel.close() }
}

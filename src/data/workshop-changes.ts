/** What one tab tells the others after it changed a stored workshop. */
export type WorkshopChangeMessage =
  | { kind: 'workshop-saved', id: string, revision: number }
  | { kind: 'workshop-deleted', id: string }

export interface WorkshopChangeChannel {
  post(message: WorkshopChangeMessage): void
  close(): void
}

// A channel of its own, so the assessments' listeners never see workshop messages.
const CHANNEL = 'tech-diplomacy-assessment:workshops'

function isWorkshopChangeMessage(value: unknown): value is WorkshopChangeMessage {
  if (value === null || typeof value !== 'object') return false
  const m = value as Record<string, unknown>
  if (m.kind === 'workshop-saved') return typeof m.id === 'string' && typeof m.revision === 'number'
  return m.kind === 'workshop-deleted' && typeof m.id === 'string'
}

/** Opens the channel between this app's tabs; without BroadcastChannel, conflicts are still caught when saving, by revision. */
export function openWorkshopChannel(onMessage: (message: WorkshopChangeMessage) => void): WorkshopChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined }
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isWorkshopChangeMessage(event.data)) onMessage(event.data)
  }
  return { post: message => channel.postMessage(message), close: () => channel.close() }
}

/** What one tab tells the others after it saved or deleted a record of the kind `P` (`assessment-saved`, `workshop-deleted`). */
export type RecordChangeMessage<P extends string> =
  | { kind: `${P}-saved`, id: string, revision: number }
  | { kind: `${P}-deleted`, id: string }

/** One end of a channel between this app's tabs. */
export interface TabChannel<M> {
  post(message: M): void
  close(): void
}

/** Whether `value` says that another tab saved a record of the kind `prefix` (and at which revision). */
export function isRecordSavedMessage<P extends string>(value: unknown, prefix: P): value is Extract<RecordChangeMessage<P>, { revision: number }> {
  const m = asObject(value)
  return m?.kind === `${prefix}-saved` && typeof m.id === 'string' && typeof m.revision === 'number'
}

/** Whether `value` says that another tab deleted a record of the kind `prefix`. */
export function isRecordDeletedMessage<P extends string>(value: unknown, prefix: P): value is Exclude<RecordChangeMessage<P>, { revision: number }> {
  const m = asObject(value)
  return m?.kind === `${prefix}-deleted` && typeof m.id === 'string'
}

/** Whether `value` is a well-formed save or deletion message about records of the kind `prefix`. */
export function isRecordChangeMessage<P extends string>(value: unknown, prefix: P): value is RecordChangeMessage<P> {
  return isRecordSavedMessage(value, prefix) || isRecordDeletedMessage(value, prefix)
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
}

/**
 * Opens a named channel between this app's tabs (BroadcastChannel) that passes on only the messages `isMessage`
 * accepts; where the browser has none, messages go nowhere and conflicts are still caught when saving, by revision.
 */
export function openTabChannel<M>(name: string, isMessage: (value: unknown) => value is M, onMessage: (message: M) => void): TabChannel<M> {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined }
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isMessage(event.data)) onMessage(event.data)
  }
  return { post: message => channel.postMessage(message), close: () => channel.close() }
}

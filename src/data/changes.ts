import { isRecordChangeMessage, openTabChannel, type RecordChangeMessage, type TabChannel } from './record-changes'

/** What one tab tells the others after it changed stored data. */
export type ChangeMessage =
  | RecordChangeMessage<'assessment'>
  | { kind: 'questionnaire-saved', key: string }

export type ChangeChannel = TabChannel<ChangeMessage>

const CHANNEL = 'tech-diplomacy-assessment:changes'

function isChangeMessage(value: unknown): value is ChangeMessage {
  if (isRecordChangeMessage(value, 'assessment')) return true
  const m = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  return m?.kind === 'questionnaire-saved' && typeof m.key === 'string'
}

/** Opens the channel between this app's tabs for assessments and questionnaires. */
export function openChangeChannel(onMessage: (message: ChangeMessage) => void): ChangeChannel {
  return openTabChannel(CHANNEL, isChangeMessage, onMessage)
}

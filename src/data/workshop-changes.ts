import { isRecordChangeMessage, openTabChannel, type RecordChangeMessage, type TabChannel } from './record-changes'

/** What one tab tells the others after it changed a stored workshop. */
export type WorkshopChangeMessage = RecordChangeMessage<'workshop'>

export type WorkshopChangeChannel = TabChannel<WorkshopChangeMessage>

// A channel of its own, so the assessments' listeners never see workshop messages.
const CHANNEL = 'tech-diplomacy-assessment:workshops'

const isWorkshopChangeMessage = (value: unknown): value is WorkshopChangeMessage => isRecordChangeMessage(value, 'workshop')

/** Opens the channel between this app's tabs for workshops. */
export function openWorkshopChannel(onMessage: (message: WorkshopChangeMessage) => void): WorkshopChangeChannel {
  return openTabChannel(CHANNEL, isWorkshopChangeMessage, onMessage)
}

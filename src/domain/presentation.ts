import type { Questionnaire } from './questionnaire'
import { delegationConsensus, type IndicatorConsensus } from './workshop-consensus'
import { delegationSpreads, discussionProgress, type IndicatorSpread } from './workshop-spread'
import type { Delegation } from './workshop-model'

/**
 * What the projector shows in a workshop's presentation mode, one screen at a time: an opening screen, then each
 * discussion item (questionnaire order), then each dimension with every indicator's spread and consensus. Screens
 * carry counts and ids only, never a participant's name or role, so nothing personal reaches the wall.
 */

/** One indicator on the wall: how the room answered it and what it agreed (or what stands by default). */
export interface PresentedIndicator {
  indicatorId: string
  spread: IndicatorSpread
  consensus: IndicatorConsensus
}

export type PresentationScreen =
  | { kind: 'opening', participants: number, discussionItems: number, discussed: number }
  /** Discussion item `number` of `of` (1-based). */
  | { kind: 'item', number: number, of: number, dimensionId: string, item: PresentedIndicator }
  /** Dimension `number` of `of` (1-based), its indicators in questionnaire order. */
  | { kind: 'dimension', number: number, of: number, dimensionId: string, indicators: PresentedIndicator[] }

/** The screens of a delegation's presentation, in the order they are shown. */
export function presentationScreens(questionnaire: Pick<Questionnaire, 'indicators' | 'levels' | 'dimensions'>, delegation: Pick<Delegation, 'participants' | 'consensus'>): PresentationScreen[] {
  const spreads = delegationSpreads(questionnaire, delegation)
  // Names never reach the wall: the consensus notes are built as for an anonymous workshop.
  const consensus = delegationConsensus(questionnaire, delegation, false)
  const presented = questionnaire.indicators.map((indicator, index) => ({
    dimensionId: indicator.dimension,
    item: { indicatorId: indicator.id, spread: spreads[index]!, consensus: consensus[index]! } satisfies PresentedIndicator,
  }))
  const items = presented.filter(p => p.item.spread.isDiscussionItem)
  const progress = discussionProgress(spreads, delegation.consensus)
  const dimensions = questionnaire.dimensions
  return [
    { kind: 'opening', participants: delegation.participants.length, discussionItems: progress.total, discussed: progress.discussed },
    ...items.map(({ dimensionId, item }, index): PresentationScreen => ({ kind: 'item', number: index + 1, of: items.length, dimensionId, item })),
    ...dimensions.map((dimension, index): PresentationScreen => ({
      kind: 'dimension',
      number: index + 1,
      of: dimensions.length,
      dimensionId: dimension.id,
      indicators: presented.filter(p => p.dimensionId === dimension.id).map(p => p.item),
    })),
  ]
}

/** What a key press does in presentation mode: go to another screen (its index) or leave; `null` when the key does nothing. */
export type PresentationMove = { kind: 'go', index: number } | { kind: 'leave' }

/**
 * The move a key makes from screen `index` of `count`: Page Down, Space, arrow down and the arrow pointing forward go
 * on (a presentation clicker sends Page Down and Page Up); Page Up, arrow up and the arrow pointing back go back; Home
 * and End jump to the ends; Escape leaves. In a right-to-left language forward is the left arrow. Never past either end.
 */
export function presentationMove(key: string, index: number, count: number, isRtl: boolean): PresentationMove | null {
  const last = Math.max(0, count - 1)
  const forward = isRtl ? 'ArrowLeft' : 'ArrowRight'
  const back = isRtl ? 'ArrowRight' : 'ArrowLeft'
  switch (key) {
    case 'PageDown': case 'ArrowDown': case ' ': case forward:
      return { kind: 'go', index: Math.min(last, index + 1) }
    case 'PageUp': case 'ArrowUp': case back:
      return { kind: 'go', index: Math.max(0, index - 1) }
    case 'Home':
      return { kind: 'go', index: 0 }
    case 'End':
      return { kind: 'go', index: last }
    case 'Escape':
      return { kind: 'leave' }
    default:
      return null
  }
}

/** What a screen shows, to find it again when the screens change (a discussion item may appear as answers arrive): 'opening', 'item:<indicator id>', 'dimension:<dimension id>'. */
export function screenKey(screen: PresentationScreen): string {
  if (screen.kind === 'opening') return 'opening'
  return screen.kind === 'item' ? `item:${screen.item.indicatorId}` : `dimension:${screen.dimensionId}`
}

/**
 * Where the screen showing `key` is now; when no screen shows it any more (a discussion item the room has since
 * agreed on), the screen at the index it had (`previous`), within the screens there are.
 */
export function screenIndexOf(screens: readonly PresentationScreen[], key: string, previous: number): number {
  const found = screens.findIndex(screen => screenKey(screen) === key)
  return found >= 0 ? found : Math.max(0, Math.min(previous, screens.length - 1))
}

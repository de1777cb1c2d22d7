import { describe, expect, it } from 'vitest'
import { emptyRoadmapEdits, type RoadmapEdits } from '@/domain/roadmap'
import { addCustomAction, customItemKey, dropItem, placeItem, removeCustomAction, restoreItem, setDimensionTarget, setItemDetails } from '@/domain/roadmap-edits'

const base = (): RoadmapEdits => ({
  placements: {},
  targets: { alpha: 3 },
  dropped: ['alpha-12'],
  details: { 'beta-23': { owner: 'Policy unit' } },
  custom: [{ id: 'c1', dimensionId: 'beta', title: 'Brief the minister', description: '', horizon: '6-18m' }],
})

/** Each edit must leave the edits it was given untouched: the store still holds them. */
function unchanged(edit: (e: RoadmapEdits) => RoadmapEdits) {
  const before = base()
  const copy = structuredClone(before)
  edit(before)
  expect(before).toEqual(copy)
}

describe('roadmap edits', () => {
  it('sets a target and goes back to the default with null', () => {
    expect(setDimensionTarget(base(), 'beta', 4).targets).toEqual({ alpha: 3, beta: 4 })
    expect(setDimensionTarget(base(), 'alpha', 0).targets).toEqual({ alpha: 0 })
    expect(setDimensionTarget(base(), 'alpha', null).targets).toEqual({})
    unchanged(e => setDimensionTarget(e, 'alpha', null))
  })

  it('drops an item once, and restores it', () => {
    expect(dropItem(base(), 'beta-23').dropped).toEqual(['alpha-12', 'beta-23'])
    expect(dropItem(base(), 'alpha-12').dropped).toEqual(['alpha-12'])
    expect(restoreItem(base(), 'alpha-12').dropped).toEqual([])
    expect(restoreItem(base(), 'beta-23').dropped).toEqual(['alpha-12'])
    unchanged(e => dropItem(e, 'beta-23'))
    unchanged(e => restoreItem(e, 'alpha-12'))
  })

  it('deletes the user\'s own action when it is dropped, instead of setting it aside', () => {
    const edits = setItemDetails(base(), 'custom:c1', 'Me', '')
    const after = dropItem(edits, 'custom:c1')
    expect(after.custom).toEqual([])
    expect(after.dropped).toEqual(['alpha-12'])
    expect(after.details).toEqual({ 'beta-23': { owner: 'Policy unit' } })
  })

  it('sets an owner (trimmed) and a date, and removes the entry when both are empty', () => {
    expect(setItemDetails(base(), 'alpha-01', '  Permanent Secretary ', '2027-03-31').details['alpha-01']).toEqual({ owner: 'Permanent Secretary', targetDate: '2027-03-31' })
    expect(setItemDetails(base(), 'beta-23', '', '2027-01-15').details['beta-23']).toEqual({ targetDate: '2027-01-15' })
    expect(setItemDetails(base(), 'beta-23', 'Legal', '').details['beta-23']).toEqual({ owner: 'Legal' })
    expect(setItemDetails(base(), 'beta-23', '   ', '').details).toEqual({})
    unchanged(e => setItemDetails(e, 'beta-23', '', ''))
  })

  it('adds an own action with the given id, trimmed, after the existing ones', () => {
    const after = addCustomAction(base(), 'c2', { dimensionId: 'alpha', title: ' Hold a retreat ', description: ' Two days ', horizon: '0-6m' })
    expect(after.custom.map(c => c.id)).toEqual(['c1', 'c2'])
    expect(after.custom[1]).toEqual({ id: 'c2', dimensionId: 'alpha', title: 'Hold a retreat', description: 'Two days', horizon: '0-6m' })
    unchanged(e => addCustomAction(e, 'c2', { dimensionId: 'alpha', title: 'x', description: '', horizon: '0-6m' }))
  })

  it('removes an own action by its plan key, with its owner and date, and nothing else', () => {
    const withDetail = setItemDetails(base(), customItemKey('c1'), 'Me', '2027-01-01')
    const after = removeCustomAction(withDetail, 'custom:c1')
    expect(after.custom).toEqual([])
    expect(after.details).toEqual({ 'beta-23': { owner: 'Policy unit' } })
    expect(removeCustomAction(base(), 'custom:other').custom).toHaveLength(1)
    unchanged(e => removeCustomAction(e, 'custom:c1'))
  })

  it('starts from empty edits without error', () => {
    expect(dropItem(emptyRoadmapEdits(), 'x')).toEqual({ targets: {}, dropped: ['x'], details: {}, placements: {}, custom: [] })
  })

  it('moves one of several own actions in the action itself, leaving the others where they are', () => {
    const edits = { ...base(), custom: [...base().custom, { id: 'c2', dimensionId: 'alpha', title: 'Name a focal point', description: '', horizon: '0-6m' as const }] }
    const moved = placeItem(edits, customItemKey('c2'), '18-36m')
    expect(moved.custom.map(c => [c.id, c.horizon])).toEqual([['c1', '6-18m'], ['c2', '18-36m']])
    expect(moved.placements).toEqual({})
  })

  it('keeps the horizons already chosen for other items when placing one more', () => {
    const edits = { ...base(), placements: { 'alpha-01': '6-18m' as const } }
    expect(placeItem(edits, 'beta-23', '0-6m').placements).toEqual({ 'alpha-01': '6-18m', 'beta-23': '0-6m' })
    unchanged(e => placeItem(e, 'beta-23', '0-6m'))
  })
})

import { describe, expect, it } from 'vitest'
import { axisOrder, buildRadarConfig } from '@/charts/radar-config'

const input = {
  max: 5,
  labels: [['Mandate'], ['Strategy'], ['People'], ['Resources']],
  series: [{ label: 'This assessment', values: [2, 1, null, 4], style: 'current' as const }],
}

describe('the results radar', () => {
  it('keeps the dimensions in order, clockwise, left to right', () => {
    const config = buildRadarConfig(input)
    expect(config.data.labels).toEqual([['Mandate'], ['Strategy'], ['People'], ['Resources']])
    expect(config.data.datasets[0]!.data).toEqual([2, 1, null, 4])
    expect(config.options?.plugins?.legend?.rtl).toBe(false)
  })

  it('right to left keeps the first dimension on top and runs the others anticlockwise, values with their labels', () => {
    const config = buildRadarConfig({ ...input, rtl: true })
    expect(config.data.labels).toEqual([['Mandate'], ['Resources'], ['People'], ['Strategy']])
    expect(config.data.datasets[0]!.data).toEqual([2, 4, null, 1])
    expect(config.options?.plugins?.legend?.rtl).toBe(true)
    expect(config.options?.plugins?.tooltip?.rtl).toBe(true)
  })

  it('writes its numbers with Western digits in the interface language', () => {
    expect(buildRadarConfig({ ...input, locale: 'ar' }).options?.locale).toBe('ar-u-nu-latn')
    expect(new Intl.NumberFormat(buildRadarConfig({ ...input, locale: 'ar' }).options?.locale).format(5)).toBe('5')
  })

  it('orders one or no axis the same either way', () => {
    expect(axisOrder(1, true)).toEqual([0])
    expect(axisOrder(0, true)).toEqual([])
    expect(axisOrder(3, false)).toEqual([0, 1, 2])
  })
})

import { describe, expect, it } from 'vitest'
import { adaptationsInUse } from '@/domain/variants'

describe('adaptationsInUse', () => {
  it('is empty when no flag is ticked: the standard versions apply', () => {
    expect(adaptationsInUse({ ldc: false, sids: false, smallService: false })).toEqual([])
  })
  it.each([
    [{ ldc: true, sids: false, smallService: false }, ['ldc']],
    [{ ldc: false, sids: true, smallService: false }, ['sids']],
    [{ ldc: false, sids: false, smallService: true }, ['small-service']],
    [{ ldc: true, sids: true, smallService: false }, ['ldc', 'sids']],
    [{ ldc: true, sids: true, smallService: true }, ['ldc', 'sids', 'small-service']],
    [{ ldc: false, sids: true, smallService: true }, ['sids', 'small-service']],
  ])('names exactly the ticked flags, most specific first: %o', (flags, expected) => {
    expect(adaptationsInUse(flags)).toEqual(expected)
  })
})

import { VARIANT_KEYS, type VariantKey } from './questionnaire'

/** The context flags that choose adapted action texts. */
export interface AdaptationFlags {
  ldc: boolean
  sids: boolean
  smallService: boolean
}

const FLAG_OF: Record<VariantKey, keyof AdaptationFlags> = { 'ldc': 'ldc', 'sids': 'sids', 'small-service': 'smallService' }

/**
 * The adapted versions the roadmap will draw on for these flags, most specific first (least developed country,
 * small island developing state, small foreign service); empty when only the standard versions apply.
 */
export function adaptationsInUse(flags: AdaptationFlags): VariantKey[] {
  return VARIANT_KEYS.filter(key => flags[FLAG_OF[key]])
}

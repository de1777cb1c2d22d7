import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome, roadmapContextOf } from '@/domain/outcome'
import { emptyProfile, type Profile } from '@/domain/profile'
import type { Questionnaire } from '@/domain/questionnaire'
import { emptyRoadmapEdits } from '@/domain/roadmap'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
/** mini: small-service threshold 30 missions; alpha-12 has an LDC variant. */
const mini: Questionnaire = checked.questionnaire
const T = '2026-11-23T10:00:00.000Z'
const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })
const profile = (change: Partial<Profile>): Profile => ({ ...emptyProfile('2026-11-23'), ...change })

describe('roadmap context of a profile', () => {
  it('takes the LDC and SIDS flags as set, and a small foreign service below the threshold', () => {
    expect(roadmapContextOf(profile({ ldc: true, sids: false, missionsAbroad: 29 }), 30)).toEqual({ ldc: true, sids: false, smallService: true })
    expect(roadmapContextOf(profile({ ldc: false, sids: true, missionsAbroad: 30 }), 30)).toEqual({ ldc: false, sids: true, smallService: false })
  })

  it('lets the user\'s own answer on "small foreign service" win over the count of missions', () => {
    expect(roadmapContextOf(profile({ missionsAbroad: 80, smallServiceOverride: true }), 30).smallService).toBe(true)
    expect(roadmapContextOf(profile({ missionsAbroad: 5, smallServiceOverride: false }), 30).smallService).toBe(false)
  })

  it('does not call a service small when the number of missions is unknown', () => {
    expect(roadmapContextOf(profile({ missionsAbroad: null }), 30).smallService).toBe(false)
  })
})

describe('assessment outcome', () => {
  const answers = { a1: L(1), a2: L(1), a3: L(1), b1: L(3), b2: L(3), b3: L(3) }

  it('scores the answers and plans from the same result', () => {
    const { result, roadmap } = assessmentOutcome(mini, { answers, profile: profile({}), roadmap: emptyRoadmapEdits() })
    // alpha: (1×2 + 1 + 1) / 4 = 1, stage 1; beta 3, stage 3; index (1×2 + 3×1) / 3 × 20 = 33.3
    expect(result.index).toBeCloseTo(33.333, 2)
    expect(roadmap.targets.map(t => [t.dimensionId, t.stage, t.target])).toEqual([['alpha', 1, 2], ['beta', 3, 4]])
  })

  it('uses the LDC variant for an LDC profile, and the default text otherwise', () => {
    const variantOf = (p: Profile) => {
      const { roadmap } = assessmentOutcome(mini, { answers, profile: p, roadmap: emptyRoadmapEdits() })
      return [...roadmap.horizons['0-6m'], ...roadmap.horizons['6-18m'], ...roadmap.horizons['18-36m']].find(i => i.key === 'alpha-12')?.action?.variant
    }
    expect(variantOf(profile({ ldc: true }))).toBe('ldc')
    expect(variantOf(profile({ ldc: false }))).toBeNull()
  })

  it('applies the user\'s edits: a raised target and a dropped action', () => {
    const { roadmap } = assessmentOutcome(mini, { answers, profile: profile({}), roadmap: { ...emptyRoadmapEdits(), targets: { alpha: 3 }, dropped: ['beta-34'] } })
    const placed = [...roadmap.horizons['0-6m'], ...roadmap.horizons['6-18m'], ...roadmap.horizons['18-36m'], ...roadmap.later].map(i => i.key)
    expect(placed.sort()).toEqual(['alpha-12', 'alpha-23'])
    expect(roadmap.dropped.map(i => i.key)).toEqual(['beta-34'])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/assessment'
import { checkQuestionnaireText } from '@/domain/check'
import { assessmentOutcome, roadmapContextOf } from '@/domain/outcome'
import { emptyProfile } from '@/domain/profile'
import { indicatorsOf, localize, maxLevel, type Questionnaire } from '@/domain/questionnaire'
import { emptyRoadmapEdits } from '@/domain/roadmap'

const checked = checkQuestionnaireText(readFileSync(new URL('../../fixtures/questionnaires/mini.json', import.meta.url), 'utf8'))
if (!checked.ok) throw new Error('fixture invalid')
/** mini: alpha = a1–a3, beta = b1–b3 (depends on alpha); levels 0–5; one action per step; the 1→2 actions have an LDC variant. */
const mini: Questionnaire = checked.questionnaire

describe('localize', () => {
  const text = { 'en': 'Mandate', 'fr': 'Mandat', 'pt': 'Mandato', 'pt-BR': 'Mandato (BR)', 'es': '  ', 'de-AT': '' }

  it('gives nothing for no text', () => {
    expect(localize(undefined, 'fr')).toBe('')
  })

  it('gives the text of the exact locale', () => {
    expect(localize(text, 'pt-BR')).toBe('Mandato (BR)')
  })

  it('falls back from a regional locale to its language', () => {
    expect(localize(text, 'fr-CA')).toBe('Mandat')
  })

  it('falls back to English when neither the locale nor its language has a text', () => {
    expect(localize(text, 'it-CH')).toBe('Mandate')
  })

  it('treats a blank translation as missing', () => {
    expect(localize(text, 'es')).toBe('Mandate')
  })

  it('treats a blank language-level translation as missing for a regional locale', () => {
    expect(localize(text, 'es-MX')).toBe('Mandate')
  })

  it('treats an empty regional translation as missing, then tries English (no "de" here)', () => {
    expect(localize(text, 'de-AT')).toBe('Mandate')
  })
})

describe('questionnaire helpers', () => {
  it('the top level of a 0–5 scale is 5', () => {
    expect(maxLevel(mini)).toBe(5)
  })

  it('lists the indicators of one dimension in file order', () => {
    expect(indicatorsOf(mini, 'beta').map(i => i.id)).toEqual(['b1', 'b2', 'b3'])
  })
})

describe('assessment outcome', () => {
  const T = '2026-11-23T10:00:00.000Z'
  const L = (level: number): Answer => ({ kind: 'level', level, confidence: 'document-backed', evidence: 'Memo', updatedAt: T })

  it('the roadmap context takes the LDC and SIDS flags and derives a small service from the missions', () => {
    expect(roadmapContextOf({ ...emptyProfile('2026-11-23'), ldc: true, sids: false, missionsAbroad: 12 }, 30)).toEqual({ ldc: true, sids: false, smallService: true })
  })

  it('the roadmap context of a large service that is a SIDS', () => {
    expect(roadmapContextOf({ ...emptyProfile('2026-11-23'), ldc: false, sids: true, missionsAbroad: 30 }, 30)).toEqual({ ldc: false, sids: true, smallService: false })
  })

  it('scores the answers and builds the roadmap for the profile\'s context', () => {
    // alpha all 1 → stage 1; beta all 2 → stage 2; median (1 + 2) / 2 = 1.5 → 1; alpha target 2 → action alpha-12 (LDC variant)
    const answers = { a1: L(1), a2: L(1), a3: L(1), b1: L(2), b2: L(2), b3: L(2) }
    const outcome = assessmentOutcome(mini, { answers, profile: { ...emptyProfile('2026-11-23'), ldc: true }, roadmap: emptyRoadmapEdits() })
    expect(outcome.result.overallStage).toBe(1)
    const alpha12 = outcome.roadmap.horizons['0-6m'].find(i => i.key === 'alpha-12')
    expect(alpha12?.action?.variant).toBe('ldc')
  })

  it('applies the user\'s roadmap edits', () => {
    const answers = { a1: L(1), a2: L(1), a3: L(1), b1: L(2), b2: L(2), b3: L(2) }
    const outcome = assessmentOutcome(mini, { answers, profile: emptyProfile('2026-11-23'), roadmap: { ...emptyRoadmapEdits(), dropped: ['alpha-12'] } })
    expect(outcome.roadmap.dropped.map(i => i.key)).toEqual(['alpha-12'])
  })
})

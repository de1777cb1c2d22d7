import type { Answers } from '@/domain/assessment'
import { emptyProfile, type Profile } from '@/domain/profile'
import { maxLevel, type Questionnaire } from '@/domain/questionnaire'
import { emptyRoadmapEdits } from '@/domain/roadmap'
import type { Workshop } from '@/domain/workshop-model'

/** mulberry32: the same seed gives the same workshop on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ROLES = ['ICT ministry', 'Regulator', 'Trade ministry', 'Investment agency', 'Foreign ministry', '']
const COUNTRIES: Array<Partial<Profile>> = [
  { country: 'NPL', ministry: 'Ministry of Foreign Affairs', unit: 'Policy Planning', ldc: true, lldc: true, missionsAbroad: 40 },
  { country: 'SEN', ministry: 'Ministère de l\'Intégration africaine et des Affaires étrangères', unit: 'Direction du numérique', ldc: true, missionsAbroad: 50 },
  { country: 'TUV', ministry: 'Ministry of Foreign Affairs', unit: 'Multilateral', ldc: true, sids: true, missionsAbroad: 4 },
]

/**
 * A seeded workshop on a questionnaire: `delegations` delegations of `participants` participants each. Every
 * participant answers around a per-indicator "true" level (±1), with "don't know" now and then and "not applicable"
 * where allowed; levels at or above the evidence threshold carry a note.
 */
export function sampleWorkshop(questionnaire: Questionnaire, options: { participants: number, delegations?: number, seed?: number, id?: string }): Workshop {
  const rand = random(options.seed ?? 2026)
  const top = maxLevel(questionnaire)
  const T = '2026-11-20T09:00:00.000Z'
  const delegations = Array.from({ length: options.delegations ?? 1 }, (_, d) => {
    const truth = new Map(questionnaire.indicators.map(i => [i.id, Math.floor(rand() * (top + 1))]))
    const participants = Array.from({ length: options.participants }, (_, p) => {
      const answers: Answers = {}
      for (const indicator of questionnaire.indicators) {
        const roll = rand()
        if (roll < 0.05) continue
        if (roll < 0.12) answers[indicator.id] = { kind: 'dont_know', evidence: '', updatedAt: T }
        else if (roll < 0.15 && indicator.allowNotApplicable) answers[indicator.id] = { kind: 'not_applicable', evidence: '', updatedAt: T }
        else {
          const level = Math.max(0, Math.min(top, truth.get(indicator.id)! + Math.floor(rand() * 3) - 1))
          const evidence = level >= indicator.evidenceRequiredFrom || rand() < 0.2 ? `Note of P${p + 1} on ${indicator.id}: decree ${d + 1}/${2020 + level}` : ''
          answers[indicator.id] = { kind: 'level', level, confidence: rand() < 0.5 ? 'self-declared' : 'document-backed', evidence, updatedAt: T }
        }
      }
      return { id: `d${d + 1}-p${p + 1}`, number: p + 1, role: ROLES[p % ROLES.length]!, source: 'file' as const, answers, submitted: true, addedAt: T, updatedAt: T }
    })
    return {
      id: `del-${d + 1}`,
      profile: { ...emptyProfile('2026-11-20'), ...COUNTRIES[d % COUNTRIES.length]! },
      participants,
      consensus: {},
      roadmap: emptyRoadmapEdits(),
    }
  })
  return {
    id: options.id ?? 'workshop-1',
    title: 'Regional workshop on tech diplomacy, Kathmandu',
    questionnaireKey: `${questionnaire.id}@${questionnaire.version}`,
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    locale: 'en',
    showNames: false,
    delegations,
    createdAt: T,
    updatedAt: T,
  }
}

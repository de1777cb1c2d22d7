import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSafeFormat } from './useSafeFormat'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import type { Assessment } from '@/domain/assessment'
import { compareFollowUp } from '@/domain/followup-compare'
import { followUpText, type FollowUpText } from '@/report/followup-text'
import type { ItemTextContext } from '@/report/item-text'
import { useQuestionnairesStore } from '@/stores/questionnaires'

/** The report's words for plan items, with their placeholders kept, to be filled per item by the shared wording functions. */
export function useItemLabels(): ComputedRef<ItemTextContext['labels']> {
  const { t } = useI18n()
  return computed(() => ({
    findOutTitle: t('report.findOutTitle', { question: '{question}' }),
    findOutAsk: t('report.findOutAsk', { owner: '{owner}' }),
    adaptedFor: t('report.adaptedFor', { name: '{name}' }),
    customAction: t('report.customAction'),
    variants: { 'ldc': t('report.variants.ldc'), 'sids': t('report.variants.sids'), 'small-service': t('report.variants.small-service') },
  }))
}

/**
 * A follow-up's comparison with the earlier assessment kept inside it, in words for the results page. The earlier
 * questionnaire version is loaded when it is not the follow-up's own; `missing` is set while it is not available.
 */
export function useFollowUp(assessment: ComputedRef<Assessment>, entry: ComputedRef<QuestionnaireEntry>) {
  const { t, n } = useI18n()
  const { day } = useSafeFormat()
  const questionnaires = useQuestionnairesStore()
  const itemLabels = useItemLabels()
  const baseline = computed(() => assessment.value.baseline)

  const earlierQuestionnaire = computed(() => {
    const b = baseline.value
    if (!b) return undefined
    const own = entry.value.questionnaire
    if (own.id === b.questionnaireId && own.version === b.questionnaireVersion) return own
    const same = questionnaires.entries.filter(e => e.questionnaire.id === b.questionnaireId && e.questionnaire.version === b.questionnaireVersion)
    return (same.find(e => e.origin.kind === 'bundled') ?? same[0])?.questionnaire
  })
  if (baseline.value && !earlierQuestionnaire.value) void questionnaires.load()

  const comparison = computed(() => {
    const b = baseline.value
    const earlier = earlierQuestionnaire.value
    if (!b || !earlier) return undefined
    return compareFollowUp({
      earlier: { questionnaire: earlier, answers: b.answers, profile: b.profile, roadmap: b.roadmap },
      current: { questionnaire: entry.value.questionnaire, answers: assessment.value.answers },
    })
  })

  const text = computed((): FollowUpText | undefined => {
    const b = baseline.value
    if (!b || !comparison.value || !earlierQuestionnaire.value) return undefined
    return followUpText({
      questionnaire: entry.value.questionnaire,
      earlierQuestionnaire: earlierQuestionnaire.value,
      locale: assessment.value.locale,
      tr: (key, params) => t(`followup.${key}`, params ?? {}),
      number: value => n(value, 'decimal1'),
      date: iso => day(iso, 'long').text,
      itemLabels: itemLabels.value,
    }, comparison.value, b)
  })

  /** Set when the earlier questionnaire version is not (yet) available: its id and version. */
  const missing = computed(() => (baseline.value && !earlierQuestionnaire.value && questionnaires.isLoaded
    ? { id: baseline.value.questionnaireId, version: baseline.value.questionnaireVersion }
    : undefined))

  return { baseline, comparison, text, missing, earlierQuestionnaire }
}

import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { QuestionnaireEntry } from '@/data/questionnaires'
import type { Answer } from '@/domain/assessment'
import { findUpgrade } from '@/domain/migration-check'
import { levelText } from '@/domain/labels'
import type { Questionnaire } from '@/domain/questionnaire'
import { useQuestionnairesStore } from '@/stores/questionnaires'

/** The newer questionnaire an assessment on `questionnaire` can be upgraded to (a shipped one first), if any. */
export function useUpgradeTarget(questionnaire: Ref<Questionnaire | undefined>) {
  const questionnaires = useQuestionnairesStore()
  void questionnaires.load() // an opened assessment loads only its own questionnaire: the upgrade needs the newer ones too
  return computed((): QuestionnaireEntry | undefined => {
    const current = questionnaire.value
    if (!current) return undefined
    const target = findUpgrade(current, questionnaires.entries.map(e => e.questionnaire))
    if (!target) return undefined
    const same = questionnaires.entries.filter(e => e.questionnaire.id === target.id && e.questionnaire.version === target.version)
    return same.find(e => e.origin.kind === 'bundled') ?? same[0]
  })
}

/** An answer in words: "3 · Established", "Don't know", "Not applicable" or "not answered". */
export function useAnswerText() {
  const { t } = useI18n()
  return (answer: Answer | undefined, questionnaire: Questionnaire, locale: string): string => {
    if (!answer) return t('upgrade.notAnswered')
    if (answer.kind === 'dont_know') return t('answer.dontKnow')
    if (answer.kind === 'not_applicable') return t('answer.notApplicable')
    return levelText(questionnaire, answer.level, locale)
  }
}

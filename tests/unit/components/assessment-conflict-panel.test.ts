// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import AssessmentConflictPanel from '@/components/assessment/AssessmentConflictPanel.vue'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import ar from '@/i18n/locales/ar.json'
import en from '@/i18n/locales/en.json'
import fr from '@/i18n/locales/fr.json'

const mine: Assessment = createAssessment({ id: 'a', questionnaireKey: 'mini@1.0.0', questionnaire: { id: 'mini', version: '1.0.0' }, locale: 'en', profile: { ...emptyProfile('2026-11-20'), ministry: 'Ministry' }, now: '2026-11-20T10:00:00.000Z' })
// The other tab changed the profile and answered A1: two differences, each a clause of the sentence.
const theirs: Assessment = { ...mine, profile: { ...mine.profile, ministry: 'Other ministry' }, answers: { A1: { kind: 'dont_know', confidence: 'self-declared', evidence: '', updatedAt: '2026-11-20T11:00:00.000Z' } } as Assessment['answers'] }

function differences(locale: 'en' | 'fr' | 'ar'): string {
  const i18n = createI18n({ legacy: false, locale, messages: { en, fr, ar }, missingWarn: false, fallbackWarn: false })
  const wrapper = mount(AssessmentConflictPanel, { props: { conflict: { reason: 'changed', theirs: { assessment: theirs, revision: 2 } }, mine }, global: { plugins: [i18n], stubs: { BaseConfirmDialog: true } } })
  return wrapper.findAll('p')[1]!.text()
}

describe('AssessmentConflictPanel lists what differs with the semicolon of the page\'s language', () => {
  it('in English', () => {
    expect(differences('en')).toBe('Your version and the other one differ in: the answers to A1; the context profile.')
  })

  it('in French, with a no-break space before the semicolon', () => {
    expect(differences('fr')).toBe('Votre version et l\'autre diffèrent sur : les réponses à A1\u00a0; le profil du contexte.')
  })

  it('in Arabic, with the Arabic semicolon and the id isolated', () => {
    expect(differences('ar')).toBe('تختلف نسختكم عن النسخة الأخرى في: الإجابات على \u2068A1\u2069؛ ملف السياق.')
  })
})

import { readFileSync } from 'node:fs'
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import type { Component } from 'vue'
import { checkQuestionnaireText } from '@/domain/check'
import type { Questionnaire } from '@/domain/questionnaire'
import { i18n } from '@/i18n'

/** The mini questionnaire of the unit tests: alpha (weight 2) and beta, levels 0–5, evidence from 3. */
export function loadMini(): Questionnaire {
  const checked = checkQuestionnaireText(readFileSync('tests/fixtures/questionnaires/mini.json', 'utf8'))
  if (!checked.ok) throw new Error('fixture invalid')
  return checked.questionnaire
}

/** Mounts a component with the app's real English messages. */
export function mountWithI18n<C extends Component>(component: C, options: ComponentMountingOptions<C>) {
  return mount(component, { ...options, global: { plugins: [i18n], ...options.global } } as ComponentMountingOptions<C>)
}

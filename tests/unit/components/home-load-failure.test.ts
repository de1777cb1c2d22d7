// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import HomeLoadFailure from '@/components/home/HomeLoadFailure.vue'
import fr from '@/i18n/locales/fr.json'

function mountFailure(what: 'assessments' | 'workshops', detail: string) {
  const i18n = createI18n({ legacy: false, locale: 'fr', messages: { fr }, missingWarn: false, fallbackWarn: false })
  return mount(HomeLoadFailure, { props: { what, detail }, global: { plugins: [i18n] } })
}

describe('HomeLoadFailure in French', () => {
  it('gives the reason in French and the browser\'s English text only inside the details', () => {
    const failure = mountFailure('assessments', 'AbortError: The transaction was aborted')
    const sentence = failure.find('[role="alert"] > p').text()
    expect(sentence).toBe('Vos évaluations enregistrées n\'ont pas pu être lues. Le navigateur a interrompu la lecture des données enregistrées avant la fin (un autre onglet de cet outil était peut-être en train de les modifier). Rien n\'a été modifié.')
    expect(sentence).not.toContain('transaction')
    expect(failure.find('details summary').text()).toBe('Détails techniques (message du navigateur)')
    expect(failure.find('details code').text()).toBe('AbortError: The transaction was aborted')
  })

  it('names the workshops, and a full device, in French', () => {
    const failure = mountFailure('workshops', 'QuotaExceededError: The quota has been exceeded')
    expect(failure.find('[role="alert"] > p').text()).toBe('Vos ateliers enregistrés n\'ont pas pu être lus. L\'espace de stockage de cet appareil est saturé. Rien n\'a été modifié.')
  })

  it('says "could not read" for an unknown failure and offers "Réessayer", which it passes on', async () => {
    const failure = mountFailure('assessments', 'UnknownError: x')
    expect(failure.find('[role="alert"] > p').text()).toContain('Le navigateur n\'a pas pu lire ses données enregistrées.')
    expect(failure.get('button').text()).toBe('Réessayer')
    await failure.get('button').trigger('click')
    expect(failure.emitted('retry')).toHaveLength(1)
  })
})

// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import WorkshopSaveStatus from '@/components/workshop/WorkshopSaveStatus.vue'
import { i18n } from '@/i18n'
import { useWorkshopsStore } from '@/stores/workshops'
import { mountWithI18n } from './setup'

describe('WorkshopSaveStatus', () => {
  let pinia: ReturnType<typeof createPinia>
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
  })
  const mountStatus = (quiet?: boolean) => mountWithI18n(WorkshopSaveStatus, { props: quiet === undefined ? {} : { quiet }, global: { plugins: [i18n, pinia] } })

  it('announces saving and saved as a status region', async () => {
    const store = useWorkshopsStore()
    store.saveState = { status: 'saving' }
    const wrapper = mountStatus()
    expect(wrapper.get('p').attributes('role')).toBe('status')
    expect(wrapper.text()).toContain('Saving')
  })

  it('in a live workshop shows saving without announcing it, and still alerts a failed save', async () => {
    const store = useWorkshopsStore()
    store.saveState = { status: 'saving' }
    const wrapper = mountStatus(true)
    expect(wrapper.get('p').attributes('role')).toBeUndefined()
    expect(wrapper.text()).toContain('Saving')
    store.saveState = { status: 'error', error: { kind: 'quota', code: 'storage.quota', message: 'QuotaExceededError' } }
    await wrapper.vm.$nextTick()
    expect(wrapper.get('p').attributes('role')).toBe('alert')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createI18n } from 'vue-i18n'
import HomeAssessmentList from '@/components/home/HomeAssessmentList.vue'
import { createAssessment, type Assessment } from '@/domain/assessment'
import { emptyProfile } from '@/domain/profile'
import en from '@/i18n/locales/en.json'

function assessment(id: string, change: Partial<Assessment> = {}): Assessment {
  const base = createAssessment({ id, questionnaireKey: 'missing@1', questionnaire: { id: 'missing', version: '1' }, locale: 'en', profile: { ...emptyProfile('2026-11-20'), ministry: `Ministry ${id}` }, now: '2026-11-20T10:00:00.000Z' })
  return { ...base, ...change }
}

function mountList(assessments: Assessment[]) {
  const i18n = createI18n({
    legacy: false, locale: 'en', messages: { en },
    datetimeFormats: { en: { short: { year: 'numeric', month: 'short', day: 'numeric' }, dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } } },
    numberFormats: { en: { percent: { style: 'percent' } } },
    missingWarn: false, fallbackWarn: false,
  })
  return mount(HomeAssessmentList, {
    props: { assessments, findQuestionnaire: () => undefined },
    global: { plugins: [i18n], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  })
}

describe('HomeAssessmentList with damaged stored values', () => {
  it('shows "—" with a note for an impossible date or timestamp, and every other row as usual', () => {
    const list = mountList([
      assessment('good'),
      assessment('bad-date', { profile: { ...emptyProfile('2026-13-45'), ministry: 'Ministry bad-date' }, updatedAt: 'abcdefghij' }),
    ])
    const rows = list.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('Nov 20, 2026')
    expect(rows[1]!.text()).toContain('—(stored value “2026-13-45” cannot be shown)')
    expect(rows[1]!.text()).toContain('(stored value “abcdefghij” cannot be shown)')
  })

  it('replaces a row that cannot be rendered at all with a message and its actions, keeping the rows around it', async () => {
    const broken = { ...assessment('broken'), profile: undefined } as unknown as Assessment
    const list = mountList([assessment('first'), broken, assessment('last')])
    await nextTick() // the boundary shows its fallback on the render after the failure
    const rows = list.findAll('tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0]!.text()).toContain('Ministry first')
    expect(rows[1]!.text()).toContain('Unnamed assessment')
    expect(rows[1]!.text()).toContain('This assessment cannot be shown')
    expect(rows[1]!.findAll('button').map(b => b.text())).toEqual(['Export', 'Delete'])
    expect(rows[2]!.text()).toContain('Ministry last')
  })

  it('labels a copy', () => {
    const list = mountList([assessment('copy', { isCopy: true })])
    expect(list.find('.copy-label').text()).toBe('(copy)')
  })
})

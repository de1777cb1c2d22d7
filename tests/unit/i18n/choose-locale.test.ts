// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'

/** The settings store of the device: each write waits until the test lets it end, or fails. */
const writes: Array<{ value: unknown, end: () => void, fail: () => void }> = []
vi.mock('@/data/storage', () => ({
  getStorage: () => Promise.resolve({
    get: () => Promise.resolve(undefined),
    put: (_store: string, _key: string, value: unknown) => new Promise<void>((resolve, reject) => {
      writes.push({ value, end: resolve, fail: () => reject(new Error('QuotaExceededError')) })
    }),
  }),
  resetStorage: () => undefined,
}))

const { chooseUiLocale, i18n } = await import('@/i18n')

/** Lets every pending promise callback run. */
const settle = () => new Promise(resolve => setTimeout(resolve, 0))

describe('choosing the interface language', () => {
  it('shows the language only once it is remembered, so a reload the moment it shows keeps it', async () => {
    const choosing = chooseUiLocale('fr')
    await vi.waitFor(() => expect(i18n.global.availableLocales).toContain('fr'))
    await vi.waitFor(() => expect(writes).toHaveLength(1))
    await settle()
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).not.toBe('fr')

    writes[0]!.end()
    await choosing
    expect(writes[0]!.value).toBe('fr')
    expect(i18n.global.locale.value).toBe('fr')
    expect(document.documentElement.lang).toBe('fr')
  })

  it('still shows the language when the device refuses to remember it, and says so to the caller', async () => {
    const choosing = chooseUiLocale('ar')
    await vi.waitFor(() => expect(writes).toHaveLength(2))
    writes[1]!.fail()
    await expect(choosing).rejects.toThrow('QuotaExceededError')
    expect(i18n.global.locale.value).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
  })
})

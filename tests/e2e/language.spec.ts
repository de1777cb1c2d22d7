import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

const FRENCH_TITLE = 'Dans quelle mesure la diplomatie technologique de votre pays est-elle institutionnalisée ?'
const LOADS = 8

test.use({ locale: 'fr-FR' })

test(`with a French browser and a saved English assessment, neither language flips by a race (${LOADS} loads)`, async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FRENCH_TITLE)
  await page.getByLabel('Importer un fichier de réponses…').setInputFiles('tests/fixtures/answers/known-results.tda.json') // an assessment in English
  await expect(page.getByRole('link', { name: 'L\'ouvrir' })).toBeVisible()

  for (let load = 1; load <= LOADS; load++) {
    await page.reload()
    const language = page.getByLabel('Langue de l\'évaluation').first()
    // Read the form as early as it shows, when a race would have pre-set English, and again once all has loaded.
    await expect(language).toHaveValue('fr')
    await page.waitForLoadState('networkidle')
    await expect(language, `load ${load}`).toHaveValue('fr')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(FRENCH_TITLE)
  }

  // Opening the English assessment switches the interface to its language, on purpose, every time; it is not remembered.
  await page.getByRole('link', { name: 'Reprendre' }).first().click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandate & institutional anchoring')
  await expect(page.getByRole('link', { name: 'Review', exact: true })).toBeVisible()

  // Back on the home page after a reload, the device's language (the browser's French) is back; a new assessment starts in French.
  await page.goto('/')
  await page.reload()
  await expect(page.getByLabel('Langue de l\'évaluation').first()).toHaveValue('fr')
  await page.getByRole('button', { name: /^Commencer une nouvelle évaluation/ }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Profil de contexte' })).toBeVisible()
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Mandate & institutional anchoring')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
})

test('a language picked in the menu while the saved one is still loading is the one that stays', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en') // remembered on this device
  for (let load = 1; load <= 4; load++) {
    await page.reload()
    await page.getByRole('combobox', { name: 'Language', exact: true }).or(page.getByRole('combobox', { name: 'Langue', exact: true })).selectOption('fr')
    await page.waitForLoadState('networkidle')
    await expect(page.locator('html'), `load ${load}`).toHaveAttribute('lang', 'fr')
    await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  }
})

test.describe('with an Arabic browser', () => {
  const ar = JSON.parse(readFileSync('src/i18n/locales/ar.json', 'utf8')) as { home: { title: string, start: { language: string, button: string }, import: { button: string, open: string }, assessments: { continue: string } }, assessment: { nav: { questions: string } } }
  test.use({ locale: 'ar-EG' })

  test(`and a saved English assessment, neither language nor direction flips by a race (${LOADS} loads)`, async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.home.title)
    await page.getByLabel(ar.home.import.button).setInputFiles('tests/fixtures/answers/known-results.tda.json') // an assessment in English
    await expect(page.getByRole('link', { name: ar.home.import.open })).toBeVisible()

    for (let load = 1; load <= LOADS; load++) {
      await page.reload()
      const language = page.getByLabel(ar.home.start.language).first()
      await expect(language).toHaveValue('ar')
      await page.waitForLoadState('networkidle')
      await expect(language, `load ${load}`).toHaveValue('ar')
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.home.title)
    }

    // Opening the English assessment works in English, left to right, on purpose; it is not remembered.
    await page.getByRole('link', { name: ar.home.assessments.continue }).first().click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
    await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mandate & institutional anchoring')

    // Back home after a reload: Arabic again, and a new assessment starts in Arabic, right to left.
    await page.goto('/')
    await page.reload()
    await expect(page.getByLabel(ar.home.start.language).first()).toHaveValue('ar')
    await page.getByRole('button', { name: new RegExp(`^${ar.home.start.button}`) }).first().click()
    await page.getByRole('link', { name: ar.assessment.nav.questions, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الولاية والترسيخ المؤسسي')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  })
})

import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

/**
 * tests/fixtures/answers/heavy-first-horizon.tda.json: the emerging-mid answers (stages mandate 3, strategy 2,
 * people 2, coordination 2, engagement 2, multilateral 3, investment 3, resources 2 → median (2 + 2) / 2 = 2), with
 * 14 library actions the ministry placed in 0–6 months (capacity 10 for a service with 66 missions).
 * Shortest path to 3: five dimensions at 3 (three already are) → strategy I2.3 2→3, then people I3.2 and I3.3 2→3.
 */
const FIXTURE = 'tests/fixtures/answers/heavy-first-horizon.tda.json'

async function open(page: Page, locale: 'en' | 'fr') {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { assessment: { locale: string } }
  file.assessment.locale = locale
  await page.goto('/')
  if (locale === 'fr') await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr')
  await page.getByLabel(locale === 'fr' ? 'Importer un fichier de réponses…' : 'Import an answers file…').setInputFiles({
    name: 'heavy-first-horizon.tda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  })
  await page.getByRole('link', { name: locale === 'fr' ? "L'ouvrir" : 'Open it' }).click()
}

const section = (page: Page, heading: RegExp) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) })

test('the headline shows the facts that set the stage, the shortest path and the general meaning labelled as such', async ({ page }) => {
  const errors = trackErrors(page)
  await open(page, 'en')
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('overall-stage')).toHaveText('2 · Emerging')
  await expect(page.getByTestId('headline-facts')).toContainText('5 of 8 dimensions have not passed stage 2:')
  await expect(page.getByTestId('headline-facts').getByRole('listitem').nth(1)).toHaveText('Strategy & adaptive policy framework: stage 2, held down by I2.3')
  const path = page.getByTestId('headline-path')
  await expect(path).toContainText('Raise these 3 indicators to reach stage 3 · Established:')
  await expect(path.getByRole('listitem')).toHaveCount(3)
  await expect(path.getByRole('listitem').first()).toContainText(/^I2\.3, from level 2 to level 3: How well/)
  const meaning = page.getByTestId('headline-meaning')
  await expect(meaning).toContainText('What stage 2 · Emerging means in general')
  await expect(meaning).toContainText('not a finding about your ministry: 21 of your answers are above this stage')
  const strengths = page.getByTestId('headline-strengths')
  await expect(strengths.getByRole('listitem')).toHaveCount(5)
  await expect(strengths.getByRole('listitem').first()).toContainText('I6.1')
  await expect(strengths).toContainText('8 more are shown by dimension below.')
  await page.screenshot({ path: `${ARTIFACTS}/verdict-results-en.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  expect(errors).toEqual([])
})

test('the user\'s own action placed in 0–6 months stays there with 15 items, the view and the PDF say the horizon is over capacity, and any item can be moved', async ({ page }) => {
  const errors = trackErrors(page)
  await open(page, 'en')
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  const first = section(page, /^0–6 months/)
  await expect(first.getByRole('heading', { level: 2 })).toContainText('14 of 10 places')

  await page.getByLabel(/^Action/).fill('Brief the Permanent Secretary on the roadmap')
  await page.getByLabel('Horizon', { exact: true }).selectOption('0-6m')
  await page.getByRole('button', { name: 'Add to the roadmap' }).click()
  await expect(first.locator('.roadmap-item', { hasText: 'Brief the Permanent Secretary on the roadmap' })).toBeVisible()
  await expect(first.locator('.roadmap-item')).toHaveCount(15)
  await expect(first.getByRole('heading', { level: 2 })).toContainText('15 of 10 places')
  await expect(page.getByTestId('over-capacity-0-6m')).toHaveText(/Over capacity: 15 items for 10 places, because of items the ministry placed here/)
  await expect(first.locator('.badge', { hasText: 'placed by you' })).toHaveCount(14)

  // Move an item the plan placed in 6–18 months to 18–36 months with the keyboard-operable select.
  const middle = section(page, /^6–18 months/)
  const moved = middle.locator('.roadmap-item').first()
  const title = (await moved.locator('h4').textContent())!.trim()
  await moved.getByLabel('Horizon for this action').selectOption('18-36m')
  const later = section(page, /^18–36 months/)
  await expect(later.locator('.roadmap-item', { hasText: title }).locator('.badge', { hasText: 'placed by you' })).toBeVisible()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()

  await page.reload()
  await expect(first.locator('.roadmap-item')).toHaveCount(15)
  await expect(later.locator('.roadmap-item', { hasText: title })).toBeVisible()
  await page.screenshot({ path: `${ARTIFACTS}/verdict-roadmap-en.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)

  // Back to the plan's choice.
  await later.locator('.roadmap-item', { hasText: title }).getByLabel('Horizon for this action').selectOption('')
  await expect(later.locator('.roadmap-item', { hasText: title })).toHaveCount(0)

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  const pages = await pdfPages(new Uint8Array(readFileSync(await pdf.path())))
  const text = pages.join(' ').replace(/\s+/g, ' ')
  expect(text).toContain('0–6 months Over capacity: 15 items for 10 places')
  expect(text).toContain('Over capacity: 15 items for 10 places, because of items the ministry placed here.')
  expect(text).toContain('Brief the Permanent Secretary on the roadmap')
  const summary = pages.find(p => p.includes('Executive summary'))!.replace(/\s+/g, ' ')
  expect(summary).toContain('5 of 8 dimensions have not passed stage 2: – Strategy & adaptive policy framework: stage 2, held down by I2.3')
  expect(summary).toContain('Raise these 3 indicators to reach stage 3 · Established')
  expect(summary).toContain('What stage 2 · Emerging means in general')
  expect(summary).toContain('Strengths: answers above their dimension\'s stage')
  expect(errors).toEqual([])
})

test('in French: the headline, the over-capacity warning and the PDF summary', async ({ page }) => {
  const errors = trackErrors(page)
  await open(page, 'fr')
  await page.getByRole('link', { name: 'Résultats', exact: true }).click()
  await expect(page.getByTestId('headline-facts')).toContainText('5 dimensions sur 8 n\'ont pas dépassé le stade 2')
  await expect(page.getByTestId('headline-path')).toContainText('Relever ces 3 indicateurs pour atteindre le stade 3')
  await expect(page.getByTestId('headline-meaning')).toContainText('Ce que signifie le stade 2 · Émergent en général')
  await page.screenshot({ path: `${ARTIFACTS}/verdict-results-fr.png`, fullPage: true })
  await page.getByRole('link', { name: 'Feuille de route', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: /^0 à 6 mois/ })).toContainText('14 sur 10 places')
  await page.screenshot({ path: `${ARTIFACTS}/verdict-roadmap-fr.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PDF/ }).first().click()])
  const bytes = readFileSync(await pdf.path())
  const text = (await pdfPages(new Uint8Array(bytes))).join(' ').replace(/\s+/g, ' ')
  expect(text).toContain('Capacité dépassée : 14 actions pour 10 places')
  expect(text).toContain('Relever ces 3 indicateurs pour atteindre le stade 3')
  expect(errors).toEqual([])
})

import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors, trackForeignRequests } from './helpers'

test('the production build shows the home page, stays on its own origin and passes axe', async ({ page, baseURL }) => {
  const foreign = trackForeignRequests(page, baseURL!)
  const errors = trackErrors(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: /tech diplomacy/i })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Questionnaires' })).toBeVisible()
  await expect(page.locator('.questionnaire-card').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `${ARTIFACTS}/home.png`, fullPage: true })
  expect(foreign).toEqual([])
  expect(errors).toEqual([])
  await expectNoSeriousA11yViolations(page)
})

test('a broken questionnaire file shows the checker\'s messages and changes nothing', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('.questionnaire-card').first()).toBeVisible()
  const before = await page.locator('.questionnaire-card').count()
  const broken = JSON.parse(readFileSync('tests/fixtures/questionnaires/mini.json', 'utf8')) as Record<string, unknown> & { indicators: Array<Record<string, unknown>>, version: string }
  broken.version = 'one'
  broken.indicators[0]!.dimension = 'gamma'
  await page.getByLabel('Open a questionnaire file…').setInputFiles({ name: 'adapted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('adapted.json cannot be used')
  await expect(alert).toContainText('A version looks like 1.0.0.')
  await expect(alert).toContainText('adapted.json › version')
  await expect(page.locator('.questionnaire-card')).toHaveCount(before)

  await page.getByLabel('Open a questionnaire file…').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x",') })
  await expect(page.getByRole('alert')).toContainText('The file is not valid JSON: the text goes wrong near line 1, column 12.')
  await expect(page.getByRole('alert')).toContainText('notes.json › (file)')
  await page.screenshot({ path: `${ARTIFACTS}/open-broken-questionnaire.png`, fullPage: true })
})

test('a valid questionnaire file opens, is offered for a new assessment and survives a reload', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Open a questionnaire file…').setInputFiles('tests/fixtures/questionnaires/mini.json')
  await expect(page.getByText('“Mini test questionnaire” from mini.json is ready for a new assessment.')).toBeVisible()
  const card = page.locator('.questionnaire-card', { hasText: 'Mini test questionnaire' })
  await expect(card).toContainText('opened from mini.json')
  await expect(card.getByRole('link', { name: 'Read the questions' })).toBeVisible()
  await expect(card.getByRole('button', { name: 'Start a new assessment' })).toBeVisible()
  await page.reload()
  await expect(page.locator('.questionnaire-card', { hasText: 'Mini test questionnaire' })).toBeVisible()
})

test('the interface switches to French, and the choice is remembered on this device', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dans quelle mesure la diplomatie technologique de votre pays est-elle institutionnalisée ?')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dans quelle mesure la diplomatie technologique de votre pays est-elle institutionnalisée ?')
  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: /tech diplomacy/i })).toBeVisible()
})

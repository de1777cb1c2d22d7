import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

type KeyboardAnswer = number | 'dont_know'

/** Answers one indicator with the keyboard only: Tab into its radio group, Space, arrows; types evidence when asked. */
async function answerWithKeyboard(page: Page, indicatorId: string, answer: KeyboardAnswer, evidence: string): Promise<void> {
  const base = `indicator-${indicatorId.replace(/\./g, '-')}`
  await tabTo(page, `input[name="${base}-answer"]`)
  await page.keyboard.press('Space')
  const steps = answer === 'dont_know' ? 6 : answer
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
  await tabTo(page, `#${base}-evidence`)
  await page.keyboard.type(evidence)
}

function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

const DIMENSION_1: Array<[string, KeyboardAnswer]> = [['I1.1', 2], ['I1.2', 3], ['I1.3', 1], ['I1.4', 'dont_know']]
const DIMENSION_2: Array<[string, KeyboardAnswer]> = [['I2.1', 3], ['I2.2', 2], ['I2.3', 0], ['I2.4', 4]]

test('a new user fills the profile, answers two dimensions by keyboard, reloads, exports, deletes and re-imports', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  const card = page.locator('.questionnaire-card', { hasText: 'Tech diplomacy institutional maturity' })
  await card.getByLabel('Language of the assessment').selectOption('en')
  await card.getByRole('button', { name: 'Start a new assessment' }).click()

  await expect(page.getByRole('heading', { name: 'Context profile' })).toBeVisible()
  await page.getByLabel(/^Assessment date/).fill('2099-01-01')
  await page.getByRole('button', { name: 'Continue to the questionnaire' }).click()
  await expect(page.getByText('Enter the ministry.')).toBeVisible()
  await expect(page.getByText('The assessment date cannot be in the future.')).toBeVisible()
  await expect(page.getByText('Choose the country.')).toBeVisible()
  await expect(page.getByRole('alert').first()).toContainText('fields need attention')

  await page.getByLabel('Search countries').fill('Solomon')
  await expect(page.getByLabel(/^Country/)).toHaveValue('SLB')
  await expect(page.getByLabel('Least developed country (LDC)')).toBeChecked()
  await expect(page.getByLabel('Small island developing state (SIDS)')).toBeChecked()
  await expect(page.getByLabel('Landlocked developing country (LLDC)')).not.toBeChecked()
  await expect(page.getByText(/Pre-filled from the UN lists as of November 22, 2026/)).toBeVisible()
  await page.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs and External Trade')
  await page.getByLabel(/^Unit or department/).fill('Economic Diplomacy Division')
  await page.getByLabel(/^Assessment date/).fill(today())
  await page.getByLabel('Number of resident missions abroad').fill('12')
  await page.getByRole('group', { name: 'Representation in Geneva' }).getByLabel('Shared or pooled mission').check()
  await page.getByLabel('Pacific Islands Forum (PIF)').check()
  await page.getByLabel('Other organisation').fill('Melanesian Spearhead Group')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  // The sentence follows exactly the flags ticked: LDC, SIDS and (12 missions) small foreign service.
  await expect(page.getByTestId('adaptation-sentence')).toHaveText('The roadmap will use the versions adapted to least developed countries, small island developing states, and small foreign services where the library has them.')
  await page.getByLabel('Least developed country (LDC)').uncheck()
  await expect(page.getByTestId('adaptation-sentence')).toHaveText('The roadmap will use the versions adapted to small island developing states and small foreign services where the library has them.')
  await page.getByLabel('Least developed country (LDC)').check()
  await page.screenshot({ path: `${ARTIFACTS}/profile-1280.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  await page.setViewportSize({ width: 360, height: 780 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').toBeLessThanOrEqual(360)
  await page.screenshot({ path: `${ARTIFACTS}/profile-360.png`, fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByRole('button', { name: 'Continue to the questionnaire' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Mandate & institutional anchoring' })).toBeVisible()
  await page.locator('body').click({ position: { x: 1, y: 1 } })
  for (const [id, answer] of DIMENSION_1) await answerWithKeyboard(page, id, answer, `Evidence for ${id}: note 12/2025`)
  await expect(page.locator('#indicator-I1-2-evidence-error')).toHaveCount(0)
  await page.screenshot({ path: `${ARTIFACTS}/questions-1280.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  await page.setViewportSize({ width: 360, height: 780 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling on a phone').toBeLessThanOrEqual(360)
  await page.screenshot({ path: `${ARTIFACTS}/questions-360.png`, fullPage: false })
  await page.setViewportSize({ width: 1280, height: 900 })

  await tabTo(page, 'a.button[href*="/questions/strategy"]')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: /Strategy/ })).toBeVisible()
  for (const [id, answer] of DIMENSION_2.slice(0, 2)) await answerWithKeyboard(page, id, answer, `Evidence for ${id}`)
  await expect(page.locator('#indicator-I2-2-evidence')).toHaveValue('Evidence for I2.2')
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /Strategy/ })).toBeVisible()
  await expect(page.locator('input[name="indicator-I2-1-answer"][value="level-3"]')).toBeChecked()
  await expect(page.locator('#indicator-I2-2-evidence')).toHaveValue('Evidence for I2.2')
  await expect(page.getByText('6 of 32 indicators answered (19%)')).toBeVisible()
  await page.locator('body').click({ position: { x: 1, y: 1 } })
  for (const [id, answer] of DIMENSION_2.slice(2)) await answerWithKeyboard(page, id, answer, `Evidence for ${id}`)
  await expect(page.getByText('8 of 32 indicators answered (25%)')).toBeVisible()

  await page.getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('heading', { name: '24 indicators still need attention' })).toBeVisible()
  await page.getByRole('link', { name: /^I3\.1 / }).first().click() // the pending list comes before the full list of answers
  await expect(page.locator('#indicator-I3-1')).toBeInViewport()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.tda.json)' }).click()])
  expect(download.suggestedFilename()).toBe(`solomon-islands-${today()}.tda.json`)
  const exportedPath = `${ARTIFACTS}/${download.suggestedFilename()}`
  await download.saveAs(exportedPath)
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8')) as { assessment: { answers: Record<string, { kind: string, level?: number, evidence: string }> } }
  expect(Object.keys(exported.assessment.answers)).toHaveLength(8)
  expect(exported.assessment.answers['I1.4']?.kind).toBe('dont_know')
  expect(exported.assessment.answers['I2.4']).toMatchObject({ kind: 'level', level: 4, evidence: 'Evidence for I2.4' })

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers as CSV' }).click()])
  expect(csv.suggestedFilename()).toBe(`solomon-islands-${today()}.answers.csv`)

  await page.getByRole('link', { name: 'Tech Diplomacy Maturity Assessment' }).click()
  const rows = page.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Solomon Islands')
  await expect(rows.first()).toContainText('25%')
  await rows.first().getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('dialog', { name: 'Delete this assessment?' })).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(0)
  await expect(page.getByText('The assessment for Solomon Islands was deleted.')).toBeVisible()

  await page.getByLabel('Import an answers file…').setInputFiles(exportedPath)
  await expect(page.getByText(`${download.suggestedFilename()} was imported as a new assessment.`)).toBeVisible()
  await expect(rows).toHaveCount(1)
  await page.getByRole('link', { name: 'Open it' }).click()
  await expect(page.getByText('8 of 32 indicators answered (25%)')).toBeVisible()
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.tda.json)' }).click()])
  const reimported = JSON.parse(readFileSync(await again.path(), 'utf8')) as typeof exported
  expect(reimported.assessment.answers).toEqual(exported.assessment.answers)
  expect(errors).toEqual([])
})

test('broken answers files are refused with a clear message and change nothing', async ({ page }) => {
  await page.goto('/')
  const card = page.locator('.questionnaire-card', { hasText: 'Tech diplomacy institutional maturity' })
  await card.getByRole('button', { name: 'Start a new assessment' }).click()
  await page.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs')
  await page.getByRole('link', { name: 'Tech Diplomacy Maturity Assessment' }).click()
  const rows = page.locator('.assessment-table tbody tr')
  await expect(rows).toHaveCount(1)
  const valid = readFileSync('tests/fixtures/answers/minimal.tda.json', 'utf8')

  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'cut.tda.json', mimeType: 'application/json', buffer: Buffer.from(valid.slice(0, Math.floor(valid.length / 2))) })
  await expect(page.getByRole('alert')).toContainText('cut.tda.json was not imported')
  await expect(page.getByRole('alert')).toContainText('The file is not valid JSON: the text goes wrong near line')
  await expect(page.getByRole('alert')).toContainText('cut.tda.json › (file)')

  const otherVersion = valid.replace('"version": "1.0.0"', '"version": "9.0.0"')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'v9.tda.json', mimeType: 'application/json', buffer: Buffer.from(otherVersion) })
  await expect(page.getByRole('alert')).toContainText('These answers were made with the questionnaire “tech-diplomacy” version 9.0.0, which is not available here')
  await expect(page.getByRole('alert')).toContainText('v9.tda.json › questionnaire')

  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) })
  await expect(page.getByRole('alert')).toContainText('This looks like a Word, Excel or ZIP file, not an answers file.')
  await expect(page.getByRole('alert')).toContainText('minutes.docx › (file)')
  await page.screenshot({ path: `${ARTIFACTS}/import-refused.png`, fullPage: true })

  await expect(rows).toHaveCount(1)
  await page.reload()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Ministry of Foreign Affairs')

  await rows.first().getByRole('button', { name: 'Duplicate' }).click()
  await expect(rows).toHaveCount(2)
  await page.reload()
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('Ministry of Foreign Affairs')

  await rows.nth(1).getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(rows).toHaveCount(2)
  await rows.nth(1).getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(2)
  await page.reload()
  await expect(rows).toHaveCount(2)
})

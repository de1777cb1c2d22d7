import { expect, test } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

test('a participant shows their answers as a QR code, with what it carries and its text', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Show as QR code for the facilitator' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your answers as a QR code' })).toBeVisible()
  const image = page.getByRole('img', { name: /QR code of your answers/ })
  await expect(image).toBeVisible()
  // large enough to scan across a table: at least 300 px on a 1280 px screen
  const box = (await image.boundingBox())!
  expect(box.width).toBeGreaterThanOrEqual(300)
  await expect(page.getByText('Evidence notes do not fit in a code.')).toBeVisible()
  await expect(page.getByText(/This assessment has \d+ evidence notes that the code leaves out\./)).toBeVisible()
  await page.getByText('Show the code as text').click()
  await expect(page.getByTestId('answer-code-text')).toHaveText(/^TDA1:tech-diplomacy:1\.0\.0:[0-9A-Z]{6}:[0-9A-Z?/-]{32}:[0-9A-F]{8}$/)
  await expectNoSeriousA11yViolations(page)
  await page.screenshot({ path: `${ARTIFACTS}/qr-participant-1280.png`, fullPage: true })
  expect(errors).toEqual([])
})

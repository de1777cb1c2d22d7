import { writeFileSync } from 'node:fs'
import { chromium, expect, test, type Page } from '@playwright/test'
import encodeQR from 'qr'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'
import { frameOf, screenshotOf, y4mVideo } from './qr-helpers'
import { seedWorkshop, sixParticipantWorkshop } from './workshop-seed'

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

/** The participant's page: an imported answers file shown as a QR code; returns a screenshot of the code (PNG). */
async function participantCode(page: Page, answersFile: string): Promise<Buffer> {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles(answersFile)
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Show as QR code for the facilitator' }).click()
  return screenshotOf(page.getByRole('img', { name: /QR code of your answers/ }))
}

test('a code shown on a participant\'s page is read on the facilitator\'s from an image; twice, foreign, or no code at all are refused clearly', async ({ page, context }) => {
  const errors = trackErrors(page)
  const code = await participantCode(page, 'tests/fixtures/answers/known-results.tda.json')
  const otherVersion = await participantCode(await context.newPage(), 'tests/fixtures/answers/heavy-first-horizon.tda.json')

  const facilitator = await context.newPage()
  await facilitator.goto('/')
  await seedWorkshop(facilitator, sixParticipantWorkshop('w-scan', 'Scanning workshop'))
  await facilitator.goto('/#/workshops/w-scan/d/d1')
  await facilitator.getByRole('link', { name: 'Scan participants\' QR codes' }).click()
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Scan participants\' QR codes' })).toBeVisible()
  const chooseImage = facilitator.getByLabel('Choose an image of the code…')
  const results = facilitator.getByRole('list').filter({ has: facilitator.locator('.alert') })

  await chooseImage.setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: code })
  await expect(results.getByRole('listitem').first()).toHaveText('P7 added from a QR code: 32 of 32 indicators answered.')

  await chooseImage.setInputFiles({ name: 'code-again.png', mimeType: 'image/png', buffer: code })
  await expect(results.getByRole('listitem').first()).toHaveText('This code was already scanned: it is P7. It was not added again.')

  await chooseImage.setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: otherVersion })
  await expect(results.getByRole('listitem').first()).toHaveText('This code is for questionnaire tech-diplomacy version 1.1.0; this workshop uses tech-diplomacy version 1.0.0. Ask the participant for an answers file, or use a workshop on that version.')

  await chooseImage.setInputFiles({ name: 'foreign.gif', mimeType: 'image/gif', buffer: Buffer.from(encodeQR('WIFI:S:guest;T:nopass;;', 'gif', { scale: 8, border: 4 })) })
  await expect(results.getByRole('listitem').first()).toHaveText(/^This code could not be read: it is not an answers code of this tool/)

  await chooseImage.setInputFiles('public/icons/icon-192.png')
  await expect(results.getByRole('listitem').first()).toHaveText('No QR code was found in this image. Choose a sharper picture with the whole code in view.')
  await expectNoSeriousA11yViolations(facilitator)
  await facilitator.screenshot({ path: `${ARTIFACTS}/qr-facilitator-scan-1280.png`, fullPage: true })

  // the scanned participant counts once in the workshop
  await facilitator.goto('/#/workshops/w-scan/present')
  await expect(facilitator.getByText('7 participants')).toBeVisible()
  expect(errors).toEqual([])
})

test('a code shown on a participant\'s page is read by the facilitator\'s camera (Chromium\'s fake camera playing the code)', async ({ page, baseURL }) => {
  const code = await participantCode(page, 'tests/fixtures/answers/known-results.tda.json')
  const width = 640
  const height = 480
  const video = `${ARTIFACTS}/qr-camera.y4m`
  writeFileSync(video, y4mVideo(width, height, await frameOf(page, code, width, height), 10))

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  })
  try {
    const facilitator = await (await browser.newContext({ baseURL, permissions: ['camera'], viewport: { width: 1280, height: 900 } })).newPage()
    const errors = trackErrors(facilitator)
    await facilitator.goto('/')
    await seedWorkshop(facilitator, sixParticipantWorkshop('w-camera', 'Camera workshop'))
    await facilitator.goto('/#/workshops/w-camera/scan')
    await facilitator.getByRole('button', { name: 'Start the camera' }).click()
    await expect(facilitator.getByLabel('Camera view')).toBeVisible()
    await expect(facilitator.getByText('P7 added from a QR code: 32 of 32 indicators answered.')).toBeVisible({ timeout: 20_000 })
    // the code stays in front of the camera: it is reported once, not added again and again
    await facilitator.waitForTimeout(1500)
    await expect(facilitator.locator('.scan-results li')).toHaveCount(1)
    await facilitator.screenshot({ path: `${ARTIFACTS}/qr-facilitator-camera-1280.png` })
    await facilitator.getByRole('button', { name: 'Stop the camera' }).click()
    await expect(facilitator.getByRole('button', { name: 'Start the camera' })).toBeVisible()
    expect(errors).toEqual([])
  }
  finally {
    await browser.close()
  }
})

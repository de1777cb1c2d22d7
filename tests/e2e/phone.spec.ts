import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startServer, type RunningServer } from '../server/harness'
import { ARTIFACTS, expectNoSeriousA11yViolations } from './helpers'
import { createWorkshop, participantFile } from './workshop-helpers'
import { seedWorkshop, sixParticipantWorkshop } from './workshop-seed'

const PHONE = { width: 360, height: 780 }
const DESKTOP = { width: 1280, height: 900 }

/** At 360 px: no sideways scroll, no serious axe violation; then a screenshot at 360 and at 1280 px. Returns the page height in phone screens. */
async function checkScreen(page: Page, name: string): Promise<number> {
  await page.setViewportSize(PHONE)
  await page.waitForLoadState('networkidle')
  const { scrollWidth, scrollHeight, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    // The elements that stick out, innermost first, to say what to fix.
    wide: [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 8)
      .map(e => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} → ${Math.round(e.getBoundingClientRect().right)} px`),
  }))
  expect(scrollWidth, `${name}: no sideways scroll at 360 px; sticking out: ${wide.join('; ')}`).toBeLessThanOrEqual(PHONE.width)
  await page.screenshot({ path: `${ARTIFACTS}/screen-${name}-360.png`, fullPage: true })
  await page.screenshot({ path: `${ARTIFACTS}/screen-${name}-360-first-screen.png` })
  await expectNoSeriousA11yViolations(page)
  await page.setViewportSize(DESKTOP)
  await page.screenshot({ path: `${ARTIFACTS}/screen-${name}-1280.png`, fullPage: true })
  await page.setViewportSize(PHONE)
  return scrollHeight / PHONE.height
}

test('every screen fits a 360 px phone without sideways scrolling and passes axe', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize(PHONE)
  await page.goto('/')
  const start = page.getByRole('button', { name: /^Start a new assessment/ }).first()
  await expect(start).toBeVisible()
  const box = (await start.boundingBox())!
  expect(box.y + box.height, 'the phone home shows "Start" on the first screen').toBeLessThanOrEqual(PHONE.height)
  await checkScreen(page, 'home-first-visit')

  await page.getByRole('link', { name: 'Read the questions' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await checkScreen(page, 'read-the-questions')

  // Live workshop: joining by code and creating a workshop (their live parts need the workshop server: tests/e2e/live.spec.ts).
  await page.goto('/#/join')
  await expect(page.getByRole('heading', { level: 1, name: 'Join a live workshop' })).toBeVisible()
  await checkScreen(page, 'live-join')
  await page.goto('/#/live/new')
  await expect(page.getByRole('heading', { level: 1, name: 'New live workshop' })).toBeVisible()
  await checkScreen(page, 'live-new')

  await page.goto('/#/this-page-does-not-exist')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await checkScreen(page, 'not-found')

  const current = readFileSync('tests/fixtures/answers/known-results.tda.json', 'utf8')
  const earlier = current.replace('"date": "2026-11-10"', '"date": "2025-11-10"')
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'earlier.tda.json', mimeType: 'application/json', buffer: Buffer.from(earlier) })
  await expect(page.getByText('earlier.tda.json was imported as a new assessment.')).toBeVisible()
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await expect(page.getByRole('link', { name: 'Open it' })).toBeVisible()
  await checkScreen(page, 'home-with-assessments')

  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Context profile', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Context profile' })).toBeVisible()
  await checkScreen(page, 'profile')

  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
  const steps = Number((await page.getByText(/^Dimension 1 of \d+$/).textContent())!.match(/of (\d+)/)![1])
  const heights: number[] = []
  for (let step = 1; step <= steps; step++) {
    await expect(page.getByText(`Dimension ${step} of ${steps}`, { exact: true })).toBeVisible()
    heights.push(await checkScreen(page, `questions-step-${step}`))
    if (step < steps) await page.getByRole('navigation', { name: 'Move between dimensions' }).getByRole('link').last().click()
  }
  console.log(`questionnaire steps at 360 px, in screens: ${heights.map(h => h.toFixed(1)).join(', ')}`)
  expect(Math.max(...heights), 'a questionnaire step is a few phone screens, not a dozen').toBeLessThanOrEqual(5)

  await page.getByRole('link', { name: 'Review', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await checkScreen(page, 'review')

  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('overall-stage')).not.toBeEmpty()
  await checkScreen(page, 'results')
  await page.getByLabel('Compare with an earlier assessment').selectOption({ index: 1 })
  await page.getByLabel(/illustrative profile/i).selectOption({ index: 1 })
  await expect(page.getByTestId('results-table').locator('thead')).toContainText('Change')
  await checkScreen(page, 'results-compared')

  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible()
  await checkScreen(page, 'roadmap')

  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await page.getByRole('link', { name: 'Start a follow-up' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Start a follow-up' })).toBeVisible()
  await checkScreen(page, 'follow-up-start')
  await page.getByRole('button', { name: 'Start the follow-up' }).click()
  await expect(page.locator('[data-fresh-look]').first()).toBeVisible()
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('followup-since')).toBeVisible()
  await checkScreen(page, 'results-follow-up')

  await page.getByRole('link', { name: 'Show as QR code for the facilitator' }).click()
  await expect(page.getByRole('img', { name: /QR code of your answers/ })).toBeVisible()
  await checkScreen(page, 'answer-code')
})

test('at 360 px the workshop presentation and the QR scanning screens fit and pass axe', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto('/')
  await seedWorkshop(page, sixParticipantWorkshop('w-phone', 'Phone workshop'))
  await page.goto('/#/workshops/w-phone/present')
  await expect(page.getByText('6 participants')).toBeVisible()
  await checkScreen(page, 'presentation-opening')
  await page.keyboard.press('PageDown')
  await expect(page.getByText(/^Discussion item 1 of 3/)).toBeVisible()
  await checkScreen(page, 'presentation-item')
  await page.keyboard.press('End')
  await expect(page.getByText(/^Dimension 8 of 8/)).toBeVisible()
  await checkScreen(page, 'presentation-dimension')
  await page.goto('/#/workshops/w-phone/scan')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await checkScreen(page, 'workshop-scan')
})

test('on a phone, the questions can be answered and stepped through with the keyboard alone', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).click()
  await page.getByRole('link', { name: 'Questionnaire', exact: true }).focus()
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 60; i++) {
      if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
      await page.keyboard.press('Tab')
    }
    throw new Error(`Tab never reached ${selector}`)
  }
  await expect(page.getByText('Question 1 of 4')).toBeVisible()
  await tabTo('.question-nav button')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Question 2 of 4')).toBeVisible()
  await expect(page.locator('#indicator-I1-2')).toBeFocused()
  await tabTo('input[name="indicator-I1-2-answer"]')
  await page.keyboard.press('ArrowUp')
  await expect(page.locator('input[name="indicator-I1-2-answer"]:checked')).toHaveValue('level-1')
  await tabTo('.question-nav button.button-secondary') // "Previous question"
  await page.keyboard.press('Enter')
  await expect(page.getByText('Question 1 of 4')).toBeVisible()
  await expect(page.locator('#indicator-I1-1')).toBeFocused()
})

test('every workshop screen fits a 360 px phone without sideways scrolling and passes axe', async ({ page }) => {
  test.setTimeout(240_000)
  await page.setViewportSize(PHONE)
  await page.goto('/')
  await page.getByRole('link', { name: 'New workshop' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New workshop' })).toBeVisible()
  await checkScreen(page, 'workshop-new')
  await createWorkshop(page, 'Workshop on a phone')
  await checkScreen(page, 'workshop-delegation-empty')
  await page.getByLabel('Choose answers files…').setInputFiles([0, 1, 2, 3, 4, 5].map(k => ({ name: `p${k}.tda.json`, mimeType: 'application/json', buffer: Buffer.from(participantFile(k)) })))
  await expect(page.getByText('6 participants added.')).toBeVisible()
  await checkScreen(page, 'workshop-delegation')

  const nav = page.getByRole('navigation', { name: 'Workshop pages' })
  await nav.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('overall-stage')).not.toBeEmpty()
  await checkScreen(page, 'workshop-results')
  await nav.getByRole('link', { name: 'Roadmap', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible()
  await checkScreen(page, 'workshop-roadmap')
  await nav.getByRole('link', { name: 'Context profile', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Context profile of the delegation' })).toBeVisible()
  await checkScreen(page, 'workshop-profile')
  await nav.getByRole('link', { name: 'Workshop', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop on a phone' })).toBeVisible()
  await checkScreen(page, 'workshop-overview')
  await page.locator('[data-delegation] h3 a').click()
  await nav.getByRole('link', { name: 'Hand the device round', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Participant P7' })).toBeVisible()
  await checkScreen(page, 'workshop-hand-round-ready')
  await page.getByRole('button', { name: 'Start answering' }).click()
  await checkScreen(page, 'workshop-hand-round-answering')

  await page.goto('/')
  await expect(page.locator('[data-workshop]')).toHaveCount(1)
  await checkScreen(page, 'home-with-workshop')
})

test.describe('a live workshop\'s room (against the real workshop server)', () => {
  let server: RunningServer
  let dataDir: string
  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tdw-phone-'))
    server = await startServer({ dataDir, distDir: 'dist' })
  })
  test.afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('at 360 px the live room fits and passes axe', async ({ page }) => {
    await page.setViewportSize(PHONE)
    await page.goto(`${server.url}/#/live/new`)
    // Settled before the live stream opens: that stream stays open, so the network is never idle after it.
    await page.waitForLoadState('networkidle')
    await page.getByLabel('Workshop title').fill('Phone live workshop')
    await page.getByLabel('Search countries').fill('Nepal')
    await page.getByLabel(/^Ministry/).first().fill('Ministry of Foreign Affairs')
    await page.getByLabel(/^Unit or department/).fill('Policy Planning')
    await page.getByRole('button', { name: 'Create the workshop' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Live room' })).toBeVisible()
    await expect(page.getByTestId('live-connection')).toHaveText(/Live: answers appear as they arrive\./)
    await expect(page.getByRole('img', { name: /QR code of the join address/ })).toBeVisible()
    await checkScreen(page, 'workshop-live')
  })
})

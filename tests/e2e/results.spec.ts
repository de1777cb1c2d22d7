import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors } from './helpers'

/**
 * tests/fixtures/answers/known-results.tda.json answers every indicator (weights all 1):
 * mandate 2,2,3,2 → 2.25, stage 2 · strategy 1,2,2,don't know → 1.25, stage 1 unconfirmed · people 3,3,3,3 → 3.0, stage 3 ·
 * coordination 0,1,1,1 → 0.75, stage 0 · engagement 2,3,4,2 → 2.75, stage 2 · multilateral 4,4,5,4 → 4.25, stage 4 ·
 * investment 1,1,2,1 → 1.25, stage 1 · resources 2,2,2,2 → 2.0, stage 2.
 * Stages sorted 0,1,1,2,2,2,3,4 → median (2 + 2) / 2 = 2; mandate cap 2 + 1 = 3 does not bind → overall stage 2.
 * Index: (2.25 + 1.25 + 3 + 0.75 + 2.75 + 4.25 + 1.25 + 2) / 8 × 20 = 43.75 → 43.8.
 */
const EXPECTED: Array<[string, string, string]> = [
  ['mandate', '2.3', '2 · Emerging'],
  ['strategy', '1.3', '1 · Ad hoc'],
  ['people', '3.0', '3 · Established'],
  ['coordination', '0.8', '0 · Absent'],
  ['engagement', '2.8', '2 · Emerging'],
  ['multilateral', '4.3', '4 · Strategic'],
  ['investment', '1.3', '1 · Ad hoc'],
  ['resources', '2.0', '2 · Emerging'],
]

test('a known answer set shows the expected stage, index, dimension stages and a drawn radar chart', async ({ page }) => {
  const errors = trackErrors(page)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Results' }).click()

  await expect(page.getByTestId('overall-stage')).toHaveText('2 · Emerging')
  await expect(page.getByTestId('overall-index')).toHaveText('43.8')
  await expect(page.getByText(/^Provisional/)).toHaveCount(0)
  await expect(page.getByText('1 information gap')).toBeVisible()

  const table = page.getByTestId('results-table')
  for (const [id, score, stage] of EXPECTED) {
    const row = table.locator(`tr[data-dimension="${id}"]`)
    await expect(row.locator('[data-col="score"]')).toHaveText(score)
    await expect(row.locator('[data-col="stage"]')).toContainText(stage)
  }
  await expect(table.locator('tr[data-dimension="strategy"] [data-col="stage"]')).toContainText('unconfirmed: 1 gap')

  const canvas = page.getByTestId('radar-chart')
  await expect(canvas).toBeVisible()
  await canvas.scrollIntoViewIfNeeded() // drawn as it comes into view
  await expect.poll(() => canvas.evaluate((el: HTMLCanvasElement) => {
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
    return painted
  })).toBeGreaterThan(5000)
  const label = await canvas.getAttribute('aria-label')
  for (const [, score] of EXPECTED) expect(label).toContain(score)

  await page.getByLabel('Compare with an illustrative profile').selectOption({ index: 1 })
  await expect(table.locator('thead')).toContainText('Illustrative profile')
  await expect(page.getByText('Illustrative profiles are composites for discussion, not the scores of any real country.')).toBeVisible()

  await page.getByText('How this was calculated').click()
  await expect(page.getByText('Dimension stages in order: 0, 1, 1, 2, 2, 2, 3, 4 → median 2.')).toBeVisible()
  await expect(page.getByText('No gating rule lowered the stage.')).toBeVisible()

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores as CSV' }).click()])
  expect(csv.suggestedFilename()).toMatch(/\.results\.csv$/)

  await page.screenshot({ path: `${ARTIFACTS}/results-1280.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)
  expect(errors).toEqual([])
})

test('an earlier assessment of the same country is offered for comparison, with the change per dimension', async ({ page }) => {
  const current = readFileSync('tests/fixtures/answers/known-results.tda.json', 'utf8')
  // A year earlier, mandate answers were one level lower: 1,1,2,1 → 1.25 against 2.25 now.
  const earlier = current.replace('"date": "2026-11-10"', '"date": "2025-11-10"')
    .replace(/("I1\.\d": \{\s*"kind": "level",\s*"level": )(\d)/g, (_, head: string, level: string) => `${head}${Number(level) - 1}`)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles({ name: 'earlier.tda.json', mimeType: 'application/json', buffer: Buffer.from(earlier) })
  await expect(page.getByText('earlier.tda.json was imported as a new assessment.')).toBeVisible()
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Results' }).click()
  await page.getByLabel('Compare with an earlier assessment').selectOption({ index: 1 })
  const table = page.getByTestId('results-table')
  await expect(table.locator('thead')).toContainText('Change')
  await expect(table.locator('tr[data-dimension="mandate"] td').last()).toHaveText('+1.0')
  await expect(table.locator('tr[data-dimension="people"] td').last()).toHaveText('±0.0')
})

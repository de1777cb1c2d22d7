import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { ARTIFACTS, expectNoSeriousA11yViolations, trackErrors, trackForeignRequests } from './helpers'

test('the roadmap can be edited, survives a reload, travels in the export and lands in the downloaded PDF', async ({ page, baseURL }) => {
  const errors = trackErrors(page)
  const foreign = trackForeignRequests(page, baseURL!)
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible()

  const first = page.locator('.roadmap-item').first()
  const firstTitle = (await first.locator('h4').textContent())!.trim()
  await first.getByLabel('Owner').fill('Director, Digital Affairs Desk')
  await first.getByLabel('Owner').press('Tab')
  await first.getByLabel('Target date').fill('2027-03-31')
  await first.getByLabel('Target date').press('Tab')

  const second = page.locator('.roadmap-item').nth(1)
  const droppedTitle = (await second.locator('h4').textContent())!.trim()
  await second.getByRole('button', { name: 'Drop this action' }).click()
  await expect(page.getByRole('heading', { name: /Dropped actions/ })).toBeVisible()
  // A dropped action leaves every horizon (and "later"): it is only listed under "Dropped actions".
  const inPlan = (title: string) => page.locator('section[aria-labelledby^="h-"] .roadmap-item h4').filter({ hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
  await expect(inPlan(droppedTitle)).toHaveCount(0)

  await page.getByLabel(/^Action/).fill('Brief the minister on the roadmap')
  await page.getByLabel('Horizon', { exact: true }).selectOption('0-6m')
  await page.getByRole('button', { name: 'Add to the roadmap' }).click()
  await expect(page.locator('.roadmap-item', { hasText: 'Brief the minister on the roadmap' })).toBeVisible()

  await page.getByLabel('Target stage for Mandate & institutional anchoring').selectOption('5')
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Target stage for Mandate & institutional anchoring')).toHaveValue('5')
  await expect(page.locator('.roadmap-item', { hasText: firstTitle }).first().getByLabel('Owner')).toHaveValue('Director, Digital Affairs Desk')
  await expect(page.locator('section', { has: page.getByRole('heading', { name: /Dropped actions/ }) })).toContainText(droppedTitle)
  await expect(inPlan(droppedTitle)).toHaveCount(0)
  await expect(inPlan(firstTitle)).toHaveCount(1)
  await page.screenshot({ path: `${ARTIFACTS}/roadmap-1280.png`, fullPage: true })
  await expectNoSeriousA11yViolations(page)

  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.tda.json)' }).click()])
  const file = JSON.parse(readFileSync(await exported.path(), 'utf8')) as { assessment: { roadmap: { targets: Record<string, number>, dropped: string[], custom: Array<{ title: string }> } } }
  expect(file.assessment.roadmap.targets.mandate).toBe(5)
  expect(file.assessment.roadmap.dropped).toHaveLength(1)
  expect(file.assessment.roadmap.custom[0]?.title).toBe('Brief the minister on the roadmap')

  await page.getByRole('link', { name: 'Results', exact: true }).click()
  const stage = (await page.getByTestId('overall-stage').textContent())!.trim()
  const index = (await page.getByTestId('overall-index').textContent())!.trim()
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  expect(pdf.suggestedFilename()).toBe('ghana-2026-11-18.roadmap.pdf')
  const bytes = new Uint8Array(readFileSync(await pdf.path()))
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  const text = (await pdfPages(bytes)).join(' ').replace(/\s+/g, ' ')
  expect(text).toContain('Ghana')
  expect(text).toContain(`Overall stage: ${stage}`)
  expect(text).toContain(`Index: ${index} out of 100`)
  expect(text).toContain('Brief the minister on the roadmap')
  expect(text).toContain('Director, Digital Affairs Desk')
  for (const row of await page.getByTestId('results-table').locator('tbody tr').all()) {
    const cells = await row.locator('th, td').allTextContents()
    expect(text).toContain(`${cells[0]!.trim()} ${cells[1]!.trim()}`)
  }
  expect(foreign).toEqual([])
  expect(errors).toEqual([])
})

test('an owner or a sign-off name still being typed when the page is hidden (another tab or app) is saved', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/emerging-mid.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  const first = page.locator('.roadmap-item').first()
  const title = (await first.locator('h4').textContent())!.trim()
  /** What the browser does when the user switches to another tab or app (headless Chromium keeps every page visible). */
  const hide = () => page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
  })
  // Typed, the field not left: the browser sends no "change" when the page is hidden.
  await first.getByLabel('Owner').fill('Head of the Digital Affairs Desk')
  await hide()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.reload()
  await expect(page.locator('.roadmap-item', { hasText: title }).first().getByLabel('Owner')).toHaveValue('Head of the Digital Affairs Desk')
  await page.getByLabel('Prepared by').fill('A. Mensah')
  await hide()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Prepared by')).toHaveValue('A. Mensah')
})

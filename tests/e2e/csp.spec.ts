import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { pdfPages } from '../pdf-text'
import { trackCspViolations, trackErrors } from './helpers'

test('the Content-Security-Policy is sent and enforced: an inline script, an inline handler and an inline style are refused and reported', async ({ page }) => {
  const violations = await trackCspViolations(page)
  const response = await page.goto('/')
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  for (const directive of ["script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) expect(policy).toContain(directive)
  expect(policy).not.toContain('unsafe-inline')
  expect(policy).not.toContain('unsafe-eval')

  const refused = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.body.append(script)
    const button = document.createElement('button')
    button.setAttribute('onclick', 'window.__handlerRan = true')
    document.body.append(button)
    button.click()
    const style = document.createElement('style')
    style.textContent = 'body { visibility: hidden }'
    document.head.append(style)
    const state = window as unknown as { __inlineRan?: boolean, __handlerRan?: boolean }
    return { script: state.__inlineRan === true, handler: state.__handlerRan === true, style: getComputedStyle(document.body).visibility }
  })
  expect(refused).toEqual({ script: false, handler: false, style: 'visible' })
  await expect.poll(() => violations.filter(v => v.startsWith('script-src-elem')).length).toBeGreaterThanOrEqual(1)
  await expect.poll(() => violations.filter(v => v.startsWith('script-src-attr')).length).toBeGreaterThanOrEqual(1)
  await expect.poll(() => violations.filter(v => v.startsWith('style-src-elem')).length).toBeGreaterThanOrEqual(1)
})

test('the whole journey, charts, French and both PDFs run under the policy with zero violation reports', async ({ page }) => {
  const violations = await trackCspViolations(page)
  const errors = trackErrors(page)
  await page.goto('/')
  const card = page.locator('.questionnaire-card', { hasText: 'Tech diplomacy institutional maturity' }).first()
  await card.getByRole('button', { name: 'Start a new assessment' }).click()
  await page.getByLabel('Search countries').fill('Ghana')
  await page.getByLabel(/^Ministry/).fill('Ministry of Foreign Affairs')
  await page.getByLabel(/^Unit or department/).fill('Digital Affairs Desk')
  await page.getByRole('button', { name: 'Continue to the questionnaire' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mandate & institutional anchoring' })).toBeVisible()
  await page.locator('input[name="indicator-I1-1-answer"][value="level-1"]').check()
  await expect(page.getByText(/All changes saved on this device/)).toBeVisible()
  await page.getByRole('link', { name: 'Review' }).click()
  await page.getByRole('link', { name: 'Tech Diplomacy Maturity Assessment' }).click()

  await page.getByLabel('Import an answers file…').setInputFiles('tests/fixtures/answers/known-results.tda.json')
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('link', { name: 'Results', exact: true }).click()
  await expect(page.getByTestId('radar-chart')).toBeVisible()
  await page.getByTestId('radar-chart').scrollIntoViewIfNeeded() // Chart.js draws as the chart comes into view
  await page.getByLabel('Compare with an illustrative profile').selectOption({ index: 1 })
  await page.getByRole('link', { name: 'Roadmap', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible()
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF roadmap' }).click()])
  const text = (await pdfPages(new Uint8Array(readFileSync(await pdf.path())))).join(' ')
  expect(text).toContain('Roadmap')
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (.tda.json)' }).click()])
  expect(json.suggestedFilename()).toMatch(/\.tda\.json$/)

  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr')
  await page.getByRole('link', { name: 'Résultats', exact: true }).click()
  await expect(page.getByTestId('radar-chart')).toBeVisible()
  await page.getByTestId('radar-chart').scrollIntoViewIfNeeded()
  await page.reload()
  await expect(page.getByTestId('radar-chart')).toBeVisible()
  const [pdfFr] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PDF/ }).click()])
  expect(Buffer.from(readFileSync(await pdfFr.path()).subarray(0, 5)).toString()).toBe('%PDF-')

  expect(violations).toEqual([])
  expect(errors).toEqual([])
})
